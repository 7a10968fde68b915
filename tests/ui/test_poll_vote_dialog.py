"""The vote dialog: radio or check boxes, the own vote shown, keyboard-first, errors kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QRadioButton

from services.models import Poll, PollAnswer
from tests.fakes.polls import make_poll
from ui.poll_vote_dialog import PollVoteDialog


def poll(*, multiple: bool = False, closed: bool = False) -> Poll:
    answers = (PollAnswer(1, "Office"), PollAnswer(2, "<b>Cafe</b>"), PollAnswer(3, "Online"))
    return make_poll(
        7, "Where do we meet?", answers=answers, description="Pick one.", multiple=multiple,
        closed=closed,
    )  # fmt: skip


def test_single_choice_votes_with_the_keyboard(qtbot) -> None:
    dialog = PollVoteDialog(poll(), frozenset())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert all(isinstance(b, QRadioButton) for b in dialog.answer_buttons)
    assert dialog.mine_label.text() == "You have not voted yet."
    assert not dialog.vote_button.isEnabled()
    assert dialog.vote_button.text() == "Vote"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.answer_buttons[0])
    qtbot.keyClick(dialog.answer_buttons[0], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.answer_buttons[0], Qt.Key.Key_Down)  # radio group: arrows move
    assert dialog.chosen() == {2}
    with qtbot.waitSignal(dialog.vote_requested) as sent:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert sent.args == [7, frozenset({2})]
    assert not dialog.vote_button.isEnabled()  # busy until the controller answers
    dialog.show_voted(frozenset({2}))
    assert dialog.result() == dialog.DialogCode.Accepted


def test_own_vote_preselected_and_change(qtbot) -> None:
    dialog = PollVoteDialog(poll(), frozenset({1}))
    qtbot.addWidget(dialog)
    assert dialog.answer_buttons[0].isChecked()
    assert dialog.mine_label.text() == "Your vote: Office"
    assert dialog.vote_button.text() == "Change vote"
    assert not dialog.vote_button.isEnabled()
    dialog.answer_buttons[2].setChecked(True)
    assert dialog.vote_button.isEnabled()


def test_multiple_choice_uses_check_boxes(qtbot) -> None:
    dialog = PollVoteDialog(poll(multiple=True), frozenset())
    qtbot.addWidget(dialog)
    assert all(isinstance(b, QCheckBox) for b in dialog.answer_buttons)
    dialog.answer_buttons[0].setChecked(True)
    dialog.answer_buttons[2].setChecked(True)
    assert dialog.chosen() == {1, 3}
    assert dialog.hint_label.isVisibleTo(dialog)


def test_failure_keeps_the_choice_and_says_a_withdrawn_vote(qtbot) -> None:
    dialog = PollVoteDialog(poll(), frozenset({1}))
    qtbot.addWidget(dialog)
    dialog.answer_buttons[1].setChecked(True)
    dialog.vote_button.click()
    dialog.show_failed("No vote is recorded now: please try again.", withdrawn=True)
    assert dialog.status_label.text() == "No vote is recorded now: please try again."
    assert dialog.chosen() == {2}
    assert dialog.vote_button.isEnabled()
    assert dialog.vote_button.text() == "Vote"
    assert dialog.mine_label.text() == "You have not voted yet."
    assert dialog.result() != dialog.DialogCode.Accepted


def test_closed_poll_cannot_be_voted(qtbot) -> None:
    dialog = PollVoteDialog(poll(closed=True), frozenset())
    qtbot.addWidget(dialog)
    assert not dialog.vote_button.isEnabled()
    assert not any(b.isEnabled() for b in dialog.answer_buttons)
    assert dialog.mine_label.text() == "This poll is closed."


def test_server_text_is_plain_and_named(qtbot) -> None:
    dialog = PollVoteDialog(poll(), frozenset())
    qtbot.addWidget(dialog)
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.answer_buttons[1].text() == "<b>Cafe</b>"  # buttons never render markup
    assert dialog.answer_buttons[1].accessibleName() == "<b>Cafe</b>"
    assert dialog.vote_button.accessibleName() == "Vote"


def test_an_ampersand_in_an_answer_is_shown_not_a_shortcut(qtbot) -> None:
    answers = (PollAnswer(1, "R&D"), PollAnswer(2, "Sales && Ops"))
    item = Poll(8, "Who?", "", answers, False, False, False, 0, "", None, None)
    dialog = PollVoteDialog(item, frozenset())
    qtbot.addWidget(dialog)
    assert [b.text() for b in dialog.answer_buttons] == ["R&&D", "Sales &&&& Ops"]
    assert dialog.answer_buttons[0].accessibleName() == "R&D"
    assert dialog.answer_buttons[0].shortcut().isEmpty()  # no Alt+D
