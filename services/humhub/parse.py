"""HumHub JSON → domain objects: pure functions, tested on recorded and generated JSON.

Owns the wire shapes of the REST module (0.11 for HumHub 1.18, 0.12 for 1.19). Never does I/O,
never raises anything but ResponseError, and never logs text or names (only item ids).
Every value is checked at this edge: ids are 1..2^63-1 (what SQLite stores), counts are
clamped to `MAX_COUNT`, strings are cut before they are cleaned, a page holds at most
`MAX_PAGE_SIZE` items; an item that fails is skipped and logged by its id, never the page.
Notification pages can be parsed one item per step (`notification_page_steps`), so that the
caller can give the event loop a turn between items.
Server times have no zone (BRIEF §1): they are read as wall-clock time in `server_tz`, which
callers set from configuration and which defaults to UTC. Spaces, posts, comments and persons
are parsed in `services.humhub.parse_content` and re-exported here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from datetime import UTC, datetime, tzinfo
from typing import TypeVar

from services.errors import ResponseError
from services.humhub.parse_content import MAX_NAME as MAX_NAME  # re-exported, like the rest
from services.humhub.parse_content import parse_comment_id as parse_comment_id
from services.humhub.parse_content import parse_container as parse_container
from services.humhub.parse_content import parse_person as parse_person
from services.humhub.parse_content import parse_post as parse_post
from services.humhub.parse_content import parse_server_time as parse_server_time
from services.humhub.parse_content import safe_url as safe_url
from services.humhub.parse_profile import comment_text, profile_fields
from services.humhub.wire import (
    MAX_COUNT,
    MAX_ID,
    JsonObject,
    as_list,
    as_object,
    describe_id,
    get_count,
    get_id,
    get_object,
    get_str,
    opt_object,
)
from services.models import (
    CurrentUser,
    Notification,
    NotificationKind,
    NotificationPage,
    SignInResult,
    UnseenProbe,
)
from services.port import MAX_PAGE_SIZE
from services.text import clean_text, html_to_text

logger = logging.getLogger(__name__)

T = TypeVar("T")

POST_MODEL = "humhub\\modules\\post\\models\\Post"
MAX_NOTIFICATION_TEXT = 1000
MAX_SERVER_MESSAGE = 300

_NS = "humhub\\modules\\"
_KIND_BY_CLASS = {
    _NS + "like\\notifications\\NewLike": NotificationKind.LIKE,
    _NS + "user\\notifications\\Mentioned": NotificationKind.MENTION,
    _NS + "comment\\notifications\\NewComment": NotificationKind.COMMENT,
    _NS + "content\\notifications\\ContentCreated": NotificationKind.CONTENT_CREATED,
    _NS + "user\\notifications\\Followed": NotificationKind.FOLLOW,
    _NS + "rest\\notifications\\CustomTextNotification": NotificationKind.CUSTOM,
}
_SPACE_NOTIFICATIONS = _NS + "space\\notifications\\"


def parse_sign_in(value: object) -> SignInResult:
    """The answer of `POST /auth/login`: `expired_at` is unix seconds, 0 = never."""
    obj = as_object(value, "login response")
    token = get_str(obj, "auth_token")
    if not token:
        raise ResponseError("login response without auth_token")
    expires = get_count(obj, "expired_at", ceiling=MAX_ID)
    expires_at: datetime | None = None
    if expires > 0:
        try:
            expires_at = datetime.fromtimestamp(expires, UTC)
        except (OverflowError, OSError, ValueError):
            expires_at = None  # beyond what datetime holds: effectively never
    return SignInResult(token=token, expires_at=expires_at)


def parse_current_user(value: object) -> CurrentUser:
    """The User of `GET /auth/current`."""
    obj = as_object(value, "current user")
    person = parse_person(obj)
    if person is None:
        raise ResponseError("current user without a usable id/guid")
    account = get_object(obj, "account")
    return CurrentUser(
        person=person,
        username=clean_text(get_str(account, "username") or "", max_length=MAX_NAME),
        email=clean_text(get_str(account, "email") or "", max_length=MAX_NAME),
        contentcontainer_id=get_id(account, "contentcontainer_id") if account else None,
        language=clean_text(get_str(account, "language") or "", max_length=20),
        image_url=safe_url(get_str(get_object(obj, "profile"), "image_url")),
        **profile_fields(get_object(obj, "profile")),
    )


def notification_kind(class_name: str, source: object) -> NotificationKind:
    """Map a notification class (FQCN) and its source to a product-neutral kind."""
    name = class_name.lstrip("\\")
    kind = _KIND_BY_CLASS.get(name)
    if kind is NotificationKind.CONTENT_CREATED and _is_poll_source(source):
        return NotificationKind.POLL
    if kind is not None:
        return kind
    if name.startswith(_SPACE_NOTIFICATIONS):
        return NotificationKind.SPACE_MEMBERSHIP
    return NotificationKind.OTHER


def _is_poll_source(source: object) -> bool:
    if isinstance(source, str):
        return "poll" in source.lower()
    meta = get_object(get_object(opt_object(source), "content"), "metadata")
    return "\\polls\\" in (get_str(meta, "object_model") or "").lower()


def source_refs(source: object) -> tuple[int | None, int | None, str]:
    """(post_id, content_id, url) from a notification's source: Post, Comment or SpaceShort."""
    obj = opt_object(source)
    if obj is None:
        return None, None, ""
    content = get_object(obj, "content")
    if content is not None:
        meta = get_object(content, "metadata")
        is_post = get_str(meta, "object_model") in (None, POST_MODEL)
        post_id = get_id(obj, "id") if is_post else None
        content_id = get_id(meta, "id") if meta else None
        return post_id, content_id, safe_url(get_str(meta, "url"))
    if "objectModel" in obj or "contentId" in obj:  # a Comment: 1.18 or 1.19 shape
        post_id = get_id(obj, "objectId") if get_str(obj, "objectModel") == POST_MODEL else None
        return post_id, get_id(obj, "contentId"), ""
    return None, None, safe_url(get_str(obj, "url"))


def parse_notification(value: object, server_tz: tzinfo = UTC) -> Notification:
    """One notification; ResponseError when the item is unusable (the caller skips it)."""
    obj = as_object(value, "notification")
    notification_id = get_id(obj, "id")
    class_name = get_str(obj, "class")
    output = get_str(obj, "output")
    if notification_id is None or class_name is None or output is None:
        raise ResponseError("notification without an id in 1..2^63-1, str class or str output")
    source = obj.get("source")
    post_id, content_id, url = source_refs(source)
    return Notification(
        id=notification_id,
        kind=notification_kind(class_name, source),
        class_name=clean_text(class_name, max_length=MAX_NAME),
        text=html_to_text(output, max_length=MAX_NOTIFICATION_TEXT),
        originator=parse_person(obj.get("originator")),
        created_at=parse_server_time(obj.get("createdAt"), server_tz),
        post_id=post_id,
        content_id=content_id,
        url=url,
        contentcontainer_id=source_container(source),
        comment_text=comment_text(source),
    )


def source_container(source: object) -> int | None:
    """The contentcontainer id of a notification's Post source (its `content.metadata`)."""
    meta = get_object(get_object(opt_object(source), "content"), "metadata")
    return get_id(meta, "contentcontainer_id") if meta else None


def parse_items(
    results: list[object], parse_one: Callable[[object], T], what: str
) -> tuple[tuple[T, ...], int]:
    """Parse every item, skipping (and logging by id only) the ones that don't parse."""
    parsed = [parse_or_skip(raw, parse_one, what) for raw in results]
    items = tuple(item for item in parsed if item is not None)
    return items, len(parsed) - len(items)


def parse_or_skip(raw: object, parse_one: Callable[[object], T], what: str) -> T | None:
    """One item, or None (logged by its id only) when it does not parse."""
    try:
        return parse_one(raw)
    except ResponseError:
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        logger.warning("Skipped a malformed %s (id=%s)", what, describe_id(raw_id))
        return None


def parse_envelope(value: object, what: str) -> tuple[list[object], int, int, int]:
    """A list envelope → (results, total, page, pages); ResponseError if it isn't one.

    The numbers are clamped to 0..MAX_COUNT (a `total` of 10^30 is a very big backlog).
    """
    obj = as_object(value, what)
    results = as_list(obj.get("results"), f"{what} results")
    numbers: list[int] = []
    for key, default in (("total", len(results)), ("page", 1), ("pages", 1)):
        raw = obj.get(key, default)
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise ResponseError(f"{what}: {key} is not an integer")
        numbers.append(min(max(0, raw), MAX_COUNT))
    return results, numbers[0], numbers[1], numbers[2]


def notification_page_steps(
    value: object, server_tz: tzinfo = UTC
) -> Generator[None, None, NotificationPage]:
    """Parse a notification list one item per step; the page is the generator's return value.

    A page holds at most MAX_PAGE_SIZE items (what the client asks for); more are ignored.
    """
    results, total, page, pages = parse_envelope(value, "notification list")
    if len(results) > MAX_PAGE_SIZE:
        logger.warning(
            "Notification page of %d items; read the first %d", len(results), MAX_PAGE_SIZE
        )
        results = results[:MAX_PAGE_SIZE]
    items: list[Notification] = []
    for raw in results:
        item = parse_or_skip(raw, lambda raw: parse_notification(raw, server_tz), "notification")
        if item is not None:
            items.append(item)
        yield
    skipped = len(results) - len(items)
    return NotificationPage(
        items=tuple(items), total=total, page=page, pages=pages, skipped=skipped
    )


def run_steps(steps: Generator[None, None, T]) -> T:
    """Run a step-wise parse to its end at once."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def parse_notification_page(value: object, server_tz: tzinfo = UTC) -> NotificationPage:
    """`GET /notification[/unseen]` → a page; malformed items are counted in `skipped`."""
    return run_steps(notification_page_steps(value, server_tz))


def unseen_probe_of(page: NotificationPage) -> UnseenProbe:
    """The badge count and the newest item's fingerprint of a probe's page."""
    return UnseenProbe(total=page.total, newest=page.items[0].fingerprint if page.items else None)


def parse_unseen_probe(value: object, server_tz: tzinfo = UTC) -> UnseenProbe:
    """`GET /notification/unseen?limit=1` → badge count and the newest item's fingerprint."""
    return unseen_probe_of(parse_notification_page(value, server_tz))


def parse_error_body(value: object) -> tuple[str, dict[str, tuple[str, ...]]]:
    """An error body → (server message, field messages); tolerant of every HumHub/Yii shape.

    `{"code":400,"message":"Validation failed","post":{"message":["…"]}}` gives
    `("Validation failed", {"message": ("…",)})`; Yii's `[{"field":…,"message":…}]` works too.
    """
    fields: dict[str, list[str]] = {}
    obj = opt_object(value)
    if obj is None:
        for entry in value if isinstance(value, list) else []:
            item = opt_object(entry)
            field, text = get_str(item, "field"), get_str(item, "message")
            if field and text:
                fields.setdefault(field, []).append(text)
    else:
        for key, detail in obj.items():
            if key not in ("code", "message", "name", "status", "type"):
                _collect_fields(opt_object(detail), fields)
    message = clean_text(get_str(obj, "message") or "", max_length=MAX_SERVER_MESSAGE)
    return message, {
        clean_text(name, max_length=MAX_NAME): tuple(
            clean_text(text, max_length=MAX_SERVER_MESSAGE) for text in texts
        )
        for name, texts in fields.items()
    }


def _collect_fields(detail: JsonObject | None, fields: dict[str, list[str]]) -> None:
    for name, messages in (detail or {}).items():
        if isinstance(messages, str):
            fields.setdefault(name, []).append(messages)
        elif isinstance(messages, list):
            fields.setdefault(name, []).extend(m for m in messages if isinstance(m, str))
