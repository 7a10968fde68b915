"""The quick-post dialog: where, what (with @mentions), optional topic; Ctrl+Enter posts.

Shows domain objects and emits intents only: `post_requested(Composition)`,
`draft_changed(Draft)` (debounced), `guidelines_requested(url)`, `draft_discarded(Draft)`
(what was thrown away; `editing` says whether it was an edit of a waiting post),
`topics_wanted(Container)` (the target changed: which topics may a post there carry?). It
never saves or sends anything itself; the controller answers with `mark_queued()`,
`show_save_failed()` and `set_topic_choice()`. Everything shown is plain text.

Topics: free text only where the user may create topics (`TopicChoice.can_create`); elsewhere
a list of the container's existing topics, since HumHub silently drops a new topic of a
plain member.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.compose import Composition, Draft
from services.mentions import MAX_LENGTH, NameResolution, TextProblem, resolve_names, validate
from services.models import Container, TopicChoice
from ui.mention_completer import MentionTextEdit, PeopleSearch
from ui.target_picker import TargetPicker

DRAFT_DEBOUNCE_MS = 1000
CONFIRM_DISCARD_CHARS = 280  # a longer draft is thrown away only after a "Discard?" question


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class QuickPostDialog(QDialog):
    """Compose one post; Esc closes and keeps the draft."""

    post_requested = Signal(object)  # Composition
    draft_changed = Signal(object)  # Draft
    guidelines_requested = Signal(str)
    draft_discarded = Signal(object)  # Draft: the text thrown away
    topics_wanted = Signal(object)  # Container: the target changed, which topics may it have?

    def __init__(
        self,
        search: PeopleSearch | None = None,
        *,
        guidelines_url: str = "",
        topics_supported: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New post"))
        self.setMinimumWidth(480)
        self._guidelines_url = guidelines_url
        self._editing: str | None = None
        self._save_failed_shown = False
        self._asked_about = ""  # the text whose open @names were pointed out (Post again: send)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._save_timer.timeout.connect(self.flush_draft)
        self._build(search, topics_supported)

    def _build(self, search: PeopleSearch | None, topics_supported: bool) -> None:
        self.coaching = _plain_label(
            self.tr(
                "Share a success, thank a colleague, ask a question or tell what your team "
                "is working on. Type @ to mention someone."
            )
        )
        self.guidelines_button = QPushButton(self.tr("Posting guidelines"))
        self.guidelines_button.setFlat(True)
        self.guidelines_button.setVisible(bool(self._guidelines_url))
        self.guidelines_button.clicked.connect(self._on_guidelines_clicked)
        self.target = TargetPicker()
        self.topic = QLineEdit()  # free text: only where new topics may be created
        self.topic.setPlaceholderText(self.tr("Optional"))
        self.topic.setAccessibleName(self.tr("Topic"))
        self._topic_names = QStringListModel(self)
        self.topic.setCompleter(QCompleter(self._topic_names, self.topic))
        self.topic_list = QComboBox()  # the container's existing topics
        self.topic_list.setAccessibleName(self.tr("Topic"))
        self._topic_choice: TopicChoice | None = None
        self._wanted_topics: tuple[str, ...] = ()  # of a draft, until the choice is known
        self._topics_for: int | None = None  # the container whose topics were asked for
        self.editor = MentionTextEdit(search)
        self.editor.setAccessibleName(self.tr("Your post"))
        self.editor.setPlaceholderText(self.tr("What would you like to share?"))
        self.count = _plain_label()
        self.message = _plain_label()
        self.message.setAccessibleName(self.tr("Message"))
        self.post_button = QPushButton(self.tr("Post"))
        self.post_button.setToolTip(self.tr("Post (Ctrl+Enter)"))
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.close_button = QPushButton(self.tr("Close"))
        # No default button: Enter in the one-line Topic field must never press "Discard
        # draft" (a QDialog otherwise makes its first auto-default button the default).
        for button in (self.guidelines_button, self.post_button, self.discard_button):
            button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        form = QFormLayout()
        target_label = _plain_label(self.tr("Post &in:"))
        target_label.setBuddy(self.target)
        form.addRow(target_label, self.target)
        self._topics_supported = topics_supported
        if topics_supported:
            topic_row = QWidget()
            row = QHBoxLayout(topic_row)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.topic)
            row.addWidget(self.topic_list)
            self.topic_label = _plain_label(self.tr("&Topic:"))
            form.addRow(self.topic_label, topic_row)
        self.set_topic_choice(None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        for button in (self.discard_button, self.close_button, self.post_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        coaching = QHBoxLayout()
        coaching.addWidget(self.coaching, 1)
        coaching.addWidget(self.guidelines_button)
        layout.addLayout(coaching)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._connect()
        self._update_count()

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._on_edited)
        self.editor.submit_requested.connect(self.request_post)
        self.topic.textChanged.connect(self._on_edited)
        self.topic_list.currentIndexChanged.connect(self._on_edited)
        self.target.target_changed.connect(self._on_target_changed)
        self.post_button.clicked.connect(self.request_post)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.close_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.request_post)

    # -- what the controller pushes ---------------------------------------------------------
    def set_people_search(self, search: PeopleSearch | None) -> None:
        self.editor.set_search(search)

    def set_targets(self, targets: Sequence[Container], selected: int | None = None) -> None:
        """Offer these targets (recent first); `selected` is a contentcontainer id."""
        self.target.set_targets(targets, selected)

    def set_topic_choice(self, choice: TopicChoice | None) -> None:
        """Offer free text where new topics may be made, else the existing ones (None: not
        known yet, so no topic can be chosen until it is)."""
        self._topic_choice = choice
        free = choice is not None and choice.can_create
        wanted = self._wanted_topics or self._chosen_topics()
        self.topic.setVisible(self._topics_supported and free)
        self.topic_list.setVisible(self._topics_supported and not free)
        if not self._topics_supported:
            return
        existing = choice.existing if choice is not None else ()
        self._topic_names.setStringList(list(existing))
        self.topic_list.blockSignals(True)
        self.topic_list.clear()
        if choice is None:
            self.topic_list.addItem(self.tr("Loading topics…"), "")
        elif existing:
            self.topic_list.addItem(self.tr("No topic"), "")
            for name in existing:
                self.topic_list.addItem(name, name)
        else:
            self.topic_list.addItem(self.tr("No topics here yet"), "")
        self.topic_list.setEnabled(bool(existing))
        self.topic_list.setToolTip(
            "" if free or choice is None else self.tr("Only the space's admins can add new topics.")
        )
        self.topic_list.blockSignals(False)
        self._apply_topics(wanted)
        self.topic_label.setBuddy(self.topic if free else self.topic_list)

    def _apply_topics(self, topics: tuple[str, ...]) -> None:
        """Show `topics` in whichever topic field is in use."""
        self.topic.blockSignals(True)
        self.topic.setText(", ".join(topics))
        self.topic.blockSignals(False)
        folded = {t.casefold() for t in topics}
        index = next(
            (i for i in range(1, self.topic_list.count())
             if str(self.topic_list.itemData(i)).casefold() in folded),
            0,
        )  # fmt: skip
        self.topic_list.blockSignals(True)
        self.topic_list.setCurrentIndex(index)
        self.topic_list.blockSignals(False)
        self._wanted_topics = topics if self._topic_choice is None else ()

    def _chosen_topics(self) -> tuple[str, ...]:
        choice = self._topic_choice
        if choice is None:
            return self._wanted_topics
        if choice.can_create:
            return tuple(t.strip() for t in self.topic.text().split(",") if t.strip())
        name = str(self.topic_list.currentData() or "")
        return (name,) if name else ()

    def set_draft(self, draft: Draft) -> None:
        """Show a saved draft (or an outbox item being edited) without saving it again."""
        self._editing = draft.editing
        self.editor.blockSignals(True)
        self.editor.set_content(draft.text, draft.mentions)
        self.editor.blockSignals(False)
        self._apply_topics(draft.topics)
        if draft.container_id is not None:
            self.target.select(draft.container_id)
        self._save_timer.stop()
        self.message.clear()
        self._update_count()

    def draft(self) -> Draft:
        """What is in the dialog now."""
        target = self.target.current_target()
        topics = self._chosen_topics()
        return Draft(
            text=self.editor.toPlainText(),
            container_id=target.contentcontainer_id if target else None,
            mentions=self.editor.mentions(),
            topics=topics,
            editing=self._editing,
        )

    def mark_queued(self) -> None:
        """The post is committed to the outbox: clear the text and close."""
        self._save_timer.stop()
        self.set_draft(Draft(container_id=self.draft().container_id))
        self.accept()

    def show_save_failed(self, *, disk_full: bool) -> None:
        """Saving failed; the text stays in the editor."""
        if disk_full:
            self.message.setText(self.tr("Couldn't save — disk full. Your text is still here."))
        else:
            self.message.setText(self.tr("Couldn't save your text. It is still here."))
        self._save_failed_shown = True

    def show_saved(self) -> None:
        """Saving works (again): take back a save-failure message, leave others alone."""
        if self._save_failed_shown:
            self._save_failed_shown = False
            self.message.clear()

    # -- user intents ---------------------------------------------------------------------
    def request_post(self) -> None:
        """Validate, then ask the controller to queue the post."""
        draft = self.draft()
        problem = validate(draft.text)
        target = self.target.current_target()
        if problem is TextProblem.EMPTY:
            self.message.setText(self.tr("Write something first."))
        elif problem is TextProblem.TOO_LONG:
            over = len(draft.text) - MAX_LENGTH
            self.message.setText(self.tr("Your post is %n character(s) too long.", "", over))
        elif target is None:
            self.message.setText(self.tr("Choose where to post."))
            self.target.setFocus()
            return
        elif not self._names_resolved():
            return
        else:
            draft = self.draft()
            self.message.clear()
            self.post_requested.emit(Composition(draft, target))
            return
        self.editor.setFocus()

    def _names_resolved(self) -> bool:
        """Turn typed "@Name"s into mentions; False (and say which) when some stay open.

        Pressing Post again with the same text posts the open names as plain text.
        """
        search = self.editor.search
        if search is None:
            return True
        draft = self.draft()
        resolved = resolve_names(draft.text, search, known=draft.mentions)
        if resolved.text != draft.text or set(resolved.people) != set(draft.mentions):
            self.editor.set_content(resolved.text, resolved.people)
        if not resolved.open or self._asked_about == resolved.text:
            return True
        self._asked_about = resolved.text
        self.show_open_names(resolved)
        return False

    def show_open_names(self, resolved: NameResolution) -> None:
        """Point out "@Name"s that are not (yet) mentions, and select the first in the text."""
        lines = []
        if resolved.ambiguous:
            names = ", ".join(resolved.ambiguous)
            lines.append(
                self.tr("Who do you mean by %1? Type it again and pick from the list.").replace(
                    "%1", names
                )
            )
        if resolved.unknown:
            names = ", ".join(resolved.unknown)
            lines.append(
                self.tr("%1: no colleague of that name is known yet.").replace("%1", names)
            )
        lines.append(self.tr("Press Post again to send these names as plain text."))
        self.message.setText(" ".join(lines))
        self._asked_about = self.editor.toPlainText()
        first = resolved.open[0]
        text = self.editor.toPlainText()
        start = text.find(first)
        if start >= 0:
            cursor = self.editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(start + len(first), cursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def flush_draft(self) -> None:
        """Save now what the debounce would save later."""
        self._save_timer.stop()
        self.draft_changed.emit(self.draft())

    def save_pending(self) -> None:
        """Save now if typing has not been saved yet (the debounce is running)."""
        if self._save_timer.isActive():
            self.flush_draft()

    def _on_edited(self) -> None:
        self._update_count()
        self._save_timer.start()

    def request_topics(self) -> None:
        """Ask (again) which topics the current target allows (`topics_wanted`)."""
        target = self.target.current_target()
        if self._topics_supported and target is not None:
            self._topics_for = target.contentcontainer_id
            self.topics_wanted.emit(target)

    def _on_target_changed(self, target: object) -> None:
        if (
            self._topics_supported
            and isinstance(target, Container)
            and target.contentcontainer_id != self._topics_for
        ):
            self._wanted_topics = self._chosen_topics()
            self.set_topic_choice(None)
            self.request_topics()
        if not self.editor.toPlainText().strip():
            return
        self._save_timer.start()

    def _on_discard_clicked(self) -> None:
        discarded = self.draft()
        if len(discarded.text.strip()) > CONFIRM_DISCARD_CHARS and not self._confirm_discard(
            len(discarded.text)
        ):
            return
        self._save_timer.stop()
        self.set_draft(Draft(container_id=discarded.container_id))
        self.draft_discarded.emit(discarded)

    def _confirm_discard(self, length: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard draft"),
            self.tr(
                "Throw away this draft of %n character(s)? It can't be brought back.", "", length
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def set_guidelines_url(self, url: str) -> None:
        """Link to these posting guidelines from now on ("" hides the link)."""
        self._guidelines_url = url
        self.guidelines_button.setVisible(bool(url))

    def _on_guidelines_clicked(self) -> None:
        if self._guidelines_url:
            self.guidelines_requested.emit(self._guidelines_url)

    def _update_count(self) -> None:
        length = len(self.editor.toPlainText())
        self.count.setText(
            self.tr("%1 / %2").replace("%1", str(length)).replace("%2", str(MAX_LENGTH))
        )

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_pending()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_pending()
        super().closeEvent(event)
