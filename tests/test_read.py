import codecs
import hashlib

import pytest

from extractor.errors import InputError, SetupError
from extractor.read import read_release
from extractor.walk import walk_releases

FRENCH = "Le pôle Polepharma compte plus de 300 adhérents.\n« C’est une étape clé », déclare Hervé Dupont — 2023.\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40


def test_utf8_text_is_kept_verbatim_with_its_hash(tmp_path):
    path = tmp_path / "polepharma-2023.txt"
    raw = "Titre\r\n\r\n  Hervé   a dit : 25,3 milliards\r\n".encode()
    path.write_bytes(raw)
    source = read_release(path)
    assert source.id == "polepharma-2023"
    assert source.path == path
    assert source.text == "Titre\n\n  Hervé   a dit : 25,3 milliards\n"
    assert source.sha256 == hashlib.sha256(raw).hexdigest()
    assert source.encoding == "utf-8"


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(codecs.BOM_UTF8 + FRENCH.encode())
    source = read_release(path)
    assert source.text == FRENCH
    assert source.encoding == "utf-8-sig"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(FRENCH.encode("utf-16"))
    assert read_release(path).text == FRENCH


@pytest.mark.parametrize("text", ["Hervé", "Communiqué : le pôle réunit 445 adhérents à Évreux.\n"])
def test_latin1_accents_come_out_right(tmp_path, text):
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert read_release(path).text == text


def test_cp1252_quotes_and_dashes_come_out_right(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    source = read_release(path)
    assert source.text == FRENCH
    assert source.encoding == "cp1252"


def test_a_non_western_code_page_is_still_detected(tmp_path):
    text = "Zażółć gęślą jaźń, powiedział prezes klastra w Krakowie.\n"
    path = tmp_path / "polish.txt"
    path.write_bytes(text.encode("cp1250"))
    assert read_release(path).text == text


def test_html_becomes_visible_text_one_block_per_line(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Not shown</title><style>p {color: red}</style></head><body>"
        "<h1>Polepharma &amp; BioWin</h1>\n<p>Le pôle   compte\n <b>445+</b> membres.<br>Contact : x@y.fr</p>"
        "<script>var members = 999;</script><!-- hidden -->"
        "<ul>\n <li>Rouen</li>\n <li>Chartres</li>\n</ul><table><tr><td>Jobs</td><td>56 000</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    assert read_release(path).text == (
        "Polepharma & BioWin\n\nLe pôle compte 445+ membres.\nContact : x@y.fr\n\nRouen\nChartres\n\nJobs 56 000\n"
    )


def test_latin1_html_is_decoded_before_parsing(tmp_path):
    path = tmp_path / "old.htm"
    path.write_bytes("<p>Hervé</p><p>Évreux</p>".encode("latin-1"))
    assert read_release(path).text == "Hervé\n\nÉvreux\n"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", codecs.BOM_UTF8 + b" \n"])
def test_empty_files_are_rejected_by_name(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.txt is empty"):
        read_release(path)


def test_html_without_visible_text_is_empty(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="is empty"):
        read_release(path)


def test_binary_file_is_rejected_by_name(tmp_path):
    path = tmp_path / "logo.txt"
    path.write_bytes(PNG)
    with pytest.raises(InputError, match=r"logo\.txt is a binary file"):
        read_release(path)


def test_control_character_soup_is_binary_even_without_nul(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 32)) * 20 + b"some text")
    with pytest.raises(InputError, match="binary"):
        read_release(path)


def test_unreadable_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="Cannot read"):
        read_release(tmp_path)


def test_folders_are_walked_sorted_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["z.txt", "a.md", "b/c.HTML", "b/d.htm", "notes.markdown", "logo.png", ".hidden.txt", ".git/x.txt", "data.json"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    single = tmp_path / "b" / "d.htm"
    walk = walk_releases([tmp_path, single])
    assert [p.relative_to(tmp_path).as_posix() for p in walk.files] == ["a.md", "b/c.HTML", "b/d.htm", "notes.markdown", "z.txt"]
    assert [(p.name, reason.split(" (")[0]) for p, reason in walk.skipped] == [("logo.png", "no reader for .png files yet")]


def test_a_file_named_directly_is_kept_whatever_its_suffix(tmp_path):
    path = tmp_path / "release.rtf"
    path.write_text("x", encoding="utf-8")
    assert walk_releases([path]).files == [path]


def test_a_missing_path_is_a_setup_error_naming_it(tmp_path):
    with pytest.raises(SetupError, match="nowhere"):
        walk_releases([tmp_path / "nowhere"])
