"""`startpunt login` / `logout` against the sandbox over real sockets, with an in-memory
keychain (the real Secret Service is exercised in tests/e2e/test_keychain_e2e.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
import pytest

import desktop.__main__ as entry
from desktop import login
from desktop.cli import EXIT_NO_KEYCHAIN, EXIT_REFUSED, LoginOptions, parse
from sandbox.server import SandboxServer
from services.secrets import TokenStore
from tests.fakes.keyrings import DroppingKeyring, MemoryKeyring


@pytest.fixture(scope="module")
def sandbox() -> object:
    with SandboxServer(pace="off", seed=3) as server:
        yield server


def _options(server: SandboxServer, profile: Path, *argv: str) -> LoginOptions:
    options = parse(["login", "--intranet", server.base_url, "--profile", str(profile), *argv])
    assert isinstance(options, LoginOptions)
    return options


def _login(options: LoginOptions, keychain: MemoryKeyring, stdin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = login.run_login(
        options, stdin=io.StringIO(stdin), out=out, err=err, store=TokenStore(lambda: keychain)
    )
    return status, out.getvalue(), err.getvalue()


def test_login_with_a_password_keeps_a_working_token_and_the_address(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    keychain = MemoryKeyring()
    options = _options(sandbox, tmp_path, "--user", "demo")
    status, out, err = _login(options, keychain, "demo\n")
    assert (status, err) == (0, "")
    assert out == (
        f"Signed in to {sandbox.base_url} as Sanne de Vries (demo); the token is in the keychain.\n"
    )
    token = TokenStore(lambda: keychain).load(sandbox.base_url).token
    me = httpx.get(
        f"{sandbox.base_url}/api/v1/auth/current", headers={"Authorization": f"Bearer {token}"}
    )
    assert me.json()["account"]["username"] == "demo"
    settings = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert settings["intranet_url"] == sandbox.base_url
    assert token not in (tmp_path / "config" / "settings.json").read_text()


def test_a_wrong_password_is_one_attempt_and_names_throttling(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    keychain = MemoryKeyring()
    status, out, err = _login(_options(sandbox, tmp_path, "--user", "jan"), keychain, "nope\n")
    assert status == EXIT_REFUSED
    assert "wrong username or password, or too many attempts" in err
    assert out == ""
    assert keychain.entries == {}
    assert not (tmp_path / "config" / "settings.json").exists()
    assert sandbox.world.login_failures["jan"][0] == 1  # exactly one attempt


def test_no_keychain_that_keeps_it_means_login_fails_and_stores_nothing(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    status, _out, err = _login(
        _options(sandbox, tmp_path, "--user", "demo"), DroppingKeyring(), "demo\n"
    )
    assert status == EXIT_NO_KEYCHAIN
    assert "no keychain kept the token" in err
    assert "run startpunt login again" in err
    assert not (tmp_path / "config" / "settings.json").exists()


def test_login_with_a_token_from_the_environment(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain = MemoryKeyring()
    monkeypatch.setenv("SP_TOKEN", sandbox.demo_token)
    status, out, _err = _login(_options(sandbox, tmp_path, "--token-env", "SP_TOKEN"), keychain, "")
    assert status == 0
    assert "as Sanne de Vries (demo)" in out
    assert TokenStore(lambda: keychain).load(sandbox.base_url).token == sandbox.demo_token
    monkeypatch.setenv("SP_TOKEN", "not-a-valid-token-at-all")
    status, _out, err = _login(_options(sandbox, tmp_path, "--token-env", "SP_TOKEN"), keychain, "")
    assert status == EXIT_REFUSED
    assert "refused this token" in err


def test_logout_removes_the_token(sandbox: SandboxServer, tmp_path: Path) -> None:
    keychain = MemoryKeyring()
    _login(_options(sandbox, tmp_path, "--user", "demo"), keychain, "demo\n")
    options = parse(["logout", "--profile", str(tmp_path)])
    assert isinstance(options, LoginOptions)
    out = io.StringIO()
    store = TokenStore(lambda: keychain)
    assert login.run_logout(options, out=out, store=store) == 0
    assert (
        out.getvalue()
        == f"Signed out of {sandbox.base_url}: the token is removed from the keychain.\n"
    )
    assert keychain.entries == {}
    out = io.StringIO()
    assert login.run_logout(options, out=out, store=store) == 0
    assert "No token for" in out.getvalue()


def test_the_password_never_comes_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse(["login", "--intranet", "https://x.example.org", "--user", "a", "--password", "b"])
    with pytest.raises(SystemExit):
        parse(["login", "--intranet", "https://x.example.org"])  # --user or --token-env
    assert "error:" in capsys.readouterr().err


def test_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        entry.main(["login", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for status in ("0 signed in", "6 sign-in refused", "7 intranet not reachable", "8 signed in"):
        assert status in text


def test_a_running_app_on_another_intranet_is_not_told_it_uses_the_new_sign_in(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    from desktop import running_target

    (tmp_path / "data").mkdir(parents=True)
    running_target.write(tmp_path / "data", running_target.DEMO)
    status, out, _err = _login(
        _options(sandbox, tmp_path, "--user", "demo"), MemoryKeyring(), "demo\n"
    )
    assert status == 0
    assert (
        f"Startpunt runs against the demo now: quit and start it to use {sandbox.base_url}." in out
    )
