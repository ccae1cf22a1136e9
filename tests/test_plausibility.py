import datetime as dt

import pytest

from builders import Doc, cluster, figure, release
from extractor.validate import plausibility
from extractor.validate.plausibility import tld_country
from extractor.validate.subject import Subject
from schemas import Agreement, Contact, Evidence


def flags_of(r, text):
    return plausibility.check(Subject(r, text))


def test_share_over_100_percent():
    doc = Doc()
    ev = doc.one("{153 %} de la production.")
    r = release(doc.text, cluster("Polepharma", figure("production_share", 153, ev, unit="percent")))
    (flag,) = flags_of(r, doc.text)
    assert (flag.code, flag.severity, flag.cluster, flag.metric) == ("implausible_share", "error", "Polepharma", "production_share")
    assert flag.paths == ["/clusters/0/figures/0"] and flag.evidence == [ev]


def test_shares_within_bounds_and_negative_counts():
    doc = Doc()
    share, members = doc.add("{53%} et {-5 membres}.")
    r = release(doc.text, cluster("Polepharma", figure("production_share", 53, share, unit="percent"),
                                  figure("members", -5, members)))
    assert [f.code for f in flags_of(r, doc.text)] == ["negative_value"]


def test_agreement_signed_after_the_release():
    doc = Doc()
    r = release(doc.text or "x", published_on=dt.date(2020, 9, 24), agreements=[
        Agreement(parties=["GIPSO", "Polepharma"], signed_on=dt.date(2020, 9, 25)),
        Agreement(parties=["GIPSO", "Leem"], signed_on=dt.date(2020, 9, 24)),
    ])
    (flag,) = flags_of(r, "x")
    assert flag.code == "date_after_release" and flag.paths == ["/agreements/0/signed_on"]
    assert "GIPSO and Polepharma" in flag.message


def test_figure_dated_after_the_release():
    doc = Doc()
    ev = doc.one("{500 membres} en 2025.")
    r = release(doc.text, cluster("BioWin", figure("members", 500, ev, as_of=dt.date(2025, 12, 31))),
                published_on=dt.date(2024, 5, 14))
    assert [f.code for f in flags_of(r, doc.text)] == ["date_after_release"]


def test_letter_in_a_number_in_the_text():
    doc = Doc()
    doc.add("Cette 1ère édition a réuni plus de 13O participants. Émissions de CO2 réduites de 2o % ; ")
    doc.add("2ème région, 10 000 emplois, 3D, 4th.")
    flags = flags_of(release(doc.text), doc.text)
    assert [f.code for f in flags] == ["letter_in_number"]
    (span,) = flags[0].evidence
    assert span.text == "13O" and doc.text[span.start:span.end] == "13O"


def test_letter_in_a_figure_evidence_names_the_figure():
    doc = Doc()
    ev = doc.one("Le cluster compte {1O5 membres}.")
    r = release(doc.text, cluster("BioWin", figure("members", 105, ev)))
    (flag,) = flags_of(r, doc.text)
    assert (flag.code, flag.cluster, flag.metric, flag.paths) == ("letter_in_number", "BioWin", "members", ["/clusters/0/figures/0"])
    # Without the source text the evidence spans are still read.
    (flag,) = flags_of(r, None)
    assert flag.code == "letter_in_number"


def contact_release(contact, country="FR", website=None):
    return release("x", cluster("Polepharma", country=country, website=website), contacts=[contact])


def test_phone_of_another_country_than_its_organisation():
    contact = Contact(name="Sabrina Boireau", organisation="Polepharma", phone="+3237207719")
    (flag,) = flags_of(contact_release(contact), "x")
    assert (flag.code, flag.severity, flag.paths) == ("foreign_phone", "warning", ["/contacts/0/phone"])
    assert flag.cluster == "Polepharma" and "BE" in flag.message and "FR" in flag.message


def test_phone_of_its_organisations_country_passes():
    contact = Contact(name="Capucine Sarrade-Loucheur", organisation="POLEPHARMA", phone="+33237202424")
    assert flags_of(contact_release(contact), "x") == []


def test_organisation_country_from_the_email_domain():
    by_website = Contact(name="Sabrina Boireau", email="sabrina.boireau@polepharma.com", phone="+3237207719")
    assert [f.code for f in flags_of(contact_release(by_website, website="https://www.polepharma.com/"), "x")] == ["foreign_phone"]
    by_tld = Contact(name="Laure Wattinne", email="laure.wattinne@normandie.fr", phone="+3237207719")
    assert [f.code for f in flags_of(release("x", contacts=[by_tld]), "x")] == ["foreign_phone"]
    says_nothing = Contact(name="Sabrina Boireau", email="sabrina.boireau@polepharma.com", phone="+3237207719")
    assert flags_of(release("x", contacts=[says_nothing]), "x") == []


def test_invalid_phone():
    contact = Contact(name="X", organisation="Polepharma", phone="+33000000000")
    assert [f.code for f in flags_of(contact_release(contact), "x")] == ["invalid_phone"]


@pytest.mark.parametrize(("domain", "country"), [
    ("normandie.fr", "FR"), ("biowin.be", "BE"), ("example.co.uk", "GB"),
    ("polepharma.com", None), ("medvia.eu", None), ("gipso.org", None),
])
def test_tld_country(domain, country):
    assert tld_country(domain) == country


def test_evidence_spans_of_contacts_are_kept_with_the_flag():
    ev = Evidence(text="+32 37 20 77 19", start=0, end=15)
    contact = Contact(organisation="Polepharma", phone="+3237207719", evidence=ev)
    (flag,) = flags_of(contact_release(contact), ev.text)
    assert flag.evidence == [ev]
