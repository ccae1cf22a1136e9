import datetime as dt

from extractor.ask.answers import AgreementAnswer
from extractor.candidates import find_candidates
from extractor.layout import read_layout
from extractor.records.agreements import build_agreements

TEXT = """Le cluster et la Région Normandie renouvellent la convention avec la filière pharmaceutique

Giverny, le 6 octobre 2020

Polepharma et la Région Normandie ont renouvelé la convention sur la période 2020-2022. Ce programme se traduit par un budget global de plus de 2 000 000 € sur 3 ans. Polepharma officialise ce jour des accords avec Medicen et Gipso, signés ce jeudi 8 octobre.

A propos de POLEPHARMA

Polepharma est le 1er cluster pharmaceutique en Europe.
"""


def build(answers):
    candidates = find_candidates(TEXT, "fr")
    layout = read_layout(TEXT, candidates)
    return build_agreements(answers, TEXT, candidates, layout, dt.date(2020, 10, 6), "fr")


def test_headline_agreement_gets_period_budget_and_renewal():
    agreements, flags = build([AgreementAnswer(kind="convention", parties=["Polepharma", "Région Normandie"], date=None)])
    (agreement,) = agreements
    assert agreement.kind.value == "renewal"
    assert agreement.signed_on == dt.date(2020, 10, 6)
    assert (agreement.period.start, agreement.period.end) == (dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert agreement.budget.amount == 2000000 and agreement.budget.currency == "EUR"
    assert agreement.budget.qualifier.value == "at_least"
    assert agreement.place == "Giverny"
    assert TEXT[agreement.evidence.start:agreement.evidence.end] == agreement.evidence.text
    assert [f.code for f in flags] == ["signed_on_assumed"]


def test_date_as_written_is_read_against_the_release_date():
    agreements, _ = build([AgreementAnswer(kind="partnership", parties=["Polepharma", "Medicen"], date="jeudi 8 octobre")])
    assert agreements[0].signed_on == dt.date(2020, 10, 8)


def test_repeated_answers_merge_and_unknown_parties_are_dropped():
    agreements, flags = build([
        AgreementAnswer(kind="partnership", parties=["Polepharma", "Gipso"], date=None),
        AgreementAnswer(kind="alliance", parties=["Gipso", "Polepharma"], date="8 octobre 2020"),
        AgreementAnswer(kind="mou", parties=["Polepharma", "Atlantis Bio"], date=None),
    ])
    assert [a.parties for a in agreements] == [["Polepharma", "Gipso"], ["Polepharma"]]
    assert agreements[0].signed_on == dt.date(2020, 10, 8)
    assert agreements[1].period is None and agreements[1].budget is None
    assert "ungrounded" in [f.code for f in flags]


def test_focus_areas_come_from_a_counted_list_of_areas():
    text = ("Namur, 18 October 2023 - BioWin and Polepharma have formalised their partnership. "
            "The agreement focuses on three key areas: human resources, biomanufacturing and biomedical research projects.")
    candidates = find_candidates(text, "en")
    agreements, _ = build_agreements([AgreementAnswer(kind="partnership", parties=["BioWin", "Polepharma"])],
                                     text, candidates, read_layout(text, candidates), dt.date(2023, 10, 18), "en")
    assert agreements[0].focus_areas == ["human resources", "biomanufacturing", "biomedical research projects"]


def test_the_period_and_budget_go_to_the_agreement_the_title_names():
    agreements, _ = build([
        AgreementAnswer(kind="partnership", parties=["Polepharma", "Medicen"]),
        AgreementAnswer(kind="convention", parties=["Polepharma", "Région Normandie"]),
    ])
    medicen, normandie = agreements
    assert medicen.period is None and medicen.budget is None
    assert normandie.period is not None and normandie.budget.amount == 2000000
