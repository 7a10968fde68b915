"""What "Jouw week" shows: plain data for the window and the alert (no store, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PostReactions:
    """One of the user's own posts of the week and the reactions seen on it."""

    text: str
    url: str
    likes: int = 0
    comments: int = 0


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """What the user received and did this week (counts and names, newest last)."""

    likes: int = 0
    comments: int = 0
    thanks: int = 0
    thanked_by: tuple[str, ...] = ()  # distinct names, in the order they thanked
    mentions: int = 0
    posts: tuple[PostReactions, ...] = ()
    votes: tuple[str, ...] = ()  # the polls' questions

    @property
    def empty(self) -> bool:
        """Whether nothing at all happened (the window's friendly empty state)."""
        return not (self.likes or self.comments or self.thanks or self.mentions
                    or self.posts or self.votes)  # fmt: skip
