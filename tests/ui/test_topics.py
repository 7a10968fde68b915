"""Topics: free text only where the user may create topics; elsewhere the existing ones. A post
the server took without some of its topics says so in the "posted" alert."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable

import pytest

from PySide6.QtCore import Qt

from desktop.posting import PostingController
from services.compose import Composition, Draft
from services.errors import OfflineError
from services.models import Container, TopicChoice
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort
from ui.quick_post_dialog import QuickPostDialog

ME = Container(1, "g-me", "Sanne de Vries", 10, is_space=False)
TEAM = Container(3, "g-team", "Team Zorg", 30)
MEMBER = TopicChoice(("Nieuws", "Feest"), can_create=False)
OWNER = TopicChoice(("Nieuws",), can_create=True)


@pytest.fixture
def dialog(qtbot):
    dlg = QuickPostDialog(topics_supported=True)
    qtbot.addWidget(dlg)
    dlg.set_targets([TEAM, ME], selected=30)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_a_member_chooses_from_the_existing_topics_only(dialog: QuickPostDialog, qtbot) -> None:
    dialog.set_topic_choice(MEMBER)
    assert not dialog.topic.isVisible()  # no free text: HumHub would drop a new topic
    assert dialog.topic_list.isVisible()
    offered = [dialog.topic_list.itemText(i) for i in range(dialog.topic_list.count())]
    assert offered == ["No topic", "Nieuws", "Feest"]
    assert dialog.draft().topics == ()
    dialog.topic_list.setCurrentIndex(2)
    assert dialog.draft().topics == ("Feest",)
    assert "admins" in dialog.topic_list.toolTip()


def test_an_owner_may_type_a_new_topic(dialog: QuickPostDialog, qtbot) -> None:
    dialog.set_topic_choice(OWNER)
    assert dialog.topic.isVisible()
    assert not dialog.topic_list.isVisible()
    qtbot.keyClicks(dialog.topic, "Nieuws, Jubileum")
    assert dialog.draft().topics == ("Nieuws", "Jubileum")


def test_no_choice_before_the_server_said_and_a_draft_topic_survives(
    dialog: QuickPostDialog,
) -> None:
    dialog.set_topic_choice(None)
    assert not dialog.topic.isVisible()
    assert not dialog.topic_list.isEnabled()
    dialog.set_draft(Draft("Hallo", 30, topics=("feest",)))
    assert dialog.draft().topics == ("feest",)  # kept until the choice is known
    dialog.set_topic_choice(MEMBER)
    assert dialog.topic_list.currentText() == "Feest"  # names compare without case
    assert dialog.draft().topics == ("Feest",)


def test_a_space_without_topics_offers_none(dialog: QuickPostDialog) -> None:
    dialog.set_topic_choice(TopicChoice((), can_create=False))
    assert not dialog.topic_list.isEnabled()
    assert dialog.draft().topics == ()


async def _until(condition: Callable[[], object], seconds: float = 10) -> None:
    """Wait for `condition`, polling; fail after `seconds` (never a fixed sleep)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def test_posting_offers_the_targets_topics_and_says_what_was_dropped(qtbot, db) -> None:
    port = FakePort(spaces=[TEAM], topic_choices={30: MEMBER, 10: OWNER})
    posting = PostingController(db, port, FakeClock(), rng=random.Random(1))
    sent: list[str] = []
    posting.post_sent.connect(sent.append)

    async def go() -> None:
        posting.start()
        dialog = posting.open_dialog()
        qtbot.addWidget(dialog)
        await _until(lambda: len(dialog.target.targets()) == 2)  # the profile and the space
        dialog.target.select(30)
        await _until(lambda: dialog.topic_list.count() == 3)
        assert [dialog.topic_list.itemText(i) for i in range(3)] == ["No topic", "Nieuws", "Feest"]
        assert not dialog.topic.isVisible()
        # a draft saved before (or a forwarded one) still asks for a topic the space lacks
        posting._on_dialog_post_requested(
            Composition(Draft("Hallo team", 30, topics=("Geheim",)), TEAM)
        )
        await _until(lambda: sent)
        await posting.shutdown()

    asyncio.run(go())
    assert port.post_topics == [("Geheim",)]
    alert = posting.confirmation_alert(sent[0])
    assert "“Geheim”" in alert.body
    assert "admins" in alert.body
    assert "Geheim" not in posting.confirmation_alert(sent[0]).body  # said once


def test_the_target_change_asks_again(qtbot, dialog: QuickPostDialog) -> None:
    asked: list[Container] = []
    dialog.topics_wanted.connect(asked.append)
    dialog.target.select(10)
    assert asked == [ME]
    qtbot.keyClick(dialog.target, Qt.Key.Key_End)  # typing in the picker asks nothing new
    assert asked == [ME]


class NoTopicsPort(FakePort):
    """The intranet can't be reached: the topics of a container can't be read."""

    async def topic_choice(self, target: Container) -> TopicChoice:
        raise OfflineError("connection refused", nothing_sent=True)


def test_a_saved_topic_survives_opening_the_dialog_while_offline(db, qtbot) -> None:
    port = NoTopicsPort(spaces=[TEAM])
    posting = PostingController(db, port, FakeClock(), rng=random.Random(1))
    posting._on_dialog_draft_changed(Draft("Hallo team", 30, topics=("Nieuws",)))
    asked: list[object] = []

    async def go() -> None:
        dialog = posting.open_dialog()
        qtbot.addWidget(dialog)
        dialog.topics_wanted.connect(asked.append)
        dialog.request_topics()
        deadline = asyncio.get_running_loop().time() + 5
        while len(port.calls) < 1 or posting._background:  # the topic reads have ended
            assert asyncio.get_running_loop().time() < deadline, "topics never read"
            await asyncio.sleep(0.01)
        dialog.flush_draft()
        await posting.shutdown()

    asyncio.run(go())
    assert asked  # the topics were asked for, and could not be read
    saved = posting._load_draft()
    assert saved is not None
    assert saved.topics == ("Nieuws",)  # not silently dropped for lack of a topic list
