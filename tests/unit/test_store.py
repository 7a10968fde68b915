"""store.py: a real SQLite file: corrupt file moved aside, newer schema refused, disk full."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from services.schema import MIGRATIONS
from services.seen import SeenStore
from services.store import Database, NewerSchemaError, StoreError
from tests.fakes.port import make_notification

ROOT = Path(__file__).resolve().parents[2]


def test_store_creates_schema_and_reopens(tmp_path):
    path = tmp_path / "data" / "startpunt.db"
    db = Database.open(path)
    assert db.report.moved_aside is None
    assert db.report.migrated_from == 0
    version = db.connection.execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)
    db.close()
    again = Database.open(path)
    assert again.report.migrated_from == len(MIGRATIONS)
    assert again.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    again.close()
    assert path.stat().st_mode & 0o077 == 0


def test_store_moves_a_corrupt_file_aside(tmp_path):
    path = tmp_path / "startpunt.db"
    path.write_bytes(b"this is not a database, just garbage " * 200)
    db = Database.open(path)
    moved = db.report.moved_aside
    assert moved is not None
    assert moved.exists()
    assert moved.read_bytes().startswith(b"this is not a database")
    SeenStore(db).take_new((make_notification(1),))  # the fresh database works
    db.close()


def test_store_moves_a_truncated_database_aside(tmp_path):
    path = tmp_path / "startpunt.db"
    db = Database.open(path)
    SeenStore(db).take_new(tuple(make_notification(i, "x" * 300) for i in range(400)))
    db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    reopened = Database.open(path)
    assert reopened.report.moved_aside is not None
    assert SeenStore(reopened).count() == 0
    reopened.close()


def test_store_never_overwrites_an_earlier_corrupt_copy(tmp_path):
    path = tmp_path / "startpunt.db"
    moved = []
    for round_ in range(2):
        path.write_bytes(f"garbage {round_}".encode() * 100)
        db = Database.open(path)
        moved.append(db.report.moved_aside)
        db.close()
    assert moved[0] != moved[1]
    assert all(m is not None and m.exists() for m in moved)


def test_store_refuses_a_newer_schema_and_leaves_it_alone(tmp_path):
    path = tmp_path / "startpunt.db"
    Database.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(NewerSchemaError):
        Database.open(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    assert not list(tmp_path.glob("*.corrupt*"))


def test_store_migrates_from_version_one_with_a_backup(tmp_path):
    path = tmp_path / "startpunt.db"
    with sqlite3.connect(path) as raw:
        for statement in MIGRATIONS[0]:
            raw.execute(statement)
        raw.execute(
            "INSERT INTO seen_notification (fingerprint, notification_id, class_name,"
            " first_seen_at, last_seen_at) VALUES ('1:c:x', 1, 'c', '2026', '2026')"
        )
        raw.execute("PRAGMA user_version = 1")
    db = Database.open(path)
    assert db.report.migrated_from == 1
    assert SeenStore(db).is_known("1:c:x")
    db.close()
    if len(MIGRATIONS) > 1:
        assert (tmp_path / "startpunt.db.v1.bak").exists()


def test_store_turns_errors_inside_a_transaction_into_store_error(tmp_path):
    db = Database.open(tmp_path / "startpunt.db")
    with pytest.raises(StoreError), db.transaction() as conn:
        conn.execute("INSERT INTO no_such_table VALUES (1)")
    assert not db.connection.in_transaction
    db.close()


_DISK_FULL_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from services.seen import SeenStore
    from services.store import Database, StoreError
    from tests.fakes.port import make_notification

    path = Path(sys.argv[1])
    db = Database.open(path)
    store = SeenStore(db)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
    committed = 0
    try:
        for batch in range(100_000):
            items = tuple(make_notification(batch * 50 + i, "x" * 200) for i in range(50))
            store.take_new(items)
            committed += 50
    except StoreError as exc:
        print("store-error", committed, exc, flush=True)
    else:
        print("no-error", committed, flush=True)
    """
)


def test_store_disk_full_raises_store_error_and_keeps_earlier_rows(tmp_path):
    path = tmp_path / "startpunt.db"
    result = subprocess.run(
        [sys.executable, "-c", _DISK_FULL_CHILD, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    verdict, committed, *_ = result.stdout.split()
    assert verdict == "store-error"
    assert int(committed) > 0
    db = Database.open(path)
    assert db.report.moved_aside is None
    assert db.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert SeenStore(db).count() == int(committed)
    db.close()


def test_store_locked_database_is_not_moved_aside(tmp_path):
    path = tmp_path / "locked.sqlite3"
    Database.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # e.g. a backup tool holding the file
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError):
            Database.open(path, busy_timeout_ms=100)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.corrupt-*"))
    reopened = Database.open(path)
    assert reopened.report.moved_aside is None
    reopened.close()
