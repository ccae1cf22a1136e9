"""Which file suffixes are releases, and in which format: the one list the reader and the folder walker share."""
from __future__ import annotations

from pathlib import Path
from typing import Final

from schemas.release import SourceFormat

TEXT: Final = "text"
HTML: Final = "html"
PDF: Final = "pdf"
DOCX: Final = "docx"

FORMATS: Final[dict[str, SourceFormat]] = {
    ".txt": TEXT,
    ".md": TEXT,
    ".markdown": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
}


def format_of(path: Path) -> SourceFormat | None:
    """The release format of a file by its suffix, or None when it is no release."""
    return FORMATS.get(path.suffix.lower())
