"""The list of notification rows: arrows move, Enter or a click opens, a click on the pill thanks.

Emits which row was chosen; the panel turns that into intents. Painting is the delegate's job.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QStyleOptionViewItem, QWidget

from ui.notification_delegate import NotificationDelegate
from ui.notification_model import NotificationRole

_STYLE = """
QScrollBar:vertical { width: 8px; background: transparent; margin: 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 2px; min-height: 32px; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


class NotificationList(QListView):
    """A QListView of notification rows drawn by `NotificationDelegate`.

    Its context menu (Menu key, right click) holds "Open" and "Say thanks" (Ctrl+T), so both
    actions work without a mouse.
    """

    open_index = Signal(QModelIndex)
    thank_index = Signal(QModelIndex)

    def __init__(self, delegate: NotificationDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self._swallow_release = False
        delegate.setParent(self)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(_STYLE)
        self.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.triggered.connect(lambda: self.open_index.emit(self.currentIndex()))
        self.thank_action = QAction(self.tr("Say thanks"), self)
        self.thank_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_T))
        self.thank_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.thank_action.triggered.connect(lambda: self._thank(self.currentIndex()))
        self.addActions([self.open_action, self.thank_action])
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.selectionModel().currentChanged.connect(self.update_actions)
        if model is not None:
            model.dataChanged.connect(self.update_actions)
            model.modelReset.connect(self.update_actions)
        self.update_actions()

    def update_actions(self, *_args: object) -> None:
        """Enable "Open" and "Say thanks" for the current row."""
        index = self.currentIndex()
        self.open_action.setEnabled(index.isValid())
        thankable = bool(index.data(NotificationRole.THANKABLE))
        self.thank_action.setVisible(thankable)
        self.thank_action.setEnabled(thankable and not index.data(NotificationRole.THANKED))

    def pill_hit(self, index: QModelIndex, pos: QPoint) -> bool:
        """Whether `pos` (viewport coordinates) is on the row's "Thanks!" pill."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        pill = self._delegate.layout_row(option, index).pill_rect
        return pill is not None and pill.contains(pos)

    def _thank(self, index: QModelIndex) -> None:
        thanked = index.data(NotificationRole.THANKED)
        if index.isValid() and index.data(NotificationRole.THANKABLE) and not thanked:
            self.thank_index.emit(index)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if self._swallow_release:  # the second click of a double-click: opened already
            self._swallow_release = False
            return
        if event.button() != Qt.MouseButton.LeftButton or not index.isValid():
            return
        if self.pill_hit(index, event.position().toPoint()):
            self._thank(index)
        else:
            self.open_index.emit(index)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._swallow_release = True
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_index.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
