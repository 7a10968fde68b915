"""A small editor for working hours: one line per weekday, a check box and two times.

`services.quiet_hours.WorkingPeriod` allows several periods a day (a hand-edited file); the
editor shows the first of a day and keeps the others as they were while that day stays on.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QGridLayout, QTimeEdit, QWidget

from services.quiet_hours import WorkingPeriod
from services.setting_values import period_json
from ui.settings_labels import weekday_names

DEFAULT_START = QTime(8, 30)
DEFAULT_END = QTime(17, 30)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class WorkingHoursEditor(QWidget):
    """Monday to Sunday: on/off, from, until. `value()` is the setting's JSON list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        self.starts: list[QTimeEdit] = []
        self.ends: list[QTimeEdit] = []
        self._more: dict[int, list[WorkingPeriod]] = {}
        for weekday, name in enumerate(weekday_names()):
            day = QCheckBox(name, self)
            start, end = QTimeEdit(DEFAULT_START, self), QTimeEdit(DEFAULT_END, self)
            for edit, words in ((start, self.tr("from")), (end, self.tr("until"))):
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(f"{name} {words}")
            day.toggled.connect(start.setEnabled)
            day.toggled.connect(end.setEnabled)
            layout.addWidget(day, weekday, 0)
            layout.addWidget(start, weekday, 1)
            layout.addWidget(end, weekday, 2)
            self.days.append(day)
            self.starts.append(start)
            self.ends.append(end)
        layout.setColumnStretch(3, 1)
        self.set_periods(())

    def set_periods(self, periods: tuple[WorkingPeriod, ...]) -> None:
        """Show these periods (no periods: every day off, so alerts come at any time)."""
        self._more = {}
        first: dict[int, WorkingPeriod] = {}
        for period in periods:
            if period.weekday in first:
                self._more.setdefault(period.weekday, []).append(period)
            else:
                first[period.weekday] = period
        for weekday, day in enumerate(self.days):
            shown = first.get(weekday)
            day.setChecked(shown is not None)
            self.starts[weekday].setEnabled(shown is not None)
            self.ends[weekday].setEnabled(shown is not None)
            self.starts[weekday].setTime(_qtime(shown.start) if shown else DEFAULT_START)
            self.ends[weekday].setTime(_qtime(shown.end) if shown else DEFAULT_END)

    def value(self) -> list[dict[str, object]]:
        """The chosen periods as the settings file stores them."""
        chosen: list[dict[str, object]] = []
        for weekday, day in enumerate(self.days):
            if not day.isChecked():
                continue
            start, end = _time(self.starts[weekday].time()), _time(self.ends[weekday].time())
            chosen.append(period_json(WorkingPeriod(weekday, start, end)))
            chosen.extend(period_json(p) for p in self._more.get(weekday, []))
        return chosen

    def empty_days(self) -> list[int]:
        """The checked days whose end equals their start (no working time at all)."""
        return [
            weekday
            for weekday, day in enumerate(self.days)
            if day.isChecked() and self.starts[weekday].time() == self.ends[weekday].time()
        ]
