"""The panel's Polls block: rows of open polls, hidden without the module, Vote, keyboard."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from desktop.panel_host import PanelHost
from services.models import OpenPoll
from tests.fakes.polls import make_open_poll
from tests.fakes.port import make_notification


def open_poll(pid: int, question: str, mine: frozenset[int] | None = frozenset()) -> OpenPoll:
    return make_open_poll(pid, question, mine, space="Algemeen")


POLLS = (
    open_poll(7, "Where do we hold the party?"),
    open_poll(6, "<b>x</b>", frozenset({1})),
)


def shown_host(qtbot, *, available: bool = True, polls=POLLS) -> PanelHost:
    host = PanelHost(as_window=True)
    host.set_polls_available(available)
    host.set_polls(polls)  # pushed before the panel exists: handed over when it is built
    host.show_near(None)
    panel = host.panel()
    qtbot.addWidget(panel)
    qtbot.waitExposed(panel)
    return host


def test_rows_show_question_space_and_vote_state_as_plain_text(qtbot):
    host = shown_host(qtbot)
    block = host.polls_block
    assert block is not None
    assert block.isVisible()
    assert block.toggle.text() == "2 open poll(s)"  # English plurals come from startpunt_en.qm
    first, second = block.rows
    assert first.question_label.full_text == "Where do we hold the party?"
    assert first.detail_label.text() == "Algemeen · Not voted yet"
    assert first.vote_button.text() == "Vote"
    assert second.question_label.textFormat() is Qt.TextFormat.PlainText
    assert second.question_label.full_text == "<b>x</b>"  # shown literally, never as markup
    assert second.question_label.text() == "<b>x</b>"
    assert second.detail_label.text() == "Algemeen · Voted"
    assert second.vote_button.text() == "Change vote"
    with qtbot.waitSignal(host.vote_requested) as vote:
        qtbot.mouseClick(second.vote_button, Qt.MouseButton.LeftButton)
    assert vote.args == [6]
    block.toggle.click()  # collapsed: the rows go, the title stays
    assert not block.poll_scroll.isVisible()
    assert block.toggle.isVisible()


def test_hidden_without_the_polls_module_or_without_open_polls(qtbot):
    host = shown_host(qtbot, available=False)
    assert host.polls_block is not None
    assert not host.polls_block.isVisible()
    host.set_polls_available(True)
    assert host.polls_block.isVisible()
    host.set_polls(())
    assert not host.polls_block.isVisible()


def test_the_list_keeps_the_first_focus_and_tab_reaches_the_vote_buttons(qtbot):
    host = shown_host(qtbot)
    panel = host.panel()
    panel.activateWindow()
    host.set_notifications((make_notification(2), make_notification(1)), {2})
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list_view)
    block = host.polls_block
    assert block is not None
    reached = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[:4] == [
        panel.mark_all_button,
        block.toggle,
        block.rows[0].vote_button,
        block.rows[1].vote_button,
    ]
    with qtbot.waitSignal(host.vote_requested) as vote:
        block.rows[0].vote_button.setFocus()
        qtbot.keyClick(block.rows[0].vote_button, Qt.Key.Key_Space)
    assert vote.args == [7]


def test_asking_for_the_polls_opens_the_block_on_its_first_vote(qtbot):
    host = PanelHost(as_window=True)
    host.set_polls_available(True)
    host.show_polls(None)
    panel = host.panel()
    qtbot.addWidget(panel)
    qtbot.waitExposed(panel)
    block = host.polls_block
    assert block is not None
    assert block.isVisible()
    assert block.empty_label.isVisible()
    panel.activateWindow()
    host.set_polls(POLLS)  # the controller's answer
    qtbot.waitUntil(lambda: QApplication.focusWidget() is block.rows[0].vote_button)
    panel.hide()
    host.set_polls(())
    host.show_near(None)  # an ordinary opening: shown only with open polls
    assert not block.isVisible()


def test_the_controller_fills_the_block_when_the_panel_opens_and_vote_opens_the_dialog(qtbot):
    import asyncio
    from datetime import UTC, datetime

    from desktop.panel_polls_wiring import wire_panel_polls
    from desktop.poll_controller import PollController
    from services.models import Capabilities, CommentApi, Container
    from services.poll_memory import PollMemory
    from services.poll_watch import PollWatch
    from services.store import Database
    from tests.fakes.clock import FakeClock
    from tests.fakes.port import FakePort

    polls = [open_poll(3, "Which snacks?").poll, open_poll(2, "Lunch?").poll]
    port = FakePort(polls=polls, votes={2: frozenset({1})}, spaces=[Container(1, "g", "Team", 5)])
    clock = FakeClock(datetime(2026, 12, 1, 9, tzinfo=UTC))
    controller = PollController(
        port,
        PollWatch(PollMemory(Database.in_memory()), clock),
        show_alert=lambda _alert: None,
        alerts_on=lambda: True,
        quiet_now=lambda: False,
    )
    host = PanelHost(as_window=True)
    wire_panel_polls(controller, host, lambda: QRect())
    opened: list[int] = []
    controller.dialog_opened.connect(lambda dialog: opened.append(dialog.poll.id))

    async def go() -> None:
        controller.set_capabilities(Capabilities(True, CommentApi.V1_18, polls=True))
        host.show_near(None)  # the panel asks for a refresh as it opens
        await controller.settle()
        block = host.polls_block
        assert block is not None
        details = [row.detail_label.text() for row in block.rows]
        assert details == ["Team · Not voted yet", "Team · Voted"]
        block.rows[0].vote_button.click()
        await controller.settle()
        host.panel().hide()
        controller.show_polls()  # the tray's "Polls": the panel, at its Polls block
        await controller.settle()
        assert host.panel().isVisible()
        assert block.revealed
        assert block.isVisible()
        await controller.stop()

    asyncio.run(go())
    qtbot.addWidget(host.panel())
    assert opened == [3]  # the vote dialog of the poll whose Vote it was (closed by stop)
