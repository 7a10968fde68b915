"""The local activity journal: what the app saw that concerns the user, for "Jouw week".

Pure Python over `services.store.Database`; nothing here is ever sent anywhere. Entries come
from notifications (likes, comments, thanks, mentions), from the outbox (one's own posts) and
from votes. Each entry has a key, so the same notification seen again (also after a restart)
never counts twice; a like group HumHub regroups under the same id counts each new liker once.
Entries older than `RETENTION` are pruned.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from services.alert_policy import quoted_title
from services.clock import Clock
from services.models import Notification, NotificationKind
from services.people import fold
from services.store import Database, StoreError, db_time

logger = logging.getLogger(__name__)

RETENTION = timedelta(weeks=8)
PRUNE_EVERY = timedelta(hours=6)
MAX_SUBJECT = 200
# Words of a thank-you comment (folded): Dutch and English, as colleagues write them.
_THANKS = re.compile(
    r"\b(bedankt|dank\s*je(wel)?|dank\s*u(wel)?|dankzij\s*jou|thanks?|thank\s*you|thx|merci)\b"
)


class ActivityKind(StrEnum):
    """What an entry of the journal records."""

    LIKE = "like"  # someone liked one's post or comment
    COMMENT = "comment"  # someone commented (not a thank-you)
    THANKS = "thanks"  # a comment or mention that says thanks
    MENTION = "mention"
    POST = "post"  # one's own post, confirmed sent
    VOTE = "vote"  # a poll one voted in


def is_thanks(text: str) -> bool:
    """Whether a comment's text says thanks ("Bedankt!", "Dank je wel", "Thanks!")."""
    return bool(_THANKS.search(fold(text)))


def _who(n: Notification) -> str:
    if n.originator is not None:
        return n.originator.guid or str(n.originator.id)
    return hashlib.sha256(n.text.encode("utf-8")).hexdigest()[:12]


def entry_for(n: Notification) -> tuple[str, ActivityKind] | None:
    """The journal key and kind for a notification, or None when it is not about the user."""
    if n.kind is NotificationKind.LIKE:
        return f"like:{n.id}:{_who(n)}", ActivityKind.LIKE
    if n.kind is NotificationKind.COMMENT:
        kind = ActivityKind.THANKS if is_thanks(n.comment_text) else ActivityKind.COMMENT
        return f"comment:{n.id}:{_who(n)}", kind
    if n.kind is NotificationKind.MENTION:
        kind = ActivityKind.THANKS if is_thanks(n.comment_text) else ActivityKind.MENTION
        return f"mention:{n.id}", kind
    return None


class ActivityJournal:
    """Records entries (idempotent by key) and answers what happened between two moments."""

    def __init__(self, db: Database, clock: Clock, *, retention: timedelta = RETENTION) -> None:
        self.db = db
        self._clock = clock
        self._retention = retention
        self._last_prune: datetime | None = None

    def record_notifications(self, items: Iterable[Notification]) -> int:
        """Record the notifications that concern the user; return how many entries are new."""
        now = self._clock.now()
        rows = []
        for n in items:
            found = entry_for(n)
            if found is None:
                continue
            key, kind = found
            when = n.created_at if n.created_at is not None and n.created_at <= now else now
            actor = n.originator.display_name if n.originator is not None else ""
            rows.append((key, kind.value, db_time(when), actor, quoted_title(n.text), n.post_id))
        return self._insert(rows, "", now)

    def record_post(self, post_id: int | None, text: str, url: str, when: datetime) -> bool:
        """One's own post, once it is confirmed on the intranet."""
        key = f"post:{post_id}" if post_id is not None else f"post-url:{url}"
        row = (key, ActivityKind.POST.value, db_time(when), "", text[:MAX_SUBJECT], post_id)
        return self._insert([row], url, when) == 1

    def record_vote(self, poll_id: int, question: str, when: datetime) -> bool:
        """A poll the user voted in (a changed vote is still one poll)."""
        row = (f"vote:{poll_id}", ActivityKind.VOTE.value, db_time(when), "",
               question[:MAX_SUBJECT], None)  # fmt: skip
        return self._insert([row], "", when) == 1

    def entries(
        self, start: datetime, end: datetime
    ) -> list[tuple[str, str, str, int | None, str]]:
        """(kind, actor, subject, post id, url) of the entries in [start, end), oldest first."""
        rows = self.db.connection.execute(
            "SELECT kind, actor, subject, post_id, url FROM activity"
            " WHERE at >= ? AND at < ? ORDER BY at, rowid",
            (db_time(start), db_time(end)),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2]), r[3], str(r[4])) for r in rows]

    def count(self) -> int:
        """Number of entries (tests, diagnostics)."""
        return int(self.db.connection.execute("SELECT COUNT(*) FROM activity").fetchone()[0])

    def prune(self, now: datetime | None = None) -> int:
        """Delete entries older than the retention period; return how many."""
        moment = now or self._clock.now()
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM activity WHERE at < ?", (db_time(moment - self._retention),)
            )
        self._last_prune = moment
        return int(cursor.rowcount)

    def _insert(
        self, rows: list[tuple[str, str, str, str, str, int | None]], url: str, now: datetime
    ) -> int:
        if not rows:
            return 0
        try:
            with self.db.transaction() as conn:
                before = conn.total_changes
                conn.executemany(
                    "INSERT OR IGNORE INTO activity (key, kind, at, actor, subject, post_id, url)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(*row, url) for row in rows],
                )
                added = conn.total_changes - before
            if self._last_prune is None or now - self._last_prune >= PRUNE_EVERY:
                self.prune(now)
        except StoreError as exc:
            logger.warning("Activity journal not updated: %s", exc)
            return 0
        return int(added)
