"""Which files a batch reads: the files named, and the release files under the folders named.

Walking never hangs and never stops the batch: a symbolic-link loop, a FIFO or a device named like a
release, an unreadable folder or file, and a file in a format no reader handles are each listed with a
reason instead (run.json's ``skipped``). Nothing is opened here; FIFOs and devices are told apart by
lstat/stat alone, so a FIFO named ``.txt`` is never opened for reading.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import SetupError
from extractor.read import RELEASE_SUFFIXES

# Files people keep beside their releases that no reader handles yet: worth a word, unlike a .json or a .csv.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".pages", ".ppt", ".pptx", ".xls", ".xlsx",
                               ".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".eml", ".msg"})


@dataclass
class Walk:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def supported() -> str:
    return ", ".join(sorted(RELEASE_SUFFIXES))


def walk_releases(paths: list[Path]) -> Walk:
    """Release files named directly or found under folders, each folder walked in sorted order.

    A path that does not exist at all is a usage error; everything else that cannot be read is skipped
    with a reason and the walk goes on.
    """
    walk = Walk()
    seen: set[Path] = set()
    for path in map(Path, paths):
        if not os.path.lexists(path):
            raise SetupError(f"{path} does not exist; pass existing release files or folders.")
        for candidate in _expand(path, walk):
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                walk.files.append(candidate)
    return walk


def _expand(path: Path, walk: Walk) -> list[Path]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        walk.skipped.append((path, _unreachable(path, exc)))
        return []
    if stat.S_ISDIR(mode):
        return _walk_folder(path, walk)
    reason = _not_a_regular_file(mode)
    if reason:
        walk.skipped.append((path, reason))
        return []
    # A file named directly is the user's choice whatever its suffix; the reader says if it cannot read it.
    return [path]


def _walk_folder(root: Path, walk: Walk) -> list[Path]:
    files: list[Path] = []
    # Folders already entered, by device and inode: a link back to an ancestor is a loop, and a second
    # link to the same folder would read its releases twice.
    entered: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            walk.skipped.append((folder, _unreachable(folder, exc)))
            continue
        if (info.st_dev, info.st_ino) in entered:
            walk.skipped.append((folder, "a symbolic link to a folder already walked (a loop or a second way in); read once"))
            continue
        entered.add((info.st_dev, info.st_ino))
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                mode = entry.stat().st_mode  # follows links; a dangling link raises
            except OSError as exc:
                walk.skipped.append((path, _unreachable(path, exc)))
                continue
            if stat.S_ISDIR(mode):
                subfolders.append(path)
                continue
            suffix = path.suffix.lower()
            if suffix in RELEASE_SUFFIXES:
                reason = _not_a_regular_file(mode) or _unreadable(path)
                if reason:
                    walk.skipped.append((path, reason))
                else:
                    files.append(path)
            elif suffix in DOCUMENT_SUFFIXES:
                walk.skipped.append((path, f"no reader for {suffix} files yet (supported: {supported()})"))
        pending.extend(reversed(subfolders))
    return sorted(files)


def _not_a_regular_file(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file; not opened, as reading it could wait forever"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file; not opened"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file; not opened"
    return "not a regular file; not opened"


def _unreadable(path: Path) -> str | None:
    return None if os.access(path, os.R_OK) else "cannot be read (permission denied); grant read access to include it"


def _unreachable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:  # a link that points back along its own chain
        return "a symbolic link loop; nothing to read"
    if isinstance(exc, FileNotFoundError):
        return "a symbolic link to nothing (its target is gone)"
    if isinstance(exc, PermissionError):
        return "cannot be opened (permission denied); grant read access to include it"
    return f"cannot be opened ({exc.strerror or exc})"
