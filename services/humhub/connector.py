"""HumHubConnector: the IntranetPort for HumHub's REST module (0.11/HumHub 1.18, 0.12/1.19).

Owns which call answers which port method and how capabilities are probed. It retries nothing
(the poller and the outbox own retries) and never logs credentials, bodies or texts.

Sign-in errors: HumHub answers wrong credentials with `400 "Wrong username or password"`, and
after 3 failed attempts of a user it answers even the right password the same way for 10 s (20 s
after 7), so a 400 means "wrong username or password, or too many attempts" and is never
retried here: `sign_in` turns a 400/422 into AuthError (status 400, server message kept); 401
("Invalid user!": the user is not allowed to use the API) is AuthError too; 404 means
password (JWT) sign-in is switched off on the server (NotFoundError).

Capability probe (`capabilities`):
- REST API: `GET /auth/current` answers 200 JSON. HTML (NotAnApiError) or 404: no REST API.
- polls: `GET /polls?limit=1` is 200 with the module; 404 (absent), 403 or HTML count as off.
- comment API, two GETs that change nothing:
  1. `GET /comment/find-by-object?objectModel=<Post FQCN>&objectId=0`. REST 0.11.5 (HumHub
     1.18.5) has that route and looks the content up first, so it answers the controller's
     own `404 {"code":404,"message":"Content not found!"}` (verified on a real server) →
     V1_18; older 0.11 releases skip the lookup and answer 200 with an empty page → V1_18.
     REST 0.12 (1.19) removed the route: Yii's route 404 `{"name":…,"status":404}`.
  2. after a route 404, `GET /comment/parent/0` (new in 1.19): the action answers a missing
     comment with the controller's `{"code":404,"message":…}` → V1_19. A Yii route 404
     means neither route exists → UNKNOWN.
  Anything else (400/403/HTML) → UNKNOWN, and comment_on_post then refuses to guess.
  Transport errors, 401, 429 and 5xx propagate, so a caller never caches a guess made while
  the server was sick or the token expired.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Generator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TypeVar
from urllib.parse import urljoin

import httpx

from services.errors import (
    AuthError,
    NotAnApiError,
    NotFoundError,
    ServiceError,
    ValidationError,
)
from services.humhub.http import DEFAULT_DEADLINE, MAX_BODY_BYTES, ApiHttp, QueryParams
from services.humhub.parse import (
    MAX_NAME,
    POST_MODEL,
    notification_page_steps,
    parse_comment_id,
    parse_container,
    parse_current_user,
    parse_envelope,
    parse_items,
    parse_post,
    parse_sign_in,
    unseen_probe_of,
)
from services.humhub.parse_polls import parse_my_votes, parse_poll
from services.models import (
    Capabilities,
    CommentApi,
    Container,
    CurrentUser,
    NotificationPage,
    Poll,
    Post,
    SignInResult,
    TopicChoice,
    UnseenProbe,
    dropped_topics,
)
from services.port import MAX_PAGE_SIZE
from services.redaction import register_secret
from services.server_time import (
    estimate_offset,
    offset_zone,
    parse_http_date,
    parse_wall_clock,
)
from services.text import clean_text
from services.urls import normalise_base_url

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 512 * 1024  # a profile picture; a bigger answer is refused
ZONE_REFRESH = timedelta(hours=3)  # re-estimate the server's offset (a DST change)
ZONE_RETRY = timedelta(minutes=5)  # after an estimate failed
T = TypeVar("T")


async def paced(steps: Generator[None, None, T]) -> T:
    """Run a step-wise parse, giving the event loop (the UI) a turn after every step.

    One step is one notification, whose text conversion is bounded (`services.text`), so no
    single turn holds the UI for long, however hostile the page.
    """
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        await asyncio.sleep(0)


def _is_controller_error(body: object) -> bool:
    """A HumHub controller's `returnError` body (`code` + `message`), not Yii's route error."""
    return isinstance(body, dict) and "status" not in body and body.get("code") == 404


def _created_at(answer: object) -> object:
    """`content.metadata.created_at` of a Post answer (raw), or None."""
    content = answer.get("content") if isinstance(answer, dict) else None
    metadata = content.get("metadata") if isinstance(content, dict) else None
    return metadata.get("created_at") if isinstance(metadata, dict) else None


def _topic_names(answer: object) -> tuple[str, ...]:
    """The names in `content.topics` of a Post answer (`[{id, name}]`), cleaned."""
    content = answer.get("content") if isinstance(answer, dict) else None
    topics = content.get("topics") if isinstance(content, dict) else None
    if not isinstance(topics, list):
        return ()
    names = (t.get("name") for t in topics if isinstance(t, dict))
    return tuple(
        clean_text(n, max_length=MAX_NAME) for n in names if isinstance(n, str) and n.strip()
    )


def clamp_limit(limit: int) -> int:
    """Page sizes the server accepts: 1..MAX_PAGE_SIZE."""
    return max(1, min(MAX_PAGE_SIZE, limit))


class HumHubConnector:
    """One connection to one HumHub intranet; implements `services.port.IntranetPort`."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        user_agent: str = "Startpunt/0.1",
        language: str | None = None,
        server_timezone: tzinfo | None = None,
        deadline: timedelta = DEFAULT_DEADLINE,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        """Prepare the connection (no I/O). Raises InsecureUrlError for an unusable address.

        `server_timezone` is the zone HumHub writes its zone-less timestamps in, when a setting
        or policy names it; without one the connector estimates the server's UTC offset (see
        `services.server_time`) and reads times as UTC until it knows. `transport` is for
        tests: passing one disables environment proxies.
        """
        self._base_url = normalise_base_url(base_url)
        self._zone_named = server_timezone is not None
        self._tz: tzinfo = server_timezone or UTC
        self._zone_estimated = False
        self._zone_checked_at: float | None = None  # monotonic time of the last estimate
        self._http = ApiHttp(
            self._base_url,
            transport=transport,
            user_agent=user_agent,
            language=language,
            deadline=deadline,
            max_body_bytes=max_body_bytes,
        )
        if token:
            self.use_token(token)

    @property
    def base_url(self) -> str:
        """The intranet's web address, without `/api/v1` and without a trailing slash."""
        return self._base_url

    async def sign_in(self, username: str, password: str) -> SignInResult:
        """`POST /auth/login` once; wrong credentials or throttling (400) raise AuthError."""
        body: dict[str, object] = {"username": username, "password": password}
        try:
            data = await self._http.call("POST", "/auth/login", body=body, auth=False)
        except ValidationError as exc:
            raise AuthError(
                "sign-in refused: wrong username or password, or too many attempts",
                status=exc.status,
                server_message=exc.server_message,
            ) from exc
        except NotFoundError as exc:
            raise NotFoundError(
                "sign-in: password sign-in is switched off on the server (use a token)",
                status=exc.status,
                server_message=exc.server_message,
            ) from exc
        result = parse_sign_in(data)
        self.use_token(result.token)
        logger.info("Signed in (token %s)", "expires" if result.expires_at else "never expires")
        return result

    def use_token(self, token: str) -> None:
        """Send `token` as `Authorization: Bearer` from now on (registered for log redaction)."""
        register_secret(token)
        self._http.set_token(token)

    @property
    def server_timezone(self) -> tzinfo:
        """The zone server times are read in: the named one, an estimate, or UTC."""
        return self._tz

    async def current_user(self) -> CurrentUser:
        """`GET /auth/current`; its `last_login` (HumHub's "now") re-estimates the zone."""
        data, date = await self._http.call_dated("GET", "/auth/current")
        user = parse_current_user(data)
        account = data.get("account") if isinstance(data, dict) else None
        if isinstance(account, dict):
            self._learn_zone(account.get("last_login"), date, "the sign-in time")
        return user

    async def fetch_image(self, url: str) -> bytes:
        """A picture the server named (e.g. `CurrentUser.image_url`), through this client:
        same origin only, at most `MAX_IMAGE_BYTES`; b"" when there is none to show."""
        absolute = urljoin(self._base_url + "/", url) if url.startswith("/") else url
        status, kind, data = await self._http.fetch(absolute, limit=MAX_IMAGE_BYTES)
        if status != 200 or not kind.lower().startswith("image/"):
            logger.info("No profile picture (HTTP %d, %s)", status, kind.split(";")[0] or "-")
            return b""
        return data

    def _learn_zone(self, server_wall: object, date_header: str | None, source: str) -> None:
        """Take the server's wall-clock reading of the moment its answer was dated."""
        if self._zone_named:
            return
        self._zone_checked_at = time.monotonic()
        wall = parse_wall_clock(server_wall)
        moment = parse_http_date(date_header) or datetime.now(UTC)
        offset = None if wall is None else estimate_offset(wall, moment)
        if offset is None:
            logger.debug("No server time zone estimate from %s", source)
            return
        zone = offset_zone(offset)
        if not self._zone_estimated or zone.utcoffset(None) != self._tz.utcoffset(None):
            logger.info("Server times are read as %s (estimated from %s)", zone, source)
        self._tz, self._zone_estimated = zone, True

    async def _ensure_zone(self) -> None:
        """Estimate the server's zone before reading times: once, then every few hours (DST).

        One extra `GET /auth/current` then; a failure is retried after ZONE_RETRY.
        """
        if self._zone_named:
            return
        wait = ZONE_REFRESH if self._zone_estimated else ZONE_RETRY
        checked = self._zone_checked_at
        if checked is not None and time.monotonic() - checked < wait.total_seconds():
            return
        self._zone_checked_at = time.monotonic()
        try:
            await self.current_user()
        except ServiceError as exc:
            logger.info("Server time zone not estimated: %s", exc)

    async def probe_unseen(self) -> UnseenProbe:
        """`GET /notification/unseen?limit=1`: badge count plus newest fingerprint."""
        data = await self._http.call("GET", "/notification/unseen", params={"limit": 1})
        return unseen_probe_of(await paced(notification_page_steps(data, self._tz)))

    async def list_notifications(
        self, *, unseen_only: bool = False, page: int = 1, limit: int = 20
    ) -> NotificationPage:
        """`GET /notification[/unseen]?page&limit` (limit clamped to 1..50)."""
        path = "/notification/unseen" if unseen_only else "/notification"
        params: dict[str, str | int] = {"page": max(1, page), "limit": clamp_limit(limit)}
        await self._ensure_zone()
        data = await self._http.call("GET", path, params=params)
        return await paced(notification_page_steps(data, self._tz))

    async def mark_all_seen(self) -> None:
        """`PATCH /notification/mark-as-seen` (there is no per-item call in REST)."""
        await self._http.call("PATCH", "/notification/mark-as-seen")

    async def capabilities(self) -> Capabilities:
        """Probe the REST API, the polls module and the comment API shape (see module doc)."""
        try:
            await self._http.call("GET", "/auth/current")
        except (NotAnApiError, NotFoundError) as exc:
            logger.info("No HumHub REST API at the configured address (%s)", type(exc).__name__)
            return Capabilities(rest_api=False, comment_api=CommentApi.UNKNOWN, polls=False)
        polls = await self._probe_polls()
        comment_api = await self._probe_comment_api()
        logger.info("Capabilities: polls=%s comment_api=%s", polls, comment_api.value)
        modules = ("polls",) if polls else ()
        return Capabilities(rest_api=True, comment_api=comment_api, polls=polls, modules=modules)

    async def _probe_polls(self) -> bool:
        status, body = await self._http.probe("/polls", params={"limit": 1})
        return status == 200 and isinstance(body, dict)

    async def _probe_comment_api(self) -> CommentApi:
        params: QueryParams = {"objectModel": POST_MODEL, "objectId": 0}
        status, body = await self._http.probe("/comment/find-by-object", params=params)
        if status == 200 and isinstance(body, dict) and "results" in body:
            return CommentApi.V1_18
        if status == 404 and _is_controller_error(body):
            # REST 0.11.5 looks the content up and answers objectId=0 with its own
            # {"code":404,"message":"Content not found!"}: the route exists, so this is 1.18.
            # An absent route (1.19) answers with Yii's {"name":"Not Found",...} instead.
            return CommentApi.V1_18
        if status == 404:
            # Confirm 1.19 positively: its `/comment/parent/{id}` action answers a missing
            # comment with the controller's own {"code":404,…}; an unknown route gives Yii's
            # {"name":…,"status":404}. Both routes missing means neither shape is safe.
            status, body = await self._http.probe("/comment/parent/0")
            if status == 200 or (status == 404 and _is_controller_error(body)):
                return CommentApi.V1_19
        logger.warning("Comment API shape unknown (probe answered HTTP %d)", status)
        return CommentApi.UNKNOWN

    def entry_url(self, notification_id: int) -> str:
        """The web route that marks one notification seen and redirects to its target."""
        return f"{self._base_url}/notification/entry?id={int(notification_id)}"

    async def list_spaces(self, *, page: int = 1, limit: int = 20) -> tuple[Container, ...]:
        """`GET /space?page&limit`: spaces visible to the user (no membership flag exists)."""
        params: dict[str, str | int] = {"page": max(1, page), "limit": clamp_limit(limit)}
        results, *_ = parse_envelope(
            await self._http.call("GET", "/space", params=params), "space list"
        )
        return parse_items(results, parse_container, "space")[0]

    async def create_post(
        self, contentcontainer_id: int, message: str, *, topics: tuple[str, ...] = ()
    ) -> Post:
        """`POST /post/container/{id}` with `{"data": {"message": …}}`; returns the new Post.

        Topics go by name in `data.content.topics`; the server creates unknown ones.
        """
        fields: dict[str, object] = {"message": message}
        if topics:
            fields["content"] = {"topics": [{"name": name} for name in topics]}
        answer, date = await self._http.call_dated(
            "POST", f"/post/container/{int(contentcontainer_id)}", body={"data": fields}
        )
        self._learn_zone(_created_at(answer), date, "a new post")
        post = replace(parse_post(answer, self._tz), topics=_topic_names(answer))
        dropped = dropped_topics(topics, post.topics)
        if dropped:  # 200 all the same: HumHub drops topics the user may not create
            logger.warning("Post %d created without %d of its topics", post.id, len(dropped))
        return post

    async def topic_choice(self, target: Container) -> TopicChoice:
        """`GET /topic/container/{id}`; may the user add new topics there?

        HumHub lets space owners, admins and moderators (and everyone on their own profile)
        create topics; a member's new topic is dropped silently. The REST module shows a
        space's member list to its admins only, so `GET /space/{id}/membership?limit=1`
        answering 200 means "admin" (moderators are missed: they get the existing topics).
        """
        path = f"/topic/container/{int(target.contentcontainer_id)}"
        params: dict[str, str | int] = {"page": 1, "limit": clamp_limit(MAX_PAGE_SIZE)}
        results, *_ = parse_envelope(await self._http.call("GET", path, params=params), "topics")
        names = tuple(dict.fromkeys(_topic_names({"content": {"topics": results}})))
        if not target.is_space:
            me = await self.current_user()
            return TopicChoice(
                names, can_create=me.contentcontainer_id == target.contentcontainer_id
            )
        status, _ = await self._http.probe(
            f"/space/{int(target.id)}/membership", params={"limit": 1}
        )
        return TopicChoice(names, can_create=status == 200)

    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]:
        """`GET /post/container/{id}?page&limit`: a container's posts, newest first."""
        path = f"/post/container/{int(contentcontainer_id)}"
        await self._ensure_zone()  # the outbox compares these times with its first attempt
        params: dict[str, str | int] = {"page": max(1, page), "limit": clamp_limit(limit)}
        data = await self._http.call("GET", path, params=params)
        results, *_ = parse_envelope(data, "post list")
        return parse_items(results, lambda raw: parse_post(raw, self._tz), "post")[0]

    async def list_recent_posts(self, *, limit: int = 20) -> tuple[Post, ...]:
        """`GET /post?limit=`: the newest posts the user can see, in any container."""
        data = await self._http.call(
            "GET", "/post", params={"page": 1, "limit": clamp_limit(limit)}
        )
        results, *_ = parse_envelope(data, "post list")
        return parse_items(results, lambda raw: parse_post(raw, self._tz), "post")[0]

    async def comment_on_post(
        self, post_id: int | None, content_id: int | None, message: str, *, api: CommentApi
    ) -> int:
        """Comment on a post in the server's shape; returns the comment id.

        1.18: `POST /comment {objectModel, objectId: post_id, Comment: {message}}`.
        1.19: `POST /comment?contentId=N {message}`; the body also carries `Comment.message`
        because the 1.19 spec still describes that wrapper (the server reads the top level
        and ignores the rest). A missing id or an UNKNOWN api raises ValidationError with
        status 0 before anything is sent.
        """
        if api is CommentApi.V1_18 and post_id is not None:
            body: dict[str, object] = {
                "objectModel": POST_MODEL,
                "objectId": int(post_id),
                "Comment": {"message": message},
            }
            return parse_comment_id(await self._http.call("POST", "/comment", body=body))
        if api is CommentApi.V1_19 and content_id is not None:
            body = {"message": message, "Comment": {"message": message}}
            params: dict[str, str | int] = {"contentId": int(content_id)}
            data = await self._http.call("POST", "/comment", params=params, body=body)
            return parse_comment_id(data)
        raise ValidationError(
            f"cannot comment: api={api.value}, post id or content id missing",
            status=0,
            fields={"post": ("missing id for this comment API",)},
        )

    async def reconnect(self) -> None:
        """Drop pooled connections (after a suspend or a network change)."""
        await self._http.reset()

    async def aclose(self) -> None:
        """Release the connection pool."""
        await self._http.aclose()

    # -- polls (module 1.4.5; see parse_polls) ---------------------------------------------

    async def list_polls(self, *, page: int = 1, limit: int = 20) -> tuple[tuple[Poll, ...], int]:
        """`GET /polls?page&limit`: polls the user can see, newest first; (polls, pages)."""
        params: dict[str, str | int] = {"page": max(1, page), "limit": clamp_limit(limit)}
        data = await self._http.call("GET", "/polls", params=params)
        results, _total, _page, pages = parse_envelope(data, "poll list")
        polls = parse_items(results[:MAX_PAGE_SIZE], lambda raw: parse_poll(raw, self._tz), "poll")
        return polls[0], pages

    async def get_poll(self, poll_id: int) -> Poll:
        """`GET /polls/poll/{id}`."""
        data = await self._http.call("GET", f"/polls/poll/{int(poll_id)}")
        return parse_poll(data, self._tz)

    async def my_votes(self, poll_id: int) -> frozenset[int]:
        """`GET /polls/vote/{id}`: the answer ids of the caller's vote (empty: not voted)."""
        return parse_my_votes(await self._http.call("GET", f"/polls/vote/{int(poll_id)}"))

    async def vote(self, poll_id: int, answer_ids: tuple[int, ...]) -> None:
        """`PUT /polls/vote/{id} {"answers": [...]}`; a second vote changes nothing (reset first)."""
        body: dict[str, object] = {"answers": [int(a) for a in answer_ids]}
        await self._http.call("PUT", f"/polls/vote/{int(poll_id)}", body=body)
        logger.info("Voted on poll %d (%d answers)", int(poll_id), len(answer_ids))

    async def reset_vote(self, poll_id: int) -> None:
        """`DELETE /polls/vote/{id}`: withdraw the caller's vote (200 also when there was none)."""
        await self._http.call("DELETE", f"/polls/vote/{int(poll_id)}")
        logger.info("Withdrew the vote on poll %d", int(poll_id))
