"""Linking candidate numbers to a cluster and a metric from the release's own structure.

Press releases state cluster figures in two places: in the "About X" section that profiles X, and in
sentences whose subject is the cluster ("BioWin représente 260 membres…"). A number whose metric word is
known (members, jobs, export sales…) and whose cluster follows from one of those two is linked here,
deterministically, and says how (``Decision``). What the structure leaves open (a known metric with no
cluster in reach) stays unlinked. Some numbers belong to no single cluster and are
never linked: a number in an "About" section of something that is not a cluster (a regional industry, a
company), a budget (it belongs to the agreement), and an aggregate ("together, A and B count 1,800
SMEs"). A number introduced as part of another ("42 entreprises dont 17 start-up", "150 members,
including 80 companies") is linked with the whole it is part of, so no validator reads the two as rivals.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from extractor.analysis.lists import item_separator
from extractor.candidates import Candidate
from extractor.ground import find_all
from extractor.identity.clusters import name_fillers, same_cluster, spellings
from extractor.layout import Layout
from extractor.lexicon import alternation, pattern, words
from extractor.normalize.metrics import metric_around, metric_hint, names_a_metric
from extractor.text.fold import name_tokens, plain, unaccent
from extractor.text.sentences import Sentences
from schemas.figure import MONEY_METRICS, Decision, Metric

# A capitalised word after a sentence's first one.
_PROPER_NOUN = re.compile(r"(?<=[\w,;:'’\"”)] )[A-ZÀ-Ý]")
_KINDS_OF_MEMBER = frozenset({Metric.companies, Metric.smes, Metric.academic_institutions, Metric.research_centres, Metric.hospitals})
# What a number counts, coarsely: a part counts the same kind of thing as its whole ("150 members, including 80
# companies"), never another ("85 leden, waaronder 60 bedrijven, goed voor 3.500 banen": the jobs are no members).
# A member may be a production site ("75 adhérents, dont 31 sites de production").
_COUNTED_ALIKE = (_KINDS_OF_MEMBER | {Metric.members, Metric.production_sites}, frozenset({Metric.jobs, Metric.researchers}),
                  MONEY_METRICS)



_PLACE = r"(?P<place>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})"


@cache
def _scope_after() -> re.Pattern[str]:
    """"75 adhérents en Normandie": up to four words after the number, then a preposition and a place."""
    return re.compile(rf"[^\W\d_]*(?:\s+[^\W\d_]+){{0,3}}?\s+(?i:{alternation('scope_in')})\s+{_PLACE}")


@cache
def _more_places() -> re.Pattern[str]:
    return re.compile(rf"(?:{item_separator().pattern})(?:[a-z]+[ \t]+)?[A-ZÀ-Ý]")


def _qualifies_a_noun(text: str, end: int) -> bool:
    """"41,000 people employed in Scottish life sciences": the word is an adjective of the noun after it, no place."""
    following = re.match(r"[ \t]+([a-zà-ÿ][\w'’-]*)", text[end:end + 40])
    return following is not None and not pattern("function_word").fullmatch(unaccent(following.group(1)))


@cache
def _scope_heading() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?i:{alternation('scope_in')})\s+{_PLACE}\s*$")


@cache
def _whole_of() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){alternation('whole_of')}\s*$")


@cache
def _clause_end() -> re.Pattern[str]:
    return re.compile(rf"[.;:()\n]| (?i:{alternation('clause_break')}) ")


@dataclass(frozen=True)
class Link:
    candidate: Candidate
    cluster: str | None
    metric: Metric | None
    scope: str | None
    decided_by: Decision | None = None
    outside: bool = False  # belongs to no cluster: another organisation's section, a budget, an aggregate
    part_of: Candidate | None = None  # the whole this number is a part of

    @property
    def complete(self) -> bool:
        return self.cluster is not None and self.metric is not None


@dataclass(frozen=True)
class Linking:
    """The structure's reading of every offered number: the links it decides and the numbers it leaves."""

    links: tuple[Link, ...]

    @property
    def decided(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.complete)


def is_budget(text: str, candidate: Candidate, announces_agreement: bool = True) -> bool:
    """An amount introduced as a budget belongs to the agreement the release announces, not to a cluster;
    in a release that announces no agreement, it is what the cluster funds."""
    if candidate.unit in (None, "count", "percent") or not announces_agreement:
        return False
    return bool(pattern("budget").search(plain(text[max(0, candidate.start - 80):candidate.start])))


def _is_mixed_membership(text: str, candidate: Candidate, quantities: Sequence[Candidate]) -> bool:
    """"470 entreprises, organismes académiques, hôpitaux et collectivités": a count over several kinds
    of organisation is a membership count, not a count of the first kind named. The list ends where the
    next number starts ("250 Unternehmen, Kliniken und Hochschulen mit zusammen 60.000 Beschäftigten").
    A list that goes on into a number, written or spelled ("45 kmo's, veertien grote bedrijven, de vier
    ziekenhuizen"), is a breakdown whose items carry their own counts."""
    clause = _clause_end().split(unaccent(text[candidate.end:candidate.end + 200]), maxsplit=1)[0]
    end = candidate.end + len(clause)
    following = [q.start for q in quantities if candidate.end <= q.start < end]
    if following:
        clause = clause[:min(following) - candidate.end]
    items = [item.strip() for item in item_separator().split(clause)]
    if following and not _words_beyond_articles(items[-1]):
        return False
    # "23 organismes de recherche, d'enseignement supérieur et de valorisation": a second item that opens on "of"
    # goes on naming one kind ("…, universités et collectivités du domaine des biotechnologies, de l'e-santé" is
    # a list of kinds, then of fields).
    if len(items) > 1 and (said := _of_opening().match(items[1])) and not pattern("article").fullmatch(said.group(1)):
        return False
    return len(items) >= 3 and all(items[:-1]) and bool(items[-1])


@cache
def _of_opening() -> re.Pattern[str]:
    return re.compile(rf"((?i:{alternation('owned_by')}))(?:[ \t]|(?<=['’]))")


def _words_beyond_articles(item: str) -> bool:
    return any(not pattern("article").fullmatch(word) for word in plain(item).split())


def _metric(text: str, candidate: Candidate, quantities: Sequence[Candidate]) -> Metric | None:
    metric = metric_around(text, candidate.start, candidate.end)
    if metric in _KINDS_OF_MEMBER and _is_mixed_membership(text, candidate, quantities):
        return Metric.members
    if metric is None and candidate.unit not in (None, "count", "percent"):
        return None
    if metric in MONEY_METRICS and candidate.unit == "percent":
        return None
    if metric is Metric.projects and candidate.unit not in (None, "count", "percent"):
        return Metric.funding  # "12 M€ de projets financés": an amount of projects is the money they got
    if metric is not None and metric not in MONEY_METRICS and candidate.unit not in (None, "count", "percent"):
        return None  # "investimenti previsti dalle aziende…: CHF 650’000’000" counts no companies
    return metric


def _clusters_before(text: str, start: int, end: int, clusters: Sequence[str]) -> list[tuple[int, str]]:
    """(end offset, cluster) of every cluster named in text[start:end], however the release spells it ("MLSC
    counts 540 members", "Chiffres clés d'Auvergne MedTech" for the Pôle Auvergne MedTech), in order."""
    found = [(start + e, name) for name in clusters for spelling in spellings(name, text)
             for _, e in find_all(spelling, text[start:end])]
    return sorted(found)


@cache
def _owned_by() -> re.Pattern[str]:
    """A count's noun, then "of" and an article: "over 300 member companies of ", "les 250 adhérents du "."""
    return re.compile(rf"[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){{0,3}}?(?i:{alternation('owned_by')})(?:[ \t]+|(?<=['’]))"
                      rf"(?:(?i:{alternation('article')})[ \t]+)?")


def _owner_after(text: str, candidate: Candidate, clusters: Sequence[str]) -> str | None:
    """The cluster named right after the count's noun: "There are over 300 member companies of MVA"."""
    said = _owned_by().match(unaccent(text[candidate.end:candidate.end + 120]))
    if said is None:
        return None
    at = candidate.end + said.end()
    return next((name for name in clusters for spelling in spellings(name, text)
                 if text.startswith(spelling, at) and not re.match(r"[\w]", text[at + len(spelling):at + len(spelling) + 1])), None)


@cache
def _placed_reference() -> re.Pattern[str]:
    """"het Twentse cluster", "the Scottish network", "le pôle normand": an article, a cluster word and one
    adjective before or after it, which may tell the place in the cluster's name."""
    word = alternation("cluster_word")
    return re.compile(rf"(?<![\w])(?:{alternation('article')})\s+(?:(?P<before>[a-z][\w-]+)\s+{word}|{word}\s+(?P<after>[a-z][\w-]+))(?![\w])")


# An adjective of place and the place's name share their first letters: "twentse" and "Twente", "normand" and
# "Normandie", "scottish" and "Scotland"; a shorter share would join unrelated words. Inside a compound name
# the share must be longer: "murciano" and "BioMurcia", where "europeo" must not find "Eurobiomed".
PLACE_STEM = 4
PLACE_STEM_INSIDE = 5


def _by_place(adjective: str, clusters: Sequence[str]) -> str | None:
    """The one cluster with a distinctive word of the adjective's stem in its name ("Life Sciences Cluster
    Twente" for "het Twentse cluster")."""
    fillers = name_fillers()
    if len(adjective) <= PLACE_STEM or adjective in fillers or adjective in words("function_word"):
        return None
    stem, inside = adjective[:PLACE_STEM], adjective[:PLACE_STEM_INSIDE]
    named = [c for c in clusters if any((t.startswith(stem) or inside in t) and t not in fillers for t in name_tokens(c))]
    return named[0] if len(named) == 1 else None


def _by_reference(text: str, start: int, offset: int, clusters: Sequence[str]) -> str | None:
    """"the network now counts 85 members": the cluster whose name holds that noun, else the one cluster the text
    introduced with it before ("le pôle Eurobiomed", "Eurobiomed, le pôle de compétitivité…"), or the only cluster.
    "het Twentse cluster" is the one cluster whose name holds the adjective's place."""
    said = plain(text[start:offset])
    placed = list(_placed_reference().finditer(said))
    if placed and (cluster := _by_place(placed[-1].group("before") or placed[-1].group("after"), clusters)):
        return cluster
    references = list(pattern("reference").finditer(said))
    if not references:
        return None
    told = plain(text[:offset])
    # The nearest reference whose noun tells the cluster: "the network now counts 85 member companies and 12
    # research centres" is the network's, though "member companies" stands nearer the 12.
    for reference in reversed(references):
        noun = name_tokens(reference.group())[-1:]
        named = [c for c in clusters if set(noun) <= set(name_tokens(c))]
        if len(named) == 1:
            return named[0]
        introduced = [c for c in clusters if noun and _introduced_as(told, c, noun[0])]
        if len(introduced) == 1:
            return introduced[0]
    return clusters[0] if len(clusters) == 1 else None


def _introduced_as(plain_text: str, cluster: str, noun: str) -> bool:
    """The text puts the noun right before the name ("le pôle Eurobiomed") or in apposition after it
    ("Eurobiomed, le pôle de compétitivité santé")."""
    name = re.escape(plain(cluster))
    article = alternation("article")
    return bool(re.search(rf"(?<![\w]){noun}s?\s+{name}(?![\w])"
                          rf"|(?<![\w]){name}\s*,\s*(?:{article})\s*(?:[\w-]+\s+)?{noun}(?![\w])", plain_text))


def _scope(text: str, candidate: Candidate, layout: Layout) -> str | None:
    """The one place a figure is limited to ("75 adhérents en Normandie"); a figure said of a list of places
    ("430 members in Sweden, Denmark and Norway") is said of the cluster's whole footprint."""
    after = _scope_after().match(unaccent(text), candidate.end)
    if after and not _whole_of().search(plain(text[candidate.end:after.start("place")])):
        if _more_places().match(text, after.end("place")) or _qualifies_a_noun(text, after.end("place")):
            return None
        return text[after.start("place"):after.end("place")]
    heading = layout.subheading_at(candidate.start)
    found = _scope_heading().search(unaccent(heading.heading)) if heading else None
    return heading.heading[found.start("place"):found.end("place")] if heading and found else None


def _whole(text: str, candidate: Candidate, numbers: Sequence[Candidate], sentence_start: int) -> Candidate | None:
    """The number this one is introduced as part of: an earlier number of the same sentence followed by a
    subset marker ("dont", "including", "darunter", "di cui", "waarvan") before any other number, the
    marker opening the list this number is in."""
    earlier = [n for n in numbers if sentence_start <= n.start and n.end <= candidate.start and n.unit == candidate.unit]
    for i in range(len(earlier) - 1, -1, -1):
        following = earlier[i + 1].start if i + 1 < len(earlier) else candidate.start
        if pattern("subset").search(plain(text[earlier[i].end:following])):
            return earlier[i]
    return None


def _parent(whole: Candidate | None, links: Sequence[Link], sentence_start: int, candidate: Candidate,
            metric: Metric | None) -> Link | None:
    """The link of the whole a part belongs to: the number before the subset marker, or, when that one counts
    something else, the last number before it that counts the same kind of thing ("260 membres pour un total
    de 18 500 employés, y compris 140 entreprises": the companies are members, not employees)."""
    if whole is None:
        return None
    alike = [link for link in links if sentence_start <= link.candidate.start and link.candidate.end <= whole.end
             and link.candidate.unit == candidate.unit and _counted_alike(link.metric, metric)]
    return alike[-1] if alike else None


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row text[start:end] ("| Members | 180 | 310 |"): the spans between its pipes."""
    pipes = [i for i in range(start, end) if text[i] == "|"]
    return [(left + 1, right) for left, right in pairwise(pipes)]


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _row_above(text: str, line_start: int) -> tuple[int, int]:
    """The line above, over blank lines: a web page's table reaches the text one row per paragraph."""
    above = _line(text, line_start - 1)
    while above[0] > 0 and not text[above[0]:above[1]].strip():
        above = _line(text, above[0] - 1)
    return above


def _is_row(text: str, line: tuple[int, int]) -> bool:
    row = text[line[0]:line[1]].strip()
    return len(row) > 1 and row.startswith("|") and row.endswith("|")


def _table_cell(text: str, candidate: Candidate, clusters: Sequence[str]) -> tuple[str, Metric | None] | None:
    """A number in a table ("| Members | 180 | 310 |" under "| | Nordbio | Medalis |", as Markdown writes it and
    as a web page's table is read): the cluster that heads its column or its row, and the metric the other
    heading names."""
    line = _line(text, candidate.start)
    if not _is_row(text, line):
        return None
    header = line
    while header[0] > 0 and _is_row(text, above := _row_above(text, header[0])):
        header = above
    cells, heads = _cells(text, *line), _cells(text, *header)
    index = next((i for i, (s, e) in enumerate(cells) if s <= candidate.start < e), 0)
    if header == line or index == 0 or len(heads) != len(cells):
        return None
    column, row = text[slice(*heads[index])], text[slice(*cells[0])]
    for name, label in ((column, row), (row, column)):
        named = [c for c in clusters if find_all(c, name)]
        if len(named) == 1:
            return named[0], metric_hint("", f" {label.strip()}")
    return None


@cache
def _subject_lead() -> re.Pattern[str]:
    """What may stand between a comma and the subject's name: "…, le pôle Nordvita"."""
    return re.compile(rf"\s*(?:(?i:{alternation('article')})\s+)?(?:(?i:{alternation('cluster_word')})\s+)?")


FRONTED_REACH = 120  # how far after the number the comma ending an opening phrase may stand
JOINED_SUBJECT_REACH = 40  # how far into its sentence the count of a joining subject may stand ("Un conjunto de 16 …")


def _fronted_subject(text: str, sentence_start: int, candidate: Candidate, clusters: Sequence[str]) -> str | None:
    """"Fort de 280 adhérents, Alsace Santé accompagne…", "With 410 members, Nordvita is…": the number sits in the
    phrase that opens the sentence, and the cluster named right after that phrase's comma is its subject. The
    phrase may hold a list ("With 21,000 companies in health management, supply, and life sciences, the cluster
    covers…"): the first comma a subject follows ends it, and "the cluster" there is the one it refers to."""
    if "," in text[sentence_start:candidate.start]:
        return None
    folded = unaccent(text)  # the lexicon is accentless; offsets are the same
    sentence_end = text.find("\n", candidate.end)
    for comma in (m.start() for m in re.finditer(",", text[candidate.end:candidate.end + FRONTED_REACH])):
        comma += candidate.end
        if 0 <= sentence_end < comma:
            return None
        subject = _subject_lead().match(folded, comma + 1)
        at = subject.end() if subject else comma + 1
        window = text[at:at + max(map(len, clusters), default=0) + 10]
        named = next((c for c in clusters if any(s == 0 for s, _ in find_all(c, window))), None)
        if named is not None:
            return named
        if subject and pattern("reference").fullmatch(plain(text[comma + 1:at]).strip()):
            return _by_reference(text, comma + 1, at, clusters)
    return None



def _joined_into(text: str, sentence: tuple[int, int], candidate: Candidate, clusters: Sequence[str]) -> str | None:
    """"30 österreichische Biotechnologie-Unternehmen haben sich zum Branchenverband „Biotech Austria“
    zusammengeschlossen", "Un conjunto de 16 empresas … dieron forma a Pro Salud Chile": members counted as the
    subject that opens a sentence join or found the one cluster the sentence names after them."""
    if candidate.start - sentence[0] > JOINED_SUBJECT_REACH:
        return None
    after = text[candidate.end:sentence[1]]
    named = {name for name in clusters for spelling in spellings(name, text) if find_all(spelling, after)}
    if len(named) != 1 or not pattern("metric_grammar.joined_into").search(plain(after)):
        return None
    return named.pop()


def _counted_alike(whole: Metric | None, part: Metric | None) -> bool:
    if whole is None or part is None or whole == part:
        return True
    return any(whole in kind and part in kind for kind in _COUNTED_ALIKE)


def _not_a_stock(text: str, candidate: Candidate, sentence_start: int) -> bool:
    """"36 nouveaux adhérents", "12 projets l'année précédente", "next year the budget rises to 8 million",
    "depuis 1998, une centaine de start-up se sont créées", "sono nate 25 start-up", "l'ingresso di 13 soci": a
    change, an earlier year's number, a target, the companies created or the members who joined over a period,
    not what the cluster counts now."""
    after = plain(text[candidate.end:candidate.end + 60])
    if re.match(rf"\s*{alternation('change')}(?![\w])", after):
        return True
    clause = re.split(r"[.;!?()\n0-9]", after, maxsplit=1)[0]
    before = re.split(r"[.;!?()\n0-9]", plain(text[sentence_start:candidate.start]))[-1]
    return bool(pattern("past").search(clause) or pattern("past").search(before) or pattern("future").search(before)
                or pattern("future").search(clause) or pattern("created").search(clause) or pattern("created").search(before)
                or pattern("joined").search(before))


@cache
def _clause_after() -> re.Pattern[str]:
    return re.compile(rf"[.;!?()\n0-9]|(?<![\w])(?:{alternation('and')})(?![\w])")


def _companies_supported(text: str, candidate: Candidate, sentence_start: int, quantities: Sequence[Candidate],
                         metric: Metric | None) -> bool:
    """"ondersteunde sinds 2020 zo'n 70 startups", "a accompagné 40 start-up depuis 2015": the companies a cluster
    has supported over time, not companies it counts. The verb stands between the number before and the end
    of the number's clause, which "and" ends too ("210 companies and has supported 70 start-ups")."""
    if metric not in (Metric.companies, Metric.smes):
        return False
    floor = max([sentence_start, *(q.end for q in quantities if sentence_start <= q.end <= candidate.start)])
    after = _clause_after().split(plain(text[candidate.end:candidate.end + 60]), maxsplit=1)[0]
    return bool(pattern("supported").search(plain(text[floor:candidate.start])) or pattern("supported").search(after))


@cache
def _elided() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation('elided')})\s*$")


@cache
def _industry_subject() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation('and')})\s+{alternation('industry_subject')}(?![\w])")


def _said_of_the_industry(text: str, start: int, end: int, named: Sequence[tuple[int, str]]) -> bool:
    """"BioNord agrupa a 95 socios, y el sector da empleo a 4.500 personas": after the cluster it names last
    (named: the clusters the sentence names before the number), the sentence goes on about the whole industry,
    and the number is the industry's."""
    return bool(_industry_subject().search(plain(text[named[-1][0] if named else start:end])))


def _paragraph_subject(text: str, sentences: Sentences, sentence_start: int, candidate: Candidate, clusters: Sequence[str],
                       floor: int, numbers: Sequence[Candidate]) -> str | None:
    """"Flanders.health is the seventh cluster. […] More than 70 partners have joined": a sentence that names
    nothing before its number continues the paragraph's subject, the cluster its earlier sentences named last or
    referred to ("The cluster at a glance: • 450 member companies").
    A proper noun before the sentence's first number ("La Wallonie compte 9 892 emplois") makes the sentence
    about something else, though a metric's noun German capitalises does not ("Beschäftigte in den
    Mitgliedsunternehmen: 15.000"); one between its numbers is an item of the list they count ("45 SMEs, the
    four University Hospitals, three research centres")."""
    first = min((n.start for n in numbers if sentence_start <= n.start <= candidate.start), default=candidate.start)
    if any(not names_a_metric(text[m.start():].split(maxsplit=1)[0]) for m in _PROPER_NOUN.finditer(text, sentence_start, first)):
        return None
    paragraph = max(floor, text.rfind("\n\n", 0, sentence_start) + 1)
    named = _clusters_before(text, paragraph, sentence_start, clusters)
    if not named:
        # "The cluster at a glance:\n• 450 member companies": the paragraph opens on a reference to the cluster.
        return _by_reference(text, paragraph, sentence_start, clusters)
    # The last sentence that names a cluster must name one only: "A and B join forces" leaves it open.
    last = sentences.at(named[-1][0] - 1)
    distinct = {name for end, name in named if last[0] < end <= last[1]}
    return named[-1][1] if len(distinct) == 1 else None


def _is_aggregate(text: str, start: int, candidate: Candidate, clusters: Sequence[str]) -> bool:
    """"Together, A and B count 1,800 SMEs": two clusters named before the number with a word of togetherness."""
    named = {name for _, name in _clusters_before(text, start, candidate.start, clusters)}
    distinct = [n for n in named if not any(same_cluster(n, other) for other in named if other != n)]
    return len(distinct) >= 2 and bool(pattern("aggregate").search(plain(text[start:candidate.end + 40])))


def link_figures(text: str, sentences: Sentences, layout: Layout, offered: Sequence[Candidate], clusters: Sequence[str],
                 quantities: Sequence[Candidate], announces_agreement: bool = True) -> Linking:
    """Links each offered number; ``quantities`` are all the text's counted numbers, offered or not ("veertien"),
    as a number that is no figure still ends the list before it."""
    links: list[Link] = []
    for candidate in offered:
        metric = _metric(text, candidate, quantities)
        sentence_start = sentences.at(candidate.start)[0]
        if (is_budget(text, candidate, announces_agreement) or _not_a_stock(text, candidate, sentence_start)
                or _companies_supported(text, candidate, sentence_start, quantities, metric)):
            links.append(Link(candidate, None, metric, None, outside=True))
            continue
        section = layout.about_section_at(candidate.start)
        start = max(sentences.at(candidate.start)[0], section.start if section else 0)
        if metric is None and candidate.unit in (None, "count") and _elided().search(plain(text[start:candidate.start])):
            # "Provence Santé compte 520 adhérents. Riviera Biotech en réunit 380": the count before says what it counts
            metric = next((link.metric for link in reversed(links) if link.metric and link.candidate.unit in (None, "count")
                           and "\n\n" not in text[link.candidate.end:candidate.start]), None)
        parent = _parent(_whole(text, candidate, offered, start), links, start, candidate, metric)
        whole = parent.candidate if parent is not None else None
        if parent is not None and parent.metric is metric is Metric.members:
            # "310 members, including 190 companies, universities and service providers": a part of a membership
            # counts the kind it names first, as a membership of mixed kinds is its whole.
            metric = metric_around(text, candidate.start, candidate.end) or metric
        before = _clusters_before(text, start, candidate.start, clusters)
        cluster: str | None = None
        decided: Decision | None = None
        if section is not None:
            cluster = next((c for c in clusters if same_cluster(c, section.about)), None)
            if cluster is None:
                links.append(Link(candidate, None, metric, None, outside=True))
                continue
            decided = Decision.about_section
        elif _said_of_the_industry(text, start, candidate.start, before):
            links.append(Link(candidate, None, metric, None, outside=True))
            continue
        elif parent is not None and parent.cluster is not None:
            cluster, decided = parent.cluster, parent.decided_by
        elif _is_aggregate(text, start, candidate, clusters):
            links.append(Link(candidate, None, metric, None, outside=True))
            continue
        elif (cell := _table_cell(text, candidate, clusters)) is not None:
            cluster, decided = cell[0], Decision.table
            metric = cell[1] or metric
        else:
            if metric is not None and (owner := _owner_after(text, candidate, clusters)) is not None:
                cluster, decided = owner, Decision.sentence_subject
            elif before:
                cluster, decided = before[-1][1], Decision.sentence_subject
            elif (cluster := _by_reference(text, start, candidate.start, clusters)) is not None:
                decided = Decision.reference
            elif (cluster := (_fronted_subject(text, start, candidate, clusters)
                              or (_joined_into(text, sentences.at(candidate.start), candidate, clusters) if metric else None))) is not None:
                decided = Decision.sentence_subject
            if cluster is None and metric is not None:
                cluster = _paragraph_subject(text, sentences, start, candidate, clusters, section.start if section else 0,
                                             offered)
                decided = Decision.paragraph_subject if cluster else None
        scope = _scope(text, candidate, layout) if cluster else None
        links.append(Link(candidate, cluster, metric, scope, decided, part_of=whole))
    return Linking(tuple(links))
