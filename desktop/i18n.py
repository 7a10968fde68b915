"""Load the app's and Qt's translations for the user's language (system locale or override)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import resources

logger = logging.getLogger(__name__)


def install_translations(app: QApplication, language: str | None = None) -> QLocale:
    """Install translators on `app` and make the chosen locale the default; return it."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if ours.load(locale, "startpunt", "_", str(resources.path("i18n"))):
        app.installTranslator(ours)
    else:
        logger.info("No translation for %s; using English", locale.name())
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)
    return locale
