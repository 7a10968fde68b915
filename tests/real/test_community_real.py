"""Leaders' example and the spotlight against the real HumHub.

Alice is configured as a leader (by GUID) on bobby's side: her post in Team alerts bobby as
"From leadership" through `GET /post` (bobby has notifications for Team off, so HumHub sends
him no ContentCreated). Bobby puts carol in the spotlight through the app's dialog, the
posting controller and the outbox, with Team as the kudos space: the post lands in Team with
HumHub's mention markup, carol gets a Mentioned notification, and her side of the app reads
its container from the notification and titles it as a spotlight.
"""

from __future__ import annotations

import asyncio
import os
import random
from datetime import UTC
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.alert_text import render_plan
from desktop.leadership import LeadershipWatch
from desktop.posting import PostingController
from desktop.spotlight import SpotlightHost, find_space
from services.clock import SystemClock
from services.humhub.connector import HumHubConnector
from services.mentions import mentioned
from services.models import (
    Alert,
    AlertPlan,
    AlertPlanKind,
    Container,
    Notification,
    NotificationKind,
    Person,
)
from services.people import PeopleStore
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from tests.real.server import MENTION_CLASS, RealHumHub, unique
from tests.waiting import until

WAIT_S = 60.0
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the dialog runs without a display


def _person(real_humhub: RealHumHub, user: str) -> Person:
    me = real_humhub.current(user)
    return Person(int(me["id"]), str(me["guid"]), str(me["display_name"]), str(me["url"]))


def test_a_leaders_post_alerts_bobby_as_leadership(real_humhub: RealHumHub, qapp, tmp_path: Path):
    alice = _person(real_humhub, "alice")
    shown: list[Alert] = []

    async def main() -> None:
        clock = SystemClock()
        db = Database.open(tmp_path / "bobby.sqlite3")
        port = HumHubConnector(real_humhub.base_url, token=real_humhub.tokens["bobby"])
        watch = LeadershipWatch(
            port, SeenStore(db, clock=clock), PeopleStore(db, clock=clock),
            quiet=QuietHours((), UTC, clock), tz=UTC,
            clock=clock, settings=Settings(leaders=(alice.guid,)), show_alert=shown.append,
        )  # fmt: skip
        try:
            await watch.check()  # the first check records what is there already
            assert shown == []
            marker = unique("leader").split()[0]
            real_humhub.create_post(
                "alice", real_humhub.space_container_id, f"{marker} The plan for next week"
            )
            await watch.check()
            await watch.check()  # never twice
        finally:
            await port.aclose()
            db.close()
        assert [a.title for a in shown] == ["From leadership: Alice Anders"]
        assert shown[0].body == f"{marker} The plan for next week"
        assert shown[0].url.startswith(real_humhub.base_url + "/")

    asyncio.run(main())


def test_spotlight_reaches_carol_through_the_outbox(real_humhub: RealHumHub, qtbot, tmp_path):
    carol = _person(real_humhub, "carol")
    real_humhub.mark_all_seen("carol")
    reason = unique("spotlight")

    async def send() -> None:
        db = Database.open(tmp_path / "bobby.sqlite3")
        port = HumHubConnector(real_humhub.base_url, token=real_humhub.tokens["bobby"])
        posting = PostingController(db, port, SystemClock(), rng=random.Random(3))
        host = SpotlightHost(
            port, posting, lambda _prefix: [carol], kudos_space="Team", policy_id=None
        )
        sent: list[str] = []
        posting.post_sent.connect(sent.append)
        try:
            posting.start()
            host.refresh()
            await until(lambda: host.space is not None, WAIT_S, "the kudos space")
            dialog = host.open_dialog()
            qtbot.addWidget(dialog)
            qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
            qtbot.keyClicks(dialog.reason, reason)
            qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: sent, WAIT_S, "the spotlight post sent")
        finally:
            await host.shutdown()
            await posting.shutdown()
            await port.aclose()
            db.close()

    asyncio.run(send())
    posts = real_humhub.posts_in(real_humhub.space_container_id, user="bobby")
    (post,) = [p for p in posts if reason in str(p["message"])]
    assert (carol.display_name, carol.guid) in mentioned(str(post["message"]))
    assert str(post["message"]).startswith("In the spotlight: [Carol Claes](mention:")

    def from_bobby(item: dict[str, object]) -> bool:
        return item.get("class") == MENTION_CLASS and "Bob Bakker" in str(item.get("output"))

    real_humhub.wait_for_notification("carol", from_bobby, timeout=WAIT_S)

    async def carol_side() -> tuple[AlertPlan, Container | None]:
        port = HumHubConnector(real_humhub.base_url, token=real_humhub.tokens["carol"])
        try:
            space = find_space(await port.list_spaces(limit=50), "Team", None)
            page = await port.list_notifications(unseen_only=True, limit=20)
        finally:
            await port.aclose()
        mentions = [n for n in page.items if n.kind is NotificationKind.MENTION]
        assert mentions, page.items
        return AlertPlan(AlertPlanKind.SINGLE, "k", mentions[0], actor_names=("Bob Bakker",)), space

    plan, space = asyncio.run(carol_side())
    assert space is not None
    assert plan.notification is not None
    assert plan.notification.contentcontainer_id == space.contentcontainer_id

    def in_kudos(n: Notification) -> bool:
        return n.contentcontainer_id == space.contentcontainer_id

    alert = render_plan(plan, entry_url=str, thankable=lambda _n: False, spotlight=in_kudos)
    assert alert.title == "Bob Bakker put you in the spotlight!"
