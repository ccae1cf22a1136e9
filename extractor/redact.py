"""Keeps keys and passwords out of everything the tool writes or prints.

A key can come from --api-key, OPENAI_API_KEY or the userinfo of --base-url (``http://user:KEY@host``), and a
server may echo it back in an error message. Every secret the model client is given is registered here;
``redact`` masks registered secrets, URL userinfo and bearer tokens in any text, and the writer of every
output file passes its text through it. Log records are redacted as they are made (httpx and openai log the
request URL, userinfo included), whatever handlers the application sets up.
"""
from __future__ import annotations

import logging
import re
import threading
from typing import Any
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
        _redact_logs()


_log_factory_installed = False


def _redact_logs() -> None:
    global _log_factory_installed
    if _log_factory_installed:
        return
    _log_factory_installed = True
    make = logging.getLogRecordFactory()

    def redacted(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return record  # a malformed record is logging's to report, not ours
        record.msg, record.args = redact(message), None
        if record.exc_info:
            # Formatters reuse exc_text once set: the traceback (an error echoing a key) is shown redacted.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return record

    logging.setLogRecordFactory(redacted)


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
