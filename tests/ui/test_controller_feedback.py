"""AppController: every clicked action answers, Thanks! from the first alerts, why it's offline."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from datetime import UTC, timedelta

from desktop.browser import Browser
from desktop.controller import AppController
from services.alert_policy import AlertPolicy
from services.humhub.diagnosis import CheckResult
from services.models import (
    Alert,
    AlertAction,
    CommentApi,
    ConnectionState,
    CurrentUser,
    Post,
)
from services.poller import Poller, PollOutcome
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import ME, FakePort, make_notification


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
        return


@dataclass
class Port(FakePort):
    """FakePort that remembers the comments and speaks the intranet user's language."""

    language: str = ""
    comments: list[str] = field(default_factory=list)

    async def current_user(self) -> CurrentUser:
        self._enter("current_user")
        return CurrentUser(ME, "demo", "demo@example.org", 1, language=self.language)

    async def comment_on_post(
        self, post_id: int | None, content_id: int | None, message: str, *, api: CommentApi
    ) -> int:
        self._enter("comment_on_post")
        self.comments.append(message)
        return len(self.comments)


def _controller(
    port: FakePort, settings: Settings | None = None, checks=None
) -> tuple[AppController, FakeNotifier]:
    clock = FakeClock()
    seen = SeenStore(Database.in_memory(), clock=clock)
    controller = AppController(
        port,
        Poller(port, clock, random.Random(1), seen=seen),
        Browser(port.base_url),
        policy=AlertPolicy(seen),
        quiet=QuietHours((), UTC, clock),
        settings=settings or Settings(),
        clock=clock,
        checks=checks,
    )
    notifier = FakeNotifier()
    controller.set_notifier(notifier)
    return controller, notifier


async def _poll(controller: AppController) -> None:
    await controller.handle_outcome(await controller._poller.poll_once())


async def _settle(controller: AppController) -> None:
    deadline = asyncio.get_running_loop().time() + 5
    while controller._background and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)
    assert not controller._background


def _liked_post_port(**kw: object) -> Port:
    n = make_notification(7, 'Jan vindt je bericht "Dank aan iedereen" leuk.')
    post = Post(2, 102, "Dank aan iedereen", ME, None, "https://x/p/2", 5)
    return Port(unseen=[n], recent_posts=[post], **kw)  # type: ignore[arg-type]


def test_the_first_alerts_after_start_offer_thanks(qtbot):
    port = _liked_post_port()
    controller, notifier = _controller(port)
    asyncio.run(_poll(controller))
    assert [a.notification_id for a in notifier.shown] == [7]
    assert AlertAction.THANK in notifier.shown[0].actions


def test_thanks_from_an_alert_updates_it_and_a_second_click_is_answered(qtbot):
    port = _liked_post_port()
    controller, notifier = _controller(port)

    async def go() -> None:
        await _poll(controller)
        alert = notifier.shown[-1]
        controller.on_alert_action(alert, AlertAction.THANK)
        await _settle(controller)
        done = notifier.shown[-1]
        assert done.key == alert.key  # updated in place ...
        assert AlertAction.THANK not in done.actions  # ... without its Thanks! button
        assert "You said thanks." in done.body
        controller.on_alert_action(alert, AlertAction.THANK)  # a second click on the old one
        await _settle(controller)

    with qtbot.waitSignals([controller.thanked, controller.thanked]):
        asyncio.run(go())
    assert port.comments == ["Thank you!"]
    assert notifier.shown[-1].key == "thanks:7"
    assert notifier.shown[-1].body == "You already said thanks for this."


def test_a_failed_thanks_is_shown_to_the_user(qtbot):
    port = _liked_post_port()
    port.recent_posts = []  # the post can't be found
    controller, notifier = _controller(port)

    async def go() -> None:
        await _poll(controller)
        controller.on_alert_action(notifier.shown[-1], AlertAction.THANK)
        await _settle(controller)

    with qtbot.waitSignal(controller.thanked) as thanked:
        asyncio.run(go())
    assert thanked.args == [7, False]
    assert port.comments == []
    assert notifier.shown[-1].key == "thanks:7"
    assert "not found" in notifier.shown[-1].body


def test_the_thanks_text_follows_the_intranet_language_or_the_setting(qtbot):
    port = _liked_post_port(language="nl")  # a Dutch intranet account, an English desktop
    controller, notifier = _controller(port)

    async def go(ctl: AppController, note: FakeNotifier) -> None:
        await _poll(ctl)
        ctl.on_alert_action(note.shown[-1], AlertAction.THANK)
        await _settle(ctl)

    asyncio.run(go(controller, notifier))
    assert port.comments == ["Bedankt!"]
    own = _liked_post_port(language="nl")
    controller, notifier = _controller(own, Settings(thanks_text="Top, dank je!"))
    asyncio.run(go(controller, notifier))
    assert own.comments == ["Top, dank je!"]


def test_a_refused_token_alerts_once_per_episode_and_says_what_to_do(qtbot):
    controller, notifier = _controller(FakePort())
    causes: list[str] = []
    controller.connection_cause.connect(causes.append)
    refused = PollOutcome(ConnectionState.AUTH_REQUIRED, timedelta(0))
    online = PollOutcome(ConnectionState.ONLINE, timedelta(seconds=30), unread=0)

    async def go() -> None:
        for outcome in (refused, refused, online, refused):
            await controller.handle_outcome(outcome)
            await _settle(controller)

    asyncio.run(go())
    auth = [a for a in notifier.shown if a.key == "auth"]
    assert len(auth) == 2  # the first episode once, the second once
    assert "choose Sign in again" in auth[0].body  # the button opens the wizard
    assert "Posts waiting to be sent are kept" in auth[0].body
    assert auth[0].actions == (AlertAction.SIGN_IN, AlertAction.DISMISS)
    assert any("Sign in…" in c for c in causes)
    asked: list[bool] = []
    controller.sign_in_requested.connect(lambda: asked.append(True))
    controller.on_alert_action(auth[0], AlertAction.SIGN_IN)
    assert asked == [True]


def test_offline_says_the_checked_cause_and_the_report_lists_the_steps(qtbot):
    runs: list[int] = []

    async def checks() -> AsyncIterator[CheckResult]:
        runs.append(1)
        yield CheckResult("address", True, "https://intranet.example")
        yield CheckResult("dns", True, "resolves")
        yield CheckResult("tcp", False, "cannot connect: connection refused")

    controller, _ = _controller(FakePort(), checks=checks)
    causes: list[str] = []
    reports: list[tuple[str, object]] = []
    controller.connection_cause.connect(causes.append)
    controller.connection_checked.connect(lambda cause, lines: reports.append((cause, lines)))
    offline = PollOutcome(ConnectionState.OFFLINE, timedelta(seconds=10))

    async def go() -> None:
        for _ in range(3):  # one check per offline episode, not per poll
            await controller.handle_outcome(offline)
            await _settle(controller)
        controller.check_connection()
        await _settle(controller)

    asyncio.run(go())
    assert len(runs) == 2
    assert causes[0] == "The intranet doesn't answer. It may be down, or you may need the VPN."
    cause, lines = reports[0]
    assert cause == causes[0]
    assert lines == (
        ("Address", True, "https://intranet.example"),
        ("Name lookup (DNS)", True, "resolves"),
        ("Connection", False, "cannot connect: connection refused"),
    )


def test_the_offline_cause_is_cleared_when_back_online(qtbot):
    controller, _ = _controller(FakePort())
    causes: list[str] = []
    controller.connection_cause.connect(causes.append)
    asyncio.run(
        controller.handle_outcome(replace(PollOutcome(ConnectionState.ONLINE, timedelta(0))))
    )
    assert causes == [""]


def test_the_badge_agrees_with_the_panel_when_it_opens(qtbot):
    port = FakePort(unseen=[make_notification(i) for i in range(5, 0, -1)])
    controller, _ = _controller(port)
    badges: list[int] = []
    controller.unread_changed.connect(badges.append)

    async def go() -> None:
        await _poll(controller)  # the badge says 5
        del port.unseen[:2]  # two were read in the browser meanwhile
        controller.load_panel()
        await _settle(controller)

    with qtbot.waitSignal(controller.notifications_changed) as panel:
        asyncio.run(go())
    assert len(panel.args[1]) == 3
    assert badges[-1] == 3  # before the next poll


def test_mark_all_read_closes_the_alerts_on_screen(qtbot):
    port = FakePort(unseen=[make_notification(2), make_notification(1)])
    controller, notifier = _controller(port)

    async def go() -> None:
        await _poll(controller)
        controller.on_alert_action(notifier.shown[-1], AlertAction.MARK_ALL_READ)
        await _settle(controller)

    asyncio.run(go())
    assert notifier.withdrawn == 1


def test_each_failing_check_has_its_own_sentence(qtbot):
    from desktop.connection_check import ConnectionWords

    words = ConnectionWords()
    sentences = {
        name: words.cause((CheckResult("address", True, "x"), CheckResult(name, False, "why")))
        for name in ("dns", "tcp", "tls", "api", "sign-in")
    }
    assert len(set(sentences.values())) == 5
    assert "certificate" in sentences["tls"]
    assert "HumHub" in sentences["api"]
    assert words.cause((CheckResult("address", True, "x"),)) == ""


def test_the_empty_panel_says_it_is_not_connected(qtbot):
    from desktop.panel_host import PanelHost

    host = PanelHost(as_window=True)
    host.set_cause("The intranet doesn't answer.")
    panel = host.panel()
    qtbot.addWidget(panel)
    assert panel.empty_label.text() == "Not connected to the intranet, so nothing to show yet."
    host.set_cause("")
    assert panel.empty_label.text() == "Nothing new. Enjoy your day!"


def test_the_connection_report_lists_every_step(qtbot):
    from desktop.panel_host import PanelHost

    host = PanelHost(as_window=True)
    lines = (("Address", True, "https://x"), ("Connection", False, "refused"))
    host.show_connection_report("The intranet doesn't answer.", lines)
    report = host.report
    assert report is not None
    qtbot.addWidget(report)
    assert report.summary_label.text() == "The intranet doesn't answer."  # type: ignore[attr-defined]
    texts = [[cell.text() for cell in row] for row in report.rows]  # type: ignore[attr-defined]
    assert texts == [["✓", "Address", "https://x"], ["✗", "Connection", "refused"]]


def test_a_failed_mark_all_read_is_shown(qtbot):
    from services.errors import OfflineError

    port = FakePort(unseen=[make_notification(1)])
    controller, notifier = _controller(port)

    async def go() -> None:
        await _poll(controller)
        port.fail_with.append(OfflineError("refused"))
        controller.mark_all_read()
        await _settle(controller)

    asyncio.run(go())
    assert notifier.shown[-1].key == "mark-all-read"
    assert notifier.withdrawn == 0


@dataclass
class SlowCommentPort(Port):
    """The comment request waits until the test lets it answer."""

    answer: asyncio.Event = field(default_factory=asyncio.Event)
    asked: asyncio.Event = field(default_factory=asyncio.Event)

    async def comment_on_post(
        self, post_id: int | None, content_id: int | None, message: str, *, api: CommentApi
    ) -> int:
        self.asked.set()
        await self.answer.wait()
        return await super().comment_on_post(post_id, content_id, message, api=api)


def test_two_quick_thanks_before_the_server_is_known_say_already_not_not_found(qtbot):
    """Thanks! clicked twice from the panel while the app still learns what the server can do:
    both clicks wait for it; the second must be answered "already", never "post not found"."""
    n = make_notification(7, 'Jan vindt je bericht "Dank aan iedereen" leuk.')
    post = Post(2, 102, "Dank aan iedereen", ME, None, "https://x/p/2", 5)
    port = SlowCommentPort(unseen=[n], recent_posts=[post])
    controller, notifier = _controller(port)
    outcomes: list[tuple[int, bool]] = []
    controller.thanked.connect(lambda nid, ok: outcomes.append((nid, ok)))

    async def go() -> None:
        port.answer, port.asked = asyncio.Event(), asyncio.Event()  # on this loop
        controller.load_panel()  # the panel knows the notification; capabilities unknown
        await _settle(controller)
        controller.thank(7)
        controller.thank(7)  # a second, impatient click
        await asyncio.wait_for(port.asked.wait(), 5)
        deadline = asyncio.get_running_loop().time() + 5
        while not outcomes and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)
        port.answer.set()
        await _settle(controller)

    asyncio.run(go())
    assert port.comments == ["Thank you!"]
    refusals = [a.body for a in notifier.shown if a.key == "thanks:7"]
    assert refusals == ["You already said thanks for this."]  # never "post not found"
    assert (7, False) not in outcomes  # the panel never offers Thanks! again meanwhile
    assert outcomes[-1] == (7, True)


def test_a_check_that_ends_after_the_app_is_back_online_leaves_no_stale_cause(qtbot):
    """The automatic check of an offline episode may finish after the next poll is already
    online again; its (now stale) cause must not make the panel say "Not connected"."""
    release = asyncio.Event()

    async def checks() -> AsyncIterator[CheckResult]:
        yield CheckResult("address", True, "https://intranet.example")
        await release.wait()  # the check is slow (a TCP timeout) ...
        yield CheckResult("tcp", False, "cannot connect: timed out")

    controller, _ = _controller(FakePort(), checks=checks)
    causes: list[str] = []
    controller.connection_cause.connect(causes.append)

    async def go() -> None:
        await controller.handle_outcome(PollOutcome(ConnectionState.OFFLINE, timedelta(10)))
        await controller.handle_outcome(PollOutcome(ConnectionState.ONLINE, timedelta(30)))
        release.set()  # ... and ends when the app is online again
        await _settle(controller)

    asyncio.run(go())
    assert causes == [""]  # cleared when online, never set again by the late check
