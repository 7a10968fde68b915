"""Posting through the Outbox + OutboxSender to the real HumHub: to one's profile and to a
space, with a mention encoded the way HumHub's editor stores it; and exactly once when the
network loses the answer to the create (a proxy that forwards the POST but drops the answer).
The server is the oracle: posts are counted there, the mentioned user's notifications read
there.
"""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from services.compose import Composition, Draft, OutboxState
from services.mentions import mentioned
from services.models import Container, Person
from services.outbox_send import OutboxSender, SendOutcome, SendResult
from tests.real.app import UserApp, user_app
from tests.real.lossy_proxy import Loss, LossyProxy
from tests.real.server import MENTION_CLASS, RealHumHub, about, unique

SEND_TIMEOUT_S = 90.0


def quick_retry(attempt: int, rng: random.Random, retry_after: timedelta | None) -> timedelta:
    return timedelta(seconds=0.2)  # the app backs off for seconds; the order is what counts


async def send_until_sent(app: UserApp, client_id: str) -> list[SendOutcome]:
    """Run the OutboxSender as the app does until the row is SENT; its outcomes in order."""
    outcomes: list[SendOutcome] = []
    sent = asyncio.Event()

    async def on_result(result: SendResult) -> None:
        outcomes.append(result.outcome)
        item = app.outbox.get(client_id)
        if item is not None and item.state is OutboxState.SENT:
            sent.set()

    sender = OutboxSender(app.outbox, random.Random(5), delay=quick_retry)
    task = asyncio.create_task(sender.run(on_result))
    try:
        await asyncio.wait_for(sent.wait(), SEND_TIMEOUT_S)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    return outcomes


async def target(app: UserApp, real_humhub: RealHumHub, where: str) -> Container:
    """Alice's profile (from /auth/current) or Team (from the space list), as the app finds them."""
    if where == "profile":
        me = await app.connector.current_user()
        assert me.contentcontainer_id is not None
        person = me.person
        cid = me.contentcontainer_id
        return Container(person.id, person.guid, person.display_name, cid, person.url, False)
    spaces = await app.connector.list_spaces(limit=50)
    (team,) = [s for s in spaces if s.id == real_humhub.space_id]
    return team


def bobby(real_humhub: RealHumHub) -> Person:
    me = real_humhub.current("bobby")
    return Person(int(me["id"]), str(me["guid"]), str(me["display_name"]), str(me["url"]))


def test_posts_to_the_profile_and_to_a_space_with_a_mention(
    real_humhub: RealHumHub, tmp_path: Path
) -> None:
    """Both go out in order, exactly once, mention encoded; only the space post notifies bobby.

    HumHub creates REST posts with visibility 0 ("private"): on a profile only its owner sees
    them, and HumHub notifies a mentioned user only of content they can see. Bobby's Mentioned
    notification of the later space post shows the queue worker got past the profile post.
    """
    real_humhub.mark_all_seen("bobby")
    drafts = {
        where: Draft(
            f"{unique(where).split()[0]} hello @Bob Bakker, from the outbox",
            mentions=(bobby(real_humhub),),
        )
        for where in ("profile", "space")
    }

    async def main():
        async with user_app(real_humhub.base_url, real_humhub.tokens["alice"], tmp_path) as app:
            sent = {}
            for where, draft in drafts.items():
                container = await target(app, real_humhub, where)
                item = app.outbox.enqueue(Composition(draft, container))
                outcomes = await send_until_sent(app, item.client_id)
                sent[where] = (container, outcomes, app.outbox.get(item.client_id))
            return sent

    sent = asyncio.run(main())
    posts = {}
    for where, (container, outcomes, item) in sent.items():
        marker = drafts[where].text.split()[0]
        assert outcomes == [SendOutcome.SENT], where
        assert item is not None
        assert item.post_id is not None
        assert urlsplit(item.url).path  # the post's address, from the server's answer
        cid = container.contentcontainer_id
        found = [p for p in real_humhub.posts_in(cid, "alice") if marker in p["message"]]
        assert [p["id"] for p in found] == [item.post_id], where
        assert found[0]["content"]["metadata"]["contentcontainer_id"] == cid
        assert mentioned(found[0]["message"]) == (("Bob Bakker", real_humhub.guid("bobby")),)
        posts[where] = found[0]
    note = real_humhub.wait_for_notification(
        "bobby", about(drafts["space"].text.split()[0], MENTION_CLASS)
    )
    assert "Alice Anders" in note["output"]
    # the profile post: private, so bobby can neither see it nor is told about the mention
    assert posts["profile"]["content"]["metadata"]["visibility"] == 0
    assert real_humhub.api("bobby").get(f"post/{posts['profile']['id']}").status_code == 403
    profile_marker = drafts["profile"].text.split()[0]
    everything = real_humhub.call("bobby", "GET", "notification", params={"limit": 50})["results"]
    assert not [n for n in everything if profile_marker in n["output"]]


@pytest.mark.parametrize("loss", ["answer", "request"])
def test_a_lost_create_is_on_the_server_exactly_once(
    real_humhub: RealHumHub, tmp_path: Path, loss: Loss
) -> None:
    port = urlsplit(real_humhub.base_url).port
    assert port is not None
    text = unique(f"outbox lost {loss}")

    def is_create(line: str) -> bool:
        return line.startswith(f"POST /api/v1/post/container/{real_humhub.space_container_id} ")

    with LossyProxy(port, is_create, loss=loss) as proxy:

        async def main():
            async with user_app(proxy.url, real_humhub.tokens["alice"], tmp_path) as app:
                container = await target(app, real_humhub, "space")
                item = app.outbox.enqueue(Composition(Draft(text), container))
                outcomes = await send_until_sent(app, item.client_id)
                return outcomes, app.outbox.get(item.client_id)

        outcomes, item = asyncio.run(main())
    assert len(proxy.lost) == 1, proxy.requests
    assert outcomes[-1] is SendOutcome.SENT
    in_team = real_humhub.posts_in(real_humhub.space_container_id)
    on_server = [p for p in in_team if p["message"] == text]
    assert len(on_server) == 1, on_server
    assert item is not None
    assert item.state is OutboxState.SENT
    assert item.post_id == on_server[0]["id"]
    creates = [line for line in proxy.requests if is_create(line)]
    assert len(creates) == (1 if loss == "answer" else 2), proxy.requests
