"""The language chosen in Settings is read at start, before any window exists."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop import app as app_module
from desktop.cli import RunOptions, parse
from desktop.effective_settings import settings_path
from desktop.i18n import install_translations
from desktop.paths import Paths
from services.policy import POLICY_ENV


class StartStoppedError(Exception):
    pass


@pytest.fixture
def restore_language(qapp):
    yield
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


@pytest.mark.parametrize(("saved", "chosen"), [("nl", "nl"), ("en", "en"), ("", None)])
def test_the_language_setting_is_read_at_start(
    qapp, tmp_path: Path, monkeypatch, restore_language, saved, chosen
) -> None:
    monkeypatch.setenv(POLICY_ENV, str(tmp_path / "no-policy.json"))
    profile = tmp_path / "profile"
    paths = Paths.resolve(profile)
    paths.ensure()
    settings_path(paths).write_text(json.dumps({"schema_version": 3, "language": saved}))
    seen: list[str | None] = []
    real = install_translations

    def install(app, language=None):
        seen.append(language)
        real(app, language)
        raise StartStoppedError  # far enough: the rest of the start is tested elsewhere

    monkeypatch.setattr(app_module, "install_translations", install)
    monkeypatch.setattr(app_module, "setup_logging", lambda *a, **k: None)  # no file handler
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    options = parse(["--demo", "--profile", str(profile)])
    assert isinstance(options, RunOptions)
    with pytest.raises(StartStoppedError):
        app_module.run_app(options, instance=None)  # type: ignore[arg-type]
    assert seen == [chosen]
    if chosen == "nl":
        assert QCoreApplication.translate("TrayIcon", "Quit") == "Afsluiten"


def test_an_unknown_language_in_the_file_falls_back_to_the_system(tmp_path, caplog) -> None:
    from services.settings import load

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 3, "language": "klingon"}))
    assert load(path).language == ""
    assert "invalid language" in caplog.text
