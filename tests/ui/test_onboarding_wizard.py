"""The first-run wizard against the sandbox on 127.0.0.1 (real sockets), with an in-memory
keychain: every page, every error path of sign-in, keyboard only, and the token never in a
file of the profile."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from keyring.backend import KeyringBackend

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTimeEdit, QWidget

from desktop.autostart import for_this_system
from desktop.effective_settings import load_effective
from desktop.onboarding import Onboarding, Outcome
from desktop.onboarding_flow import make_wizard
from desktop.paths import Paths
from sandbox.server import SandboxServer
from services.policy import Policy, combine
from services.secrets import Storage, TokenStore
from services.settings import Settings, load
from tests.fakes.certs import write_certs
from tests.fakes.keyrings import DroppingKeyring, MemoryKeyring
from tests.waiting import until
from ui.onboarding import PageId

THROTTLED = "Wrong username or password, or too many attempts: wait a minute and try again."


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=4) as server:
        yield server


class Run:
    """One wizard with its controller, the outcomes and the profile."""

    def __init__(self, qtbot, tmp_path: Path, keychain: KeyringBackend, effective=None) -> None:
        self.paths = Paths.resolve(tmp_path / "profile")
        self.paths.ensure()
        self.keychain = keychain
        self.store = TokenStore(lambda: keychain)
        self.autostart = for_this_system(
            platform="linux", env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")}, home=tmp_path
        )
        chosen = effective or load_effective(self.paths, env={})[0]
        self.onboarding: Onboarding = make_wizard(
            self.paths, chosen, tmp_path, store=self.store, autostart=self.autostart
        )
        self.wizard = self.onboarding.wizard
        self.wizard.ask_to_cancel = lambda: True  # no modal question when pytest-qt closes it
        self.outcomes: list[Outcome] = []
        self.onboarding.finished.connect(self.outcomes.append)
        qtbot.addWidget(self.wizard)
        self.wizard.show()
        self.qtbot = qtbot

    def enter(self) -> None:
        focus = self.wizard.focusWidget() or self.wizard
        self.qtbot.keyClick(focus, Qt.Key.Key_Return)

    def type(self, edit: QLineEdit, text: str) -> None:
        edit.setFocus()
        edit.clear()
        self.qtbot.keyClicks(edit, text)


async def settle(run: Run) -> None:
    """Wait until the controller's tasks (checks, sign-in) are done."""
    await until(lambda: not run.onboarding._tasks)


async def to_sign_in(run: Run, address: str) -> None:
    run.type(run.wizard.address_page.address_edit, address)
    run.enter()
    await until(lambda: run.wizard.currentId() == PageId.SIGN_IN)


async def sign_in(run: Run, username: str, password: str) -> None:
    page = run.wizard.sign_in_page
    run.type(page.username_edit, username)
    run.type(page.password_edit, password)
    run.enter()
    await settle(run)


def files_under(root: Path) -> Iterator[Path]:
    return (p for p in root.rglob("*") if p.is_file())


def test_keyboard_only_from_address_to_a_working_sign_in(qtbot, tmp_path, sandbox) -> None:
    keychain = MemoryKeyring()
    run = Run(qtbot, tmp_path, keychain)

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url + "/")
        assert run.wizard.address_page.verified == sandbox.base_url  # normalised
        await sign_in(run, "demo", "demo")
        assert run.wizard.currentId() == PageId.CONFIRM
        confirm = run.wizard.confirm_page
        assert confirm.name_label.text() == "Sanne de Vries"
        assert confirm.username_label.text() == "demo"
        assert not confirm.has_picture  # the sandbox serves no picture: initials instead
        assert confirm.picture.pixmap() is not None
        run.enter()
        assert run.wizard.currentId() == PageId.CHOICES
        assert not run.wizard.choices_page.storage_note.isVisible()
        assert run.wizard.choices_page.autostart_check.isChecked()  # on by default
        run.enter()  # Finish

    asyncio.run(go())
    [outcome] = run.outcomes
    assert outcome.signed_in is not None
    token = outcome.signed_in.token
    assert outcome.signed_in.storage is Storage.KEYCHAIN
    assert run.store.load(sandbox.base_url).token == token
    me = httpx.get(
        f"{sandbox.base_url}/api/v1/auth/current", headers={"Authorization": f"Bearer {token}"}
    )
    assert me.json()["account"]["username"] == "demo"
    assert load(run.paths.config / "settings.json").intranet_url == sandbox.base_url
    assert run.autostart.is_on()
    for path in files_under(tmp_path):  # the profile, the autostart entry, everything
        assert token.encode() not in path.read_bytes(), path


def test_every_control_has_an_accessible_name_and_is_reached_with_tab(qtbot, tmp_path) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())
    kinds = (QLineEdit, QAbstractButton, QTimeEdit)
    for page in (
        run.wizard.address_page,
        run.wizard.sign_in_page,
        run.wizard.confirm_page,
        run.wizard.choices_page,
    ):
        controls = [
            w
            for w in page.findChildren(QWidget)
            if isinstance(w, kinds) and not w.objectName().startswith("qt_")  # a spin box's
        ]
        for control in controls:
            assert control.accessibleName(), (type(page).__name__, control)
            assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control
    # Tab from the address field reaches "Try the demo".
    edit = run.wizard.address_page.address_edit
    edit.setFocus()
    seen = set()
    widget: QWidget | None = edit
    for _ in range(20):
        qtbot.keyClick(widget or run.wizard, Qt.Key.Key_Tab)
        widget = run.wizard.focusWidget()
        seen.add(widget)
    assert run.wizard.address_page.demo_button in seen


def test_a_wrong_password_is_one_attempt_and_explained(qtbot, tmp_path, sandbox) -> None:
    keychain = MemoryKeyring()
    run = Run(qtbot, tmp_path, keychain)

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url)
        await sign_in(run, "jan", "fout")

    asyncio.run(go())
    page = run.wizard.sign_in_page
    assert run.wizard.currentId() == PageId.SIGN_IN
    assert page.status.text() == THROTTLED
    assert sandbox.world.login_failures["jan"][0] == 1  # exactly one attempt, no retry
    assert page.password_edit.text() == ""
    assert keychain.entries == {}


def test_throttling_after_three_failures_is_explained_as_such(qtbot, tmp_path, sandbox) -> None:
    for _ in range(3):
        httpx.post(
            f"{sandbox.base_url}/api/v1/auth/login", json={"username": "jan", "password": "x"}
        )
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url)
        await sign_in(run, "jan", "welkom")  # the right password, but throttled

    asyncio.run(go())
    assert run.wizard.currentId() == PageId.SIGN_IN
    assert run.wizard.sign_in_page.status.text() == THROTTLED
    assert "wait a minute" in THROTTLED


def test_no_rest_module_is_found_by_the_address_check(qtbot, tmp_path, sandbox) -> None:
    httpx.post(
        f"{sandbox.base_url}/_sandbox/switch",
        json={"rest_api": False},
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
    ).raise_for_status()
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        run.type(run.wizard.address_page.address_edit, sandbox.base_url)
        run.enter()
        await settle(run)

    asyncio.run(go())
    page = run.wizard.address_page
    assert run.wizard.currentId() == PageId.ADDRESS
    assert page.status.text() == (
        "This address answers, but not as a HumHub intranet with its REST API."
    )
    assert "✗ HumHub API" in page.details.text()


def test_no_rest_module_at_sign_in_again(qtbot, tmp_path, sandbox) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())
    run.onboarding.start_at_sign_in(sandbox.base_url)
    run.wizard.restart()
    httpx.post(
        f"{sandbox.base_url}/_sandbox/switch",
        json={"rest_api": False},
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
    ).raise_for_status()

    async def go() -> None:
        assert run.wizard.currentId() == PageId.SIGN_IN
        await sign_in(run, "demo", "demo")

    asyncio.run(go())
    assert run.wizard.sign_in_page.status.text() == (
        "This address answers, but not as a HumHub intranet with its REST API."
    )


def test_password_sign_in_switched_off_offers_the_token(qtbot, tmp_path, sandbox) -> None:
    httpx.post(
        f"{sandbox.base_url}/_sandbox/switch",
        json={"password_login": False},
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
    ).raise_for_status()
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url)
        await sign_in(run, "demo", "demo")
        page = run.wizard.sign_in_page
        assert page.status.text() == (
            "Password sign-in is switched off on this intranet. Paste a token instead."
        )
        assert page.use_token_box.isChecked()
        assert page.token_edit.isVisible()
        run.type(page.token_edit, sandbox.demo_token)
        run.enter()
        await settle(run)

    asyncio.run(go())
    assert run.wizard.currentId() == PageId.CONFIRM
    assert run.wizard.confirm_page.username_label.text() == "demo"


def test_a_refused_token_says_so(qtbot, tmp_path, sandbox) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url)
        page = run.wizard.sign_in_page
        page.use_token_box.setChecked(True)
        run.type(page.token_edit, "not-a-token")
        run.enter()
        await settle(run)

    asyncio.run(go())
    assert run.wizard.sign_in_page.status.text().startswith("The intranet refused this token.")


def test_an_untrusted_certificate_is_explained(qtbot, tmp_path, monkeypatch) -> None:
    now = datetime.now(UTC)
    _ca, leaf, key = write_certs(
        tmp_path, host="localhost", validity=(now - timedelta(days=1), now + timedelta(days=9))
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(leaf, key)
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        async def handle(_r: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.close()

        asyncio.get_running_loop().set_exception_handler(lambda _l, _c: None)
        server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
        port = server.sockets[0].getsockname()[1]
        try:
            run.type(run.wizard.address_page.address_edit, f"https://localhost:{port}")
            run.enter()
            await settle(run)
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(go())
    assert run.wizard.currentId() == PageId.ADDRESS
    assert run.wizard.address_page.status.text() == (
        "This computer doesn't trust the intranet's certificate. Ask IT to check it."
    )


def test_an_unreachable_intranet_is_explained(qtbot, tmp_path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        run.type(run.wizard.address_page.address_edit, f"http://127.0.0.1:{port}")
        run.enter()
        await settle(run)

    asyncio.run(go())
    assert run.wizard.currentId() == PageId.ADDRESS
    assert run.wizard.address_page.status.text() == (
        "The intranet doesn't answer. It may be down, or you may need the VPN."
    )


def test_an_unreachable_intranet_at_sign_in(qtbot, tmp_path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = Run(qtbot, tmp_path, MemoryKeyring())
    run.onboarding.start_at_sign_in(f"http://127.0.0.1:{port}")
    run.wizard.restart()

    asyncio.run(sign_in(run, "demo", "demo"))
    assert run.wizard.sign_in_page.status.text() == (
        "The intranet doesn't answer. It may be down, or you may need the VPN."
    )


def test_plain_http_to_another_machine_is_refused_with_advice(qtbot, tmp_path) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        run.type(run.wizard.address_page.address_edit, "http://intranet.example.org")
        run.enter()
        await settle(run)

    asyncio.run(go())
    assert run.wizard.currentId() == PageId.ADDRESS
    assert "only over https://" in run.wizard.address_page.status.text()


def test_no_keychain_keeps_the_token_for_this_session_and_says_so(qtbot, tmp_path, sandbox) -> None:
    run = Run(qtbot, tmp_path, DroppingKeyring())

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url)
        await sign_in(run, "demo", "demo")
        run.enter()
        note = run.wizard.choices_page.storage_note
        assert note.isVisible()
        assert "only until Startpunt stops" in note.text()
        run.enter()

    asyncio.run(go())
    [outcome] = run.outcomes
    assert outcome.signed_in is not None
    assert outcome.signed_in.storage is Storage.SESSION_ONLY
    for path in files_under(tmp_path):
        assert outcome.signed_in.token.encode() not in path.read_bytes(), path


def test_what_the_policy_locks_is_prefilled_greyed_and_kept(qtbot, tmp_path, sandbox) -> None:
    policy = Policy(
        locked={"intranet_url": sandbox.base_url, "autostart": False, "working_hours": ()}
    )
    effective = combine(Settings(), frozenset(), policy)
    run = Run(qtbot, tmp_path, MemoryKeyring(), effective)
    page = run.wizard.address_page
    assert page.address_edit.text() == sandbox.base_url
    assert page.address_edit.isReadOnly()
    assert page.locked_label.isVisible()
    choices = run.wizard.choices_page
    assert not choices.autostart_check.isEnabled()
    assert not choices.autostart_check.isChecked()
    assert not choices.hours_check.isEnabled()

    async def go() -> None:
        run.enter()
        await until(lambda: run.wizard.currentId() == PageId.SIGN_IN)
        await sign_in(run, "demo", "demo")
        run.enter()
        choices.kind_boxes["like"].setChecked(False)
        run.enter()

    asyncio.run(go())
    [outcome] = run.outcomes
    assert outcome.effective is not None
    assert outcome.effective.settings.alert_kinds.like is False
    saved = (run.paths.config / "settings.json").read_text()
    assert "intranet_url" not in saved or sandbox.base_url not in saved
    assert not run.autostart.is_on()


def test_working_hours_and_alert_kinds_are_saved(qtbot, tmp_path, sandbox) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())

    async def go() -> None:
        await to_sign_in(run, sandbox.base_url)
        await sign_in(run, "demo", "demo")
        run.enter()
        page = run.wizard.choices_page
        page.hours_check.setChecked(True)
        page.kind_boxes["follow"].setChecked(True)
        page.autostart_check.setChecked(False)
        run.enter()

    asyncio.run(go())
    saved = load(run.paths.config / "settings.json")
    assert [p.weekday for p in saved.working_hours] == [0, 1, 2, 3, 4]
    assert saved.working_hours[0].start.isoformat() == "08:30:00"
    assert saved.alert_kinds.follow is True
    assert not run.autostart.is_on()


def test_escape_asks_only_when_something_was_typed(qtbot, tmp_path) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())
    asked: list[bool] = []

    def ask() -> bool:
        asked.append(True)
        return False  # "No, keep going"

    run.wizard.ask_to_cancel = ask
    run.type(run.wizard.address_page.address_edit, "https://intra")
    qtbot.keyClick(run.wizard.address_page.address_edit, Qt.Key.Key_Escape)
    assert asked == [True]
    assert run.wizard.isVisible()
    assert run.outcomes == []
    fresh = Run(qtbot, tmp_path / "2", MemoryKeyring())
    fresh.wizard.ask_to_cancel = ask
    qtbot.keyClick(fresh.wizard, Qt.Key.Key_Escape)
    assert asked == [True]  # nothing typed: closed without asking
    assert not fresh.wizard.isVisible()
    assert fresh.outcomes == [Outcome()]


def test_try_the_demo_ends_the_wizard_with_the_demo(qtbot, tmp_path) -> None:
    run = Run(qtbot, tmp_path, MemoryKeyring())
    button = run.wizard.address_page.demo_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert run.outcomes == [Outcome(demo=True)]
    assert not run.wizard.isVisible()
