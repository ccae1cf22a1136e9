"""The shape of a press release: its title, its dateline and its headed sections.

Press releases follow a convention the model need not rediscover: a title, a dateline ("Namur, Belgium,
18 October 2023 –") that gives the place and the publication date, then "About X" sections that describe
each cluster, and a press-contact block. Reading these deterministically is cheaper and more reliable
than asking a small model.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from extractor.candidates import Candidate
from extractor.lexicon import alternation, words
from extractor.text.fold import unaccent

DATELINE_WINDOW = 2500
TITLE_MIN_WORDS = 5
TITLE_MAX_CHARS = 250
HEADING_MAX_CHARS = 70

_MARKUP = re.compile(r"[*_#>`]+|\[|\]\([^)]*\)")


@cache
def _boilerplate() -> re.Pattern[str]:
    """Lines that label the document ("Communiqué de presse", "For immediate release"): no title, no heading."""
    return re.compile(rf"^{alternation('boilerplate')}$", re.IGNORECASE)


@cache
def _about() -> re.Pattern[str]:
    return re.compile(rf"^{alternation('about')}\s*(?:{alternation('article')}(?:(?<=')|\s+))?\s*(?P<name>.+?)[\s:.]*$",
                      re.IGNORECASE)


@cache
def _contacts() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation('contacts')})(?![\w])", re.IGNORECASE)


@cache
def _contacts_label() -> re.Pattern[str]:
    """"Contacto de prensa: Laura Pérez – prensa@… – +34 …": a contacts word and a colon or a dash open the
    block on a line of any length, as a heading of its own line does."""
    return re.compile(rf"{_contacts().pattern}[ \t]*[:–—-]", re.IGNORECASE)


@cache
def _contacts_opening() -> re.Pattern[str]:
    """A contacts label with the markup around it and the colon or dash after it: where the block's entries begin."""
    return re.compile(rf"^[\s*_#>]*(?:{alternation('contacts')})(?![\w])[ \t*_]*[:–—-]?", re.IGNORECASE)


def _about_name(line: str) -> str | None:
    """"À propos de BioNord" -> "BioNord": the organisation an "About" heading presents."""
    found = _about().match(unaccent(line))
    return line[found.start("name"):found.end("name")].strip() if found else None



_PLACE_WORD = re.compile(r"^[^\W\d_][\w'’. -]*$")


@cache
def _place_split() -> re.Pattern[str]:
    """Between the places of a dateline: "Namur, Belgium and Chartres, France", "HALIFAX, Nova Scotia--"."""
    return re.compile(rf"\s*(?:,|&|-{{2,}}|(?<![\w])(?i:{alternation('and')})(?![\w]))\s*")


@cache
def _wire_service() -> re.Pattern[str]:
    return re.compile(rf"[(/]\s*(?i:{alternation('wire_service')})\s*[)/]")


@cache
def _date_lead() -> re.Pattern[str]:
    return re.compile(rf"(?:[\s,–—-]|(?<![\w])(?i:{alternation('date_lead')})(?![\w]))*$")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    date: dt.date | None
    places: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    heading: str
    start: int  # where the heading line starts
    end: int  # where the next heading of the same kind starts
    about: str | None  # the organisation an "About X" section describes


@dataclass(frozen=True)
class Layout:
    title: str | None
    dateline: Dateline | None
    sections: tuple[Section, ...]
    contacts_start: int | None
    contacts_body: int | None = None  # after the contacts label and its colon: "Pressekontakt: |Anna Weber, …"

    def subheading_at(self, offset: int) -> Section | None:
        """The nearest plain heading above offset, inside the enclosing "About" section if there is one."""
        about = next((s for s in self.sections if s.about and s.start <= offset < s.end), None)
        inner = [s for s in self.sections if not s.about and s.start <= offset and (about is None or s.start > about.start)]
        return inner[-1] if inner else None

    def headings_at(self, offset: int) -> list[str]:
        """The "About" heading and the nearest sub-heading above offset, outermost first."""
        about = self.about_section_at(offset)
        inner = self.subheading_at(offset)
        return [s.heading for s in (about, inner) if s is not None]

    def about_section_at(self, offset: int) -> Section | None:
        return next((s for s in self.sections if s.about and s.start <= offset < s.end), None)


def clean_line(line: str) -> str:
    return " ".join(_MARKUP.sub(" ", line).split()).strip()


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for raw in text.split("\n"):
        yield start, raw
        start += len(raw) + 1


def find_title(text: str) -> str | None:
    for _, raw in _lines(text):
        line = clean_line(raw)
        if not line or _boilerplate().match(unaccent(line.rstrip(" :"))):
            continue
        if len(line) > TITLE_MAX_CHARS:
            return None  # the text opens with a paragraph: it has no title line
        if len(line.split()) >= TITLE_MIN_WORDS:
            return line.rstrip(" :")
    return None


def _is_heading(line: str) -> bool:
    if _contacts_label().match(unaccent(line)):
        return True
    if not line or len(line) > HEADING_MAX_CHARS or line.endswith((".", ",", ";")) or _boilerplate().match(unaccent(line.rstrip(" :"))):
        return False
    if _about_name(line) or _contacts().match(unaccent(line)):
        return True
    letters = [c for c in line if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return line.endswith(":") or shouting or len(line.split()) <= 4


def find_sections(text: str) -> tuple[tuple[Section, ...], int | None, int | None]:
    """The headed sections, where the press contacts start, and where their first entry starts."""
    sections: list[Section] = []
    contacts_start = contacts_body = None
    for start, raw in _lines(text):
        line = clean_line(raw)
        if not _is_heading(line):
            continue
        heading = line.rstrip(" :")
        about = _about_name(heading)
        if _contacts().match(unaccent(heading)) and contacts_start is None:
            contacts_start = start
            opening = _contacts_opening().match(unaccent(raw))
            contacts_body = start + (opening.end() if opening else 0)
        sections.append(Section(heading, start, len(text), about))
    closed: list[Section] = []
    for i, section in enumerate(sections):
        end = len(text)
        for later in sections[i + 1:]:
            if section.about is None or later.about is not None or (contacts_start is not None and later.start >= contacts_start):
                end = later.start
                break
        closed.append(Section(section.heading, section.start, end, section.about))
    return tuple(closed), contacts_start, contacts_body


# Words that give the publication date after them, opening the line or after a dash that ends the
# issuer's name: "Publié le 23 octobre 2014", "Acme Cluster e. V. – Pressemitteilung vom
# 14.04.2016". Matched without accents and case.
_PUBLISHED_BEFORE = re.compile(rf"^(?:.*\s[–—|-]\s+)?{alternation('published')}[\s:,]*$", re.IGNORECASE)
# What may follow a date alone on its line: nothing, a clock time, or a separator before an issue
# number or the first sentence ("Juin 2008 - n°142", "28/10/2025 11:22", "12 mars 2015 – Le pôle").
_DATE_LINE_REST = re.compile(r"^(?:$|\d{1,2}[:h]\d{2}\b|[–—|-])")
# A date in a body sentence further down than this is an event the release reports, not its own date.
BODY_DATE_REACH = 300


def _day_of(candidate: Candidate) -> dt.date | None:
    """The day a date stands for; a month alone ("Juin 2008") stands for its first day."""
    if candidate.kind == "date" and candidate.value:
        return dt.date.fromisoformat(str(candidate.value))
    if candidate.kind == "period" and "no_day" in candidate.flags:
        return dt.date.fromisoformat(str(candidate.value).split("/")[0])
    return None


@cache
def _place_particles() -> frozenset[str]:
    """The only lowercase words a place name holds ("Santiago de Compostela", "Frankfurt am Main"): any
    other makes the words before a date a sentence ("Le pôle a signé le 10 mars 2015"), not places."""
    return frozenset({*words("particle"), *words("article"), *words("date_lead"), "am", "an", "sur", "sous", "upon", "of"})


def _is_place(name: str) -> bool:
    if not (_PLACE_WORD.match(name) and len(name.split()) <= 4 and name[0].isupper()):
        return False
    return all(w[0].isupper() or w.lower() in _place_particles() or re.match(r"[dl]['’]\w", w) for w in name.split())


def find_dateline(text: str, dates: list[Candidate]) -> Dateline | None:
    """The release's publication date, and the places its dateline names.

    A dateline is a date after place names ("Philadelphia (Pennsylvania), June 3, 2019 –") or after
    a word saying it is the publication date ("Publié le", "Pressemitteilung vom"); the first one
    wins, even over an earlier date alone on its line. Failing that, the first date alone on its
    line ("Meldung\n16.03.2022", "Juin 2008 - n°142"); failing that, the first full date within the
    first BODY_DATE_REACH characters, which in a release without a dateline opens the first sentence.
    """
    alone: Dateline | None = None
    for cand in dates:
        day = _day_of(cand)
        if day is None or cand.start >= DATELINE_WINDOW:
            continue
        line_start = text.rfind("\n", 0, cand.start) + 1
        line_end = text.find("\n", cand.end)
        prefix = clean_line(text[line_start:cand.start])
        lead = _date_lead().search(unaccent(prefix))
        head = prefix[:lead.start()] if lead else prefix
        if _PUBLISHED_BEFORE.match(unaccent(prefix)):
            return Dateline(line_start, cand.end, day, ())
        places = tuple(p for p in _place_split().split(re.sub(r"[()]", ",", _wire_service().sub(",", head))) if p)
        if places and len(places) <= 8 and all(_is_place(p) for p in places):
            if alone is not None and cand.kind == "period":
                break  # a day alone on its line before it says more than a month ("Courant, januari 2019")
            return Dateline(line_start, cand.end, day, places)
        rest = clean_line(text[cand.end:line_end if line_end >= 0 else len(text)])
        if alone is None and not head and _DATE_LINE_REST.match(rest):
            alone = Dateline(cand.start, cand.end, day, ())
    if alone is not None:
        return alone
    first = next((c for c in dates if c.kind == "date" and c.value and c.start < BODY_DATE_REACH), None)
    return Dateline(first.start, first.end, _day_of(first), ()) if first else None


def read_layout(text: str, candidates: list[Candidate]) -> Layout:
    sections, contacts_start, contacts_body = find_sections(text)
    return Layout(
        title=find_title(text),
        dateline=find_dateline(text, candidates),
        sections=sections,
        contacts_start=contacts_start,
        contacts_body=contacts_body,
    )
