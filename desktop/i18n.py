"""Load the app's and Qt's translations for the user's language (system locale or override)."""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import resources
from services.settings import Settings

logger = logging.getLogger(__name__)


def chosen_language(settings: Settings) -> str | None:
    """The language the user chose in Settings ("nl", "en"), or None to follow the system.

    Read once at start: translators are installed before any window exists, so a change
    applies at the next start (the settings window says so).
    """
    return settings.language or None


def install_translations(app: QApplication, language: str | None = None) -> QLocale:
    """Install translators on `app` and make the chosen locale the default; return it."""
    locale = QLocale(language) if language else QLocale.system()
    if language:  # the override also picks the locale's formats (times, dates)
        logger.info("Language chosen in Settings: %s", language)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    folder = str(resources.path("i18n"))
    if ours.load(locale, "startpunt", "_", folder):
        app.installTranslator(ours)
    else:
        # English is the source language, but its plural forms ("1 minute" / "3 minutes")
        # live in startpunt_en.qm: use it for every language we have no translation for.
        logger.info("No translation for %s; using English", locale.name())
        if ours.load("startpunt_en", folder):
            app.installTranslator(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)
    return locale


def translate_for(language: str, context: str, text: str) -> str | None:
    """`text` in `language` (e.g. the intranet user's "nl"), or None when we have no translation.

    English is the source language; any other language needs a translation file of ours.
    """
    code = language.strip().replace("-", "_")
    if not code:
        return None
    if code.lower().startswith("en"):
        return text
    translated = _translator(code).translate(context, text)
    return translated or None


@functools.cache
def _translator(code: str) -> QTranslator:
    translator = QTranslator()
    if not translator.load(QLocale(code), "startpunt", "_", str(resources.path("i18n"))):
        logger.info("No translation for the intranet language %s", code)
    return translator
