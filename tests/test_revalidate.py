import datetime as dt
import json

import pytest
from rich.console import Console

from builders import Doc, cluster, figure, release
from extractor.errors import SetupError
from extractor.revalidate import rerun
from schemas import Flag, PressRelease

TEXT_FLAG = Flag(code="ungrounded", severity="warning", message="The model named a person 'X', which does not appear.")
STALE_FLAG = Flag(code="negative_value", severity="error", message="An old flag the validators no longer raise.")


def write_release(directory, source, doc, *clusters, id="001", flags=(), published_on=None):
    source.write_text(doc.text, encoding="utf-8")
    kwargs = {"published_on": published_on} if published_on else {}
    r = release(doc.text, *clusters, id=id, path=source, flags=list(flags), **kwargs)
    (directory / f"{id}.json").write_text(r.model_dump_json(indent=2), encoding="utf-8")
    return r


def biowin_doc():
    doc = Doc()
    a = doc.one("BioWin représente {260 membres} pour un total de 18 500 employés.\n")
    b = doc.one("BioWin comprend {250 membres} issus des secteurs privés.\n")
    return doc, cluster("BioWin", figure("members", 260, a), figure("members", 250, b), country="BE")


def run(directory, **kwargs):
    console = Console(record=True, width=200)
    code = rerun(directory, console=console, **kwargs)
    return code, console.export_text()


def load(path):
    return PressRelease.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.fixture
def outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_validator_flags_are_replaced_and_extraction_flags_kept(tmp_path, outputs):
    doc, profile = biowin_doc()
    write_release(outputs, tmp_path / "001.txt", doc, profile, flags=[TEXT_FLAG, STALE_FLAG])
    (outputs / "run.json").write_text("{}", encoding="utf-8")

    code, printed = run(outputs)

    written = load(outputs / "001.json")
    assert [f.code for f in written.flags] == ["ungrounded", "contradictory_figures"]
    assert code == 0                      # a warning is below the default --fail-on error
    assert "contradictory_figures" in printed and "BioWin" in printed
    clusters = json.loads((outputs / "clusters.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in clusters["clusters"]] == ["BioWin"]
    assert [o["value"] for o in clusters["clusters"][0]["series"]["members"]] == [260, 250]
    assert (outputs / "run.json").read_text(encoding="utf-8") == "{}"
    assert not list(outputs.glob(".*tmp"))


def test_fail_on_sets_the_exit_code(tmp_path, outputs):
    doc, profile = biowin_doc()
    write_release(outputs, tmp_path / "001.txt", doc, profile)
    assert run(outputs, fail_on="warning")[0] == 1
    assert run(outputs, fail_on="error")[0] == 0


def test_rerun_is_idempotent(tmp_path, outputs):
    doc, profile = biowin_doc()
    write_release(outputs, tmp_path / "001.txt", doc, profile, flags=[TEXT_FLAG])
    run(outputs)
    first = (outputs / "001.json").read_text(encoding="utf-8"), (outputs / "clusters.json").read_text(encoding="utf-8")
    run(outputs)
    assert ((outputs / "001.json").read_text(encoding="utf-8"), (outputs / "clusters.json").read_text(encoding="utf-8")) == first


def test_relative_source_paths_resolve_against_the_current_folder(tmp_path, outputs, monkeypatch):
    text = "Polepharma : 5 offices (Chartres, Louviers).\n"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001.txt").write_text(text, encoding="utf-8")
    r = release(text, cluster("Polepharma"), id="001", path="seeds/001.txt")
    (outputs / "001.json").write_text(r.model_dump_json(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, printed = run(outputs)
    assert "cannot be read" not in printed
    # The count check reads the source text: its flag shows the text was found.
    assert [f.code for f in load(outputs / "001.json").flags] == ["count_list_mismatch"]


def test_missing_source_skips_only_the_text_checks(tmp_path, outputs):
    doc = Doc()
    ev = doc.one("BioWin compte {250 membres}.")
    profile = cluster("BioWin", figure("members", 260, ev))
    write_release(outputs, tmp_path / "gone.txt", doc, profile)
    (tmp_path / "gone.txt").unlink()
    code, printed = run(outputs)
    assert "001: its source" in printed and "cannot be read" in printed
    assert [f.code for f in load(outputs / "001.json").flags] == ["value_mismatch"]
    assert code == 1


def test_unreadable_files_are_reported_and_the_others_validated(tmp_path, outputs):
    doc, profile = biowin_doc()
    write_release(outputs, tmp_path / "001.txt", doc, profile)
    (outputs / "002.json").write_text("{not json", encoding="utf-8")
    (outputs / "003.json").write_text('{"id": "003"}', encoding="utf-8")
    code, printed = run(outputs)
    assert "002.json is not valid JSON" in printed
    assert "003.json is not a press-release output" in printed
    assert [f.code for f in load(outputs / "001.json").flags] == ["contradictory_figures"]
    assert (outputs / "clusters.json").exists()
    assert code == 1


def test_conflicts_across_releases_are_printed(tmp_path, outputs):
    for id, n, day in (("a", 260, 1), ("b", 250, 20)):
        doc = Doc()
        ev = doc.one(f"BioWin compte {{{n} membres}}.")
        write_release(outputs, tmp_path / f"{id}.txt", doc, cluster("BioWin", figure("members", n, ev)), id=id,
                      published_on=dt.date(2024, 3, day))
    code, printed = run(outputs, fail_on="warning")
    assert "conflicting_sources" in printed and "clusters.json" in printed
    assert code == 1


def test_empty_or_missing_folder_is_a_setup_error(tmp_path, outputs):
    (outputs / "clusters.json").write_text("{}", encoding="utf-8")
    with pytest.raises(SetupError, match="holds no release JSON files"):
        rerun(outputs)
    with pytest.raises(SetupError, match="is not a folder"):
        rerun(tmp_path / "nowhere")
