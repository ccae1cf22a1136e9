"""Everything the tool reads from a release before any model call, computed once.

``analyse`` builds one ``ReleaseAnalysis`` per release; the questions to the model (extractor.ask) and
the records (extractor.records) only read it. It holds the text helpers' results (language, sentences),
the candidates (every quantity, date, e-mail, phone and URL with its span), the layout (title, dateline,
"About" sections, press contacts), the sentences that address a model, the numbers that may be cluster
figures, and the clusters the text itself presents.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extractor.analysis.offer import offered_numbers
from extractor.analysis.parts import Part, reading_parts
from extractor.analysis.roster import described_clusters, introduced_clusters
from extractor.candidates import Candidate, find_candidates
from extractor.guard import instruction_spans
from extractor.layout import Layout, read_layout
from extractor.lexicon import pattern
from extractor.normalize.language import detect_language
from extractor.text.fold import plain
from extractor.text.languages import default_country
from extractor.text.sentences import Sentences, split_sentences


@dataclass(frozen=True)
class ReleaseAnalysis:
    text: str
    language: str | None
    sentences: Sentences
    candidates: tuple[Candidate, ...]
    layout: Layout
    injections: tuple[tuple[int, int], ...]  # sentences that address a model, fenced off
    offered: tuple[Candidate, ...]  # numbers that may be cluster figures
    described: tuple[str, ...]  # clusters an "About X" section profiles
    introduced: tuple[str, ...]  # names the text introduces as a cluster: "le pôle X", "an alliance named X"
    announces_agreement: bool  # the title or the lead speaks of an agreement, a partnership, a signing
    parts: tuple[Part, ...]  # the passages the model reads: one part unless the release is too long for one question
    document_date: dt.date | None = None  # the date the document's metadata carries (a web page's), if any

    @property
    def presented(self) -> tuple[str, ...]:
        return self.described + self.introduced

    @property
    def published_on(self) -> dt.date | None:
        """The dateline's date; a web page's own date stands in when its text has no dateline, so that days
        without a year and agreements without a date are read against it as against a dateline."""
        dated = self.layout.dateline.date if self.layout.dateline else None
        return dated or self.document_date

    @property
    def country(self) -> str | None:
        """The country the release's language implies, for phone numbers and currencies it leaves bare."""
        return default_country(self.language)

    def of_kind(self, kind: str) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == kind]


LEAD_SENTENCES = 4


def speaks_of_agreement(text: str) -> bool:
    """Any word of an agreement, a partnership or a signing, in any language."""
    return bool(pattern("agreement").search(plain(text)))


def _announces_agreement(text: str, sentences: Sentences) -> bool:
    return speaks_of_agreement(" ".join(text[s:e] for s, e in sentences.spans[:LEAD_SENTENCES]))


def analyse(text: str, document_date: dt.date | None = None) -> ReleaseAnalysis:
    language = detect_language(text)
    sentences = split_sentences(text)
    candidates = tuple(find_candidates(text, language))
    layout = read_layout(text, list(candidates))
    injections = tuple(instruction_spans(text))
    return ReleaseAnalysis(
        text=text,
        language=language,
        sentences=sentences,
        candidates=candidates,
        layout=layout,
        injections=injections,
        offered=offered_numbers(candidates, text, injections),
        described=tuple(described_clusters(text, layout)),
        introduced=tuple(introduced_clusters(text, language)),
        announces_agreement=_announces_agreement(text, sentences),
        parts=reading_parts(text, sentences, layout),
        document_date=document_date,
    )
