"""One regular expression for a set of literal words, shaped as a trie: "jan(?:vier|uary)?" for
"janvier", "january" and "jan".

Python's regular expressions try the branches of "janvier|january|jan|..." one after the other at every
position; the date and number grammars list every month, weekday and number word of six languages, so
that was most of the time spent reading a long release. A trie tries each letter once. It matches what
the longest-first alternation matches, in the same order of preference: a longer word before its prefix.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str]) -> str:
    """The words as one pattern, without a group of its own around the whole; "" for no word."""
    tree: _Node = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(tree)


def _branches(node: _Node) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # The longer words first: the optional part is greedy, so stopping here is tried last.
    return f"(?:{body})?" if _END in node else body
