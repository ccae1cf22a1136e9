import pytest

from extractor.ground import evidence, find, find_all, ground

TEXT = "Contacts : Maria PASCUAL DE ZULUETA – Directrice. Président : Philippe Ivanès, SANOFI. POLEPHARMA - GIPSO"


def test_exact_match_slices_the_source():
    span = find("Philippe Ivanès", TEXT)
    assert TEXT[span[0]:span[1]] == "Philippe Ivanès"


def test_case_and_accents_do_not_matter():
    span = find("Philippe Ivanes", TEXT)
    assert TEXT[span[0]:span[1]] == "Philippe Ivanès"
    span = find("Maria Pascual de Zulueta", TEXT)
    assert TEXT[span[0]:span[1]] == "Maria PASCUAL DE ZULUETA"


def test_punctuation_does_not_matter():
    span = find("Polepharma-GIPSO", TEXT)
    assert TEXT[span[0]:span[1]] == "POLEPHARMA - GIPSO"


def test_whole_words_only():
    assert find_all("Ivan", TEXT) == []
    assert find("Ivanov", TEXT) is None


def test_nearest_occurrence_after_offset():
    text = "BioWin signe. BioWin compte 260 membres."
    assert find("BioWin", text, near=5) == (14, 20)
    assert find("BioWin", text, near=100) == (14, 20)


def test_long_quotes_align_fuzzily():
    text = "The agreement focuses on three key areas: human resources, biomanufacturing and research."
    quote = "focuses on three key area: human resources, biomanufacturing"
    span = find(quote, text)
    assert span is not None and "human resources" in text[span[0]:span[1]]


def test_a_fuzzy_span_takes_in_no_blank_around_the_name():
    text = "Il Distretto Biomedicale Ferrarese e il Cluster Marche firmano un protocollo."
    span = find("Distrettto Biomedicale Ferrarese", text)
    assert span is not None and text[span[0]:span[1]] == "Distretto Biomedicale Ferrarese"


def test_ungroundable_gives_none_and_evidence_slices():
    assert ground("Jean Dupont", TEXT) is None
    assert ground(None, TEXT) is None
    ev = evidence(TEXT, 0, 8)
    assert TEXT[ev.start:ev.end] == ev.text == "Contacts"


def test_a_span_never_starts_or_ends_inside_a_word():
    text = "Ein Vertrag mit dem luxemburgischen Ministerium für Wirtschaft wurde unterzeichnet."
    span = find("uxemburgischen Ministerium für Wirtschaft", text)
    assert text[span[0]:span[1]] == "luxemburgischen Ministerium für Wirtschaft"


def test_an_occurrence_on_word_boundaries_wins_over_one_inside_a_word():
    text = "Founded in 1970, the network has 70 members."
    span = find("70", text)
    assert text[span[0]:span[1]] == "70" and span[0] == text.index(" 70 ") + 1


@pytest.mark.parametrize("name", ["Harbour Life Science Center (HLSC)", "Nordmed EMN e. V.", "CL.A.N."])
def test_a_closing_bracket_or_period_of_the_name_is_in_its_span(name):
    text = f"Il protocollo lega Alpibio e {name} Firmato oggi; {name}, poi."
    spans = find_all(name, text)
    assert [text[s:e] for s, e in spans] == [name, name]
