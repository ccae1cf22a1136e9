"""Writes a release as the documents users receive, with the real writers: Word through python-docx, PDF through
reportlab (two columns, hyphenated), a web page around it with the furniture a site adds.

A seed's Markdown marks (``## **title**``, ``[x](mailto:x)``) are rendered as a document shows them: a heading,
bold text, a link's text.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import docx
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
MARKS = re.compile(r"^#+\s*|\*\*")
# Bitstream Vera ships with reportlab and has every character of the seeds (’ – œ € …).
FONT = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
pdfmetrics.registerFont(TTFont("Vera", str(FONT)))


def paragraphs(text: str) -> list[str]:
    """The release's paragraphs as a reader sees them: one per non-blank line, marks rendered; the lines of a
    tab-separated table stay together as one block of rows."""
    out: list[str] = []
    table = False
    for line in text.splitlines():
        cells = [" ".join(MARKS.sub("", LINK.sub(r"\1", cell)).split()) for cell in line.split("\t")]
        shown = "\t".join(cell for cell in cells if cell)
        if not shown:
            table = False
            continue
        if "\t" in shown and table:
            out[-1] += "\n" + shown
        else:
            out.append(shown)
        table = "\t" in shown
    return out


def rows(block: str) -> list[list[str]] | None:
    """The cells of a table block, or None when the block is a paragraph."""
    return [row.split("\t") for row in block.split("\n")] if "\t" in block else None


def as_text(blocks: list[str]) -> str:
    """The text every converter gives for these paragraphs: a blank line between two."""
    return "\n\n".join(blocks) + "\n"


def write_docx(blocks: list[str], path: Path, table: list[list[str]] | None = None, table_after: int = 0) -> Path:
    document = docx.Document()
    for n, block in enumerate(blocks):
        if n == 0:
            document.add_heading(block, level=1)
        elif (cells := rows(block)) is not None:
            grid = document.add_table(rows=len(cells), cols=max(map(len, cells)))
            for row, values in zip(grid.rows, cells, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
        else:
            document.add_paragraph(block)
        if table and n == table_after:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, cells in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
    document.save(str(path))
    return path


def write_pdf(blocks: list[str], path: Path, language: str = "fr_FR", columns: int = 2) -> Path:
    """Columns hyphenated by pyphen, as a typesetter breaks words at line ends."""
    document = BaseDocTemplate(str(path), pagesize=A4)
    width = (document.width - 12 * (columns - 1)) / columns
    frames = [Frame(document.leftMargin + n * (width + 12), document.bottomMargin, width, document.height, id=f"column{n}")
              for n in range(columns)]
    document.addPageTemplates([PageTemplate(frames=frames)])
    style = ParagraphStyle("body", fontName="Vera", fontSize=9, leading=11, spaceAfter=6, hyphenationLang=language,
                           embeddedHyphenation=1, uriWasteReduce=0.3)
    flow: list[Flowable] = []
    for block in blocks:
        cells = rows(block)
        flow.append(Table(cells, style=[("FONT", (0, 0), (-1, -1), "Vera", 7)])
                    if cells else Paragraph(html.escape(block, quote=False), style))
    document.build(flow)
    return path


def write_web_page(blocks: list[str], path: Path, sidebar: list[str], title: str, date: str) -> Path:
    """The release as a site publishes it: navigation, a cookie banner, the article, a sidebar, a footer."""
    body = "\n".join(f"<h1>{html.escape(b)}</h1>" if n == 0 else _html_block(b) for n, b in enumerate(blocks))
    side = "\n".join(f"<li>{html.escape(item)}</li>" for item in sidebar)
    path.write_text(f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)} | Actualités</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{date}T09:00:00+02:00"></head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>Ce site utilise des cookies pour mesurer son audience et améliorer votre
expérience. En poursuivant votre navigation, vous acceptez leur utilisation.</p><button>Tout accepter</button><button>Refuser</button></div>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/actualites">Actualités</a></li><li><a href="/membres">Nos membres</a></li>
<li><a href="/contact">Contact</a></li></ul></nav></header>
<main><article>
{body}
</article>
<aside class="sidebar"><h2>Nos clusters partenaires</h2><ul>
{side}
</ul></aside></main>
<footer><p>© Réseau des clusters santé — Mentions légales — Plan du site</p></footer>
</body></html>
""", encoding="utf-8")
    return path


def _html_block(block: str) -> str:
    cells = rows(block)
    if cells is None:
        return f"<p>{html.escape(block)}</p>"
    return "<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in cells) + "</table>"
