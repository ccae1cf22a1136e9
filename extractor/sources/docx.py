"""Word (.docx) to text with python-docx: paragraphs and tables in document order, a blank line between blocks."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractor.errors import InputError
from extractor.sources.converted import Converted, library
from extractor.sources.formats import DOCX


def docx_to_text(raw: bytes, path: Path) -> Converted:
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path} is not a readable Word .docx file ({exc}); save it again as .docx from Word.") from exc
    blocks = [text for block in document.iter_inner_content() if (text := _block(block))]
    return Converted(text="\n\n".join(blocks) + "\n" if blocks else "", format=DOCX, converter=library("python-docx"), encoding="utf-8")


def _block(block: Paragraph | Table) -> str:
    if isinstance(block, Paragraph):
        return _clean(block.text)
    # One line per row, cells apart by a tab as in a text file, so two names side by side stay two names; a
    # cell merged over several columns comes once.
    rows = []
    for row in block.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = _clean(" ".join(p.text for p in cell.paragraphs))
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _clean(text: str) -> str:
    # Line breaks inside a paragraph (Shift+Enter) and tabs are layout, not structure.
    return " ".join(text.split())
