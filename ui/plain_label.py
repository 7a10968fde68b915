"""The one way a widget shows text that may come from the server: a plain-text QLabel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(
    text: str = "",
    parent: QWidget | None = None,
    name: str = "",
    *,
    wrap: bool = True,
    selectable: bool = False,
) -> QLabel:
    """A label that never reads its text as rich text; `name` is its object name."""
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label
