"""Page 4, "Your choices": which alerts, when (working hours), and start at login."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from services.quiet_hours import WorkingPeriod
from services.settings_model import AlertKinds
from ui.onboarding.common import plain_label
from ui.settings_labels import alert_kind_words

DEFAULT_START, DEFAULT_END = time(8, 30), time(17, 30)
WORKING_DAYS = 5  # Monday to Friday ticked when no hours were chosen before


@dataclass(frozen=True, slots=True)
class WizardChoices:
    """What the last page asks; `working_hours` empty means alerts at any time."""

    alert_kinds: AlertKinds
    working_hours: tuple[WorkingPeriod, ...]
    autostart: bool


class ChoicesPage(QWizardPage):
    """Check boxes and times; settings IT locked are greyed with "Set by your organisation"."""

    def __init__(self, current: WizardChoices, locked: frozenset[str]) -> None:
        super().__init__()
        self.setTitle(self.tr("Your choices"))
        self.setSubTitle(self.tr("You can change these later in Startpunt's settings."))
        self._kinds = current.alert_kinds
        column = QVBoxLayout(self)
        kinds_box = QGroupBox(self.tr("Alert me about"), self)
        grid = QGridLayout(kinds_box)
        self.kind_boxes: dict[str, QCheckBox] = {}
        labels = alert_kind_words()  # the same words as the Settings window
        for i, name in enumerate(f.name for f in fields(AlertKinds)):
            box = QCheckBox(labels.get(name, name), kinds_box)
            box.setAccessibleName(box.text())
            box.setChecked(bool(getattr(current.alert_kinds, name)))
            grid.addWidget(box, i // 2, i % 2)
            self.kind_boxes[name] = box
        column.addWidget(self._lockable(kinds_box, "alert_kinds" in locked))
        hours_box = QGroupBox(self.tr("Working hours"), self)
        hours = QVBoxLayout(hours_box)
        self.hours_check = QCheckBox(self.tr("Alert me only during working hours"), hours_box)
        self.hours_check.setAccessibleName(self.hours_check.text())
        hours.addWidget(self.hours_check)
        days_row = QHBoxLayout()
        self.day_boxes = []
        chosen_days = {p.weekday for p in current.working_hours}
        for day in range(7):
            box = QCheckBox(self._day_name(day), hours_box)
            box.setAccessibleName(box.text())
            box.setChecked(day in chosen_days if chosen_days else day < WORKING_DAYS)
            days_row.addWidget(box)
            self.day_boxes.append(box)
        hours.addLayout(days_row)
        times_row = QHBoxLayout()
        first = current.working_hours[0] if current.working_hours else None
        self.start_edit = self._time_edit(first.start if first else DEFAULT_START, self.tr("From"))
        self.end_edit = self._time_edit(first.end if first else DEFAULT_END, self.tr("Until"))
        times_row.addWidget(QLabel(self.tr("From"), hours_box))
        times_row.addWidget(self.start_edit)
        times_row.addWidget(QLabel(self.tr("Until"), hours_box))
        times_row.addWidget(self.end_edit)
        times_row.addStretch(1)
        hours.addLayout(times_row)
        self.hours_check.toggled.connect(self._hours_toggled)
        self.hours_check.setChecked(bool(current.working_hours))
        self._hours_toggled(bool(current.working_hours))
        column.addWidget(self._lockable(hours_box, "working_hours" in locked))
        self.autostart_check = QCheckBox(self.tr("Start Startpunt when I log in"), self)
        self.autostart_check.setAccessibleName(self.autostart_check.text())
        self.autostart_check.setChecked(current.autostart)
        column.addWidget(self._lockable(self.autostart_check, "autostart" in locked))
        self.storage_note = plain_label("", self)
        self.storage_note.setObjectName("storage_note")
        self.storage_note.setVisible(False)
        column.addWidget(self.storage_note)
        column.addStretch(1)

    def _day_name(self, day: int) -> str:
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        return names[day]

    def _time_edit(self, value: time, name: str) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute), self)
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        return edit

    def _lockable(self, widget: QWidget, locked: bool) -> QWidget:
        """`widget`, greyed with a note when IT's policy sets it."""
        if not locked:
            return widget
        widget.setEnabled(False)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        note = plain_label(self.tr("Set by your organisation"), holder)
        note.setEnabled(False)
        column.addWidget(note)
        return holder

    def _hours_toggled(self, on: bool) -> None:
        for widget in (*self.day_boxes, self.start_edit, self.end_edit):
            widget.setEnabled(on)

    def show_storage(self, note: str) -> None:
        """Where the token went, when the user must know (kept for this session only)."""
        self.storage_note.setText(note)
        self.storage_note.setVisible(bool(note))

    def choices(self) -> WizardChoices:
        kinds = replace(self._kinds, **{n: b.isChecked() for n, b in self.kind_boxes.items()})
        periods: tuple[WorkingPeriod, ...] = ()
        start, end = self.start_edit.time(), self.end_edit.time()
        begin, until = time(start.hour(), start.minute()), time(end.hour(), end.minute())
        if self.hours_check.isChecked() and begin < until:
            periods = tuple(
                WorkingPeriod(day, begin, until)
                for day, box in enumerate(self.day_boxes)
                if box.isChecked()
            )
        return WizardChoices(kinds, periods, self.autostart_check.isChecked())
