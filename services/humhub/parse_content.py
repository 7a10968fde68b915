"""HumHub JSON for content and the people behind it: spaces, posts, comments, persons.

Pure functions, like `services.humhub.parse` (which re-exports everything here): no I/O, never
raises anything but ResponseError, never logs. Also owns the two field readers every wire shape
shares: server times (zone-less, read in `server_tz`) and URLs from the server.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from services.errors import ResponseError
from services.humhub.wire import as_object, get_count, get_id, get_object, get_str, opt_object
from services.models import Container, Person, Post
from services.text import clean_text, strip_controls

MAX_NAME = 200
MAX_GUID = 100  # HumHub's guids are 36 characters
MAX_URL = 2048
MAX_TIME = 40  # "YYYY-MM-DD HH:MM:SS" with a zone and fractions fits easily
# Dates a day inside Python's calendar: any zone's offset (< 24 h) still fits, so
# turning one into UTC or the desktop's zone never raises OverflowError.
_DATE_RANGE = (date.min + timedelta(days=1), date.max - timedelta(days=1))


def parse_server_time(value: object, server_tz: tzinfo = UTC) -> datetime | None:
    """Read a server timestamp (`YYYY-MM-DD HH:MM:SS`, zone-less) as an aware datetime."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TIME:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if not _DATE_RANGE[0] <= parsed.date() <= _DATE_RANGE[1]:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=server_tz)


def safe_url(value: str | None) -> str:
    """Keep an http(s) or site-relative URL from the server; drop anything else."""
    if not value or len(value) > MAX_URL:
        return ""
    url = strip_controls(value).strip()
    lowered = url.lower()
    if lowered.startswith(("https://", "http://")) or (
        url.startswith("/") and not url.startswith("//")
    ):
        return url if not any(ch.isspace() for ch in url) else ""
    return ""


def parse_person(value: object) -> Person | None:
    """A UserShort or User; None when absent or unusable (never an error)."""
    obj = opt_object(value)
    if obj is None:
        return None
    person_id = get_id(obj, "id")
    guid = get_str(obj, "guid")
    if person_id is None or guid is None or not 0 < len(guid) <= MAX_GUID:
        return None
    name = clean_text(get_str(obj, "display_name") or "", max_length=MAX_NAME)
    return Person(id=person_id, guid=guid, display_name=name, url=safe_url(get_str(obj, "url")))


def parse_container(value: object) -> Container:
    """A Space as a place to post to; ResponseError without id, guid or contentcontainer_id."""
    obj = as_object(value, "space")
    space_id = get_id(obj, "id")
    guid = get_str(obj, "guid")
    container_id = get_id(obj, "contentcontainer_id")
    if space_id is None or guid is None or container_id is None or len(guid) > MAX_GUID:
        raise ResponseError("space without id, guid or contentcontainer_id in range")
    return Container(
        id=space_id,
        guid=guid,
        name=clean_text(get_str(obj, "name") or "", max_length=MAX_NAME),
        contentcontainer_id=container_id,
        url=safe_url(get_str(obj, "url")),
        is_space=True,
    )


def parse_post(value: object, server_tz: tzinfo = UTC) -> Post:
    """A Post; ResponseError without the post id or the content id."""
    obj = as_object(value, "post")
    content = get_object(obj, "content")
    meta = get_object(content, "metadata")
    post_id = get_id(obj, "id")
    content_id = get_id(meta, "id") if meta else None
    if post_id is None or content_id is None or meta is None:
        raise ResponseError("post without an id or content.metadata.id in 1..2^63-1")
    return Post(
        id=post_id,
        content_id=content_id,
        message=strip_controls(get_str(obj, "message") or ""),
        author=parse_person(meta.get("created_by")),
        created_at=parse_server_time(meta.get("created_at"), server_tz),
        url=safe_url(get_str(meta, "url")),
        contentcontainer_id=get_id(meta, "contentcontainer_id"),
        likes=get_count(get_object(content, "likes"), "total"),
        comments=get_count(get_object(content, "comments"), "total"),
    )


def parse_comment_id(value: object) -> int:
    """The id of a created Comment."""
    comment_id = get_id(as_object(value, "comment"), "id")
    if comment_id is None:
        raise ResponseError("comment without an id in 1..2^63-1")
    return comment_id
