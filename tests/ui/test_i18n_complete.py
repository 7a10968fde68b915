"""The translation files are complete and well-formed, and the compiled Dutch file works."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QTranslator

import resources
from ui.quick_post_dialog import QuickPostDialog

LANGUAGES = ("nl", "en")
PLACEHOLDER = re.compile(r"%L?(?:[1-9]|n)")
ACCELERATOR = re.compile(r"&([^&\s])")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    kind: str  # the translation's type attribute; "" when finished
    forms: tuple[str, ...]  # the translation, or its plural forms

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def _i18n_dir() -> Path:
    return resources.path("i18n")


def _messages(language: str) -> list[Message]:
    # Our own files from the repository, not untrusted input.
    root = ET.parse(_i18n_dir() / f"startpunt_{language}.ts").getroot()  # noqa: S314
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: no <translation>"
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    numerus,
                    translation.get("type", ""),
                    forms,
                )
            )
    return found


def _each_form(language: str) -> Iterator[tuple[Message, str]]:
    for message in _messages(language):
        for form in message.forms:
            yield message, form


@pytest.mark.parametrize("language", LANGUAGES)
def test_i18n_nothing_unfinished_or_empty(language):
    messages = _messages(language)
    assert messages
    unfinished = [str(m) for m in messages if m.kind]
    empty = [str(m) for m in messages if not m.forms or not all(f.strip() for f in m.forms)]
    assert unfinished == []
    assert empty == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_i18n_placeholders_match_the_source(language):
    wrong = [
        f"{message} -> {form!r}"
        for message, form in _each_form(language)
        if Counter(PLACEHOLDER.findall(form)) != Counter(PLACEHOLDER.findall(message.source))
    ]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_i18n_plurals_have_singular_and_plural(language):
    wrong = [
        f"{m} has {len(m.forms)} forms"
        for m in _messages(language)
        if m.numerus and len(m.forms) != 2
    ]
    assert wrong == []


def test_i18n_english_file_holds_every_plural():
    dutch_plurals = {(m.context, m.source) for m in _messages("nl") if m.numerus}
    english = _messages("en")
    assert all(m.numerus for m in english)
    assert {(m.context, m.source) for m in english} == dutch_plurals


def test_i18n_english_plurals_differ():
    # "%n unread" reads the same either way; everything else has a real plural.
    same = [str(m) for m in _messages("en") if m.forms[0] == m.forms[1] and m.source != "%n unread"]
    assert same == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_i18n_keeps_ellipsis_and_accelerators(language):
    wrong = []
    letters: dict[str, list[str]] = {}
    for message, form in _each_form(language):
        if message.source.endswith("…") != form.endswith("…"):
            wrong.append(f"{message}: ellipsis -> {form!r}")
        source_keys = ACCELERATOR.findall(message.source)
        keys = ACCELERATOR.findall(form)
        if len(source_keys) != len(keys):
            wrong.append(f"{message}: accelerator -> {form!r}")
        letters.setdefault(message.context, []).extend(k.lower() for k in keys)
    assert wrong == []
    clashes = {c: ks for c, ks in letters.items() if len(ks) != len(set(ks))}
    assert clashes == {}


@pytest.fixture
def dutch(qapp):
    translator = QTranslator()
    assert translator.load("startpunt_nl", str(_i18n_dir()))
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_i18n_dutch_qm_translates_known_strings(dutch):
    assert dutch.translate("TrayIcon", "Quit") == "Afsluiten"
    assert dutch.translate("TrayIcon", "New post…") == "Nieuw bericht…"
    assert dutch.translate("Alerts", "Thanks!") == "Bedankt!"
    assert dutch.translate("QuickPostDialog", "Close") == "Sluiten"
    assert dutch.translate("TrayIcon", "%n new notification(s)", None, 1) == "%n nieuwe melding"
    assert dutch.translate("TrayIcon", "%n new notification(s)", None, 4) == ("%n nieuwe meldingen")


def test_i18n_dutch_plurals_through_the_app(dutch):
    QCoreApplication.installTranslator(dutch)
    assert QCoreApplication.translate("TrayIcon", "%n new notification(s)", None, 1) == (
        "1 nieuwe melding"
    )
    text = QCoreApplication.translate(
        "QuickPostDialog", "Your post is %n character(s) too long.", None, 12
    )
    assert text == "Je bericht is 12 tekens te lang."


def test_i18n_dutch_save_failure_clears_once_saved(dutch, qtbot):
    # show_saved() recognises a failure by the "Couldn't save" prefix: the translations
    # of both failure messages must start with the translation of that prefix.
    QCoreApplication.installTranslator(dutch)
    dialog = QuickPostDialog()
    qtbot.addWidget(dialog)
    for disk_full in (True, False):
        dialog.show_save_failed(disk_full=disk_full)
        assert dialog.message.text().startswith("Opslaan lukt niet")
        dialog.show_saved()
        assert dialog.message.text() == ""
