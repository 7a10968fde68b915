"""AppController: poll outcomes become tray signals and alerts; alert actions open links."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, timedelta

import pytest

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from desktop.browser import Browser
from desktop.controller import AppController
from services.alert_policy import AlertPolicy
from services.errors import OfflineError
from services.models import Alert, AlertAction, ConnectionState
from services.poller import Poller, PollOutcome
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort, make_notification


class FakeNotifier:
    supports_buttons = True

    def __init__(self) -> None:
        self.shown: list[Alert] = []
        self.withdrawn = 0

    async def withdraw_all(self) -> None:
        self.withdrawn += 1

    async def show(self, alert: Alert) -> str | None:
        self.shown.append(alert)
        return str(len(self.shown))

    async def close(self) -> None:
        self.closed = True


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def url_catcher(qapp):
    catcher = UrlCatcher()
    for scheme in ("https", "http"):
        # PySide6's stub says bytes, its runtime accepts only str.
        QDesktopServices.setUrlHandler(scheme, catcher, "catch")  # type: ignore[arg-type]
    yield catcher
    for scheme in ("https", "http"):
        QDesktopServices.unsetUrlHandler(scheme)


def _controller(port: FakePort) -> tuple[AppController, FakeNotifier]:
    clock = FakeClock()
    db = Database.in_memory()
    seen = SeenStore(db, clock=clock)
    poller = Poller(port, clock, random.Random(1), seen=seen)
    controller = AppController(
        port,
        poller,
        Browser(port.base_url),
        policy=AlertPolicy(seen),
        quiet=QuietHours((), UTC, clock),
        settings=Settings(),
        clock=clock,
    )
    notifier = FakeNotifier()
    controller.set_notifier(notifier)
    return controller, notifier


def _run_poll(controller: AppController, poller_port: FakePort) -> PollOutcome:
    async def go() -> PollOutcome:
        outcome = await controller._poller.poll_once()
        await controller.handle_outcome(outcome)
        return outcome

    return asyncio.run(go())


def test_controller_alerts_each_new_notification_once(qtbot):
    port = FakePort(unseen=[make_notification(2), make_notification(1)])
    controller, notifier = _controller(port)
    with qtbot.waitSignal(controller.unread_changed) as unread:
        _run_poll(controller, port)
    assert unread.args == [2]
    assert [a.notification_id for a in notifier.shown] == [1, 2]  # oldest first
    assert notifier.shown[0].title == "Jan de Boer"
    assert notifier.shown[0].url == "https://intranet.example/notification/entry?id=1"
    _run_poll(controller, port)
    assert len(notifier.shown) == 2


def test_controller_summarises_a_backlog_in_one_alert(qtbot):
    port = FakePort(unseen=[make_notification(i) for i in range(30, 0, -1)])
    controller, notifier = _controller(port)
    _run_poll(controller, port)
    assert len(notifier.shown) == 1
    assert "30" in notifier.shown[0].body


def test_controller_reports_offline_with_retry_delay(qtbot):
    port = FakePort(fail_with=[OfflineError("refused")])
    controller, _ = _controller(port)
    with qtbot.waitSignal(controller.connection_changed) as changed:
        _run_poll(controller, port)
    state, retry = changed.args
    assert state == ConnectionState.OFFLINE.value
    assert 10 <= retry <= 15  # never closer than the minimum gap


def test_controller_open_action_opens_the_entry_url(qtbot, url_catcher):
    port = FakePort(unseen=[make_notification(5)])
    controller, notifier = _controller(port)
    _run_poll(controller, port)
    controller.on_alert_action(notifier.shown[0], AlertAction.OPEN)
    assert url_catcher.opened == ["https://intranet.example/notification/entry?id=5"]


def test_controller_refuses_to_open_a_foreign_link(qtbot, url_catcher):
    port = FakePort()
    controller, _ = _controller(port)
    evil = Alert("k", "t", "b", "https://intranet.example@evil.example/")
    controller.on_alert_action(evil, AlertAction.OPEN)
    assert url_catcher.opened == []


def test_controller_first_poll_done_fires_once(qtbot):
    port = FakePort()
    controller, _ = _controller(port)
    fired: list[bool] = []
    controller.first_poll_done.connect(lambda: fired.append(True))
    _run_poll(controller, port)
    _run_poll(controller, port)
    assert fired == [True]


def test_controller_start_and_shutdown_close_the_port(qtbot):
    port = FakePort()
    controller, _ = _controller(port)

    async def go() -> None:
        controller.start(first_delay=timedelta(0))
        await asyncio.sleep(0.05)
        await controller.shutdown()

    asyncio.run(go())
    assert port.calls[0] == "list_notifications"  # the first poll: count and details at once
    assert port.calls[-1] == "aclose"


def _run(coro):
    return asyncio.run(coro)


def test_controller_mark_all_read_clears_the_badge(qtbot):
    port = FakePort(unseen=[make_notification(1)])
    controller, _ = _controller(port)
    _run_poll(controller, port)
    with qtbot.waitSignal(controller.unread_changed) as unread:
        _run(controller._mark_all_read())
    assert unread.args == [0]
    assert "mark_all_seen" in port.calls


def test_controller_panel_gets_recent_items_and_unread_ids(qtbot):
    port = FakePort(unseen=[make_notification(3), make_notification(2)])
    controller, _ = _controller(port)
    with qtbot.waitSignal(controller.notifications_changed) as changed:
        _run(controller._load_panel())
    items, unread = changed.args
    assert [n.id for n in items] == [3, 2]
    assert unread == frozenset({3, 2})


def test_controller_pause_holds_alerts_and_resume_summarises(qtbot):
    port = FakePort()
    controller, notifier = _controller(port)

    async def go() -> None:
        controller.pause("1h")
        port.unseen[:0] = [make_notification(5), make_notification(4)]
        await controller.handle_outcome(await controller._poller.poll_once())
        assert notifier.shown == []  # quiet: straight to the panel
        controller.pause("resume")
        controller._poller.forget_probe()
        await controller.handle_outcome(await controller._poller.poll_once())

    with qtbot.waitSignal(controller.paused_changed):
        _run(go())
    assert len(notifier.shown) == 1
    assert "2" in notifier.shown[0].body  # one summary of what arrived meanwhile


def test_controller_restarts_polling_after_a_401(qtbot):
    from services.errors import AuthError

    port = FakePort(fail_with=[AuthError("expired", status=401)])
    controller, _ = _controller(port)
    states: list[str] = []
    controller.connection_changed.connect(lambda state, _retry: states.append(state))

    async def go() -> None:
        controller.start(first_delay=timedelta(0))
        await asyncio.sleep(0.05)
        assert controller.state is ConnectionState.AUTH_REQUIRED
        controller._poller.start_jitter = timedelta(0)
        controller._clock.advance(timedelta(seconds=11))  # type: ignore[attr-defined]
        controller.restart_polling()
        await asyncio.sleep(0.05)
        await controller.shutdown()

    _run(go())
    assert states[0] == ConnectionState.AUTH_REQUIRED.value
    assert ConnectionState.ONLINE.value in states[1:]
