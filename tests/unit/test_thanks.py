"""Thanks: find the liked post by its quoted title; one comment per notification."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from services.errors import OfflineError, ServerError, ValidationError
from services.models import Capabilities, CommentApi, NotificationKind, Person, Post
from services.store import Database
from services.thanks import Thanker, can_thank, find_post
from tests.fakes.port import FakePort, make_notification

ME = Person(1, "me-guid", "Sanne de Vries")
OTHER = Person(2, "other-guid", "Jan Bakker")
CAPS = Capabilities(True, CommentApi.V1_18, True)


def _post(pid: int, message: str, author: Person = ME) -> Post:
    return Post(pid, pid + 100, message, author, None, f"https://x/p/{pid}", 5)


def _like(text: str):
    return make_notification(7, text)


def test_thanks_finds_the_post_by_its_quoted_title():
    port = FakePort(
        recent_posts=[
            _post(1, "Dank aan het team van de receptie voor de bloemen", author=OTHER),
            _post(2, "Dank aan het team van de receptie voor de taart en koffie"),
        ]
    )
    n = _like('Jan vindt je bericht "Dank aan het team van de receptie voor…" leuk.')
    ref = asyncio.run(find_post(port, n, ME.guid))
    assert ref is not None
    assert (ref.post_id, ref.content_id) == (2, 102)  # mine, not Jan's post with the same start


def test_thanks_uses_the_post_a_comment_carries():
    n = replace(make_notification(3), kind=NotificationKind.COMMENT, post_id=9, content_id=19)
    port = FakePort()
    ref = asyncio.run(find_post(port, n, ME.guid))
    assert ref is not None
    assert (ref.post_id, ref.content_id) == (9, 19)
    assert "list_recent_posts" not in port.calls


def test_thanks_without_a_matching_post_is_refused_without_posting():
    port = FakePort(recent_posts=[_post(1, "Iets heel anders")])
    thanker = Thanker(port)
    with pytest.raises(ValidationError):
        asyncio.run(
            thanker.thank(_like('x "Dank…" leuk'), "Bedankt!", capabilities=CAPS, my_guid=ME.guid)
        )
    assert "comment_on_post" not in port.calls


def test_thanks_only_once_per_notification():
    port = FakePort(recent_posts=[_post(2, "Dank aan iedereen")])
    thanker = Thanker(port)
    n = _like('Jan vindt je bericht "Dank aan iedereen" leuk.')
    asyncio.run(thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid))
    with pytest.raises(ValidationError):
        asyncio.run(thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid))
    assert port.calls.count("comment_on_post") == 1
    assert thanker.already_thanked(n.id)


def test_thanks_may_retry_when_nothing_was_sent():
    port = FakePort(recent_posts=[_post(2, "Dank aan iedereen")])
    thanker = Thanker(port)
    n = _like('Jan vindt je bericht "Dank aan iedereen" leuk.')
    failing = [OfflineError("refused", nothing_sent=True)]

    def fail_comment(name: str) -> None:
        if name == "comment_on_post" and failing:
            raise failing.pop()

    port.on_call = fail_comment
    with pytest.raises(OfflineError):
        asyncio.run(thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid))
    assert not thanker.already_thanked(n.id)
    asyncio.run(thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid))
    assert thanker.already_thanked(n.id)


def test_thanks_never_repeats_after_an_ambiguous_failure():
    port = FakePort(recent_posts=[_post(2, "Dank aan iedereen")])
    thanker = Thanker(port)
    n = _like('Jan vindt je bericht "Dank aan iedereen" leuk.')

    def fail_comment(name: str) -> None:
        if name == "comment_on_post":
            raise ServerError("bad gateway", status=502)

    port.on_call = fail_comment
    with pytest.raises(ServerError):
        asyncio.run(thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid))
    assert thanker.already_thanked(n.id)


def test_can_thank_needs_a_comment_api_and_a_positive_kind():
    like = make_notification(1)
    assert can_thank(like, CAPS)
    assert not can_thank(like, None)
    assert not can_thank(like, Capabilities(True, CommentApi.UNKNOWN, False))
    assert not can_thank(replace(like, kind=NotificationKind.FOLLOW), CAPS)


def test_thanks_two_clicks_at_once_post_one_comment():
    port = FakePort(recent_posts=[_post(2, "Dank aan iedereen")])
    thanker = Thanker(port)
    n = _like('Jan vindt je bericht "Dank aan iedereen" leuk.')

    async def both() -> list[int | BaseException]:
        return list(
            await asyncio.gather(
                thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid),
                thanker.thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid),
                return_exceptions=True,
            )
        )

    results = asyncio.run(both())
    assert port.calls.count("comment_on_post") == 1
    assert sum(isinstance(r, ValidationError) for r in results) == 1


def test_thanks_are_remembered_across_a_restart(tmp_path):
    path = tmp_path / "s.sqlite3"
    port = FakePort(recent_posts=[_post(2, "Dank aan iedereen")])
    n = _like('Jan vindt je bericht "Dank aan iedereen" leuk.')
    db = Database.open(path)
    asyncio.run(Thanker(port, db).thank(n, "Bedankt!", capabilities=CAPS, my_guid=ME.guid))
    db.close()
    again = Database.open(path)
    assert Thanker(port, again).already_thanked(n.id)
    again.close()


@pytest.mark.parametrize(
    "title",
    [
        "Dank je @Jan Bakker voor de **taart**!",
        "Dank je Jan Bakker voor de taart!",
        "Dank je @Jan Bakker voor de…",
    ],
)
def test_thanks_finds_a_post_that_holds_a_mention(title: str):
    message = 'Dank je [Jan Bakker](mention:other-guid "https://x/u/jan") voor de **taart**!'
    port = FakePort(recent_posts=[_post(4, message)])
    n = _like(f'Jan vindt je bericht "{title}" leuk.')
    ref = asyncio.run(find_post(port, n, ME.guid))
    assert ref is not None
    assert ref.post_id == 4
