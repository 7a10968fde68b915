"""The wizard from the running app: "Sign in again" (a signed-out app, a post queued) opens it
at the sign-in page with the address filled; finishing swaps the token in and polling and the
outbox resume together, without a restart and with the queued post sent once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from desktop.alert_text import auth_alert
from desktop.autostart import for_this_system
from desktop.composition import build, wire
from desktop.onboarding import Onboarding, Outcome
from desktop.onboarding_flow import WizardLauncher, make_wizard
from desktop.paths import Paths
from sandbox.server import SandboxServer
from services.compose import Composition, Draft
from services.models import AlertAction, ConnectionState, Container
from services.policy import Effective
from services.secrets import TokenStore
from tests.fakes.keyrings import MemoryKeyring
from tests.waiting import until
from ui.onboarding import PageId

MESSAGE = "Verstuurd na opnieuw aanmelden"


def test_sign_in_again_from_the_alert_resumes_polling_and_sends_the_queued_post(
    qtbot, tmp_path: Path
) -> None:
    keychain = MemoryKeyring()
    with SandboxServer(pace="off", seed=2) as server:
        paths = Paths.resolve(tmp_path / "profile")
        paths.ensure()
        parts = build(paths, server.base_url, "", poll_interval=None, demo=True)
        wire(parts, asyncio.Event())
        rebuilt: list[Outcome] = []
        made: list[Onboarding] = []

        def make(paths: Paths, effective: Effective, profile: Path | None) -> Onboarding:
            onboarding = make_wizard(
                paths,
                effective,
                profile,
                store=TokenStore(lambda: keychain),
                autostart=for_this_system(
                    platform="linux", env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
                ),
            )
            onboarding.wizard.ask_to_cancel = lambda: True
            qtbot.addWidget(onboarding.wizard)
            made.append(onboarding)
            return onboarding

        launcher = WizardLauncher(paths, parts, None, rebuilt.append, make=make)
        parts.controller.sign_in_requested.connect(lambda: launcher.open(at_sign_in=True))
        space = server.world.db.one("SELECT * FROM space WHERE slug = 'algemeen'")
        assert space is not None
        target = Container(int(space["id"]), str(space["guid"]), str(space["name"]),
                           int(space["container_id"]))  # fmt: skip
        sent: list[str] = []
        parts.posting.post_sent.connect(sent.append)

        async def go() -> None:
            controller, posting = parts.controller, parts.posting
            controller._poller.start_jitter = controller._poller.start_jitter * 0
            await controller.sign_out()  # what the app does without a token
            posting.start()
            posting.outbox.enqueue(Composition(Draft(MESSAGE, target.contentcontainer_id), target))
            posting._sender.wake()
            await until(lambda: posting.outbox.paused, 10)  # refused without a token: kept
            controller.on_alert_action(auth_alert(), AlertAction.SIGN_IN)  # "Sign in again"
            [onboarding] = made
            wizard = onboarding.wizard
            assert wizard.isVisible()
            assert wizard.currentId() == PageId.SIGN_IN
            assert server.base_url in wizard.sign_in_page.address_label.text()
            wizard.sign_in_page.username_edit.setText("demo")
            wizard.sign_in_page.password_edit.setText("demo")
            wizard.next()
            await until(lambda: wizard.currentId() == PageId.CONFIRM, 20)
            wizard.next()
            wizard.accept()
            await until(lambda: bool(sent), 30)
            assert controller.state is ConnectionState.ONLINE
            await posting.shutdown()
            await controller.shutdown()

        asyncio.run(go())
        parts.database.close()
        assert rebuilt == []  # same intranet, same settings: no rebuild
        assert launcher.current is None
        row = server.world.db.one("SELECT COUNT(*) AS n FROM post WHERE message = ?", (MESSAGE,))
        assert row is not None
        assert row["n"] == 1


def test_the_tray_menu_offers_sign_in_and_change_intranet(qtbot) -> None:
    from desktop.tray import TrayIcon

    tray = TrayIcon()
    asked: list[str] = []
    tray.sign_in_requested.connect(lambda: asked.append("sign in"))
    tray.change_intranet_requested.connect(lambda: asked.append("change"))
    texts = [a.text() for a in tray.menu.actions()]
    assert "Sign in…" in texts
    assert "Change intranet…" in texts
    tray.sign_in_action.trigger()
    tray.change_intranet_action.trigger()
    assert asked == ["sign in", "change"]


def test_another_intranet_from_change_intranet_rebuilds_the_app(qtbot, tmp_path: Path) -> None:
    from types import SimpleNamespace
    from typing import cast

    from desktop.app import Start, _after_wizard
    from desktop.composition import Parts
    from desktop.onboarding import SignedIn
    from services.policy import Policy, combine
    from services.secrets import Storage
    from services.settings import Settings

    effective = combine(Settings(), frozenset(), Policy())
    parts = SimpleNamespace(
        connector=SimpleNamespace(base_url="https://old.example.org"), effective=effective
    )
    rebuilt: list[Outcome] = []
    launcher = WizardLauncher(Paths.resolve(tmp_path), cast(Parts, parts), None, rebuilt.append)
    signed = SignedIn("https://new.example.org", "t0ken", "alice", Storage.KEYCHAIN)
    outcome = Outcome(signed_in=signed, effective=effective)
    launcher._finished(outcome)
    assert rebuilt == [outcome]  # a new build in this process, no restart
    start = Start("https://old.example.org", "", loaded=(effective, True))
    after = _after_wizard(outcome, start, Paths.resolve(tmp_path), None, [])  # type: ignore[arg-type]
    assert after == Start("https://new.example.org", "t0ken", loaded=(effective, True))
    assert _after_wizard(Outcome(), start, Paths.resolve(tmp_path), None, []) == start  # type: ignore[arg-type]
    nowhere = Start("", "", loaded=(effective, True))
    assert _after_wizard(Outcome(), nowhere, Paths.resolve(tmp_path), None, []) is None  # type: ignore[arg-type]
