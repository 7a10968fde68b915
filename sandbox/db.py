"""SQLite storage of the sandbox: schema, connection (WAL) and small query helpers.

One connection is shared by the server thread and the controlling thread, guarded by a
re-entrant lock; every write runs inside :meth:`Database.tx`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS container(
    id INTEGER PRIMARY KEY, guid TEXT NOT NULL, class TEXT NOT NULL, pk INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS user(
    id INTEGER PRIMARY KEY, guid TEXT NOT NULL, username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL, password TEXT NOT NULL, firstname TEXT NOT NULL,
    lastname TEXT NOT NULL, title TEXT NOT NULL, gender TEXT NOT NULL, city TEXT NOT NULL,
    about TEXT NOT NULL, language TEXT NOT NULL, tags TEXT NOT NULL,
    container_id INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS space(
    id INTEGER PRIMARY KEY, guid TEXT NOT NULL, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL, container_id INTEGER NOT NULL, owner_id INTEGER NOT NULL,
    visibility INTEGER NOT NULL, join_policy INTEGER NOT NULL, tags TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS content(
    id INTEGER PRIMARY KEY, guid TEXT NOT NULL, object_model TEXT NOT NULL,
    object_id INTEGER NOT NULL, container_id INTEGER NOT NULL, visibility INTEGER NOT NULL,
    created_by INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS post(
    id INTEGER PRIMARY KEY, message TEXT NOT NULL, content_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS topic(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, container_id INTEGER NOT NULL,
    UNIQUE(container_id, name));
CREATE TABLE IF NOT EXISTS content_topic(
    content_id INTEGER NOT NULL, topic_id INTEGER NOT NULL, PRIMARY KEY(content_id, topic_id));
CREATE TABLE IF NOT EXISTS comment(
    id INTEGER PRIMARY KEY, message TEXT NOT NULL, content_id INTEGER NOT NULL,
    parent_id INTEGER, created_by INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS "like"(
    id INTEGER PRIMARY KEY, object_model TEXT NOT NULL, object_id INTEGER NOT NULL,
    content_id INTEGER NOT NULL, created_by INTEGER NOT NULL, created_at TEXT NOT NULL,
    UNIQUE(object_model, object_id, created_by));
CREATE TABLE IF NOT EXISTS poll(
    id INTEGER PRIMARY KEY, content_id INTEGER NOT NULL, question TEXT NOT NULL,
    description TEXT NOT NULL, allow_multiple INTEGER NOT NULL, closed INTEGER NOT NULL,
    anonymous INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS poll_answer(
    id INTEGER PRIMARY KEY, poll_id INTEGER NOT NULL, answer TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS poll_vote(
    poll_id INTEGER NOT NULL, answer_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY(answer_id, user_id));
CREATE TABLE IF NOT EXISTS notification(
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, class TEXT NOT NULL, group_key TEXT,
    originator_id INTEGER NOT NULL, source_kind TEXT NOT NULL, source_id INTEGER NOT NULL,
    content_id INTEGER NOT NULL, comment_id INTEGER, seen INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notification_actor(
    notification_id INTEGER NOT NULL, user_id INTEGER NOT NULL, source_id INTEGER NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY(notification_id, user_id));
CREATE INDEX IF NOT EXISTS notification_user ON notification(user_id, seen, created_at);
"""

Row = sqlite3.Row


class Database:
    """A locked SQLite connection with the sandbox schema."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)
        self.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def tx(self) -> Iterator[None]:
        """Run the block as one transaction (nested blocks join the outer one)."""
        with self._lock:
            if self._conn.in_transaction:
                yield
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def execute(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Run one statement; returns the last inserted row id."""
        with self._lock:
            cur = self._conn.execute(sql, tuple(args))
            return int(cur.lastrowid or 0)

    def one(self, sql: str, args: Sequence[Any] = ()) -> Row | None:
        with self._lock:
            row: Row | None = self._conn.execute(sql, tuple(args)).fetchone()
            return row

    def all(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        with self._lock:
            return list(self._conn.execute(sql, tuple(args)).fetchall())

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> int:
        row = self.one(sql, args)
        return int(row[0]) if row is not None and row[0] is not None else 0

    def meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))
