"""The notification panel's Polls block: the open polls, compact, under a "Polls (n open)" toggle.

Fed with `OpenPoll` objects; emits `vote_requested(poll id)`. Hidden while the server has no
polls module or there is no open poll, unless the user asked for the polls (`reveal`): then it
says there are none. Server text is plain text; a long question is elided (its whole text is
the row's tooltip and the Vote button's accessible name).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.models import OpenPoll
from ui.plain_label import plain_label

MAX_VISIBLE_ROWS = 3  # more scroll inside the block, so the notifications keep their room


class ElidedLabel(QLabel):
    """A one-line plain-text label that shortens its text with "…" to the width it gets."""

    def __init__(self, text: str, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text = text
        self.setToolTip(text)
        self.setMinimumWidth(40)
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


class CompactPollRow(QFrame):
    """One open poll in one or two lines: question, space · vote state, and its button."""

    def __init__(self, item: OpenPoll, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("panelPollRow")
        self.poll_id = item.poll.id
        self.question_label = ElidedLabel(item.poll.question, self, "pollQuestion")
        font = self.question_label.font()
        font.setBold(True)
        self.question_label.setFont(font)
        if item.my_answers is None:
            state = ""
        elif item.my_answers:
            state = self.tr("Voted")
        else:
            state = self.tr("Not voted yet")
        detail = " · ".join(t for t in (item.poll.container_name, state) if t)
        self.detail_label = plain_label(detail, self, "pollDetail", wrap=False)
        self.detail_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.detail_label.setVisible(bool(detail))
        self.vote_button = QPushButton(
            self.tr("Change vote") if item.my_answers else self.tr("Vote"), self
        )
        self.vote_button.setAccessibleName(self.tr("Vote: %1").replace("%1", item.poll.question))
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.question_label)
        text.addWidget(self.detail_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 0, 2)
        layout.addLayout(text, 1)
        layout.addWidget(self.vote_button, 0, Qt.AlignmentFlag.AlignVCenter)


class PanelPolls(QWidget):
    """The Polls block of the panel; `set_available`, `set_polls`, `reveal` drive it."""

    vote_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelPolls")
        self.available = False
        self.revealed = False
        self.rows: list[CompactPollRow] = []
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("pollsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet(
            "QToolButton { border: 1px solid transparent; border-radius: 6px; padding: 2px 6px;"
            " font-weight: 600; background: transparent; }"
            " QToolButton:hover { background: palette(alternate-base); }"
            " QToolButton:focus { border-color: palette(highlight); }"
        )
        self.toggle.toggled.connect(self._on_toggled)
        self.setFocusProxy(self.toggle)
        self.empty_label = plain_label(
            self.tr("There are no open polls."), self, "pollsEmpty", wrap=False
        )
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._list = QWidget(self)
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(2)
        self.poll_scroll = QScrollArea(self)
        self.poll_scroll.setWidgetResizable(True)
        self.poll_scroll.setWidget(self._list)
        self.poll_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.poll_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.poll_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.poll_scroll)
        self._update()

    def set_available(self, available: bool) -> None:
        """Whether the server has the polls module (without it the block never shows)."""
        self.available = available
        self._update()

    def set_polls(self, items: tuple[OpenPoll, ...]) -> None:
        """Show these open polls (newest first)."""
        had_focus = any(row.vote_button.hasFocus() for row in self.rows)
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        previous: QWidget = self.toggle
        for item in items:
            row = CompactPollRow(item, self._list)
            row.vote_button.clicked.connect(
                lambda _checked=False, pid=item.poll.id: self.vote_requested.emit(pid)
            )
            self._list_layout.addWidget(row)
            QWidget.setTabOrder(previous, row.vote_button)
            previous = row.vote_button
            self.rows.append(row)
        self._update()
        if self.rows and (had_focus or self.revealed) and self.isVisible():
            self.rows[0].vote_button.setFocus()

    def reveal(self) -> None:
        """The user asked for the polls: show the block open, even when there is none."""
        self.revealed = True
        self.toggle.setChecked(True)
        self._update()
        (self.rows[0].vote_button if self.rows else self.toggle).setFocus()

    def conceal(self) -> None:
        """Back to showing the block only when there are open polls (the panel closed)."""
        self.revealed = False
        self._update()

    def _on_toggled(self, _checked: bool) -> None:
        self._update()

    def _update(self) -> None:
        count = len(self.rows)
        self.toggle.setText(self.tr("%n open poll(s)", "", count))
        self.toggle.setArrowType(
            Qt.ArrowType.DownArrow if self.toggle.isChecked() else Qt.ArrowType.RightArrow
        )
        self.setVisible(self.available and (count > 0 or self.revealed))
        expanded = self.toggle.isChecked()
        self.empty_label.setVisible(expanded and count == 0)
        self.poll_scroll.setVisible(expanded and count > 0)
        if count:
            row_height = max(row.sizeHint().height() for row in self.rows) + 2
            self.poll_scroll.setFixedHeight(row_height * min(count, MAX_VISIBLE_ROWS))
