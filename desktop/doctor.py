"""`startpunt doctor`: print the connection checks, one line each; exit 0 only if all pass."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import TextIO

from desktop.cli import DoctorOptions
from services.environment_check import advice, clashes
from services.humhub.diagnosis import Credentials, diagnose
from services.redaction import SecretsFilter, register_secret

_MARK = {True: "ok  ", False: "FAIL"}


def _credentials(options: DoctorOptions, stdin: TextIO) -> Credentials | str:
    if options.token_env:
        token = os.environ.get(options.token_env, "").strip()
        if not token:
            return f"the variable {options.token_env} holds no token"
        register_secret(token)
        return Credentials(token=token)
    if options.user:
        password = stdin.readline().rstrip("\r\n")
        if not password:
            return "no password on standard input"
        register_secret(password)
        return Credentials(username=options.user, password=password)
    return Credentials()


def _warn_about_environment(out: TextIO) -> None:
    """A warning, not a failed check: Startpunt may still run, but not reliably."""
    for clash in clashes():
        out.write(f"[warn] {'python':<8} {advice(clash)}\n")
    out.flush()


async def _report(url: str, credentials: Credentials, out: TextIO) -> int:
    passed = True
    async for result in diagnose(url, credentials):
        passed = passed and result.ok
        out.write(f"[{_MARK[result.ok]}] {result.name:<8} {result.detail}\n")
        out.flush()
    if passed:
        out.write("All checks passed.\n")
    return 0 if passed else 1


def run_doctor(
    options: DoctorOptions, *, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    """Run the checks and print them; return the exit status."""
    if options.debug:
        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(SecretsFilter())
        logging.basicConfig(level=logging.DEBUG, handlers=[handler])
    credentials = _credentials(options, stdin)
    if isinstance(credentials, str):
        sys.stderr.write(f"startpunt doctor: {credentials}\n")
        return 2
    _warn_about_environment(out)
    return asyncio.run(_report(options.intranet, credentials, out))
