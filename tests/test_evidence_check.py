import datetime as dt

from builders import Doc, cluster, figure, release
from extractor.validate import evidence
from extractor.validate.subject import Subject
from schemas import Agreement, Contact, Evidence, Person


def codes(r, text):
    return [f.code for f in evidence.check(Subject(r, text))]


def test_values_read_back_from_their_evidence_pass():
    doc = Doc()
    members, export, jobs, offices = doc.add(
        "Polepharma: {445+ members} in all of France, {26 billion in export sales}, {80k jobs}, {5 offices}.\n"
    )
    r = release(doc.text, cluster(
        "Polepharma",
        figure("members", 445, members, qualifier="at_least"),
        figure("export_revenue", 26e9, export, unit="EUR"),   # no currency written: inferred, not a mismatch
        figure("jobs", 80000, jobs),
        figure("offices", 5, offices),
    ), language="en")
    assert codes(r, doc.text) == []


def test_french_values_read_back_from_their_evidence_pass():
    doc = Doc()
    members, share, money = doc.add(
        "Un écosystème de {plus de 300 acteurs}, {53% de la production}, {25,3 milliards} de chiffre d'affaires.\n"
    )
    r = release(doc.text, cluster(
        "Polepharma",
        figure("members", 300, members, qualifier="at_least"),
        figure("production_share", 53, share, unit="percent"),
        figure("export_revenue", 25.3e9, money, unit="EUR"),
    ), language="fr")
    assert codes(r, doc.text) == []


def test_value_that_differs_from_its_evidence_is_an_error():
    doc = Doc()
    ev = doc.one("BioWin comprend {250 membres}.")
    r = release(doc.text, cluster("BioWin", figure("members", 260, ev)))
    (flag,) = evidence.check(Subject(r, doc.text))
    assert (flag.code, flag.severity, flag.cluster, flag.metric) == ("value_mismatch", "error", "BioWin", "members")
    assert flag.paths == ["/clusters/0/figures/0"] and flag.evidence == [ev]
    assert "260" in flag.message and "250" in flag.message


def test_unit_family_mismatch_is_an_error():
    doc = Doc()
    ev = doc.one("{53%} de la production.")
    r = release(doc.text, cluster("Polepharma", figure("members", 53, ev)))
    assert codes(r, doc.text) == ["value_mismatch"]


def test_other_currency_is_a_mismatch():
    doc = Doc()
    ev = doc.one("un budget de {2 000 000 $}.")
    r = release(doc.text, cluster("X Cluster", figure("funding", 2_000_000, ev, unit="EUR")))
    assert codes(r, doc.text) == ["value_mismatch"]


def test_evidence_without_a_number():
    doc = Doc()
    ev = doc.one("{de nombreux membres}.")
    r = release(doc.text, cluster("BioWin", figure("members", 250, ev)))
    (flag,) = evidence.check(Subject(r, doc.text))
    assert flag.code == "value_mismatch" and "no number" in flag.message


def test_figure_without_evidence_is_a_warning():
    r = release("Texte.", cluster("BioWin", figure("members", 250, None)))
    (flag,) = evidence.check(Subject(r, "Texte."))
    assert (flag.code, flag.severity, flag.paths) == ("figure_without_evidence", "warning", ["/clusters/0/figures/0"])


def test_every_evidence_span_must_slice_the_source():
    doc = Doc()
    good = doc.one("BioWin et MEDVIA signent. BioWin compte {250 membres}. ")
    person = doc.one("{Sylvie Ponchaut}, directrice. ")
    shifted = Evidence(text="250 membres", start=good.start + 1, end=good.end + 1)
    beyond = Evidence(text="Sylvie Ponchaut", start=len(doc.text) + 5, end=len(doc.text) + 20)
    r = release(
        doc.text,
        cluster("BioWin", figure("members", 250, shifted), evidence=good),
        people=[Person(name="Sylvie Ponchaut", evidence=person)],
        contacts=[Contact(name="Sylvie Ponchaut", evidence=beyond)],
        agreements=[Agreement(parties=["BioWin", "MEDVIA"], signed_on=dt.date(2024, 5, 14), evidence=shifted)],
    )
    flags = [f for f in evidence.check(Subject(r, doc.text)) if f.code == "evidence_span_mismatch"]
    assert sorted(p for f in flags for p in f.paths) == [
        "/agreements/0/evidence", "/clusters/0/figures/0/evidence", "/contacts/0/evidence",
    ]
    assert all(f.severity == "error" for f in flags)
    assert any("the text is shorter" in f.message for f in flags)


def test_without_source_text_only_the_evidence_itself_is_read():
    ev = Evidence(text="250 membres", start=1000, end=1011)
    r = release("x", cluster("BioWin", figure("members", 250, ev), figure("jobs", 18000, Evidence(text="18 500 employés", start=2000, end=2015))))
    assert codes(r, None) == ["value_mismatch"]
