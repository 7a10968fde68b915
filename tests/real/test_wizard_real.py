"""The first-run wizard's controller against the real HumHub: alice signs in with her
password (a JWT from /auth/login, her picture through the connector), bobby with his bearer
token pasted on the sign-in page. An in-memory keychain; the widgets offscreen."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest

from services.secrets import Storage
from tests.fakes.keyrings import MemoryKeyring
from tests.real.server import RealHumHub
from tests.ui.test_onboarding_wizard import Run, settle, sign_in, to_sign_in
from ui.onboarding import PageId

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.real


def _whoami(hh: RealHumHub, token: str) -> str:
    answer = httpx.get(
        f"{hh.api_url}/auth/current", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    return str(answer.json()["account"]["username"]) if answer.status_code == 200 else ""


def test_alice_signs_in_with_her_password_and_sees_her_picture(
    qtbot, real_humhub: RealHumHub, tmp_path: Path
) -> None:
    hh = real_humhub
    hh.reset_login_failures("alice")
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, hh.base_url)
        await sign_in(run, "alice", hh.passwords["alice"])
        assert run.wizard.currentId() == PageId.CONFIRM
        run.enter()
        run.enter()

    asyncio.run(go())
    confirm = run.wizard.confirm_page
    assert confirm.name_label.text() == "Alice Anders"
    assert confirm.has_picture  # HumHub's default picture, fetched through the connector
    [outcome] = run.outcomes
    assert outcome.signed_in is not None
    assert outcome.signed_in.storage is Storage.KEYCHAIN
    assert _whoami(hh, outcome.signed_in.token) == "alice"
    for path in (p for p in tmp_path.rglob("*") if p.is_file()):
        assert outcome.signed_in.token.encode() not in path.read_bytes(), path


def test_bobby_signs_in_with_his_bearer_token(
    qtbot, real_humhub: RealHumHub, tmp_path: Path
) -> None:
    hh = real_humhub
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, hh.base_url)
        page = run.wizard.sign_in_page
        page.use_token_box.setChecked(True)
        run.type(page.token_edit, hh.bobby_bearer)
        run.enter()
        await settle(run)
        assert run.wizard.currentId() == PageId.CONFIRM
        run.enter()
        run.enter()

    asyncio.run(go())
    assert run.wizard.confirm_page.name_label.text() == "Bob Bakker"
    [outcome] = run.outcomes
    assert outcome.signed_in is not None
    assert outcome.signed_in.token == hh.bobby_bearer
    assert run.store.load(hh.base_url).token == hh.bobby_bearer


def test_a_wrong_password_on_the_real_server_is_explained_once(
    qtbot, real_humhub: RealHumHub, tmp_path: Path
) -> None:
    hh = real_humhub
    hh.reset_login_failures("carol")
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, hh.base_url)
        await sign_in(run, "carol", "not her password")

    asyncio.run(go())
    assert run.wizard.currentId() == PageId.SIGN_IN
    assert run.wizard.sign_in_page.status.text().startswith("Wrong username or password")
    hh.reset_login_failures("carol")
