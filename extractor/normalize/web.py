"""Web addresses and e-mail addresses, as written in releases and markdown, to one canonical form."""
from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}")
# Trailing characters that close a sentence, a bracket or a markdown link, never a URL.
_TRAILING = ".,;:!?)]}>»\"'\u2019*_"
_LEADING = "<([{«\"'*_"
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def _unwrap(raw: str) -> list[str]:
    """A markdown link's target, then its label; any other text as it is."""
    text = raw.strip()
    link = _MARKDOWN_LINK.fullmatch(text)
    return [link[2], link[1]] if link else [text]


def normalize_url(raw: str) -> str | None:
    """"www.biowin.org" -> "https://www.biowin.org"; "<https://www.gipso.org/>" -> "https://www.gipso.org".

    The scheme a release states is kept (http stays http); a missing one becomes https. The host is
    lower-cased and a bare trailing slash dropped, so one site written three ways compares equal.
    A markdown link "[www.medvia.be](http://www.medvia.be)" gives its target.
    """
    for text in _unwrap(raw):
        url = _one_url(text)
        if url:
            return url
    return None


def _one_url(raw: str) -> str | None:
    text = raw.strip().strip(_LEADING).rstrip(_TRAILING).strip()
    if not text or "@" in text.split("/")[0] or re.search(r"\s", text):
        return None
    if not re.match(r"^[a-z][a-z0-9+.\-]*://", text, re.IGNORECASE):
        if re.match(r"^[a-z][a-z0-9+.\-]*:", text, re.IGNORECASE) and not text.lower().startswith("www."):
            return None  # mailto:, tel:, javascript: are not web pages
        text = "https://" + text
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("http", "https") or not _HOST.fullmatch(host.removeprefix("www.")):
        return None
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    path = "" if parts.path == "/" else parts.path
    return urlunsplit((scheme, netloc, path, parts.query, parts.fragment))


def normalize_email(raw: str) -> str | None:
    """"[a@b.org](mailto:a@b.org)", "mailto:A@B.org", "<a@b.org>" -> "a@b.org" (lower case)."""
    for text in _unwrap(raw):
        email = _one_email(text)
        if email:
            return email
    return None


def _one_email(raw: str) -> str | None:
    text = raw.strip().strip(_LEADING).rstrip(_TRAILING).strip()
    text = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE)
    return text.lower() if _EMAIL.fullmatch(text) else None
