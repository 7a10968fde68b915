""" "Spotlight a colleague" (in het zonnetje): pick a colleague, say why, post to the kudos space.

Keyboard-first: type to filter the colleagues, Down/Up to choose, Enter goes on to the
reason, Ctrl+Enter posts. Shows domain objects and emits intents only:
`post_requested(Person, str)` (the colleague and the reason as typed) and
`settings_requested()` (no spotlight space is chosen yet). It sends nothing itself; the
controller answers with `show_queued()` or `show_save_failed()`. Everything shown is plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.models import Person
from ui.plain_label import plain_label

PeopleSearch = Callable[[str], Sequence[Person]]
MAX_SHOWN = 50
MAX_REASON = 2000


class SpotlightDialog(QDialog):
    """Pick a colleague and write why they deserve the spotlight."""

    post_requested = Signal(object, str)  # Person, reason
    settings_requested = Signal()

    def __init__(self, people: PeopleSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self._space = ""
        self.setWindowTitle(self.tr("Spotlight a colleague"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            self.tr("Who deserves a compliment? Your post goes to %1 and mentions them."),
            name="intro",
        )
        layout.addWidget(self.intro)
        self.no_space = plain_label(
            self.tr(
                "No spotlight space has been chosen yet. Ask your intranet team which space "
                "is for compliments, or choose one in Settings."
            ),
            name="no_space",
        )
        self.settings_button = QPushButton(self.tr("Settings…"), self)
        self.settings_button.clicked.connect(self.settings_requested)
        layout.addWidget(self.no_space)
        layout.addWidget(self.settings_button)
        who = plain_label(self.tr("Colleague"))
        layout.addWidget(who)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type a name…"))
        self.filter.setAccessibleName(self.tr("Colleague"))
        who.setBuddy(self.filter)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Colleagues"))
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7 + 8)
        layout.addWidget(self.list)
        why = plain_label(self.tr("Why?"))
        layout.addWidget(why)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("What did they do that made a difference?"))
        self.reason.setAccessibleName(self.tr("Why?"))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 5 + 12)
        why.setBuddy(self.reason)
        layout.addWidget(self.reason)
        layout.addWidget(plain_label(self.tr("Preview"), name="preview_caption"))
        self.preview = plain_label(name="preview")
        self.preview.setStyleSheet(
            "QLabel#preview { border: 1px solid palette(mid); padding: 6px; }"
        )
        layout.addWidget(self.preview)
        self.status = plain_label(name="status")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.post_button = buttons.addButton(
            self.tr("Post (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._post)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._post)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.reason.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.list.itemActivated.connect(lambda _item: self.reason.setFocus())
        self.reason.textChanged.connect(self._update)
        self.set_space("")
        self._refilter()

    # -- what the controller pushes ----------------------------------------------------------
    def set_space(self, name: str) -> None:
        """The spotlight space's name ("" = none chosen: posting is not possible)."""
        self._space = name
        self.intro.setText(
            self.tr("Who deserves a compliment? Your post goes to %1 and mentions them.").replace(
                "%1", name
            )
        )
        self.intro.setVisible(bool(name))
        self.no_space.setVisible(not name)
        self.settings_button.setVisible(not name)
        self._update()

    def start(self) -> None:
        """Fresh for a new spotlight: empty fields, focus on the name filter."""
        self.filter.clear()
        self.reason.clear()
        self.status.setText("")
        self._refilter()
        self.filter.setFocus()

    def show_queued(self) -> None:
        """The post is in the outbox; it goes out (or waits for the network) from there."""
        self.reason.clear()
        self.status.setText(self.tr("Thank you! Your compliment is on its way."))

    def show_save_failed(self) -> None:
        """Nothing was queued; the text stays so nothing is lost."""
        self.status.setText(
            self.tr("Your compliment could not be saved on this computer. Please try again.")
        )

    # -- reading the form --------------------------------------------------------------------
    def colleague(self) -> Person | None:
        if self.list.currentRow() < 0:
            return None
        person = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        return person if isinstance(person, Person) else None

    def message_text(self) -> str:
        """The post as it will read (with "@Name" where the mention goes), or ""."""
        person = self.colleague()
        reason = self.reason.toPlainText().strip()
        if person is None or not reason:
            return ""
        head = self.tr("In the spotlight: @%1").replace("%1", person.display_name)
        return f"{head}\n\n{reason}"

    # -- behaviour ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reason and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)  # noqa: S101 -- Qt's type for KeyPress
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
                self._post()
                return True
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)  # noqa: S101 -- Qt's type for KeyPress
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                if self.colleague() is not None:
                    self.reason.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _refilter(self) -> None:
        chosen = self.colleague()
        self.list.clear()
        for person in list(self._people(self.filter.text().strip()))[:MAX_SHOWN]:
            item = QListWidgetItem(person.display_name)
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.list.addItem(item)
            if chosen is not None and person.guid == chosen.guid:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        text = self.message_text()
        self.preview.setText(text or self.tr("Choose a colleague and write why."))
        too_long = len(self.reason.toPlainText()) > MAX_REASON
        if too_long:
            self.status.setText(self.tr("Please keep it under 2000 characters."))
        self.post_button.setEnabled(bool(text and self._space) and not too_long)

    def _post(self) -> None:
        person = self.colleague()
        if not self.post_button.isEnabled() or person is None:
            return
        self.post_requested.emit(person, self.reason.toPlainText().strip())
