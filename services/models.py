"""Domain model shared by every layer: frozen dataclasses, no Qt, no JSON dicts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class NotificationKind(StrEnum):
    """What a notification is about, independent of the intranet product."""

    LIKE = "like"
    MENTION = "mention"
    COMMENT = "comment"
    CONTENT_CREATED = "content_created"
    FOLLOW = "follow"
    SPACE_MEMBERSHIP = "space_membership"
    POLL = "poll"
    CUSTOM = "custom"
    OTHER = "other"


#: Reactions one can say "Bedankt!" for: a thank-you comment goes under one's own post.
THANKABLE_KINDS = frozenset({NotificationKind.LIKE, NotificationKind.COMMENT})


class CommentApi(StrEnum):
    """Which shape the server's comment-creation call has."""

    V1_18 = "1.18"  # POST /comment {objectModel, objectId, Comment: {message}}
    V1_19 = "1.19"  # POST /comment?contentId=N {message}
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Person:
    """Someone on the intranet, as far as a normal user can see them."""

    id: int
    guid: str
    display_name: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class CurrentUser:
    """The signed-in user."""

    person: Person
    username: str
    email: str
    contentcontainer_id: int | None
    language: str = ""
    image_url: str = ""  # the profile picture (`profile.image_url`); "" when none
    # Profile fields a colleague looks for (services.profile_check): function, about, phone
    title: str = ""
    about: str = ""
    phone: str = ""  # `phone_work`, else `mobile`


@dataclass(frozen=True, slots=True)
class Container:
    """A place one can post to: a space or a profile."""

    id: int
    guid: str
    name: str
    contentcontainer_id: int
    url: str = ""
    is_space: bool = True


@dataclass(frozen=True, slots=True)
class Post:
    """A post as the server returned it."""

    id: int
    content_id: int
    message: str
    author: Person | None
    created_at: datetime | None
    url: str
    contentcontainer_id: int | None
    likes: int = 0
    comments: int = 0
    topics: tuple[str, ...] = ()  # as the server attached them (it drops what one may not add)


@dataclass(frozen=True, slots=True)
class TopicChoice:
    """The topics one may give a post in a container: the existing ones, and whether the
    user may add new ones (HumHub: space owners, admins and moderators; one's own profile)."""

    existing: tuple[str, ...] = ()
    can_create: bool = False


def dropped_topics(asked: tuple[str, ...], attached: tuple[str, ...]) -> tuple[str, ...]:
    """The topics asked for that the server did not attach (names compare without case)."""
    kept = {name.casefold() for name in attached}
    return tuple(name for name in asked if name.casefold() not in kept)


@dataclass(frozen=True, slots=True)
class Notification:
    """One (possibly grouped) notification; `text` is plain text, never markup."""

    id: int
    kind: NotificationKind
    class_name: str
    text: str
    originator: Person | None
    created_at: datetime | None
    post_id: int | None = None
    content_id: int | None = None
    url: str = ""
    contentcontainer_id: int | None = None  # where the content lives, when the source says
    comment_text: str = ""  # a comment source's message as plain text (thanks are found in it)

    @property
    def fingerprint(self) -> str:
        """Key for "seen before": HumHub regroups notifications and rewrites their text."""
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return f"{self.id}:{self.class_name}:{digest}"


@dataclass(frozen=True, slots=True)
class UnseenProbe:
    """The answer of the cheap probe: the badge count and the newest item's fingerprint."""

    total: int
    newest: str | None


@dataclass(frozen=True, slots=True)
class NotificationPage:
    """One page of a paginated notification list."""

    items: tuple[Notification, ...]
    total: int
    page: int
    pages: int
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class SignInResult:
    """A token from username+password sign-in; `expires_at` is None when it never expires."""

    token: str = field(repr=False)
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What this server can do for us."""

    rest_api: bool
    comment_api: CommentApi
    polls: bool
    server_version: str = ""
    modules: tuple[str, ...] = ()


class ConnectionState(StrEnum):
    """How the app stands with the intranet."""

    STARTING = "starting"
    ONLINE = "online"
    OFFLINE = "offline"
    AUTH_REQUIRED = "auth_required"


class AlertAction(StrEnum):
    """What the user can do from an alert."""

    OPEN = "open"
    THANK = "thank"
    MARK_ALL_READ = "mark_all_read"
    SIGN_IN = "sign_in"  # "Sign in again": the first-run wizard at its sign-in page
    DISMISS = "dismiss"
    VOTE = "vote"  # a poll's alert: open the vote dialog


@dataclass(frozen=True, slots=True)
class Alert:
    """One desktop alert, built from plain fields; `key` identifies it for in-place updates."""

    key: str
    title: str
    body: str
    url: str
    actions: tuple[AlertAction, ...] = (AlertAction.OPEN, AlertAction.DISMISS)
    notification_id: int | None = None


class AlertPlanKind(StrEnum):
    """The shape of a planned desktop alert."""

    SINGLE = "single"  # one notification
    GROUP = "group"  # likes or comments on one post, updated in place
    SUMMARY = "summary"  # "n new notifications" instead of a flood


class SummaryReason(StrEnum):
    """Why a summary was planned instead of separate alerts."""

    BACKLOG = "backlog"  # more than a handful at once (first start, back from holiday)
    RATE_LIMIT = "rate_limit"  # beyond about one alert per 10 s
    QUIET_ENDED = "quiet_ended"  # what arrived during quiet hours or a pause


@dataclass(frozen=True, slots=True)
class AlertPlan:
    """What the alert policy decided to show; the desktop layer renders and translates it.

    `key` is stable for in-place updates (a group's key stays the same while it grows);
    For SINGLE and GROUP, `notification` is the newest item (its id, url, text, kind).
    For SUMMARY, `count` is how many arrived and `more` says the count is a lower bound.
    """

    kind: AlertPlanKind
    key: str
    notification: Notification | None = None
    group_key: str = ""  # GROUP: what the likes/comments are grouped on (e.g. "like:post:7")
    actor_names: tuple[str, ...] = ()  # distinct, newest first
    title: str = ""  # the post's title snippet when the server text names one
    leader: bool = False  # new content by a leader ("from leadership")
    count: int = 0
    more: bool = False
    reason: SummaryReason | None = None
    fingerprints: tuple[str, ...] = ()  # every notification this alert covers
    server_counted: bool = False  # GROUP: the server regrouped it; its own text counts everyone

    @property
    def first_actor(self) -> str:
        """The newest actor's name, or "" when nobody is known."""
        return self.actor_names[0] if self.actor_names else ""

    @property
    def others(self) -> int:
        """How many more actors there are besides `first_actor`."""
        return max(0, len(self.actor_names) - 1)

    @property
    def notification_kind(self) -> NotificationKind | None:
        """The kind of notification this alert is about (None for a summary)."""
        return None if self.notification is None else self.notification.kind


@dataclass(frozen=True, slots=True)
class PollAnswer:
    """One answer a poll offers."""

    id: int
    text: str


@dataclass(frozen=True, slots=True)
class Poll:
    """A poll as the server described it; `text` fields are plain text.

    `ends_at` is None when the server knows no end (HumHub's polls 1.4.5 has none).
    """

    id: int
    question: str
    description: str
    answers: tuple[PollAnswer, ...]
    allow_multiple: bool
    closed: bool
    anonymous: bool
    contentcontainer_id: int | None
    url: str
    created_by: Person | None
    created_at: datetime | None
    ends_at: datetime | None = None
    container_name: str = ""  # the space's name when the server said it


@dataclass(frozen=True, slots=True)
class OpenPoll:
    """A poll for the panel with the user's own vote (empty: not voted; None: unknown)."""

    poll: Poll
    my_answers: frozenset[int] | None
