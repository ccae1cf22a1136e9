"""PDF to text with pypdf, in the order the text was written, lines joined back into paragraphs.

pypdf was measured against pdfminer.six and PyMuPDF on the five seeds written as two-column hyphenated PDFs by
reportlab (as tests/test_sources.py writes them): pypdf's content-stream order kept every seed's word order
(word-sequence ratio 0.997-1.0 after de-hyphenation, 0.12 s for the five); pdfminer.six's layout analysis read one
seed's columns out of order at its default settings (0.54) and took 0.5 s; PyMuPDF read as well as pypdf but is AGPL.
pypdf gives lines, not paragraphs; paragraphs are recovered from the geometry: a gap wider than the document's usual
line spacing, a line with room left that ends a sentence, a column that ends early.
"""
from __future__ import annotations

import io
import itertools
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pypdf
from pypdf.errors import PdfReadError

from extractor.errors import InputError
from extractor.sources.converted import Converted, library
from extractor.sources.formats import PDF

# A gap this much wider than the page's usual line spacing separates two paragraphs.
PARAGRAPH_GAP = 1.25
# A line ends its paragraph when the next line's first word would have fitted on it with this much room to
# spare (line lengths are counted in characters, which vary in width).
ROOM = 0.85
SENTENCE_END = re.compile(r"[.!?:;»\"”)]$")
# Text starting this many font heights right of where the text before it on its line ends is in another cell
# of a table; a character is about half a font height wide. Lines on one baseline are the cells of one row.
COLUMN_GAP = 2.0
AVERAGE_WIDTH = 0.5
SAME_BASELINE = 0.5
OPENING = "«“\"'‘•–—-"
# "collabo-" + "ration", "SA-" + "NOFI": a word broken at the line end; "Centre-" + "Val" keeps its hyphen.
BROKEN_WORD = re.compile(r"\w-$")


@dataclass
class Line:
    page: int
    y: float
    text: str


def pdf_to_text(raw: bytes, path: Path) -> Converted:
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path} is a password-protected PDF; save a copy without a password and extract that.")
        lines = [line for number, page in enumerate(reader.pages) for line in _lines(page, number)]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path} is not a readable PDF ({exc}); export it again as PDF or save it as text.") from exc
    if not lines:
        raise InputError(
            f"{path} has no text layer (a scanned or image-only PDF); run OCR on it (for instance with ocrmypdf) and extract the result."
        )
    return Converted(text=_paragraphs(lines), format=PDF, converter=library("pypdf"))


def _lines(page: pypdf.PageObject, number: int) -> list[Line]:
    """The page's lines in content-stream order, each with the height of its baseline."""
    lines: list[Line] = []
    parts: list[str] = []
    y: float | None = None
    reach = 0.0  # how far right the line's text so far reaches, roughly

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        nonlocal y, reach
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            height = size * (tm[3] or 1) * (cm[3] or 1)
            if y is None:
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            elif x > reach + COLUMN_GAP * height:
                parts.append("\t")  # a table's next cell, far right of the text before it
            reach = x + AVERAGE_WIDTH * height * len(text.rstrip("\n"))
        parts.append(text)
        if text.endswith("\n"):
            close()

    def close() -> None:
        nonlocal y
        line = "\t".join(" ".join(cell.split()) for cell in "".join(parts).split("\t") if cell.strip())
        if line and y is not None:
            if lines and abs(lines[-1].y - y) < SAME_BASELINE:
                lines[-1].text += "\t" + line  # the cells of a table's row, each written as a line of its own
            else:
                lines.append(Line(number, y, line))
        parts.clear()
        y = None

    page.extract_text(visitor_text=visit)
    close()
    return lines


@dataclass(frozen=True)
class Page:
    gap: float  # the document's usual spacing between two lines; a page of short paragraphs has no usual one
    width: float  # the length of a full line on this page, in characters
    bottom: float  # the page's lowest baseline: where a full column ends


def _paragraphs(lines: list[Line]) -> str:
    gap = statistics.median([a.y - b.y for a, b in itertools.pairwise(lines) if a.page == b.page and a.y > b.y] or [0.0])
    pages = {number: _page([line for line in lines if line.page == number], gap) for number in {line.page for line in lines}}
    paragraphs: list[str] = [lines[0].text]
    for previous, line in itertools.pairwise(lines):
        if "\t" in previous.text and "\t" in line.text:
            paragraphs[-1] += "\n" + line.text  # the rows of a table stay rows
        elif "\t" in previous.text or "\t" in line.text or _ends_paragraph(previous, line, pages[previous.page]):
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line.text)
    return "\n\n".join(paragraphs) + "\n"


def _page(lines: list[Line], gap: float) -> Page:
    lengths = sorted(len(line.text) for line in lines)
    return Page(gap, lengths[int(0.9 * (len(lengths) - 1))], min(line.y for line in lines))


def _ends_paragraph(previous: Line, line: Line, page: Page) -> bool:
    room = len(previous.text) + 1 + len(line.text.split()[0]) < ROOM * page.width
    gap = previous.y - line.y
    if line.page != previous.page or gap <= 0:
        # A new column or page: the paragraph goes on unless the column ended early, its last line had room,
        # or it ended a sentence and the next line opens one.
        opens = line.text[0].isupper() or line.text[0] in OPENING
        return room or previous.y > page.bottom + PARAGRAPH_GAP * page.gap or (opens and bool(SENTENCE_END.search(previous.text)))
    return gap > PARAGRAPH_GAP * page.gap or (room and bool(SENTENCE_END.search(previous.text)))


def _join(paragraph: str, line: str) -> str:
    # A hyphen between two letters of the same case is the writer's; "Centre-" + "Val" is the author's.
    if BROKEN_WORD.search(paragraph) and line[:1].isalpha():
        same_case = paragraph[-2].islower() == line[0].islower()
        return paragraph[:-1] + line if same_case else paragraph + line
    return f"{paragraph} {line}"
