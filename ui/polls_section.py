"""The Polls window: the open polls, each with its space, the user's vote state and a button.

Fed with `OpenPoll` objects; emits `vote_requested(poll id)` and `refresh_requested`. Server
text is plain text; each row's button names its question for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services.models import OpenPoll
from ui.plain_label import plain_label


class PollRow(QFrame):
    """One open poll."""

    def __init__(self, item: OpenPoll, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pollRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.poll_id = item.poll.id
        self.question_label = plain_label(item.poll.question, self, "pollQuestion")
        font = self.question_label.font()
        font.setBold(True)
        self.question_label.setFont(font)
        self.space_label = plain_label(item.poll.container_name, self, "pollSpace")
        self.space_label.setVisible(bool(item.poll.container_name))
        if item.my_answers is None:
            state = ""
        elif item.my_answers:
            state = self.tr("Voted")
        else:
            state = self.tr("Not voted yet")
        self.state_label = plain_label(state, self, "pollState")
        self.state_label.setVisible(bool(state))
        self.vote_button = QPushButton(
            self.tr("Change vote") if item.my_answers else self.tr("Vote"), self
        )
        self.vote_button.setAccessibleName(self.tr("Vote: %1").replace("%1", item.poll.question))
        text = QVBoxLayout()
        text.addWidget(self.question_label)
        text.addWidget(self.space_label)
        text.addWidget(self.state_label)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.vote_button, 0, Qt.AlignmentFlag.AlignVCenter)


class PollsSection(QWidget):
    """The list of open polls in a window of its own (the app shows them in the panel instead)."""

    vote_requested = Signal(int)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pollsSection")
        self.setWindowTitle(self.tr("Polls"))
        self.title_label = plain_label(self.tr("Open polls"), self, "pollsTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.status_label = plain_label(self.tr("Loading polls…"), self, "pollsStatus")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.rows: list[PollRow] = []
        self._list = QWidget(self)
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._list)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(420, 460)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the window, as in a dialog."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def set_polls(self, items: tuple[OpenPoll, ...]) -> None:
        """Show these open polls (newest first)."""
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for item in items:
            row = PollRow(item, self._list)
            row.vote_button.clicked.connect(
                lambda _checked=False, pid=item.poll.id: self.vote_requested.emit(pid)
            )
            self._list_layout.insertWidget(self._list_layout.count() - 1, row)
            self.rows.append(row)
        self.status_label.setText("" if items else self.tr("There are no open polls."))
        self.status_label.setVisible(not items)
        if self.rows and self.isVisible():
            self.rows[0].vote_button.setFocus()

    def set_problem(self, message: str) -> None:
        """Say why the polls could not be loaded (translated by the caller)."""
        self.status_label.setText(message)
        self.status_label.setVisible(True)
