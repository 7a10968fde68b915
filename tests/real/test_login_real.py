"""`startpunt login` / `logout` against the real HumHub (an in-memory keychain here; the
rig's gnome-keyring in tests/e2e/test_login_real_e2e.py)."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest

from desktop import login
from desktop.cli import EXIT_REFUSED, LoginOptions, parse
from services.secrets import TokenStore
from tests.fakes.keyrings import MemoryKeyring
from tests.real.server import RealHumHub


def _run(argv: list[str], keychain: MemoryKeyring, stdin: str = "") -> tuple[int, str, str]:
    options = parse(argv)
    assert isinstance(options, LoginOptions)
    out, err = io.StringIO(), io.StringIO()
    store = TokenStore(lambda: keychain)
    if options.logout:
        status = login.run_logout(options, out=out, err=err, store=store)
    else:
        status = login.run_login(options, stdin=io.StringIO(stdin), out=out, err=err, store=store)
    return status, out.getvalue(), err.getvalue()


def _whoami(hh: RealHumHub, token: str) -> str:
    answer = httpx.get(
        f"{hh.api_url}/auth/current", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    return str(answer.json()["account"]["username"]) if answer.status_code == 200 else ""


def test_login_with_alices_password_stores_a_working_token_and_logout_removes_it(
    real_humhub: RealHumHub, tmp_path: Path
) -> None:
    hh, keychain = real_humhub, MemoryKeyring()
    hh.reset_login_failures("alice")
    base = ["--intranet", hh.base_url, "--profile", str(tmp_path)]
    status, out, err = _run(["login", *base, "--user", "alice"], keychain, "AlicePass123!\n")
    assert (status, err) == (0, "")
    assert out == (
        f"Signed in to {hh.base_url} as Alice Anders (alice); the token is in the keychain.\n"
    )
    token = TokenStore(lambda: keychain).load(hh.base_url).token
    assert _whoami(hh, token) == "alice"
    status, out, _err = _run(["logout", "--profile", str(tmp_path)], keychain)
    assert status == 0
    assert "removed from the keychain" in out
    assert keychain.entries == {}


def test_login_with_a_bearer_token_from_the_environment(
    real_humhub: RealHumHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hh, keychain = real_humhub, MemoryKeyring()
    monkeypatch.setenv("SP_REAL_TOKEN", hh.bobby_bearer)
    argv = ["login", "--intranet", hh.base_url, "--profile", str(tmp_path)]
    status, out, err = _run([*argv, "--token-env", "SP_REAL_TOKEN"], keychain)
    assert (status, err) == (0, "")
    assert "as Bob Bakker (bobby)" in out
    token = TokenStore(lambda: keychain).load(hh.base_url).token
    assert token == hh.bobby_bearer
    assert _whoami(hh, token) == "bobby"


def test_a_wrong_password_is_refused_once_naming_throttling(
    real_humhub: RealHumHub, tmp_path: Path
) -> None:
    hh, keychain = real_humhub, MemoryKeyring()
    hh.reset_login_failures("carol")
    argv = ["login", "--intranet", hh.base_url, "--profile", str(tmp_path), "--user", "carol"]
    status, out, err = _run(argv, keychain, "not her password\n")
    assert status == EXIT_REFUSED
    assert "wrong username or password, or too many attempts" in err
    assert "Wrong username or password" in err  # the server's own words
    assert (out, keychain.entries) == ("", {})
    hh.reset_login_failures("carol")
