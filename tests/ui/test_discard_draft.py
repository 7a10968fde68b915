"""Discarding a long draft asks first; a short one goes at once."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from services.compose import Draft
from ui.quick_post_dialog import QuickPostDialog


@pytest.fixture
def asked(monkeypatch):
    answers: list[QMessageBox.StandardButton] = []
    questions: list[str] = []

    def question(_parent, _title, text, *_args):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers, questions


def test_a_long_draft_is_discarded_only_after_a_yes(qtbot, asked):
    answers, questions = asked
    dialog = QuickPostDialog()
    qtbot.addWidget(dialog)
    long_text = "Een lang verhaal. " * 1200  # ~20,000 characters
    dialog.set_draft(Draft(long_text))
    discarded: list[Draft] = []
    dialog.draft_discarded.connect(discarded.append)
    answers.append(QMessageBox.StandardButton.Cancel)
    dialog.discard_button.click()
    assert dialog.editor.toPlainText() == long_text
    assert discarded == []
    assert "21,600" in questions[0] or "21600" in questions[0]
    answers.append(QMessageBox.StandardButton.Discard)
    dialog.discard_button.click()
    assert dialog.editor.toPlainText() == ""
    assert [d.text for d in discarded] == [long_text]


def test_a_short_draft_is_discarded_without_a_question(qtbot, asked):
    _, questions = asked
    dialog = QuickPostDialog()
    qtbot.addWidget(dialog)
    dialog.set_draft(Draft("Kort"))
    dialog.discard_button.click()
    assert dialog.editor.toPlainText() == ""
    assert questions == []


def test_enter_in_the_topic_field_never_discards_the_draft(qtbot, asked):
    """The dialog has no default button: Enter in a one-line field must not press "Discard
    draft" (a QDialog makes the first auto-default button the default)."""
    _, questions = asked
    dialog = QuickPostDialog(topics_supported=True)
    qtbot.addWidget(dialog)
    dialog.set_draft(Draft("Kort maar krachtig"))
    dialog.show()
    qtbot.waitExposed(dialog)
    discarded: list[Draft] = []
    dialog.draft_discarded.connect(discarded.append)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    # Tab through the buttons as a keyboard user does, then back into the one-line fields.
    for button in (dialog.post_button, dialog.discard_button, dialog.close_button):
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.target, Qt.Key.Key_Enter)
    assert discarded == []
    assert questions == []
    assert dialog.editor.toPlainText() == "Kort maar krachtig"
    assert not dialog.discard_button.isDefault()
