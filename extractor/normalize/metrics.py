"""Which cluster metric a number measures, from the words around it ("445+ members", "80k jobs").

The noun right after the number decides ("140 entreprises industrielles" -> companies); the words
before it are the fallback ("chiffre d'affaires : 25 M€" -> revenue). The words themselves live in
extractor/lexicon/<lang>/metrics.toml: ``metric.<name>`` names a metric, ``metric_before.<name>``
names it only before the number ("employing 1,200"), ``metric_grammar.*`` are the small words that
let the noun stand a few words away. Text is matched folded (extractor.text.fold.plain).
"""
from __future__ import annotations

import re
from functools import cache

from extractor.lexicon import alternation, pattern, words
from extractor.text.fold import plain
from schemas.figure import Metric

# Checked in this order at the head of the phrase: the more specific reading first, so that
# "chiffre d'affaires à l'export" is export revenue, not revenue, "sites de production" production
# sites, not production share, and "entreprises membres" members, not companies.
_ORDER: tuple[Metric, ...] = (
    Metric.export_revenue, Metric.production_sites, Metric.production_share, Metric.smes,
    Metric.academic_institutions, Metric.research_centres, Metric.hospitals, Metric.researchers,
    Metric.members, Metric.companies, Metric.jobs, Metric.offices, Metric.projects, Metric.funding,
    Metric.revenue,
)
_AFTER_END = re.compile(r"[.;:!?()\[\]\n•–—]|\s-\s")
_BEFORE_END = re.compile(r"[.;!?()\[\]\n•]")
_LABEL = re.compile(r"(?:^|\n)[ \t]*(?P<label>[^\n:]{1,60}):[ \t]*$")  # a line's "Label:" before its value
_AFTER_CHARS = 80
_BEFORE_CHARS = 60


@cache
def _head() -> re.Pattern[str]:
    """Every metric's phrases as one pattern of named groups in _ORDER: one match call per word
    position instead of one per metric, and the first metric in _ORDER that matches wins."""
    groups = (rf"(?P<{m.value}>{alternation(f'metric.{m.value}')}(?![\w]))" for m in _ORDER)
    return re.compile("|".join(groups))


@cache
def _named_before() -> tuple[tuple[Metric, re.Pattern[str]], ...]:
    named = tuple((m, pattern(f"metric.{m.value}")) for m in _ORDER)
    before_only = tuple((m, pattern(f"metric_before.{m.value}")) for m in _ORDER if words(f"metric_before.{m.value}"))
    return named + before_only


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(skippable, compound, share_of, no_noun), compiled once from metric_grammar.*."""
    # Words that may stand between a number and its noun: "26 billion in export sales",
    # "140 innovative companies", "20 nouveaux membres", "120 member companies".
    skippable = re.compile(rf"{alternation('metric_grammar.elision')}\s*"
                           rf"|{alternation('metric_grammar.skippable')}\s+")
    # A content word of a compound noun ("life science employees", "R&D projects"), never
    # a function word: "5 ans auprès des entreprises" names no metric.
    compound = re.compile(rf"(?!{alternation('metric_grammar.function_words')}\b)[^\W\d][\w'&-]* ")
    # "40 % du chiffre d'affaires", "16% des exportations", "60% of jobs": a share of some
    # other total, which no metric measures, unlike "60 % de la production".
    share_of = re.compile(rf"^{alternation('metric_grammar.share_of')}\s")
    # A number followed by one of these names no noun of its own ("20 000 au global", "300 in
    # total", "Adhérents : 300.", "employing 1,200 people"), so the words before it say what it counts.
    no_noun = re.compile(rf"^(?:$|[,/]|{alternation('metric_grammar.no_noun')}\b)")
    return skippable, compound, share_of, no_noun


@cache
def _size() -> re.Pattern[str]:
    """A size class before the noun: "veertien grote bedrijven" are some of the companies, not their count."""
    return re.compile(rf"{alternation('metric_grammar.size')}\s+")


def names_a_metric(word: str) -> bool:
    """The word is a metric's noun ("Mitgliedsunternehmen", "Beschäftigte"), which German writes capitalised."""
    return _named_at(plain(word)) is not None


def _named_at(text: str) -> Metric | None:
    found = _head().match(text)
    # Every alternative of _head() is a named group, so a match always has a lastgroup.
    return Metric(found.lastgroup) if found and found.lastgroup else None


@cache
def _member_noun() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('metric_grammar.member_noun')})(?![\w])")


@cache
def _gathers() -> re.Pattern[str]:
    return pattern("metric_grammar.gathers")


@cache
def _and() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation('and')})\s+")


# Kinds of organisation that, named after "companies and" without a number of their own, make the count one
# of a mixed membership: "500 Unternehmen und Einrichtungen", "120 companies and research centres".
_OTHER_KINDS = (Metric.research_centres, Metric.academic_institutions, Metric.hospitals)


# The words of a hyphenated compound before its last: "Biotech-Unternehmen" and "Medtech-Firmen" count
# what their last word counts.
_COMPOUND_HEAD = re.compile(r"(?:[^\W\d_][\w'&]*-)+(?=[^\W\d_])")


def _noun_match(noun: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = noun.match(text)
    if found is None and (head := _COMPOUND_HEAD.match(text)):
        return noun.match(text, head.end())
    return found


def _noun_at_head(text: str, noun: re.Pattern[str]) -> re.Match[str] | None:
    """The noun at the start of ``text``, after up to three skippable words.

    Up to two other words may also stand right before the noun ("40,000 life science
    employees", "drie strategische onderzoekscentra en vijf universiteiten"), but no function
    word may: "5 ans auprès des entreprises" is None, and no size class may: "14 large companies"
    is None, though "14 small and medium-sized enterprises" names the SMEs.
    """
    skippable, compound, _, _ = _grammar()
    for _ in range(4):
        found = _noun_match(noun, text)
        if found is not None:
            return found
        if _size().match(text):
            return None
        skipped = skippable.match(text)
        if skipped is None:
            break
        text = text[skipped.end():]
    for _ in range(2):
        word = compound.match(text)
        if word is None or _size().match(text):
            return None
        text = text[word.end():]
        found = _noun_match(noun, text)
        if found is not None:
            return found
    return None


def _at_head(text: str) -> Metric | None:
    """The metric named at the start of ``text`` (see _noun_at_head); companies joined by "and" to another kind
    of organisation, with no number of its own, are members of every kind."""
    found = _noun_at_head(text, _head())
    if found is None or not found.lastgroup:
        return None
    metric = Metric(found.lastgroup)
    if metric is Metric.companies and (joined := _and().match(found.string, found.end())):
        rest = found.string[joined.end():]
        if _noun_at_head(rest, _member_noun()) or _named_at(rest) in _OTHER_KINDS:
            return Metric.members
    return metric


def _closest_before(text: str, first: bool = False) -> Metric | None:
    """The metric named nearest the end of ``text``, or with ``first`` the one named first in it."""
    best: tuple[int, Metric] | None = None
    for metric, named in _named_before():
        for found in named.finditer(text):
            at = -found.start() if first else found.end()
            if best is None or at > best[0]:
                best = (at, metric)
    if best is None:
        return None
    if best[1] is Metric.revenue and pattern(f"metric.{Metric.export_revenue.value}").search(text):
        return Metric.export_revenue
    return best[1]


def metric_hint(before: str, after: str) -> Metric | None:
    """The metric the words right after a number (else right before it) name, or None.

    ``before`` and ``after`` are the source text on either side of the number's span. Only the
    clause the number sits in counts. A number followed by a noun outside the lexicon ("75
    entrepreneurs", "3 ans") gets None rather than a guess from further away.
    """
    _, _, share_of, no_noun = _grammar()
    # "a 635-member association": a noun joined to its number by a hyphen
    tail = plain(_AFTER_END.split(after[:_AFTER_CHARS], maxsplit=1)[0]).strip().removeprefix("-")
    found = _at_head(tail)
    if found is Metric.production_share or (found is not None and not share_of.match(tail)):
        return found
    head = plain(_BEFORE_END.split(before[-_BEFORE_CHARS * 2:])[-1]).strip(" ,")
    # "represents 1,100 organizations", "brings together 14 national associations", "bringing its total
    # membership to 620 organisations"
    near = head[-_BEFORE_CHARS:]
    if (noun := _noun_at_head(tail, _member_noun())) is not None:
        if _gathers().search(near) or _closest_before(near) is Metric.members:
            return Metric.members
        # "350 institutions and companies": organisations of several kinds together are a membership
        if (joined := _and().match(noun.string, noun.end())) and _named_at(noun.string[joined.end():]) in (Metric.companies, *_OTHER_KINDS):
            return Metric.members
    if share_of.match(tail) or not no_noun.match(tail):
        return None
    if label := _LABEL.search(before):
        # "Beschäftigte in den Mitgliedsunternehmen: 15.000", "Umsatz der Mitglieder: 3,2 Mrd. Euro": a label
        # names what it counts first, then whose.
        return _closest_before(plain(label.group("label")), first=True)
    return _closest_before(head[-_BEFORE_CHARS:]) if head else None


HINT_REACH = 80


def metric_around(text: str, start: int, end: int) -> Metric | None:
    """metric_hint for the number at text[start:end], from the words within HINT_REACH on each side."""
    return metric_hint(text[max(0, start - HINT_REACH):start], text[end:end + HINT_REACH])
