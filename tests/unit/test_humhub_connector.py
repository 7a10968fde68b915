"""HumHubConnector happy paths: which request each port method sends and what it returns."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from services.errors import (
    AuthError,
    InsecureUrlError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from services.humhub import HumHubConnector
from services.models import CommentApi, NotificationKind
from services.port import IntranetPort
from tests.unit.test_humhub_support import (
    BASE,
    NEW_LIKE,
    POST_MODEL,
    TOKEN,
    Handler,
    Recorder,
    connector_for,
    current_user_json,
    envelope,
    json_response,
    notification_json,
    post_json,
    run,
    space_json,
)


def _body(request: httpx.Request) -> object:
    return json.loads(request.content)


def test_connector_satisfies_the_port() -> None:
    port: IntranetPort = HumHubConnector(BASE)
    assert port.base_url == BASE
    run(port.aclose())


def test_sign_in_posts_credentials_without_a_token_and_uses_the_new_one() -> None:
    login = {
        "code": 200,
        "message": "Success",
        "auth_token": "new-jwt-token",
        "expired_at": 1767225600,
    }
    rec = Recorder(
        {
            ("POST", "/api/v1/auth/login"): json_response(200, login),
            ("GET", "/api/v1/auth/current"): json_response(200, current_user_json()),
        }
    )

    async def scenario() -> None:
        conn = connector_for(rec, token=None)
        result = await conn.sign_in("anna", "geheim")
        await conn.current_user()
        await conn.aclose()
        assert result.token == "new-jwt-token"
        assert result.expires_at == datetime(2026, 1, 1, tzinfo=UTC)

    run(scenario())
    login_request, current_request = rec.requests
    assert _body(login_request) == {"username": "anna", "password": "geheim"}
    assert "authorization" not in login_request.headers
    assert current_request.headers["authorization"] == "Bearer new-jwt-token"


def test_sign_in_expired_at_zero_means_never() -> None:
    login = {"code": 200, "message": "Success", "auth_token": "t0k3n-never", "expired_at": 0}
    rec = Recorder({("POST", "/api/v1/auth/login"): json_response(200, login)})

    async def scenario() -> None:
        conn = connector_for(rec, token=None)
        assert (await conn.sign_in("anna", "pw")).expires_at is None
        await conn.aclose()

    run(scenario())


@pytest.mark.parametrize(
    ("status", "message"), [(400, "Wrong username or password"), (401, "Invalid user!")]
)
def test_sign_in_refusal_is_auth_error(status: int, message: str) -> None:
    rec = Recorder(
        {
            ("POST", "/api/v1/auth/login"): json_response(
                status, {"code": status, "message": message}
            )
        }
    )

    async def scenario() -> None:
        conn = connector_for(rec, token=None)
        try:
            with pytest.raises(AuthError) as info:
                await conn.sign_in("anna", "wrong")
        finally:
            await conn.aclose()
        assert info.value.status == status
        assert info.value.server_message == message

    run(scenario())


def test_current_user_sends_token_and_standard_headers() -> None:
    rec = Recorder({("GET", "/api/v1/auth/current"): json_response(200, current_user_json())})

    async def scenario() -> None:
        conn = connector_for(rec, language="nl-NL")
        me = await conn.current_user()
        await conn.aclose()
        assert me.person.display_name == "Anna Bakker"
        assert me.username == "anna"
        assert me.contentcontainer_id == 3
        assert me.language == "nl"

    run(scenario())
    headers = rec.last.headers
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert headers["accept"] == "application/json"
    assert headers["accept-language"] == "nl-NL"
    assert headers["user-agent"] == "Startpunt/0.1"
    assert rec.last.url == httpx.URL(f"{BASE}/api/v1/auth/current")


def test_no_accept_language_unless_configured() -> None:
    rec = Recorder({("GET", "/api/v1/auth/current"): json_response(200, current_user_json())})

    async def scenario() -> None:
        conn = connector_for(rec)
        await conn.current_user()
        await conn.aclose()

    run(scenario())
    assert "accept-language" not in rec.last.headers


def test_probe_unseen_asks_for_one_item() -> None:
    page = envelope([notification_json(7)], total=12)
    rec = Recorder({("GET", "/api/v1/notification/unseen"): json_response(200, page)})

    async def scenario() -> None:
        conn = connector_for(rec)
        probe = await conn.probe_unseen()
        await conn.aclose()
        assert probe.total == 12
        assert probe.newest is not None
        assert probe.newest.startswith(f"7:{NEW_LIKE}:")

    run(scenario())
    assert rec.last.url.params["limit"] == "1"


def test_probe_unseen_with_nothing_new() -> None:
    rec = Recorder({("GET", "/api/v1/notification/unseen"): json_response(200, envelope([]))})

    async def scenario() -> None:
        conn = connector_for(rec)
        probe = await conn.probe_unseen()
        await conn.aclose()
        assert (probe.total, probe.newest) == (0, None)

    run(scenario())


@pytest.mark.parametrize(
    ("unseen_only", "limit", "path", "sent_limit"),
    [
        (False, 20, "/api/v1/notification", "20"),
        (True, 0, "/api/v1/notification/unseen", "1"),
        (False, 500, "/api/v1/notification", "50"),
    ],
)
def test_list_notifications_paths_and_clamped_limit(
    unseen_only: bool, limit: int, path: str, sent_limit: str
) -> None:
    rec = Recorder({("GET", path): json_response(200, envelope([notification_json()], page=2))})

    async def scenario() -> None:
        conn = connector_for(rec)
        page = await conn.list_notifications(unseen_only=unseen_only, page=2, limit=limit)
        await conn.aclose()
        assert page.page == 2
        assert page.items[0].kind is NotificationKind.LIKE
        assert page.items[0].text == 'Jan de Vries vindt je bericht "Hallo" leuk.'

    run(scenario())
    assert rec.last.url.params["limit"] == sent_limit
    assert rec.last.url.params["page"] == "2"


def test_mark_all_seen_patches() -> None:
    ok = {"code": 200, "message": "All notifications successfully marked as seen"}
    rec = Recorder({("PATCH", "/api/v1/notification/mark-as-seen"): json_response(200, ok)})

    async def scenario() -> None:
        conn = connector_for(rec)
        await conn.mark_all_seen()
        await conn.aclose()

    run(scenario())
    assert rec.last.method == "PATCH"


def test_entry_url_is_the_web_route() -> None:
    conn = HumHubConnector(BASE + "/api/v1/")
    assert conn.entry_url(42) == f"{BASE}/notification/entry?id=42"
    run(conn.aclose())


def test_plain_http_refused_except_loopback() -> None:
    with pytest.raises(InsecureUrlError):
        HumHubConnector("http://intranet.example.org")
    conn = HumHubConnector("http://127.0.0.1:8080")
    assert conn.base_url == "http://127.0.0.1:8080"
    run(conn.aclose())


_NOT_FOUND = {"name": "Not Found", "message": "Page not found.", "code": 0, "status": 404}
_NO_COMMENT = {"code": 404, "message": "Comment not found!"}
_EMPTY = envelope([])


def _capability_routes(
    comment: httpx.Response, polls: httpx.Response, parent: httpx.Response | None = None
) -> Recorder:
    routes: dict[tuple[str, str], httpx.Response | Handler] = {
        ("GET", "/api/v1/auth/current"): json_response(200, current_user_json()),
        ("GET", "/api/v1/polls"): polls,
        ("GET", "/api/v1/comment/find-by-object"): comment,
    }
    if parent is not None:
        routes["GET", "/api/v1/comment/parent/0"] = parent
    return Recorder(routes)  # unrouted paths answer Yii's "Page not found." 404


@pytest.mark.parametrize(
    ("comment", "polls", "parent", "api", "has_polls"),
    [
        (json_response(200, _EMPTY), json_response(200, _EMPTY), None, CommentApi.V1_18, True),
        (  # a newer 1.18 controller looks the object up first and answers in its own shape
            json_response(404, {"code": 404, "message": "Content not found!"}),
            json_response(200, _EMPTY),
            None,
            CommentApi.V1_18,
            True,
        ),
        (
            json_response(404, _NOT_FOUND),
            json_response(404, _NOT_FOUND),
            json_response(404, _NO_COMMENT),
            CommentApi.V1_19,
            False,
        ),
        (
            json_response(404, _NOT_FOUND),
            json_response(200, _EMPTY),
            None,
            CommentApi.UNKNOWN,
            True,
        ),
        (
            json_response(403, {"code": 403}),
            json_response(403, {}),
            None,
            CommentApi.UNKNOWN,
            False,
        ),
        (
            json_response(400, {"code": 400}),
            json_response(200, _EMPTY),
            None,
            CommentApi.UNKNOWN,
            True,
        ),
        (
            httpx.Response(200, text="<html/>", headers={"content-type": "text/html"}),
            httpx.Response(200, text="<html/>", headers={"content-type": "text/html"}),
            None,
            CommentApi.UNKNOWN,
            False,
        ),
    ],
)
def test_capabilities_probe(
    comment: httpx.Response,
    polls: httpx.Response,
    parent: httpx.Response | None,
    api: CommentApi,
    has_polls: bool,
) -> None:
    rec = _capability_routes(comment, polls, parent)

    async def scenario() -> None:
        conn = connector_for(rec)
        caps = await conn.capabilities()
        await conn.aclose()
        assert caps.rest_api
        assert caps.comment_api is api
        assert caps.polls is has_polls

    run(scenario())
    probe = next(r for r in rec.requests if r.url.path.endswith("find-by-object"))
    assert probe.url.params["objectModel"] == POST_MODEL
    assert probe.url.params["objectId"] == "0"
    assert all(r.method == "GET" for r in rec.requests)


def test_capabilities_without_rest_api() -> None:
    html = httpx.Response(200, text="<html>Login</html>", headers={"content-type": "text/html"})
    rec = Recorder({("GET", "/api/v1/auth/current"): html})

    async def scenario() -> None:
        conn = connector_for(rec)
        caps = await conn.capabilities()
        await conn.aclose()
        assert not caps.rest_api
        assert caps.comment_api is CommentApi.UNKNOWN

    run(scenario())
    assert len(rec.requests) == 1


@pytest.mark.parametrize(
    ("comment", "polls", "error"),
    [
        (json_response(503, {}), json_response(200, _EMPTY), ServerError),
        (json_response(200, _EMPTY), json_response(500, {}), ServerError),
        (json_response(401, {}), json_response(200, _EMPTY), AuthError),
        (json_response(200, _EMPTY), json_response(429, {}), RateLimitedError),
    ],
)
def test_capabilities_propagates_trouble(
    comment: httpx.Response, polls: httpx.Response, error: type[Exception]
) -> None:
    rec = _capability_routes(comment, polls)

    async def scenario() -> None:
        conn = connector_for(rec)
        try:
            with pytest.raises(error):
                await conn.capabilities()
        finally:
            await conn.aclose()

    run(scenario())


def test_capabilities_needs_valid_credentials() -> None:
    rec = Recorder({("GET", "/api/v1/auth/current"): json_response(401, {"status": 401})})

    async def scenario() -> None:
        conn = connector_for(rec)
        try:
            with pytest.raises(AuthError):
                await conn.capabilities()
        finally:
            await conn.aclose()

    run(scenario())


def test_list_spaces_skips_unusable_items() -> None:
    spaces = envelope([space_json(), {"id": "x"}, space_json(6, 9, "Bestuur")])
    rec = Recorder({("GET", "/api/v1/space"): json_response(200, spaces)})

    async def scenario() -> None:
        conn = connector_for(rec)
        found = await conn.list_spaces(limit=100)
        await conn.aclose()
        assert [c.contentcontainer_id for c in found] == [5, 9]
        assert found[1].name == "Bestuur"

    run(scenario())
    assert rec.last.url.params["limit"] == "50"


def test_create_post_sends_data_message() -> None:
    rec = Recorder(
        {("POST", "/api/v1/post/container/5"): json_response(200, post_json(message="Hoi"))}
    )

    async def scenario() -> None:
        conn = connector_for(rec)
        post = await conn.create_post(5, "Hoi")
        await conn.aclose()
        assert (post.id, post.content_id, post.message) == (11, 21, "Hoi")
        assert (post.likes, post.comments, post.contentcontainer_id) == (3, 2, 5)

    run(scenario())
    assert _body(rec.last) == {"data": {"message": "Hoi"}}
    assert rec.last.headers["content-type"] == "application/json"


def test_list_posts_reads_the_container() -> None:
    posts = envelope([post_json(12, 22), post_json(11, 21)])
    rec = Recorder({("GET", "/api/v1/post/container/5"): json_response(200, posts)})

    async def scenario() -> None:
        conn = connector_for(rec)
        found = await conn.list_posts(5, limit=10)
        await conn.aclose()
        assert [p.id for p in found] == [12, 11]

    run(scenario())
    assert rec.last.url.params["limit"] == "10"


def test_comment_1_18_shape() -> None:
    comment = {"id": 77, "message": "Bedankt!", "objectModel": POST_MODEL, "objectId": 11}
    rec = Recorder({("POST", "/api/v1/comment"): json_response(200, comment)})

    async def scenario() -> None:
        conn = connector_for(rec)
        assert await conn.comment_on_post(11, 21, "Bedankt!", api=CommentApi.V1_18) == 77
        await conn.aclose()

    run(scenario())
    assert _body(rec.last) == {
        "objectModel": POST_MODEL,
        "objectId": 11,
        "Comment": {"message": "Bedankt!"},
    }
    assert "contentId" not in rec.last.url.params


def test_comment_1_19_shape() -> None:
    rec = Recorder({("POST", "/api/v1/comment"): json_response(200, {"id": 78, "contentId": 21})})

    async def scenario() -> None:
        conn = connector_for(rec)
        assert await conn.comment_on_post(None, 21, "Bedankt!", api=CommentApi.V1_19) == 78
        await conn.aclose()

    run(scenario())
    assert rec.last.url.params["contentId"] == "21"
    body = _body(rec.last)
    assert isinstance(body, dict)
    assert body["message"] == "Bedankt!"


@pytest.mark.parametrize(
    ("post_id", "content_id", "api"),
    [(None, 21, CommentApi.V1_18), (11, None, CommentApi.V1_19), (11, 21, CommentApi.UNKNOWN)],
)
def test_comment_refused_before_sending(
    post_id: int | None, content_id: int | None, api: CommentApi
) -> None:
    rec = Recorder()

    async def scenario() -> None:
        conn = connector_for(rec)
        try:
            with pytest.raises(ValidationError) as info:
                await conn.comment_on_post(post_id, content_id, "x", api=api)
        finally:
            await conn.aclose()
        assert info.value.status == 0

    run(scenario())
    assert rec.requests == []


def test_unknown_route_is_not_found() -> None:
    rec = Recorder()

    async def scenario() -> None:
        conn = connector_for(rec)
        try:
            with pytest.raises(NotFoundError) as info:
                await conn.list_posts(999)
        finally:
            await conn.aclose()
        assert info.value.server_message == "Page not found."

    run(scenario())
