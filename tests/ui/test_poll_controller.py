"""The poll controller on a scripted port: alerts once, Vote opens the dialog, votes reach the
port (reset first when changing), `voted` is emitted, the open polls go to the panel."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.poll_controller import PollController
from services.errors import ServerError
from services.models import (
    Alert,
    AlertAction,
    Capabilities,
    CommentApi,
    Container,
    Notification,
    NotificationKind,
    OpenPoll,
    Poll,
    PollAnswer,
)
from services.poll_memory import PollMemory
from services.poll_watch import PollWatch
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.polls import make_poll
from tests.fakes.port import FakePort
from ui.panel_polls import PanelPolls
from ui.poll_vote_dialog import PollVoteDialog

CAPS = Capabilities(rest_api=True, comment_api=CommentApi.V1_18, polls=True)


def poll(pid: int, question: str, *, closed: bool = False) -> Poll:
    answers = (PollAnswer(pid * 10 + 1, "Yes"), PollAnswer(pid * 10 + 2, "No"))
    return make_poll(
        pid, question, answers=answers, closed=closed, url=f"https://i.example/p/{pid}"
    )


def make(port: FakePort, alerts: list[Alert], *, on: bool = True) -> PollController:
    watch = PollWatch(
        PollMemory(Database.in_memory()), FakeClock(datetime(2026, 12, 1, 9, tzinfo=UTC))
    )
    return PollController(
        port, watch, show_alert=alerts.append, alerts_on=lambda: on, quiet_now=lambda: False
    )


def run(coro: Coroutine[Any, Any, None]) -> None:
    asyncio.run(coro)


def test_a_new_poll_alerts_once_with_vote(qtbot) -> None:
    port = FakePort(polls=[poll(1, "Lunch?")])
    alerts: list[Alert] = []
    controller = make(port, alerts)

    async def go() -> None:
        await controller.check_once()  # baseline: poll 1 existed
        port.polls.insert(0, poll(2, "Friday drinks?"))
        await controller.check_once()  # waits one check for a notification
        await controller.check_once()
        await controller.check_once()

    run(go())
    assert [(a.key, a.body) for a in alerts] == [("poll:2:new", "Friday drinks?")]
    assert alerts[0].actions[0] is AlertAction.VOTE


def test_poll_alerts_off_records_without_showing(qtbot) -> None:
    port = FakePort()
    alerts: list[Alert] = []
    controller = make(port, alerts, on=False)

    async def go() -> None:
        await controller.check_once()
        port.polls.insert(0, poll(2, "Friday drinks?"))
        await controller.check_once()
        await controller.check_once()

    run(go())
    assert alerts == []


def test_vote_from_the_alert_records_and_reports(qtbot) -> None:
    port = FakePort(polls=[poll(2, "Friday drinks?")])
    alerts: list[Alert] = []
    controller = make(port, alerts)
    opened: list[PollVoteDialog] = []
    voted: list[tuple[int, str]] = []
    controller.dialog_opened.connect(opened.append)
    controller.voted.connect(lambda pid, q: voted.append((pid, q)))
    alert = Alert(key="poll:2:new", title="", body="Friday drinks?", url="")

    async def go() -> None:
        controller.on_vote_alert(alert)
        await controller.settle()
        dialog = opened[0]
        dialog.answer_buttons[1].setChecked(True)
        dialog.vote_button.click()
        await controller.settle()

    run(go())
    assert port.votes == {2: {22}}
    assert voted == [(2, "Friday drinks?")]
    assert controller.dialogs == {}  # accepted and forgotten


def test_changing_a_vote_that_fails_after_the_reset_says_so_in_the_dialog(qtbot) -> None:
    port = FakePort(polls=[poll(2, "Friday drinks?")], votes={2: frozenset({21})})
    alerts: list[Alert] = []
    port.fail_on["vote"] = [ServerError("boom", status=500)]
    controller = make(port, alerts)
    opened: list[PollVoteDialog] = []
    controller.dialog_opened.connect(opened.append)

    async def go() -> None:
        controller.open_vote(2)
        await controller.settle()
        opened[0].answer_buttons[1].setChecked(True)
        opened[0].vote_button.click()
        await controller.settle()

    run(go())
    dialog = opened[0]
    assert "withdrawn" in dialog.status_label.text()
    assert dialog.isVisible()
    assert dialog.chosen() == {22}
    assert dialog.vote_button.isEnabled()
    assert port.calls[-3:] == ["my_votes", "reset_vote", "vote"]


def test_a_notification_vote_finds_the_poll_by_its_question(qtbot) -> None:
    port = FakePort(polls=[poll(3, "Which snacks?"), poll(2, "Lunch?")])
    alerts: list[Alert] = []
    controller = make(port, alerts)
    opened: list[PollVoteDialog] = []
    controller.dialog_opened.connect(opened.append)
    note = Alert(
        key="n:9", title="Alice", body='Alice Anders created Poll "Which snacks?".', url=""
    )

    async def go() -> None:
        controller.notified((Notification(9, NotificationKind.POLL, "c", note.body, None, None),))
        controller.on_vote_alert(note)
        await controller.settle()

    run(go())
    assert opened[0].poll.id == 3


def test_polls_asks_for_the_panel_and_lists_open_polls_with_vote_state(qtbot) -> None:
    port = FakePort(
        polls=[poll(3, "Which snacks?"), poll(2, "Lunch?"), poll(1, "Old?", closed=True)],
        votes={2: frozenset({21})},
        spaces=[Container(1, "g", "Team", 5)],
    )
    controller = make(port, [])
    asked: list[bool] = []
    listed: list[tuple[OpenPoll, ...]] = []
    controller.list_requested.connect(lambda: asked.append(True))
    controller.polls_changed.connect(listed.append)

    async def go() -> None:
        controller.set_capabilities(CAPS)
        controller.show_polls()
        await controller.settle()
        await controller.stop()

    run(go())
    assert asked == [True]
    block = PanelPolls()
    qtbot.addWidget(block)
    block.set_available(True)
    block.set_polls(listed[-1])
    rows = [(r.question_label.full_text, r.detail_label.text()) for r in block.rows]
    assert rows == [("Which snacks?", "Team · Not voted yet"), ("Lunch?", "Team · Voted")]
    assert block.rows[0].vote_button.accessibleName() == "Vote: Which snacks?"
    for label in block.findChildren(QLabel):
        assert label.textFormat().name == "PlainText"


def test_hidden_without_the_module(qtbot) -> None:
    controller = make(FakePort(), [])
    seen: list[bool] = []
    controller.available_changed.connect(seen.append)
    controller.set_capabilities(
        Capabilities(rest_api=True, comment_api=CommentApi.V1_18, polls=False)
    )
    assert seen == []
    assert not controller.available


def test_stopping_closes_the_open_vote_dialogs(qtbot) -> None:
    port = FakePort(polls=[poll(2, "Friday drinks?"), poll(3, "Lunch?")])
    controller = make(port, [])
    opened: list[PollVoteDialog] = []
    controller.dialog_opened.connect(opened.append)

    async def go() -> None:
        controller.open_vote(2)
        controller.open_vote(3)
        await controller.settle()
        assert len(controller.dialogs) == 2
        await controller.stop()  # closing one forgets it: never while walking the dict

    run(go())
    assert [d.isVisible() for d in opened] == [False, False]
    assert controller.dialogs == {}
