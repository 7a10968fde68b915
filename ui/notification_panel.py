"""The notification panel: recent notifications, newest first, with filters and quick actions.

Shows what the controller pushes (`set_notifications`, `set_can_thank`, `set_status`) and emits
intents; it never fetches anything. A popup next to the tray, or a normal window without a tray.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
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
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from services.models import Notification, NotificationKind
from ui.kind_icons import kind_pixmap
from ui.notification_delegate import NotificationDelegate
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
_STYLE = """
QLabel#title { font-weight: 600; }
QLabel#status { background: palette(alternate-base); border-radius: 6px; padding: 6px 10px; }
QPushButton#markAllRead { border: 1px solid transparent; border-radius: 6px; padding: 4px 10px;
                          color: palette(highlight); background: transparent; }
QPushButton#markAllRead:hover { background: palette(alternate-base); }
QPushButton#markAllRead:focus { border-color: palette(highlight); }
QPushButton#markAllRead:disabled { color: palette(mid); }
QScrollBar:vertical { width: 8px; background: transparent; margin: 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 2px; min-height: 32px; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


def popup_position(anchor: QRect, size: QSize, screen: QRect) -> QPoint:
    """Where a popup of `size` goes next to `anchor` (the tray icon), kept inside `screen`."""
    below = anchor.center().y() < screen.center().y()
    y = anchor.bottom() + SCREEN_MARGIN if below else anchor.top() - size.height() - SCREEN_MARGIN
    x = anchor.center().x() - size.width() // 2
    x = min(max(x, screen.left() + SCREEN_MARGIN), screen.right() - size.width() - SCREEN_MARGIN)
    y = min(max(y, screen.top() + SCREEN_MARGIN), screen.bottom() - size.height() - SCREEN_MARGIN)
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
        self.setWindowFlags(Qt.WindowType.Window if as_window else _POPUP_FLAGS)
        self.setWindowTitle(self.tr("Notifications - Startpunt"))
        self.setAccessibleName(self.tr("Notifications"))
        self.setStyleSheet(_STYLE)
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
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_filter())
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
        self.status_label = self._plain_label("status")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.hide()
        layout.addWidget(self.status_label)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_state)
        self.model.dataChanged.connect(self._update_state)
        QWidget.setTabOrder(self.filter_combo, self.list_view)
        QWidget.setTabOrder(self.list_view, self.mark_all_button)

    def _plain_label(self, name: str, text: str = "") -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
        return label

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title_label = self._plain_label("title", self.tr("Notifications"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.count_label = self._plain_label("count")
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.mark_all_button = QPushButton(self.tr("Mark all read"), self)
        self.mark_all_button.setObjectName("markAllRead")
        self.mark_all_button.setAccessibleName(self.tr("Mark all notifications as read"))
        self.mark_all_button.clicked.connect(self._on_mark_all_clicked)
        row.addWidget(self.title_label)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        row.addWidget(self.mark_all_button)
        return row

    def _build_filter(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.filter_combo = QComboBox(self)
        choices = (
            (self.tr("All"), KindFilter.ALL),
            (self.tr("Likes"), KindFilter.LIKES),
            (self.tr("Comments"), KindFilter.COMMENTS),
            (self.tr("Mentions"), KindFilter.MENTIONS),
            (self.tr("Polls"), KindFilter.POLLS),
            (self.tr("Other"), KindFilter.OTHER),
        )
        for text, choice in choices:
            self.filter_combo.addItem(text, choice.value)
        self.filter_combo.setAccessibleName(self.tr("Show notifications of kind"))
        self.filter_combo.currentIndexChanged.connect(self._on_filter_changed)
        label = self._plain_label("filterLabel", self.tr("&Show:"))
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(self.filter_combo)
        row.addWidget(label)
        row.addWidget(self.filter_combo)
        row.addStretch(1)
        return row

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addStretch(1)
        icon = QLabel(page)
        icon.setPixmap(kind_pixmap(NotificationKind.OTHER, 56, self.devicePixelRatioF()))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(icon)
        self.empty_label = self._plain_label("empty")
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

    def mark_thanked(self, notification_id: int) -> None:
        """Show that the thank-you for `notification_id` was sent."""
        self.model.mark_thanked(notification_id)

    def set_status(self, text: str) -> None:
        """Show a status line (offline, paused); an empty text hides it."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

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
        """Show the panel (next to `anchor`, the tray icon's geometry, when it is a popup)."""
        screen = QGuiApplication.screenAt(anchor.center()) if anchor is not None else None
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None and not self._as_window and anchor is not None and anchor.isValid():
            self.move(popup_position(anchor, self.size(), screen.availableGeometry()))
        self.show()
        self.raise_()
        self.activateWindow()
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

    def _on_filter_changed(self, _row: int) -> None:
        self.proxy.set_choice(KindFilter(str(self.filter_combo.currentData())))
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
        thankable = index.data(NotificationRole.THANKABLE) and not index.data(
            NotificationRole.THANKED
        )
        if isinstance(nid, int) and thankable:
            self.thank_requested.emit(nid)

    def _select_id(self, nid: int | None) -> None:
        row = self.model.row_of(nid) if nid is not None else None
        source = self.model.index(row if row is not None else 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            index = self.proxy.index(0, 0)
        selection = self.list_view.selectionModel()
        selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def _update_state(self) -> None:
        unread = self.model.unread_count()
        self.count_label.setText(self.tr("%n unread", "", unread) if unread else "")
        self.mark_all_button.setEnabled(unread > 0)
        if self.proxy.rowCount():
            self.stack.setCurrentIndex(0)
            if not self.list_view.currentIndex().isValid():
                self._select_id(None)
        else:
            has_any = self.model.rowCount() > 0
            self.empty_label.setText(
                self.tr("No notifications of this kind.")
                if has_any
                else self.tr("Nothing new. Enjoy your day!")
            )
            self.stack.setCurrentIndex(1)
