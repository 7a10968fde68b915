"""Every request HumHubConnector sends is valid against both bundled HumHub specs.

A MockTransport answers with the spec-shaped payloads of the unit tests; those answers are
validated too, so the unit tests parse JSON the specs allow. Version-specific calls (the comment
shapes, the 1.18-only comment probe) are checked against the spec of their own version, and
shown to be invalid against the other. Spec loading and the openapi-core adapters come from
tests/contract/specs.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
import pytest

from services.humhub import HumHubConnector
from services.models import CommentApi
from tests.contract import specs
from tests.unit.test_humhub_support import (
    BASE,
    current_user_json,
    envelope,
    json_response,
    notification_json,
    post_json,
    run,
    space_json,
)

pytestmark = [pytest.mark.contract]

LOGIN = {"code": 200, "message": "Success", "auth_token": "contract-jwt-token", "expired_at": 0}
SEEN = {"code": 200, "message": "All notifications successfully marked as seen"}
NO_COMMENT = {"code": 404, "message": "Comment not found!"}
NOT_FOUND = {"name": "Not Found", "message": "Page not found.", "code": 0, "status": 404}
COMMENT_118 = {"id": 77, "message": "Bedankt!", "objectModel": "humhub\\modules\\post\\models\\Post", "objectId": 11}  # fmt: skip
COMMENT_119 = {"id": 78, "contentId": 21, "message": "Bedankt!"}
POLLS = envelope([])


def _routes(version: str) -> dict[tuple[str, str], httpx.Response]:
    comment_probe = (
        json_response(200, envelope([])) if version == "1.18" else json_response(404, NOT_FOUND)
    )
    page = envelope([notification_json(1), notification_json(2)])
    return {
        ("POST", "/api/v1/auth/login"): json_response(200, LOGIN),
        ("GET", "/api/v1/auth/current"): json_response(200, current_user_json()),
        ("GET", "/api/v1/notification/unseen"): json_response(200, page),
        ("GET", "/api/v1/notification"): json_response(200, page),
        ("PATCH", "/api/v1/notification/mark-as-seen"): json_response(200, SEEN),
        ("GET", "/api/v1/polls"): json_response(200, POLLS),
        ("GET", "/api/v1/comment/find-by-object"): comment_probe,
        ("GET", "/api/v1/comment/parent/0"): json_response(404, NO_COMMENT),
        ("GET", "/api/v1/space"): json_response(200, envelope([space_json()])),
        ("POST", "/api/v1/post/container/5"): json_response(200, post_json()),
        ("GET", "/api/v1/post/container/5"): json_response(200, envelope([post_json()])),
        ("POST", "/api/v1/comment"): json_response(
            200, COMMENT_118 if version == "1.18" else COMMENT_119
        ),
    }


@dataclass
class Capture:
    """Answers from a route table (fresh Response per request) and keeps every exchange."""

    version: str
    exchanges: list[httpx.Response] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        template = _routes(self.version)[(request.method, request.url.path)]
        response = httpx.Response(
            template.status_code, headers=template.headers, content=template.content
        )
        response.request = request
        self.exchanges.append(response)
        return response


async def _tour(connector: HumHubConnector, version: str) -> None:
    """Every port method once, with out-of-range sizes that the connector must clamp."""
    await connector.sign_in("anna", "geheim")
    await connector.current_user()
    await connector.probe_unseen()
    await connector.list_notifications(limit=500)
    await connector.list_notifications(unseen_only=True, page=0, limit=0)
    await connector.mark_all_seen()
    caps = await connector.capabilities()
    assert caps.comment_api is (CommentApi.V1_18 if version == "1.18" else CommentApi.V1_19)
    await connector.list_spaces(limit=100)
    await connector.create_post(5, "Hallo team, dit is **Startpunt**.")
    await connector.create_post(5, "Met onderwerp", topics=("Nieuws", "Team"))
    await connector.list_posts(5, limit=80)
    await connector.comment_on_post(11, 21, "Bedankt!", api=caps.comment_api)


def _capture(version: str) -> list[httpx.Response]:
    capture = Capture(version)

    async def scenario() -> None:
        connector = HumHubConnector(BASE, transport=httpx.MockTransport(capture))
        try:
            await _tour(connector, version)
        finally:
            await connector.aclose()

    run(scenario())
    return capture.exchanges


PROBES = ("/api/v1/comment/find-by-object", "/api/v1/comment/parent/0")


def _version_specific(request: httpx.Request) -> bool:
    path = request.url.path
    return path in PROBES or (request.method, path) == ("POST", "/api/v1/comment")


@pytest.mark.parametrize("server", specs.VERSIONS)
@pytest.mark.parametrize("spec_version", specs.VERSIONS)
def test_every_common_request_is_valid_against_both_specs(server: str, spec_version: str) -> None:
    exchanges = _capture(server)
    checked = 0
    for response in exchanges:
        if _version_specific(response.request):
            continue
        assert specs.has_operation(spec_version, response.request.method, response.request.url.path)
        specs.validate_request(spec_version, response.request)
        specs.validate_response(spec_version, response)
        checked += 1
    specific = 2 if server == "1.18" else 3  # the comment probe(s) and the comment itself
    assert checked == len(exchanges) - specific


@pytest.mark.parametrize("version", specs.VERSIONS)
def test_version_specific_requests_match_their_own_spec(version: str) -> None:
    exchanges = [r for r in _capture(version) if _version_specific(r.request)]
    comment = next(r for r in exchanges if r.request.method == "POST")
    specs.validate_request(version, comment.request)
    specs.validate_response(version, comment)
    probes = [r for r in exchanges if r.request.method == "GET"]
    if version == "1.18":
        assert [p.request.url.path for p in probes] == [PROBES[0]]
        specs.validate_request(version, probes[0].request)
        specs.validate_response(version, probes[0])
    else:  # the first probe works because 1.19 lacks the route; the second confirms 1.19
        assert [p.request.url.path for p in probes] == list(PROBES)
        assert not specs.has_operation(version, "GET", PROBES[0])
        specs.validate_request(version, probes[1].request)


def test_comment_shapes_differ_between_versions() -> None:
    """The 1.18 comment request is invalid for 1.19 and the other way round: the probe matters."""
    from openapi_core.exceptions import OpenAPIError

    for shape, other in (("1.18", "1.19"), ("1.19", "1.18")):
        comment = next(
            r
            for r in _capture(shape)
            if r.request.method == "POST" and r.request.url.path == "/api/v1/comment"
        )
        with pytest.raises(OpenAPIError):
            specs.validate_request(other, comment.request)


def test_unclamped_limit_would_be_rejected() -> None:
    """Guards the guard: the spec really refuses limit=500, so the tour above proves clamping."""
    from openapi_core.exceptions import OpenAPIError

    request = httpx.Request(
        "GET",
        f"{BASE}/api/v1/notification?limit=500",
        headers={"Authorization": "Bearer x"},
    )
    with pytest.raises(OpenAPIError):
        specs.validate_request("1.18", request)


def test_requests_without_credentials_are_rejected_by_the_spec() -> None:
    """Guards the guard: the bundled specs require auth, so the tour proves the header is sent."""
    from openapi_core.exceptions import OpenAPIError

    request = httpx.Request("GET", f"{BASE}/api/v1/auth/current")
    with pytest.raises(OpenAPIError):
        specs.validate_request("1.19", request)
