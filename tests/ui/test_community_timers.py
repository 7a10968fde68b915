"""The community timers on a fake clock: what they show, what they remember, what they open."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field
from datetime import datetime, time
from zoneinfo import ZoneInfo

from desktop.browser import Browser
from desktop.community_text import WEEK_URL
from desktop.community_timers import CommunityTimers
from desktop.controller import AppController
from services.activity import ActivityJournal
from services.alert_policy import AlertPolicy
from services.community_schedule import FIRST_START, WEEK_SHOWN, CommunityState
from services.link_policy import judge_link
from services.models import Alert, AlertAction, CurrentUser, Post
from services.policy import Policy
from services.poller import Poller
from services.quiet_hours import QuietHours, weekly
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from services.week_model import WeekSummary
from tests.fakes.clock import FakeClock
from tests.fakes.port import ME, FakePort, make_notification
from tests.ui.test_controller import FakeNotifier

AMS = ZoneInfo("Europe/Amsterdam")
FRIDAY_15 = datetime(2026, 12, 4, 15, 0, tzinfo=AMS)
DEFAULT_PICTURE = "https://intranet.example/static/img/default_user.jpg"


@dataclass
class ProfilePort(FakePort):
    profile: CurrentUser = field(
        default_factory=lambda: CurrentUser(
            ME, "sanne", "s@example.org", 1, image_url=DEFAULT_PICTURE
        )
    )

    async def current_user(self) -> CurrentUser:
        self._enter("current_user")
        return self.profile


@dataclass
class Rig:
    timers: CommunityTimers
    shown: list[Alert]
    opened: list[WeekSummary]
    clock: FakeClock
    db: Database
    port: ProfilePort


def rig(db: Database, *, settings: Settings | None = None, policy: Policy | None = None,
        port: ProfilePort | None = None) -> Rig:  # fmt: skip
    clock = FakeClock(FRIDAY_15.astimezone(ZoneInfo("UTC")))
    shown: list[Alert] = []
    opened: list[WeekSummary] = []
    port = port or ProfilePort()
    timers = CommunityTimers(
        port=port,
        journal=ActivityJournal(db, clock),
        state=CommunityState(db),
        quiet=QuietHours(weekly(range(5), time(8, 30), time(17)), AMS, clock),
        clock=clock,
        settings=settings or Settings(),
        policy=policy or Policy(),
        show_alert=shown.append,
        open_week=opened.append,
    )
    return Rig(timers, shown, opened, clock, db, port)


def run(r: Rig, name: str) -> None:
    async def go() -> None:
        r.timers._started = True
        await r.timers._run(name, demo=False)
        r.timers.stop()

    asyncio.run(go())


def test_jouw_week_is_shown_once_with_the_counts_and_survives_a_restart(qtbot, tmp_path) -> None:
    db = Database.open(tmp_path / "db.sqlite3")
    r = rig(db)
    r.timers.notifications_seen((make_notification(1), make_notification(2, who="Sara")))
    run(r, "week")
    assert [a.title for a in r.shown] == ["Your week"]
    assert r.shown[0].body.startswith("2 like")
    assert r.shown[0].url == WEEK_URL
    run(r, "week")
    assert len(r.shown) == 1
    db.close()
    again = rig(Database.open(tmp_path / "db.sqlite3"))
    run(again, "week")
    assert again.shown == []


def test_the_weeks_alert_opens_the_window_through_the_controller(qtbot) -> None:
    r = rig(Database.in_memory())
    clock = r.clock
    db = Database.in_memory()
    seen = SeenStore(db, clock=clock)
    controller = AppController(
        r.port, Poller(r.port, clock, random.Random(1), seen=seen), Browser(r.port.base_url),
        policy=AlertPolicy(seen), quiet=r.timers._quiet, settings=Settings(), clock=clock,
    )  # fmt: skip
    controller.set_notifier(FakeNotifier())
    controller.notifications_arrived.connect(r.timers.notifications_seen)
    controller.window_opens.update(r.timers.local_actions)
    r.port.unseen = [make_notification(7)]

    async def poll() -> None:
        await controller.handle_outcome(await controller._poller.poll_once())

    asyncio.run(poll())
    run(r, "week")
    controller.on_alert_action(r.shown[0], AlertAction.OPEN)
    assert len(r.opened) == 1
    assert r.opened[0].likes == 1


def test_switched_off_or_too_early_shows_nothing(qtbot) -> None:
    r = rig(Database.in_memory(), settings=Settings(jouw_week=False))
    run(r, "week")
    early = rig(Database.in_memory())
    early.clock._now = datetime(2026, 12, 3, 10, tzinfo=AMS)
    run(early, "week")
    assert r.shown == early.shown == []


def test_profile_nudge_monthly_with_a_link_that_passes_and_never_once_complete(qtbot) -> None:
    db = Database.in_memory()
    r = rig(db)
    run(r, "nudge")
    assert [a.title for a in r.shown] == ["Complete your profile"]
    assert "a picture" in r.shown[0].body
    assert r.shown[0].url == "https://intranet.example/user/account/edit"
    assert judge_link(r.shown[0].url, intranet=r.port.base_url).allowed
    run(r, "nudge")
    assert len(r.shown) == 1
    assert r.port.calls.count("current_user") == 1  # the same month: not even asked
    complete = ProfilePort(profile=CurrentUser(
        ME, "sanne", "s@example.org", 1, image_url="https://intranet.example/uploads/p/g.jpg",
        title="Wijkverpleegkundige", about="Wijkteam Noord"))  # fmt: skip
    later = rig(Database.in_memory(), port=complete)
    run(later, "nudge")
    run(later, "nudge")
    assert later.shown == []
    assert complete.calls.count("current_user") == 1


def test_weekly_tip_built_in_then_from_the_tips_space(qtbot) -> None:
    r = rig(Database.in_memory(), settings=Settings(weekly_tip=True))
    r.clock._now = datetime(2026, 11, 30, 10, tzinfo=AMS)  # Monday 10:00
    run(r, "tip")
    assert [a.title for a in r.shown] == ["Tip of the week"]
    assert r.shown[0].actions == (AlertAction.DISMISS,)
    run(r, "tip")
    assert len(r.shown) == 1
    port = ProfilePort(posts=[
        Post(41, 141, "Oude tip", None, None, "https://intranet.example/p/41", 30),
        Post(42, 142, "**Tip:** zet je status op afwezig", None, None,
             "https://intranet.example/p/42", 30),
    ])  # fmt: skip
    space = rig(Database.in_memory(), settings=Settings(weekly_tip=True),
                policy=Policy(tips_container_id=30), port=port)  # fmt: skip
    space.clock._now = datetime(2026, 11, 30, 10, tzinfo=AMS)
    run(space, "tip")
    assert space.shown[0].body == "Tip: zet je status op afwezig"
    assert space.shown[0].url == "https://intranet.example/p/42"
    space.clock._now = datetime(2026, 12, 7, 10, tzinfo=AMS)
    run(space, "tip")  # nothing newer in the space: a built-in tip
    assert space.shown[1].url == ""


def test_the_tray_entry_asks_for_the_week(qtbot) -> None:
    from desktop.tray import TrayIcon

    tray = TrayIcon()
    r = rig(Database.in_memory())
    tray.week_requested.connect(r.timers.show_week)
    tray.week_action.trigger()
    assert len(r.opened) == 1
    assert r.opened[0].empty


def test_a_first_start_is_remembered_and_spares_the_new_user(qtbot, tmp_path) -> None:
    """A brand-new profile: no profile reminder on day one, and the first start survives a
    restart (it is written once)."""
    db = Database.open(tmp_path / "db.sqlite3")
    r = rig(db)

    async def start() -> None:
        r.timers.start()
        await r.timers._run("nudge", demo=False)
        r.timers.stop()

    asyncio.run(start())
    assert r.shown == []
    first = CommunityState(db).get(FIRST_START)
    assert datetime.fromisoformat(first) == r.clock.now()
    db.close()
    later = rig(Database.open(tmp_path / "db.sqlite3"))
    later.clock._now = datetime(2026, 12, 7, 10, tzinfo=AMS)  # the Monday after, working time

    async def restart() -> None:
        later.timers.start()
        await later.timers._run("nudge", demo=False)
        later.timers.stop()

    asyncio.run(restart())
    assert [a.title for a in later.shown] == ["Complete your profile"]
    assert CommunityState(later.db).get(FIRST_START) == first


@dataclass
class HangingPort(ProfilePort):
    asked: asyncio.Event = field(default_factory=asyncio.Event)

    async def current_user(self) -> CurrentUser:
        self.asked.set()
        await asyncio.Event().wait()  # the server never answers
        return self.profile


def test_shutdown_ends_a_running_fetch_before_it_returns(qtbot, tmp_path) -> None:
    db = Database.open(tmp_path / "db.sqlite3")

    async def go() -> None:
        port = HangingPort()
        r = rig(db, port=port)
        r.timers._started = True
        r.timers._fire("nudge", False)
        await asyncio.wait_for(port.asked.wait(), timeout=10)
        tasks = list(r.timers._tasks)
        await r.timers.shutdown()
        assert tasks
        assert all(t.done() for t in tasks)
        assert not r.timers._handles
        r.timers.start()  # the first poll ended while quitting: nothing is set again
        assert not r.timers._handles

    asyncio.run(go())
    db.close()


def test_an_empty_week_gives_no_alert_but_counts_as_done(qtbot) -> None:
    db = Database.in_memory()
    r = rig(db)
    run(r, "week")
    assert r.shown == []
    assert CommunityState(db).get(WEEK_SHOWN) != ""  # not tried again this week
    r.timers.show_week()
    assert r.opened[0].empty  # the tray still shows the (empty) week
