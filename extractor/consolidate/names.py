"""When two spellings name the same person or organisation: case, accents and punctuation never count."""
from __future__ import annotations

import re
import unicodedata

# Letters that NFKD leaves whole but that people type both ways ("Œuvre" / "Oeuvre").
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Casefolded, without accents: "Ivanès" -> "ivanes"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name, folded, with punctuation as separators: "SARRADE-LOUCHEUR" -> ("sarrade", "loucheur")."""
    return tuple(t for t in _NOT_ALNUM.split(fold(name)) if t)


def name_key(name: str) -> str:
    """One string per spelling family: "Philippe Ivanès" and "PHILIPPE IVANES" share "philippe ivanes"."""
    return " ".join(name_tokens(name))


def same_person(a: str, b: str) -> bool:
    """True for the same person written with another case, accents, word order or a first-name initial.

    "Maria PASCUAL DE ZULUETA" = "Pascual de Zulueta Maria"; "P. Ivanès" = "Philippe Ivanes";
    "Philippe Ivanès" != "Philippe Ivanov".
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if sorted(ta) == sorted(tb):
        return True
    if len(ta) != len(tb):
        return False
    full_matches = 0
    for x, y in zip(ta, tb):
        if x == y:
            full_matches += 1
        elif not ((len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))):
            return False
    # Initials alone ("P. I." vs "Paul Ibsen") are too weak: at least one whole word must agree.
    return full_matches > 0
