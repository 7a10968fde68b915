"""The poll reminder says how long the poll stays open, in English and Dutch."""

from __future__ import annotations

from datetime import timedelta

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.i18n import install_translations
from desktop.poll_text import event_alert
from services.models import Poll, PollAnswer
from services.poll_watch import PollEvent, PollEventKind

POLL = Poll(7, "<b>Lunch?</b>", "", (PollAnswer(1, "Ja"), PollAnswer(2, "Nee")), False, False,
            False, 5, "https://i.example/p/7", None, None)  # fmt: skip


@pytest.fixture(params=["en", "nl"])
def language(request, qapp):
    install_translations(qapp, request.param)
    yield request.param
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


def body(left: timedelta | None) -> str:
    return event_alert(PollEvent(PollEventKind.REMINDER, POLL, left)).body


EXPECTED = {
    "en": [
        "Closes in 1 minute. You have not voted yet: <b>Lunch?</b>",
        "Closes in 38 minutes. You have not voted yet: <b>Lunch?</b>",
        "Closes in 3 hours. You have not voted yet: <b>Lunch?</b>",
        "Closes in 2 days. You have not voted yet: <b>Lunch?</b>",
        "You have not voted yet: <b>Lunch?</b>",
    ],
    "nl": [
        "Sluit over 1 minuut. Je hebt nog niet gestemd: <b>Lunch?</b>",
        "Sluit over 38 minuten. Je hebt nog niet gestemd: <b>Lunch?</b>",
        "Sluit over 3 uur. Je hebt nog niet gestemd: <b>Lunch?</b>",
        "Sluit over 2 dagen. Je hebt nog niet gestemd: <b>Lunch?</b>",
        "Je hebt nog niet gestemd: <b>Lunch?</b>",
    ],
}


def test_the_reminder_counts_the_time_left_in_the_users_language(language):
    lefts = [timedelta(seconds=20), timedelta(minutes=37, seconds=30), timedelta(hours=3),
             timedelta(days=2, hours=1), None]  # fmt: skip
    assert [body(left) for left in lefts] == EXPECTED[language]
    alert = event_alert(PollEvent(PollEventKind.REMINDER, POLL, timedelta(minutes=5)))
    assert alert.key == "poll:7:reminder"
    assert alert.actions[0].value == "vote"
