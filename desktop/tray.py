"""The system tray icon and its menu. It shows what the controller pushes and emits intents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, QRect, QTime, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.outbox_menu import OutboxMenu
from services.compose import OutboxItem
from services.models import ConnectionState
from ui.tray_icon import TrayLook, badge_text, render_icon

MAX_UNREAD = 1_000_000  # a badge shows "99+"; Qt plurals take a C int


class PauseChoice(StrEnum):
    """The values `TrayIcon.pause_requested` carries."""

    ONE_HOUR = "1h"
    TOMORROW = "tomorrow"
    RESUME = "resume"


class TrayIcon(QObject):
    """Wraps QSystemTrayIcon; never fetches data itself (the controller calls its slots)."""

    open_intranet_requested = Signal()
    mark_all_read_requested = Signal()
    quit_requested = Signal()
    panel_requested = Signal()
    pause_requested = Signal(str)  # a PauseChoice value
    new_post_requested = Signal()
    spotlight_requested = Signal()  # "Spotlight a colleague…"
    retry_requested = Signal()  # "Try now": poll at once (offline, or the token refused)
    check_requested = Signal()  # "Check the connection…"
    sign_in_requested = Signal()  # "Sign in…": the wizard at its sign-in page
    change_intranet_requested = Signal()  # "Change intranet…": the wizard from its start
    open_log_requested = Signal()  # "Open log folder"
    settings_requested = Signal()  # "Settings…"
    help_requested = Signal()  # "Help & tips"
    about_requested = Signal()  # "About Startpunt"
    outbox_action_requested = Signal(str, str)  # client id, "retry" | "edit" | "discard"
    status_changed = Signal(str)  # a line for the panel: offline, sign in, paused; "" when fine
    polls_requested = Signal()  # "Polls": the open polls (shown only with the polls module)
    week_requested = Signal()  # "Your week": the "Jouw week" window

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection_look = TrayLook.OFFLINE
        self._icon_key: tuple[TrayLook, int] | None = None
        self._status = ""
        self._unread = 0
        self._tooltip = ""
        self._paused_until: datetime | None = None
        self._cause = ""  # why the intranet can't be reached (translated), "" when unknown
        self._state = ConnectionState.STARTING
        self._retry_at: datetime | None = None
        self.tray = QSystemTrayIcon(self)
        self.tray.setIcon(render_icon(self._connection_look, 0))
        self.tray.activated.connect(self._on_tray_activated)
        self.menu = QMenu()
        self._build_menu()
        self.tray.setContextMenu(self.menu)
        self._refresh()

    def _action(self, text: str, menu: QMenu) -> QAction:
        action = QAction(text, menu)
        menu.addAction(action)
        return action

    def _build_menu(self) -> None:
        self.new_post_action = self._action(self.tr("New post…"), self.menu)
        self.new_post_action.triggered.connect(self.new_post_requested)
        self.spotlight_action = self._action(self.tr("Spotlight a colleague…"), self.menu)
        self.spotlight_action.triggered.connect(self.spotlight_requested)
        self.outbox_menu = OutboxMenu(self.menu)
        self.outbox_menu.action_requested.connect(self.outbox_action_requested)
        self.menu.addMenu(self.outbox_menu)
        self.menu.addSeparator()
        self.notifications_action = self._action(self.tr("Notifications"), self.menu)
        self.notifications_action.triggered.connect(self.panel_requested)
        self.mark_read_action = self._action(self.tr("Mark all read"), self.menu)
        self.mark_read_action.triggered.connect(self.mark_all_read_requested)
        self.polls_action = self._action(self.tr("Polls"), self.menu)
        self.polls_action.triggered.connect(self.polls_requested)
        self.polls_action.setVisible(False)  # until the server is known to have polls
        self.week_action = self._action(self.tr("Your week"), self.menu)
        self.week_action.triggered.connect(self.week_requested)
        self.menu.addSeparator()
        self.retry_action = self._action(self.tr("Try now"), self.menu)
        self.retry_action.triggered.connect(self.retry_requested)
        self.retry_action.setVisible(False)
        self.check_action = self._action(self.tr("Check the connection…"), self.menu)
        self.check_action.triggered.connect(self.check_requested)
        self.sign_in_action = self._action(self.tr("Sign in…"), self.menu)
        self.sign_in_action.triggered.connect(self.sign_in_requested)
        self.change_intranet_action = self._action(self.tr("Change intranet…"), self.menu)
        self.change_intranet_action.triggered.connect(self.change_intranet_requested)
        self.open_action = self._action(self.tr("Open intranet"), self.menu)
        self.open_action.triggered.connect(self.open_intranet_requested)
        self.pause_menu = self.menu.addMenu(self.tr("Pause alerts"))
        self.pause_hour_action = self._action(self.tr("For 1 hour"), self.pause_menu)
        self.pause_hour_action.triggered.connect(
            lambda: self.pause_requested.emit(PauseChoice.ONE_HOUR.value)
        )
        self.pause_tomorrow_action = self._action(self.tr("Until tomorrow"), self.pause_menu)
        self.pause_tomorrow_action.triggered.connect(
            lambda: self.pause_requested.emit(PauseChoice.TOMORROW.value)
        )
        self.pause_menu.addSeparator()
        self.resume_action = self._action(self.tr("Resume alerts"), self.pause_menu)
        self.resume_action.triggered.connect(
            lambda: self.pause_requested.emit(PauseChoice.RESUME.value)
        )
        self.menu.addSeparator()
        self.settings_action = self._action(self.tr("Settings…"), self.menu)
        self.settings_action.triggered.connect(self.settings_requested)
        self.help_action = self._action(self.tr("Help && tips"), self.menu)
        self.help_action.triggered.connect(self.help_requested)
        self.about_action = self._action(self.tr("About Startpunt"), self.menu)
        self.about_action.triggered.connect(self.about_requested)
        self.log_action = self._action(self.tr("Open log folder"), self.menu)
        self.log_action.triggered.connect(self.open_log_requested)
        self.quit_action = self._action(self.tr("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested)

    def show(self) -> None:
        """Show the icon in the tray."""
        self.tray.show()

    def hide(self) -> None:
        """Remove the icon from the tray."""
        self.tray.hide()

    def anchor(self) -> QRect:
        """Where the icon is on screen (may be empty: not every tray host tells)."""
        return self.tray.geometry()

    @property
    def look(self) -> TrayLook:
        """What the icon shows: sign-in beats paused, paused beats online/offline."""
        if self._connection_look is TrayLook.SIGN_IN or self._paused_until is None:
            return self._connection_look
        return TrayLook.PAUSED

    @property
    def unread(self) -> int:
        return self._unread

    def set_look(self, look: TrayLook, tooltip: str) -> None:
        """Show a connection state; `tooltip` is plain text from the controller."""
        self._connection_look = look
        self._tooltip = tooltip
        self._refresh()

    def set_connection(self, state: str, retry_s: float, now: datetime | None = None) -> None:
        """Show a `ConnectionState` value; `retry_s` is the wait before the next attempt."""
        self._state = ConnectionState(state)
        self._retry_at = (now or datetime.now(UTC)) + timedelta(seconds=retry_s)
        self._show_connection()

    def set_cause(self, cause: str) -> None:
        """Why the intranet can't be reached, in the user's words ("" when unknown or fine)."""
        self._cause = cause
        self._show_connection()

    def _show_connection(self) -> None:
        connection = self._state
        if connection is ConnectionState.ONLINE:
            self.set_look(TrayLook.ONLINE, self.tr("Connected"))
        elif connection is ConnectionState.AUTH_REQUIRED:
            self.set_look(
                TrayLook.SIGN_IN,
                self._cause or self.tr("Sign in again to receive notifications"),
            )
        elif connection is ConnectionState.OFFLINE:
            when = self._clock_time(self._retry_at)
            lines = [self.tr("Can't reach the intranet."), self._cause]
            lines.append(self.tr("Next try at %1.").replace("%1", when))
            self.set_look(TrayLook.OFFLINE, " ".join(x for x in lines if x))
        else:
            self.set_look(TrayLook.OFFLINE, self.tr("Connecting…"))

    @staticmethod
    def _clock_time(moment: datetime | None) -> str:
        local = (moment or datetime.now(UTC)).astimezone()
        time = QTime(local.hour, local.minute, local.second)
        pattern = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
        if "ss" not in pattern:  # the short format with seconds: "13:04:05", "1:04:05 PM"
            pattern = pattern.replace("mm", "mm:ss", 1)
        return QLocale().toString(time, pattern)

    def set_unread(self, unread: int) -> None:
        """Show the unread count on the icon and in the menu (clamped to what Qt's int holds)."""
        self._unread = min(max(0, unread), MAX_UNREAD)
        self._refresh()

    def set_outbox(self, items: tuple[OutboxItem, ...]) -> None:
        """Show the posts waiting to be sent."""
        self.outbox_menu.set_items(items)
        self._refresh()

    def set_paused(self, until: datetime | None) -> None:
        """Show that alerts are paused until `until` (aware), or not paused (None)."""
        self._paused_until = until
        self._refresh()

    def paused_text(self, now: datetime | None = None) -> str:
        """The tooltip line for the pause, e.g. "Alerts paused until 14:30"; empty if none."""
        if self._paused_until is None:
            return ""
        local_now = (now or datetime.now(UTC)).astimezone()
        until = self._paused_until.astimezone(local_now.tzinfo)
        locale = QLocale()
        time = QTime(until.hour, until.minute)
        if until.date() == local_now.date():
            when = locale.toString(time, QLocale.FormatType.ShortFormat)
        else:
            date_time = QDateTime(QDate(until.year, until.month, until.day), time)
            when = locale.toString(date_time, QLocale.FormatType.ShortFormat)
        return self.tr("Alerts paused until %1").replace("%1", when)

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.panel_requested.emit()

    def _refresh(self) -> None:
        icon_key = (self.look, self._unread)
        if icon_key != self._icon_key:  # an unchanged icon is not sent to the tray host again
            self._icon_key = icon_key
            self.tray.setIcon(render_icon(self.look, self._unread))
        self.retry_action.setVisible(self._connection_look is not TrayLook.ONLINE)
        if self._unread:
            menu_text = self.tr("Notifications (%1)").replace("%1", badge_text(self._unread))
        else:
            menu_text = self.tr("Notifications")
        self.notifications_action.setText(menu_text)
        self.mark_read_action.setEnabled(self._unread > 0)
        self.resume_action.setEnabled(self._paused_until is not None)
        lines = [
            self.tr("Startpunt: %1").replace("%1", self._tooltip) if self._tooltip else "Startpunt"
        ]
        paused = self.paused_text()
        if paused:
            lines.append(paused)
        status = [] if self._connection_look is TrayLook.ONLINE else [self._tooltip]
        waiting = self.outbox_menu.status_line()
        if waiting:
            lines.append(waiting)
        status_text = "\n".join(x for x in [*status, paused, waiting] if x)
        if status_text != self._status:
            self._status = status_text
            self.status_changed.emit(status_text)
        if self._unread:
            lines.append(self.tr("%n new notification(s)", "", self._unread))
        tooltip = "\n".join(lines)
        if tooltip != self.tray.toolTip():
            self.tray.setToolTip(tooltip)

    def set_polls_available(self, available: bool) -> None:
        """Show the "Polls" entry only when the server has the polls module."""
        self.polls_action.setVisible(available)
