"""Small helpers shared by the wizard's pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str, parent: QWidget, *, name: str = "") -> QLabel:
    """A word-wrapped label that never reads its text as rich text (server text included)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        label.setAccessibleName(name)
    return label


def status_label(parent: QWidget) -> QLabel:
    """The page's answer line (a problem, or "Checking…"): selectable, read by screen readers."""
    label = plain_label("", parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName("status")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
