"""A small window with the result of "Check the connection…": one line per step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

ReportLine = tuple[str, bool, str]  # translated step, passed, the check's own (English) detail


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setText(text)
    return label


class ConnectionReport(QDialog):
    """Shows what was checked; the cause (if any) on top in the user's words."""

    def __init__(
        self, cause: str, lines: Sequence[ReportLine], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connection check - Startpunt"))
        self.setMinimumWidth(520)
        column = QVBoxLayout(self)
        summary = cause or self.tr("Every check passed: Startpunt can reach the intranet.")
        self.summary_label = _label(summary, self)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        column.addWidget(self.summary_label)
        grid = QGridLayout()
        self.rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for row, (step, ok, detail) in enumerate(lines):
            mark = _label("✓" if ok else "✗", self)
            mark.setAccessibleName(self.tr("passed") if ok else self.tr("failed"))
            cells = (mark, _label(step, self), _label(detail, self))
            for col, cell in enumerate(cells):
                grid.addWidget(cell, row, col, Qt.AlignmentFlag.AlignTop)
            self.rows.append(cells)
        grid.setColumnStretch(2, 1)
        column.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
