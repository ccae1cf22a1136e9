"""The one folding rule: case, accents, ligatures and curly apostrophes never tell two spellings apart.

Names are matched ("Ivanès" = "IVANES"), lexicons are read ("hôpitaux" = "hopitaux") and grounding
finds model answers in the source through this rule, so they can never disagree.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that NFKD leaves whole but that people type both ways ("Œuvre" / "Oeuvre").
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                            "ß": "ss", "\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Casefolded, without accents, ligatures spelled out: "Hôpitaux d’Œuvre" -> "hopitaux d'oeuvre"."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    # Marks dropped by a table of the distinct characters: one C-speed pass, however long the text.
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(marks).casefold()


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name, folded, with punctuation as separators: "SARRADE-LOUCHEUR" -> ("sarrade", "loucheur")."""
    return tuple(t for t in _NOT_ALNUM.split(fold(name)) if t)


def name_key(name: str) -> str:
    """One string per spelling family: "Philippe Ivanès" and "PHILIPPE IVANES" share "philippe ivanes"."""
    return " ".join(name_tokens(name))


@dataclass(frozen=True)
class Folded:
    """A text as lowercase accentless words separated by single spaces, with a map back to the source."""

    text: str
    origin: tuple[int, ...]  # origin[i] = index in the source of folded char i

    def source_span(self, start: int, end: int, source: str) -> tuple[int, int]:
        begin, finish = self.origin[start], self.origin[end - 1] + 1
        # a folded char may come from a decomposed source char; take the whole source char
        while finish < len(source) and unicodedata.combining(source[finish]):
            finish += 1
        return begin, finish


@lru_cache(maxsize=64)
def fold_words(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            piece = piece if piece.isalnum() else " "
            if piece == " " and (not out or out[-1] == " "):
                continue
            out.append(piece)
            origin.append(index)
    return Folded("".join(out), tuple(origin))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def plain(text: str) -> str:
    """Folded with every run of blanks and markdown emphasis as one space: what lexicons are matched on."""
    return re.sub(r"[\s*_]+", " ", fold(text))


@lru_cache(maxsize=64)
def unaccent(text: str) -> str:
    """The text with accents dropped and nothing else changed, one character for one: offsets and case
    carry over, so a pattern written in folded words can find its span in the source."""
    # Decomposed once per distinct character, not once per character: a long text repeats few of them.
    table = {ord(char): _unaccented(char) for char in set(text) if not char.isascii()}
    return text.translate(table)


@lru_cache(maxsize=4096)
def _unaccented(char: str) -> str:
    if char == "\u2019":
        return "'"
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base and not unicodedata.combining(base) else char
