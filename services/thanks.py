"""Saying "thanks" under the post a notification is about, exactly once per notification.

HumHub's like notifications do not carry the liked post (BRIEF §4: the Like source has only
`id, createdBy, createdAt`), so the post is found by its quoted title among the user's own
recent posts. Comment and mention notifications carry the post (or its content id) directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from services.alert_policy import quoted_title
from services.errors import OfflineError, ServiceError, ValidationError
from services.models import Capabilities, CommentApi, Notification, NotificationKind
from services.people import fold
from services.port import IntranetPort

logger = logging.getLogger(__name__)

THANKABLE = frozenset({NotificationKind.LIKE, NotificationKind.COMMENT, NotificationKind.MENTION})
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
        and notification.kind in THANKABLE
    )


def _prefix(text: str) -> str:
    """Folded, whitespace-normalised text without the ellipsis HumHub adds to long titles."""
    folded = fold(text.replace("…", " ")).replace("...", " ")
    return " ".join(folded.split())


async def find_post(port: IntranetPort, notification: Notification, my_guid: str) -> PostRef | None:
    """The post behind `notification`, or None when it cannot be found."""
    if notification.post_id is not None or notification.content_id is not None:
        return PostRef(notification.post_id, notification.content_id)
    title = _prefix(quoted_title(notification.text))
    if not title:
        return None
    for post in await port.list_recent_posts(limit=RECENT_POSTS_SEARCHED):
        mine = post.author is not None and post.author.guid == my_guid
        if mine and _prefix(post.message).startswith(title):
            return PostRef(post.id, post.content_id)
    return None


class Thanker:
    """Posts one thank-you comment per notification; a second request is refused."""

    def __init__(self, port: IntranetPort) -> None:
        self._port = port
        self._done: set[int] = set()

    def already_thanked(self, notification_id: int) -> bool:
        """Whether this session already thanked for the notification."""
        return notification_id in self._done

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
        target = await find_post(self._port, notification, my_guid)
        if target is None:
            raise ValidationError("the post of this notification was not found", status=0)
        self._done.add(notification.id)
        try:
            return await self._port.comment_on_post(
                target.post_id, target.content_id, message, api=capabilities.comment_api
            )
        except ValidationError:
            self._done.discard(notification.id)  # refused before or by the server: retry is safe
            raise
        except OfflineError as exc:
            if exc.nothing_sent:
                self._done.discard(notification.id)
            raise
        except ServiceError:
            logger.warning(
                "Thank-you for notification %d may not have been posted", notification.id
            )
            raise
