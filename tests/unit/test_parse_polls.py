"""The polls parser on the real server's shape and on bad data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.errors import ResponseError
from services.humhub.parse_polls import parse_my_votes, parse_poll

GUID = "0f4a-guid"
AUTHOR = {
    "id": 2,
    "guid": GUID,
    "display_name": "Alice Anders",
    "url": "https://i.example/u/alice/",
}


def real_poll(**extra: object) -> dict[str, object]:
    """The shape polls 1.4.5 answers (see the kit's README), trimmed."""
    answers = [
        {"id": n, "poll_id": 1, "answer": text, "created_at": "2026-12-01 11:37:13"}
        for n, text in ((1, "Office"), (2, "Cafe"), (3, "Online"))
    ]
    poll: dict[str, object] = {
        "id": 1,
        "contentcontainer_id": 5,
        "question": "Where do we meet on Friday?",
        "description": "Pick <b>one</b>.",
        "allow_multiple": 0,
        "created_at": "2026-12-01 11:37:13",
        "created_by": AUTHOR,
        "is_random": 0,
        "closed": 0,
        "anonymous": 0,
        "show_result_after_close": 0,
        "answers": answers,
        "content": {"id": 8, "metadata": {"url": "https://i.example/content/perma?id=8"}},
    }
    poll.update(extra)
    return poll


def test_real_shape() -> None:
    poll = parse_poll(real_poll())
    assert poll.id == 1
    assert poll.contentcontainer_id == 5
    assert poll.question == "Where do we meet on Friday?"
    assert poll.description == "Pick one."  # server HTML becomes plain text
    assert [a.text for a in poll.answers] == ["Office", "Cafe", "Online"]
    assert not poll.allow_multiple
    assert not poll.closed
    assert not poll.anonymous
    assert poll.url == "https://i.example/content/perma?id=8"
    assert poll.created_by is not None
    assert poll.created_by.display_name == "Alice Anders"
    assert poll.created_at == datetime(2026, 12, 1, 11, 37, 13, tzinfo=UTC)
    assert poll.ends_at is None  # 1.4.5 has no end


def test_flags_in_every_php_spelling() -> None:
    poll = parse_poll(real_poll(allow_multiple="1", closed=True, anonymous="0"))
    assert poll.allow_multiple
    assert poll.closed
    assert not poll.anonymous


def test_an_end_is_read_when_a_server_names_one() -> None:
    poll = parse_poll(real_poll(end_date="2026-12-04 17:00:00"))
    assert poll.ends_at == datetime(2026, 12, 4, 17, tzinfo=UTC)
    assert parse_poll(real_poll(end_date="soon")).ends_at is None


@pytest.mark.parametrize(
    "bad",
    [
        {"answers": [{"id": "x", "answer": "?"}, None, 5, {"id": 2, "answer": 7}]},
        {"question": None, "description": ["x"], "created_by": "alice", "content": "no"},
        {"contentcontainer_id": -3, "created_at": "2026-99-99", "closed": {"x": 1}},
        {"answers": [{"id": 1, "answer": "a"}, {"id": 1, "answer": "again"}]},
    ],
)
def test_bad_fields_never_crash(bad: dict[str, object]) -> None:
    poll = parse_poll(real_poll(**bad))
    assert poll.id == 1
    assert len({a.id for a in poll.answers}) == len(poll.answers) >= 1


@pytest.mark.parametrize(
    "value", [None, [], "poll", {"id": 0, "answers": [{"id": 1}]}, {"id": 3, "answers": []}]
)
def test_unusable_polls_are_errors(value: object) -> None:
    with pytest.raises(ResponseError):
        parse_poll(value)


def test_my_votes() -> None:
    assert parse_my_votes([2]) == {2}
    assert parse_my_votes([4, 5, "6", True, -1]) == {4, 5}
    assert parse_my_votes([]) == frozenset()
    assert parse_my_votes(7) == {7}
    with pytest.raises(ResponseError):
        parse_my_votes({"code": 200})
