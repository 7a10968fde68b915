"""RELIABILITY row 33: the token is not readable in /proc/PID/environ of the running app.

`os.environ.pop` leaves the environment block the process started with untouched; the app
re-executes itself without the variable (desktop/token_env.py). Linux only: it reads /proc.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sandbox.server import SandboxServer

STARTPUNT = str(Path(sys.executable).with_name("startpunt"))


def _wait_for(predicate, deadline_s: float) -> bool:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_token_is_not_in_the_running_apps_environment(tmp_path: Path, sandbox: SandboxServer):
    assert Path("/proc/self/environ").exists(), "this test needs /proc (Linux)"
    token = sandbox.demo_token
    profile = tmp_path / "profile"
    log = profile / "log" / "startpunt.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SENTINEL_TOKEN": token}
    args = ["--intranet", sandbox.base_url, "--token-env", "SENTINEL_TOKEN"]
    app = subprocess.Popen(
        [STARTPUNT, *args, "--profile", str(profile), "--poll-interval", "60"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        started = _wait_for(lambda: log.exists() and "Started against" in log.read_text(), 60)
        assert started, "the app did not start (see its log)"
        environ = Path(f"/proc/{app.pid}/environ").read_bytes()
        cmdline = Path(f"/proc/{app.pid}/cmdline").read_bytes()
        assert token.encode() not in environ
        assert b"SENTINEL_TOKEN=" not in environ
        assert token.encode() not in cmdline
        assert b"STARTPUNT_TOKEN_FD" in environ  # it did come through the hand-over pipe
        assert app.poll() is None  # still running (test_secrets shows the token works)
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def test_demo_with_a_token_variable_leaves_no_readable_token_behind(tmp_path: Path):
    """`--demo --token-env VAR`: the app re-executes itself without VAR and hands the token
    over through a pipe; the demo never uses it, but the pipe must still be drained and
    closed, or any process the app starts (the browser) inherits a readable token."""
    assert Path("/proc/self/environ").exists(), "this test needs /proc (Linux)"
    token = "sentinel-" + os.urandom(8).hex()
    profile = tmp_path / "profile"
    log = profile / "log" / "startpunt.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SENTINEL_TOKEN": token}
    app = subprocess.Popen(
        [STARTPUNT, "--demo", "--demo-pace", "off", "--token-env", "SENTINEL_TOKEN",
         "--profile", str(profile), "--poll-interval", "60"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        started = _wait_for(lambda: log.exists() and "Started against" in log.read_text(), 60)
        assert started, "the app did not start (see its log)"
        assert token.encode() not in Path(f"/proc/{app.pid}/environ").read_bytes()
        for fd in Path(f"/proc/{app.pid}/fd").iterdir():
            try:  # an fd may close meanwhile
                if not str(fd.readlink()).startswith("pipe:"):
                    continue
                reader = os.open(fd, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                continue
            try:
                data = os.read(reader, 4096)
            except BlockingIOError:
                data = b""
            finally:
                os.close(reader)
            assert token.encode() not in data, f"the token is readable from fd {fd.name}"
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
