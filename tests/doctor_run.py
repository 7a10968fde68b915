"""Runs `startpunt doctor` in this process, as the CLI does, for the doctor tests."""

from __future__ import annotations

import io
import os

from desktop.cli import DoctorOptions
from desktop.doctor import run_doctor

TOKEN_ENV = "STARTPUNT_DOCTOR_TEST_TOKEN"


def doctor(
    url: str, *, token: str | None = None, user: str | None = None, stdin: str = ""
) -> tuple[int, str]:
    """The exit status and the printed report; a token travels in an environment variable."""
    if token is not None:
        os.environ[TOKEN_ENV] = token
    out = io.StringIO()
    try:
        code = run_doctor(
            DoctorOptions(url, TOKEN_ENV if token is not None else None, user, False),
            stdin=io.StringIO(stdin),
            out=out,
        )
    finally:
        os.environ.pop(TOKEN_ENV, None)
    return code, out.getvalue()
