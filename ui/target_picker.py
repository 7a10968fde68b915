"""Where a post goes: a combo box of the profile and spaces; typing filters the list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from services.models import Container

_TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class TargetPicker(QComboBox):
    """Shows targets in the order given (recent first); emits `target_changed(Container|None)`."""

    target_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self.setAccessibleName(self.tr("Post in"))
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._targets: list[Container] = []
        self.currentIndexChanged.connect(self._on_index_changed)
        self.editTextChanged.connect(self._on_edit_text_changed)

    def set_targets(self, targets: Sequence[Container], selected: int | None = None) -> None:
        """Offer `targets` (contentcontainer ids unique); keep or set the selection."""
        keep = self.current_target()
        wanted = selected if selected is not None else keep.contentcontainer_id if keep else None
        self.blockSignals(True)
        self.clear()
        self._targets = list(targets)
        for target in self._targets:
            if target.is_space:
                label = target.name
            elif target.name:
                label = self.tr("%1 (my profile)").replace("%1", target.name)
            else:  # the profile before the app ever reached the intranet (name unknown)
                label = self.tr("My profile")
            self.addItem(label)
            self.setItemData(self.count() - 1, target.contentcontainer_id, _TARGET_ROLE)
        index = next((i for i, t in enumerate(self._targets) if t.contentcontainer_id == wanted), 0)
        self.setCurrentIndex(index if self._targets else -1)
        self.blockSignals(False)
        self.target_changed.emit(self.current_target())

    def targets(self) -> tuple[Container, ...]:
        return tuple(self._targets)

    def current_target(self) -> Container | None:
        """The chosen target; None while the typed text names none of them."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0 or index >= len(self._targets):
            return None
        return self._targets[index]

    def select(self, contentcontainer_id: int | None) -> None:
        """Choose the target with this container id, if offered."""
        for index, target in enumerate(self._targets):
            if target.contentcontainer_id == contentcontainer_id:
                self.setCurrentIndex(index)
                return

    def _on_index_changed(self, _index: int) -> None:
        self.target_changed.emit(self.current_target())

    def _on_edit_text_changed(self, _text: str) -> None:
        self.target_changed.emit(self.current_target())
