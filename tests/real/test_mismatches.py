"""What the real HumHub 1.18.5 does that the client once did not expect (issue 8, items 1-5
and 8, and signing in again), each checked against the real server in Europe/Amsterdam."""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
import pytest

from desktop.browser import Browser
from desktop.composition import build, wire
from desktop.controller import AppController
from desktop.paths import Paths
from services.alert_policy import AlertPolicy
from services.compose import Composition, Draft
from services.errors import AuthError
from services.humhub.connector import HumHubConnector
from services.models import CommentApi, ConnectionState, Container, Notification
from services.poller import Poller
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from tests.doctor_run import doctor
from tests.fakes.clock import FakeClock
from tests.real.accounts import ensure_user, set_status, yii_setting
from tests.real.server import COMMENT_CLASS, LIKE_CLASS, POST_MODEL, RealHumHub, about, unique
from tests.waiting import until
from ui.relative_time import relative_time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the panel's controller needs a Qt app
T = TypeVar("T")
FRESH = timedelta(minutes=1)


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def connector_for(real: RealHumHub, user: str, **options: Any) -> HumHubConnector:
    return HumHubConnector(real.base_url, token=real.tokens[user], **options)


def team(real: RealHumHub) -> Container:
    return Container(real.space_id, "", "Team", real.space_container_id)


# -- 1. grouped like notifications ---------------------------------------------------------


def panel_of(
    connector: HumHubConnector, qtbot: Any
) -> tuple[tuple[Notification, ...], frozenset[int]]:
    """What the AppController hands the panel: the rows and the unread ids."""
    clock = FakeClock()
    seen = SeenStore(Database.in_memory(), clock=clock)
    controller = AppController(
        connector,
        Poller(connector, clock, random.Random(1), seen=seen),
        Browser(connector.base_url, allow_loopback_http=True),
        policy=AlertPolicy(seen),
        quiet=QuietHours((), UTC, clock),
        settings=Settings(),
        clock=clock,
    )

    async def load() -> None:
        await controller._load_panel()
        await connector.aclose()

    with qtbot.waitSignal(controller.notifications_changed, timeout=60_000) as changed:
        run(load())
    items, unread = changed.args
    return items, unread


def test_a_new_like_on_a_seen_like_group_shows_unread(qtbot: Any, real_humhub: RealHumHub) -> None:
    text = unique("grouped likes")
    marker = text.split()[0]
    post = real_humhub.create_post("alice", real_humhub.space_container_id, text)
    content_id = int(post["content"]["id"])
    real_humhub.like("bobby", content_id)
    first = real_humhub.wait_for_notification("alice", about(marker, LIKE_CLASS))
    real_humhub.mark_all_seen("alice")
    real_humhub.like("carol", content_id)
    fresh = real_humhub.wait_for_notification("alice", about(marker, LIKE_CLASS))
    # the server: a new id in the unseen list, the old id (and time) in the full list
    assert fresh["id"] != first["id"]
    listed = real_humhub.call("alice", "GET", "notification", params={"limit": 50})["results"]
    [group] = [n for n in listed if marker in n["output"]]
    assert (group["id"], group["createdAt"]) == (first["id"], first["createdAt"])
    # the app: that row is unread, as the badge says
    items, unread = panel_of(connector_for(real_humhub, "alice"), qtbot)
    [row] = [n for n in items if marker in n.text]
    assert row.id == first["id"]
    assert row.id in unread
    assert "Carol Claes" in row.text


# -- 2. topics -------------------------------------------------------------------------------


def test_topics_as_a_member_and_as_the_spaces_owner(real_humhub: RealHumHub) -> None:
    name = "T-" + unique("topic").split()[0]
    space = team(real_humhub)

    async def as_user(user: str) -> tuple[bool, tuple[str, ...], tuple[str, ...]]:
        connector = connector_for(real_humhub, user)
        try:
            choice = await connector.topic_choice(space)
            post = await connector.create_post(
                space.contentcontainer_id, unique(f"topic post by {user}"), topics=(name,)
            )
            return choice.can_create, choice.existing, post.topics
        finally:
            await connector.aclose()

    def topics_of_team() -> list[str]:
        path = f"topic/container/{real_humhub.space_container_id}"
        return [t["name"] for t in real_humhub.call("admin", "GET", path)["results"]]

    can_create, _, attached = run(as_user("alice"))  # a plain member
    assert not can_create
    assert attached == ()  # 200, and the new topic silently dropped
    assert name not in topics_of_team()
    can_create, _, attached = run(as_user("admin"))  # Team's owner
    assert can_create
    assert attached == (name,)
    assert name in topics_of_team()
    can_create, existing, attached = run(as_user("alice"))  # now it exists: members may use it
    assert not can_create
    assert name in existing
    assert attached == (name,)

    async def own_profile() -> bool:
        connector = connector_for(real_humhub, "alice")
        try:
            me = await connector.current_user()
            assert me.contentcontainer_id is not None
            profile = Container(me.person.id, me.person.guid, "", me.contentcontainer_id,
                                is_space=False)  # fmt: skip
            return (await connector.topic_choice(profile)).can_create
        finally:
            await connector.aclose()

    assert run(own_profile())


# -- 3. time zone ----------------------------------------------------------------------------


@pytest.mark.parametrize("named", [False, True], ids=["estimated", "from-the-setting"])
def test_a_fresh_notification_reads_just_now(
    qapp: Any, real_humhub: RealHumHub, named: bool
) -> None:
    text = unique("time zone")
    marker = text.split()[0]
    post = real_humhub.create_post("alice", real_humhub.space_container_id, text)
    real_humhub.comment("bobby", int(post["id"]), unique("a comment to alice"))
    real_humhub.wait_for_notification("alice", about(marker, COMMENT_CLASS))
    zone = ZoneInfo(real_humhub.timezone)
    options = {"server_timezone": zone} if named else {}

    async def read() -> tuple[Notification, timedelta | None]:
        connector = connector_for(real_humhub, "alice", **options)
        try:
            page = await connector.list_notifications(unseen_only=True, limit=50)
            return next(
                n for n in page.items if marker in n.text
            ), connector.server_timezone.utcoffset(datetime.now(UTC))
        finally:
            await connector.aclose()

    item, offset = run(read())
    now = datetime.now(UTC)
    assert offset == zone.utcoffset(now)  # the server's real offset (+1 h in winter)
    assert item.created_at is not None
    assert abs(now - item.created_at) < FRESH  # neither an hour ahead nor behind
    assert relative_time(now.astimezone(), item.created_at) == "just now"


# -- 4. login throttling ---------------------------------------------------------------------

THROTTLED = ("tessa", "TessaPass123!")


def signed_in_again(real: RealHumHub, username: str, password: str, timeout: float = 40.0) -> float:
    """Seconds until a right password is taken (HumHub's delay runs out)."""
    started = time.monotonic()
    body = {"username": username, "password": password}
    while real.api("anonymous").post("auth/login", json=body).status_code != 200:
        assert time.monotonic() - started < timeout, f"{username} still refused"
        time.sleep(0.5)  # HumHub counts its delay in whole seconds
    return time.monotonic() - started


def test_a_throttled_sign_in_is_not_called_a_wrong_password(real_humhub: RealHumHub) -> None:
    username, password = THROTTLED
    ensure_user(real_humhub, username, password, "Tessa", "Throttle")
    signed_in_again(real_humhub, username, password)  # no failures left from an earlier run
    for _ in range(3):
        code, report = doctor(real_humhub.base_url, user=username, stdin="not her password\n")
        assert code == 1
        assert "wrong username or password, or too many attempts: wait a minute" in report
    code, report = doctor(real_humhub.base_url, user=username, stdin=password + "\n")
    assert code == 1  # the right password, refused for a while: the report does not blame it
    assert "wrong username or password, or too many attempts: wait a minute" in report

    async def sign_in() -> None:
        connector = HumHubConnector(real_humhub.base_url)
        try:
            await connector.sign_in(username, password)
        finally:
            await connector.aclose()

    with pytest.raises(AuthError) as refused:
        run(sign_in())
    assert refused.value.status == 400
    assert "too many attempts" in str(refused.value)
    # one attempt per doctor run: after 3 failures the delay is 10 s (7 would make it 20 s)
    assert signed_in_again(real_humhub, username, password) < 15


# -- 5. comment API probe --------------------------------------------------------------------


def test_the_comment_probe_answer_of_rest_0_11_5_means_1_18(real_humhub: RealHumHub) -> None:
    probe = real_humhub.api("alice").get(
        "comment/find-by-object", params={"objectModel": POST_MODEL, "objectId": 0}
    )
    assert probe.status_code == 404
    assert probe.json() == {"code": 404, "message": "Content not found!"}

    async def capabilities() -> CommentApi:
        connector = connector_for(real_humhub, "alice")
        try:
            return (await connector.capabilities()).comment_api
        finally:
            await connector.aclose()

    assert run(capabilities()) is CommentApi.V1_18


# -- 8. doctor wording -----------------------------------------------------------------------


def test_doctor_says_what_it_knows(real_humhub: RealHumHub) -> None:
    code, report = doctor(f"{real_humhub.base_url}/intranet", token=real_humhub.tokens["alice"])
    assert code == 1
    assert "this server runs HumHub, but not at this path" in report
    assert "module is not enabled" not in report
    yii_setting(real_humhub, "rest", "enableJwtAuth", "0")
    try:
        code, report = doctor(real_humhub.base_url, user="alice", stdin="AlicePass123!\n")
    finally:
        yii_setting(real_humhub, "rest", "enableJwtAuth", "1")
    assert code == 1
    assert "password sign-in is switched off on this intranet; use a token" in report
    assert "HTTP 404" not in report


# -- signing in again ------------------------------------------------------------------------

REVOKED = ("dora", "DoraPass123!")


def test_polling_and_the_outbox_resume_when_the_server_takes_the_token_again(
    qtbot: Any, tmp_path: Path, real_humhub: RealHumHub
) -> None:
    """An admin disables the account (its token gets 401), then enables it again; "Try to
    connect again" brings polling back, and the post parked by the 401 goes out with it."""
    username, password = REVOKED
    user_id = ensure_user(real_humhub, username, password, "Dora", "Dekker")
    login = real_humhub.api("anonymous").post(
        "auth/login", json={"username": username, "password": password}
    )
    assert login.status_code == 200, login.text
    token = login.json()["auth_token"]
    profile_cid = int(
        real_humhub.call("admin", "GET", f"user/{user_id}")["account"]["contentcontainer_id"]
    )
    text = unique("sent after signing in again")
    paths = Paths.resolve(tmp_path)
    paths.ensure()
    parts = build(paths, real_humhub.base_url, token, poll_interval=None, demo=False)
    wire(parts, asyncio.Event())
    target = Container(user_id, "", "Dora Dekker", profile_cid, is_space=False)
    sent: list[str] = []
    parts.posting.post_sent.connect(sent.append)
    set_status(real_humhub, user_id, enabled=False)

    async def go() -> None:
        controller, posting = parts.controller, parts.posting
        controller._poller.start_jitter = timedelta(0)
        try:
            controller.start(first_delay=timedelta(0))
            await until(lambda: controller.state is ConnectionState.AUTH_REQUIRED, 60)
            posting.start()
            posting.outbox.enqueue(Composition(Draft(text, profile_cid), target))
            posting._sender.wake()
            await until(lambda: posting.outbox.paused, 60)
            set_status(real_humhub, user_id, enabled=True)
            parts.tray.retry_requested.emit()
            await until(lambda: bool(sent), 90)  # after the poller's 10 s minimum gap
        finally:
            await posting.shutdown()
            await controller.shutdown()

    try:
        run(go())
    finally:
        set_status(real_humhub, user_id, enabled=True)
        parts.database.close()
    # a private profile post: only its owner reads it (the admin's list does not show it)
    listed = httpx.get(
        f"{real_humhub.api_url}/post/container/{profile_cid}",
        params={"limit": 50},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert listed.status_code == 200, listed.text[:300]
    assert [p["message"] for p in listed.json()["results"]].count(text) == 1
