"""Relative times: words from the translations, dates from QLocale, no clock of its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from PySide6.QtCore import QLocale, QTranslator

import resources
from ui.relative_time import format_date, relative_time

NOW = datetime(2025, 3, 14, 15, 0, tzinfo=UTC)


@pytest.fixture
def language(qapp):
    """Install the app's translation for a language, as desktop/i18n.py does; undo afterwards."""
    installed: list[QTranslator] = []
    default = QLocale()

    def install(code: str) -> None:
        translator = QTranslator()
        assert translator.load(f"startpunt_{code}", str(resources.path("i18n")))
        qapp.installTranslator(translator)
        installed.append(translator)
        QLocale.setDefault(QLocale(code))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(default)


@pytest.mark.parametrize(
    ("age", "text"),
    [
        (timedelta(seconds=0), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(seconds=-30), "just now"),  # server clock slightly ahead
        (timedelta(hours=-1), "just now"),  # a server zone misread: never "in the future"
        (timedelta(days=-2), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=3, seconds=40), "3 minutes ago"),
        (timedelta(minutes=59), "59 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(hours=14, minutes=59), "14 hours ago"),
        (timedelta(hours=16), "yesterday"),
        (timedelta(days=2), "2 days ago"),
        (timedelta(days=6), "6 days ago"),
    ],
)
def test_relative_time_in_english(language, age, text):
    language("en")
    assert relative_time(NOW, NOW - age) == text


@pytest.mark.parametrize(
    ("age", "text"),
    [
        (timedelta(seconds=10), "zojuist"),
        (timedelta(minutes=1), "1 minuut geleden"),
        (timedelta(minutes=3), "3 minuten geleden"),
        (timedelta(hours=1), "1 uur geleden"),
        (timedelta(hours=5), "5 uur geleden"),
        (timedelta(hours=20), "gisteren"),
        (timedelta(days=1, hours=20), "2 dagen geleden"),
    ],
)
def test_relative_time_in_dutch(language, age, text):
    language("nl")
    assert relative_time(NOW, NOW - age) == text


def test_relative_time_shows_a_date_after_a_week(language):
    language("nl")
    assert relative_time(NOW, datetime(2025, 3, 2, 9, 0, tzinfo=UTC)) == "2 maart"
    assert relative_time(NOW, datetime(2024, 12, 24, 9, 0, tzinfo=UTC)) == "24 december 2024"


@pytest.mark.parametrize(
    ("locale", "same_year", "text"),
    [
        ("en_US", True, "March 2"),
        ("en_US", False, "March 2, 2025"),
        ("en_GB", True, "2 March"),
        ("nl_NL", True, "2 maart"),
        ("nl_NL", False, "2 maart 2025"),
        ("de_DE", True, "2. März"),
    ],
)
def test_relative_time_date_follows_the_locale(qapp, locale, same_year, text):
    when = datetime(2025, 3, 2, 9, 0, tzinfo=UTC)
    assert format_date(when, same_year=same_year, locale=QLocale(locale)) == text


def test_relative_time_counts_calendar_days_in_the_local_zone(language):
    language("en")
    amsterdam = timezone(timedelta(hours=1))
    now = datetime(2025, 3, 14, 0, 30, tzinfo=amsterdam)  # 23:30 UTC the day before
    assert relative_time(now, datetime(2025, 3, 13, 23, 0, tzinfo=amsterdam)) == "1 hour ago"
    late = datetime(2025, 3, 14, 9, 0, tzinfo=amsterdam)
    assert relative_time(late, datetime(2025, 3, 13, 20, 0, tzinfo=amsterdam)) == "yesterday"
    assert relative_time(late, datetime(2025, 3, 14, 1, 0, tzinfo=amsterdam)) == "8 hours ago"


def test_relative_time_takes_naive_times_as_utc(language):
    language("en")
    naive = datetime(2025, 3, 14, 14, 50)  # noqa: DTZ001 -- the point of the test
    assert relative_time(NOW, naive) == "10 minutes ago"


@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1),  # noqa: DTZ001
        max_value=datetime(2100, 1, 1),  # noqa: DTZ001
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=-11)), timezone(timedelta(hours=13))]
        ),
    )
)
def test_relative_time_always_says_something(qapp, when):
    assert relative_time(NOW, when).strip()
