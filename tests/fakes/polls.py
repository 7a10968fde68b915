"""Poll values for tests: one factory with the defaults most tests need."""

from __future__ import annotations

from datetime import datetime

from services.models import OpenPoll, Poll, PollAnswer

YES_NO = (PollAnswer(1, "Yes"), PollAnswer(2, "No"))
WHERE = (PollAnswer(1, "Office"), PollAnswer(2, "Cafe"), PollAnswer(3, "Online"))


def make_poll(
    pid: int = 7,
    question: str = "",
    *,
    answers: tuple[PollAnswer, ...] = YES_NO,
    description: str = "",
    multiple: bool = False,
    closed: bool = False,
    ends_at: datetime | None = None,
    container_name: str = "",
    url: str = "",
) -> Poll:
    """A poll in container 5; the question defaults to "Question <pid>?"."""
    return Poll(
        id=pid,
        question=question or f"Question {pid}?",
        description=description,
        answers=answers,
        allow_multiple=multiple,
        closed=closed,
        anonymous=False,
        contentcontainer_id=5,
        url=url,
        created_by=None,
        created_at=None,
        ends_at=ends_at,
        container_name=container_name,
    )


def make_open_poll(
    pid: int, question: str, mine: frozenset[int] | None = frozenset(), *, space: str = ""
) -> OpenPoll:
    """An open poll as the Polls block gets it (`mine`: the user's answers; None: unknown)."""
    return OpenPoll(make_poll(pid, question, container_name=space), mine)
