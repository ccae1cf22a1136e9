"""People records: names the model listed, kept only where the release spells them and they name a person.

A small model lists organisations, places and sentence openings as people ("Fort de ce succès", "Acme
e.V.", "Kobe Bio Office"); a person's name is a few capitalised words, none of them an
organisation word, none of them a cluster or a party of the release. Titles are no part of a name:
"M. Jean Dupont" and "Jean Dupont" are one person.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz import fuzz

from extractor.ask.answers import PersonAnswer
from extractor.candidates import Candidate
from extractor.ground import evidence, find, find_all
from extractor.identity.clusters import same_cluster, spelt_by
from extractor.identity.people import same_person
from extractor.lexicon import alternation, leading_article, pattern, words
from extractor.records.flags import ungrounded
from extractor.text.fold import fold, name_key, name_tokens, plain, unaccent
from schemas.common import Flag
from schemas.release import Person

# A name answer sometimes drags its role along ("Laure WATTINNE- Attachée de presse").
_NAME_END = re.compile(r"\s*(?:[,(|/]|\s[-–—]|[-–—]\s).*$")
# "BioXclusters", "NordBIO": capitals inside a word mark a brand, save for "McDonald" and "DeVito".
_BRAND = re.compile(r"^(?!Mc|Mac|De|Di|Da|La|Le|O['’])[A-Z]?[a-z]+[A-Z]")
MAX_WORDS = 5
CREDIT_REACH = 40  # characters between a credit's label and the name: an agency ("Bild: Acme Verband / ")
EMAIL_REACH = 300


@cache
def _title(concept: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(concept)})\.?\s+")


@cache
def _titles() -> re.Pattern[str]:
    """Titles, and the sentence adverbs whose capital at a sentence's start a model copies into the name."""
    return re.compile(rf"^(?:(?:{alternation('honorific')}|{alternation('monarch')}|{alternation('sentence_opener')})\.?\s+)+")


@cache
def _particles() -> frozenset[str]:
    """Lower-case words a person's name may hold: "Maria Pascual de Zulueta", "Ann Van Gysel", "Jan de Vries"."""
    return frozenset(words("particle"))


@cache
def _name() -> re.Pattern[str]:
    """Two to four capitalised words, a particle allowed before the last ones: a person's name as written."""
    particle = rf"(?:(?:{alternation('particle')})[ \u00a0]+)?"
    return re.compile(rf"(?<![\w@.])[A-ZÀ-Ý][\w'’-]*[^\W\d_](?:[ \u00a0]+{particle}[A-ZÀ-Ý][\w'’-]*[^\W\d_]){{1,3}}")


@cache
def _of_organisation() -> re.Pattern[str]:
    """"Managing Director of BioNord", "directeur van het Life Sciences Cluster": the organisation a role names."""
    return re.compile(rf"(?<![\w])(?:(?i:{alternation('role_of')}|{alternation('descriptor')}|{alternation('descriptor_or_name')}|at|chez|bei)"
                      rf"\s+|d')(?:(?i:{alternation('article')})\s+|l'\s*)?(?P<org>[A-Z][\w&' -]+)$")


@cache
def _function_words() -> frozenset[str]:
    return frozenset(words("metric_grammar.function_words"))


@cache
def _title_or_role() -> re.Pattern[str]:
    return re.compile(rf"{alternation('honorific')}|{alternation('monarch')}|{alternation('role')}|officer|executive|chief")


@cache
def _role_of_before() -> re.Pattern[str]:
    """The end of "minister van ", "ministre de la ": a role and the word joining it to its field, whose
    capitalised name a model may take for a first name ("minister van Innovatie Crevits")."""
    return re.compile(rf"(?<![\w])(?:{alternation('role')})\s+(?:{alternation('role_of')})\s*$")


def _after_role_field(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without its first word when that word is the field of a role written just before it."""
    first = text[span[0]:span[1]].split(maxsplit=1)
    if len(first) < 2 or not _role_of_before().search(plain(text[max(0, span[0] - 40):span[0]])):
        return span
    return span[1] - len(first[1]), span[1]


def strip_title(name: str) -> tuple[str, bool]:
    """The name without the titles before it ("Prof. Dr. Jan Kowalski" -> "Jan Kowalski", "Ook Jan de Vries" ->
    "Jan de Vries"), and whether a monarch's title was among them, after which one name is a whole name
    ("King Jean-Baptiste")."""
    folded = plain(name)
    found = _titles().match(folded)
    if not found or found.end() >= len(folded):
        return name, False
    words_dropped = len(folded[:found.end()].split())
    return " ".join(name.split()[words_dropped:]), bool(_title("monarch").search(folded[:found.end()]))


def listed_with_a_role(name: str, answers: Sequence[PersonAnswer], text: str) -> bool:
    """The model lists the name among the people with a role, and the text itself marks it as a person's, after a
    title or before a comma and a role: "die Professoren Frank Emmrich, Direktor Fraunhofer IZI", a name a small
    model sometimes gives as a cluster as well. The model's word alone is not enough: it gives clusters roles too
    ("Biovalley France", "president")."""
    return (any(answer.role and same_person(name, answer.name) for answer in answers)
            and any(same_person(name, strip_title(found.name)[0]) for found in names_from_titles(text)))


def is_person_name(name: str, titled: bool, organisations: Sequence[str]) -> bool:
    words = name.split()
    if not words or len(words) > MAX_WORDS or any(c.isdigit() or c in "&@" for c in name):
        return False
    if len(words) == 1 and not titled:
        return False  # a lone word is a person only when a title says so ("King Jean-Baptiste")
    if any(_title_or_role().fullmatch(fold(w).rstrip(".")) for w in words):
        return False  # "Chief Executive Officer", "Königin"
    for word in words:
        if word.casefold() in _particles():
            continue
        if not word[0].isupper() or _BRAND.match(word) or (word.isupper() and len(word) > 1 and len(words) == 1):
            return False
    if any(pattern(concept).search(plain(name)) for concept in ("organisation", "event", "place_word")):
        return False  # "Medtech Partners", "Bio Europe Summit", "Harbour Square"
    return not any(same_cluster(name, org) or fold(name) == fold(org) for org in organisations)


def names_from_emails(candidates: Sequence[Candidate], text: str) -> list[PersonAnswer]:
    """A capitalised name shortly before an e-mail address whose local part spells part of it
    ("Capucine SARRADE-LOUCHEUR … capucine.sarrade-loucheur@…") is a press contact's name."""
    found = []
    for email in (c for c in candidates if c.kind == "email"):
        local = {t for t in name_tokens(str(email.value).split("@")[0]) if len(t) >= 3}
        before = text[max(0, email.start - EMAIL_REACH):email.start]
        matches = [m.group() for m in _name().finditer(before) if local & set(name_tokens(m.group()))]
        if matches:
            found.append(PersonAnswer(name=matches[-1]))
    return found


# The first entry of a press-contacts block, up to where its next field begins: "Anna Weber, Tel. …",
# "Leire Etxeberria – prensa@… – 944…", "Laure WATTINNE- Attachée de presse", "**Jane Doe** | …".
_FIRST_ENTRY = re.compile(r"[\s*_\[]*(?P<name>[^\n\t|/,;:()\[\]*–—<>@]+?)(?=[ \t]*(?:[\n\t|/,;:()\[\]*–—<>]|-[ \t]|[ \t]-)|[ \t]*$)")
CONTACT_LINES = 3


def names_from_contacts(text: str, body: int | None) -> list[PersonAnswer]:
    """The persons the first lines of a press-contacts block open with ("Pressekontakt: Anna Weber, Tel. …",
    "GIPSO\n\nEmmanuelle Pangaud, Directrice"): a contact with a shared address (presse@…) is named nowhere
    else, and no question asks the model about the block alone."""
    if body is None:
        return []
    lines = [line for line in text[body:].split("\n") if line.strip()][:CONTACT_LINES]
    found = []
    for line in lines:
        entry = _FIRST_ENTRY.match(line)
        name = entry.group("name").strip() if entry else ""
        if _name().fullmatch(name) and is_person_name(name, False, ()):
            found.append(PersonAnswer(name=name))
    return found


def names_from_titles(text: str) -> list[PersonAnswer]:
    """Names the text itself marks as a person's: after a title ("Prof. Dr. Jan Kowalski", "Königin Anna")
    or before a comma and a role ("Jan de Vries, Vorsitzender des…", "Ana Ruiz, presidenta de…")."""
    found: list[PersonAnswer] = []
    plain_text = unaccent(text)
    for match in _titled_name().finditer(plain_text):
        more = _CAPITALISED_RUN.match(text, match.end("name"))
        name = _cut_at_particle(text[match.start("name"):more.end() if more else match.end("name")], keep_after=False)
        found.append(PersonAnswer(name=f"{text[match.start('title'):match.start('name')]}{name}"))
    for match in _name_then_role().finditer(plain_text):
        found.append(PersonAnswer(name=_cut_at_particle(text[match.start("name"):match.end("name")], keep_after=True),
                                  role=text[match.start("role"):match.end("role")]))
    return found


_CAPITALISED_RUN = re.compile(r"(?:[ \u00a0]+[A-Z][\w'’-]*)+")


def _cut_at_particle(name: str, keep_after: bool) -> str:
    """A particle before one surname belongs to the name ("Jan de Vries"); before several capitalised words
    it joins two phrases: "Interview de Jan Kowalski" before a role, "Jan Kowalski von Acme Valley" after a title."""
    words = name.split()
    for i, word in enumerate(words):
        if word.casefold() in _particles() and len(words) - i - 1 >= 2:
            before, after = words[:i], words[i + 1:]
            return " ".join(after if keep_after else before) or name
    return name


_PERSON = r"(?P<name>[A-Z][\w'’-]*[^\W\d_](?:[ \u00a0]+(?:(?:de|van|von|da|del|der|den|le|la|du)[ \u00a0]+)?(?:[A-Z]\.|[A-Z][\w'’-]*[^\W\d_])){0,3})"


@cache
def _titled_name() -> re.Pattern[str]:
    titles = rf"(?i:{alternation('honorific')}|{alternation('monarch')})"
    return re.compile(rf"(?<![\w])(?P<title>(?:{titles}\.?[ \u00a0]+)+){_PERSON}")


@cache
def _name_then_role() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@.]){_PERSON}[ \u00a0]*,[ \u00a0]*(?P<role>(?i:{alternation('role')}))(?![\w])")


def _title_case(surface: str) -> str:
    """"Maria PASCUAL DE ZULUETA" -> "Maria Pascual de Zulueta"; mixed-case names stay as written."""
    words = surface.split()
    if not any(w.isupper() and len(w) > 1 for w in words):
        return surface
    out = []
    for i, word in enumerate(words):
        if word.isupper() and len(word) > 1:
            lowered = word.lower()
            word = lowered if i and lowered in _particles() else "-".join(p.capitalize() for p in lowered.split("-"))
        out.append(word)
    return " ".join(out)


_DOMAIN = re.compile(r"(?:www\.)?([\w-]+)(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def _organisation(answer: PersonAnswer) -> str | None:
    """The organisation the model names, else the one its role names; a press office is no organisation of its
    own ("Ufficio stampa TLS" is TLS)."""
    said = (answer.organisation or "").strip()
    if not said:
        role = answer.role or ""
        match = _of_organisation().search(unaccent(role))
        said = role[match.start("org"):match.end("org")].strip() if match else ""
    office = _press_office().match(unaccent(said))
    if office:
        said = said[office.end():].strip()
    # "Le pôle Santé Bourgogne" is the pôle's name without its article.
    said = said[article.end():] if (article := leading_article().match(unaccent(said))) else said
    return said or None


def _role(answer: PersonAnswer, name: str) -> str | None:
    """The role the model gives, without the person's own name, which it sometimes copies into it
    ("gedeputeerde Bart Hoekstra van de provincie Overijssel")."""
    role = " ".join((answer.role or "").split())
    for start, end in reversed(find_all(name, role)):
        role = f"{role[:start].rstrip(' ,')} {role[end:].lstrip(' ,')}"
    return role.strip(" ,") or None


@cache
def _press_office() -> re.Pattern[str]:
    return re.compile(rf"(?i:{alternation('contacts')})(?:\s+|$)")


def _inside_a_word(text: str, span: tuple[int, int]) -> bool:
    """"Jean" found in "Jean-Baptiste", "Brien" in "O’Brien" is part of another name; after an elision
    ("en présence d’Anne-Marie Idrac") a name stands whole."""
    before = text[span[0] - 2:span[0]] if span[0] >= 2 else ""
    after = text[span[1]:span[1] + 2]
    return bool(re.match(r"[-'’]\w", after)) or bool(re.fullmatch(r"\w-|[^\W\d_a-zà-ÿ]['’]", before))


# How close the model's spelling must be to the text's: of a first name ("Eduardo" for "Edoardo"), of a role
# ("forzitter" for "voorzitter").
FIRST_NAME_SIMILARITY = 70
MISSPELT_ROLE_SIMILARITY = 80


def _misspelt(name: str, text: str) -> tuple[int, int] | None:
    """The text's own spelling of a name the model misspelt in its first word ("Maximiliano Boggetti" for
    "Massimiliano Boggetti"): the same surname, after a capitalised word close to the model's first name."""
    first, *rest = name.split()
    if not rest:
        return None
    surname = " ".join(rest)
    for start, end in find_all(surname, text):
        before = re.search(r"([A-ZÀ-Ý][\w'’-]+)[ \t]+$", text[max(0, start - 40):start])
        if before and fuzz.ratio(fold(before.group(1)), fold(first)) >= FIRST_NAME_SIMILARITY:
            return start - len(before.group()), end
    return None


# Brackets holding this many names are a list of examples: "(Sanofi, Servier, Ipsen, Pierre Fabre...)".
EXAMPLE_ITEMS = 3
EXAMPLE_WORDS = 4


@cache
def _credit_label() -> re.Pattern[str]:
    """"Photo:Surya Sridhar", "Bild: Acme Verband / Jan Kowalski", "© Jan Kowalski": a credit's label, and at most a
    short agency name before the name it credits."""
    return re.compile(rf"(?:(?<![\w])(?i:{alternation('photo_credit')})[ \t]*:|©)[ \t]*(?:[^:/\n]{{1,{CREDIT_REACH}}}/[ \t]*)?$")


def _only_credited(name: str, text: str) -> bool:
    """Every mention closes its line right after a credit's label: the photographer, none of the release's people.
    A caption that names who is in the picture ("Photo: Jan Kowalski signs the charter") goes on after the name."""
    spans = find_all(name, text)
    return bool(spans) and all(_credited_at(text, start, end) for start, end in spans)


def _credited_at(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    after = text[end:line_end if line_end >= 0 else len(text)]
    return bool(_credit_label().search(unaccent(text[text.rfind("\n", 0, start) + 1:start]))) and not after.strip(" \t.)")


def _only_among_examples(name: str, text: str) -> bool:
    """Every mention stands in brackets among other names, one of them a single word: a list of member
    organisations, where a name with a person's shape is a company's ("Pierre Fabre")."""
    spans = find_all(name, text)
    return bool(spans) and all(_bracketed_list(text, start) for start, _ in spans)


def _bracketed_list(text: str, at: int) -> bool:
    opening, closing = text.rfind("(", 0, at), text.find(")", at)
    if opening < 0 or closing < 0 or ")" in text[opening:at] or "(" in text[at:closing]:
        return False
    inside = text[opening + 1:closing]
    items = [item.strip(" .…") for item in inside.split(",")]
    return (len(items) >= EXAMPLE_ITEMS and not re.search(r"[;:]", inside) and all(len(item.split()) <= EXAMPLE_WORDS for item in items)
            and any(len(item.split()) == 1 for item in items))


def _titled_in_text(text: str, span: tuple[int, int]) -> bool:
    """A monarch's title right before the name in the text ("Ihre Majestät Königin Anna")."""
    before = plain(text[max(0, span[0] - 40):span[0]]).split()
    return any(_title("monarch").fullmatch(" ".join(before[i:]) + " ") for i in range(max(0, len(before) - 3), len(before)))


def build_people(answers: Sequence[PersonAnswer], text: str, organisations: Sequence[str]) -> tuple[list[Person], list[Flag]]:
    """One record per person, in the order the answers name them; later answers only fill gaps.

    ``organisations`` are the clusters and parties of the release: a name that is one of them is no person.
    """
    flags: list[Flag] = []
    people: list[Person] = []
    for answer in answers:
        if answer.role and pattern("organisation").fullmatch(plain(answer.role)):
            continue  # the model's own word that the name is a company's ("Biological E", role "company")
        name, titled = strip_title(_NAME_END.sub("", " ".join(answer.name.split())))
        while len(name.split()) > 1 and name.split()[0].casefold() in _function_words():
            name = name.split(maxsplit=1)[1]  # "For Jan Kowalski" at the head of a contact line
        if not name:
            continue
        span = find(name, text) or _misspelt(name, text)
        if span is None:
            flags.append(ungrounded("the person", name))
            continue
        span = _after_role_field(text, span)
        surface = text[span[0]:span[1]]
        if (_inside_a_word(text, span) or _only_among_examples(surface, text) or _only_credited(surface, text)
                or not is_person_name(surface, titled or _titled_in_text(text, span), organisations)):
            continue
        known = next((p for p in people if same_person(p.name, surface)), None)
        if known is None:
            people.append(Person(
                name=_title_case(surface),
                role=_role(answer, surface),
                organisation=_organisation(answer),
                evidence=evidence(text, *span),
            ))
        else:
            role = _role(answer, surface)
            # The role as the text writes it beats the model's misspelling of it ("forzitter" for "voorzitter").
            if not known.role or (role and not find_all(known.role, text) and find_all(role, text)
                                  and fuzz.ratio(fold(known.role), fold(role)) >= MISSPELT_ROLE_SIMILARITY):
                known.role = role
            known.organisation = known.organisation or _organisation(answer)
    _roles_at_their_names(people, text)
    return people, flags


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _roles_at_their_names(people: Sequence[Person], text: str) -> None:
    """A role the text writes stays only with a person it is written next to: the model sometimes hands one
    person's role to another name it lists ("said Dr. Jane Roe, President and CEO of Acme" given to the press
    contact at the end). Each place a role is written belongs to the person named nearest to it. A role of one
    word ("president") may be the model's own word for another ("présidente"), and a role the text does not
    write as such cannot be checked: both stay."""
    mentions = [find_all(person.name, text) for person in people]

    def nearest(span: tuple[int, int]) -> int:
        return min(range(len(people)), key=lambda i: min((_gap(span, m) for m in mentions[i]), default=len(text)))

    for index, person in enumerate(people):
        places = find_all(person.role, text) if person.role and len(person.role.split()) > 1 else []
        if places and all(nearest(span) != index for span in places):
            person.role = None


def name_organisations(people: Sequence[Person], organisations: Sequence[str], text: str) -> None:
    """Each person's organisation under the name the release's records give it, when it is one of them
    spelt another way: "MVA" for "Medicon Valley Alliance (MVA)", "Clustersaluteadriatico" read off a mail
    address, "Neurosud" for "NeuroSud". Tables then join a person to the cluster or party. A name with words
    of its own is another organisation, or another part of one ("Alsace Biovalley", "Polepharma" beside
    "Polepharma-GIPSO"), and stays as written. A person the model gave no organisation has the one their role
    names, when it names one of them ("communicatie Oost NL Health Cluster"). A long name the model misspelt
    is read as the release writes it ("Distrettto Biomedicale X" is "Distretto Biomedicale X")."""
    for person in people:
        said = person.organisation
        if not said:
            named = {name for name in organisations if person.role and find_all(name, person.role)}
            person.organisation = named.pop() if len(named) == 1 else None
            continue
        domain = _DOMAIN.fullmatch(said)
        if not find_all(said, text) and (span := find(said, text)) is not None:
            said = text[span[0]:span[1]]  # a long name the model misspelt, as the release writes it
        label = domain.group(1).replace("-", "").casefold() if domain else name_key(said).replace(" ", "")
        spelt = next((name for name in organisations if name != said and spelt_by(label, name, text)), None)
        # A mail or web domain ("nwbiohub.co.uk") names an organisation only when it spells one of the release's.
        person.organisation = spelt or (None if domain else said)
