"""Which clusters a release is about: those the model names, those its "About" sections profile, and
those the text itself introduces as a cluster ("le pôle de compétitivité Acmepole Biothérapies",
"an alliance named Nova Santé") or refers back to by its kind ("Nordbio Network … the network counts").

A small model sometimes returns an empty or partial list; these conventions of the genre say the same
thing deterministically. An "About X" section counts only when its first lines present X as a cluster,
pole, hub or network, so "About the pharmaceutical industry in Normandy" adds nothing.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from extractor.analysis.lists import item_separator
from extractor.ground import find_all
from extractor.identity.clusters import abbreviations, name_fillers, name_of_initials, same_cluster
from extractor.identity.organisations import is_event_or_country
from extractor.layout import Layout
from extractor.lexicon import alternation, leading_article, pattern
from extractor.lexicon import words as words_of
from extractor.normalize.countries import place_country
from extractor.normalize.metrics import names_a_metric
from extractor.text.fold import fold_words, name_tokens, plain, unaccent

PRESENTATION_CHARS = 400
NAME_MAX_WORDS = 4
REFERENCE_REACH = 1500  # how far before "the network" its name may stand
# A name is capitalised words, possibly joined by a hyphen, a dot or "&" ("Acme.health", "bioAcme Plus").
# It starts where a word starts: tried inside a long word, the lowercase run before a capital would be
# scanned again from every letter, and reading would grow with the square of the word's length.
_JOINS = "de|du|des|of|di|del|della|delle|der|van|la"  # small words inside a name: "Vallée de la Pharma"
_NAME = rf"(?P<name>(?<!\w)(?:[A-Z]|[a-z]+[A-Z])[\w'’.&-]*[\w](?:[ \t]+(?:[A-Z0-9][\w'’.&-]*[\w]|{_JOINS}|&)){{0,5}})"




@cache
def _cluster_word() -> re.Pattern[str]:
    return re.compile(rf"\b{alternation('cluster_word')}\b", re.IGNORECASE)


@cache
def _introduced() -> re.Pattern[str]:
    """"<cluster word> [adjectives] [named] Name", on one line: the text calls Name a cluster. A heading that ends
    in a cluster word ("Kennzahlen des Clusters") introduces no name on the line below it, and a cluster word
    closing a compound ("der Biotech-Cluster Rhein-Main") is part of the name."""
    return re.compile(
        rf"(?<![\w-])(?P<word>(?i:{alternation('cluster_word')}))(?:[ \t]+{_epithet()}){{0,2}}?[ \t]+(?:(?i:{alternation('named')})[ \t]+)?[«\"“]?[ \t]*{_NAME}"
    )


@cache
def _named_cluster() -> re.Pattern[str]:
    return re.compile(alternation("cluster_name_end"))


@cache
def _not_distinctive() -> frozenset[str]:
    """Words no name is told apart by: those many names share, and the small words that join them."""
    return name_fillers() | frozenset(words_of("particle")) | frozenset(words_of("function_word"))


@cache
def _headed(language: str | None) -> re.Pattern[str]:
    """"el Clúster de Salud de Asturias", "il Polo Salute Adriatico", "il Distretto toscano Scienze della vita": after
    an article, a capitalised cluster word opens the cluster's own name, up to NAME_MAX_WORDS capitalised words
    joined by particles, after one adjective at most (no role: "the Cluster manager Jane Roe")."""
    word = r"[A-Z][\w'’.&-]*[\w]"
    joint = rf"(?:(?:{_JOINS})[ \t]+)*"
    adjective = rf"(?:[ \t]+(?!(?i:{alternation('role')})(?![\w])){_epithet()})?"
    return re.compile(rf"(?<![\w])(?i:{alternation('article')})[ \t]+(?P<name>(?P<word>(?i:{alternation('cluster_name_head', language)}))"
                      rf"{adjective}(?:[ \t]+{joint}{word}){{1,{NAME_MAX_WORDS}}})")


@cache
def _copula() -> re.Pattern[str]:
    """"Name is the seventh cluster", "Name est le pôle santé de…": a name the sentence calls a cluster. In
    German and Dutch the cluster word may end a compound ("ist ein Zuliefernetzwerk", "is een zorgcluster")."""
    return re.compile(
        rf"{_NAME}[ \t]+(?i:{alternation('copula')})(?:[ \t]+[a-z'’-]+){{1,3}}?[ \t]+[A-Za-zÀ-ÿ]*?(?P<word>(?i:{alternation('cluster_word')}))(?![\w])"
    )


@cache
def _apposition() -> re.Pattern[str]:
    """"Eurobiomed, le pôle de compétitivité…", "BioCom, un cluster basé à San Diego", "Acme, cluster asociado a…":
    a name the sentence goes on to call a cluster. "Jean Roe, président du pôle", "Jane Roe, the network's president",
    "Jane Roe, cluster manager", "Jan de Vries, directeur Vereniging X" call no name a cluster."""
    role = rf"(?i:{alternation('role')})(?![\w])"
    return re.compile(
        rf"{_NAME}[ \t]*,[ \t]*(?:(?i:{alternation('article')})[ \t]+)?(?:(?!{role}){_epithet()}[ \t]+){{0,2}}?(?P<word>(?i:{alternation('cluster_word')}))"
        rf"(?![\w]|['’]s\b|[ \t]+{role})"
    )


@cache
def _called() -> re.Pattern[str]:
    """"E' nato il primo Distretto … Si chiama "Acme Bioscience".": a name in quotes that a sentence gives to what the
    text presented just before it as a cluster."""
    return re.compile(rf"(?<![\w])(?i:{alternation('called')})[ \t]+[«\"“„][ \t]*(?P<name>[^\"”»\n]{{2,60}}?)[ \t]*[»\"”]")


CALLED_REACH = 300  # how far before "si chiama" the cluster word may stand


def _within_a_sentence(name: str, plain_text: str) -> bool:
    """The text writes the name after a word of its sentence somewhere: a capitalised word that only opens sentences
    ("Ainsi, le pôle…", "Today, the network…") is no name."""
    return re.search(rf"[\w,:;'’][ \t]+{re.escape(name)}(?![\w])|[\w][’']{re.escape(name)}(?![\w])", plain_text) is not None


@cache
def _epithet() -> str:
    """Words between the cluster word and the name describe the cluster ("le cluster québécois Nordmed"); a
    function word would make the name a place or a field ("cluster in California", "pôle de santé")."""
    return rf"(?!(?i:{alternation('function_word')})(?![\w'’-]))[a-zà-ÿ'’-]+"


def _trim(name: str) -> str:
    """A name stops before a lowercase word or an apposition, and at NAME_MAX_WORDS words."""
    stripped = leading_article().sub("", unaccent(name))
    words = name[len(name) - len(stripped):].split()
    dangling = {"&", *words_of("particle"), *words_of("function_word")}
    while words and words[-1].casefold() in dangling:
        words.pop()
    return " ".join(words[:NAME_MAX_WORDS]).rstrip(".")


def introduced_clusters(text: str, language: str | None = None) -> list[str]:
    names: list[str] = []
    tried: set[str] = set()  # a long release repeats its names: each is weighed once
    plain_text = unaccent(text)
    said_to_be = [*_copula().finditer(plain_text), *(m for m in _apposition().finditer(plain_text)
                                                      if _within_a_sentence(_trim(m.group("name")), plain_text))]
    places = {m.start("name") for m in said_to_be if _written_as_place(_trim(m.group("name")), plain_text, language)}
    matches = sorted([*_introduced().finditer(plain_text), *said_to_be], key=lambda m: m.start("name"))
    for found in matches:
        if found.start("name") in places:
            continue
        start = found.start("name")
        # A capitalised cluster word is part of a proper name ("EU Japan Cluster Matchmaking Event"), not a
        # word that introduces one; German capitalises every noun ("der Spitzencluster Bio Valley").
        if found.group("word")[0].isupper() and language != "de" and text[max(0, found.start() - 2):found.start()].strip(" \n") not in ("", "."):
            continue
        name = _trim(text[start:found.end("name")])
        if name in tried:
            continue
        tried.add(name)
        if place_country(name) or (name.isupper() and len(name) <= 3) or all(names_a_metric(word) for word in name.split()):
            continue
        if (len(fold_words(name).text) >= 3 and set(name_tokens(name)) - _not_distinctive()
                and not any(same_cluster(name, known) for known in names)):
            names.append(name)
    for found in _headed(language).finditer(plain_text):
        name = text[found.start("name"):found.end("name")].rstrip(".")
        if (found.group("word")[0].isupper() and not place_country(name) and not names_a_metric(name.split()[-1])
                and set(name_tokens(name)) - _not_distinctive()
                and not any(same_cluster(name, known) for known in names)):
            names.append(name)
    for found in _kind_named().finditer(plain_text):
        name = _trim(text[found.start("name"):found.end("name")])
        # The name must end at its cluster word: "EU Japan Cluster Matchmaking Event" names an event.
        if (found.group("word")[0].isupper() and _named_cluster().fullmatch(found.group("word").casefold())
                and not re.match(r"[ \t]+[A-Z]", plain_text[found.end():])
                and set(name_tokens(name)) - _not_distinctive() and not any(same_cluster(name, known) for known in names)):
            names.append(name)
    for found in _called().finditer(plain_text):
        name = text[found.start("name"):found.end("name")]
        if (_cluster_word().search(plain_text, max(0, found.start() - CALLED_REACH), found.start())
                and set(name_tokens(name)) - _not_distinctive() and not any(same_cluster(name, known) for known in names)):
            names.append(name)
    for name in _referred(plain_text, text):
        if not any(same_cluster(name, known) for known in names):
            names.append(name)
    return names


def _written_as_place(name: str, plain_text: str, language: str | None) -> bool:
    """"León es el tercer polo biotecnológico de España … 1.500 empleos en León": a name the text also writes
    after "in" is a place it ranks among hubs, not a cluster organisation."""
    return bool(name) and re.search(rf"(?<![\w])(?i:{alternation('locative', language)})[ \t]+{re.escape(name)}(?![\w])", plain_text) is not None


@cache
def _reference() -> re.Pattern[str]:
    """"the network", "le pôle": a cluster word in lower case after an article refers to a name given before."""
    return re.compile(rf"(?<![\w])(?i:{alternation('article')})\s+(?P<word>{alternation('cluster_word')})(?![\w])")


@cache
def _kind_named() -> re.Pattern[str]:
    """Up to three capitalised words and a cluster word closing the name: "Nordbio Life Science Network"."""
    # A full stop stays inside a word ("human.technology") but never ends one: "Handel. Der Medical Cluster"
    # crosses a sentence end.
    return re.compile(rf"(?<![\w])(?P<name>(?:[A-Z](?:[\w'’&-]|\.(?=\w))*[ \t]+){{1,3}}(?P<word>(?i:{alternation('cluster_word')})))(?![\w])")


def _referred(plain_text: str, text: str) -> list[str]:
    """Names that end in the cluster word the text later uses for them ("Nordbio Network signed… the network
    now counts 85 members"): the nearest such name before the reference, within REFERENCE_REACH."""
    ends: dict[str, list[int]] = {}  # in text order, per cluster word, so the nearest is found by bisection
    named: dict[str, list[str]] = {}
    for found in _kind_named().finditer(plain_text):
        if found.group("word")[0].isupper():
            word = found.group("word").casefold().rstrip("s")
            ends.setdefault(word, []).append(found.end())
            named.setdefault(word, []).append(_trim(text[found.start("name"):found.end("name")]))
    names: list[str] = []
    for found in _reference().finditer(plain_text):
        word = found.group("word").rstrip("s")
        nearest = bisect_right(ends.get(word, []), found.start()) - 1
        if nearest < 0 or ends[word][nearest] < found.start() - REFERENCE_REACH:
            continue
        name = named[word][nearest]
        if len(name.split()) >= 2 and name not in names:
            names.append(name)
    return names


def described_clusters(text: str, layout: Layout) -> list[str]:
    names = []
    for section in layout.sections:
        if not section.about:
            continue
        body_start = section.start + len(section.heading)
        body = text[body_start:min(section.end, body_start + PRESENTATION_CHARS)]
        if _cluster_word().search(body) and find_all(section.about, text):
            names.append(section.about)
    return names


COMPANY_FORM_INSIDE = 3


def could_be_cluster(name: str, text: str) -> bool:
    """The release spells the name, with its capital, and it is neither a country, an event ("BIO 2017"), a company ("Acme S.p.A.",
    "la société Acme", "la Acme Farmaceutici" between two of them), a noun that counts ("Unternehmen") nor an
    authority, a university, an institute or a hospital ("Regione Toscana", "City of Yokohama", "Università di
    Siena", "Nantes Université", "Fraunhofer-Institut für Biomedizin"), which a model lists among clusters when
    they sign with one."""
    mentions = find_all(name, text)
    # "an dem Cluster beteiligten Unternehmen": German capitalises the nouns a count names, which name no one
    if not mentions or is_event_or_country(name) or all(names_a_metric(word) for word in name.split()):
        return False
    if " " in name and name[:1].isupper() and all(text[start].islower() for start, _ in mentions):
        # "Farmacias digitales" for the text's "farmacias digitales": a kind of firm, not a name. One word may be a
        # brand written in lower case ("scienceindustries"), which a model capitalises.
        return False
    return not (_names_no_cluster(name)
                or any(_company_word().search(plain(text[max(0, start - 40):start])) for start, _ in mentions)
                or any(_listed_beside_a_company(text, start, end) for start, end in mentions)
                or any(_names_no_cluster(full) for full in _spelt_out(name, text, mentions)))


def _names_no_cluster(name: str) -> bool:
    folded = plain(name)
    return bool(_company_form().search(folded) or _authority().match(folded) or pattern("institution").search(folded))


@cache
def _neighbours() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The list item right before a name (searched in the text before it) and right after it (matched after it)."""
    joint = rf"(?:{item_separator().pattern})(?:(?i:{alternation('article')})[ \t]+)?"
    return (re.compile(rf"(?:^|[,;(:\n])[ \t]*(?P<item>[^,;()\n]{{2,60}}?){joint}$"),
            re.compile(rf"{joint}(?P<item>[^,;()\n]{{2,60}}?)[ \t]*(?:[,;.)\n]|$)"))


def _listed_beside_a_company(text: str, start: int, end: int) -> bool:
    """"ci sono la Altergon Italia SpA, la Damor Farmaceutici, Esaote SpA": a name listed between companies is one."""
    before, after = _neighbours()
    items = (before.search(text[max(0, start - 80):start]), after.match(text[end:end + 80]))
    return any(found and _company_form().search(plain(found.group("item")).rstrip(".")) for found in items)


@cache
def _before_brackets() -> re.Pattern[str]:
    return re.compile(rf"{_NAME}[ \t]*\($")


def _spelt_out(short: str, text: str, mentions: Sequence[tuple[int, int]]) -> list[str]:
    """The full names a short one abbreviates where the release gives it in brackets: "la Universidad Tecnológica
    (UNITEC)" makes UNITEC a university."""
    fulls = []
    for start, end in mentions:
        if text[end:end + 1] == ")" and (found := _before_brackets().search(text, max(0, start - 80), start)):
            fulls.append(found.group("name"))
    return fulls


@cache
def _company_form() -> re.Pattern[str]:
    """A company's legal form closing the name ("Acme SA"), or of three letters or more anywhere in it ("Agora
    S.R.L. - Salute 360"): a form of two letters inside a name is as often a word of it."""
    forms = words_of("company_form")
    inside = "|".join(f for f in forms if len(re.sub(r"[^a-z]", "", f.replace("\\.?", ""))) >= COMPANY_FORM_INSIDE)
    return re.compile(rf"(?<![\w])(?:(?:{alternation('company_form')})\.?\s*$|(?:{inside})\.?(?![\w]))")


@cache
def _company_word() -> re.Pattern[str]:
    """The end of "dirigeant de la société ", "CEO of the company ": a company's name follows."""
    return re.compile(rf"(?<![\w])(?:{alternation('company_word')})\s*$")


@cache
def _authority() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{alternation('article')})\s*)?(?:{alternation('authority')})(?![\w])")


def whole_name(name: str, text: str) -> str:
    """The name the release writes where the model gave a single word of it: the name an acronym's initials spell
    out, or the longer name the word only ever ends inside a sentence ("Regensburg" for "die BioRegio
    Regensburg", where "Regensburg." alone only opens a line)."""
    if " " in name:
        return name
    if (full := name_of_initials(name, text)) is not None and could_be_cluster(full, text):
        return full
    inside = [start for start, _ in find_all(name, text) if text[text.rfind("\n", 0, start) + 1:start].strip()]
    dangling = {*words_of("article"), *words_of("function_word"), *words_of("particle")}
    heads = set()
    for start in inside:
        # only a word shaped as a name ("BioRegio", "BIO"): German capitalises every noun ("der Verbund Rheinmed")
        found = re.search(r"(?<![\w])([A-Z][\w.&-]*[A-Z0-9][\w.&-]*)[ \t]+$", text[max(0, start - 40):start])
        # a capitalised word that opens a sentence ("Today BioWin…") is no part of a name
        opens = found is not None and re.search(r"(?:^|[.!?:\n])[ \t\"«“]*$", text[max(0, start - 80):start - len(found.group(0))])
        if found is None or opens or found.group(1).casefold() in dangling:
            return name
        heads.add(found.group(1))
    if len(heads) == 1 and could_be_cluster(whole := f"{heads.pop()} {name}", text):
        return whole
    return name


def roster(named: Sequence[str], known: Sequence[str], text: str) -> list[str]:
    """The model's clusters the release spells, then every cluster the text presents that the model
    missed, without duplicates. A short name the release gives in brackets after a full one is that cluster,
    under its full name."""
    out: list[str] = []
    for name in [*named, *known]:
        name = name.strip()
        if not name or not could_be_cluster(name, text):
            continue
        name = whole_name(name, text)
        joined = next((i for i, other in enumerate(out) if other.startswith(name) and item_separator().match(other, len(name))), None)
        if joined is not None:
            out[joined] = name  # the model's "X e la Regione Y", two names joined, where the text presents X
            continue
        if any(same_cluster(name, other) for other in out):
            continue
        short = next((i for i, other in enumerate(out) if other in abbreviations(name, text)), None)
        if short is not None:
            out[short] = name  # the model's "CSG" where the release writes "Clúster de Salud de Galicia (CSG)"
        elif not any(name in abbreviations(other, text) for other in out):
            out.append(name)
    return out
