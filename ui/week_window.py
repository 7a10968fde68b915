"""The "Jouw week": a small window with the week's appreciation, computed on this computer.

Fed a `WeekSummary`; every text is plain text (names and post texts come from the server).
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from services.week_model import WeekSummary
from ui.plain_label import plain_label

_plain = partial(plain_label, selectable=True)  # texts one may want to copy

POST_CHARS = 80


def fill(template: str, first: str, second: str) -> str:
    """Put in %1 and %2 in one pass (a post's text may itself contain "%2")."""
    return re.sub(r"%([12])", lambda m: first if m.group(1) == "1" else second, template)


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= POST_CHARS else line[: POST_CHARS - 1].rstrip() + "…"


class WeekWindow(QDialog):
    """Shows one week; `set_week` replaces what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekWindow")
        self.setWindowTitle(self.tr("Your week"))
        self.headline = _plain("", self, "headline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.numbers = QGridLayout()
        self.details = QVBoxLayout()
        note = _plain(
            self.tr("Counted on this computer from what Startpunt saw since Monday. "
                    "Nothing is sent anywhere."),
            self,
            "privacy",
        )  # fmt: skip
        small = note.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        note.setFont(small)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(self.numbers)
        layout.addLayout(self.details)
        layout.addStretch(1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, 360)

    def set_week(self, week: WeekSummary) -> None:
        """Show `week` (a friendly word when nothing happened)."""
        for grid in (self.numbers, self.details):
            while grid.count():
                item = grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        if week.empty:
            self.headline.setText(self.tr("A quiet week so far"))
            self.details.addWidget(_plain(
                self.tr("No likes, comments or thanks reached you yet this week. A post about "
                        "your work or a like for a colleague often starts the conversation."),
                self, "empty",
            ))  # fmt: skip
            return
        self.headline.setText(self.tr("Thank you for taking part this week!"))
        counts = (
            ("likes", week.likes, self.tr("likes")),
            ("comments", week.comments, self.tr("comments")),
            ("thanks", week.thanks, self.tr("thanks")),
            ("mentions", week.mentions, self.tr("mentions")),
        )
        for column, (name, value, word) in enumerate(counts):
            number = _plain(str(value), self, f"count_{name}")
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption = _plain(word, self)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.numbers.addWidget(number, 0, column)
            self.numbers.addWidget(caption, 1, column)
        if week.thanked_by:
            self._section(self.tr("Thanked you"), [", ".join(week.thanked_by)], "thanked_by")
        if week.posts:
            lines = [
                fill(self.tr("“%1”: %2"), _short(p.text), ", ".join((
                    self.tr("%n like(s)", "", p.likes),
                    self.tr("%n comment(s)", "", p.comments),
                )))
                for p in week.posts
            ]  # fmt: skip
            self._section(self.tr("Your posts"), lines, "posts")
        if week.votes:
            self._section(self.tr("Polls you voted in"), [_short(q) for q in week.votes], "votes")

    def _section(self, title: str, lines: list[str], name: str) -> None:
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        self.details.addWidget(rule)
        heading = _plain(title, self, f"heading_{name}")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.details.addWidget(heading)
        self.details.addWidget(_plain("\n".join(lines), self, name))
