import json

import pytest

from extractor.errors import ReleaseError
from extractor.write import write_json, write_release
from schemas import Evidence, Extraction, Figure, Metric, PressRelease, Source
from schemas.cluster import ClusterProfile


def release(**changes) -> PressRelease:
    fields = dict(
        id="polepharma-2023",
        source=Source(path="seeds/polepharma-2023.txt", sha256="a" * 64, chars=120, encoding="utf-8"),
        language="fr",
        clusters=[
            ClusterProfile(
                name="Polepharma",
                country="FR",
                figures=[Figure(metric=Metric.members, value=445, unit="count", qualifier="at_least",
                                evidence=Evidence(text="445+", start=10, end=14))],
            )
        ],
        extraction=Extraction(model="qwen", endpoint="http://127.0.0.1:1/v1", prompt_version="1"),
    )
    return PressRelease(**{**fields, **changes})


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_release_is_written_under_its_id_as_readable_utf8(tmp_path):
    path = write_release(release(title="Pôle réuni à Évreux"), tmp_path / "out")
    assert path == tmp_path / "out" / "polepharma-2023.json"
    text = path.read_text(encoding="utf-8")
    assert "Pôle réuni à Évreux" in text
    data = json.loads(text)
    assert data["clusters"][0]["figures"][0]["value"] == 445
    assert PressRelease.model_validate(data) == release(title="Pôle réuni à Évreux")
    assert leftovers(tmp_path / "out") == ["polepharma-2023.json"]


def test_schema_violations_are_listed_with_their_json_paths(tmp_path):
    data = release().model_dump(mode="json")
    data["clusters"][0]["figures"][0]["metric"] = "members_total"
    data["clusters"][0]["country"] = "France"
    with pytest.raises(ReleaseError) as caught:
        write_json(tmp_path / "bad.json", data, schema="press_release")
    message = str(caught.value)
    assert "bad.json" in message and "press_release" in message
    assert "$.clusters[0].country" in message
    assert "$.clusters[0].figures[0].metric" in message
    assert leftovers(tmp_path) == []


def test_only_the_first_errors_are_listed(tmp_path):
    data = release().model_dump(mode="json")
    for key in ("language", "title", "published_on", "places", "flags"):
        data[key] = 12
    with pytest.raises(ReleaseError, match=r"\(and \d+ more\)"):
        write_json(tmp_path / "bad.json", data, schema="press_release")


def test_a_date_in_the_wrong_format_is_a_schema_error(tmp_path):
    data = release().model_dump(mode="json")
    data["published_on"] = "12/03/2023"
    with pytest.raises(ReleaseError, match=r"\$\.published_on"):
        write_json(tmp_path / "bad.json", data, schema="press_release")


def test_a_failed_write_keeps_the_previous_good_file(tmp_path):
    path = write_json(tmp_path / "x.json", {"ok": True})
    with pytest.raises(ReleaseError, match=r"x\.json was not written"):
        write_json(path, {"ok": object()})
    data = release().model_dump(mode="json")
    data["id"] = None
    with pytest.raises(ReleaseError):
        write_json(path, data, schema="press_release")
    assert json.loads(path.read_text(encoding="utf-8")) == {"ok": True}
    assert leftovers(tmp_path) == ["x.json"]


def test_without_a_schema_any_json_data_is_written(tmp_path):
    path = write_json(tmp_path / "deep" / "run.json", {"é": [1, 2.5, None]})
    assert path.read_text(encoding="utf-8") == '{\n  "é": [\n    1,\n    2.5,\n    null\n  ]\n}\n'
