"""Start the real `startpunt --demo` inside the rig and look at it from outside.

The app runs as a user runs it (its console script, its own profile folder); the test sees
the desktop through the rig, the browser through a `BROWSER` script that records URLs, and
the sandbox intranet through its SQLite file in the profile (read-only queries).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from devtools.rig import DesktopRig, RigError, stop_process

T = TypeVar("T")
STARTPUNT = str(Path(sys.executable).with_name("startpunt"))
_DEMO_URL = re.compile(r"Demo intranet running at (http://127\.0\.0\.1:\d+)")


@dataclass
class DemoApp:
    """A running app with its profile folder, its log and the URLs it opened."""

    proc: subprocess.Popen[bytes]
    profile: Path
    opened_file: Path
    started_at: float

    @property
    def log_text(self) -> str:
        path = self.profile / "log" / "startpunt.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def wait_log(self, rig: DesktopRig, text: str, timeout: float) -> None:
        """Wait until the app's log contains `text`; fail with the log's tail otherwise."""
        self.wait(rig, lambda: text in self.log_text, timeout, what=f"{text!r} in the log")

    def wait(self, rig: DesktopRig, predicate: Callable[[], T], timeout: float, *, what: str) -> T:
        """`rig.wait_for`, failing with the tail of the app's log (what it was doing)."""
        try:
            return rig.wait_for(predicate, timeout, what=what)
        except RigError as exc:
            tail = "\n".join(self.log_text.splitlines()[-25:])
            raise AssertionError(f"{exc}\nthe app's log ends:\n{tail}") from None

    def base_url(self) -> str:
        found = _DEMO_URL.search(self.log_text)
        return found.group(1) if found else ""

    def opened(self) -> list[str]:
        if not self.opened_file.exists():
            return []
        return [line for line in self.opened_file.read_text().splitlines() if line]

    @contextlib.contextmanager
    def sandbox_db(self) -> Iterator[sqlite3.Connection]:
        """The sandbox's database, opened read-only."""
        path = self.profile / "data" / "sandbox.sqlite3"
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            yield conn
        finally:
            conn.close()

    def notification_row(self, notification_id: int) -> tuple[str, str, int]:
        """(class, originator display name, seen) of one of the demo user's notifications."""
        with self.sandbox_db() as db:
            row = db.execute(
                "SELECT n.class, u.firstname || ' ' || u.lastname, n.seen "
                "FROM notification n JOIN user u ON u.id = n.originator_id WHERE n.id = ?",
                (notification_id,),
            ).fetchone()
        assert row is not None, f"notification {notification_id} not in the sandbox"
        return str(row[0]), str(row[1]), int(row[2])


def write_browser(folder: Path) -> tuple[Path, Path]:
    """A `BROWSER` program that appends each URL it is asked to open to a file."""
    opened = folder / "opened-urls.txt"
    script = folder / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n')
    script.chmod(0o755)
    return script, opened


@contextlib.contextmanager
def run_demo(
    rig: DesktopRig, profile: Path, *extra: str, env: dict[str, str] | None = None
) -> Iterator[DemoApp]:
    """Run `startpunt --demo` in the rig until the block ends, then stop it with SIGTERM."""
    profile.mkdir(parents=True, exist_ok=True)
    browser, opened = write_browser(profile)
    args: Sequence[str] = [STARTPUNT, "--demo", "--profile", str(profile), *extra]
    full_env = {"BROWSER": str(browser), "LANG": "C.UTF-8", "LANGUAGE": "en", **(env or {})}
    with (profile / "stderr.txt").open("wb") as stderr:
        proc = rig.popen(args, env=full_env, stdout=subprocess.DEVNULL, stderr=stderr)
    app = DemoApp(proc, profile, opened, time.time())
    try:
        rig.wait_for(lambda: app.base_url() or proc.poll() is not None, 20, what="demo start")
        assert proc.poll() is None, f"startpunt exited early:\n{app.log_text}"
        yield app
    finally:
        stop_process(proc)


@contextlib.contextmanager
def run_against(
    rig: DesktopRig, profile: Path, base_url: str, token: str, *extra: str
) -> Iterator[DemoApp]:
    """Run `startpunt --intranet URL --token-env VAR` in the rig (a real-intranet start)."""
    profile.mkdir(parents=True, exist_ok=True)
    browser, opened = write_browser(profile)
    args = [STARTPUNT, "--intranet", base_url, "--token-env", "STARTPUNT_E2E_TOKEN"]
    args += ["--profile", str(profile), *extra]
    env = {
        "BROWSER": str(browser),
        "LANG": "C.UTF-8",
        "LANGUAGE": "en",
        "STARTPUNT_E2E_TOKEN": token,
    }
    with (profile / "stderr.txt").open("wb") as stderr:
        proc = rig.popen(args, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    app = DemoApp(proc, profile, opened, time.time())
    try:
        rig.wait_for(
            lambda: "Started against" in app.log_text or proc.poll() is not None,
            20,
            what="app start",
        )
        assert proc.poll() is None, f"startpunt exited early:\n{app.log_text}"
        yield app
    finally:
        stop_process(proc)
