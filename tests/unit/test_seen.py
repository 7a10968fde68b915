"""seen.py: durable "never twice" keyed by fingerprint; restarts, overlaps, duplicates, pruning."""

from __future__ import annotations

import random
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from services.seen import RETENTION, Disposition, SeenStore
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import make_notification

POOL = [make_notification(i) for i in range(1, 41)]
# HumHub regroups likes: the same id comes back with a rewritten text
POOL += [make_notification(i, f"Jan en {i} anderen vinden je bericht leuk.") for i in range(1, 6)]


def test_seen_takes_each_fingerprint_once():
    store = SeenStore(Database.in_memory())
    first = store.take_new((POOL[0], POOL[1]))
    second = store.take_new((POOL[1], POOL[2]))
    assert [n.id for n in first] == [1, 2]
    assert [n.id for n in second] == [3]


def test_seen_collapses_duplicates_within_one_page():
    store = SeenStore(Database.in_memory())
    new = store.take_new((POOL[0], POOL[0], POOL[1], POOL[0]))
    assert [n.id for n in new] == [1, 2]
    assert store.count() == 2


def test_seen_treats_rewritten_group_text_as_new():
    store = SeenStore(Database.in_memory())
    store.take_new((make_notification(7, "Jan vindt je bericht leuk."),))
    again = store.take_new((make_notification(7, "Jan en Fatima vinden je bericht leuk."),))
    assert len(again) == 1


def test_seen_survives_a_restart(tmp_path):
    path = tmp_path / "startpunt.db"
    db = Database.open(path)
    assert len(SeenStore(db).take_new(tuple(POOL[:10]))) == 10
    db.close()
    reopened = Database.open(path)
    store = SeenStore(reopened)
    assert store.take_new(tuple(reversed(POOL[:12]))) == (POOL[11], POOL[10])
    assert store.disposition(POOL[0].fingerprint) is Disposition.NEW
    reopened.close()


def test_seen_never_takes_twice_across_random_restarts(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "startpunt.db"
    db = Database.open(path)
    taken: list[str] = []
    for _ in range(40):
        page = tuple(rng.choice(POOL) for _ in range(rng.randint(0, 12)))
        taken += [n.fingerprint for n in SeenStore(db).take_new(page)]
        if rng.random() < 0.3:
            db.close()
            db = Database.open(path)
    db.close()
    assert len(taken) == len(set(taken))


@settings(max_examples=60, deadline=None)
@given(
    pages=st.lists(st.lists(st.sampled_from(POOL), max_size=15).map(tuple), min_size=1, max_size=12)
)
def test_seen_property_alerts_subset_of_new_and_never_twice(pages):
    store = SeenStore(Database.in_memory())
    out: list[str] = []
    for page in pages:
        new = store.take_new(page)
        page_prints = {n.fingerprint for n in page}
        assert {n.fingerprint for n in new} <= page_prints
        out += [n.fingerprint for n in new]
    assert len(out) == len(set(out))  # nothing twice
    assert set(out) == {n.fingerprint for page in pages for n in page}  # nothing lost


def test_seen_marks_dispositions_and_lists_held():
    store = SeenStore(Database.in_memory())
    store.take_new(tuple(POOL[:4]))
    store.mark_alerted([POOL[0].fingerprint, "unknown:fingerprint"])
    store.mark([POOL[1].fingerprint, POOL[2].fingerprint], Disposition.HELD)
    assert store.disposition(POOL[0].fingerprint) is Disposition.ALERTED
    assert store.disposition("unknown:fingerprint") is None
    assert set(store.held()) == {POOL[1].fingerprint, POOL[2].fingerprint}


def test_seen_prunes_rows_not_observed_for_the_retention_period():
    clock = FakeClock()
    store = SeenStore(Database.in_memory(), clock=clock)
    store.take_new((POOL[0], POOL[1], POOL[2]))
    store.mark([POOL[2].fingerprint], Disposition.HELD)
    clock.advance(RETENTION - timedelta(days=1))
    store.take_new((POOL[1],))  # still on the server's unseen list: touched, kept
    clock.advance(timedelta(days=2))
    assert store.prune() == 1
    assert not store.is_known(POOL[0].fingerprint)
    assert store.is_known(POOL[1].fingerprint)
    assert store.is_known(POOL[2].fingerprint)  # held rows wait for their summary


def test_seen_prunes_by_itself_during_take_new():
    clock = FakeClock()
    store = SeenStore(Database.in_memory(), clock=clock)
    store.take_new(tuple(POOL[:20]))
    clock.advance(RETENTION + timedelta(days=1))
    store.take_new((POOL[30],))
    assert store.count() == 1
