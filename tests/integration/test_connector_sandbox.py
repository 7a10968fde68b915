"""The HumHub connector against the sandbox intranet over a real socket on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx
import pytest

from sandbox.server import SandboxServer
from services.errors import AuthError, NotFoundError, ValidationError
from services.humhub.connector import HumHubConnector
from services.models import NotificationKind

T = TypeVar("T")


DEMO = "demo"


def _with(
    sandbox: SandboxServer,
    use: Callable[[HumHubConnector], Awaitable[T]],
    *,
    token: str | None = DEMO,
) -> T:
    async def go() -> T:
        conn = HumHubConnector(
            sandbox.base_url, token=sandbox.demo_token if token == DEMO else token
        )
        try:
            return await use(conn)
        finally:
            await conn.aclose()

    return asyncio.run(go())


def _act(sandbox: SandboxServer, **body: object) -> dict[str, object]:
    reply = httpx.post(
        f"{sandbox.base_url}/_sandbox/act",
        json=body,
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
        timeout=10,
    )
    reply.raise_for_status()
    result: dict[str, object] = reply.json()
    return result


def test_connector_signs_in_and_knows_the_user(sandbox: SandboxServer):
    async def use(conn: HumHubConnector) -> tuple[str, str]:
        result = await conn.sign_in(sandbox.demo_username, sandbox.demo_password)
        me = await conn.current_user()
        return result.token, me.username

    token, username = _with(sandbox, use, token=None)
    assert token
    assert username == "demo"


def test_connector_wrong_password_is_an_auth_error(sandbox: SandboxServer):
    async def use(conn: HumHubConnector) -> None:
        await conn.sign_in("demo", "wrong")

    with pytest.raises(AuthError):
        _with(sandbox, use, token=None)


def test_connector_probe_sees_a_new_like_and_lists_it(sandbox: SandboxServer):
    async def before(conn: HumHubConnector):
        return await conn.probe_unseen()

    first = _with(sandbox, before)
    created = _act(sandbox, actor="priya", action="like")

    async def after(conn: HumHubConnector):
        probe = await conn.probe_unseen()
        page = await conn.list_notifications(unseen_only=True, limit=50)
        return probe, page

    probe, page = _with(sandbox, after)
    assert probe != first
    newest = page.items[0]
    assert newest.id == created["notification_id"]
    assert newest.kind is NotificationKind.LIKE
    assert newest.originator is not None
    assert newest.originator.display_name == "Priya Ramdin"
    assert "<" not in newest.text
    assert "Priya Ramdin" in newest.text
    assert page.skipped == 0


def test_connector_pages_through_all_notifications(sandbox: SandboxServer):
    for actor in ("jan", "fatima", "daan", "kees"):
        _act(sandbox, actor=actor, action="comment")

    async def use(conn: HumHubConnector):
        first = await conn.list_notifications(limit=2, page=1)
        ids = [n.id for n in first.items]
        for number in range(2, first.pages + 1):
            page = await conn.list_notifications(limit=2, page=number)
            ids.extend(n.id for n in page.items)
        return first.total, ids

    total, ids = _with(sandbox, use)
    assert len(ids) == total
    assert len(set(ids)) == total


def test_connector_mark_all_seen_empties_the_badge(sandbox: SandboxServer):
    _act(sandbox, actor="noor", action="mention")

    async def use(conn: HumHubConnector):
        before = await conn.probe_unseen()
        await conn.mark_all_seen()
        return before, await conn.probe_unseen()

    before, after = _with(sandbox, use)
    assert before.total > 0
    assert after.total == 0
    assert after.newest is None


def test_connector_posts_and_reads_back(sandbox: SandboxServer):
    async def use(conn: HumHubConnector):
        spaces = await conn.list_spaces()
        target = next(s for s in spaces if s.name == "Complimenten")
        post = await conn.create_post(target.contentcontainer_id, "Dank aan het nachtteam!")
        recent = await conn.list_posts(target.contentcontainer_id, limit=5)
        return post, recent

    post, recent = _with(sandbox, use)
    assert post.message == "Dank aan het nachtteam!"
    assert post.url.startswith(sandbox.base_url)
    assert recent[0].id == post.id


def test_connector_empty_post_is_a_validation_error(sandbox: SandboxServer):
    async def use(conn: HumHubConnector):
        me = await conn.current_user()
        assert me.contentcontainer_id is not None
        await conn.create_post(me.contentcontainer_id, "")

    with pytest.raises(ValidationError) as caught:
        _with(sandbox, use)
    assert caught.value.server_message


def test_connector_unknown_container_is_not_found(sandbox: SandboxServer):
    async def use(conn: HumHubConnector):
        await conn.create_post(987654, "hallo")

    with pytest.raises(NotFoundError):
        _with(sandbox, use)


def test_connector_revoked_token_is_an_auth_error(sandbox: SandboxServer):
    async def use(conn: HumHubConnector):
        await conn.probe_unseen()

    with pytest.raises(AuthError):
        _with(sandbox, use, token="revoked")


def test_connector_posts_with_topics(sandbox: SandboxServer):
    async def use(conn: HumHubConnector):
        me = await conn.current_user()
        assert me.contentcontainer_id is not None
        return await conn.create_post(me.contentcontainer_id, "Met een onderwerp", topics=("Zorg",))

    post = _with(sandbox, use)
    raw = httpx.get(
        f"{sandbox.base_url}/api/v1/post/{post.id}",
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
        timeout=10,
    ).json()
    assert [t["name"] for t in raw["content"]["topics"]] == ["Zorg"]
