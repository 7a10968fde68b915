"""The settings window: one row per setting the user may change. Widgets only.

It shows the settings in effect, greys out what IT's policy locked ("Set by your
organisation"), checks every value with the setting's own decoder (`DECLARATIONS`) and marks a
refused one next to its field. Only when every field is valid does it emit `save_requested`
with the changed values (typed); `desktop.settings_host` saves and applies them, then calls
`show_saved` or `show_save_failed`. Every string shown is ours (plain text).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.setting_values import POLL_INTERVAL_RANGE
from services.settings_model import Settings
from ui.settings_labels import alert_kind_words, problem_words, setting_words, weekday_names
from ui.working_hours_editor import WorkingHoursEditor

# Which tab shows which settings, in order.
PAGES: tuple[tuple[str, ...], ...] = (
    ("alert_kinds", "working_hours", "poll_interval"),
    ("leaders", "thanks_text", "guidelines_url", "server_time_zone", "kudos_space", "leader_nudge"),
    ("autostart", "language"),
)
# The community alerts, on the General page after the existing rows
COMMUNITY = ("jouw_week", "jouw_week_day", "jouw_week_time", "profile_nudge", "weekly_tip")
PAGES = (*PAGES[:2], (*PAGES[2], *COMMUNITY))
LANGUAGE_CHOICES = ("", "nl", "en")
_W = TypeVar("_W", bound=QWidget)
Decoder = Callable[[str, object], object]


def _plain(text: str, parent: QWidget, name: str, *, small: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if small:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
    return label


@dataclass
class Row:
    """One setting's widgets: the editor, how to read it, and its messages."""

    name: str
    editor: QWidget
    read: Callable[[], object]  # the value as the settings file would hold it
    problem: QLabel
    locked: QLabel
    page: int


class SettingsWindow(QDialog):
    """Shows and edits the settings; emits `save_requested(dict[name, typed value])`."""

    save_requested = Signal(object)

    def __init__(
        self, decode: Decoder, live: frozenset[str], parent: QWidget | None = None
    ) -> None:
        """`decode(name, value)` is the setting's own check (TypeError/ValueError when
        refused); `live` names the settings that apply without a restart."""
        super().__init__(parent)
        self._decode, self._live = decode, live
        self.setObjectName("settingsWindow")
        self.setWindowTitle(self.tr("Startpunt settings"))
        self._settings = Settings()
        self._locked: frozenset[str] = frozenset()
        self.rows: dict[str, Row] = {}
        words = setting_words()
        self.tabs = QTabWidget(self)
        titles = (self.tr("Alerts"), self.tr("Intranet"), self.tr("General"))
        for index, (title, names) in enumerate(zip(titles, PAGES, strict=True)):
            page = QWidget(self.tabs)
            grid = QGridLayout(page)
            for line, name in enumerate(names):
                self._add_row(grid, line, index, name, words[name].label, words[name].help)
            grid.setRowStretch(len(names), 1)
            grid.setColumnStretch(1, 1)
            self.tabs.addTab(page, title)
        self.status = _plain("", self, "status")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    # -- building --------------------------------------------------------------------------

    def _add_row(
        self, grid: QGridLayout, line: int, page: int, name: str, label: str, help_text: str
    ) -> None:
        editor, read = self._editor(name)
        editor.setObjectName(f"edit_{name}")
        caption = _plain(label, self, f"label_{name}")
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        caption.setBuddy(editor)
        caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notes = [help_text]
        if name not in self._live:
            notes.append(self.tr("Applies at the next start of Startpunt."))
        column = QVBoxLayout()
        column.addWidget(editor)
        column.addWidget(_plain(" ".join(notes), self, f"help_{name}", small=True))
        problem = _plain("", self, f"problem_{name}")
        problem.setStyleSheet("color: #b00020; font-weight: bold;")
        problem.hide()
        locked = _plain(self.tr("Set by your organisation"), self, f"locked_{name}", small=True)
        locked.hide()
        column.addWidget(problem)
        column.addWidget(locked)
        grid.addWidget(caption, line, 0)
        grid.addLayout(column, line, 1)
        editor.setAccessibleDescription(help_text)
        self.rows[name] = Row(name, editor, read, problem, locked, page)

    def _editor(self, name: str) -> tuple[QWidget, Callable[[], object]]:
        if name == "alert_kinds":
            return self._alert_kinds_editor()
        if name == "working_hours":
            hours = WorkingHoursEditor(self)
            self.working_hours = hours
            return hours, hours.value
        if name == "poll_interval":
            spin = QSpinBox(self)
            low, high = POLL_INTERVAL_RANGE
            spin.setRange(int(low), int(high))
            spin.setSingleStep(10)
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0000") * 3)
            return spin, spin.value
        if name == "leaders":
            leaders = QPlainTextEdit(self)
            leaders.setTabChangesFocus(True)
            leaders.setPlaceholderText(self.tr("One name per line"))
            leaders.setFixedHeight(leaders.fontMetrics().lineSpacing() * 5 + 12)
            return leaders, lambda: leaders.toPlainText().splitlines()
        if name == "autostart":
            box = QCheckBox(self.tr("Start Startpunt when I log in"), self)
            return box, box.isChecked
        if name in ("jouw_week", "profile_nudge", "weekly_tip"):
            check = QCheckBox(setting_words()[name].label, self)
            return check, check.isChecked
        if name == "jouw_week_day":
            days = QComboBox(self)
            days.addItems(weekday_names())
            days.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            return days, days.currentIndex
        if name == "language":
            combo = QComboBox(self)
            combo.addItem(self.tr("Same as this computer"))
            combo.addItem("Nederlands")
            combo.addItem("English")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            return combo, lambda: LANGUAGE_CHOICES[combo.currentIndex()]
        line = QLineEdit(self)
        if name == "server_time_zone":
            completer = QCompleter(sorted(zoneinfo.available_timezones()), line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            line.setCompleter(completer)
            line.setPlaceholderText("Europe/Amsterdam")
        elif name == "guidelines_url":
            line.setPlaceholderText("https://")
        elif name == "leader_nudge":
            line.setPlaceholderText(self.tr("Empty: no weekly nudge"))
        elif name == "jouw_week_time":
            line.setPlaceholderText("15:00")
            line.setMaximumWidth(line.fontMetrics().horizontalAdvance("00:00") * 3)
        elif name == "thanks_text":
            line.setPlaceholderText(self.tr('Empty: "Thank you!" in the intranet\'s language'))
        return line, line.text

    def _alert_kinds_editor(self) -> tuple[QWidget, Callable[[], object]]:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for index, (switch, words) in enumerate(alert_kind_words().items()):
            check = QCheckBox(words, box)
            check.setObjectName(f"kind_{switch}")
            grid.addWidget(check, index // 2, index % 2)
            self.kind_boxes[switch] = check
        return box, lambda: {s: b.isChecked() for s, b in self.kind_boxes.items()}

    # -- showing ---------------------------------------------------------------------------

    def set_settings(self, settings: Settings, locked: frozenset[str]) -> None:
        """Show these settings; locked ones are greyed with "Set by your organisation"."""
        self._settings, self._locked = settings, locked
        for switch, check in self.kind_boxes.items():
            check.setChecked(settings.alert_kinds.enabled(switch))
        self.working_hours.set_periods(settings.working_hours)
        self._editor_of("poll_interval", QSpinBox).setValue(
            round(settings.poll_interval.total_seconds())
        )
        self._editor_of("leaders", QPlainTextEdit).setPlainText("\n".join(settings.leaders))
        for name in ("jouw_week", "profile_nudge", "weekly_tip"):
            self._editor_of(name, QCheckBox).setChecked(getattr(settings, name))
        self._editor_of("jouw_week_day", QComboBox).setCurrentIndex(settings.jouw_week_day)
        for name in ("thanks_text", "guidelines_url", "server_time_zone", "jouw_week_time"):
            self._editor_of(name, QLineEdit).setText(getattr(settings, name))
        self._editor_of("kudos_space", QLineEdit).setText(settings.kudos_space)
        self._editor_of("leader_nudge", QLineEdit).setText(settings.leader_nudge)
        self._editor_of("autostart", QCheckBox).setChecked(settings.autostart)
        self._editor_of("language", QComboBox).setCurrentIndex(
            LANGUAGE_CHOICES.index(settings.language)
        )
        for row in self.rows.values():
            is_locked = row.name in locked
            row.editor.setEnabled(not is_locked)
            row.locked.setVisible(is_locked)
            row.problem.hide()
        self.status.setText("")

    def _editor_of(self, name: str, kind: type[_W]) -> _W:
        editor = self.rows[name].editor
        if not isinstance(editor, kind):
            raise TypeError(f"{name} is edited by a {type(editor).__name__}")
        return editor

    # -- saving ----------------------------------------------------------------------------

    def collect(self) -> tuple[dict[str, object], dict[str, str]]:
        """The changed values (typed) and, per refused field, what to tell the user."""
        changed: dict[str, object] = {}
        problems: dict[str, str] = {}
        words = problem_words()
        for name, row in self.rows.items():
            if name in self._locked:
                continue
            try:
                value = self._decode(name, row.read())
            except (TypeError, ValueError, OverflowError):
                problems[name] = words[name]
                continue
            if name == "working_hours" and self.working_hours.empty_days():
                problems[name] = words[name]
                continue
            if value != getattr(self._settings, name):
                changed[name] = value
        return changed, problems

    def save(self) -> None:
        """Check every field; show what is wrong, or ask for the changes to be saved."""
        changed, problems = self.collect()
        for name, row in self.rows.items():
            row.problem.setText(problems.get(name, ""))
            row.problem.setVisible(name in problems)
        if problems:
            first = self.rows[next(iter(problems))]
            self.tabs.setCurrentIndex(first.page)
            first.editor.setFocus()
            self.status.setText(self.tr("Nothing was saved: please correct the marked fields."))
            return
        if not changed:
            self.status.setText(self.tr("Nothing changed."))
            return
        self.save_requested.emit(changed)

    def show_saved(self, settings: Settings, locked: frozenset[str], restart: list[str]) -> None:
        """The changes were saved; `restart` names those that apply at the next start."""
        self.set_settings(settings, locked)
        if restart:
            words = setting_words()
            names = ", ".join(words[name].label for name in restart)
            self.status.setText(
                self.tr("Saved. Applies at the next start of Startpunt: %1.").replace("%1", names)
            )
        else:
            self.status.setText(self.tr("Saved. Your changes apply now."))

    def show_save_failed(self, reason: str) -> None:
        """Nothing could be saved; `reason` is already translated."""
        self.status.setText(self.tr("Not saved: %1").replace("%1", reason))


def shown_names() -> set[str]:
    """The settings the window shows."""
    return {name for page in PAGES for name in page}
