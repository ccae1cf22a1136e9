"""Which clusters a release is about: the ones the model names, plus those its "About" sections profile.

A small model sometimes returns an empty list for a long release; the "About X" sections are a
convention of the genre and say the same thing deterministically. A section counts only when its first
lines present X as a cluster, pole, hub or network, so "About the pharmaceutical industry in Normandy"
adds nothing.
"""
from __future__ import annotations

import re

from extractor.ask.answers import ClusterAnswer
from extractor.consolidate.names import name_key
from extractor.ground import find_all
from extractor.layout import Layout

PRESENTATION_CHARS = 400
_CLUSTER_WORD = re.compile(
    r"\b(?:cluster|clusters|p[ôo]le|pole|hub|r[ée]seau|network|association|alliance|consortium|cl[úu]ster|"
    r"verband|netzwerk|netwerk|innovation(?:s)? (?:centre|center)|competitiveness)\b",
    re.IGNORECASE,
)


def same_cluster(a: str | None, b: str | None) -> bool:
    """Same organisation in another spelling, or one name inside the other ("Polepharma" in "Polepharma-GIPSO")."""
    ka, kb = name_key(a or "").replace(" ", ""), name_key(b or "").replace(" ", "")
    return bool(ka) and bool(kb) and (ka == kb or (min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka)))


def described_clusters(text: str, layout: Layout) -> list[str]:
    names = []
    for section in layout.sections:
        if not section.about:
            continue
        body_start = section.start + len(section.heading)
        body = text[body_start:min(section.end, body_start + PRESENTATION_CHARS)]
        if _CLUSTER_WORD.search(body) and find_all(section.about, text):
            names.append(section.about)
    return names


def roster(named: list[ClusterAnswer], text: str, layout: Layout) -> list[ClusterAnswer]:
    """The model's clusters, then every profiled cluster it missed, without duplicates."""
    out: list[ClusterAnswer] = []
    for answer in named:
        if answer.name.strip() and not any(same_cluster(answer.name, known.name) for known in out):
            out.append(answer)
    for name in described_clusters(text, layout):
        if not any(same_cluster(name, known.name) for known in out):
            out.append(ClusterAnswer(name=name))
    return out
