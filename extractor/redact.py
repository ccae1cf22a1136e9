"""Keeps keys and passwords out of everything the tool writes or prints.

A key can come from --api-key, OPENAI_API_KEY or the userinfo of --base-url (``http://user:KEY@host``), and a
server may echo it back in an error message. Every secret the model client is given is registered here;
``redact`` masks registered secrets, URL userinfo and bearer tokens in any text, and the writer of every
output file passes its text through it.
"""
from __future__ import annotations

import re
import threading
from urllib.parse import unquote, urlsplit, urlunsplit

MASK = "***"
# Shorter strings ("x", "no") would mask ordinary words; keys are longer than this.
MIN_SECRET = 6
USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@]+@")
BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}")

_secrets: set[str] = set()
_lock = threading.Lock()


def register(*secrets: str | None) -> None:
    with _lock:
        for secret in secrets:
            if secret and len(secret) >= MIN_SECRET:
                _secrets.update({secret, unquote(secret)})


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    text = USERINFO.sub(rf"\g<scheme>{MASK}@", text)
    return BEARER.sub(rf"\1 {MASK}", text)


def url_secrets(url: str) -> tuple[str | None, str | None]:
    """The user name and password in a URL's userinfo, if any."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None, None
    return parts.username, parts.password


def mask_url(url: str) -> str:
    """The URL as it may be shown or written: userinfo replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact(url)
    if parts.username is None and parts.password is None:
        return redact(url)
    host = parts.netloc.rsplit("@", 1)[1]
    return redact(urlunsplit(parts._replace(netloc=f"{MASK}@{host}")))
