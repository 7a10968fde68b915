"""The notification panel: recent notifications, newest first, with filters and quick actions.

Shows what the controller pushes (`set_notifications`, `set_can_thank`, `set_status`) and emits
intents; it never fetches anything. A popup next to the tray, or a normal window without a tray.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCursor,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.models import Notification, NotificationKind
from ui.kind_icons import kind_pixmap
from ui.notification_delegate import NotificationDelegate
from ui.notification_header import NotificationHeader, plain_label
from ui.notification_list import NotificationList
from ui.notification_model import (
    KindFilter,
    NotificationFilterModel,
    NotificationListModel,
    NotificationRole,
)

PANEL_SIZE = QSize(400, 540)
SCREEN_MARGIN = 8
TIME_REFRESH = timedelta(minutes=1)
_POPUP_FLAGS = (
    Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
)


def popup_position(anchor: QRect, size: QSize, screen: QRect) -> QPoint:
    """Where a popup of `size` goes next to `anchor` (the tray icon), kept inside `screen`."""
    below = anchor.y() + anchor.height() // 2 < screen.y() + screen.height() // 2
    if below:
        y = anchor.y() + anchor.height() + SCREEN_MARGIN
    else:
        y = anchor.y() - size.height() - SCREEN_MARGIN
    x = anchor.x() + anchor.width() // 2 - size.width() // 2
    right = screen.x() + screen.width() - size.width() - SCREEN_MARGIN
    bottom = screen.y() + screen.height() - size.height() - SCREEN_MARGIN
    x = min(max(x, screen.x() + SCREEN_MARGIN), right)
    y = min(max(y, screen.y() + SCREEN_MARGIN), bottom)
    return QPoint(x, y)


class NotificationPanel(QWidget):
    """Lists notifications; emits `open_requested(id)`, `thank_requested(id)` and the like."""

    open_requested = Signal(int)
    thank_requested = Signal(int)
    mark_all_read_requested = Signal()
    refresh_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        as_window: bool = False,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._as_window = as_window
        self._cause = ""
        self._focus_list_when_filled = False
        self.setWindowFlags(Qt.WindowType.Window if as_window else _POPUP_FLAGS)
        self.setWindowTitle(self.tr("Notifications - Startpunt"))
        self.setAccessibleName(self.tr("Notifications"))
        self.resize(PANEL_SIZE)
        self.model = NotificationListModel(self, clock=clock)
        self.proxy = NotificationFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._tick = QTimer(self)
        self._tick.setInterval(int(TIME_REFRESH.total_seconds() * 1000))
        self._tick.timeout.connect(self.model.refresh_times)
        self._update_state()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.header = NotificationHeader(self)
        self.header.filter_changed.connect(self._on_filter_changed)
        self.header.mark_all_clicked.connect(self._on_mark_all_clicked)
        self.filter_combo = self.header.filter_combo
        self.mark_all_button = self.header.mark_all_button
        layout.addWidget(self.header)
        self.list_view = NotificationList(NotificationDelegate(self), self)
        self.list_view.setModel(self.proxy)
        self.list_view.setAccessibleName(self.tr("Notifications"))
        self.list_view.setAccessibleDescription(
            self.tr("Use the arrow keys to move, Enter to open, Ctrl+T to say thanks.")
        )
        self.list_view.open_index.connect(self._open_index)
        self.list_view.thank_index.connect(self._thank_index)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self._build_empty())
        layout.addWidget(self.stack, 1)
        self.status_label = plain_label(self, "status")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(
            "background: palette(alternate-base); border-radius: 6px; padding: 6px 10px;"
        )
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.hide()
        layout.addWidget(self.status_label)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_state)
        self.model.dataChanged.connect(self._update_state)
        QWidget.setTabOrder(self.filter_combo, self.list_view)
        QWidget.setTabOrder(self.list_view, self.mark_all_button)

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addStretch(1)
        icon = QLabel(page)
        icon.setTextFormat(Qt.TextFormat.PlainText)
        icon.setPixmap(kind_pixmap(NotificationKind.OTHER, 56, self.devicePixelRatioF()))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(icon)
        self.empty_label = plain_label(self, "empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.empty_label)
        column.addStretch(2)
        return page

    # --- slots the controller calls -------------------------------------------------------

    def set_notifications(self, items: Sequence[Notification], unread_ids: Collection[int]) -> None:
        """Show `items`; `unread_ids` are the ones to mark as unread."""
        current = self.list_view.currentIndex().data(NotificationRole.ID)
        self.model.set_notifications(items, unread_ids)
        self._select_id(current if isinstance(current, int) else None)

    def set_can_thank(self, can_thank: bool) -> None:
        """Show or hide "Thanks!" (hidden when the server cannot take comments)."""
        self.model.set_can_thank(can_thank)

    def mark_thanked(self, notification_id: int, thanked: bool = True) -> None:
        """Show whether a thank-you for `notification_id` went out (False: it failed, retry ok)."""
        self.model.mark_thanked(notification_id, thanked)

    def set_status(self, text: str) -> None:
        """Show a status line (offline, paused); an empty text hides it."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def set_cause(self, cause: str) -> None:
        """Why the intranet can't be reached ("" when it can); an empty panel says so."""
        self._cause = cause
        self._update_state()

    def add_section(self, section: QWidget) -> None:
        """Put `section` (the Polls block) under the list; Tab reaches it after the header."""
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(self.status_label), section)
        QWidget.setTabOrder(self.list_view, self.mark_all_button)
        QWidget.setTabOrder(self.mark_all_button, section.focusProxy() or section)

    def set_window_mode(self, as_window: bool) -> None:
        """Be a normal window (no tray) or a frameless popup next to the tray."""
        if as_window == self._as_window:
            return
        visible = self.isVisible()
        self._as_window = as_window
        self.setWindowFlags(Qt.WindowType.Window if as_window else _POPUP_FLAGS)
        if visible:
            self.show()

    def show_near(self, anchor: QRect | None = None) -> None:
        """Show the panel; as a popup, next to `anchor` (the tray icon) or else the mouse."""
        if anchor is None or not anchor.isValid():  # many tray hosts don't report a geometry
            anchor = QRect(QCursor.pos(), QSize(1, 1))
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        if screen is not None and not self._as_window:
            self.move(popup_position(anchor, self.size(), screen.availableGeometry()))
        self.show()
        self.raise_()
        self.activateWindow()
        # The list gets the keyboard; when it is still empty (the first opening: the items are
        # on their way), it gets it as soon as they arrive, with the first one current.
        self._focus_list_when_filled = not self.proxy.rowCount()
        (self.list_view if self.proxy.rowCount() else self.filter_combo).setFocus()

    # --- Qt events ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.refresh_times()
        self._tick.start()
        self.refresh_requested.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick.stop()
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A popup goes away when the user clicks elsewhere, like the tray menus around it.
        if (
            event.type() == QEvent.Type.ActivationChange
            and not self._as_window
            and self.isVisible()
            and not self.isActiveWindow()
            and QApplication.activePopupWidget() is None
        ):
            self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self._as_window:
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    # --- private --------------------------------------------------------------------------

    def _on_filter_changed(self, choice: str) -> None:
        self.proxy.set_choice(KindFilter(choice))
        self._update_state()

    def _on_mark_all_clicked(self) -> None:
        self.model.mark_all_read()
        self.mark_all_read_requested.emit()

    def _open_index(self, index: QModelIndex) -> None:
        nid = index.data(NotificationRole.ID)
        if isinstance(nid, int):
            self.model.mark_read(nid)
            self.open_requested.emit(nid)

    def _thank_index(self, index: QModelIndex) -> None:
        nid = index.data(NotificationRole.ID)
        if isinstance(nid, int):
            self.model.mark_thanked(nid)  # at once, so a second click can't thank twice
            self.thank_requested.emit(nid)

    def _select_id(self, nid: int | None) -> None:
        row = self.model.row_of(nid) if nid is not None else None
        index = self.proxy.mapFromSource(self.model.index(row if row is not None else -1))
        index = index if index.isValid() else self.proxy.index(0, 0)
        selection = self.list_view.selectionModel()
        selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def _update_state(self) -> None:
        self.header.set_unread(self.model.unread_count())
        if self.proxy.rowCount():
            self.stack.setCurrentIndex(0)
            if not self.list_view.currentIndex().isValid():
                self._select_id(None)
            if self._focus_list_when_filled:
                self._focus_list_when_filled = False
                if self.isVisible() and self.focusWidget() in (None, self.filter_combo):
                    self.list_view.setFocus()
        else:
            has_any = self.model.rowCount() > 0
            if has_any:
                text = self.tr("No notifications of this kind.")
            elif self._cause:
                text = self.tr("Not connected to the intranet, so nothing to show yet.")
            else:
                text = self.tr("Nothing new. Enjoy your day!")
            self.empty_label.setText(text)
            self.stack.setCurrentIndex(1)
