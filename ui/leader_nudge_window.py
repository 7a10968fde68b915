"""The leader's weekly nudge: the team's posts of the week that wait for a first reaction.

A small window fed with `Post` objects; a row opens its post (`open_requested(url)`: the
controller checks the link against the intranet's host). Everything shown is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.leadership import first_line
from services.models import Post
from ui.relative_time import relative_time


class LeaderNudgeWindow(QDialog):
    """Lists the waiting posts; Enter or a double click opens one in the browser."""

    open_requested = Signal(str)  # the post's permalink

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Posts waiting for a first reaction"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        hint = QLabel(
            self.tr(
                "A like or a short comment from you shows your team their work is seen. "
                "Only you see this list."
            ),
            self,
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Posts waiting for a first reaction"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._open)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_posts(self, posts: Sequence[Post], now: datetime) -> None:
        """Show these posts (newest first, as given)."""
        self.heading.setText(
            self.tr(
                "%n post(s) of your team this week still wait for a first reaction.", "", len(posts)
            )
        )
        self.list.clear()
        for post in posts:
            author = post.author.display_name if post.author else ""
            when = relative_time(now, post.created_at) if post.created_at else ""
            meta = " · ".join(part for part in (author, when) if part)
            item = QListWidgetItem(f"{first_line(post.message)}\n{meta}")
            item.setData(Qt.ItemDataRole.UserRole, post.url)
            item.setToolTip(self.tr("Open this post on the intranet"))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _open(self, item: QListWidgetItem) -> None:
        url = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(url, str) and url:
            self.open_requested.emit(url)
