from extractor.text.sentences import split_sentences


def texts(text):
    return [text[s:e] for s, e in split_sentences(text).spans]


def test_stops_and_line_breaks_end_sentences():
    text = "Titre du communiqué\nParis, le 3 mai 2024 – BioWin signe. MEDVIA aussi ! Et après ?\n\n- un point"
    assert texts(text) == ["Titre du communiqué", "Paris, le 3 mai 2024 – BioWin signe.", "MEDVIA aussi !",
                           "Et après ?", "- un point"]


def test_initials_and_titles_do_not_end_a_sentence():
    text = "M. J. Dupont et Dr. Smith ont signé. Prof. Dr. Erich R. Reinhardt empfing die Gäste."
    assert texts(text) == ["M. J. Dupont et Dr. Smith ont signé.", "Prof. Dr. Erich R. Reinhardt empfing die Gäste."]


def test_sentence_at_an_offset():
    text = "Un. Deux trois. Quatre."
    sentences = split_sentences(text)
    start, end = sentences.at(text.index("trois"))
    assert text[start:end] == "Deux trois."


def test_a_day_written_as_an_ordinal_before_its_month_does_not_end_a_sentence():
    text = "Der Minister besuchte am 10. März 2022 das Netzwerk. Dort unterzeichnete er. Sie wurde 10. Danach ging es weiter."
    assert texts(text) == ["Der Minister besuchte am 10. März 2022 das Netzwerk.", "Dort unterzeichnete er.", "Sie wurde 10.",
                           "Danach ging es weiter."]


def test_a_dot_before_a_small_letter_does_not_end_a_sentence():
    text = "Die Nordcluster GmbH und das Netzwerk Alpenbio e.V. haben am 20. November unterzeichnet. Das Ziel ist klar."
    assert texts(text) == ["Die Nordcluster GmbH und das Netzwerk Alpenbio e.V. haben am 20. November unterzeichnet.",
                           "Das Ziel ist klar."]


def test_the_scale_of_an_amount_before_its_currency_does_not_end_a_sentence():
    text = "Der Umsatz lag bei 3,2 Mrd. Euro. Die Förderung betrug 12 Mio. Euro im Jahr."
    assert texts(text) == ["Der Umsatz lag bei 3,2 Mrd. Euro.", "Die Förderung betrug 12 Mio. Euro im Jahr."]


def test_dots_before_a_small_letter_inside_brackets_do_not_end_a_sentence():
    text = "Nordmed compte 170 membres, dont 120 entreprises (Acme, Bexa, Cyto...) ou des biotechs, et 23 laboratoires. Fin."
    assert texts(text) == ["Nordmed compte 170 membres, dont 120 entreprises (Acme, Bexa, Cyto...) ou des biotechs, et 23 laboratoires.",
                           "Fin."]


def test_a_legal_form_in_initials_before_a_short_name_in_brackets_does_not_end_a_sentence():
    text = ("La Asociación Norte de Laboratorios A.C. (ANOLA) y la Universidad del Valle acordaron colaborar. "
            "El convenio fue firmado ayer. (Foto: Ana Ruiz)")
    assert texts(text) == ["La Asociación Norte de Laboratorios A.C. (ANOLA) y la Universidad del Valle acordaron colaborar.",
                           "El convenio fue firmado ayer.", "(Foto: Ana Ruiz)"]
