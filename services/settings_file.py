"""The settings file on disk: atomic writes, 0600 files in a 0700 folder, kept copies.

Pure Python; no Qt. Knows bytes and paths only, never what the settings mean (that is
`services.settings`). Raises OSError; the caller decides what a failure means to the user.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700


def keep_copy(path: Path) -> None:
    """Keep an unusable file for support instead of silently overwriting it later."""
    with contextlib.suppress(OSError):
        shutil.copyfile(path, path.with_name(path.name + ".corrupt"))


def prepare_dir(folder: Path, clean_for: str | None) -> None:
    """Create the folder 0700 (repairing a looser mode) and drop stale temp files."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    repair_mode(folder, DIR_MODE)
    if clean_for is None:
        return
    for stale in folder.glob(f".{clean_for}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
            logger.info("Removed stale temporary settings file %s", stale.name)


def repair_mode(path: Path, mode: int) -> None:
    """Set ``mode`` on ``path`` if it has another one (POSIX only; logged, never raised)."""
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current != mode:
            path.chmod(mode)
            logger.warning("Repaired mode of %s from %o to %o", path.name, current, mode)
    except OSError as exc:
        logger.warning("Could not check the mode of %s: %s", path.name, exc)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temp file in the same folder, fsync, rename, fsync folder."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if os.name == "posix":  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
