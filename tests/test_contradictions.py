import datetime as dt

import pytest

from builders import Doc, cluster, figure, release
from extractor.validate import contradictions
from extractor.validate.intervals import APPROX_TOLERANCE, compatible, interval, scope_key
from extractor.validate.subject import Subject


def flags_of(r, text):
    return contradictions.check(Subject(r, text))


@pytest.mark.parametrize(("a", "b", "ok"), [
    ((260, "exact"), (250, "exact"), False),
    ((300, "at_least"), (360, "exact"), True),
    ((300, "at_least"), (250, "exact"), False),
    ((300, "at_least"), (445, "at_least"), True),
    ((50, "at_most"), (60, "at_least"), False),
    ((50, "at_most"), (50, "at_least"), True),
    ((100, "approx"), (108, "exact"), True),
    ((100, "approx"), (115, "exact"), False),
    ((25.3e9, "exact"), (25_300_000_000, "exact"), True),
])
def test_interval_logic(a, b, ok):
    assert compatible(*a, *b) is ok
    assert compatible(*b, *a) is ok


def test_approx_tolerance_is_a_module_constant():
    assert interval(100, "approx").high == pytest.approx(100 * (1 + APPROX_TOLERANCE))


def test_scope_key_ignores_case_and_accents():
    assert scope_key("Île-de-France") == scope_key("ile de france")
    assert scope_key(None) is None


def test_two_member_counts_in_one_release_are_flagged_with_both_spans():
    doc = Doc()
    a = doc.one("BioWin représente {260 membres} pour un total de 18 500 employés.\n")
    b = doc.one("BioWin est le pôle santé de Wallonie. Il comprend {250 membres} issus des secteurs privés.\n")
    r = release(doc.text, cluster("BioWin", figure("members", 260, a), figure("members", 250, b)))
    (flag,) = flags_of(r, doc.text)
    assert flag.code == "contradictory_figures" and flag.severity == "warning"
    assert (flag.cluster, flag.metric) == ("BioWin", "members")
    assert flag.paths == ["/clusters/0/figures/0", "/clusters/0/figures/1"]
    assert flag.evidence == [a, b]
    assert "260" in flag.message and "250" in flag.message


def test_same_cluster_under_two_alias_names_is_compared():
    doc = Doc()
    a = doc.one("Polepharma-GIPSO compte {plus de 360 acteurs}.\n")
    b = doc.one("POLEPHARMA regroupe {300 acteurs}.\n")
    r = release(doc.text, cluster("Polepharma-GIPSO", figure("members", 360, a, qualifier="at_least")),
                cluster("POLEPHARMA", figure("members", 300, b)))
    (flag,) = flags_of(r, doc.text)
    assert flag.cluster == "Polepharma"
    assert flag.paths == ["/clusters/0/figures/0", "/clusters/1/figures/0"]


def test_scoped_figure_is_another_population():
    doc = Doc()
    national = doc.one("Un écosystème de {plus de 300 acteurs}.\n")
    regional = doc.one("POLEPHARMA en Normandie : ce sont {75 adhérents}.\n")
    r = release(doc.text, cluster("Polepharma", figure("members", 300, national, qualifier="at_least"),
                                  figure("members", 75, regional, scope="Normandie")))
    assert flags_of(r, doc.text) == []


def test_scopes_compare_without_case_or_accents():
    doc = Doc()
    a, b = doc.add("En Île-de-France : {40 adhérents}. En ile de france : {45 adhérents}.")
    r = release(doc.text, cluster("Medicen", figure("members", 40, a, scope="Île-de-France"),
                                  figure("members", 45, b, scope="ILE DE FRANCE")))
    assert [f.code for f in flags_of(r, doc.text)] == ["contradictory_figures"]


@pytest.mark.parametrize(("sentence", "first", "second"), [
    ("Le cluster compte {plus de 300 membres}, soit {360 membres}.", (300, "at_least"), (360, "exact")),
    ("Il comprend {250 membres}. Rappel : {250 membres}.", (250, "exact"), (250, "exact")),
    ("Il fédère {une centaine d'entreprises}, {95 entreprises} exactement.", (100, "approx"), (95, "exact")),
])
def test_compatible_statements_are_not_flagged(sentence, first, second):
    doc = Doc()
    a, b = doc.add(sentence)
    r = release(doc.text, cluster("BioWin", figure("members", first[0], a, qualifier=first[1]),
                                  figure("members", second[0], b, qualifier=second[1])))
    assert flags_of(r, doc.text) == []


def test_different_dates_or_units_or_metrics_are_not_compared():
    doc = Doc()
    a, b, c, d = doc.add("{9 892 emplois} en 2017, {20 000 emplois} au global, {5,74 milliards} et {16 %}.")
    r = release(doc.text, cluster(
        "Polepharma",
        figure("jobs", 9892, a, as_of=dt.date(2017, 12, 31)),
        figure("jobs", 20000, b),
        figure("export_revenue", 5.74e9, c, unit="EUR"),
        figure("export_revenue", 16, d, unit="percent"),
    ))
    assert flags_of(r, doc.text) == []


def test_undated_figure_is_as_of_the_release():
    doc = Doc()
    a, b = doc.add("{260 membres} aujourd'hui. Puis {250 membres} au 14 mai 2024.")
    r = release(doc.text, cluster("BioWin", figure("members", 260, a),
                                  figure("members", 250, b, as_of=dt.date(2024, 5, 14))),
                published_on=dt.date(2024, 5, 14))
    assert len(flags_of(r, doc.text)) == 1


def test_three_values_give_one_flag_listing_each_once():
    doc = Doc()
    a, b, c = doc.add("{260 membres}. Puis {250 membres}. Puis {260 membres}.")
    r = release(doc.text, cluster("BioWin", figure("members", 260, a), figure("members", 250, b), figure("members", 260, c)))
    (flag,) = flags_of(r, doc.text)
    assert len(flag.paths) == 3
    assert flag.message.count("260 members") == 1


def test_a_part_is_no_rival_of_its_whole():
    doc = Doc()
    whole, part = doc.add("BioNord compte {42} entreprises, dont {17} start-up.\n")
    r = release(doc.text, cluster("BioNord", figure("companies", 42, whole), figure("companies", 17, part, part_of=whole)))
    assert flags_of(r, doc.text) == []


def test_two_funding_amounts_or_project_counts_are_two_programmes_not_a_contradiction():
    doc = Doc()
    a, b, c = doc.add("BioNord a financé {30} projets ; ses membres ont levé {850 M€} et l'État {175 M€}.\n")
    d = doc.one("En 2023 : {12} projets.\n")
    r = release(doc.text, cluster("BioNord", figure("projects", 30, a), figure("funding", 850e6, b, unit="EUR"),
                                  figure("funding", 175e6, c, unit="EUR"), figure("projects", 12, d)))
    assert flags_of(r, doc.text) == []


def test_two_values_one_sentence_tells_apart_are_no_contradiction():
    doc = Doc()
    a = doc.one("I numeri di Farmavalle mostrano {2,1 miliardi di franchi} di fatturato globale e ")
    b = doc.one("{1,4 miliardi di franchi} di fatturato globale industriale.\n")
    c = doc.one("Farmavalle dichiara poi {3 miliardi di franchi} di fatturato.\n")
    r = release(doc.text, cluster("Farmavalle", figure("revenue", 2_100_000_000, a, unit="CHF"),
                                  figure("revenue", 1_400_000_000, b, unit="CHF")))
    assert flags_of(r, doc.text) == []
    r = release(doc.text, cluster("Farmavalle", figure("revenue", 2_100_000_000, a, unit="CHF"),
                                  figure("revenue", 3_000_000_000, c, unit="CHF")))
    assert [f.code for f in flags_of(r, doc.text)] == ["contradictory_figures"]
