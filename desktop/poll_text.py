"""Poll alerts and vote errors in the user's language (the "Polls" translation context)."""

from __future__ import annotations

import math
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QObject

from desktop.alert_text import PANEL_URL, fill
from services.errors import ForbiddenError, NotFoundError, OfflineError, ServiceError
from services.models import Alert, AlertAction, Poll
from services.poll_votes import VoteFailedError
from services.poll_watch import PollEvent, PollEventKind, names_question

KEY_PREFIX = "poll:"


def poll_id_of(alert: Alert) -> int | None:
    """The poll an alert of ours is about (None for a notification's alert)."""
    if not alert.key.startswith(KEY_PREFIX):
        return None
    head = alert.key[len(KEY_PREFIX) :].split(":", 1)[0]
    return int(head) if head.isdigit() else None


class PollReminderText(QObject):
    """The reminder's plural texts: PySide6's lupdate records plurals only for `self.tr`."""

    def line(self, left: timedelta) -> str:
        minutes = max(1, math.ceil(left.total_seconds() / 60))
        if minutes < 120:
            return self.tr("Closes in %n minute(s). You have not voted yet: %1", "", minutes)
        if minutes < 48 * 60:
            return self.tr(
                "Closes in %n hour(s). You have not voted yet: %1", "", round(minutes / 60)
            )
        return self.tr("Closes in %n day(s). You have not voted yet: %1", "", round(minutes / 1440))


def reminder_line(left: timedelta | None) -> str:
    """The reminder's text (%1: the question), saying how long the poll stays open."""
    if left is None:
        return QCoreApplication.translate("Polls", "You have not voted yet: %1")
    return PollReminderText().line(left)


def event_alert(event: PollEvent) -> Alert:
    """The alert for a new poll, a reminder or a closed poll."""
    poll = event.poll
    key = f"{KEY_PREFIX}{poll.id}:{event.kind.value}"
    url = poll.url or PANEL_URL
    if event.kind is PollEventKind.NEW:
        who = poll.created_by.display_name if poll.created_by else ""
        title = (
            fill(QCoreApplication.translate("Polls", "New poll by %1"), who)
            if who
            else QCoreApplication.translate("Polls", "New poll")
        )
        actions: tuple[AlertAction, ...] = (AlertAction.VOTE, AlertAction.OPEN, AlertAction.DISMISS)
        return Alert(key=key, title=title, body=poll.question, url=url, actions=actions)
    if event.kind is PollEventKind.REMINDER:
        body = fill(reminder_line(event.left), poll.question)
        actions = (AlertAction.VOTE, AlertAction.DISMISS)
        return Alert(
            key=key,
            title=QCoreApplication.translate("Polls", "A poll closes soon"),
            body=body,
            url=url,
            actions=actions,
        )
    # REST has no vote counts, so the outcome is a link to the result on the intranet.
    body = fill(
        QCoreApplication.translate("Polls", "“%1” is closed. Open it to see the result."),
        poll.question,
    )
    actions = (AlertAction.OPEN, AlertAction.DISMISS)
    return Alert(
        key=key,
        title=QCoreApplication.translate("Polls", "The poll is closed"),
        body=body,
        url=url,
        actions=actions,
    )


def open_failed_alert(poll_id: int, url: str) -> Alert:
    """The poll could not be loaded for voting."""
    return Alert(
        key=f"{KEY_PREFIX}{poll_id}:open-failed",
        title=QCoreApplication.translate("Polls", "The poll could not be opened"),
        body=QCoreApplication.translate(
            "Polls", "Startpunt could not load this poll. You can vote on the intranet."
        ),
        url=url or PANEL_URL,
        actions=(AlertAction.OPEN, AlertAction.DISMISS),
    )


def vote_error(error: VoteFailedError) -> str:
    """Why a vote was not recorded, and what the user can do."""
    if error.withdrawn:
        return QCoreApplication.translate(
            "Polls",
            "Your earlier vote was withdrawn, but the new vote did not arrive."
            " No vote is recorded now: please try again.",
        )
    return failure_text(error.cause)


def failure_text(cause: ServiceError | None) -> str:
    """A failed poll call in the user's words."""
    if isinstance(cause, OfflineError):
        return QCoreApplication.translate(
            "Polls", "The intranet could not be reached. Your choice is kept: try again."
        )
    if isinstance(cause, ForbiddenError):
        return QCoreApplication.translate(
            "Polls", "The intranet did not accept this vote. The poll may be closed."
        )
    if isinstance(cause, NotFoundError):
        return QCoreApplication.translate("Polls", "This poll no longer exists.")
    return QCoreApplication.translate("Polls", "The vote did not go through. Please try again.")


def refused_text() -> str:
    return QCoreApplication.translate(
        "Polls", "This choice cannot be sent: the poll may be closed."
    )


def poll_question_in(text: str, polls: tuple[Poll, ...]) -> Poll | None:
    """The poll whose question a notification's text names (newest first wins)."""
    return next((p for p in polls if names_question(text, p.question)), None)
