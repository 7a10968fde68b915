"""The database file deleted or replaced while the app runs (issue 7): nothing is lost.

Real SQLite files. Before the fix a post queued after the file was deleted went into the
unlinked file and was gone after a restart (with the notifications seen so far).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from services.compose import Composition, Draft
from services.models import Container
from services.outbox import Outbox
from services.seen import SeenStore
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort, make_notification

TEAM = Container(3, "g-team", "Team Zorg", 30)


def _texts(path):
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in check.execute("SELECT text FROM outbox ORDER BY rowid")]


def _open(path, restored):
    db = Database.open(path)
    db.on_restored = restored.append
    return db


@pytest.mark.parametrize("what", ["file", "file-and-wal", "folder"])
def test_store_deleted_file_is_written_back_before_the_next_write(tmp_path, what):
    folder = tmp_path / "data"
    path = folder / "startpunt.sqlite3"
    restored: list[object] = []
    db = _open(path, restored)
    outbox = Outbox(db, FakePort(), FakeClock())
    outbox.enqueue(Composition(Draft("voor het wissen", 30), TEAM))
    seen = SeenStore(db, clock=FakeClock())
    seen.take_new((make_notification(1),))
    if what == "folder":
        shutil.rmtree(folder)
    else:
        path.unlink()
        if what == "file-and-wal":
            path.with_name(path.name + "-wal").unlink(missing_ok=True)
            path.with_name(path.name + "-shm").unlink(missing_ok=True)
    outbox.enqueue(Composition(Draft("na het wissen", 30), TEAM))
    assert restored == [None]
    assert path.exists()
    db.close()
    assert _texts(path) == ["voor het wissen", "na het wissen"]
    again = Database.open(path)
    try:
        assert SeenStore(again, clock=FakeClock()).take_new((make_notification(1),)) == ()
    finally:
        again.close()


def test_store_deleted_file_is_written_back_on_quit(tmp_path):
    path = tmp_path / "startpunt.sqlite3"
    restored: list[object] = []
    db = _open(path, restored)
    Outbox(db, FakePort(), FakeClock()).enqueue(Composition(Draft("in de wachtrij", 30), TEAM))
    path.unlink()
    db.close()  # the user quits: no write happened since the file went
    db.close()  # the session's end closes it once more: harmless
    assert _texts(path) == ["in de wachtrij"]
    assert restored == [None]


def test_store_replaced_file_is_moved_aside_and_ours_kept(tmp_path):
    path = tmp_path / "startpunt.sqlite3"
    restored: list[object] = []
    db = _open(path, restored)
    outbox = Outbox(db, FakePort(), FakeClock())
    outbox.enqueue(Composition(Draft("van ons", 30), TEAM))
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as foreign:
        foreign.execute("CREATE TABLE iets (x)")
    other.replace(path)
    assert db.ensure_file()
    assert len(restored) == 1
    aside = restored[0]
    assert isinstance(aside, Path)
    assert aside.name.startswith("startpunt.sqlite3.replaced-")
    outbox.enqueue(Composition(Draft("daarna", 30), TEAM))
    db.close()
    assert _texts(path) == ["van ons", "daarna"]
    with sqlite3.connect(aside) as foreign:
        assert foreign.execute("SELECT name FROM sqlite_master").fetchall() == [("iets",)]


def test_store_file_in_place_is_left_alone(tmp_path):
    path = tmp_path / "startpunt.sqlite3"
    restored: list[object] = []
    db = _open(path, restored)
    Outbox(db, FakePort(), FakeClock()).enqueue(Composition(Draft("gewoon", 30), TEAM))
    assert not db.ensure_file()
    db.close()
    assert restored == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["startpunt.sqlite3"]


@pytest.mark.parametrize("fails", ["reopen", "move-into-place"])
def test_a_write_back_that_fails_half_way_leaves_a_usable_database(tmp_path, monkeypatch, fails):
    """The write-back closes the old connection before the copy takes its place; if the last
    steps fail (once), the error is a StoreError and the database stays usable: never a
    closed connection that every later call trips over, and nothing queued is lost."""
    from services import store

    path = tmp_path / "startpunt.sqlite3"
    restored: list[object] = []
    db = _open(path, restored)
    outbox = Outbox(db, FakePort(), FakeClock())
    outbox.enqueue(Composition(Draft("eerste", 30), TEAM))
    path.unlink()
    if fails == "reopen":
        real_connect = store._connect_checked
        attempts: list[Path] = []

        def connect_once_failing(where: Path, busy_timeout_ms: int) -> sqlite3.Connection:
            attempts.append(where)
            if len(attempts) == 1:
                raise sqlite3.OperationalError("unable to open database file")
            return real_connect(where, busy_timeout_ms)

        monkeypatch.setattr(store, "_connect_checked", connect_once_failing)
    else:
        real_replace = Path.replace
        tried: list[Path] = []

        def replace_once_failing(self: Path, target: Path) -> Path:
            if self.name.endswith(".restoring") and not tried:
                tried.append(self)
                raise PermissionError(13, "Permission denied")
            return real_replace(self, target)

        monkeypatch.setattr(Path, "replace", replace_once_failing)
    with pytest.raises(store.StoreError):
        outbox.enqueue(Composition(Draft("tweede", 30), TEAM))
    assert [i.text for i in outbox.waiting()] == ["eerste"]  # readable, not closed
    outbox.enqueue(Composition(Draft("tweede", 30), TEAM))  # the next write works
    assert [i.text for i in outbox.waiting()] == ["eerste", "tweede"]
    db.close()
    assert _texts(path) == ["eerste", "tweede"]  # on disk, at its own path
