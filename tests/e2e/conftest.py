"""Fixtures for end-to-end tests on a throwaway headless desktop (``devtools.rig``).

Every test in this folder is marked ``e2e``. The session-wide ``rig`` fixture gives one
:class:`~devtools.rig.DesktopRig` (Xvfb, a private session bus, dunst, an SNI tray host)
that all tests share; start apps in it with ``rig.popen([...])`` and look at what reached
the desktop with ``rig.sni_items()``, ``rig.notifications()``, ``rig.click(...)``.

When the desktop programs are missing the tests FAIL, naming them and ``make system-deps``;
with ``STARTPUNT_SKIP_E2E=1`` they are skipped instead. ``STARTPUNT_KEEP_RIG=1`` keeps
the rig's run folder (logs, notify.log, screenshots) for a look afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from devtools.rig import INSTALL_HINT, DesktopRig, Tray, missing_programs

SKIP_VAR = "STARTPUNT_SKIP_E2E"
KEEP_VAR = "STARTPUNT_KEEP_RIG"
_HERE = Path(__file__).resolve().parent


def require_desktop(tray: Tray = "sni", extra: Sequence[str] = ()) -> None:
    """Skip (``STARTPUNT_SKIP_E2E=1``) or fail unless the rig's programs are installed."""
    missing = missing_programs(tray, extra)
    if os.environ.get(SKIP_VAR) == "1":
        why = f" (missing: {', '.join(missing)})" if missing else ""
        pytest.skip(f"{SKIP_VAR}=1 is set: end-to-end desktop tests skipped{why}")
    if missing:
        pytest.fail(
            f"the end-to-end tests need programs that are not installed: {', '.join(missing)}."
            f" Install them with `{INSTALL_HINT}`, or set {SKIP_VAR}=1 to skip these tests.",
            pytrace=False,
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def rig() -> Iterator[DesktopRig]:
    """One headless desktop with an SNI tray host for the whole test session."""
    require_desktop("sni")
    with DesktopRig("sni", keep=os.environ.get(KEEP_VAR) == "1") as desktop:
        yield desktop


@pytest.fixture(scope="session")
def keyring_rig() -> Iterator[DesktopRig]:
    """A rig of its own with gnome-keyring's Secret Service, unlocked (the shared rig has
    none, so the other tests keep running without a keychain)."""
    require_desktop("sni", ["gnome-keyring-daemon", "secret-tool"])
    with DesktopRig("sni", keep=os.environ.get(KEEP_VAR) == "1", keyring=True) as desktop:
        yield desktop
