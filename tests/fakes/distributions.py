"""Installed distributions as real folders on disk (`NAME-VERSION.dist-info`), for the
environment check: what an installer leaves behind, without installing anything."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def write_dist_info(
    site: Path,
    name: str,
    version: str = "1.0",
    *,
    record: Sequence[str] | None = None,
    top_level: Sequence[str] | None = None,
    metadata: bool = True,
) -> Path:
    """A `.dist-info` folder in `site` with METADATA and, if given, RECORD and top_level.txt.

    `record` holds the installed paths (relative to `site`); the folder's own files are added
    the way installers write them.
    """
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    if metadata:
        (folder / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
        )
    if top_level is not None:
        (folder / "top_level.txt").write_text("".join(f"{n}\n" for n in top_level))
    if record is not None:
        own = [f"{folder.name}/METADATA", f"{folder.name}/RECORD"]
        lines = [f"{path},sha256=AAAA,10" for path in record] + [f"{p},," for p in own]
        (folder / "RECORD").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
