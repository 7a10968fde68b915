"""The system tray icon and its menu. It shows what the controller pushes and emits intents."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from services.models import ConnectionState
from ui.tray_icon import TrayLook, render_icon


class TrayIcon(QObject):
    """Wraps QSystemTrayIcon; never fetches data itself (the controller calls its slots)."""

    open_intranet_requested = Signal()
    mark_all_read_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._look = TrayLook.OFFLINE
        self._unread = 0
        self._tooltip = ""
        self.tray = QSystemTrayIcon(self)
        self.tray.setIcon(render_icon(self._look, 0))
        self.menu = QMenu()
        self._build_menu()
        self.tray.setContextMenu(self.menu)
        self._refresh()

    def _build_menu(self) -> None:
        self.notifications_action = QAction(self.tr("No new notifications"), self.menu)
        self.notifications_action.setEnabled(False)
        self.menu.addAction(self.notifications_action)
        self.mark_read_action = QAction(self.tr("Mark all read"), self.menu)
        self.mark_read_action.triggered.connect(self.mark_all_read_requested)
        self.menu.addAction(self.mark_read_action)
        self.menu.addSeparator()
        self.open_action = QAction(self.tr("Open intranet"), self.menu)
        self.open_action.triggered.connect(self.open_intranet_requested)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.quit_action)

    def show(self) -> None:
        """Show the icon in the tray."""
        self.tray.show()

    def hide(self) -> None:
        """Remove the icon from the tray."""
        self.tray.hide()

    @property
    def look(self) -> TrayLook:
        return self._look

    @property
    def unread(self) -> int:
        return self._unread

    def set_look(self, look: TrayLook, tooltip: str) -> None:
        """Show a connection state; `tooltip` is plain text from the controller."""
        self._look = look
        self._tooltip = tooltip
        self._refresh()

    def set_connection(self, state: str, retry_s: float) -> None:
        """Show a `ConnectionState` value; `retry_s` is the wait before the next attempt."""
        connection = ConnectionState(state)
        if connection is ConnectionState.ONLINE:
            self.set_look(TrayLook.ONLINE, self.tr("Connected"))
        elif connection is ConnectionState.AUTH_REQUIRED:
            self.set_look(TrayLook.SIGN_IN, self.tr("Sign in again to receive notifications"))
        elif connection is ConnectionState.OFFLINE:
            minutes = max(1, round(retry_s / 60))
            self.set_look(
                TrayLook.OFFLINE, self.tr("Offline. Trying again in %n minute(s).", "", minutes)
            )
        else:
            self.set_look(TrayLook.OFFLINE, self.tr("Connecting…"))

    def set_unread(self, unread: int) -> None:
        """Show the unread count on the icon and in the menu."""
        self._unread = max(0, unread)
        self._refresh()

    def _refresh(self) -> None:
        self.tray.setIcon(render_icon(self._look, self._unread))
        if self._unread:
            label = self.tr("%n new notification(s)", "", self._unread)
        else:
            label = self.tr("No new notifications")
        self.notifications_action.setText(label)
        self.mark_read_action.setEnabled(self._unread > 0)
        tip = "Startpunt" if not self._tooltip else f"Startpunt: {self._tooltip}"
        if self._unread:
            tip = f"{tip}\n{label}"
        self.tray.setToolTip(tip)
