"""The tray's "Waiting posts" submenu: queued and failed posts, with retry, edit and discard.

Rebuilt on every outbox change. `QMenu.clear()` removes the entries but not the submenus that
`addMenu(title)` created (they are children of this menu), so those are deleted explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from services.compose import OutboxItem, OutboxState
from services.text import strip_controls

PREVIEW_CHARS = 40


class OutboxMenu(QMenu):
    """One entry per waiting post; emits `action_requested(client_id, "retry"|"edit"|"discard")`."""

    action_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Waiting posts"))
        self.menuAction().setVisible(False)
        self._count = 0
        self._submenus: list[QMenu] = []

    @property
    def count(self) -> int:
        """How many posts are waiting."""
        return self._count

    def set_items(self, items: Sequence[OutboxItem]) -> None:
        """Show these waiting posts (oldest first)."""
        self.clear()
        for sub in self._submenus:
            sub.deleteLater()  # later: it may be the menu being shown or triggering this
        self._submenus.clear()
        waiting = [item for item in items if item.waiting]
        self._count = len(waiting)
        self.setTitle(self.tr("Waiting posts (%1)").replace("%1", str(self._count)))
        self.menuAction().setVisible(bool(waiting))
        for item in waiting:
            self._add_item(item)

    def status_line(self) -> str:
        """A line for the panel, e.g. "2 posts waiting to be sent"; empty when none."""
        if not self._count:
            return ""
        return self.tr("%n post(s) waiting to be sent", "", self._count)

    def _add_item(self, item: OutboxItem) -> None:
        preview = " ".join(strip_controls(item.text).split())
        if len(preview) > PREVIEW_CHARS:
            preview = preview[: PREVIEW_CHARS - 1] + "…"
        sub = self.addMenu(self._label(item, preview))
        self._submenus.append(sub)
        for key, text in (
            ("retry", self.tr("Send again")),
            ("edit", self.tr("Edit…")),
            ("discard", self.tr("Discard")),
        ):
            action = sub.addAction(text)
            action.triggered.connect(
                lambda _=False, k=key, cid=item.client_id: self.action_requested.emit(cid, k)
            )

    def _label(self, item: OutboxItem, preview: str) -> str:
        """The menu entry: the post's first words (%1) and where it stands."""
        if item.state is OutboxState.NEEDS_ATTENTION:
            text = self.tr("%1 (needs your attention)")
        elif item.state in (OutboxState.SENDING, OutboxState.AMBIGUOUS):
            text = self.tr("%1 (sending)")
        else:
            text = self.tr("%1 (waiting to be sent)")
        return text.replace("%1", preview)
