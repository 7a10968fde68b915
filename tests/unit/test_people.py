"""people.py: upsert by guid; prefix search on any word, case/diacritics-insensitive, recent first."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from services.models import Person
from services.people import PeopleStore, fold
from services.store import Database
from tests.fakes.clock import FakeClock

JAN = Person(1, "guid-jan", "Jan de Boer")
AYSE = Person(2, "guid-ayse", "Ayşe Öztürk")
ANNE = Person(3, "guid-anne", "Anne-Marie van den Berg")
JANNEKE = Person(4, "guid-janneke", "Janneke Smit")


def _store() -> tuple[PeopleStore, FakeClock]:
    clock = FakeClock()
    return PeopleStore(Database.in_memory(), clock=clock), clock


def _names(people: list[Person]) -> list[str]:
    return [p.display_name for p in people]


def test_people_search_matches_any_word_ignoring_case_and_diacritics():
    store, _ = _store()
    store.remember([JAN, AYSE, ANNE])
    assert _names(store.search("boer")) == ["Jan de Boer"]
    assert _names(store.search("BO")) == ["Jan de Boer"]
    assert _names(store.search("ozt")) == ["Ayşe Öztürk"]
    assert _names(store.search("ayse")) == ["Ayşe Öztürk"]
    assert _names(store.search("marie")) == ["Anne-Marie van den Berg"]
    assert _names(store.search("anne-m")) == ["Anne-Marie van den Berg"]
    assert _names(store.search("de boer")) == ["Jan de Boer"]
    assert _names(store.search("jan de b")) == ["Jan de Boer"]


def test_people_search_does_not_match_inside_words_or_across_names():
    store, _ = _store()
    store.remember([JAN, AYSE])
    assert store.search("oer") == []
    assert store.search("boer jan") == []
    assert store.search("%") == []
    assert store.search("b%") == []


def test_people_search_orders_most_recently_seen_first_and_limits():
    store, clock = _store()
    store.remember([JAN])
    clock.advance(timedelta(minutes=1))
    store.remember([JANNEKE])
    assert _names(store.search("jan")) == ["Janneke Smit", "Jan de Boer"]
    clock.advance(timedelta(minutes=1))
    store.remember([JAN])
    assert _names(store.search("jan")) == ["Jan de Boer", "Janneke Smit"]
    assert _names(store.search("jan", limit=1)) == ["Jan de Boer"]
    assert store.search("jan", limit=0) == []


def test_people_remember_upserts_by_guid():
    store, _ = _store()
    store.remember([JAN])
    store.remember([Person(1, "guid-jan", "Jan de Boer-Visser", "https://intranet/u/jan")])
    assert store.search("visser") == [
        Person(1, "guid-jan", "Jan de Boer-Visser", "https://intranet/u/jan")
    ]
    assert store.get("guid-jan") is not None
    assert len(store.search("")) == 1


def test_people_remember_skips_people_without_guid_or_name():
    store, _ = _store()
    assert store.remember([Person(9, "", "Nameless"), Person(10, "g", "   ")]) == 0
    assert store.search("") == []


def test_people_survive_a_restart(tmp_path):
    path = tmp_path / "startpunt.db"
    db = Database.open(path)
    PeopleStore(db).remember([AYSE])
    db.close()
    db = Database.open(path)
    assert _names(PeopleStore(db).search("öz")) == ["Ayşe Öztürk"]
    db.close()


_WORD = st.text(
    alphabet=st.characters(categories=["Lu", "Ll", "Mn"], max_codepoint=0x24F),
    min_size=1,
    max_size=10,
)


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(_WORD, min_size=1, max_size=4), pick=st.integers(0, 3), cut=st.integers(1, 10)
)
def test_people_property_any_word_prefix_finds_the_person(words, pick, cut):
    name = " ".join(words)
    folded = fold(words[pick % len(words)])
    if not folded.strip() or not fold(name).split():
        return
    store, _ = _store()
    store.remember([Person(1, "guid", name)])
    word = folded.split()[0]
    assert _names(store.search(word[:cut].upper())) == [name]


def test_people_search_folds_letters_without_a_combining_mark():
    store, _ = _store()
    name = "Y\u0131ld\u0131z S\u00f8ren-\u0141ukasz"  # dotless i, o with stroke, L with stroke
    store.remember([Person(5, "g5", name)])
    for needle in ("yildiz", "YILDIZ", "soren", "lukasz"):
        assert _names(store.search(needle)) == [name], needle
