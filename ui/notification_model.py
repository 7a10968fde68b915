"""Item models for the notification panel: the recent notifications (newest first) with their
read state, and a proxy that filters them by kind.

Shows domain `Notification`s pushed by the controller; fetches nothing. Every string it hands out
is plain text (tool tips are escaped, so Qt's rich-text guess cannot turn server text into markup).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime
from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from services.models import THANKABLE_KINDS, Notification, NotificationKind
from services.text import clean_text
from ui.relative_time import relative_time

ModelIndex = QModelIndex | QPersistentModelIndex
_OLDEST = datetime.min.replace(tzinfo=UTC)


class NotificationRole(IntEnum):
    """Custom data roles of `NotificationListModel`."""

    ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    UNREAD = Qt.ItemDataRole.UserRole + 3
    NAME = Qt.ItemDataRole.UserRole + 4
    TIME = Qt.ItemDataRole.UserRole + 5
    THANKABLE = Qt.ItemDataRole.UserRole + 6
    THANKED = Qt.ItemDataRole.UserRole + 7
    NOTIFICATION = Qt.ItemDataRole.UserRole + 8


class KindFilter(StrEnum):
    """The panel's filter choices."""

    ALL = "all"
    LIKES = "likes"
    COMMENTS = "comments"
    MENTIONS = "mentions"
    POLLS = "polls"
    OTHER = "other"


_FILTER_KINDS = {
    KindFilter.LIKES: NotificationKind.LIKE,
    KindFilter.COMMENTS: NotificationKind.COMMENT,
    KindFilter.MENTIONS: NotificationKind.MENTION,
    KindFilter.POLLS: NotificationKind.POLL,
}


def filter_accepts(choice: KindFilter, kind: NotificationKind) -> bool:
    """Whether a notification of `kind` shows under the filter `choice`."""
    if choice is KindFilter.ALL:
        return True
    if choice is KindFilter.OTHER:
        return kind not in _FILTER_KINDS.values()
    return _FILTER_KINDS[choice] is kind


def plain_tooltip(text: str) -> str:
    """A tool tip that shows `text` literally: escaped, and marked as rich text on purpose.

    QToolTip has no text-format switch and guesses with Qt.mightBeRichText, so raw server text
    such as `<img src=file:///…>` would be rendered. Escaping it inside `<qt>` makes the guess
    irrelevant: the markup is ours and the server's characters come out as typed.
    """
    lines = (html.escape(line, quote=False) for line in text.split("\n"))
    return "<qt>" + "<br>".join(lines) + "</qt>"


class NotificationListModel(QAbstractListModel):
    """The recent notifications, newest first, with which are unread and which were thanked."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC).astimezone())
        self._items: list[Notification] = []
        self._unread: set[int] = set()
        self._thanked: set[int] = set()
        self._can_thank = True

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return clean_text(item.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{self._name(item)}\n{clean_text(item.text, keep_newlines=True)}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(item)
        return self._custom_data(item, role)

    def _custom_data(self, item: Notification, role: int) -> object:
        if role == NotificationRole.ID:
            return item.id
        if role == NotificationRole.KIND:
            return item.kind.value
        if role == NotificationRole.UNREAD:
            return item.id in self._unread
        if role == NotificationRole.NAME:
            return self._name(item)
        if role == NotificationRole.TIME:
            return self._time(item)
        if role == NotificationRole.THANKABLE:
            return self._can_thank and item.kind in THANKABLE_KINDS
        if role == NotificationRole.THANKED:
            return item.id in self._thanked
        if role == NotificationRole.NOTIFICATION:
            return item
        return None

    def _name(self, item: Notification) -> str:
        name = clean_text(item.originator.display_name) if item.originator else ""
        return name or self.tr("Intranet")

    def _time(self, item: Notification) -> str:
        return "" if item.created_at is None else relative_time(self._clock(), item.created_at)

    def _spoken(self, item: Notification) -> str:
        if item.id in self._unread:
            template = self.tr("Unread: %1: %2 (%3)")
        else:
            template = self.tr("%1: %2 (%3)")
        return (
            template.replace("%1", self._name(item))
            .replace("%2", clean_text(item.text))
            .replace("%3", self._time(item))
        )

    def set_notifications(self, items: Sequence[Notification], unread_ids: Collection[int]) -> None:
        """Show `items` (any order, duplicates dropped), newest first; `unread_ids` are unread."""
        unique = {item.id: item for item in items}
        ordered = sorted(
            unique.values(), key=lambda n: (n.created_at or _OLDEST, n.id), reverse=True
        )
        self.beginResetModel()
        self._items = ordered
        self._unread = {nid for nid in unread_ids if nid in unique}
        self._thanked &= set(unique)
        self.endResetModel()

    def set_can_thank(self, can_thank: bool) -> None:
        """Whether the server lets us post a thank-you comment."""
        if can_thank != self._can_thank:
            self._can_thank = can_thank
            self._changed_all([NotificationRole.THANKABLE])

    def mark_read(self, notification_id: int) -> None:
        """Show one notification as read (it was opened)."""
        row = self.row_of(notification_id)
        if row is not None and notification_id in self._unread:
            self._unread.discard(notification_id)
            index = self.index(row)
            self.dataChanged.emit(index, index, [NotificationRole.UNREAD])

    def mark_all_read(self) -> None:
        """Show every notification as read."""
        if self._unread:
            self._unread.clear()
            self._changed_all([NotificationRole.UNREAD, Qt.ItemDataRole.AccessibleTextRole])

    def mark_thanked(self, notification_id: int, thanked: bool = True) -> None:
        """Show that a thank-you was sent for this notification (or, on failure, that it wasn't)."""
        row = self.row_of(notification_id)
        if row is None or (notification_id in self._thanked) == thanked:
            return
        if thanked:
            self._thanked.add(notification_id)
        else:
            self._thanked.discard(notification_id)
        index = self.index(row)
        self.dataChanged.emit(index, index, [NotificationRole.THANKED])

    def refresh_times(self) -> None:
        """Recompute the relative times ("3 minutes ago") against the clock."""
        self._changed_all([NotificationRole.TIME, Qt.ItemDataRole.AccessibleTextRole])

    def row_of(self, notification_id: int) -> int | None:
        """The row showing `notification_id`, if any."""
        for row, item in enumerate(self._items):
            if item.id == notification_id:
                return row
        return None

    def unread_count(self) -> int:
        """How many of the shown notifications are unread."""
        return len(self._unread)

    def _changed_all(self, roles: list[int]) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), roles)


class NotificationFilterModel(QSortFilterProxyModel):
    """Shows the rows of a `NotificationListModel` that match a `KindFilter`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = KindFilter.ALL

    @property
    def choice(self) -> KindFilter:
        return self._choice

    def set_choice(self, choice: KindFilter) -> None:
        """Filter by `choice`."""
        if choice is not self._choice:
            self.beginFilterChange()
            self._choice = choice
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        source = self.sourceModel()
        kind = source.data(source.index(source_row, 0, source_parent), NotificationRole.KIND)
        return isinstance(kind, str) and filter_accepts(self._choice, NotificationKind(kind))
