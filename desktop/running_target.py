"""Which intranet the running Startpunt of a profile serves ("demo" or its address).

A second launch that is forwarded to the running app compares this with what it was asked
for, so `--intranet URL` on a profile where the demo runs says so instead of silently
showing the demo. A leftover file after a crash is harmless: it is only read when another
instance holds the profile's lock.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

logger = logging.getLogger(__name__)

FILE_NAME = "running-target.txt"
DEMO = "demo"


def write(data_dir: Path, target: str) -> None:
    """Record what this (running) instance serves."""
    try:
        (data_dir / FILE_NAME).write_text(target + "\n", encoding="utf-8")
    except OSError as exc:
        logger.warning("Could not record the running target: %s", exc)


def read(data_dir: Path) -> str:
    """What the running instance serves, or "" when unknown."""
    try:
        return (data_dir / FILE_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def clear(data_dir: Path) -> None:
    """Forget it (the app stops)."""
    with contextlib.suppress(OSError):
        (data_dir / FILE_NAME).unlink()


def mismatch(running: str, wanted: str | None) -> str | None:
    """A sentence for the user when the running app serves something else, else None."""
    if not wanted or not running or running == wanted:
        return None
    what = "the demo" if running == DEMO else running
    asked = "the demo" if wanted == DEMO else wanted
    return (
        f"a Startpunt for {what} already runs with this profile (you asked for {asked}); "
        "it was shown. Quit it first, or use another --profile"
    )
