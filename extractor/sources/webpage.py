"""A saved web page to its main text with trafilatura, leaving out navigation, cookie banners and sidebars.

A page's title and date are kept beside the text: trafilatura reads them from the page's metadata
(<title>, og:title, article:published_time, ...), which a release's own text may not repeat.
"""
from __future__ import annotations

import datetime as dt
import logging

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from extractor.sources.converted import Converted, library
from extractor.sources.formats import HTML

# Elements only a whole site's page has; a fragment without them is read as it is (extractor.read.html_to_text).
PAGE_TAGS = ("nav", "header", "footer", "aside", "article", "main")

# trafilatura logs pages it finds too short at WARNING; without logging set up Python would print that on top of
# the one sentence the reader reports. A NullHandler keeps it out of sight unless the application sets up logging.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


def is_web_page(html: str) -> bool:
    root = LexborHTMLParser(html).root
    return root is not None and any(root.css_first(tag) is not None for tag in PAGE_TAGS)


def page_to_text(html: str) -> Converted | None:
    """The page's main content, one paragraph per block with a blank line between; None when it finds none."""
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_tables=True, include_comments=False, favor_precision=True,
    )
    if not isinstance(document, trafilatura.settings.Document) or not (document.text or "").strip():
        return None
    blocks = [" ".join(line.split()) for line in str(document.text).splitlines()]
    text = "\n\n".join(block for block in blocks if block) + "\n"
    return Converted(
        text=text, format=HTML, converter=library("trafilatura"),
        title=document.title or None, published_on=_date(document.date),
    )


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
