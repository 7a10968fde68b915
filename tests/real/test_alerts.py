"""Real notifications → alert plans, Thanks! and Mark all read, against the real HumHub.

Bobby reacts to a post of alice's on the real server (a like through the kit's like.sh, a
comment and a mention over REST); alice's side of the app (tests/real/app.py: connector,
Poller, SeenStore, AlertPolicy and Thanker over a real SQLite file) polls and plans. The
server is the oracle: comments are counted there, unseen totals read there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.alert_text import render_plan
from services.errors import ValidationError
from services.models import (
    Alert,
    AlertAction,
    AlertPlan,
    AlertPlanKind,
    Capabilities,
    Notification,
    NotificationKind,
)
from services.thanks import can_thank
from tests.real.app import UserApp, user_app
from tests.real.server import (
    COMMENT_CLASS,
    LIKE_CLASS,
    MENTION_CLASS,
    Json,
    RealHumHub,
    about,
    unique,
)

THANKS = "Thanks!"


def alice_posts(real_humhub: RealHumHub, label: str) -> tuple[str, Json]:
    """A fresh post of alice's in Team, after marking everything of hers seen."""
    real_humhub.mark_all_seen("alice")
    text = unique(label)
    return text.split()[0], real_humhub.create_post("alice", real_humhub.space_container_id, text)


async def plans_for(app: UserApp, marker: str) -> tuple[list[AlertPlan], list[Notification]]:
    """Poll once; the plans and the new notifications that quote ``marker``."""
    outcome, plans = await app.poll_and_plan()
    return plans, [n for n in outcome.new if marker in n.text]


def the_alert(plans: list[AlertPlan], caps: Capabilities) -> tuple[AlertPlan, Alert]:
    """The one plan, and the alert the desktop layer renders from it."""
    assert len(plans) == 1, plans
    alert = render_plan(
        plans[0], entry_url=lambda i: f"/entry/{i}", thankable=lambda n: can_thank(n, caps)
    )
    assert AlertAction.OPEN in alert.actions
    return plans[0], alert


@pytest.mark.parametrize("reaction", ["like", "comment", "mention"])
def test_a_reaction_by_bobby_becomes_the_right_alert_for_alice(
    real_humhub: RealHumHub, tmp_path: Path, reaction: str
) -> None:
    marker, post = alice_posts(real_humhub, f"alert test: {reaction}")
    if reaction == "like":
        real_humhub.like("bobby", f"post:{post['id']}")
        expected = (LIKE_CLASS, NotificationKind.LIKE, AlertPlanKind.GROUP)
    elif reaction == "comment":
        real_humhub.comment("bobby", post["id"], unique("a comment"))
        expected = (COMMENT_CLASS, NotificationKind.COMMENT, AlertPlanKind.GROUP)
    else:
        message = f"{unique('mention')} {real_humhub.mention('alice')}, {marker} please look"
        real_humhub.create_post("bobby", real_humhub.space_container_id, message)
        expected = (MENTION_CLASS, NotificationKind.MENTION, AlertPlanKind.SINGLE)
    cls, kind, plan_kind = expected
    real_humhub.wait_for_notification("alice", about(marker, cls))

    async def main():
        async with user_app(real_humhub.base_url, real_humhub.tokens["alice"], tmp_path) as app:
            caps = await app.capabilities()
            plans, new = await plans_for(app, marker)
            again, _ = await app.poll_and_plan()  # a second poll alerts nothing again
            return caps, plans, new, again

    caps, plans, new, again = asyncio.run(main())
    assert [n.class_name for n in new] == [cls]
    plan, alert = the_alert(plans, caps)
    assert plan.kind is plan_kind
    assert plan.notification is not None
    assert plan.notification.kind is kind
    assert plan.actor_names == ("Bob Bakker",)
    assert plan.notification.originator is not None
    assert plan.notification.originator.guid == real_humhub.guid("bobby")
    assert "Bob Bakker" in alert.title + alert.body
    assert marker in plan.title + alert.body
    thankable = kind in (NotificationKind.LIKE, NotificationKind.COMMENT)
    assert (AlertAction.THANK in alert.actions) is thankable
    assert again.new == ()


@pytest.mark.parametrize("reaction", ["like", "comment"])
def test_thanks_twice_leaves_exactly_one_comment_on_the_server(
    real_humhub: RealHumHub, tmp_path: Path, reaction: str
) -> None:
    marker, post = alice_posts(real_humhub, f"thanks test: {reaction}")
    cls = LIKE_CLASS if reaction == "like" else COMMENT_CLASS
    if reaction == "like":
        real_humhub.like("bobby", f"post:{post['id']}")
    else:
        real_humhub.comment("bobby", post["id"], unique("nice"))
    real_humhub.wait_for_notification("alice", about(marker, cls))
    guid = real_humhub.guid("alice")

    async def main():
        async with user_app(real_humhub.base_url, real_humhub.tokens["alice"], tmp_path) as app:
            caps = await app.capabilities()
            _, new = await plans_for(app, marker)
            (notification,) = new
            # two clicks at once, then one more later: only the first may comment
            clicks = await asyncio.gather(
                app.thanker.thank(notification, THANKS, capabilities=caps, my_guid=guid),
                app.thanker.thank(notification, THANKS, capabilities=caps, my_guid=guid),
                return_exceptions=True,
            )
            with pytest.raises(ValidationError):
                await app.thanker.thank(notification, THANKS, capabilities=caps, my_guid=guid)
            return notification, clicks

    notification, clicks = asyncio.run(main())
    assert sum(isinstance(c, int) for c in clicks) == 1, clicks
    assert sum(isinstance(c, ValidationError) for c in clicks) == 1, clicks

    async def after_restart():
        async with user_app(real_humhub.base_url, real_humhub.tokens["alice"], tmp_path) as app:
            return app.thanker.already_thanked(notification.id)

    assert asyncio.run(after_restart())  # recorded in the database file
    comments = real_humhub.comments_on(post["id"])
    thanks = [c for c in comments if c["createdBy"]["guid"] == guid]
    assert [c["message"] for c in thanks] == [THANKS]


def _mentions_name(marker: str, name: str) -> Callable[[Json], bool]:
    """A comment notification about ``marker`` whose text names ``name`` (alone or grouped)."""
    comment_about = about(marker, COMMENT_CLASS)
    return lambda item: comment_about(item) and name in str(item.get("output", ""))


def test_mark_all_read_leaves_no_unseen_notification_on_the_server(
    real_humhub: RealHumHub, tmp_path: Path
) -> None:
    marker, post = alice_posts(real_humhub, "mark all read test")
    real_humhub.comment("bobby", post["id"], unique("first"))
    real_humhub.wait_for_notification("alice", about(marker, COMMENT_CLASS))
    real_humhub.comment("carol", post["id"], unique("second"))
    # HumHub's queue worker writes each comment's notification a moment later: wait for
    # carol's too, or it could arrive after "mark all read" and leave one unseen
    real_humhub.wait_for_notification("alice", _mentions_name(marker, "Carol"))
    assert real_humhub.unseen("alice")["total"] >= 1

    async def main():
        async with user_app(real_humhub.base_url, real_humhub.tokens["alice"], tmp_path) as app:
            before = (await app.connector.probe_unseen()).total
            await app.connector.mark_all_seen()
            return before, (await app.connector.probe_unseen()).total

    before, after = asyncio.run(main())
    assert before >= 1
    assert after == 0
    assert real_humhub.unseen("alice")["total"] == 0
