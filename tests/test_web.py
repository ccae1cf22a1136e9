"""Web and mail addresses as releases and markdown write them."""
from __future__ import annotations

import pytest

from extractor.normalize.web import normalize_email, normalize_url


@pytest.mark.parametrize(("raw", "expected"), [
    ("www.biowin.org", "https://www.biowin.org"),
    ("<https://www.gipso.org/>", "https://www.gipso.org"),
    ("[www.medvia.be](http://www.medvia.be)", "http://www.medvia.be"),
    ("http://www.medvia.be", "http://www.medvia.be"),
    ("https://www.polepharma.com/", "https://www.polepharma.com"),
    ("https://www.basquehealthcluster.org/es/", "https://www.basquehealthcluster.org/es/"),
    ("https://medicen.org/fr/", "https://medicen.org/fr/"),
    ("HTTPS://WWW.Example.ORG/Path?q=1", "https://www.example.org/Path?q=1"),
    ("www.polepharma.com.", "https://www.polepharma.com"),
    ("(www.pole-sante.fr)", "https://www.pole-sante.fr"),
    ("polepharma.com", "https://polepharma.com"),
])
def test_normalize_url(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


@pytest.mark.parametrize("raw", ["", "hello", "mailto:a@b.org", "a@b.org", "[Matthew Gower](#)", "ftp://x.org",
                                 "www.example", "two words.org"])
def test_not_urls(raw: str) -> None:
    assert normalize_url(raw) is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("alexandra.schiettekatte@biowin.org", "alexandra.schiettekatte@biowin.org"),
    ("[lisa.bradshaw@medvia.be](mailto:lisa.bradshaw@medvia.be)", "lisa.bradshaw@medvia.be"),
    ("mailto:A@B.org", "a@b.org"),
    ("<e.pangaud@gipso.org>", "e.pangaud@gipso.org"),
    ("Capucine.sarrade-loucheur@polepharma.com", "capucine.sarrade-loucheur@polepharma.com"),
    ("info@cluster.co.uk.", "info@cluster.co.uk"),
])
def test_normalize_email(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize("raw", ["", "nope@", "@b.org", "a@b", "www.biowin.org", "a b@c.org"])
def test_not_emails(raw: str) -> None:
    assert normalize_email(raw) is None
