"""Turns a release file into the exact text every evidence offset points into."""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
from selectolax.lexbor import LexborHTMLParser, LexborNode

from extractor.errors import InputError
from extractor.sources.converted import Converted, library
from extractor.sources.docx import docx_to_text
from extractor.sources.formats import DOCX, FORMATS, HTML, PDF, TEXT, format_of
from extractor.sources.pdf import pdf_to_text
from extractor.sources.webpage import is_web_page, page_to_text
from schemas.release import SourceFormat

RELEASE_SUFFIXES = frozenset(FORMATS)

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

WESTERN_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")

# A press release is a few pages; a file thousands of times longer is a mistake (an archive, a log, a
# book) that would cost minutes of reading and a prompt no model takes.
MAX_BYTES = 2_000_000

# Beyond this share of control or replacement characters a "text" is really a binary blob.
MAX_JUNK_SHARE = 0.02


@dataclass(frozen=True)
class SourceText:
    id: str
    path: Path
    text: str
    sha256: str
    encoding: str | None  # None for a format that is no text file (PDF)
    format: SourceFormat = TEXT
    converter: str | None = None  # the library that turned the file into text, with its version
    title: str | None = None  # the document's own title, from its metadata
    published_on: dt.date | None = None  # the document's own date, from its metadata


def read_release(path: Path, max_bytes: int | None = MAX_BYTES) -> SourceText:
    """``max_bytes`` bounds the file's size (None: no bound); a larger file is refused before it is read."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end; only plain files are opened.
            raise InputError(f"Cannot read {path}: it is not a regular file.")
        size = info.st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"{path} is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit for one release; "
                "split it, or raise the limit with --max-size."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    converted = convert(raw, path)
    if not converted.text.strip():
        raise InputError(f"{path} is empty: there is no text to extract from.")
    return SourceText(
        id=path.stem, path=path, text=converted.text, sha256=hashlib.sha256(raw).hexdigest(), encoding=converted.encoding,
        format=converted.format, converter=converted.converter, title=converted.title, published_on=converted.published_on,
    )


def convert(raw: bytes, path: Path) -> Converted:
    """The file's text by its format; a file named with no release suffix is read as text."""
    kind = format_of(path) or TEXT
    if kind == PDF:
        return pdf_to_text(raw, path)
    if kind == DOCX:
        return docx_to_text(raw, path)
    text, encoding = decode(raw, path)
    if kind == HTML:
        page = page_to_text(text) if is_web_page(text) else None
        if page is not None:
            return Converted(page.text, page.format, page.converter, encoding, page.title, page.published_on)
        return Converted(html_to_text(text), HTML, library("selectolax"), encoding)
    return Converted(text.replace("\r\n", "\n"), TEXT, None, encoding)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    if not raw.strip():
        raise InputError(f"{path} is empty: there is no text to extract from.")
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"{path} starts with a {encoding} byte-order mark but is not valid {encoding}.") from exc
    if b"\x00" in raw:
        raise InputError(f"{path} is a binary file, not a text release.")
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Detection is unreliable on short texts (a lone "Hervé" in cp1252 is "detected" as cp1006), and
        # releases come from Western Europe, so its code pages get the first say.
        guess = (
            charset_normalizer.from_bytes(raw, cp_isolation=list(WESTERN_ENCODINGS), threshold=0.5).best()
            or charset_normalizer.from_bytes(raw).best()
        )
        if guess is None:
            raise InputError(f"{path} is a binary file or uses an unknown text encoding; save it as UTF-8.") from None
        text, encoding = str(guess), guess.encoding
    if _junk_share(text) > MAX_JUNK_SHARE:
        raise InputError(f"{path} is a binary file, not a text release.")
    return text, encoding


def _junk_share(text: str) -> float:
    junk = sum(1 for char in text if char == "\ufffd" or (char < " " and char not in "\t\n\r\f") or "\x7f" <= char < "\xa0")
    return junk / len(text)


# Tags whose content never shows on the page.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "-comment"})
PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "hr"})
LINE_TAGS = frozenset({
    "address", "article", "aside", "body", "caption", "dd", "details", "dialog", "div", "dt", "fieldset",
    "figcaption", "footer", "form", "header", "li", "main", "nav", "section", "summary", "tr", "br",
})
BREAKS = {**dict.fromkeys(LINE_TAGS, 1), **dict.fromkeys(PARAGRAPH_TAGS, 2)}
CELL_TAGS = frozenset({"td", "th"})
SPACES = re.compile(r"[ \t\f\v\r\n\u200b]+")


def html_to_text(html: str) -> str:
    """Visible text of a page, one block per line and a blank line between paragraphs."""
    root = LexborHTMLParser(html).root
    if root is None:
        return ""
    return _tidy(_join(_walk(root)))


def _walk(root: LexborNode) -> list[str | int]:
    """Text pieces and, where a block starts or ends, the number of line breaks it asks for."""
    pieces: list[str | int] = []
    # Iterative, so a deeply nested page cannot hit the recursion limit.
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        # A node without a tag name is laid out like an unknown inline tag: no break, children kept.
        tag = node.tag or ""
        if tag == "-text":
            pieces.append(SPACES.sub(" ", node.text_content or ""))
            continue
        if tag in HIDDEN_TAGS:
            continue
        pieces.append(" " if tag in CELL_TAGS else BREAKS.get(tag, 0))
        if not leaving:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    return pieces


def _join(pieces: list[str | int]) -> str:
    # Adjacent boundaries (</li><li>, </p><div>) merge into the widest one instead of adding up.
    out: list[str] = []
    pending = 0
    for piece in pieces:
        if isinstance(piece, int):
            pending = max(pending, piece)
        elif pending and not piece.strip():
            continue
        else:
            if pending:
                out.append("\n" * pending)
                pending = 0
            out.append(piece)
    return "".join(out)


def _tidy(text: str) -> str:
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
