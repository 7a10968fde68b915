"""The settings window: every declared setting has a row and translated words, locked ones are
greyed, refused input is marked and never saved, and live settings reach the running app."""

from __future__ import annotations

import asyncio
import json
import stat
from dataclasses import fields
from datetime import time, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from desktop.app import shut_down
from desktop.app_windows import attach
from desktop.autostart import XdgAutostart
from desktop.composition import build
from desktop.effective_settings import settings_path
from desktop.paths import Paths
from desktop.settings_host import declared_window
from services.policy import POLICY_ENV
from services.quiet_hours import WorkingPeriod
from services.settings import BY_NAME, DECLARATIONS, AlertKinds, Settings, load
from ui.settings_labels import NOT_IN_WINDOW, alert_kind_words, problem_words, setting_words
from ui.settings_window import SettingsWindow, shown_names


def test_the_words_table_equals_the_declarations(qapp) -> None:
    """The ui-side table (scanned for translation) says what each declaration says."""
    words = setting_words()
    assert set(words) == set(BY_NAME)
    for declaration in DECLARATIONS:
        assert (words[declaration.name].label, words[declaration.name].help) == (
            declaration.label,
            declaration.help,
        ), declaration.name
    assert set(alert_kind_words()) == {f.name for f in fields(AlertKinds)}
    assert set(problem_words()) == set(BY_NAME)
    assert shown_names() == set(BY_NAME) - NOT_IN_WINDOW


def test_every_setting_a_user_may_change_has_a_row(qtbot) -> None:
    window = declared_window()
    qtbot.addWidget(window)
    assert set(window.rows) == set(BY_NAME) - NOT_IN_WINDOW
    for name, row in window.rows.items():
        help_label = window.findChild(type(row.problem), f"help_{name}")
        assert help_label is not None
        restart_note = "Applies at the next start" in help_label.text()
        assert restart_note is (not BY_NAME[name].live), name


def test_locked_settings_are_greyed_and_say_who_set_them(qtbot) -> None:
    window = declared_window()
    qtbot.addWidget(window)
    window.set_settings(Settings(leaders=("Directie",)), frozenset({"leaders", "working_hours"}))
    window.show()
    for name, row in window.rows.items():
        locked = name in {"leaders", "working_hours"}
        assert row.editor.isEnabled() is not locked, name
        assert (not row.locked.isHidden()) is locked, name
    assert window.rows["leaders"].locked.text() == "Set by your organisation"
    window.rows["leaders"].editor.setPlainText("Iemand anders")  # type: ignore[attr-defined]
    changed, problems = window.collect()
    assert (changed, problems) == ({}, {})  # a locked field is never offered for saving


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(POLICY_ENV, raising=False)
    monkeypatch.setenv(POLICY_ENV, str(tmp_path / "no-policy.json"))
    paths = Paths.resolve(tmp_path / "profile")
    paths.ensure()
    user = {"schema_version": 3, "leaders": ["Me"], "thanks_text": "Top!"}
    settings_path(paths).write_text(json.dumps(user))
    return paths


@pytest.fixture
def running(qtbot, profile, tmp_path):
    parts = build(profile, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)
    windows = attach(parts, profile, tmp_path / "profile")
    windows.settings._autostart = XdgAutostart(tmp_path / "xdg" / "autostart")
    yield parts, windows
    windows.close()
    asyncio.run(shut_down(parts))


def _edit(window: SettingsWindow, name: str, kind):
    editor = window.rows[name].editor
    assert isinstance(editor, kind)
    return editor


def test_refused_input_is_marked_and_nothing_is_saved(qtbot, running, profile) -> None:
    parts, windows = running
    windows.open_settings()
    window = windows.settings.window
    assert window is not None
    before = settings_path(profile).read_bytes()
    _edit(window, "guidelines_url", QLineEdit).setText("http://intranet.example.org/regels")
    _edit(window, "server_time_zone", QLineEdit).setText("Mars/Olympus_Mons")
    _edit(window, "thanks_text", QLineEdit).setText("Dank! " * 100)
    window.working_hours.days[0].setChecked(True)
    window.working_hours.starts[0].setTime(QTime(9, 0))
    window.working_hours.ends[0].setTime(QTime(9, 0))
    _edit(window, "poll_interval", QSpinBox).setValue(60)  # valid, but must wait for the rest
    with qtbot.assertNotEmitted(window.save_requested):
        window.save_button.click()
    refused = {"guidelines_url", "server_time_zone", "thanks_text", "working_hours"}
    for name, row in window.rows.items():
        assert (not row.problem.isHidden()) is (name in refused), name
    assert "https://" in window.rows["guidelines_url"].problem.text()
    assert "Europe/Amsterdam" in window.rows["server_time_zone"].problem.text()
    assert window.status.text() == "Nothing was saved: please correct the marked fields."
    assert window.tabs.currentIndex() == 0  # the first marked field's page is shown
    assert settings_path(profile).read_bytes() == before
    assert parts.settings.poll_interval == timedelta(seconds=30)


def test_live_settings_reach_the_poller_and_the_alert_policy_at_once(
    qtbot, running, profile
) -> None:
    parts, windows = running
    controller = parts.controller
    windows.open_settings()
    window = windows.settings.window
    assert window is not None
    _edit(window, "poll_interval", QSpinBox).setValue(120)
    window.kind_boxes["like"].setChecked(False)
    window.kind_boxes["follow"].setChecked(True)
    window.working_hours.days[2].setChecked(True)  # Wednesday 08:30-17:30
    _edit(window, "leaders", QPlainTextEdit).setPlainText("Me\nDirectie\n\n")
    _edit(window, "thanks_text", QLineEdit).setText("Dank je wel!")
    _edit(window, "server_time_zone", QLineEdit).setText("Europe/Amsterdam")
    _edit(window, "language", QComboBox).setCurrentIndex(1)
    guidelines = "https://intranet.example.org/richtlijnen"
    _edit(window, "guidelines_url", QLineEdit).setText(guidelines)
    dialog = parts.posting._ensure_dialog()
    assert dialog.guidelines_button.isHidden()
    with qtbot.waitSignal(window.save_requested):
        window.save_button.click()
    # What the running app reads from now on (no restart).
    assert controller._poller.interval == timedelta(seconds=120)
    assert controller._settings.alert_kinds.like is False
    assert controller._settings.alert_kinds.follow is True
    assert controller._settings.leaders == ("Me", "Directie")
    assert controller.thanks_message() == "Dank je wel!"
    assert controller._quiet.schedule == (WorkingPeriod(2, time(8, 30), time(17, 30)),)
    assert not dialog.guidelines_button.isHidden()  # the open post window links to it now
    with qtbot.waitSignal(dialog.guidelines_requested) as clicked:
        dialog.guidelines_button.click()
    assert clicked.args == [guidelines]
    # Not live: saved, shown as applying at the next start, and not taken over now.
    assert controller._settings.server_time_zone == ""
    assert controller._settings.language == ""
    assert window.status.text() == (
        "Saved. Applies at the next start of Startpunt: Intranet time zone, Language."
    )
    path = settings_path(profile)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    saved = load(path)
    assert saved.poll_interval == timedelta(seconds=120)
    assert saved.alert_kinds.like is False
    assert (saved.server_time_zone, saved.language) == ("Europe/Amsterdam", "nl")
    assert saved.thanks_text == "Dank je wel!"
    assert not list(path.parent.glob("*.tmp*"))  # the atomic write left nothing behind


def test_start_at_login_is_switched_through_the_real_entry(qtbot, running, tmp_path) -> None:
    _parts, windows = running
    entry = tmp_path / "xdg" / "autostart" / "startpunt.desktop"
    windows.open_settings()
    window = windows.settings.window
    assert window is not None
    assert not entry.exists()
    _edit(window, "autostart", QCheckBox).setChecked(True)
    with qtbot.waitSignal(window.save_requested):
        window.save_button.click()
    assert entry.is_file()
    assert window.status.text() == "Saved. Your changes apply now."
    assert windows.settings.effective.settings.autostart is True


def test_a_locked_setting_is_never_saved_even_when_asked(qtbot, profile, tmp_path, monkeypatch):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"policy_version": 1, "locked": {"leaders": ["Directie"]}}))
    monkeypatch.setenv(POLICY_ENV, str(policy))
    parts = build(profile, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)
    windows = attach(parts, profile, tmp_path / "profile")
    try:
        windows.open_settings()
        window = windows.settings.window
        assert window is not None
        assert not window.rows["leaders"].editor.isEnabled()
        before = settings_path(profile).read_bytes()
        windows.settings.save({"leaders": ("Ik zelf",)})  # as if the window had offered it
        assert settings_path(profile).read_bytes() == before
        assert parts.controller._settings.leaders == ("Directie",)
    finally:
        windows.close()
        asyncio.run(shut_down(parts))


def test_a_settings_file_that_cannot_be_written_is_told_and_nothing_is_applied(
    qtbot, running, profile, monkeypatch
) -> None:
    from desktop import settings_host
    from services.store import StoreError

    parts, windows = running

    def refuse(*_args, **_kw):
        raise StoreError("disk full")

    monkeypatch.setattr(settings_host, "save", refuse)
    windows.open_settings()
    window = windows.settings.window
    assert window is not None
    _edit(window, "poll_interval", QSpinBox).setValue(300)
    window.save_button.click()
    assert window.status.text() == "Not saved: the settings file could not be written."
    assert parts.controller._poller.interval == timedelta(seconds=30)
    assert windows.settings.effective.settings.poll_interval == timedelta(seconds=30)


def test_the_tray_menu_opens_each_window_once(qtbot, running) -> None:
    parts, windows = running
    parts.tray.settings_action.trigger()
    parts.tray.help_action.trigger()
    parts.tray.about_action.trigger()
    assert windows.settings.window is not None
    assert windows.help is not None
    assert windows.about is not None
    first = (windows.settings.window, windows.help, windows.about)
    for window in first:
        qtbot.waitUntil(window.isVisible)
    parts.tray.settings_action.trigger()
    parts.tray.help_action.trigger()
    assert (windows.settings.window, windows.help, windows.about) == first
    assert "startpunt" in windows.help.command
    assert windows.help.command.endswith("post --profile " + str(parts.log_dir.parent))


def test_the_wizard_and_the_settings_window_name_the_alert_kinds_alike(qtbot):
    """One set of words per alert kind: the first-run wizard shows what Settings shows."""
    from ui.onboarding.choices_page import ChoicesPage, WizardChoices

    page = ChoicesPage(WizardChoices(AlertKinds(), (), autostart=True), frozenset())
    qtbot.addWidget(page)
    shown = {box.text() for box in page.findChildren(QCheckBox)}
    assert set(alert_kind_words().values()) <= shown


def test_the_community_settings_round_trip_through_the_window(qtbot) -> None:
    """Shown as saved (nothing offered for saving), then edited into typed, decoded values."""
    window = declared_window()
    qtbot.addWidget(window)
    chosen = Settings(
        kudos_space="Complimenten", leader_nudge="tue 10:15", jouw_week=False, jouw_week_day=2,
        jouw_week_time="14:30", profile_nudge=False, weekly_tip=True,
    )  # fmt: skip
    window.set_settings(chosen, frozenset())
    assert window.collect() == ({}, {})
    rows = window.rows
    rows["kudos_space"].editor.setText("  In het   zonnetje ")  # type: ignore[attr-defined]
    rows["leader_nudge"].editor.setText("")  # type: ignore[attr-defined]
    rows["jouw_week"].editor.setChecked(True)  # type: ignore[attr-defined]
    rows["jouw_week_day"].editor.setCurrentIndex(4)  # type: ignore[attr-defined]
    rows["jouw_week_time"].editor.setText("16:00")  # type: ignore[attr-defined]
    rows["profile_nudge"].editor.setChecked(True)  # type: ignore[attr-defined]
    rows["weekly_tip"].editor.setChecked(False)  # type: ignore[attr-defined]
    changed, problems = window.collect()
    assert problems == {}
    assert changed == {
        "kudos_space": "In het zonnetje", "leader_nudge": "", "jouw_week": True,
        "jouw_week_day": 4, "jouw_week_time": "16:00", "profile_nudge": True, "weekly_tip": False,
    }  # fmt: skip
    rows["jouw_week_time"].editor.setText("25:99")  # type: ignore[attr-defined]
    assert set(window.collect()[1]) == {"jouw_week_time"}
    window.set_settings(chosen, frozenset({"jouw_week", "weekly_tip"}))
    assert not rows["jouw_week"].editor.isEnabled()
    assert not rows["weekly_tip"].editor.isEnabled()
