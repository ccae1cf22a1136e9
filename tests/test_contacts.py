"""Press contacts are read without a model question: addresses and numbers go to the person named before them,
and a contact named without an organisation takes the one their address points to."""
from extractor.candidates import find_candidates
from extractor.ground import evidence
from extractor.records.contacts import build_contacts, lend_organisations
from schemas.cluster import ClusterProfile
from schemas.release import Person

BLOCK = """Press contacts:

For Nordvita: Hanna Lindqvist
hanna.lindqvist@nordvita.se
+46 8 555 123 45

Tomas Berg, Berg & Partners
+46 8 555 987 65
"""


def person(name: str, organisation: str | None = None) -> Person:
    start = BLOCK.index(name)
    return Person(name=name, organisation=organisation, evidence=evidence(BLOCK, start, start + len(name)))


def test_a_contact_named_without_an_organisation_takes_the_one_of_their_address():
    people = [person("Hanna Lindqvist"), person("Tomas Berg", "Berg & Partners")]
    clusters = [ClusterProfile(name="Nordvita", country="SE")]
    contacts = build_contacts(find_candidates(BLOCK, "en", "SE"), BLOCK, people, clusters, "SE")
    lend_organisations(contacts, people)
    assert [(c.name, c.organisation, c.email, c.phone) for c in contacts] == [
        ("Hanna Lindqvist", "Nordvita", "hanna.lindqvist@nordvita.se", "+46855512345"),
        ("Tomas Berg", "Berg & Partners", None, "+46855598765"),
    ]
    assert [(p.name, p.organisation) for p in people] == [("Hanna Lindqvist", "Nordvita"), ("Tomas Berg", "Berg & Partners")]


def test_an_organisation_the_model_gave_is_kept():
    people = [person("Hanna Lindqvist", "Nordvita Foundation")]
    contacts = build_contacts(find_candidates(BLOCK, "en", "SE"), BLOCK, people, [ClusterProfile(name="Nordvita")], "SE")
    lend_organisations(contacts, people)
    assert people[0].organisation == "Nordvita Foundation"


def test_a_mail_domain_that_spells_a_cluster_s_initials_is_that_cluster_s():
    text = "Media contact: Sarah Jensen, sj@nva.org"
    start = text.index("Sarah")
    people = [Person(name="Sarah Jensen", evidence=evidence(text, start, start + len("Sarah Jensen")))]
    clusters = [ClusterProfile(name="Nordic Vaccine Alliance"), ClusterProfile(name="Oslo Cancer Cluster")]
    (contact,) = build_contacts(find_candidates(text, "en"), text, people, clusters, None)
    assert contact.organisation == "Nordic Vaccine Alliance"


def test_a_mail_domain_that_spells_the_abbreviation_the_release_gives_is_that_cluster_s():
    text = "The NorthWest Health Innovation Cluster (NWHIC) signed.\n\nMedia enquiries: Rachel Dunn, rachel.dunn@nwhic.org.uk"
    start = text.index("Rachel")
    people = [Person(name="Rachel Dunn", evidence=evidence(text, start, start + len("Rachel Dunn")))]
    clusters = [ClusterProfile(name="NorthWest Health Innovation Cluster")]
    (contact,) = build_contacts(find_candidates(text, "en"), text, people, clusters, None)
    assert contact.organisation == "NorthWest Health Innovation Cluster"


def _person(text, name, at=0):
    start = text.index(name, at)
    return Person(name=name, evidence=evidence(text, start, start + len(name)))


def test_a_contact_line_that_names_no_one_is_not_the_person_quoted_before_it():
    text = ('"New markets open," said Julia Weber, managing director of Medalis.\n\n'
            "Contact: Nordvita GmbH, Press office – presse@nordvita.de – +49 89 4521 7700")
    people = [_person(text, "Julia Weber")]
    (contact,) = build_contacts(find_candidates(text, "de", "DE"), text, people, [ClusterProfile(name="Nordvita")], "DE")
    assert (contact.name, contact.email, contact.phone) == (None, "presse@nordvita.de", "+498945217700")


def test_in_the_contacts_block_a_name_a_blank_line_above_the_address_is_its_owner():
    text = ('"A milestone," said Jane Roe.\n\nPress contacts\n\nJane Roe\n\njane.press@nordvita.org')
    people = [_person(text, "Jane Roe")]
    (contact,) = build_contacts(find_candidates(text, "en"), text, people, [], None, text.index("Press contacts"))
    assert contact.name == "Jane Roe"
