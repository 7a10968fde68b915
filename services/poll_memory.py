"""What the app remembers about polls: seen, alerted, reminded, outcome told, voted.

Rows live in the seen store's table under their own keys (`poll:ID`, `poll-reminded:ID`,
`poll-closed:ID`, `poll-voted:ID`, and `poll:baseline` once the first check is done), so
they survive restarts, are pruned like notifications and need no schema change. The class
name column holds `startpunt:poll`; no HumHub class has that name.
"""

from __future__ import annotations

from datetime import datetime

from services.seen import Disposition
from services.store import Database, db_time

CLASS_NAME = "startpunt:poll"
BASELINE = "poll:baseline"


def new_key(poll_id: int) -> str:
    return f"poll:{poll_id}"


def reminded_key(poll_id: int) -> str:
    return f"poll-reminded:{poll_id}"


def closed_key(poll_id: int) -> str:
    return f"poll-closed:{poll_id}"


def voted_key(poll_id: int) -> str:
    return f"poll-voted:{poll_id}"


class PollMemory:
    """Keyed facts about polls on the SQLite database; every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def disposition(self, key: str) -> Disposition | None:
        """What became of `key`, or None when it was never recorded."""
        row = self.db.connection.execute(
            "SELECT disposition FROM seen_notification WHERE fingerprint = ?", (key,)
        ).fetchone()
        return None if row is None else Disposition(row[0])

    def knows(self, key: str) -> bool:
        return self.disposition(key) is not None

    def record(self, key: str, poll_id: int, disposition: Disposition, now: datetime) -> None:
        """Record (or update) one fact; also keeps it from being pruned."""
        stamp = db_time(now)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO seen_notification (fingerprint, notification_id, class_name,"
                " first_seen_at, last_seen_at, disposition) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(fingerprint) DO UPDATE SET last_seen_at = excluded.last_seen_at,"
                " disposition = excluded.disposition",
                (key, max(0, poll_id), CLASS_NAME, stamp, stamp, disposition.value),
            )

    def touch(self, keys: list[str], now: datetime) -> None:
        """Mark facts as still observed (the seen store prunes rows not seen for 90 days)."""
        if not keys:
            return
        stamp = db_time(now)
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE seen_notification SET last_seen_at = ? WHERE fingerprint = ?",
                [(stamp, key) for key in keys],
            )
