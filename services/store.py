"""The local SQLite database: opening it safely, migrating it, moving a corrupt file aside.

Pure Python (sqlite3). One file in the app's data folder, WAL with `synchronous=FULL` so that a
commit survives a crash or power loss. A file deleted or replaced under the running app is
noticed before every write transaction, on `close` and on `ensure_file` (the app calls it
now and then): what the still-open connection holds is written back to a new file at the path
with SQLite's backup API, a file found in its place is moved aside, and `on_restored` is told. The schema lives in `services/schema.py` as an
append-only list of migrations; `PRAGMA user_version` says how many have run. Feature modules
(`seen`, `people`, `outbox`, ...) take a `Database` and own their tables' queries.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from services.errors import ServiceError
from services.schema import MIGRATIONS

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class StoreError(ServiceError):
    """The local database could not be used (disk full, newer schema, unreadable)."""


class NewerSchemaError(StoreError):
    """The database was written by a newer Startpunt; we refuse to touch it."""


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What happened while opening: a corrupt file moved aside, a migration from version N."""

    moved_aside: Path | None
    migrated_from: int


class Database:
    """One connection to the app's database, used from the event loop's thread only."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        report: OpenReport,
        path: Path | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.connection = connection
        self.report = report
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._identity = _identity(path)
        self._closed = False
        self.on_restored: Callable[[Path | None], None] | None = None  # gets the moved-aside file

    @classmethod
    def open(cls, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Self:
        """Open (creating or migrating) the database; a corrupt file is moved aside first."""
        moved: Path | None = None
        try:
            try:
                connection = _connect_checked(path, busy_timeout_ms)
            except _CorruptError as exc:
                moved = _move_aside(path)
                logger.error("Database %s corrupt (%s); moved aside to %s", path.name, exc, moved)
                connection = _connect_checked(path, busy_timeout_ms)
        except (sqlite3.Error, OSError) as exc:
            # Locked, unreadable, no space: the file may be fine, so never move it aside.
            raise StoreError(f"cannot open the database: {exc}") from exc
        try:
            migrated_from = _migrate(connection, path)
        except NewerSchemaError:
            connection.close()
            raise
        except (sqlite3.Error, OSError) as exc:
            connection.close()
            raise StoreError(f"cannot migrate the database: {exc}") from exc
        return cls(
            connection, OpenReport(moved, migrated_from), path, busy_timeout_ms=busy_timeout_ms
        )

    @classmethod
    def in_memory(cls) -> Database:
        """A throwaway database for tests."""
        connection = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(connection, None)
        return cls(connection, OpenReport(None, 0))

    def ensure_file(self) -> bool:
        """Whether the file under us was gone or replaced (and has been written back)."""
        if self.path is None or self._identity is None or self._closed:
            return False
        if self.connection.in_transaction:
            return False
        found = _identity(self.path)
        if found == self._identity:
            return False
        self._write_back(self.path, replaced=found is not None)
        return True

    def _write_back(self, path: Path, *, replaced: bool) -> None:
        """Copy the open database to a new file at `path` and continue on that file."""
        logger.error("Database %s was %s while running; writing it back", path.name,
                     "replaced" if replaced else "deleted")  # fmt: skip
        fresh = path.with_name(path.name + ".restoring")
        closed = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            for suffix in ("", "-journal", "-wal", "-shm"):
                fresh.with_name(fresh.name + suffix).unlink(missing_ok=True)
            with contextlib.closing(sqlite3.connect(fresh)) as copy:
                self.connection.backup(copy)
            moved = _move_aside(path, "replaced", suffixes=("",)) if replaced else None
            self.connection.close()  # its WAL (ours, by name) is checkpointed and removed
            closed = True
            if not replaced:
                for suffix in ("-wal", "-shm"):  # left by our old file: never pair them anew
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
            fresh.replace(path)
            self.connection = _connect_checked(path, self._busy_timeout_ms)
        except (sqlite3.Error, OSError) as exc:
            if closed:  # never leave a closed connection behind: every later call would trip
                self._reopen_after_failure(path, fresh)
            raise StoreError(f"could not write the database back: {exc}") from exc
        self._identity = _identity(path)
        logger.info("Database written back to %s", path.name)
        if self.on_restored is not None:
            self.on_restored(moved)

    def _reopen_after_failure(self, path: Path, fresh: Path) -> None:
        """The old connection is closed but the copy did not take its place: try once more,
        else go on with the copy where it is (logged by name: it holds everything)."""
        try:
            if fresh.exists():
                fresh.replace(path)
            self.connection = _connect_checked(path, self._busy_timeout_ms)
            self._identity = _identity(path)
            logger.info("Database written back to %s at the second try", path.name)
            return
        except (sqlite3.Error, OSError) as exc:
            logger.error("Database still not at %s (%s)", path.name, exc)
        try:
            self.connection = _connect_checked(fresh, self._busy_timeout_ms)
            self.path, self._identity = fresh, _identity(fresh)
            logger.error("This session keeps its data in %s; it is not used after a restart",
                         fresh.name)  # fmt: skip
        except (sqlite3.Error, OSError) as exc:
            logger.error("Database copy %s unusable too (%s); keeping no data", fresh.name, exc)
            self.connection = sqlite3.connect(":memory:", isolation_level=None)
            _migrate(self.connection, None)
            self.path, self._identity = None, None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """`BEGIN IMMEDIATE` … `COMMIT`; rolls back on error; disk errors become StoreError."""
        self.ensure_file()
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"database busy or unwritable: {exc}") from exc
        try:
            yield self.connection
        except sqlite3.OperationalError as exc:  # disk full, I/O error, locked
            self._rollback()
            raise StoreError(f"could not save: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self.connection.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            raise StoreError(f"could not save: {exc}") from exc

    def _rollback(self) -> None:
        # After a disk-full error SQLite may already have rolled back on its own.
        if self.connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection (first writing the file back if it was deleted meanwhile)."""
        try:
            self.ensure_file()
        except StoreError:
            logger.exception("Database not written back on close")
        self._closed = True
        self.connection.close()


def _identity(path: Path | None) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`; None when there is none."""
    if path is None:
        return None
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def db_time(moment: datetime) -> str:
    """An aware datetime as stored: UTC ISO 8601, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_db_time(text: str) -> datetime:
    """The inverse of `db_time`."""
    return datetime.fromisoformat(text).astimezone(UTC)


class _CorruptError(Exception):
    """The file is not a usable SQLite database (as opposed to locked or unreadable)."""


_CORRUPT_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def _connect_checked(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms / 1000)
    try:
        _check(connection, busy_timeout_ms)
    except sqlite3.DatabaseError as exc:
        connection.close()
        name = getattr(exc, "sqlite_errorname", "")
        if name in _CORRUPT_CODES or str(exc).startswith("quick_check"):
            raise _CorruptError(str(exc)) from exc
        raise
    except BaseException:
        connection.close()
        raise
    if hasattr(path, "chmod"):
        with contextlib.suppress(OSError):
            path.chmod(0o600)
    return connection


def _check(connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    row = connection.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check: {row[0] if row else 'no answer'}")


def _move_aside(
    path: Path, why: str = "corrupt", *, suffixes: tuple[str, ...] = ("", "-wal", "-shm")
) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    counter = 1
    while target.exists():  # never overwrite an earlier copy
        counter += 1
        target = path.with_name(f"{path.name}.{why}-{stamp}-{counter}")
    for suffix in suffixes:
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.replace(path.with_name(target.name + suffix))
    return target


def _migrate(connection: sqlite3.Connection, path: Path | None) -> int:
    """Run the migrations not yet applied, each in its own transaction; return the old version."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise NewerSchemaError(
            f"database schema {version} is newer than this app's {len(MIGRATIONS)}"
        )
    if version < len(MIGRATIONS) and version > 0 and path is not None:
        _backup(connection, path, version)
    for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        logger.info("Database migrated to schema %d", number)
    return version


def _backup(connection: sqlite3.Connection, path: Path, version: int) -> None:
    target = path.with_name(f"{path.name}.v{version}.bak")
    with contextlib.closing(sqlite3.connect(target)) as copy:
        connection.backup(copy)
