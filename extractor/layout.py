"""The shape of a press release: its title, its dateline and its headed sections.

Press releases follow a convention the model need not rediscover: a title, a dateline ("Namur, Belgium,
18 October 2023 –") that gives the place and the publication date, then "About X" sections that describe
each cluster, and a press-contact block. Reading these deterministically is cheaper and more reliable
than asking a small model.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractor.candidates import Candidate

DATELINE_WINDOW = 2500
TITLE_MIN_WORDS = 5
HEADING_MAX_CHARS = 70

_BOILERPLATE = re.compile(
    r"^(press release|communiqu[ée] de presse|nota de prensa|comunicado de prensa|pressemitteilung|"
    r"persbericht|for immediate release|pour diffusion imm[ée]diate|t[ée]l[ée]charger.*)$",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[*_#>`]+|\[|\]\([^)]*\)")
_ABOUT = re.compile(
    r"^(?:about|[àa] propos (?:de(?:s)?|du|d['’])|acerca de|sobre|über|uber|over)\s*(?:the |le |la |les |l['’])?\s*(?P<name>.+?)[\s:.]*$",
    re.IGNORECASE,
)
_CONTACTS = re.compile(
    r"^(?:press )?contacts?\b|^contacts? (?:presse|press|médias|media)|^media contacts?|^pressekontakt|^contacto",
    re.IGNORECASE,
)
_PLACE_SPLIT = re.compile(r"\s*(?:,|\band\b|\bet\b|\by\b|\bund\b|\ben\b|&)\s*")
_PLACE_WORD = re.compile(r"^[^\W\d_][\w'’. -]*$")
_DATE_LEAD = re.compile(r"(?:[\s,–—-]|\b(?:le|the|el|am|den|op|on)\b)*$", re.IGNORECASE)


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


def _lines(text: str):
    start = 0
    for raw in text.split("\n"):
        yield start, raw
        start += len(raw) + 1


def find_title(text: str) -> str | None:
    for _, raw in _lines(text):
        line = clean_line(raw)
        if not line or _BOILERPLATE.match(line.rstrip(" :")):
            continue
        if len(line.split()) >= TITLE_MIN_WORDS:
            return line.rstrip(" :")
    return None


def _is_heading(line: str) -> bool:
    if not line or len(line) > HEADING_MAX_CHARS or line.endswith((".", ",", ";")) or _BOILERPLATE.match(line.rstrip(" :")):
        return False
    if _ABOUT.match(line) or _CONTACTS.match(line):
        return True
    letters = [c for c in line if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return line.endswith(":") or shouting or len(line.split()) <= 4


def find_sections(text: str) -> tuple[tuple[Section, ...], int | None]:
    sections: list[Section] = []
    contacts_start = None
    for start, raw in _lines(text):
        line = clean_line(raw)
        if not _is_heading(line):
            continue
        heading = line.rstrip(" :")
        about = _ABOUT.match(heading)
        if _CONTACTS.match(heading) and contacts_start is None:
            contacts_start = start
        sections.append(Section(heading, start, len(text), about.group("name").strip() if about else None))
    closed: list[Section] = []
    for i, section in enumerate(sections):
        end = len(text)
        for later in sections[i + 1:]:
            if section.about is None or later.about is not None or (contacts_start is not None and later.start >= contacts_start):
                end = later.start
                break
        closed.append(Section(section.heading, section.start, end, section.about))
    return tuple(closed), contacts_start


def find_dateline(text: str, dates: list[Candidate]) -> Dateline | None:
    """The first date whose line starts with place names; else the first full date near the top."""
    early = [c for c in dates if c.kind == "date" and c.start < DATELINE_WINDOW and c.value]
    for cand in early:
        line_start = text.rfind("\n", 0, cand.start) + 1
        prefix = clean_line(text[line_start:cand.start])
        head = prefix[:_DATE_LEAD.search(prefix).start()]
        places = tuple(p for p in _PLACE_SPLIT.split(head) if p)
        if places and len(places) <= 8 and all(_PLACE_WORD.match(p) and len(p.split()) <= 4 for p in places):
            return Dateline(line_start, cand.end, dt.date.fromisoformat(str(cand.value)), places)
    if early:
        first = early[0]
        return Dateline(first.start, first.end, dt.date.fromisoformat(str(first.value)), ())
    return None


def read_layout(text: str, candidates: list[Candidate]) -> Layout:
    sections, contacts_start = find_sections(text)
    return Layout(
        title=find_title(text),
        dateline=find_dateline(text, candidates),
        sections=sections,
        contacts_start=contacts_start,
    )
