"""Facts of the real HumHub the client is built on (issue 8, item 7), pinned on the server:
a like notification does not say which post was liked; no notification has a `url`; post URLs
are site-relative; Yii's errors carry a `previous`; a wrong HTTP verb is a 404, not a 405.
Each is checked on the server's answer and, where the app reads it, through the connector.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urljoin, urlsplit

import pytest

from services.humhub.connector import HumHubConnector
from services.models import NotificationKind
from tests.real.server import LIKE_CLASS, RealHumHub, about, unique


def test_a_like_notification_names_no_post_and_no_notification_has_a_url(
    real_humhub: RealHumHub,
) -> None:
    real_humhub.mark_all_seen("alice")
    text = unique("facts: like")
    post = real_humhub.create_post("alice", real_humhub.space_container_id, text)
    real_humhub.like("bobby", f"post:{post['id']}")
    raw = real_humhub.wait_for_notification("alice", about(text.split()[0], LIKE_CLASS))
    assert set(raw["source"]) == {"id", "createdBy", "createdAt"}  # the Like, not the post
    everything = real_humhub.call("alice", "GET", "notification", params={"limit": 50})["results"]
    assert everything
    assert all("url" not in item for item in everything)

    async def main():
        connector = HumHubConnector(real_humhub.base_url, token=real_humhub.tokens["alice"])
        try:
            return await connector.list_notifications(unseen_only=True, limit=50)
        finally:
            await connector.aclose()

    page = asyncio.run(main())
    (like,) = [n for n in page.items if n.id == raw["id"]]
    assert like.kind is NotificationKind.LIKE
    assert (like.post_id, like.content_id, like.url) == (None, None, "")


def test_post_urls_are_site_relative(real_humhub: RealHumHub) -> None:
    post = real_humhub.create_post("alice", real_humhub.space_container_id, unique("facts: url"))
    url = post["content"]["metadata"]["url"]
    assert url.startswith("/")
    assert not url.startswith("//")

    async def main():
        connector = HumHubConnector(real_humhub.base_url, token=real_humhub.tokens["alice"])
        try:
            return await connector.list_posts(real_humhub.space_container_id, limit=5)
        finally:
            await connector.aclose()

    (mine,) = [p for p in asyncio.run(main()) if p.id == post["id"]]
    assert mine.url == url
    absolute = urlsplit(urljoin(real_humhub.base_url + "/", mine.url))
    assert absolute.netloc == urlsplit(real_humhub.base_url).netloc


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "no-such-route"),
        ("GET", "notification/mark-as-seen"),  # a known path with the wrong verb
        ("DELETE", "notification/mark-as-seen"),
        ("POST", "auth/current"),
    ],
)
def test_no_route_is_a_404_with_previous_also_for_a_wrong_verb(
    real_humhub: RealHumHub, method: str, path: str
) -> None:
    answer = real_humhub.api("alice").request(method, path)
    assert answer.status_code == 404
    body = answer.json()
    assert (body["name"], body["status"]) == ("Not Found", 404)
    assert body["previous"] == {
        "name": "Invalid Route",
        "message": f'Unable to resolve the request "api/v1/{path}".',
        "code": 0,
    }
