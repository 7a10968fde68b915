"""Saying "thanks" under the post a notification is about, exactly once per notification.

HumHub's like notifications do not carry the liked post (BRIEF §4: the Like source has only
`id, createdBy, createdAt`), so the post is found by its quoted title among the user's own
recent posts. Comment and mention notifications carry the post (or its content id) directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from services.alert_policy import quoted_title
from services.errors import OfflineError, ServiceError, ValidationError
from services.mentions import to_plain
from services.models import THANKABLE_KINDS, Capabilities, CommentApi, Notification
from services.people import fold
from services.port import IntranetPort
from services.store import Database, StoreError, db_time

logger = logging.getLogger(__name__)

RECENT_POSTS_SEARCHED = 50


@dataclass(frozen=True, slots=True)
class PostRef:
    """Which post to comment on: the post id (1.18 API) and its content id (1.19 API)."""

    post_id: int | None
    content_id: int | None


def can_thank(notification: Notification, capabilities: Capabilities | None) -> bool:
    """Whether a thank-you comment is possible for this notification on this server."""
    return (
        capabilities is not None
        and capabilities.comment_api is not CommentApi.UNKNOWN
        and notification.kind in THANKABLE_KINDS
    )


def _prefix(text: str) -> str:
    """Folded letters and digits only, single-spaced: how a post and its quoted title compare.

    The title in a notification is the post rendered as text (a mention reads "@Jan Bakker"
    or "Jan Bakker", Markdown marks are gone, long titles end in "…"); the post's message is
    Markdown with `[Jan Bakker](mention:guid "url")`. Both are reduced to their words.
    """
    folded = fold(text)
    words = "".join(ch if ch.isalnum() else " " for ch in folded)
    return " ".join(words.split())


async def find_post(port: IntranetPort, notification: Notification, my_guid: str) -> PostRef | None:
    """The post behind `notification`, or None when it cannot be found."""
    if notification.post_id is not None or notification.content_id is not None:
        return PostRef(notification.post_id, notification.content_id)
    title = _prefix(quoted_title(notification.text))
    if not title:
        return None
    for post in await port.list_recent_posts(limit=RECENT_POSTS_SEARCHED):
        mine = post.author is not None and post.author.guid == my_guid
        if mine and _prefix(to_plain(post.message)).startswith(title):
            return PostRef(post.id, post.content_id)
    return None


class Thanker:
    """Posts one thank-you comment per notification; a second request is refused.

    The notification counts as thanked before the first await (two clicks in a row cannot
    both pass) and is recorded in the database, so a restart does not offer it again.
    """

    def __init__(self, port: IntranetPort, db: Database | None = None) -> None:
        self._port = port
        self._db = db
        self._done: set[int] = set()
        if db is not None:
            rows = db.connection.execute("SELECT notification_id FROM thanked").fetchall()
            self._done.update(int(row[0]) for row in rows)

    def already_thanked(self, notification_id: int) -> bool:
        """Whether the notification was thanked for (or is being thanked for now)."""
        return notification_id in self._done

    def _record(self, notification_id: int, *, done: bool) -> None:
        if done:
            self._done.add(notification_id)
        else:
            self._done.discard(notification_id)
        if self._db is None:
            return
        try:
            with self._db.transaction() as conn:
                if done:
                    conn.execute(
                        "INSERT OR IGNORE INTO thanked (notification_id, thanked_at) VALUES (?, ?)",
                        (notification_id, db_time(datetime.now(UTC))),
                    )
                else:
                    conn.execute(
                        "DELETE FROM thanked WHERE notification_id = ?", (notification_id,)
                    )
        except StoreError as exc:
            logger.warning(
                "Could not record the thanks for notification %d: %s", notification_id, exc
            )

    async def thank(
        self,
        notification: Notification,
        message: str,
        *,
        capabilities: Capabilities,
        my_guid: str,
    ) -> int:
        """Comment `message` under the post; return the comment id.

        Raises ValidationError when the post cannot be found or the server can't comment,
        and any ServiceError of the connector. The notification counts as thanked as soon
        as the request is sent, so an ambiguous failure never leads to a second comment.
        """
        if notification.id in self._done:
            raise ValidationError("already thanked for this notification", status=0)
        self._done.add(notification.id)  # before any await: a second click is refused
        try:
            target = await find_post(self._port, notification, my_guid)
        except ServiceError:
            self._done.discard(notification.id)  # nothing was posted yet
            raise
        if target is None:
            self._done.discard(notification.id)
            raise ValidationError("the post of this notification was not found", status=0)
        self._record(notification.id, done=True)
        try:
            return await self._port.comment_on_post(
                target.post_id, target.content_id, message, api=capabilities.comment_api
            )
        except ValidationError:
            self._record(notification.id, done=False)  # refused: a retry is safe
            raise
        except OfflineError as exc:
            if exc.nothing_sent:
                self._record(notification.id, done=False)
            raise
        except ServiceError:
            logger.warning(
                "Thank-you for notification %d may not have been posted", notification.id
            )
            raise
