"""RELIABILITY rows 5 and 33: TLS verification is never switched off; the token never lands
in a log, a file of the profile, or the environment of child processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
STARTPUNT = str(Path(sys.executable).with_name("startpunt"))


def test_no_code_switches_tls_verification_off():
    pattern = re.compile(r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("desktop", "ui", "services", "sandbox", "resources")
        for path in (ROOT / folder).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_token_never_reaches_logs_or_profile_files(tmp_path: Path, sandbox: SandboxServer):
    token = sandbox.demo_token
    profile = tmp_path / "profile"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SENTINEL_TOKEN": token,
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [
            STARTPUNT,
            "--intranet",
            sandbox.base_url,
            "--token-env",
            "SENTINEL_TOKEN",
            "--profile",
            str(profile),
            "--debug",
            "--exit-when-ready",
        ],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert b"ready" in done.stdout
    log = (profile / "log" / "startpunt.log").read_text(encoding="utf-8")
    hits = [
        str(path.relative_to(tmp_path))
        for path in tmp_path.rglob("*")
        if path.is_file() and token.encode() in path.read_bytes()
    ]
    assert hits == []
    assert token.encode() not in done.stdout + done.stderr
    assert len(log) > 0  # the debug log was really written (and scrubbed)
