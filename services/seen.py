"""Durable "never twice": which notifications were taken before and what became of each.

Pure Python over `services.store.Database`. The key is `Notification.fingerprint` (id, class,
hash of the text), because HumHub regroups notifications and rewrites their text in place.
Rows that have not been observed for `RETENTION` are pruned so the table stays bounded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from services.clock import Clock, SystemClock
from services.models import Notification
from services.store import Database, db_time

logger = logging.getLogger(__name__)

RETENTION = timedelta(days=90)
PRUNE_EVERY = timedelta(hours=6)
# SQLite's default limit on host parameters is 999 on old builds; stay well below it.
_CHUNK = 400


class Disposition(StrEnum):
    """What became of a seen notification."""

    NEW = "new"  # taken, no alert decision recorded yet
    ALERTED = "alerted"
    HELD = "held"  # arrived during quiet time; owed a summary when it ends
    SUMMARIZED = "summarized"
    MUTED = "muted"  # its kind is switched off


class SeenStore:
    """Implements the poller's `SeenFilter` on the SQLite database; survives restarts."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock | None = None,
        retention: timedelta = RETENTION,
    ) -> None:
        self.db = db
        self._clock: Clock = clock or SystemClock()
        self._retention = retention
        self._last_prune: datetime | None = None

    def take_new(self, items: tuple[Notification, ...]) -> tuple[Notification, ...]:
        """Return the items never taken before (first occurrence only) and remember them.

        Items taken earlier are touched, so a notification that stays unseen on the server
        for months is never pruned while it is still being observed.
        """
        now = self._clock.now()
        unique: dict[str, Notification] = {}
        for item in items:
            unique.setdefault(item.fingerprint, item)
        if not unique:
            self._maybe_prune(now)
            return ()
        stamp = db_time(now)
        with self.db.transaction() as conn:
            known = self._known(unique.keys())
            conn.executemany(
                "UPDATE seen_notification SET last_seen_at = ? WHERE fingerprint = ?",
                [(stamp, fp) for fp in known],
            )
            fresh = [n for fp, n in unique.items() if fp not in known]
            conn.executemany(
                "INSERT INTO seen_notification (fingerprint, notification_id, class_name,"
                " first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                [(n.fingerprint, n.id, n.class_name, stamp, stamp) for n in fresh],
            )
        self._maybe_prune(now)
        return tuple(fresh)

    def take_keys(self, keys: Iterable[str], *, kind: str) -> tuple[str, ...]:
        """Like `take_new` for things that are not notifications ("leader-post:ID"): the keys
        never taken before, now remembered (and the known ones touched)."""
        now = self._clock.now()
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return ()
        stamp = db_time(now)
        with self.db.transaction() as conn:
            known = self._known(wanted)
            conn.executemany(
                "UPDATE seen_notification SET last_seen_at = ? WHERE fingerprint = ?",
                [(stamp, key) for key in known],
            )
            fresh = [key for key in wanted if key not in known]
            conn.executemany(
                "INSERT INTO seen_notification (fingerprint, notification_id, class_name,"
                " first_seen_at, last_seen_at, disposition) VALUES (?, 0, ?, ?, ?, 'alerted')",
                [(key, kind, stamp, stamp) for key in fresh],
            )
        return tuple(fresh)

    def is_known(self, fingerprint: str) -> bool:
        """Whether this fingerprint was taken before."""
        return bool(self._known([fingerprint]))

    def mark_alerted(self, fingerprints: Iterable[str]) -> None:
        """Record that these notifications were shown as (part of) an alert."""
        self.mark(fingerprints, Disposition.ALERTED)

    def mark(self, fingerprints: Iterable[str], disposition: Disposition) -> None:
        """Record what became of these notifications; unknown fingerprints are ignored."""
        rows = [(disposition.value, fp) for fp in fingerprints]
        if not rows:
            return
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE seen_notification SET disposition = ? WHERE fingerprint = ?", rows
            )

    def disposition(self, fingerprint: str) -> Disposition | None:
        """What became of one notification, or None when it was never taken."""
        row = self.db.connection.execute(
            "SELECT disposition FROM seen_notification WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return None if row is None else Disposition(row[0])

    def held(self) -> tuple[str, ...]:
        """Fingerprints that arrived during quiet time and still await their summary."""
        rows = self.db.connection.execute(
            "SELECT fingerprint FROM seen_notification WHERE disposition = 'held'"
            " ORDER BY first_seen_at"
        ).fetchall()
        return tuple(str(r[0]) for r in rows)

    def count(self) -> int:
        """Number of rows (for tests and diagnostics)."""
        row = self.db.connection.execute("SELECT COUNT(*) FROM seen_notification").fetchone()
        return int(row[0])

    def prune(self, now: datetime | None = None) -> int:
        """Delete rows not observed within the retention period; return how many."""
        moment = now or self._clock.now()
        cutoff = db_time(moment - self._retention)
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM seen_notification WHERE last_seen_at < ? AND disposition != 'held'",
                (cutoff,),
            )
        self._last_prune = moment
        if cursor.rowcount:
            logger.info("Pruned %d old seen notifications", cursor.rowcount)
        return int(cursor.rowcount)

    def _maybe_prune(self, now: datetime) -> None:
        if self._last_prune is None or now - self._last_prune >= PRUNE_EVERY:
            self.prune(now)

    def _known(self, fingerprints: Iterable[str]) -> set[str]:
        wanted = list(fingerprints)
        known: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.connection.execute(
                f"SELECT fingerprint FROM seen_notification WHERE fingerprint IN ({marks})",  # noqa: S608 -- only placeholders
                chunk,
            ).fetchall()
            known.update(str(r[0]) for r in rows)
        return known
