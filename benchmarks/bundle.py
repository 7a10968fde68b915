"""The Linux bundle (`make dist`: dist/bundle/startpunt/startpunt) as benchmark variants, next
to the venv install in the same run.

The benchmark does not build it (that takes a minute): when it is missing it says so once and
the bundle rows stay empty.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.options import HERE
from benchmarks.variants import Variant, daily_app_variant

BUNDLE = "bundle"
BUNDLE_DEMO = "bundle --demo"
EXECUTABLE = HERE.parent / "dist" / "bundle" / "startpunt" / "startpunt"
MISSING = "bundle not built: run make dist"


def bundle_variants(url: str | None, env: dict[str, str], exe: Path = EXECUTABLE) -> list[Variant]:
    """The bundle against the sandbox (one profile, like `app`) and with --demo (fresh ones);
    none when it is not built."""
    if not exe.is_file():
        return []
    app = (str(exe),)
    found = [daily_app_variant(BUNDLE, app, url, env)] if url else []
    found.append(Variant(BUNDLE_DEMO, lambda p: [*app, "--demo", "--profile", str(p.profile())]))
    return found
