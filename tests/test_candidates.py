"""find_candidates on the seed releases and on press-release sentences: spans, values, exclusions."""
from __future__ import annotations

import json
import re
import time
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from extractor.candidates import Candidate, find_candidates

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"


@cache
def _seed(prefix: str) -> tuple[str, tuple[Candidate, ...]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, tuple(find_candidates(text))


def _at(prefix: str, phrase: str, surface: str, occurrence: int = 0) -> Candidate:
    """The candidate that starts where ``surface`` starts inside ``phrase`` in the seed."""
    text, candidates = _seed(prefix)
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(phrase, at + 1)
    start = at + phrase.index(surface)
    found = [c for c in candidates if c.start == start]
    assert found, f"nothing found at {surface!r} in {phrase!r}"
    return found[0]


# Every figure sentence of the five seeds: (seed, phrase, surface, value, unit, qualifier, flags)
SEED_FIGURES = [
    ("000", "It includes 250 members", "250", 250, "count", "exact", ()),
    ("000", "445+ members in all of France", "445+", 445, "count", "at_least", ()),
    ("000", "26 billion in export sales", "26 billion", 26_000_000_000, "count", "exact", ()),
    ("000", "80k jobs throughout", "80k", 80_000, "count", "exact", ()),
    ("000", "5 offices (Chartres", "5", 5, "count", "exact", ()),
    ("000", "focuses on three key areas", "three", 3, "count", "exact", ()),
    ("001", "BioWin représente 260 membres", "260", 260, "count", "exact", ()),
    ("001", "un total de 18 500 employés", "18 500", 18_500, "count", "exact", ()),
    ("001", "y compris 140 entreprises", "140", 140, "count", "exact", ()),
    ("001", "cinq institutions académiques", "cinq", 5, "count", "exact", ()),
    ("001", "six centres de recherche", "six", 6, "count", "exact", ()),
    ("001", "MEDVIA représente 150 membres", "150", 150, "count", "exact", ()),
    ("001", "dont six institutions académiques", "six", 6, "count", "exact", ()),
    ("001", "sept hôpitaux", "sept", 7, "count", "exact", ()),
    ("001", "et 80 entreprises", "80", 80, "count", "exact", ()),
    ("001", "où 75 entrepreneurs", "75", 75, "count", "exact", ()),
    ("001", "rencontrer plus de 60 investisseurs", "plus de 60", 60, "count", "at_least", ()),
    ("001", "Il comprend 250 membres", "250", 250, "count", "exact", ()),
    ("002", "avec 26 Mds de chiffre", "26 Mds", 26_000_000_000, "count", "exact", ()),
    ("002", "60% de la production", "60%", 60, "percent", "exact", ()),
    ("002", "de plus de 360 acteurs", "plus de 360", 360, "count", "at_least", ()),
    ("002", "Plus de 70 000 emplois", "Plus de 70 000", 70_000, "count", "at_least", ()),
    ("002", "5 antennes Polepharma", "5", 5, "count", "exact", ()),
    ("003", "d'une centaine d'entreprises", "une centaine", 100, "count", "approx", ()),
    ("003", "regroupe plus de 300 acteurs", "plus de 300", 300, "count", "at_least", ()),
    ("003", "représentant 53% de la production", "53%", 53, "percent", "exact", ()),
    ("003", "un bassin de 60 000 emplois", "60 000", 60_000, "count", "exact", ()),
    ("003", "et 25,3 milliards de chiffre", "25,3 milliards", 25_300_000_000, "count", "exact", ()),
    ("003", "sur quatre axes stratégiques", "quatre", 4, "count", "exact", ()),
    ("004", "budget global de plus de 2\u00a0000 000 € sur 3 ans", "plus de 2\u00a0000 000 €", 2_000_000, "EUR",
     "at_least", ()),
    ("004", "budget global de plus de 2\u00a0000 000 € sur 3 ans", "3", 3, "count", "exact", ()),
    ("004", "mobilisera 588 000 euros", "588 000 euros", 588_000, "EUR", "exact", ()),
    ("004", "autour de 4 grands axes", "4", 4, "count", "exact", ()),
    ("004", "réuni plus de 13O participants", "plus de 13O", 130, "count", "at_least", ("letter_for_digit",)),
    ("004", "assistent plus de 200 décideurs", "plus de 200", 200, "count", "at_least", ()),
    ("004", "depuis 5 ans", "5", 5, "count", "exact", ()),
    ("004", "réalise 5,74 milliards d’euros de chiffre", "5,74 milliards d’euros", 5_740_000_000, "EUR", "exact", ()),
    ("004", "soit 16% des exportations", "16%", 16, "percent", "exact", ()),
    ("004", "représente 9 892 emplois directs", "9 892", 9892, "count", "exact", ()),
    ("004", "et 20 000 au global", "20 000", 20_000, "count", "exact", ()),
    ("004", "avec 25,3Mds de chiffre", "25,3Mds", 25_300_000_000, "count", "exact", ()),
    ("004", "export. 53% de la production", "53%", 53, "percent", "exact", ()),
    ("004", "Un écosystème de plus de 300 acteurs", "plus de 300", 300, "count", "at_least", ()),
    ("004", "Plus de 60 000 emplois", "Plus de 60 000", 60_000, "count", "at_least", ()),
    ("004", "4 antennes Polepharma", "4", 4, "count", "exact", ()),
    ("004", "Ce sont 75 adhérents", "75", 75, "count", "exact", ()),
    ("004", "dont 31 sites de production", "31", 31, "count", "exact", ()),
    ("004", "1 antenne à Louviers", "1", 1, "count", "exact", ()),
    ("004", "mobilise plus de 470 entreprises", "plus de 470", 470, "count", "at_least", ()),
    ("004", "représentant plus de 50% des sciences", "plus de 50%", 50, "percent", "at_least", ()),
    ("004", "réseau d’une centaine d’entreprises", "une centaine", 100, "count", "approx", ()),
]


@pytest.mark.parametrize(("prefix", "phrase", "surface", "value", "unit", "qualifier", "flags"), SEED_FIGURES)
def test_seed_figure(prefix: str, phrase: str, surface: str, value: float, unit: str, qualifier: str,
                     flags: tuple[str, ...]) -> None:
    text, _ = _seed(prefix)
    found = _at(prefix, phrase, surface)
    assert (found.kind, found.text, found.value, found.unit, found.qualifier, found.flags) == (
        "quantity", surface, value, unit, qualifier, flags)
    assert text[found.start:found.end] == surface


PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_spans_slice_exactly_sorted_and_disjoint(prefix: str) -> None:
    text, candidates = _seed(prefix)
    assert candidates
    for candidate in candidates:
        assert text[candidate.start:candidate.end] == candidate.text
    assert [c.start for c in candidates] == sorted(c.start for c in candidates)
    for left, right in pairwise(candidates):
        assert left.end <= right.start, (left, right)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_gold_figure_values_are_candidates(prefix: str) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not beside this checkout")
    gold = {d["doc"][:3]: d for d in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]}
    _, candidates = _seed(prefix)
    values = {c.value for c in candidates if c.kind == "quantity"}
    missing = [f["value"] for f in gold[prefix]["figures"] if f["value"] not in values]
    assert missing == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_gold_dates_are_candidates(prefix: str) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not beside this checkout")
    gold = {d["doc"][:3]: d for d in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]}
    _, candidates = _seed(prefix)
    assert gold[prefix]["published_on"] in {c.value for c in candidates if c.kind == "date"}


_YEAR = re.compile(r"(?<![\d\-/])(?:19|20)\d\d(?![\d\-/])")
_ORDINAL = re.compile(r"\b\d+(?:er|re|ère|ème|e|st|nd|rd|th)\b")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_years_ordinals_and_phone_pieces_are_not_quantities(prefix: str) -> None:
    text, candidates = _seed(prefix)
    quantities = [c for c in candidates if c.kind == "quantity"]
    starts = {c.start for c in quantities}
    years = [m for m in _YEAR.finditer(text)]
    ordinals = [m for m in _ORDINAL.finditer(text)]
    assert years and not [m.group() for m in years if m.start() in starts]
    assert not [m.group() for m in ordinals if m.start() in starts]
    phones = [c for c in candidates if c.kind == "phone"]
    for phone in phones:
        assert not [q for q in quantities if q.start < phone.end and phone.start < q.end]


def test_seed_ordinals_exist_and_are_skipped() -> None:
    text, candidates = _seed("004")
    for ordinal in ("18ème", "4ème", "1ère", "3ème", "2ème", "5ème", "1er"):
        at = text.index(ordinal)
        assert not [c for c in candidates if c.start <= at < c.end], ordinal


EXPECTED_CONTACTS = {
    "000": ({"+32476650438", "+3237207719"},
            {"alexandra.schiettekatte@biowin.org", "sabrina.boireau@polepharma.com"},
            {"https://www.polepharma.com"}),
    "001": ({"+441273952481", "+12037245950", "+32476650438", "+32487165677"},
            {"alexandra.schiettekatte@biowin.org", "lisa.bradshaw@medvia.be"},
            {"http://www.medvia.be", "http://www.biowin.org"}),
    "002": ({"+34644845644", "+33237202424"},
            {"maria@basquehealthcluster.org", "camille.garcia@polepharma.com",
             "capucine.sarrade-loucheur@polepharma.com"},
            {"https://www.basquehealthcluster.org/es/", "https://www.polepharma.com"}),
    "003": ({"+33556113215", "+33237209990"},
            {"e.pangaud@gipso.org", "capucine.sarrade-loucheur@polepharma.com"},
            {"https://www.gipso.org", "https://www.polepharma.com"}),
    "004": ({"+33235525600", "+33237202500", "+33237202424"},
            {"laure.wattinne@normandie.fr", "claire.bouffard@polepharma.com",
             "capucine.sarrade-loucheur@polepharma.com"},
            {"https://www.polepharma.com", "https://medicen.org/fr/", "https://www.gipso.org"}),
}


@pytest.mark.parametrize("prefix", PREFIXES)
def test_seed_contacts(prefix: str) -> None:
    _, candidates = _seed(prefix)
    phones, emails, urls = EXPECTED_CONTACTS[prefix]
    assert {c.value for c in candidates if c.kind == "phone"} == phones
    assert {c.value for c in candidates if c.kind == "email"} == emails
    assert {c.value for c in candidates if c.kind == "url"} == urls


def test_markdown_links_count_once() -> None:
    text, candidates = _seed("001")
    emails = [c for c in candidates if c.kind == "email"]
    assert [c.text for c in emails].count("lisa.bradshaw@medvia.be") == 1
    assert [c.text for c in emails].count("alexandra.schiettekatte@biowin.org") == 1
    medvia = [c for c in candidates if c.kind == "url" and "medvia" in c.text]
    assert [(c.text, c.value) for c in medvia] == [("www.medvia.be", "http://www.medvia.be")]
    assert text[medvia[0].start - 1] == "["


def test_seed_dates_and_periods() -> None:
    _, candidates = _seed("004")
    periods = [(c.text, c.value) for c in candidates if c.kind == "period"]
    assert periods == [
        ("2020-2022", "2020-01-01/2022-12-31"), ("2020-2022", "2020-01-01/2022-12-31"),
        ("février 2020", "2020-02-01/2020-02-29"), ("4 et 5 février 2020", "2020-02-04/2020-02-05"),
        ("22 et 23 mars 2021", "2021-03-22/2021-03-23"),
    ]
    dates = {c.value for c in candidates if c.kind == "date"}
    assert dates == {"2020-10-06", "2020-11-05"}
    _, candidates = _seed("002")
    no_year = [c for c in candidates if c.kind == "date" and c.value is None]
    assert [(c.text, c.flags) for c in no_year] == [("jeudi 12 mai", ("no_year",))]


def _kinds(text: str, lang: str | None = None, country: str | None = None) -> list[tuple]:
    out = []
    for c in find_candidates(text, lang, country):
        assert text[c.start:c.end] == c.text
        out.append((c.kind, c.text, c.value, c.unit, c.qualifier) if c.kind == "quantity" else (c.kind, c.text, c.value))
    return out


Q = "quantity"

SENTENCES = [
    ("Le pôle compte plus de 1 200 emplois directs.", "fr",
     [(Q, "plus de 1 200", 1200, "count", "at_least")]),
    ("Les exportations représentent près de 40 % du chiffre d'affaires.", "fr",
     [(Q, "près de 40 %", 40, "percent", "approx")]),
    ("Le projet est doté d'un budget d'environ 2,5 millions d'euros.", "fr",
     [(Q, "environ 2,5 millions d'euros", 2_500_000, "EUR", "approx")]),
    ("Le cluster fédère aujourd'hui 350 adhérents, dont 220 PME.", "fr",
     [(Q, "350", 350, "count", "exact"), (Q, "220", 220, "count", "exact")]),
    ("Une enveloppe de 3 M€ a été votée par la Région.", "fr", [(Q, "3 M€", 3_000_000, "EUR", "exact")]),
    ("Le réseau réunit une vingtaine de laboratoires et 14 centres de recherche.", "fr",
     [(Q, "une vingtaine", 20, "count", "approx"), (Q, "14", 14, "count", "exact")]),
    ("Plus d'une centaine d'entreprises étaient présentes le 3 juin 2021.", "fr",
     [(Q, "Plus d'une centaine", 100, "count", "at_least"), ("date", "3 juin 2021", "2021-06-03")]),
    ("Le salon accueillera jusqu'à 5 000 visiteurs du 12 au 14 octobre 2022.", "fr",
     [(Q, "jusqu'à 5 000", 5000, "count", "at_most"), ("period", "12 au 14 octobre 2022", "2022-10-12/2022-10-14")]),
    ("La Région investit 15 millions d'euros sur la période 2021-2027.", "fr",
     [(Q, "15 millions d'euros", 15_000_000, "EUR", "exact"), ("period", "2021-2027", "2021-01-01/2027-12-31")]),
    ("Le cluster représente 45 000 emplois et 8,5 Md€ de chiffre d'affaires.", "fr",
     [(Q, "45 000", 45_000, "count", "exact"), (Q, "8,5 Md€", 8_500_000_000, "EUR", "exact")]),
    ("Contact : 01 44 55 66 77 ou contact@pole-sante.fr, www.pole-sante.fr.", "fr",
     [("phone", "01 44 55 66 77", "+33144556677"), ("email", "contact@pole-sante.fr", "contact@pole-sante.fr"),
      ("url", "www.pole-sante.fr", "https://www.pole-sante.fr")]),
    ("Le pôle compte 18 chercheurs, trois antennes régionales et quelque 300 membres.", "fr",
     [(Q, "18", 18, "count", "exact"), (Q, "trois", 3, "count", "exact"), (Q, "quelque 300", 300, "count", "approx")]),
    ("En 2019, la filière réalisait 62 % de la production nationale.", "fr", [(Q, "62 %", 62, "percent", "exact")]),
    ("Le colloque aura lieu le 1er décembre 2022 à Lyon (69003).", "fr",
     [("date", "1er décembre 2022", "2022-12-01")]),
    ("Le siège : 12 rue de la Paix, 75002 Paris.", "fr", [(Q, "12", 12, "count", "exact")]),
    ("Deux tiers des adhérents sont des PME.", "fr", [(Q, "Deux tiers", 66.67, "percent", "approx")]),
    ("Ce programme de 750 000 € est financé à 50 %.", "fr",
     [(Q, "750 000 €", 750_000, "EUR", "exact"), (Q, "50 %", 50, "percent", "exact")]),
    ("Nous sommes l'un des six clusters soutenus par la Région.", "fr", [(Q, "six", 6, "count", "exact")]),
    ("Le cluster compte 1.200 membres.", "fr", [(Q, "1.200", 1200, "count", "exact")]),
    ("Plus de 2000 participants sont attendus en 2024.", "fr", [(Q, "Plus de 2000", 2000, "count", "at_least")]),
    ("La filière compte 2000 emplois en 2017.", "fr", [(Q, "2000", 2000, "count", "exact")]),
    ("La convention court jusqu'à 2025.", "fr", []),
    ("La 4ème édition du colloque, le 2ème salon et le 1er forum.", "fr", []),
    ("Dans le contexte de la COVID-19, 14h30, n° 5, N°7, #3, BP 123.", "fr", []),
    ("Réalisé en 3 étapes.", "fr", [(Q, "3", 3, "count", "exact")]),
    ("Entre 200-300 membres, code B-1000, COVID-19.", "fr", [(Q, "200-300", 200, "count", "exact")]),
    ("Il y a > 300 membres.\n> 40 emplois", "fr",
     [(Q, "> 300", 300, "count", "at_least"), (Q, "40", 40, "count", "exact")]),
    ("1. Introduction\n2. Chiffres clés", "fr", []),
    ("#### **A propos de MEDVIA**\n## 5 chiffres clés", "fr", [(Q, "5", 5, "count", "exact")]),
    ("Le pôle a une centaine de membres et deux cents partenaires.", "fr",
     [(Q, "une centaine", 100, "count", "approx"), (Q, "deux cents", 200, "count", "exact")]),
    ("The cluster now counts over 3,500 jobs and about 120 member companies.", "en",
     [(Q, "over 3,500", 3500, "count", "at_least"), (Q, "about 120", 120, "count", "approx")]),
    ("The company raised €1.2bn in 2021.", "en", [(Q, "€1.2bn", 1_200_000_000, "EUR", "exact")]),
    ("Exports reached $2.5 billion, or 45% of total revenue.", "en",
     [(Q, "$2.5 billion", 2_500_000_000, "USD", "exact"), (Q, "45%", 45, "percent", "exact")]),
    ("More than 200 SMEs and 15 universities have joined since 2018.", "en",
     [(Q, "More than 200", 200, "count", "at_least"), (Q, "15", 15, "count", "exact")]),
    ("The programme has a budget of £3m.", "en", [(Q, "£3m", 3_000_000, "GBP", "exact")]),
    ("Up to 500 researchers will work there from March 3, 2025.", "en",
     [(Q, "Up to 500", 500, "count", "at_most"), ("date", "March 3, 2025", "2025-03-03")]),
    ("At least 30 hospitals take part.", "en", [(Q, "At least 30", 30, "count", "at_least")]),
    ("Funding of €15 million was secured for 2022-2024.", "en",
     [(Q, "€15 million", 15_000_000, "EUR", "exact"), ("period", "2022-2024", "2022-01-01/2024-12-31")]),
    ("BioValley gathers almost 600 companies and a dozen clusters.", "en",
     [(Q, "almost 600", 600, "count", "approx"), (Q, "a dozen", 12, "count", "approx")]),
    ("It is the 3rd largest cluster with 250+ members.", "en", [(Q, "250+", 250, "count", "at_least")]),
    ("Call +44 (0)20 7946 0958 or write to info@cluster.co.uk.", "en",
     [("phone", "+44 (0)20 7946 0958", "+442079460958"), ("email", "info@cluster.co.uk", "info@cluster.co.uk")]),
    ("The network comprises a hundred companies.", "en", [(Q, "a hundred", 100, "count", "exact")]),
    ("Revenue of EUR 450 million, up 12% year on year.", "en",
     [(Q, "EUR 450 million", 450_000_000, "EUR", "exact"), (Q, "12%", 12, "percent", "exact")]),
    ("Sales rose to 1.5 billion euros from 2019 to 2021.", "en",
     [(Q, "1.5 billion euros", 1_500_000_000, "EUR", "exact"), ("period", "from 2019 to 2021", "2019-01-01/2021-12-31")]),
    ("One of the two founders spoke at the 2nd edition.", "en", [(Q, "two", 2, "count", "exact")]),
    ("Our five regional offices employ 80 staff.", "en",
     [(Q, "five", 5, "count", "exact"), (Q, "80", 80, "count", "exact")]),
    ("Less than 10% of production is exported.", "en", [(Q, "Less than 10%", 10, "percent", "at_most")]),
    ("The 80k+ jobs of the 8th region, 26 billion in export sales.", "en",
     [(Q, "80k+", 80_000, "count", "at_least"), (Q, "26 billion", 26_000_000_000, "count", "exact")]),
    ("See https://www.example-cluster.org/about.", "en",
     [("url", "https://www.example-cluster.org/about", "https://www.example-cluster.org/about")]),
    ("Two-thirds of members are SMEs; one in four is a start-up.", "en",
     [(Q, "Two-thirds", 66.67, "percent", "approx")]),
    ("The partnership will run from January 2024 to December 2026.", "en",
     [("period", "from January 2024 to December 2026", "2024-01-01/2026-12-31")]),
    ("Signé en février 2020, il court jusqu'en 2025.", "fr", [("period", "février 2020", "2020-02-01/2020-02-29")]),
    ("flanders.bio counts 400 member companies; Contact: +32 9 241 11 96, info@flanders.bio", "en",
     [("url", "flanders.bio", "https://flanders.bio"), (Q, "400", 400, "count", "exact"),
      ("phone", "+32 9 241 11 96", "+3292411196"), ("email", "info@flanders.bio", "info@flanders.bio")]),
    ("Der Cluster hat über 200 Mitglieder und 3,5 Mrd. Euro Umsatz.", "de",
     [(Q, "über 200", 200, "count", "at_least"), (Q, "3,5 Mrd. Euro", 3_500_000_000, "EUR", "exact")]),
    ("El clúster reúne a más de 40 empresas y doce hospitales.", "es",
     [(Q, "más de 40", 40, "count", "at_least"), (Q, "doce", 12, "count", "exact")]),
    ("De cluster telt meer dan 150 leden en zeven ziekenhuizen.", "nl",
     [(Q, "meer dan 150", 150, "count", "at_least"), (Q, "zeven", 7, "count", "exact")]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), SENTENCES)
def test_sentence(text: str, lang: str, expected: list[tuple]) -> None:
    assert _kinds(text, lang) == expected


def test_national_phone_needs_a_country() -> None:
    text = "Tél. : 02 37 20 24 24"
    assert _kinds(text, "fr") == [("phone", "02 37 20 24 24", "+33237202424")]
    [belgian] = find_candidates(text, "fr", "BE")
    assert (belgian.value, belgian.flags) == ("+32237202424", ("unassigned_number",))
    unknown = find_candidates(text, "en")
    assert [(c.kind, c.value, c.flags) for c in unknown] == [("phone", None, ("no_country",))]


def test_letter_for_digit_is_flagged_never_silent() -> None:
    [found] = find_candidates("a réuni plus de 13O participants", "fr")
    assert (found.text, found.value, found.flags) == ("plus de 13O", 130, ("letter_for_digit",))


def test_language_is_detected_when_not_given() -> None:
    assert [c.value for c in find_candidates("Le pôle compte 1.200 membres et 25,3 milliards d'euros.")] == [
        1200, 25_300_000_000]


def test_as_dict() -> None:
    [found] = find_candidates("445+ members", "en")
    assert found.as_dict() == {"kind": "quantity", "text": "445+", "start": 0, "end": 4, "value": 445,
                               "unit": "count", "qualifier": "at_least", "flags": [], "high": None}
    assert json.dumps(found.as_dict())


def test_empty_text() -> None:
    assert find_candidates("", "fr") == []
    assert find_candidates("   \n", None) == []


def test_ten_kilobytes_are_fast() -> None:
    text = (_seed("004")[0] + _seed("001")[0])[:10_000]
    find_candidates(text, "fr", "FR")
    best = min(_timed(text) for _ in range(3))
    assert best < 0.1


def _timed(text: str) -> float:
    started = time.perf_counter()
    find_candidates(text, "fr", "FR")
    return time.perf_counter() - started


def _read(text: str, lang: str) -> list[tuple]:
    out = []
    for c in find_candidates(text, lang):
        assert text[c.start:c.end] == c.text
        out.append((c.kind, c.text, c.value, c.unit, c.qualifier, c.flags, c.high))
    return out


# Sentences in the ways cluster releases in six languages write the figures: (text, lang, expected)
# with (kind, text, value, unit, qualifier, flags, high).
WRITTEN = [
    # Italian and Dutch amounts, number words before a noun
    ("Il polo conta oltre 2.300 addetti e 1,8 miliardi di euro di fatturato.", "it",
     [(Q, "oltre 2.300", 2300, "count", "at_least", (), None),
      (Q, "1,8 miliardi di euro", 1_800_000_000, "EUR", "exact", (), None)]),
    ("Un investimento di 150 milioni di euro per novantadue soci e dodici ospedali.", "it",
     [(Q, "150 milioni di euro", 150_000_000, "EUR", "exact", (), None), (Q, "novantadue", 92, "count", "exact", (), None),
      (Q, "dodici", 12, "count", "exact", (), None)]),
    ("Il cluster riunisce venti imprese, le due aziende ospedaliere e le quattro ASL.", "it",
     [(Q, "venti", 20, "count", "exact", (), None), (Q, "due", 2, "count", "exact", (), None),
      (Q, "quattro", 4, "count", "exact", (), None)]),
    ("Er is 6,5 miljoen euro en 8 miljard euro voor veertien grote bedrijven.", "nl",
     [(Q, "6,5 miljoen euro", 6_500_000, "EUR", "exact", (), None), (Q, "8 miljard euro", 8_000_000_000, "EUR", "exact", (), None),
      (Q, "veertien", 14, "count", "exact", (), None)]),
    ("Met de vier Universitaire ziekenhuizen, vijf sectorverenigingen en drie strategische onderzoekscentra.", "nl",
     [(Q, "vier", 4, "count", "exact", (), None), (Q, "vijf", 5, "count", "exact", (), None),
      (Q, "drie", 3, "count", "exact", (), None)]),
    ("El clúster reúne veintidós empresas y veintiocho socios.", "es",
     [(Q, "veintidós", 22, "count", "exact", (), None), (Q, "veintiocho", 28, "count", "exact", (), None)]),
    ("Der Cluster hat zwölf Mitglieder und Zweiundzwanzig Partner.", "de",
     [(Q, "zwölf", 12, "count", "exact", (), None), (Q, "Zweiundzwanzig", 22, "count", "exact", (), None)]),
    ("Les Trois Vallées et Four Seasons sont des noms.", "fr", []),
    # ranges
    ("Le réseau compte 200-300 entreprises et vise 10 à 15 % de croissance.", "fr",
     [(Q, "200-300", 200, "count", "exact", (), 300), (Q, "10 à 15 %", 10, "percent", "exact", (), 15)]),
    ("Le pôle réunit entre 10 et 20 laboratoires.", "fr", [(Q, "entre 10 et 20", 10, "count", "exact", (), 20)]),
    ("The alliance brings together between 10 and 20 companies.", "en",
     [(Q, "between 10 and 20", 10, "count", "exact", (), 20)]),
    ("Das Netzwerk umfasst zwischen 10 und 20 Unternehmen.", "de",
     [(Q, "zwischen 10 und 20", 10, "count", "exact", (), 20)]),
    ("Il progetto coinvolge tra 10 e 20 imprese.", "it", [(Q, "tra 10 e 20", 10, "count", "exact", (), 20)]),
    ("Het netwerk telt tussen 10 en 20 bedrijven.", "nl", [(Q, "tussen 10 en 20", 10, "count", "exact", (), 20)]),
    ("Membership grew from 300 to 445 members.", "en",
     [(Q, "300", 300, "count", "exact", (), None), (Q, "445", 445, "count", "exact", (), None)]),
    ("La période 2020-2022 reste une période.", "fr", [("period", "2020-2022", "2020-01-01/2022-12-31", None, None, (), None)]),
    # fractions
    ("Deux tiers des adhérents et la moitié des PME, soit plus de la moitié d'entre eux.", "fr",
     [(Q, "Deux tiers", 66.67, "percent", "approx", (), None), (Q, "la moitié", 50, "percent", "approx", (), None),
      (Q, "plus de la moitié", 50, "percent", "at_least", (), None)]),
    ("Two thirds of members, a third of the firms and half of the staff.", "en",
     [(Q, "Two thirds", 66.67, "percent", "approx", (), None), (Q, "a third", 33.33, "percent", "approx", (), None),
      (Q, "half", 50, "percent", "approx", (), None)]),
    ("On behalf of the cluster, in the first half of 2023 and the second half of the year, deux tiers.", "en", []),
    # grouping
    ("The cluster has 1.200 employees and raised 1.5 million.", "en",
     [(Q, "1.200", 1200, "count", "exact", ("ambiguous_separator",), None),
      (Q, "1.5 million", 1_500_000, "count", "exact", (), None)]),
    ("More than 2.500 member companies and a 1.250 ratio.", "en",
     [(Q, "More than 2.500", 2500, "count", "at_least", ("ambiguous_separator",), None),
      (Q, "1.250", 1.25, "count", "exact", (), None)]),
    ("Le cluster compte 1.200 membres et 2,500 salariés.", "fr",
     [(Q, "1.200", 1200, "count", "exact", (), None), (Q, "2,500", 2500, "count", "exact", ("ambiguous_separator",), None)]),
    ("Der Verbund zählt 1.200 Mitglieder.", "de", [(Q, "1.200", 1200, "count", "exact", (), None)]),
    ("El clúster reúne a 1.200 empresas.", "es", [(Q, "1.200", 1200, "count", "exact", (), None)]),
    # numeric dates, quarters and months
    ("Publié le 30/06/2021, le communiqué du 03.11.2022 suit celui du 2021-06-30.", "fr",
     [("date", "30/06/2021", "2021-06-30", None, None, (), None), ("date", "03.11.2022", "2022-11-03", None, None, (), None),
      ("date", "2021-06-30", "2021-06-30", None, None, (), None)]),
    ("Medical Valley EMN e. V. – Pressemitteilung vom 14.04.2016", "de",
     [("date", "14.04.2016", "2016-04-14", None, None, (), None)]),
    ("Signed in Boston on 06/30/2021.", "en", [("date", "06/30/2021", "2021-06-30", None, None, (), None)]),
    ("Results for Q3 2023 and the third quarter of 2023.", "en",
     [("period", "Q3 2023", "2023-07-01/2023-09-30", None, None, (), None),
      ("period", "third quarter of 2023", "2023-07-01/2023-09-30", None, None, (), None)]),
    ("Au 3e trimestre 2023, comme en mai 2024.", "fr",
     [("period", "3e trimestre 2023", "2023-07-01/2023-09-30", None, None, (), None),
      ("period", "mai 2024", "2024-05-01/2024-05-31", None, None, ("no_day",), None)]),
    ("Juin 2008 - n°142", "fr", [("period", "Juin 2008", "2008-06-01/2008-06-30", None, None, ("no_day",), None)]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), WRITTEN)
def test_written_ways(text: str, lang: str, expected: list[tuple]) -> None:
    assert _read(text, lang) == expected
