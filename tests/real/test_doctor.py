"""`startpunt doctor` against the real HumHub, run as the real command line: all green with a
password on standard input and with a (non-JWT) bearer token in an environment variable."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.real.kit import REPO
from tests.real.server import RealHumHub

TOKEN_VAR = "STARTPUNT_REAL_DOCTOR_TOKEN"


def doctor(args: list[str], *, stdin: str = "", env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "desktop", "doctor", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def assert_all_green(done: subprocess.CompletedProcess[str], who: str) -> None:
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[-1] == "All checks passed.", lines
    checks = {line[7:15].strip(): line for line in lines if line.startswith("[")}
    assert set(checks) == {"address", "dns", "tcp", "tls", "api", "sign-in", "modules"}, lines
    assert all(line.startswith("[ok  ]") for line in checks.values()), lines
    assert f"signed in as {who}" in checks["sign-in"]
    assert "comment API: HumHub 1.18 shape" in checks["modules"]
    assert "polls: installed" in checks["modules"]


def test_doctor_with_a_password_on_stdin_is_all_green(real_humhub: RealHumHub) -> None:
    password = real_humhub.passwords["alice"]
    done = doctor(["--intranet", real_humhub.base_url, "--user", "alice"], stdin=password + "\n")
    assert_all_green(done, "Alice Anders (alice)")
    assert password not in done.stdout + done.stderr


def test_doctor_with_a_bearer_token_is_all_green(real_humhub: RealHumHub) -> None:
    token = real_humhub.bobby_bearer
    done = doctor(
        ["--intranet", real_humhub.base_url, "--token-env", TOKEN_VAR], env={TOKEN_VAR: token}
    )
    assert_all_green(done, "Bob Bakker (bobby)")
    assert token not in done.stdout + done.stderr
