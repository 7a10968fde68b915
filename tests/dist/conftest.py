"""The built packages, once per test session.

``built_dist`` is the folder holding the wheel and the sdist: built here with ``python -m
build`` (the sdist first, then the wheel from it), or, when ``STARTPUNT_DIST_DIR`` names a
folder (what ``make dist`` produced), that folder as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DIST_VAR = "STARTPUNT_DIST_DIR"
ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 300


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with startpunt-VERSION-py3-none-any.whl and startpunt-VERSION.tar.gz."""
    given = os.environ.get(DIST_VAR)
    if given:
        folder = Path(given).resolve()
        if not any(folder.glob("startpunt-*.whl")) or not any(folder.glob("startpunt-*.tar.gz")):
            pytest.fail(f"{DIST_VAR}={given} holds no startpunt wheel and sdist", pytrace=False)
        return folder
    folder = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(folder), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"python -m build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return folder
