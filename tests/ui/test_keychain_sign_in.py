"""The app's token from the keychain: an expired one means the "sign in again" state with
queued posts kept; `startpunt login`'s `credentials` command swaps in the new token and
polling and the outbox resume together, without a restart. The app as `startpunt` builds and
wires it, against the sandbox on 127.0.0.1, with an in-memory keychain."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import Callable
from pathlib import Path

from desktop.composition import build, wire
from desktop.effective_settings import settings_path
from desktop.keychain_token import Reloader, saved_sign_in
from desktop.paths import Paths
from sandbox.server import SandboxServer
from services.compose import Composition, Draft
from services.models import ConnectionState, Container
from services.secrets import Storage, TokenStore
from services.settings import Settings, save
from tests.fakes.keyrings import MemoryKeyring

MESSAGE = "Verstuurd na startpunt login"


def _expired_jwt() -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS512'})}.{part({'uid': 1, 'exp': 1_000_000_000})}.c2ln"


async def _until(condition: Callable[[], object], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


def test_no_intranet_known_is_one_line_naming_startpunt_login(tmp_path: Path) -> None:
    saved = saved_sign_in(Paths.resolve(tmp_path), None, store=TokenStore(MemoryKeyring))
    assert (saved.base_url, saved.token) == ("", "")
    assert saved.problem == "Not signed in: run `startpunt login --intranet URL --user NAME`"


def test_an_expired_token_then_login_resumes_polling_and_the_outbox(qtbot, tmp_path: Path) -> None:
    keychain = MemoryKeyring()
    store = TokenStore(lambda: keychain)
    with SandboxServer(pace="off", seed=2) as server:
        paths = Paths.resolve(tmp_path)
        paths.ensure()
        save(settings_path(paths), Settings(intranet_url=server.base_url))
        assert store.save(server.base_url, "demo", _expired_jwt()).storage is Storage.KEYCHAIN
        saved = saved_sign_in(paths, None, store=store)
        assert (saved.base_url, saved.token) == (server.base_url, "")
        assert "expired" in saved.problem
        assert "startpunt login --intranet" in saved.problem
        parts = build(paths, saved.base_url, saved.token, poll_interval=None, demo=True)
        wire(parts, asyncio.Event())
        space = server.world.db.one("SELECT * FROM space WHERE slug = 'algemeen'")
        assert space is not None
        target = Container(int(space["id"]), str(space["guid"]), str(space["name"]),
                           int(space["container_id"]))  # fmt: skip
        sent: list[str] = []
        parts.posting.post_sent.connect(sent.append)
        alerts: list[str] = []
        parts.controller.alert_shown.connect(alerts.append)
        states: list[str] = []
        parts.controller.connection_changed.connect(lambda state, _s: states.append(state))

        async def go() -> None:
            controller, posting = parts.controller, parts.posting
            await controller.sign_out()  # what run_app does without a token
            assert controller.state is ConnectionState.AUTH_REQUIRED
            posting.start()
            posting.outbox.enqueue(Composition(Draft(MESSAGE, target.contentcontainer_id), target))
            posting._sender.wake()
            await _until(lambda: posting.outbox.paused, 10)  # refused without a token
            assert posting.outbox.waiting()  # parked, not lost
            assert sent == []
            # `startpunt login` stored a fresh token and sent `credentials`:
            assert store.save(server.base_url, "demo", server.demo_token).storage.value
            controller._poller.start_jitter = parts.controller._poller.start_jitter * 0
            Reloader(
                paths, parts.connector, controller, parts.current_token, store=lambda: store
            ).reload()
            await _until(lambda: bool(sent), 30)
            assert parts.current_token.get() == server.demo_token
            await posting.shutdown()
            await controller.shutdown()

        asyncio.run(go())
        parts.database.close()
        assert states[0] == ConnectionState.AUTH_REQUIRED.value
        assert ConnectionState.ONLINE.value in states
        row = server.world.db.one("SELECT COUNT(*) AS n FROM post WHERE message = ?", (MESSAGE,))
        assert row is not None
        assert row["n"] == 1


def test_logout_while_running_goes_to_sign_in_again(qtbot, tmp_path: Path) -> None:
    keychain = MemoryKeyring()
    store = TokenStore(lambda: keychain)
    with SandboxServer(pace="off", seed=2) as server:
        paths = Paths.resolve(tmp_path)
        paths.ensure()
        parts = build(paths, server.base_url, server.demo_token, poll_interval=None, demo=True)
        wire(parts, asyncio.Event())

        async def go() -> None:
            controller = parts.controller
            controller._poller.start_jitter = controller._poller.start_jitter * 0
            controller.start(first_delay=controller._poller.start_jitter)
            await _until(lambda: controller.state is ConnectionState.ONLINE, 10)
            Reloader(
                paths, parts.connector, controller, parts.current_token, store=lambda: store
            ).reload()  # the keychain is empty: `startpunt logout` ran
            await _until(lambda: controller.state is ConnectionState.AUTH_REQUIRED, 10)
            assert parts.current_token.get() == ""
            await controller.shutdown()

        asyncio.run(go())
        parts.database.close()


def test_the_tokens_exp_passing_means_sign_in_again_without_a_request(
    qtbot, tmp_path: Path
) -> None:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    soon = f"{part({'alg': 'HS512'})}.{part({'uid': 1, 'exp': int(time.time()) + 1})}.c2ln"
    paths = Paths.resolve(tmp_path)
    paths.ensure()
    parts = build(paths, "https://intranet.invalid", soon, poll_interval=None, demo=False)
    wire(parts, asyncio.Event())
    reloader = Reloader(paths, parts.connector, parts.controller, parts.current_token)

    async def go() -> None:
        reloader.watch_expiry(soon)  # no polling started: nothing asks the server
        await _until(lambda: parts.controller.state is ConnectionState.AUTH_REQUIRED, 10)
        assert parts.current_token.get() == ""
        await parts.controller.shutdown()

    asyncio.run(go())
    parts.database.close()
