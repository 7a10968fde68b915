"""What composing and queueing a post is made of: drafts and outbox items. Pure data, no I/O.

The ui shows these and emits them as intents; `services.drafts` and `services.outbox` store
them. Nothing here touches the database or the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from services.models import Container, Person

QUICK_POST_SLOT = "quick_post"
EDIT_SLOT_PREFIX = "edit:"  # + the client id: an edit never touches the quick-post draft


@dataclass(frozen=True, slots=True)
class Draft:
    """The text being written: plain text as typed, the people picked for @mentions.

    `text` holds mentions as "@Display Name"; `mentions` says who each one is, so that the
    text can be encoded on send (`services.mentions.compose`). `editing` is the client id of
    an outbox row being edited instead of a new post.
    """

    text: str = ""
    container_id: int | None = None
    mentions: tuple[Person, ...] = ()
    topics: tuple[str, ...] = ()
    editing: str | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing worth keeping: no text (a target alone is not a draft)."""
        return not self.text.strip()

    @property
    def slot(self) -> str:
        """Where this draft is kept: the quick-post slot, or its own slot for an edit."""
        return QUICK_POST_SLOT if self.editing is None else edit_slot(self.editing)


def edit_slot(client_id: str) -> str:
    """The draft slot of an edit of outbox row `client_id`."""
    return EDIT_SLOT_PREFIX + client_id


@dataclass(frozen=True, slots=True)
class Composition:
    """A finished post the user asked to send: a draft plus the container it goes to."""

    draft: Draft
    target: Container


class OutboxState(StrEnum):
    """Where a queued post stands (RELIABILITY §5: the outbox state machine)."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    AMBIGUOUS = "ambiguous"
    NEEDS_ATTENTION = "needs_attention"
    EDITING = "editing"  # held while the user edits it: never sent until posted or cancelled
    DISCARDED = "discarded"


class OutboxProblem(StrEnum):
    """Why a post waits: the ui picks one translated sentence per value."""

    NONE = ""
    OFFLINE = "offline"
    SERVER_BUSY = "server_busy"
    SIGN_IN = "sign_in"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    REJECTED = "rejected"
    CHECKING = "checking"
    NO_SPACE = "no_space"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One composed post in the outbox; never deleted automatically."""

    client_id: str
    state: OutboxState
    target: Container
    text: str
    message: str
    mentions: tuple[Person, ...]
    topics: tuple[str, ...]
    queued_at: datetime
    attempts: int = 0
    problem: OutboxProblem = OutboxProblem.NONE
    server_message: str = ""
    post_id: int | None = None
    url: str = ""

    @property
    def waiting(self) -> bool:
        """Not sent yet and not given up on by the user: show it in the tray and panel."""
        return self.state not in (OutboxState.SENT, OutboxState.DISCARDED)

    def as_draft(self) -> Draft:
        """The draft to edit this item in the dialog."""
        return Draft(
            text=self.text,
            container_id=self.target.contentcontainer_id,
            mentions=self.mentions,
            topics=self.topics,
            editing=self.client_id,
        )
