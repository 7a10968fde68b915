"""The database schema as an append-only list of migrations. Never edit a released entry.

Each entry is a tuple of SQL statements run in one transaction; its position + 1 is the
schema version it produces.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: notifications seen and alerted, alert groups, people cache
    (
        """CREATE TABLE seen_notification (
            fingerprint TEXT PRIMARY KEY,
            notification_id INTEGER NOT NULL,
            class_name TEXT NOT NULL,
            first_seen_at TEXT NOT NULL,
            alerted INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX seen_notification_id ON seen_notification (notification_id)",
        """CREATE TABLE alert_group (
            group_key TEXT PRIMARY KEY,
            platform_id TEXT,
            actor_names TEXT NOT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE person (
            guid TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL,
            display_name TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            last_seen_at TEXT NOT NULL
        )""",
    ),
)
