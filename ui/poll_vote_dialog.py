"""The vote dialog: a poll's question and answers, the user's own vote, Vote / Change vote.

Keyboard-first (the first answer has focus, Enter votes, Esc cancels), every control has an
accessible name, server text is plain text. The dialog only emits `vote_requested(poll id,
answer ids)`; the controller answers with `show_voted` or `show_failed`, and the choice stays
in the dialog until the vote is recorded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.models import Poll
from ui.plain_label import plain_label


class PollVoteDialog(QDialog):
    """One poll to vote on; `my_answers` is the user's current vote (empty: none)."""

    vote_requested = Signal(int, object)  # poll id, frozenset[int] of answer ids

    def __init__(
        self, poll: Poll, my_answers: frozenset[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.poll = poll
        self.my_answers = frozenset(my_answers)
        self.setWindowTitle(self.tr("Poll"))
        self.setObjectName("pollVoteDialog")
        self.question_label = plain_label(poll.question, self, "question")
        font = self.question_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.question_label.setFont(font)
        self.question_label.setAccessibleName(self.tr("Question"))
        self.description_label = plain_label(poll.description, self, "description")
        self.description_label.setVisible(bool(poll.description))
        hint = self.tr("Choose one or more answers.") if poll.allow_multiple else ""
        self.hint_label = plain_label(hint, self, "hint")
        self.hint_label.setVisible(bool(hint))
        self.group = QButtonGroup(self)
        self.group.setExclusive(not poll.allow_multiple)
        self.answer_buttons: list[QAbstractButton] = []
        for answer in poll.answers:
            shown = answer.text.replace("&", "&&")  # server text: a "&" is no shortcut key
            button: QAbstractButton = (
                QCheckBox(shown, self) if poll.allow_multiple else QRadioButton(shown, self)
            )
            button.setAccessibleName(answer.text)
            button.setChecked(answer.id in self.my_answers)
            self.group.addButton(button, answer.id)
            self.answer_buttons.append(button)
        self.group.buttonToggled.connect(self._update)
        self.mine_label = plain_label("", self, "myVote")
        self.mine_label.setAccessibleName(self.tr("Your vote"))
        self.status_label = plain_label("", self, "status")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.vote_button = QPushButton(self)
        self.vote_button.setDefault(True)
        self.vote_button.clicked.connect(self._vote)
        self.buttons.addButton(self.vote_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        for widget in (self.question_label, self.description_label, self.hint_label):
            layout.addWidget(widget)
        for button in self.answer_buttons:
            layout.addWidget(button)
        layout.addWidget(self.mine_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)
        self._busy = False
        self._show_mine()
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        """The own answer (or the first) has the focus, so arrows and Enter work at once."""
        super().showEvent(event)
        checked = [b for b in self.answer_buttons if b.isChecked()]
        first = (checked or self.answer_buttons or [self.vote_button])[0]
        first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def chosen(self) -> frozenset[int]:
        """The answer ids ticked now."""
        return frozenset(self.group.id(b) for b in self.answer_buttons if b.isChecked())

    def _show_mine(self) -> None:
        texts = [a.text for a in self.poll.answers if a.id in self.my_answers]
        if self.poll.closed:
            self.mine_label.setText(self.tr("This poll is closed."))
        elif texts:
            self.mine_label.setText(self.tr("Your vote: %1").replace("%1", ", ".join(texts)))
        else:
            self.mine_label.setText(self.tr("You have not voted yet."))
        label = self.tr("Change vote") if self.my_answers else self.tr("Vote")
        self.vote_button.setText(label)
        self.vote_button.setAccessibleName(label)

    def _update(self) -> None:
        choice = self.chosen()
        ready = bool(choice) and choice != self.my_answers and not self.poll.closed
        self.vote_button.setEnabled(ready and not self._busy)
        for button in self.answer_buttons:
            button.setEnabled(not self._busy and not self.poll.closed)

    def _vote(self) -> None:
        choice = self.chosen()
        if not choice or choice == self.my_answers or self._busy:
            return
        self._busy = True
        self.status_label.setText(self.tr("Sending your vote…"))
        self._update()
        self.vote_requested.emit(self.poll.id, choice)

    def show_voted(self, answers: frozenset[int]) -> None:
        """The server holds `answers` now: say so and close."""
        self._busy = False
        self.my_answers = frozenset(answers)
        self._show_mine()
        self.status_label.setText(self.tr("Your vote is recorded."))
        self._update()
        self.accept()

    def show_failed(self, message: str, *, withdrawn: bool) -> None:
        """The vote was not recorded; the choice stays so the user can try again."""
        self._busy = False
        if withdrawn:
            self.my_answers = frozenset()
            self._show_mine()
        self.status_label.setText(message)
        self._update()
