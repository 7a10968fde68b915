"""Creates the notification panel when it is first needed and keeps its state until then.

Building the panel's widgets costs ~70 ms; the tray must be ready before that. The host
remembers what the controller pushed (notifications, status, thanks, open polls) and hands
it to the panel when it is created, so the panel always shows the latest state.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtWidgets import QWidget

from services.link_policy import LinkVerdict
from services.models import Notification, OpenPoll

if TYPE_CHECKING:
    from ui.notification_panel import NotificationPanel
    from ui.panel_polls import PanelPolls


class PanelHost(QObject):
    """Stands in for the NotificationPanel; forwards its intents once it exists."""

    open_requested = Signal(int)
    thank_requested = Signal(int)
    mark_all_read_requested = Signal()
    refresh_requested = Signal()
    vote_requested = Signal(int)  # a Vote button of the panel's Polls block

    def __init__(self, *, as_window: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._as_window = as_window
        self._panel: NotificationPanel | None = None
        self._items: tuple[Notification, ...] = ()
        self._unread: frozenset[int] = frozenset()
        self._can_thank = False
        self._status = ""
        self._cause = ""
        self._thanked: dict[int, bool] = {}
        self._prompts: set[QWidget] = set()
        self.report: QWidget | None = None  # the last connection report (tests, screenshots)
        self._polls_available = False
        self._polls: tuple[OpenPoll, ...] = ()
        self.polls_block: PanelPolls | None = None  # the panel's Polls block, once built

    @property
    def created(self) -> bool:
        """Whether the panel's widgets exist yet."""
        return self._panel is not None

    def panel(self) -> NotificationPanel:
        """The panel, created (and filled with the latest state) on first use."""
        if self._panel is None:
            from ui.notification_panel import NotificationPanel

            panel = NotificationPanel(as_window=self._as_window)
            panel.open_requested.connect(self.open_requested)
            panel.thank_requested.connect(self.thank_requested)
            panel.mark_all_read_requested.connect(self.mark_all_read_requested)
            panel.refresh_requested.connect(self.refresh_requested)
            panel.set_notifications(self._items, self._unread)
            panel.set_can_thank(self._can_thank)
            panel.set_status(self._status)
            panel.set_cause(self._cause)
            for notification_id, thanked in self._thanked.items():
                panel.mark_thanked(notification_id, thanked)
            self._add_polls(panel)
            self._panel = panel
        return self._panel

    def show_near(self, anchor: QRect | None) -> None:
        """Show the panel next to the tray icon (or as a window)."""
        self.panel().show_near(anchor)

    def _add_polls(self, panel: NotificationPanel) -> None:
        from ui.panel_polls import PanelPolls

        polls = PanelPolls(panel)
        polls.vote_requested.connect(self.vote_requested)
        panel.refresh_requested.connect(polls.conceal)  # each opening: shown only when open polls
        panel.add_section(polls)  # first: the rows' Vote buttons then follow in the Tab order
        polls.set_available(self._polls_available)
        polls.set_polls(self._polls)
        self.polls_block = polls

    def show_polls(self, anchor: QRect | None) -> None:
        """Show the panel with its Polls block open and the keyboard on the first Vote."""
        self.show_near(anchor)
        if self.polls_block is not None:
            self.polls_block.reveal()

    def set_polls_available(self, available: bool) -> None:
        self._polls_available = available
        if self.polls_block is not None:
            self.polls_block.set_available(available)

    def set_polls(self, items: tuple[OpenPoll, ...]) -> None:
        self._polls = tuple(items)
        if self.polls_block is not None:
            self.polls_block.set_polls(self._polls)

    def set_notifications(self, items: Sequence[Notification], unread: Collection[int]) -> None:
        self._items, self._unread = tuple(items), frozenset(unread)
        if self._panel is not None:
            self._panel.set_notifications(self._items, self._unread)

    def set_can_thank(self, can_thank: bool) -> None:
        self._can_thank = can_thank
        if self._panel is not None:
            self._panel.set_can_thank(can_thank)

    def mark_thanked(self, notification_id: int, thanked: bool = True) -> None:
        self._thanked[notification_id] = thanked
        if self._panel is not None:
            self._panel.mark_thanked(notification_id, thanked)

    def set_status(self, text: str) -> None:
        self._status = text
        if self._panel is not None:
            self._panel.set_status(text)

    def set_cause(self, cause: str) -> None:
        """Why the intranet can't be reached ("" when it can): the empty panel says so."""
        self._cause = cause
        if self._panel is not None:
            self._panel.set_cause(cause)

    def show_connection_report(self, cause: str, lines: Sequence[tuple[str, bool, str]]) -> None:
        """The result of "Check the connection…" in a small window."""
        from PySide6.QtCore import Qt

        from ui.connection_report import ConnectionReport

        dialog = ConnectionReport(cause, lines)
        self.report = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._prompts.add(dialog)
        dialog.destroyed.connect(lambda: self._prompts.discard(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def offer_copy(self, verdict: LinkVerdict) -> None:
        """A refused link: offer to copy it, showing where it really leads."""
        from PySide6.QtCore import Qt

        from ui.link_prompt import LinkPromptDialog

        dialog = LinkPromptDialog(verdict)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._prompts.add(dialog)  # keep it alive until closed
        dialog.destroyed.connect(lambda: self._prompts.discard(dialog))
        dialog.open()

    def close(self) -> None:
        """Close the panel if it was ever opened."""
        if self._panel is not None:
            self._panel.close()
