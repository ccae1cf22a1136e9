"""The evidence spans of a release, and the source text cut into pieces that each know the spans covering them."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from extractor.candidates import find_candidates
from schemas.common import Evidence, Flag, Qualifier
from schemas.figure import MONEY_METRICS
from schemas.release import PressRelease

# The innermost span gives a piece its colour: a figure inside an agreement's passage shows as a figure.
KINDS = ("figure", "money", "date", "person", "contact", "cluster", "agreement", "flag")
CONTEXT = 40
# A flag shows a long span (an agreement's whole passage) by its ends, so the spans it links stay side by side.
LONG = 120


@dataclass(frozen=True)
class Span:
    id: str
    kind: str
    start: int
    end: int
    text: str
    label: str
    path: str
    details: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Piece:
    text: str
    spans: tuple[Span, ...]

    @property
    def kind(self) -> str | None:
        return self.spans[0].kind if self.spans else None

    @property
    def ids(self) -> str:
        return " ".join(s.id for s in self.spans)


@dataclass(frozen=True)
class FlagView:
    flag: Flag
    spans: list[Span]
    contexts: list[tuple[str, str, str]]

    @property
    def ids(self) -> str:
        return " ".join(s.id for s in self.spans)


QUALIFIED = {Qualifier.at_least: "{}+", Qualifier.at_most: "≤ {}", Qualifier.approx: "~{}", Qualifier.exact: "{}"}


def amount(value: float, unit: str, qualifier: Qualifier = Qualifier.exact, high: float | None = None) -> str:
    """'300+ count' reads as '300+'; money and shares keep their unit: '26 000 000 000 EUR', '60 %'."""
    def number(v: float) -> str:
        return f"{int(v):,}".replace(",", " ") if float(v).is_integer() else f"{v:,.2f}".replace(",", " ")

    shown = number(value) if high is None else f"{number(value)}-{number(high)}"
    shown = QUALIFIED[qualifier].format(shown)
    if unit == "count":
        return shown
    return f"{shown} %" if unit == "percent" else f"{shown} {unit}"


def collect_spans(release: PressRelease) -> list[Span]:
    spans: list[Span] = []

    def add(kind: str, evidence: Evidence | None, label: str, path: str, details: list[tuple[str, str | None]]) -> None:
        if evidence is None:
            return
        kept = [(k, v) for k, v in details if v]
        spans.append(Span(f"s{len(spans)}", kind, evidence.start, evidence.end, evidence.text, label, path, kept))

    for i, a in enumerate(release.agreements):
        period = f"{a.period.start or '?'} to {a.period.end or '?'}" if a.period else None
        add("agreement", a.evidence, f"{a.kind}: {' + '.join(a.parties)}", f"/agreements/{i}", [
            ("kind", str(a.kind)), ("parties", ", ".join(a.parties)), ("signed on", str(a.signed_on or "")),
            ("place", a.place), ("event", a.event), ("period", period), ("focus", ", ".join(a.focus_areas)),
            ("decided by", str(a.decided_by or "")),
        ])
        if a.budget is not None:
            add("money", a.budget.evidence, f"budget {amount(a.budget.amount, a.budget.currency, a.budget.qualifier)}",
                f"/agreements/{i}/budget", [("amount", amount(a.budget.amount, a.budget.currency, a.budget.qualifier))])
    for i, c in enumerate(release.clusters):
        add("cluster", c.evidence, c.name, f"/clusters/{i}", [
            ("aliases", ", ".join(c.aliases)), ("region", c.region), ("country", c.country), ("website", c.website),
            ("leaders", ", ".join(leader.name for leader in c.leaders)),
        ])
        for j, f in enumerate(c.figures):
            value = amount(f.value, f.unit, f.qualifier, f.high)
            kind = "money" if f.metric in MONEY_METRICS else "figure"
            add(kind, f.evidence, f"{c.name} · {f.metric} {value}", f"/clusters/{i}/figures/{j}", [
                ("cluster", c.name), ("metric", str(f.metric)), ("value", value), ("normalised", repr(float(f.value))),
                ("unit", f.unit), ("qualifier", str(f.qualifier)), ("scope", f.scope), ("as of", str(f.as_of or "")),
                ("part of", f'"{f.part_of.text}"' if f.part_of else None), ("decided by", str(f.decided_by or "")),
            ])
    for i, p in enumerate(release.people):
        add("person", p.evidence, p.name, f"/people/{i}", [("name", p.name), ("role", p.role), ("organisation", p.organisation)])
    for i, k in enumerate(release.contacts):
        add("contact", k.evidence, k.name or k.email or k.phone or "contact", f"/contacts/{i}", [
            ("name", k.name), ("organisation", k.organisation), ("email", k.email), ("phone", k.phone),
        ])
    for i, flag in enumerate(release.flags):
        for j, e in enumerate(flag.evidence):
            if not any(s.start == e.start and s.end == e.end for s in spans):
                add("flag", e, flag.code, f"/flags/{i}/evidence/{j}", [("flag", flag.code)])
    return spans


def date_spans(release: PressRelease, text: str, first_id: int) -> list[Span]:
    """Dates carry no evidence in the output; each place where the text writes a date a record gives is shown as one."""
    given: dict[str, list[tuple[str, str]]] = {}
    if release.published_on:
        given.setdefault(release.published_on.isoformat(), []).append(("/published_on", "published on"))
    for i, a in enumerate(release.agreements):
        named = [("signed_on", a.signed_on)] + ([("period/start", a.period.start), ("period/end", a.period.end)] if a.period else [])
        for field_name, date in named:
            if date:
                given.setdefault(date.isoformat(), []).append((f"/agreements/{i}/{field_name}", f"agreement {' + '.join(a.parties)}: {field_name.replace('/', ' ')}"))
    spans: list[Span] = []
    for found in find_candidates(text, release.language or "en", None):
        if found.kind != "date" or str(found.value) not in given:
            continue
        for path, role in given[str(found.value)]:
            spans.append(Span(f"s{first_id + len(spans)}", "date", found.start, found.end, found.text, f"{role} {found.value}", path,
                              [("date", str(found.value)), ("backs", role)]))
    return spans


def grounded(spans: list[Span], text: str) -> tuple[list[Span], list[Span]]:
    """The spans whose offsets hold their text in ``text``, and those that do not (shown apart, never guessed)."""
    ok = [s for s in spans if 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text]
    return ok, [s for s in spans if s not in ok]


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """The text cut at every span boundary; each piece lists its covering spans, innermost first."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in pairwise(cuts):
        covering = sorted((s for s in spans if s.start <= a and b <= s.end), key=lambda s: (s.end - s.start, KINDS.index(s.kind)))
        out.append(Piece(text[a:b], tuple(covering)))
    return out


def flag_views(release: PressRelease, spans: list[Span], text: str | None) -> list[FlagView]:
    views = []
    for flag in release.flags:
        linked = [s for s in spans if any(s.start == e.start and s.end == e.end for e in flag.evidence)]
        linked += [s for s in (_nearest(spans, path) for path in flag.paths) if s is not None]
        linked = sorted({s.id: s for s in linked}.values(), key=lambda s: s.start)
        contexts = [
            (text[max(0, s.start - CONTEXT):s.start] if text else "", _shortened(s.text), text[s.end:s.end + CONTEXT] if text else "")
            for s in linked
        ]
        views.append(FlagView(flag, linked, contexts))
    return views


def _shortened(text: str) -> str:
    return text if len(text) <= LONG else f"{text[:LONG // 2]} … {text[-LONG // 4:]}"


def _nearest(spans: list[Span], path: str) -> Span | None:
    """The span of the record a JSON pointer names, or of the nearest record holding it ("/agreements/0/signed_on")."""
    holders = [s for s in spans if path == s.path or path.startswith(s.path + "/")]
    return max(holders, key=lambda s: len(s.path), default=None)
