"""The real HumHub's answers against the bundled 1.18 spec plus the overlay (overlay.py).

A module-wide script of calls (users, posts, comments, likes, notifications, spaces, polls,
sign-in, errors) is sent to the real server; every exchange the spec describes must validate,
and every overlay entry must still be needed: without it, some real answer fails.
"""

from __future__ import annotations

import httpx
import pytest

from tests.contract import overlay, specs
from tests.real.server import COMMENT_CLASS, LIKE_CLASS, POST_MODEL, RealHumHub, about, unique

pytestmark = [pytest.mark.contract, pytest.mark.real]
VERSION = "1.18"


def _exchanges(hh: RealHumHub) -> list[httpx.Response]:
    """One of each answer the app depends on, from the real server."""
    alice, bobby, admin = hh.api("alice"), hh.api("bobby"), hh.api("admin")
    team = hh.space_container_id
    hh.mark_all_seen("alice")
    text = unique("contract")
    out = [alice.post(f"post/container/{team}", json={"data": {"message": text}})]
    post = out[-1].json()
    message = {"message": unique("contract comment")}
    comment_body = {"objectModel": POST_MODEL, "objectId": post["id"], "Comment": message}
    out.append(bobby.post("comment", json=comment_body))
    hh.like("bobby", f"post:{post['id']}")
    hh.wait_for_notification("alice", about(text.split()[0], LIKE_CLASS))
    hh.wait_for_notification("alice", about(text.split()[0], COMMENT_CLASS))
    out += [
        alice.get("auth/current"),
        admin.get(f"user/{hh.user_id('alice')}"),
        alice.get(f"post/{post['id']}"),
        alice.get(f"post/container/{team}", params={"limit": 5}),
        alice.get("post", params={"limit": 5}),
        alice.get(f"comment/{out[1].json()['id']}"),
        alice.get(
            "comment/find-by-object",
            params={"objectModel": POST_MODEL, "objectId": post["id"]},
        ),
        alice.get("notification", params={"limit": 20}),
        alice.get("notification/unseen", params={"limit": 20}),
        alice.patch("notification/mark-as-seen"),
        alice.get("space", params={"limit": 20}),
        alice.get(f"space/{hh.space_id}"),
        alice.get("polls", params={"limit": 5}),
        hh.api("anonymous").post(
            "auth/login", json={"username": "alice", "password": hh.passwords["alice"]}
        ),
        hh.api("anonymous").get("notification"),
        alice.get("post/999999999"),
    ]
    return out


@pytest.fixture(scope="module")
def exchanges(real_humhub: RealHumHub) -> list[httpx.Response]:
    """The answers of the script whose route the spec describes."""
    answers = _exchanges(real_humhub)
    return [
        r for r in answers if specs.has_operation(VERSION, r.request.method, r.request.url.path)
    ]


def test_the_script_covers_what_the_app_uses(exchanges: list[httpx.Response]) -> None:
    assert len(exchanges) >= 17
    assert {r.status_code for r in exchanges} == {200, 401, 404}


def test_every_real_answer_is_valid_against_the_bundled_spec_plus_the_overlay(
    exchanges: list[httpx.Response],
) -> None:
    from openapi_core.templating.responses.exceptions import ResponseNotFound

    undescribed = []
    for response in exchanges:
        try:
            specs.validate_response(VERSION, response)
        except ResponseNotFound:  # the spec lists no answer with this status for the route
            undescribed.append((response.request.url.path, response.status_code))
    # The specs leave 401 out of every route; its body is Yii's error (see test_fidelity.py).
    assert undescribed == [("/api/v1/notification", 401)]


@pytest.mark.parametrize(
    "deviation",
    [d for d in overlay.OVERLAY if VERSION in d.versions],
    ids=lambda d: f"{d.schema}.{d.field}",
)
def test_every_overlay_entry_is_still_needed(
    exchanges: list[httpx.Response], deviation: overlay.Deviation
) -> None:
    without = specs.build_spec(VERSION, leave_out=deviation)
    failures = []
    for response in exchanges:
        try:
            specs.validate_response(VERSION, response, against=without)
        except Exception as exc:  # noqa: BLE001 - openapi-core raises several error types
            failures.append(f"{response.request.method} {response.request.url.path}: {exc}")
    assert failures, f"no real answer needs the overlay entry {deviation}"
