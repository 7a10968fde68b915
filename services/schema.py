"""The database schema as an append-only list of migrations. Never edit a released entry.

Each entry is a tuple of SQL statements run in one transaction; its position + 1 is the
schema version it produces. Migration 1 (notifications, alert groups, people) is owned by
`services.seen`, `services.alert_policy` and `services.people`; later features append.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: notifications seen and what became of them, alert groups, people cache
    (
        # disposition: new (taken, not yet decided) | alerted | held (quiet time) |
        # summarized | muted (its kind is switched off)
        """CREATE TABLE seen_notification (
            fingerprint TEXT PRIMARY KEY,
            notification_id INTEGER NOT NULL,
            class_name TEXT NOT NULL,
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            disposition TEXT NOT NULL DEFAULT 'new'
        )""",
        "CREATE INDEX seen_notification_id ON seen_notification (notification_id)",
        "CREATE INDEX seen_notification_last_seen ON seen_notification (last_seen_at)",
        """CREATE INDEX seen_notification_held ON seen_notification (disposition)
            WHERE disposition = 'held'""",
        # actor_names: JSON array of display names, newest first
        """CREATE TABLE alert_group (
            group_key TEXT PRIMARY KEY,
            actor_names TEXT NOT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # search_key: folded words of the display name, each preceded by one space
        """CREATE TABLE person (
            guid TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL,
            display_name TEXT NOT NULL,
            search_key TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            last_seen_at TEXT NOT NULL
        )""",
        "CREATE INDEX person_last_seen ON person (last_seen_at)",
    ),
    # 2: the outbox (posts queued before any network call), drafts, recently used targets
    (
        """CREATE TABLE outbox (
            client_id TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            container_id INTEGER NOT NULL,
            contentcontainer_id INTEGER NOT NULL,
            container_guid TEXT NOT NULL DEFAULT '',
            container_name TEXT NOT NULL DEFAULT '',
            container_url TEXT NOT NULL DEFAULT '',
            is_space INTEGER NOT NULL DEFAULT 1,
            text TEXT NOT NULL,
            message TEXT NOT NULL,
            mentions TEXT NOT NULL DEFAULT '[]',
            topics TEXT NOT NULL DEFAULT '',
            queued_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            first_attempt_at TEXT,
            lease_until REAL,
            lease_owner TEXT,
            problem TEXT NOT NULL DEFAULT '',
            server_message TEXT NOT NULL DEFAULT '',
            post_id INTEGER,
            url TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX outbox_state ON outbox (state)",
        """CREATE TABLE draft (
            slot TEXT PRIMARY KEY,
            container_id INTEGER,
            text TEXT NOT NULL,
            mentions TEXT NOT NULL DEFAULT '[]',
            topics TEXT NOT NULL DEFAULT '',
            editing TEXT,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE recent_target (
            contentcontainer_id INTEGER PRIMARY KEY,
            container_id INTEGER NOT NULL,
            guid TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            is_space INTEGER NOT NULL DEFAULT 1,
            used_at TEXT NOT NULL
        )""",
    ),
    # 3: notifications the user said thanks for (one comment each, also after a restart)
    (
        """CREATE TABLE thanked (
            notification_id INTEGER PRIMARY KEY,
            thanked_at TEXT NOT NULL
        )""",
    ),
    # 4: the newest post id in the target container before a row's first send: a read-back
    # only considers posts after it (post ids grow; clocks and time zones may lie)
    ("ALTER TABLE outbox ADD COLUMN baseline_post_id INTEGER",),
    # 5: the local activity journal ("Jouw week") and when each community alert was last shown
    (
        # key: what makes an entry unique (e.g. "like:<notification id>:<liker guid>");
        # kind: like | comment | thanks | mention | post | vote; post_ref: the post it concerns
        """CREATE TABLE activity (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            post_id INTEGER,
            url TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX activity_at ON activity (at)",
        """CREATE TABLE community_state (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ),
)
