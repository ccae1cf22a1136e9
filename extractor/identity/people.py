"""When two spellings name the same person: case, accents, punctuation, word order and initials never count."""
from __future__ import annotations

from extractor.text.fold import name_tokens


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
    for x, y in zip(ta, tb, strict=True):
        if x == y:
            full_matches += 1
        elif not ((len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))):
            return False
    # Initials alone ("P. I." vs "Paul Ibsen") are too weak: at least one whole word must agree.
    return full_matches > 0
