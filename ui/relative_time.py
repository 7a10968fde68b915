"""Localised relative times: "just now", "3 minutes ago", "yesterday", or a date.

A pure function of (now, when): it reads no clock. Words come from Qt Linguist (context
"RelativeTime"); dates from QLocale (the default one, which the app sets from the user's language).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

JUST_NOW = timedelta(minutes=1)
# Late at night "3 hours ago" reads better than "yesterday" for something at 23:00.
HOURS_ACROSS_MIDNIGHT = timedelta(hours=6)
DAYS_IN_WORDS = 7

_WEEKDAY = re.compile(r"\s*dddd[,\s]*")
_YEAR = re.compile(r"^y+(?:\s*'[^']*')?[.,\s/年년-]*|[.,\s/-]*y+[.年년]?")


class RelativeTime(QObject):
    """The translation context of relative times.

    Plural strings go through `self.tr` in a QObject subclass: PySide6's lupdate records
    plural forms only for that call (not for `QCoreApplication.translate(..., n)`).
    """

    def minutes_ago(self, n: int) -> str:
        return self.tr("%n minute(s) ago", "", n)

    def hours_ago(self, n: int) -> str:
        return self.tr("%n hour(s) ago", "", n)

    def days_ago(self, n: int) -> str:
        return self.tr("%n day(s) ago", "", n)


_WORDS: list[RelativeTime] = []


def _words() -> RelativeTime:
    if not _WORDS:
        _WORDS.append(RelativeTime())
    return _WORDS[0]


def relative_time(now: datetime, when: datetime, *, locale: QLocale | None = None) -> str:
    """Say how long ago `when` was, seen from `now`.

    Calendar days ("yesterday") are those of `now`'s time zone, so pass a local, aware `now`
    (`datetime.now(UTC).astimezone()`). Naive datetimes are taken as UTC. A moment slightly in
    the future (clock skew between server and desktop) is "just now".
    """
    now = _aware(now)
    when = _aware(when).astimezone(now.tzinfo)
    age = now - when
    if age < JUST_NOW:
        return QCoreApplication.translate("RelativeTime", "just now")
    if age < timedelta(hours=1):
        minutes = age // timedelta(minutes=1)
        return _words().minutes_ago(minutes)
    days = (now.date() - when.date()).days
    if days == 0 or age < HOURS_ACROSS_MIDNIGHT:
        hours = age // timedelta(hours=1)
        return _words().hours_ago(hours)
    if days == 1:
        return QCoreApplication.translate("RelativeTime", "yesterday")
    if days < DAYS_IN_WORDS:
        return _words().days_ago(days)
    return format_date(when, same_year=when.year == now.year, locale=locale)


def format_date(when: datetime, *, same_year: bool, locale: QLocale | None = None) -> str:
    """The locale's long date without the weekday, and without the year when it is this year."""
    loc = locale if locale is not None else QLocale()
    date = QDate(when.year, when.month, when.day)
    pattern = _WEEKDAY.sub(" ", loc.dateFormat(QLocale.FormatType.LongFormat)).strip(" ,،")
    if same_year:
        pattern = _YEAR.sub("", pattern).strip(" ,،")
    if "d" not in pattern or "M" not in pattern:
        return loc.toString(date, QLocale.FormatType.ShortFormat)
    return loc.toString(date, pattern)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
