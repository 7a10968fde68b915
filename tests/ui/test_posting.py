"""PostingController: dialog intents → drafts/outbox; sender results → signals."""

from __future__ import annotations

import asyncio
import random

import pytest

from PySide6.QtCore import Qt

from desktop.posting import PostingController, is_disk_full
from desktop.single_instance import Command
from services.compose import Composition, Draft, OutboxItem, OutboxState
from services.drafts import DraftStore
from services.errors import ForbiddenError
from services.models import Container, Person
from services.outbox_send import SendOutcome
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


# -- review finding 1: edits, drafts and the sender -----------------------------------------
def _queue_waiting(posting, text):
    return posting.outbox.enqueue(Composition(Draft(text, 30), TEAM))


def test_posting_editing_a_waiting_post_keeps_the_saved_draft(qtbot, db):
    posting, port = _controller(db)
    row = _queue_waiting(posting, "Oude tekst")
    DraftStore(db).save(Draft("Mijn concept", 30), FakeClock().now())

    async def go():
        posting.edit(row.client_id)
        dialog = posting.dialog
        qtbot.addWidget(dialog)
        assert dialog.draft().text == "Oude tekst"
        dialog.editor.setPlainText("Nieuwe tekst")
        dialog.flush_draft()  # the debounced save of the edit
        assert DraftStore(db).load() == Draft("Mijn concept", 30)
        dialog.request_post()
        assert not dialog.isVisible()
        reopened = posting.open_dialog()
        assert reopened.draft().text == "Mijn concept"
        assert reopened.draft().editing is None
        await posting.shutdown()

    asyncio.run(go())
    assert DraftStore(db).load() == Draft("Mijn concept", 30)
    edited = posting.outbox.get(row.client_id)
    assert (edited.state, edited.text) == (OutboxState.QUEUED, "Nieuwe tekst")
    assert port.posts == []


def test_posting_reopening_or_forwarding_keeps_text_not_saved_yet(qtbot, db):
    """The debounce is running: reloading the database draft would lose the last second."""
    DraftStore(db).save(Draft("Oud concept", 30), FakeClock().now())
    posting, _ = _controller(db)

    async def go():
        dialog = posting.open_dialog()
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.editor, " plus")
        assert posting.open_dialog().editor.toPlainText() == "Oud concept plus"
        posting.handle_command(Command("post", "en nog iets"))
        assert dialog.editor.toPlainText() == "Oud concept plus\nen nog iets"
        saved = DraftStore(db).load()
        assert saved is not None
        assert saved.text == "Oud concept plus\nen nog iets"  # saved at once
        await posting.shutdown()

    asyncio.run(go())


def test_posting_a_post_being_edited_is_held_until_posted(qtbot, db):
    """The sender must not send the original meanwhile: the edit would be a second post."""
    posting, port = _controller(db)
    row = _queue_waiting(posting, "Eerste versie")

    async def go():
        posting.edit(row.client_id)
        dialog = posting.dialog
        qtbot.addWidget(dialog)
        assert posting.outbox.get(row.client_id).state is OutboxState.EDITING
        assert (await posting.outbox.send_next()).outcome is SendOutcome.IDLE
        dialog.editor.setPlainText("Tweede versie")
        dialog.request_post()
        assert (await posting.outbox.send_next()).outcome is SendOutcome.SENT
        await posting.shutdown()

    asyncio.run(go())
    assert [p.message for p in port.posts] == ["Tweede versie"]


def test_posting_cancelling_an_edit_requeues_the_original(qtbot, db):
    posting, port = _controller(db)
    row = _queue_waiting(posting, "Origineel")
    DraftStore(db).save(Draft("Mijn concept", 30), FakeClock().now())

    async def go():
        for cancel in ("escape", "discard"):
            posting.edit(row.client_id)
            dialog = posting.dialog
            qtbot.addWidget(dialog)
            dialog.editor.setPlainText("Half bewerkt")
            if cancel == "escape":
                qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
            else:
                dialog.discard_button.click()
                assert dialog.draft() == Draft("Mijn concept", 30)  # back to the new post
            assert posting.outbox.get(row.client_id).state is OutboxState.QUEUED
            assert DraftStore(db).load() == Draft("Mijn concept", 30)
        assert posting.open_dialog().draft() == Draft("Mijn concept", 30)
        assert (await posting.outbox.send_next()).outcome is SendOutcome.SENT
        await posting.shutdown()

    asyncio.run(go())
    assert [p.message for p in port.posts] == ["Origineel"]


def test_posting_editing_while_writing_a_new_post_keeps_it(qtbot, db):
    posting, _ = _controller(db)
    row = _queue_waiting(posting, "Wachtend")

    async def go():
        dialog = posting.open_dialog()
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.editor, "Nieuw bericht")  # not saved yet
        posting.edit(row.client_id)
        assert dialog.draft().editing == row.client_id
        assert DraftStore(db).load() == Draft("Nieuw bericht", 30)
        dialog.reject()
        assert posting.open_dialog().draft().text == "Nieuw bericht"
        await posting.shutdown()

    asyncio.run(go())
