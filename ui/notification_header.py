"""The top of the notification panel: title, unread count, "Mark all read" and the kind filter.

Shows counts it is given and emits what the user picked; knows nothing about notifications.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.notification_model import KindFilter

_STYLE = """
QLabel#title { font-weight: 600; }
QPushButton#markAllRead { border: 1px solid transparent; border-radius: 6px; padding: 4px 10px;
                          color: palette(highlight); background: transparent; }
QPushButton#markAllRead:hover { background: palette(alternate-base); }
QPushButton#markAllRead:focus { border-color: palette(highlight); }
QPushButton#markAllRead:disabled { color: palette(mid); }
"""


def plain_label(parent: QWidget, name: str, text: str = "") -> QLabel:
    """A QLabel that never interprets its text as markup."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class NotificationHeader(QWidget):
    """Title row and filter row; emits `filter_changed(KindFilter value)` and `mark_all_clicked`."""

    filter_changed = Signal(str)
    mark_all_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.title_label = plain_label(self, "title", self.tr("Notifications"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.count_label = plain_label(self, "count")
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.mark_all_button = QPushButton(self.tr("Mark all read"), self)
        self.mark_all_button.setObjectName("markAllRead")
        self.mark_all_button.setAccessibleName(self.tr("Mark all notifications as read"))
        self.mark_all_button.clicked.connect(self.mark_all_clicked)
        self.filter_combo = QComboBox(self)
        choices = (
            (self.tr("All"), KindFilter.ALL),
            (self.tr("Likes"), KindFilter.LIKES),
            (self.tr("Comments"), KindFilter.COMMENTS),
            (self.tr("Mentions"), KindFilter.MENTIONS),
            (self.tr("Polls"), KindFilter.POLLS),
            (self.tr("Other"), KindFilter.OTHER),
        )
        for text, choice in choices:
            self.filter_combo.addItem(text, choice.value)
        self.filter_combo.setAccessibleName(self.tr("Show notifications of kind"))
        self.filter_combo.currentIndexChanged.connect(
            lambda _row: self.filter_changed.emit(str(self.filter_combo.currentData()))
        )
        filter_label = plain_label(self, "filterLabel", self.tr("&Show:"))
        filter_label.setBuddy(self.filter_combo)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.mark_all_button)
        bottom = QHBoxLayout()
        bottom.addWidget(filter_label)
        bottom.addWidget(self.filter_combo)
        bottom.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(top)
        column.addLayout(bottom)

    def set_unread(self, unread: int) -> None:
        """Show the unread count and enable "Mark all read" when there is something to mark."""
        self.count_label.setText(self.tr("%n unread", "", unread) if unread > 0 else "")
        self.mark_all_button.setEnabled(unread > 0)

    @property
    def choice(self) -> KindFilter:
        return KindFilter(str(self.filter_combo.currentData()))
