"""PostingController: dialog intents → drafts/outbox; sender results → signals."""

from __future__ import annotations

import asyncio
import random

import pytest

from PySide6.QtCore import Qt

from desktop.posting import PostingController, is_disk_full
from desktop.single_instance import Command
from services.compose import Draft, OutboxItem, OutboxState
from services.drafts import DraftStore
from services.errors import ForbiddenError
from services.models import Container, Person
from services.store import Database, StoreError
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort

TEAM = Container(3, "g-team", "Team Zorg", 30)
JAN = Person(7, "g-jan", "Jan de Boer", "https://i.example/u/jan/")


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def _controller(db, port=None):
    port = port or FakePort(spaces=[TEAM])
    posting = PostingController(
        db,
        port,
        FakeClock(),
        rng=random.Random(1),
        people=lambda prefix: [JAN] if "Jan de Boer".startswith(prefix) else [],
        guidelines_url="https://intranet.example/p/richtlijnen",
    )
    return posting, port


def test_posting_ctrl_enter_queues_sends_and_confirms(qtbot, db):
    posting, port = _controller(db)
    sent: list[str] = []
    changes: list[tuple[OutboxItem, ...]] = []
    posting.post_sent.connect(sent.append)
    posting.outbox_changed.connect(changes.append)

    async def go():
        posting.start()
        dialog = posting.open_dialog("Dank je @Jan de Boer!")
        qtbot.addWidget(dialog)
        await asyncio.sleep(0.05)  # targets loaded: profile + spaces
        dialog.target.select(30)
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        for _ in range(100):
            if sent:
                break
            await asyncio.sleep(0.01)
        await posting.shutdown()

    asyncio.run(go())
    assert sent == ["https://intranet.example/content/perma?id=1001"]
    assert "](mention:g-jan" in port.posts[0].message
    assert port.posts[0].contentcontainer_id == 30
    assert changes[-1] == ()
    assert not posting.dialog.isVisible()


def test_posting_forwarded_text_is_added_to_a_saved_draft(qtbot, db):
    DraftStore(db).save(Draft("Eerst dit", 30), FakeClock().now())
    posting, _ = _controller(db)

    async def go():
        posting.handle_command(Command("post", "en dan @Jan de Boer"))
        qtbot.addWidget(posting.dialog)
        await posting.shutdown()

    asyncio.run(go())
    draft = posting.dialog.draft()
    assert draft.text == "Eerst dit\nen dan @Jan de Boer"
    assert draft.mentions == (JAN,)


def test_posting_disk_full_keeps_the_text_and_says_so(qtbot, db, monkeypatch):
    posting, port = _controller(db)

    def full(*_a, **_k):
        raise StoreError("could not save: database or disk is full")

    monkeypatch.setattr(posting.outbox, "enqueue", full)
    monkeypatch.setattr(DraftStore, "save", full)

    async def go():
        dialog = posting.open_dialog("Belangrijk bericht")
        qtbot.addWidget(dialog)
        dialog.set_targets([TEAM])
        dialog.flush_draft()
        assert dialog.message.text() == "Couldn't save — disk full. Your text is still here."
        dialog.message.clear()
        dialog.request_post()
        await posting.shutdown()

    asyncio.run(go())
    assert posting.dialog.message.text() == "Couldn't save — disk full. Your text is still here."
    assert posting.dialog.editor.toPlainText() == "Belangrijk bericht"
    assert port.posts == []


def test_posting_refused_post_can_be_edited_and_discarded(qtbot, db):
    port = FakePort(spaces=[TEAM])
    posting, _ = _controller(db, port)
    changes: list[tuple[OutboxItem, ...]] = []
    posting.outbox_changed.connect(changes.append)

    async def go():
        posting.start()
        dialog = posting.open_dialog("Mag dit?")
        qtbot.addWidget(dialog)
        await asyncio.sleep(0.05)
        port.fail_with.append(ForbiddenError("403", status=403))
        dialog.target.select(30)
        dialog.request_post()
        for _ in range(100):
            if changes and changes[-1] and changes[-1][0].state is OutboxState.NEEDS_ATTENTION:
                break
            await asyncio.sleep(0.01)
        item = changes[-1][0]
        posting.edit(item.client_id)
        assert posting.dialog.draft().editing == item.client_id
        posting.discard(item.client_id)
        await posting.shutdown()

    asyncio.run(go())
    assert changes[-1] == ()
    assert port.posts == []


def test_posting_guidelines_go_through_the_browser_intent(qtbot, db):
    posting, _ = _controller(db)
    asked: list[str] = []
    posting.open_url_requested.connect(asked.append)

    async def go():
        dialog = posting.open_dialog()
        qtbot.addWidget(dialog)
        dialog.guidelines_button.click()
        await posting.shutdown()

    asyncio.run(go())
    assert asked == ["https://intranet.example/p/richtlijnen"]


def test_posting_disk_full_detection():
    assert is_disk_full(StoreError("could not save: database or disk is full"))
    assert is_disk_full(StoreError("could not save: disk I/O error"))
    assert not is_disk_full(StoreError("database busy or unwritable: locked"))
