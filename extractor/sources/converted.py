"""What a converter gives back: the release's text and where it came from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from schemas.release import SourceFormat


@dataclass(frozen=True)
class Converted:
    text: str
    format: SourceFormat
    converter: str | None  # the library and its version, e.g. "pypdf 7.1.0"; None for plain text
    encoding: str | None = None  # the text's character encoding, when the file is text
    title: str | None = None  # the document's own title (a web page's <title> or og:title), when it has one
    published_on: dt.date | None = None  # the date the document itself carries (a web page's metadata)


def library(name: str) -> str:
    """``name version`` of an installed library, for the provenance of a converted text."""
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return name
