"""Drafts and recent targets in the SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.compose import Composition, Draft, edit_slot
from services.drafts import DraftStore, order_targets, people_from_json
from services.models import Container, Person
from services.outbox import Outbox
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
JAN = Person(7, "g-jan", "Jan de Boer", "https://i.example/u/jan/")
TEAM = Container(3, "g-team", "Team Zorg", 30)
MARKT = Container(4, "g-markt", "Marktplaats", 40)
ME = Container(1, "g-me", "Sanne de Vries", 10, is_space=False)


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def test_drafts_save_and_restore_everything(db):
    store = DraftStore(db)
    draft = Draft("Dank je @Jan de Boer", 30, (JAN,), ("Nieuws",))
    store.save(draft, NOW)
    assert store.load() == draft


def test_drafts_survive_reopening_the_database(tmp_path):
    path = tmp_path / "startpunt.sqlite3"
    first = Database.open(path)
    DraftStore(first).save(Draft("half af", 30), NOW)
    first.connection.close()  # no clean shutdown
    second = Database.open(path)
    try:
        assert DraftStore(second).load() == Draft("half af", 30)
    finally:
        second.close()


def test_drafts_empty_text_deletes_the_draft(db):
    store = DraftStore(db)
    store.save(Draft("iets"), NOW)
    store.save(Draft("   ", 30), NOW)
    assert store.load() is None
    store.save(Draft("weer"), NOW)
    store.clear()
    assert store.load() is None


def test_drafts_are_cleared_in_the_transaction_that_queues_the_post(db):
    store = DraftStore(db)
    draft = Draft("klaar", 30)
    store.save(draft, NOW)
    Outbox(db, FakePort(), FakeClock()).enqueue(Composition(draft, TEAM))
    assert store.load() is None
    assert [t.name for t in store.recent_targets()] == ["Team Zorg"]


def test_drafts_recent_targets_newest_first(db):
    clock = FakeClock()
    outbox = Outbox(db, FakePort(), clock)
    for target in (TEAM, MARKT, TEAM):
        outbox.enqueue(Composition(Draft("x"), target))
        clock.advance(timedelta(minutes=1))
    assert [t.name for t in DraftStore(db).recent_targets()] == ["Team Zorg", "Marktplaats"]


def test_drafts_order_targets_recent_then_profile_then_spaces_by_name():
    spaces = [Container(5, "g5", "zorg", 50), MARKT, TEAM]
    ordered = order_targets(ME, spaces, [TEAM])
    assert [t.name for t in ordered] == ["Team Zorg", "Sanne de Vries", "Marktplaats", "zorg"]


def test_drafts_malformed_mentions_are_skipped():
    assert people_from_json("not json") == ()
    assert people_from_json('[{"guid": "g", "name": "A"}, 3, {"name": "no guid"}]') == (
        Person(0, "g", "A", ""),
    )


def test_drafts_an_edit_never_touches_the_quick_post_draft(db):
    """Review finding 1: saving or posting an edit kept or cleared the only draft slot."""
    store = DraftStore(db)
    outbox = Outbox(db, FakePort(), FakeClock())
    row = outbox.enqueue(Composition(Draft("Wachtend", 30), TEAM))
    store.save(Draft("Mijn halve bericht", 30), NOW)
    store.save(Draft("Wachtend, verbeterd", 30, editing=row.client_id), NOW)
    assert store.load() == Draft("Mijn halve bericht", 30)
    assert store.load(edit_slot(row.client_id)) == Draft(
        "Wachtend, verbeterd", 30, editing=row.client_id
    )
    outbox.enqueue(Composition(Draft("Wachtend, verbeterd", 30, editing=row.client_id), TEAM))
    assert store.load() == Draft("Mijn halve bericht", 30)
    assert store.load(edit_slot(row.client_id)) is None
