"""A plain-text editor that completes "@name" from a people search and remembers who was picked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QListView, QPlainTextEdit, QWidget

from services.mentions import mention_prefix
from services.models import Person

PeopleSearch = Callable[[str], Sequence[Person]]
MAX_SUGGESTIONS = 8
_POPUP_KEYS = frozenset(
    {Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}
)
_SUBMIT_KEYS = frozenset({Qt.Key.Key_Enter, Qt.Key.Key_Return})


class MentionTextEdit(QPlainTextEdit):
    """Plain text only; Ctrl+Enter emits `submit_requested`; "@Ja" offers matching people."""

    submit_requested = Signal()

    def __init__(self, search: PeopleSearch | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._search = search
        self._mentions: dict[str, Person] = {}
        self._model = QStandardItemModel(self)
        self._suggested: dict[str, Person] = {}
        self._popup = QListView()
        self._popup.setAccessibleName(self.tr("People to mention"))
        self._completer = QCompleter(self._model, self)
        self._completer.setPopup(self._popup)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.activated.connect(self._on_completer_activated)
        self.textChanged.connect(self._on_text_changed)

    @property
    def completer(self) -> QCompleter:
        return self._completer

    @property
    def search(self) -> PeopleSearch | None:
        return self._search

    def set_search(self, search: PeopleSearch | None) -> None:
        """Where "@" suggestions come from (None: no suggestions)."""
        self._search = search

    def set_content(self, text: str, mentions: Sequence[Person] = ()) -> None:
        """Replace the text and the people it mentions (e.g. a restored draft)."""
        self._mentions = {p.guid: p for p in mentions}
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)
        self._popup.hide()

    def mentions(self) -> tuple[Person, ...]:
        """The picked people whose "@name" is still in the text."""
        text = self.toPlainText()
        return tuple(p for p in self._mentions.values() if "@" + p.display_name in text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._popup
        if popup.isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()  # the completer's event filter picks or closes
            return
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in _SUBMIT_KEYS:
            popup.hide()
            self.submit_requested.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Paste as plain text only: never rich text from another program.
        if source.hasText():
            self.insertPlainText(source.text())

    def _on_text_changed(self) -> None:
        cursor = self.textCursor().position()
        found = mention_prefix(self.toPlainText(), cursor)
        popup = self._popup
        if found is None or not found[1] or self._search is None:
            popup.hide()
            return
        people = list(self._search(found[1]))[:MAX_SUGGESTIONS]
        self._model.clear()
        self._suggested = {p.display_name: p for p in people}
        for person in people:
            item = QStandardItem(person.display_name)
            item.setEditable(False)
            self._model.appendRow(item)
        if not people:
            popup.hide()
            return
        rect = self.cursorRect()
        rect.setWidth(max(220, popup.sizeHintForColumn(0) + 24))
        self._completer.complete(rect)
        popup.setCurrentIndex(self._model.index(0, 0))

    def _on_completer_activated(self, name: str) -> None:
        person = self._suggested.get(name)
        if person is None:
            return
        cursor = self.textCursor()
        found = mention_prefix(self.toPlainText(), cursor.position())
        if found is None:
            return
        self._mentions[person.guid] = person
        cursor.setPosition(found[0], cursor.MoveMode.MoveAnchor)
        cursor.setPosition(self.textCursor().position(), cursor.MoveMode.KeepAnchor)
        self.blockSignals(True)
        cursor.insertText("@" + person.display_name + " ")
        self.blockSignals(False)
        self.setTextCursor(cursor)
        self._popup.hide()
