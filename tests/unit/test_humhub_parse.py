"""parse.py: JSON → domain objects, on spec-shaped examples and on arbitrary JSON."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.errors import ResponseError
from services.humhub import parse
from services.models import NotificationKind
from tests.unit.test_humhub_support import (
    CONTENT_CREATED,
    MENTIONED,
    NEW_COMMENT,
    NEW_LIKE,
    NS,
    POST_MODEL,
    current_user_json,
    envelope,
    notification_json,
    post_json,
    space_json,
    user_short,
)

POLL_STRING = "humhub\\modules\\polls\\models\\Poll definitions are not yet supported."


@pytest.mark.parametrize(
    ("class_name", "source", "kind"),
    [
        (NEW_LIKE, {"id": 1, "createdBy": user_short()}, NotificationKind.LIKE),
        (MENTIONED, post_json(), NotificationKind.MENTION),
        (
            NEW_COMMENT,
            {"id": 5, "objectModel": POST_MODEL, "objectId": 11},
            NotificationKind.COMMENT,
        ),
        (CONTENT_CREATED, post_json(), NotificationKind.CONTENT_CREATED),
        (CONTENT_CREATED, POLL_STRING, NotificationKind.POLL),
        (NS + "user\\notifications\\Followed", "x not yet supported.", NotificationKind.FOLLOW),
        (
            NS + "space\\notifications\\Invite",
            {"id": 4, "name": "Team"},
            NotificationKind.SPACE_MEMBERSHIP,
        ),
        (
            NS + "space\\notifications\\ApprovalRequestAccepted",
            None,
            NotificationKind.SPACE_MEMBERSHIP,
        ),
        (NS + "rest\\notifications\\CustomTextNotification", None, NotificationKind.CUSTOM),
        (NS + "comment\\notifications\\CommentDeleted", None, NotificationKind.OTHER),
        ("\\" + NEW_LIKE, None, NotificationKind.LIKE),
        ("acme\\calendar\\Reminder", None, NotificationKind.OTHER),
    ],
)
def test_notification_kind(class_name: str, source: object, kind: NotificationKind) -> None:
    assert parse.notification_kind(class_name, source) is kind


def test_post_source_gives_post_content_and_url() -> None:
    note = parse.parse_notification(notification_json(source=post_json(11, 21)))
    assert (note.post_id, note.content_id) == (11, 21)
    assert note.url == "https://intranet.example.org/s/team/post/11"


def test_comment_source_1_18_gives_post_id() -> None:
    source = {"id": 5, "message": "x", "objectModel": POST_MODEL, "objectId": 11}
    assert parse.source_refs(source) == (11, None, "")


def test_comment_source_1_19_gives_content_id() -> None:
    source = {"id": 5, "message": "x", "contentId": 21, "parentCommentId": None}
    assert parse.source_refs(source) == (None, 21, "")


def test_comment_on_something_else_has_no_post_id() -> None:
    source = {"id": 5, "objectModel": NS + "polls\\models\\Poll", "objectId": 3}
    assert parse.source_refs(source) == (None, None, "")


@pytest.mark.parametrize("source", [None, POLL_STRING, 42, [1, 2]])
def test_sourceless_notifications_have_no_refs(source: object) -> None:
    assert parse.source_refs(source) == (None, None, "")


def test_space_source_gives_url_only() -> None:
    assert parse.source_refs({"id": 4, "name": "Team", "url": "/s/team/"}) == (
        None,
        None,
        "/s/team/",
    )


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://intranet.example.org/p/1", True),
        ("/s/team/", True),
        ("javascript:alert(1)", False),
        ("//evil.example.com/x", False),
        ("file:///etc/passwd", False),
        ("https://intranet.example.org/a b", False),
    ],
)
def test_safe_url(url: str, kept: bool) -> None:
    assert (parse.safe_url(url) == url) is kept


def test_naive_created_at_is_server_time() -> None:
    cet = timezone(timedelta(hours=2))
    note = parse.parse_notification(notification_json(), cet)
    assert note.created_at == datetime(2026, 6, 1, 10, 0, tzinfo=cet)
    assert parse.parse_notification(notification_json()).created_at == datetime(
        2026, 6, 1, 10, 0, tzinfo=UTC
    )


def test_zoned_created_at_keeps_its_zone() -> None:
    stamp = parse.parse_server_time("2026-06-01T10:00:00+02:00")
    assert stamp is not None
    assert stamp.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("value", [None, "", "yesterday", 1717236000, "2026-13-01 00:00:00"])
def test_unreadable_created_at_is_none(value: object) -> None:
    assert parse.parse_server_time(value) is None


def test_output_html_becomes_plain_text() -> None:
    output = "<strong>Jan &amp; Piet</strong> reageerden op \u202e<em>&lt;script&gt;</em>"
    note = parse.parse_notification(notification_json(output=output))
    assert note.text == "Jan & Piet reageerden op <script>"


def test_missing_originator_is_none() -> None:
    raw = {**notification_json(), "originator": None}
    assert parse.parse_notification(raw).originator is None


def test_person_display_name_is_cleaned() -> None:
    person = parse.parse_person({**user_short(), "display_name": "  Jan\u202e\u0000 de  Vries "})
    assert person is not None
    assert person.display_name == "Jan de Vries"


def test_current_user() -> None:
    me = parse.parse_current_user(current_user_json())
    assert (me.person.id, me.username, me.email, me.contentcontainer_id) == (
        1,
        "anna",
        "anna@example.org",
        3,
    )


def test_current_user_without_account_still_parses() -> None:
    me = parse.parse_current_user(user_short(9))
    assert me.contentcontainer_id is None
    assert me.username == ""


def test_sign_in_requires_a_token() -> None:
    with pytest.raises(ResponseError):
        parse.parse_sign_in({"code": 200, "message": "Success", "expired_at": 0})


def test_sign_in_absurd_expiry_means_never() -> None:
    assert parse.parse_sign_in({"auth_token": "abc", "expired_at": 10**15}).expires_at is None


def test_post_and_space() -> None:
    post = parse.parse_post(post_json(message="Hoi\u202e"))
    assert post.message == "Hoi"
    assert post.author is not None
    assert post.author.display_name == "Jan de Vries"
    space = parse.parse_container(space_json())
    assert (space.id, space.contentcontainer_id, space.is_space) == (4, 5, True)


@pytest.mark.parametrize(
    ("body", "message", "fields"),
    [
        (
            {"code": 400, "message": "Validation failed", "post": {"message": ["Leeg", 3]}},
            "Validation failed",
            {"message": ("Leeg",)},
        ),
        (
            {"code": 400, "message": "Validation failed", "comment": {"message": "Te lang"}},
            "Validation failed",
            {"message": ("Te lang",)},
        ),
        (
            [{"field": "message", "message": "Cannot be blank."}],
            "",
            {"message": ("Cannot be blank.",)},
        ),
        ({"name": "Unauthorized", "message": "Nope", "code": 0, "status": 401}, "Nope", {}),
        ("<html>", "", {}),
        (None, "", {}),
    ],
)
def test_error_bodies(body: object, message: str, fields: dict[str, tuple[str, ...]]) -> None:
    assert parse.parse_error_body(body) == (message, fields)


# --- arbitrary JSON -------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=30,
)
# Objects whose keys are the ones the parser looks at, with arbitrary values.
KEYS = ["id", "guid", "class", "output", "source", "originator", "createdAt", "content", "metadata",
        "message", "display_name", "url", "objectModel", "objectId", "contentId", "account",
        "contentcontainer_id", "auth_token", "expired_at", "total", "page", "pages", "results",
        "likes", "comments", "created_by", "created_at", "object_model", "name", "field"]  # fmt: skip
keyed_values = st.recursive(
    json_values,
    lambda children: (
        st.dictionaries(st.sampled_from(KEYS), children, max_size=8)
        | st.lists(children, max_size=4)
    ),
    max_leaves=40,
)
PARSERS: list[Callable[[object], object]] = [
    parse.parse_notification,
    parse.parse_notification_page,
    parse.parse_unseen_probe,
    parse.parse_post,
    parse.parse_container,
    parse.parse_current_user,
    parse.parse_sign_in,
    parse.parse_comment_id,
]


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(json_values, keyed_values))
def test_parsers_raise_only_response_error(value: object) -> None:
    for parser in PARSERS:
        with contextlib.suppress(ResponseError):
            parser(value)
    parse.parse_error_body(value)
    parse.source_refs(value)
    parse.parse_person(value)


@settings(max_examples=80, deadline=None)
@given(items=st.lists(st.one_of(keyed_values, st.builds(notification_json)), max_size=8))
def test_page_parsing_never_crashes_and_accounts_for_every_item(items: list[object]) -> None:
    page = parse.parse_notification_page(envelope(items))
    assert len(page.items) + page.skipped == len(items)
    for note in page.items:
        assert "\u202e" not in note.text
