"""Absurd values at the parser's edge (issue 7, RELIABILITY row 15): ids beyond SQLite, huge
counts, huge strings.

An id above 2^63-1 raised OverflowError in SQLite, killed the poll task and kept the valid
notification on the same page from ever being alerted; a `total` of 10^30 overflowed Qt.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.errors import ResponseError, ServiceError
from services.humhub import parse
from services.humhub.connector import HumHubConnector
from services.humhub.wire import MAX_COUNT, MAX_ID
from services.people import PeopleStore
from services.poller import Poller
from services.port import MAX_PAGE_SIZE
from services.seen import SeenStore
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.hostile import Reply, hostile_server, notification_page
from tests.unit.test_humhub_parse import keyed_values
from tests.unit.test_humhub_support import envelope, notification_json, post_json, user_short

HUGE = [MAX_ID + 1, 10**30, -(2**63) - 1, 0, -5]


def _with_originator(notification_id: int, originator_id: int) -> dict[str, object]:
    item = notification_json(notification_id)
    item["originator"] = user_short(originator_id)
    return item


@pytest.mark.parametrize("bad_id", HUGE)
def test_a_notification_with_an_id_out_of_range_is_skipped_and_logged_by_id(
    bad_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="services.humhub.parse")
    page = parse.parse_notification_page(
        envelope([notification_json(bad_id), notification_json(7)])
    )
    assert [n.id for n in page.items] == [7]
    assert page.skipped == 1
    assert len(caplog.records) == 1
    assert "Skipped a malformed notification" in caplog.text
    assert str(bad_id) in caplog.text or "digits" in caplog.text


def test_an_originator_id_out_of_range_drops_only_the_originator() -> None:
    page = parse.parse_notification_page(envelope([_with_originator(8, MAX_ID + 1)]))
    assert [n.id for n in page.items] == [8]
    assert page.items[0].originator is None
    assert parse.parse_person(user_short(MAX_ID)) is not None  # the largest id is fine


def test_source_ids_out_of_range_are_dropped() -> None:
    item = notification_json(9, source=post_json(post_id=MAX_ID + 1))
    page = parse.parse_notification_page(envelope([item]))
    assert page.items[0].post_id is None


def test_a_created_post_with_an_id_out_of_range_is_a_bad_answer() -> None:
    with pytest.raises(ResponseError) as caught:
        parse.parse_post(post_json(post_id=MAX_ID + 1))
    assert isinstance(caught.value, ServiceError)


@pytest.mark.parametrize(("total", "shown"), [(10**30, MAX_COUNT), (-3, 0), (42, 42)])
def test_page_numbers_are_clamped(total: int, shown: int) -> None:
    page = parse.parse_notification_page(
        {"total": total, "page": 10**30, "pages": 10**30, "results": []}
    )
    assert (page.total, page.page, page.pages) == (shown, MAX_COUNT, MAX_COUNT)
    assert parse.parse_unseen_probe({"total": total, "results": []}).total == shown


def test_counts_and_expiry_are_clamped() -> None:
    post = post_json()
    post["content"]["likes"] = {"total": 10**30}  # type: ignore[index]
    assert parse.parse_post(post).likes == MAX_COUNT
    signed = parse.parse_sign_in({"auth_token": "t", "expired_at": 10**30})
    assert signed.expires_at is None


def test_a_page_reads_at_most_a_page_of_items() -> None:
    items: list[object] = [notification_json(i) for i in range(1, 1001)]
    page = parse.parse_notification_page(envelope(items))
    assert len(page.items) == MAX_PAGE_SIZE


def test_huge_strings_are_cut_before_they_are_cleaned() -> None:
    item = notification_json(3)
    item["originator"] = {**user_short(), "display_name": "Jan " + "x" * 4_000_000}
    item["createdAt"] = "2026-06-01 10:00:00" + " " * 4_000_000
    page = parse.parse_notification_page(envelope([item]))
    person = page.items[0].originator
    assert person is not None
    assert len(person.display_name) <= parse.MAX_NAME
    assert page.items[0].created_at is None
    assert parse.parse_person({**user_short(), "guid": "g" * 10_000}) is None


def test_a_poll_alerts_the_valid_notification_next_to_poisoned_ones(tmp_path) -> None:
    """The whole path over a real socket into real SQLite: parser, seen store, people cache."""
    poisoned = [
        notification_json(MAX_ID + 1),
        _with_originator(12, MAX_ID + 1),
        notification_json(11),
    ]

    def route(method: str, path: str, query: dict[str, str]) -> Reply:
        return notification_page(poisoned, total=10**30, page=int(query.get("page", 1)), pages=1)

    async def poll(url: str):
        db = Database.open(tmp_path / "startpunt.sqlite3")
        connector = HumHubConnector(url, token="t")
        poller = Poller(
            connector,
            FakeClock(),
            random.Random(1),
            seen=SeenStore(db),
            people=PeopleStore(db),
        )
        try:
            return await poller.poll_once()
        finally:
            await connector.aclose()
            db.close()

    with hostile_server(route) as server:
        outcome = asyncio.run(poll(server.url))
    assert outcome.error is None
    assert sorted(n.id for n in outcome.new) == [11, 12]
    assert outcome.unread == MAX_COUNT


def _in_range(value: int | None) -> bool:
    return value is None or 1 <= value <= MAX_ID


@settings(max_examples=150, deadline=None)
@given(
    items=st.lists(
        st.one_of(
            keyed_values,
            st.builds(notification_json, st.integers(-(2**70), 2**70)),
            st.builds(_with_originator, st.integers(1, 50), st.integers(-(2**70), 2**70)),
        ),
        max_size=8,
    ),
    total=st.integers(-(2**70), 2**70),
)
def test_every_value_that_passes_the_edge_fits_sqlite_and_qt(
    items: list[object], total: int
) -> None:
    """RELIABILITY row 15 with absurd numbers: what comes through is storable and showable."""
    page = parse.parse_notification_page({"total": total, "page": 1, "pages": 1, "results": items})
    assert 0 <= page.total <= MAX_COUNT
    assert len(page.items) + page.skipped == len(items)
    for note in page.items:
        assert _in_range(note.id)
        assert _in_range(note.post_id)
        assert _in_range(note.content_id)
        assert note.originator is None or _in_range(note.originator.id)


@pytest.mark.parametrize(
    ("created", "offset_hours"),
    [("9999-12-31 23:59:59", -12), ("0001-01-01 00:00:00", 14), ("9999-12-31T23:59:59-12:00", 0)],
)
def test_a_time_at_the_calendars_edge_is_no_time_not_an_overflow_later(created, offset_hours):
    """A server time that leaves Python's calendar when turned into UTC or a desktop's zone
    (the panel's "2 hours ago" does `astimezone`) is dropped at the parser's edge; the
    notification itself is kept."""
    item = notification_json(5)
    item["createdAt"] = created
    page = parse.parse_notification_page(envelope([item]), timezone(timedelta(hours=offset_hours)))
    assert [n.id for n in page.items] == [5]
    when = page.items[0].created_at
    if when is not None:  # every zone a desktop may be in: no OverflowError
        for hours in (-12, 0, 14):
            when.astimezone(timezone(timedelta(hours=hours)))
