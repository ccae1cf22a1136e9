"""Each format's converter on documents written by real writers (python-docx, reportlab, a saved page)."""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from documents import as_text, paragraphs, write_docx, write_pdf, write_web_page
from extractor.analysis import analyse
from extractor.ask.answers import AgreementAnswer
from extractor.errors import InputError
from extractor.read import read_release
from extractor.records.agreements import build_agreements
from extractor.walk import walk_releases

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_blocks(path: Path) -> list[str]:
    return paragraphs(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_a_two_column_hyphenated_pdf_reads_back_in_order_with_words_whole(seed, tmp_path):
    blocks = seed_blocks(seed)
    path = write_pdf(blocks, tmp_path / f"{seed.stem}.pdf", language="en_GB" if seed.stem.startswith("000") else "fr_FR")
    source = read_release(path)
    # reportlab did break words at line ends, so the joining below is really exercised.
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert re.search(r"[a-zé]-\n[a-zé]", raw)
    assert source.text == as_text(blocks)
    assert (source.format, source.encoding) == ("pdf", None)
    assert source.converter is not None and source.converter.startswith("pypdf ")


def test_a_scanned_pdf_without_text_layer_is_one_clear_error(tmp_path):
    scan = io.BytesIO()
    Image.new("L", (200, 100), color=200).save(scan, format="PNG")
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.drawImage(ImageReader(io.BytesIO(scan.getvalue())), 50, 500, width=400, height=200)
    page.showPage()
    page.save()
    with pytest.raises(InputError, match=r"scan\.pdf has no text layer .* run OCR"):
        read_release(path)


def test_a_damaged_pdf_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    with pytest.raises(InputError, match=r"broken\.pdf"):
        read_release(path)


def test_docx_reads_paragraphs_and_tables_in_document_order(tmp_path):
    blocks = ["BioNord et MedSud signent un accord", "Le pôle compte 120 membres.", "Contacts presse"]
    table = [["Pour BioNord", "Pour MedSud"], ["Anna Berg", "Luc Moreau"], ["+33 1 23 45 67 89", "luc@medsud.example"]]
    path = write_docx(blocks, tmp_path / "release.docx", table=table, table_after=2)
    source = read_release(path)
    assert source.text == (
        "BioNord et MedSud signent un accord\n\nLe pôle compte 120 membres.\n\nContacts presse\n\n"
        "Pour BioNord\tPour MedSud\nAnna Berg\tLuc Moreau\n+33 1 23 45 67 89\tluc@medsud.example\n"
    )
    assert (source.format, source.encoding) == ("docx", "utf-8")
    assert source.converter is not None and source.converter.startswith("python-docx ")


def test_a_file_named_docx_that_is_not_one_is_one_clear_error(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match=r"fake\.docx is not a readable Word \.docx file"):
        read_release(path)


def test_a_web_page_keeps_its_article_and_metadata_and_drops_the_site_around_it(tmp_path):
    seed = SEEDS[1]
    blocks = seed_blocks(seed)
    path = write_web_page(blocks, tmp_path / "page.html", sidebar=["Alpine Health Cluster : 250 membres", "Lire aussi : 40 start-up"],
                          title=blocks[0], date="2024-05-14")
    source = read_release(path)
    assert source.text == as_text(blocks)
    assert "cookies" not in source.text and "Accueil" not in source.text and "Alpine Health" not in source.text
    assert source.title == blocks[0]
    assert str(source.published_on) == "2024-05-14"
    assert source.converter is not None and source.converter.startswith("trafilatura ")


def test_an_html_fragment_is_still_read_block_by_block(tmp_path):
    path = tmp_path / "fragment.html"
    path.write_text("<h2>Titre</h2><p>Le pôle compte 85 membres.</p><ul><li>Rouen</li><li>Caen</li></ul>", encoding="utf-8")
    source = read_release(path)
    assert source.text == "Titre\n\nLe pôle compte 85 membres.\n\nRouen\nCaen\n"
    assert source.converter is not None and source.converter.startswith("selectolax ")


def test_folders_yield_pdf_and_docx_releases(tmp_path):
    write_docx(["Un communiqué"], tmp_path / "b.docx")
    write_pdf(["Un communiqué"], tmp_path / "a.pdf")
    (tmp_path / "c.txt").write_text("Un communiqué\n", encoding="utf-8")
    (tmp_path / "d.xlsx").write_bytes(b"PK")
    assert [p.name for p in walk_releases([tmp_path]).files] == ["a.pdf", "b.docx", "c.txt"]


def test_a_web_page_date_dates_what_its_text_leaves_without_a_year(tmp_path):
    blocks = ["Nordbio et Vallée Santé signent une convention",
              "Nordbio et Vallée Santé ont signé une convention de coopération le jeudi 8 octobre, "
              "pour rapprocher leurs 120 entreprises membres."]
    page = read_release(write_web_page(blocks, tmp_path / "page.html", sidebar=[], title=blocks[0], date="2020-10-09"))
    analysis = analyse(page.text, page.published_on)
    assert analysis.layout.dateline is None and analysis.published_on == dt.date(2020, 10, 9)
    answer = AgreementAnswer(kind="convention", parties=["Nordbio", "Vallée Santé"], date="jeudi 8 octobre")
    (agreement,), _ = build_agreements([answer], analysis, [])
    assert agreement.signed_on == dt.date(2020, 10, 8)
    (undated,), _ = build_agreements([answer], analyse(page.text), [])
    assert undated.signed_on is None
