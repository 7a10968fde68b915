"""Spotlight a colleague: keyboard-first dialog, posted once through the outbox, the kudos
space from the setting or the policy, and a mention there alerting as a spotlight."""

from __future__ import annotations

import asyncio
import random

import pytest

from PySide6.QtCore import Qt

from desktop.alert_text import render_plan
from desktop.posting import PostingController
from desktop.spotlight import SpotlightHost, find_space
from services.models import (
    AlertPlan,
    AlertPlanKind,
    Container,
    Notification,
    NotificationKind,
    Person,
)
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort
from tests.waiting import until
from ui.spotlight_dialog import SpotlightDialog

KUDOS = Container(4, "g-kudos", "Complimenten", 40)
TEAM = Container(3, "g-team", "Team Zorg", 30)
JAN = Person(7, "g-jan", "Jan de Boer", "https://i.example/u/jan/")
NOOR = Person(8, "g-noor", "Noor Hendriks")


def _people(prefix: str) -> list[Person]:
    return [p for p in (JAN, NOOR) if prefix.lower() in p.display_name.lower()]


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "startpunt.sqlite3")
    yield database
    database.close()


def test_find_space_by_name_or_id_else_the_policy() -> None:
    spaces = [TEAM, KUDOS]
    assert find_space(spaces, "complimenten", None) == KUDOS
    assert find_space(spaces, "4", None) == KUDOS
    assert find_space(spaces, "", 3) == TEAM
    assert find_space(spaces, "Elders", 3) is None  # the user's choice wins, even unknown
    assert find_space(spaces, "", None) is None


def test_dialog_is_keyboard_first_and_previews_the_post(qtbot) -> None:
    dialog = SpotlightDialog(_people)
    qtbot.addWidget(dialog)
    dialog.set_space("Complimenten")
    dialog.show()
    dialog.start()
    posted: list[tuple[Person, str]] = []
    dialog.post_requested.connect(lambda person, why: posted.append((person, why)))
    qtbot.keyClicks(dialog.filter, "o")  # both match
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.colleague() == NOOR
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.reason
    assert not dialog.post_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "Altijd behulpzaam")
    assert dialog.preview.text() == "In the spotlight: @Noor Hendriks\n\nAltijd behulpzaam"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert posted == [(NOOR, "Altijd behulpzaam")]


def test_without_a_kudos_space_the_dialog_says_so_and_offers_settings(qtbot) -> None:
    dialog = SpotlightDialog(_people)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_space("")
    assert dialog.no_space.isVisible()
    assert dialog.settings_button.isVisible()
    qtbot.keyClicks(dialog.reason, "Top")
    assert not dialog.post_button.isEnabled()
    with qtbot.waitSignal(dialog.settings_requested):
        dialog.settings_button.click()


def test_spotlight_posts_once_through_the_outbox_with_the_mention(qtbot, db) -> None:
    port = FakePort(spaces=[TEAM, KUDOS])
    posting = PostingController(db, port, FakeClock(), rng=random.Random(1))
    host = SpotlightHost(port, posting, _people, kudos_space="Complimenten", policy_id=None)
    sent: list[str] = []
    posting.post_sent.connect(sent.append)

    async def go() -> None:
        posting.start()
        host.refresh()
        await until(lambda: host.space is not None, 10, "the kudos space")
        dialog = host.open_dialog()
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.filter, "Jan")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.reason, "Regelde het weekend")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert "on its way" in dialog.status.text()
        await until(lambda: sent, 10, "the post sent")
        assert not posting.outbox.waiting()  # nothing else queued behind it
        await host.shutdown()
        await posting.shutdown()

    asyncio.run(go())
    assert len(port.posts) == 1  # the second Ctrl+Enter found an empty reason
    post = port.posts[0]
    assert post.contentcontainer_id == KUDOS.contentcontainer_id
    assert '[Jan de Boer](mention:g-jan "https://i.example/u/jan/")' in post.message
    assert "Regelde het weekend" in post.message
    assert sent == [post.url]

    mention = Notification(
        5, NotificationKind.MENTION, "Mentioned", "Jan noemde je.", JAN, None,
        post_id=1, contentcontainer_id=KUDOS.contentcontainer_id,
    )  # fmt: skip
    elsewhere = Notification(
        6, NotificationKind.MENTION, "Mentioned", "Jan noemde je.", JAN, None,
        contentcontainer_id=TEAM.contentcontainer_id,
    )  # fmt: skip
    assert host.is_spotlight(mention)
    assert not host.is_spotlight(elsewhere)

    def title(n: Notification) -> str:
        plan = AlertPlan(AlertPlanKind.SINGLE, "k", n, actor_names=("Jan de Boer",))
        alert = render_plan(
            plan, entry_url=str, thankable=lambda _n: False, spotlight=host.is_spotlight
        )
        return alert.title

    assert title(mention) == "Jan de Boer put you in the spotlight!"
    assert title(elsewhere) == "Jan de Boer"
