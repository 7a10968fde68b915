"""Typed or forwarded "@Jan" becomes a mention when clear, and is asked about when not."""

from __future__ import annotations

import asyncio
import random

import pytest

from desktop.posting import PostingController
from desktop.single_instance import Command
from services.compose import Composition
from services.mentions import compose, mentioned
from services.models import Container, Person
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort
from ui.quick_post_dialog import QuickPostDialog

TEAM = Container(3, "g-team", "Team Zorg", 30)
BAKKER = Person(5, "g-bakker", "Jan Bakker", "https://i.example/u/jan/")
DE_BOER = Person(7, "g-deboer", "Jan de Boer", "")
JANNEKE = Person(8, "g-janneke", "Janneke Smit", "")


def _search(people):
    def search(prefix):
        low = prefix.casefold()
        return [
            p
            for p in people
            if p.display_name.casefold().startswith(low)
            or any(w.casefold().startswith(low) for w in p.display_name.split())
        ]

    return search


def _dialog(qtbot, people) -> tuple[QuickPostDialog, list[Composition]]:
    dialog = QuickPostDialog(_search(people))
    qtbot.addWidget(dialog)
    dialog.set_targets([TEAM], selected=30)
    posted: list[Composition] = []
    dialog.post_requested.connect(posted.append)
    return dialog, posted


def test_a_typed_first_name_of_one_colleague_is_mentioned(qtbot):
    dialog, posted = _dialog(qtbot, [BAKKER, JANNEKE])
    dialog.editor.setPlainText("Dank je @Jan!")
    dialog.request_post()
    assert len(posted) == 1
    assert posted[0].draft.text == "Dank je @Jan Bakker!"
    assert mentioned(compose(posted[0].draft.text, posted[0].draft.mentions)) == (
        ("Jan Bakker", "g-bakker"),
    )


def test_an_ambiguous_name_is_asked_about_then_sent_as_typed(qtbot):
    dialog, posted = _dialog(qtbot, [BAKKER, DE_BOER, JANNEKE])
    dialog.editor.setPlainText("Dank je @Jan!")
    dialog.request_post()
    assert posted == []
    assert "Who do you mean by @Jan?" in dialog.message.text()
    assert dialog.editor.textCursor().selectedText() == "@Jan"  # marked in the text
    dialog.request_post()  # Post again: as plain text
    assert len(posted) == 1
    assert mentioned(compose(posted[0].draft.text, posted[0].draft.mentions)) == ()


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def test_forwarded_text_resolves_or_marks_names(qtbot, db):
    posting = PostingController(
        db, FakePort(spaces=[TEAM]), FakeClock(), rng=random.Random(1),
        people=_search([BAKKER, DE_BOER]),
    )  # fmt: skip

    async def go() -> None:
        posting.handle_command(Command("post", "Dank je @Jan Bakker en @Onbekend!"))
        dialog = posting.dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        await asyncio.sleep(0)
        assert dialog.draft().mentions == (BAKKER,)
        assert "@Onbekend: no colleague of that name is known yet." in dialog.message.text()
        await posting.shutdown()

    asyncio.run(go())
