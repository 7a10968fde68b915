"""The "Jouw week" window: numbers, names, posts and votes as plain text; a friendly empty state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QLabel

from desktop.community_text import CommunityWords, week_alert
from desktop.i18n import install_translations
from services.week_model import PostReactions, WeekSummary
from ui.week_window import WeekWindow

WEEK = WeekSummary(
    likes=12, comments=3, thanks=2, thanked_by=("Sara de Vries", "<b>Jan</b>"), mentions=1,
    posts=(PostReactions("Kerstborrel vrijdag om vier uur in de kantine", "https://i/p/1", 9, 1),),
    votes=("Welke dag voor de teamlunch?",),
)  # fmt: skip


def _text(window: WeekWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


@pytest.fixture(params=["en", "nl"])
def language(request, qapp):
    install_translations(qapp, request.param)
    yield request.param
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


def _shot(window: WeekWindow, name: str) -> None:
    folder = os.environ.get("STARTPUNT_SHOTS")
    if folder:
        window.grab().save(str(Path(folder) / f"{name}.png"))


def test_the_week_is_shown_as_plain_text(qtbot, language) -> None:
    window = WeekWindow()
    qtbot.addWidget(window)
    window.set_week(WEEK)
    window.show()
    assert _text(window, "count_likes") == "12"
    assert _text(window, "count_thanks") == "2"
    assert _text(window, "thanked_by") == "Sara de Vries, <b>Jan</b>"
    assert (
        _text(window, "posts")
        == {
            "en": "“Kerstborrel vrijdag om vier uur in de kantine”: 9 likes, 1 comment",
            "nl": "“Kerstborrel vrijdag om vier uur in de kantine”: 9 likes, 1 reactie",
        }[language]
    )
    assert _text(window, "votes") == "Welke dag voor de teamlunch?"
    for label in window.findChildren(QLabel):
        assert label.textFormat() is Qt.TextFormat.PlainText
    _shot(window, f"week-{language}")


def test_an_empty_week_is_friendly_and_shows_no_zeroes(qtbot, language) -> None:
    window = WeekWindow()
    qtbot.addWidget(window)
    window.set_week(WEEK)
    window.set_week(WeekSummary())
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QLabel, "count_likes") is None)
    assert window.findChild(QLabel, "empty") is not None
    _shot(window, f"week-empty-{language}")


def test_the_alert_counts_and_opens_the_window(qtbot, language) -> None:
    alert = week_alert(WEEK)
    assert (
        alert.body
        == {
            "en": "12 likes, 3 comments, thanked 2 times",
            "nl": "12 likes, 3 reacties, 2 keer bedankt",
        }[language]
    )
    assert alert.url == "startpunt:jouw-week"
    assert "Have a good weekend" in week_alert(WeekSummary()).body or language == "nl"
    votes_only = week_alert(WeekSummary(likes=3, votes=("q",))).body
    assert votes_only == "3 likes"  # zeroes are left out
    nothing_counted = week_alert(WeekSummary(votes=("q",))).body
    assert nothing_counted != week_alert(WeekSummary()).body
    assert len(CommunityWords().tips()) == 10
