"""The trie pattern matches what the longest-first alternation of the same words matches."""
import re

import pytest

from extractor.text.trie import trie_pattern

WORDS = [
    ["janvier", "jan", "janv", "january", "june", "juin", "juillet", "jul"],
    ["vingt", "vingt et un", "deux", "deux cents", "dix", "dix-sept"],
    ["a.b", "a+b", "(x)", "a"],
]
TEXT = "jan janv janvier january juneau juin juillet julius vingt et un deux cents dix-sept a.b a+b (x) axb"


@pytest.mark.parametrize("words", WORDS)
def test_the_trie_finds_what_the_alternation_finds(words):
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    expected = [m.span() for m in re.finditer(rf"(?:{alternation})", TEXT)]
    assert [m.span() for m in re.finditer(rf"(?:{trie_pattern(words)})", TEXT)] == expected
    bounded = [m.span() for m in re.finditer(rf"(?<!\w)(?:{alternation})(?!\w)", TEXT)]
    assert [m.span() for m in re.finditer(rf"(?<!\w)(?:{trie_pattern(words)})(?!\w)", TEXT)] == bounded


def test_no_words_is_an_empty_pattern():
    assert trie_pattern([]) == ""
