"""The session fixture ``real_humhub`` (loaded for the whole suite by tests/conftest.py, so the
real-server tests and the real end-to-end test share one server).

Every test under tests/real is marked ``real``; other tests that use the fixture mark
themselves. The bring-up time is printed in pytest's terminal summary and written to
``.humhub-real/bring-up.txt``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.real import kit
from tests.real.server import RealHumHub

_HERE = Path(__file__).resolve().parent
_REPORT: list[str] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(pytest.mark.real)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in _REPORT:
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def real_humhub() -> Iterator[RealHumHub]:
    """The real HumHub of the kit, up for the whole session in a non-UTC time zone."""
    if os.environ.get(kit.SKIP_VAR) == "1":
        pytest.skip(f"{kit.SKIP_VAR}=1 is set: tests against the real HumHub skipped")
    folder = kit.kit_folder()
    try:
        started = kit.up(folder)
    except kit.KitError as exc:
        pytest.fail(str(exc), pytrace=False)
    line = (
        f"REAL HUMHUB: up in {started.seconds:.1f} s"
        f" ({'fresh state folder' if started.fresh else 'existing state folder'}),"
        f" {started.url}, server time zone {kit.SERVER_TZ}"
    )
    _REPORT.append(line)
    print(f"\n{line}", flush=True)  # noqa: T201 - shown with -s and in CI logs
    server = RealHumHub.from_state(folder, kit.STATE)
    try:
        yield server
    finally:
        server.close()
        seconds = kit.down(folder)
        _REPORT.append(f"REAL HUMHUB: stopped in {seconds:.1f} s (down.sh, by PID)")
        (kit.WORK / "bring-up.txt").write_text("\n".join(_REPORT) + "\n", encoding="utf-8")
