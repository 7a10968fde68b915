"""Help & tips in both languages, complete and built only from our own escaped strings; About
lists Startpunt and every runtime dependency with its licence; the tray menu opens them."""

from __future__ import annotations

import tomllib
from email.message import Message
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.app_windows import post_command
from desktop.i18n import install_translations
from desktop.tray import TrayIcon
from services.licences import bundled_parts, canonical, licence_of, own_part
from ui.about_window import AboutWindow
from ui.help_window import HelpWindow

ROOT = Path(__file__).resolve().parents[2]
DESKTOPS = ["GNOME", "KDE Plasma", "Xfce", "Windows", "macOS"]


@pytest.fixture
def language(qapp):
    def install(code: str) -> None:
        install_translations(qapp, code)

    yield install
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


def _sentences(window: HelpWindow) -> list[str]:
    found = [heading for heading, _ in window.sections()]
    for _desktop, steps in window.desktops():
        found += steps
    return found


@pytest.mark.parametrize("code", ["en", "nl"])
def test_help_is_complete_in_each_language(qtbot, language, code) -> None:
    language(code)
    window = HelpWindow("startpunt post", "/home/anna/.local/state/startpunt/log")
    qtbot.addWidget(window)
    text = window.plain_text()
    for desktop in DESKTOPS:
        assert desktop in text
    assert "startpunt post" in text
    assert "/home/anna/.local/state/startpunt/log" in text
    assert len(window.sections()) == 4
    heading = "Wat Startpunt doet" if code == "nl" else "What Startpunt does"
    assert heading in text


def test_dutch_help_holds_no_english_sentence(qtbot, language) -> None:
    english = HelpWindow("startpunt post", "/home/anna/log")
    qtbot.addWidget(english)
    sources = _sentences(english) + english.plain_text().splitlines()
    language("nl")
    dutch = HelpWindow("startpunt post", "/home/anna/log")
    qtbot.addWidget(dutch)
    text = dutch.plain_text()
    untranslated = [s for s in sources if len(s) > 20 and s in text and "/home/anna" not in s]
    assert untranslated == []


def test_help_shows_our_values_as_text_never_as_markup(qtbot) -> None:
    window = HelpWindow('startpunt post "<b>x</b>"', "/home/<img src=x>&amp;")
    qtbot.addWidget(window)
    text = window.plain_text()
    assert 'startpunt post "<b>x</b>"' in text
    assert "/home/<img src=x>&amp;" in text
    assert "<img" not in window.html().replace("&lt;img", "")


def test_the_post_command_is_what_a_user_types(tmp_path) -> None:
    command = post_command(tmp_path / "my profile", platform="linux")
    assert command.split(" post ")[1] == f"--profile '{tmp_path / 'my profile'}'"
    assert post_command(None, platform="linux").endswith(" post")


def _runtime_dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for requirement in project["dependencies"]:
        name = requirement.split(";")[0]
        for stop in "<>=!~[ ":
            name = name.split(stop)[0]
        names.add(canonical(name))
    return names


def test_about_lists_every_runtime_dependency_with_its_licence(qtbot) -> None:
    window = AboutWindow(own_part(), bundled_parts())
    qtbot.addWidget(window)
    listed = {canonical(name): (version, licence) for name, version, licence in window.listed()}
    assert set(listed) == _runtime_dependencies()
    for name, (version, licence) in listed.items():
        assert version, name
        assert version != "not installed", name
        assert licence, name
        assert licence != "unknown", name
    assert listed["httpx"][1] == "BSD-3-Clause"
    assert listed["pyside6-essentials"][1].startswith("LGPL-3.0")
    assert window.version_label.text() == f"Version {own_part().version}"
    assert "EUPL-1.2" in window.licence_label.text()
    assert "LGPL-3.0" in window.qt_notice.text()


def test_a_licence_missing_from_metadata_comes_from_what_the_project_publishes() -> None:
    empty = Message()
    empty["License"] = "UNKNOWN"
    assert licence_of(empty, "qasync") == "BSD-2-Clause"
    assert licence_of(None, "Desktop_Notifier") == "MIT"
    whole_text = Message()
    whole_text["License"] = "Permission is hereby granted, free of charge, " * 5
    whole_text["Classifier"] = "License :: OSI Approved :: MIT License"
    assert licence_of(whole_text, "somepackage") == "MIT"


def test_the_tray_menu_opens_settings_help_and_about(qtbot) -> None:
    tray = TrayIcon()
    texts = [a.text() for a in tray.menu.actions()]
    assert {"Settings…", "Help && tips", "About Startpunt"} <= set(texts)
    for action, signal in (
        (tray.settings_action, tray.settings_requested),
        (tray.help_action, tray.help_requested),
        (tray.about_action, tray.about_requested),
    ):
        with qtbot.waitSignal(signal):
            action.trigger()
