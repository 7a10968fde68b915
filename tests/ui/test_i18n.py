"""Translations: Dutch loads for nl; every other language gets English with real plurals."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.i18n import install_translations
from desktop.tray import TrayIcon


@pytest.fixture
def translated(qapp):
    def install(language: str) -> None:
        install_translations(qapp, language)

    yield install
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


def test_i18n_dutch_tray_menu(translated):
    translated("nl")
    tray = TrayIcon()
    tray.set_unread(0)
    assert tray.notifications_action.text() == "Meldingen"
    assert tray.quit_action.text() == "Afsluiten"


def test_i18n_unknown_language_gets_english_plurals(translated):
    translated("sw")
    text = QCoreApplication.translate("TrayIcon", "%n new notification(s)", None, 3)
    assert text == "3 new notifications"
    assert QCoreApplication.translate("TrayIcon", "%n new notification(s)", None, 1) == (
        "1 new notification"
    )
