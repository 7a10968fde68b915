"""LeadershipWatch on a fake clock: leaders' posts alert once, the weekly nudge comes once a
week in working time (made up later that week when missed), and the nudge window opens posts."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from desktop.i18n import install_translations
from desktop.leadership import NUDGE_URL, LeadershipWatch, post_link
from services.models import Alert, Notification, NotificationKind, Person, Post
from services.people import PeopleStore
from services.quiet_hours import QuietHours, weekly
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import ME, FakePort
from ui.leader_nudge_window import LeaderNudgeWindow

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_8 = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)  # 08:00 in Amsterdam: before work
BOSS = Person(9, "guid-boss", "Marieke Jansen")
JAN = Person(3, "guid-jan", "Jan Bakker")
WORK = weekly(range(5), time(8, 30), time(17, 0))


@pytest.fixture
def english(qapp):
    install_translations(qapp, "en")  # plural forms come from startpunt_en.qm
    yield
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


def _post(pid: int, who: Person, at: datetime, *, cid: int = 10) -> Post:
    return Post(pid, pid + 100, f"Bericht {pid}", who, at, f"https://intranet.example/p/{pid}", cid)


def _watch(db: Database, clock: FakeClock, port: FakePort, leaders: tuple[str, ...]):
    shown: list[Alert] = []
    watch = LeadershipWatch(
        port, SeenStore(db, clock=clock), PeopleStore(db, clock=clock),
        quiet=QuietHours(WORK, AMS, clock), tz=AMS, clock=clock,
        settings=Settings(leaders=leaders), show_alert=shown.append,
    )  # fmt: skip
    return watch, shown


def test_nothing_is_read_while_no_leaders_are_configured(qtbot) -> None:
    port = FakePort()
    watch, shown = _watch(Database.in_memory(), FakeClock(MONDAY_8), port, ())
    asyncio.run(watch.check())
    assert port.calls == []
    assert shown == []


def test_leader_posts_and_the_weekly_nudge_on_a_fake_clock(qtbot, tmp_path, english) -> None:
    clock = FakeClock(MONDAY_8)
    port = FakePort()
    port.recent_posts = [_post(2, JAN, MONDAY_8), _post(1, ME, MONDAY_8)]
    db = Database.open(tmp_path / "app.sqlite3")
    watch, shown = _watch(db, clock, port, ("guid-boss", ME.guid))
    lists: list[tuple[Post, ...]] = []
    watch.nudge_ready.connect(lists.append)

    asyncio.run(watch.check())  # 08:00: before working hours, nothing yet
    assert shown == []
    clock.advance(timedelta(minutes=31))  # 08:31: working time, before the 09:30 nudge
    asyncio.run(watch.check())  # the first check records what is there
    assert shown == []
    port.recent_posts.insert(0, _post(3, BOSS, clock.now()))
    asyncio.run(watch.check())
    assert [(a.title, a.url) for a in shown] == [
        ("From leadership: Marieke Jansen", "https://intranet.example/p/3")
    ]
    clock.advance(timedelta(hours=1))  # 09:31
    asyncio.run(watch.check())
    assert [a.url for a in shown[1:]] == [NUDGE_URL]
    assert shown[1].body == "2 posts of your team wait for a first reaction."
    assert [p.id for p in lists[0]] == [3, 2]
    asyncio.run(watch.check())  # once a week, and post 3 never twice
    assert len(shown) == 2

    clock.advance(timedelta(days=7, hours=8))  # next Monday 17:31: after work
    asyncio.run(watch.check())
    assert len(shown) == 2
    db.close()
    clock.advance(timedelta(days=2, hours=-8))  # the app was off; Wednesday 09:31
    port.recent_posts.insert(0, _post(4, JAN, clock.now() - timedelta(hours=1)))
    again, shown_again = _watch(
        Database.open(tmp_path / "app.sqlite3"), clock, port, ("guid-boss", ME.guid)
    )
    asyncio.run(again.check())
    assert [a.url for a in shown_again] == [NUDGE_URL]  # made up in the same week
    asyncio.run(again.check())
    assert len(shown_again) == 1


def test_a_leaders_notification_alerts_as_leadership_not_in_the_ordinary_flow(qtbot) -> None:
    clock = FakeClock(MONDAY_8 + timedelta(hours=2))
    watch, shown = _watch(Database.in_memory(), clock, FakePort(), ("Marieke Jansen",))
    created = Notification(
        4, NotificationKind.CONTENT_CREATED, "ContentCreated", "Marieke plaatste iets.", BOSS,
        clock.now(), post_id=3,
    )  # fmt: skip
    like = Notification(5, NotificationKind.LIKE, "NewLike", "Marieke vindt het leuk.", BOSS, None)
    assert watch.claim((created, like)) == (like,)
    assert [a.title for a in shown] == ["From leadership: Marieke Jansen"]
    assert shown[0].url == "https://intranet.example/notification/entry?id=4"
    assert watch.claim((created,)) == ()
    assert len(shown) == 1


def test_a_leaders_post_held_for_the_quiet_summary_does_not_alert_again_after(qtbot) -> None:
    clock = FakeClock(MONDAY_8 - timedelta(hours=1))  # 07:00 Amsterdam: quiet
    port = FakePort()
    watch, shown = _watch(Database.in_memory(), clock, port, ("Marieke Jansen",))
    clock.advance(timedelta(hours=1, minutes=31))  # 08:31: working time
    asyncio.run(watch.check())  # the first check records what is there (nothing)
    clock.advance(timedelta(hours=9))  # 17:31: quiet again
    created = Notification(
        4, NotificationKind.CONTENT_CREATED, "ContentCreated", "Marieke plaatste iets.", BOSS,
        clock.now(), post_id=3,
    )  # fmt: skip
    assert watch.claim((created,)) == (created,)  # the ordinary flow holds it for the summary
    port.recent_posts = [_post(3, BOSS, clock.now())]
    clock.advance(timedelta(hours=15))  # Tuesday 08:31: the summary came; the post list now
    asyncio.run(watch.check())
    assert shown == []
    port.recent_posts.insert(0, _post(5, BOSS, clock.now()))  # a post no notification held
    asyncio.run(watch.check())
    assert [a.url for a in shown] == ["https://intranet.example/p/5"]


def test_nudge_window_lists_posts_and_opens_one(qtbot, english) -> None:
    window = LeaderNudgeWindow()
    qtbot.addWidget(window)
    now = MONDAY_8
    window.set_posts([_post(3, BOSS, now - timedelta(hours=2)), _post(2, JAN, now)], now)
    assert (
        window.heading.text() == "2 posts of your team this week still wait for a first reaction."
    )
    assert window.list.count() == 2
    assert window.list.item(0).text() == "Bericht 3\nMarieke Jansen · 2 hours ago"
    with qtbot.waitSignal(window.open_requested) as opened:
        qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert opened.args == ["https://intranet.example/p/3"]


def test_a_post_path_opens_as_its_permalink_on_the_intranet() -> None:
    relative = replace(_post(1, JAN, MONDAY_8), url="/s/team/post/post/view?id=1")
    assert post_link(relative, "https://intranet.example") == (
        "https://intranet.example/content/perma?id=101"
    )
    assert post_link(_post(2, JAN, MONDAY_8), "https://x") == "https://intranet.example/p/2"


def test_the_nudge_alert_opens_the_window_and_its_rows_the_browser(qtbot, english) -> None:
    from desktop.leadership import NudgeWindowHost, nudge_alert
    from services.models import AlertAction
    from tests.ui.test_controller import _controller

    port = FakePort()
    controller, _ = _controller(port)
    clock = FakeClock(MONDAY_8)
    watch, _ = _watch(Database.in_memory(), clock, port, (ME.guid,))
    watch.waiting = (_post(3, BOSS, MONDAY_8),)
    host = NudgeWindowHost(watch, controller.open_link, clock)
    controller.window_opens[NUDGE_URL] = host.open
    refused: list[object] = []
    controller.link_refused.connect(refused.append)
    controller.on_alert_action(nudge_alert(1), AlertAction.OPEN)
    assert host.window is not None
    qtbot.addWidget(host.window)
    assert host.window.isVisible()
    assert host.window.list.count() == 1
    host.window.open_requested.emit("https://elsewhere.example/p/3")  # not the intranet
    assert len(refused) == 1
