"""Word lists, per language, as data: the one place the reader's vocabulary lives.

Each language has a folder beside this module (fr/, en/, ...) of TOML files, one per subject
(metrics.toml, layout.toml...). A file maps a concept ("about", "cluster_word", "metric.members"...)
to a list of phrases written folded (lowercase, no
accents, straight apostrophes; see extractor.text.fold). A phrase is a regular expression fragment so
that one entry can cover inflections ("membres?"); most entries are plain words. Concepts are read
across every language at once, since releases mix them ("le cluster", "le pôle", "Acme
e. V."): a rule asks for a concept, never for a language's word.
"""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from extractor.errors import SetupError
from extractor.text.languages import LANGUAGES


@cache
def _tables() -> dict[str, dict[str, list[str]]]:
    tables: dict[str, dict[str, list[str]]] = {}
    folder = resources.files(__package__)
    for language in LANGUAGES:
        entries = folder / language
        if not entries.is_dir():
            continue
        table: dict[str, list[str]] = {}
        for entry in sorted(entries.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".toml"):
                continue
            try:
                data = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise SetupError(f"The word list {entry} is not valid TOML ({exc}); fix that line.") from exc
            for concept, phrases in _flatten(data).items():
                table.setdefault(concept, []).extend(phrases)
        tables[language] = table
    return tables


def _flatten(data: dict[str, object], prefix: str = "") -> dict[str, list[str]]:
    flat: dict[str, list[str]] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = [str(v) for v in value]
    return flat


@cache
def words(concept: str, language: str | None = None) -> tuple[str, ...]:
    """The phrases of a concept in one language, or in every language when language is None."""
    tables = _tables()
    chosen = [tables[language]] if language in tables else list(tables.values()) if language is None else []
    seen: dict[str, None] = {}
    for table in chosen:
        for phrase in table.get(concept, []):
            seen.setdefault(phrase, None)
    return tuple(seen)


def concepts(prefix: str) -> tuple[str, ...]:
    """The concepts whose name starts with prefix, in the order the first file that has them lists them."""
    seen: dict[str, None] = {}
    for table in _tables().values():
        for name in table:
            if name.startswith(prefix):
                seen.setdefault(name, None)
    return tuple(seen)


@cache
def alternation(concept: str, language: str | None = None) -> str:
    """The concept's phrases as one regular-expression alternation, longest first."""
    found = words(concept, language)
    if not found:
        return r"(?!x)x"
    return "(?:" + "|".join(sorted(found, key=len, reverse=True)) + ")"


@cache
def pattern(concept: str, language: str | None = None) -> re.Pattern[str]:
    """Matches a whole phrase of the concept in folded text (see extractor.text.fold.plain)."""
    return re.compile(rf"(?<![\w]){alternation(concept, language)}(?![\w])")


@cache
def leading_article() -> re.Pattern[str]:
    """An article opening a phrase, in any language and case, with the blank after it: "Le ", "la ", "l'"."""
    return re.compile(rf"^(?i:{alternation('article')})(?:(?<=')|[ \t]+)")
