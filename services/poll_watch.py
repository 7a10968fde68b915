"""Decides what to tell about polls: a new poll, a reminder before its end, its outcome.

Pure decisions over `PollMemory` and a clock, so every schedule runs on a fake clock in tests.
- New poll: alerted once (`poll:ID`). Polls that existed at the very first check are
  recorded silently (no flood at first start); so are polls already closed when first seen
  and polls a poll notification already announced (matched on the question). A poll first
  seen by a check waits one check for the server's notification (which reaches only members
  who receive new-content notifications), so the two never both alert.
- Reminder: for an open poll with a known end the user has not voted in, once, from
  `REMIND_BEFORE` before the end, but never before half its life: a short poll (a day, an
  hour) would else remind at once, next to its own new-poll alert. When that moment falls in
  quiet time and working time starts again before the end, the reminder waits for it.
- Outcome: once, when a poll the user was alerted about or voted in is seen closed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from services.clock import Clock
from services.models import Poll
from services.poll_memory import (
    BASELINE,
    PollMemory,
    closed_key,
    new_key,
    reminded_key,
    voted_key,
)
from services.quiet_hours import QuietHours
from services.seen import Disposition

logger = logging.getLogger(__name__)

REMIND_BEFORE = timedelta(hours=24)
# a quoted title the server cut short: "Welke dag past het best voor het teamov…"
_CUT_QUOTE = re.compile(r'["“„]([^"“”„]{8,}?)\s*(?:…|\.\.\.)["”]')
MAX_ANNOUNCED = 50  # poll notification texts kept to match new polls against


class PollEventKind(StrEnum):
    NEW = "new"
    REMINDER = "reminder"
    OUTCOME = "outcome"


@dataclass(frozen=True, slots=True)
class PollEvent:
    """Something to tell the user about one poll."""

    kind: PollEventKind
    poll: Poll
    left: timedelta | None = None  # a reminder: the time left until the poll's end


def reminder_time(
    ends_at: datetime, quiet: QuietHours | None, created_at: datetime | None = None
) -> datetime:
    """When to remind of a poll ending at `ends_at`: a working moment if one comes in time."""
    due = ends_at - REMIND_BEFORE
    if created_at is not None and created_at < ends_at:
        due = max(due, created_at + (ends_at - created_at) / 2)
    if quiet is None or not quiet.is_quiet(due):
        return due
    later = quiet.quiet_until(due)
    return later if later is not None and later < ends_at else due


class PollWatch:
    """Turns each check's list of polls into at most one event per poll and kind."""

    def __init__(self, memory: PollMemory, clock: Clock, quiet: QuietHours | None = None) -> None:
        self._memory, self._clock, self._quiet = memory, clock, quiet
        self._announced: list[str] = []

    def announced(self, texts: Iterable[str]) -> None:
        """Poll notifications the alert policy already showed (their text names the question)."""
        self._announced = ([t.casefold() for t in texts] + self._announced)[:MAX_ANNOUNCED]

    def voted(self, poll_id: int) -> None:
        """The user voted (through the app): the poll's outcome will be told."""
        self._memory.record(voted_key(poll_id), poll_id, Disposition.ALERTED, self._clock.now())

    def needs_votes(self, poll: Poll) -> bool:
        """Whether the check should ask the server for the user's vote on this poll."""
        if poll.closed:
            return not self._memory.knows(closed_key(poll.id)) and self._memory.knows(
                new_key(poll.id)
            )
        return poll.ends_at is not None and not self._memory.knows(reminded_key(poll.id))

    def review(self, polls: tuple[Poll, ...], voted: Mapping[int, bool]) -> list[PollEvent]:
        """The events for one check; `voted` holds what the server said for `needs_votes` polls."""
        now = self._clock.now()
        first = not self._memory.knows(BASELINE)
        events: list[PollEvent] = []
        for poll in polls:
            events.extend(self._review_one(poll, voted.get(poll.id, False), now, first=first))
        if first:
            self._memory.record(BASELINE, 0, Disposition.MUTED, now)
            logger.info("Poll baseline recorded (%d polls, none alerted)", len(polls))
        self._memory.touch([new_key(p.id) for p in polls] + [BASELINE], now)
        return events

    def _review_one(
        self, poll: Poll, voted: bool, now: datetime, *, first: bool
    ) -> list[PollEvent]:
        memory, events = self._memory, list[PollEvent]()
        known = memory.disposition(new_key(poll.id))
        if known is None:
            # First sight: recorded silently (baseline, closed), as covered by a notification,
            # or as pending: alerted at the next check unless a notification names it first.
            if first or poll.closed:
                disposition = Disposition.MUTED
            else:
                disposition = Disposition.ALERTED if self._was_announced(poll) else Disposition.NEW
            memory.record(new_key(poll.id), poll.id, disposition, now)
            if poll.closed:
                memory.record(closed_key(poll.id), poll.id, Disposition.MUTED, now)
            logger.info("Poll %d first seen (%s)", poll.id, disposition.value)
            return events
        if known is Disposition.NEW:
            announced = self._was_announced(poll)
            known = Disposition.ALERTED if announced or not poll.closed else Disposition.MUTED
            memory.record(new_key(poll.id), poll.id, known, now)
            if not announced and not poll.closed:
                events.append(PollEvent(PollEventKind.NEW, poll))
        if poll.closed:
            if not memory.knows(closed_key(poll.id)):
                memory.record(closed_key(poll.id), poll.id, Disposition.ALERTED, now)
                involved = known is Disposition.ALERTED or voted or memory.knows(voted_key(poll.id))
                if involved:
                    events.append(PollEvent(PollEventKind.OUTCOME, poll))
            return events
        if (
            poll.ends_at is not None
            and not voted
            and not memory.knows(reminded_key(poll.id))
            and reminder_time(poll.ends_at, self._quiet, poll.created_at) <= now < poll.ends_at
        ):
            memory.record(reminded_key(poll.id), poll.id, Disposition.ALERTED, now)
            events.append(PollEvent(PollEventKind.REMINDER, poll, poll.ends_at - now))
        return events

    def _was_announced(self, poll: Poll) -> bool:
        return any(names_question(text, poll.question) for text in self._announced)


def names_question(text: str, question: str) -> bool:
    """Whether a notification's text names `question`, whole or cut short with an ellipsis."""
    folded, wanted = text.casefold(), question.casefold().strip()
    if not wanted:
        return False
    if wanted in folded:
        return True
    return any(wanted.startswith(cut.strip()) for cut in _CUT_QUOTE.findall(folded))
