"""QuickPostDialog: targets, @mention completion, drafts, validation, keyboard only."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from services.compose import Composition, Draft
from services.mentions import MAX_LENGTH, mentioned
from services.models import Container, Person
from ui.quick_post_dialog import QuickPostDialog

ME = Container(1, "g-me", "Sanne de Vries", 10, is_space=False)
TEAM = Container(3, "g-team", "Team Zorg", 30)
MARKT = Container(4, "g-markt", "Marktplaats", 40)
JAN = Person(7, "g-jan", "Jan de Boer", "https://i.example/u/jan/")
JANNEKE = Person(8, "g-janneke", "Janneke Smit", "")
PEOPLE = [JAN, JANNEKE, Person(9, "g-fatima", "Fatima El Amrani", "")]


def search(prefix):
    low = prefix.casefold()
    return [p for p in PEOPLE if any(w.casefold().startswith(low) for w in p.display_name.split())
            or p.display_name.casefold().startswith(low)]  # fmt: skip


@pytest.fixture
def dialog(qtbot):
    dlg = QuickPostDialog(search, guidelines_url="https://i.example/p/richtlijnen")
    qtbot.addWidget(dlg)
    dlg.set_targets([TEAM, ME, MARKT], selected=None)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.editor.setFocus()
    return dlg


def test_quick_post_dialog_offers_targets_recent_first_and_filters(dialog, qtbot):
    names = [dialog.target.itemText(i) for i in range(dialog.target.count())]
    assert names == ["Team Zorg", "Sanne de Vries (my profile)", "Marktplaats"]
    assert dialog.target.current_target() == TEAM
    dialog.target.setFocus()
    dialog.target.lineEdit().selectAll()
    qtbot.keyClicks(dialog.target.lineEdit(), "markt")
    completer = dialog.target.completer()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Marktplaats"
    dialog.target.lineEdit().setText(completer.currentCompletion())
    assert dialog.target.current_target() == MARKT


def test_quick_post_dialog_completes_mentions_and_encodes_them(dialog, qtbot):
    qtbot.keyClicks(dialog.editor, "Dank je @Jan")
    popup = dialog.editor.completer.popup()
    assert popup.isVisible()
    assert dialog.editor.completer.completionCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert dialog.editor.toPlainText() == "Dank je @Janneke Smit "
    qtbot.keyClicks(dialog.editor, "voor de hulp!")
    with qtbot.waitSignal(dialog.post_requested) as sent:
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    composition = sent.args[0]
    assert isinstance(composition, Composition)
    assert composition.target == TEAM
    assert composition.draft.mentions == (JANNEKE,)
    from services.mentions import compose

    message = compose(composition.draft.text, composition.draft.mentions)
    assert mentioned(message) == (("Janneke Smit", "g-janneke"),)


def test_quick_post_dialog_validates_before_sending(dialog, qtbot):
    emitted: list[object] = []
    dialog.post_requested.connect(emitted.append)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.message.text() == "Write something first."
    dialog.editor.setPlainText("x" * (MAX_LENGTH + 3))
    dialog.request_post()
    assert dialog.message.text() == "Your post is 3 character(s) too long."
    assert dialog.count.text() == f"{MAX_LENGTH + 3} / {MAX_LENGTH}"
    dialog.editor.setPlainText("Goed")
    dialog.target.lineEdit().setText("bestaat niet")
    dialog.request_post()
    assert dialog.message.text() == "Choose where to post."
    assert emitted == []
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText


def test_quick_post_dialog_saves_drafts_debounced_and_on_escape(dialog, qtbot):
    saved: list[Draft] = []
    dialog.draft_changed.connect(saved.append)
    qtbot.keyClicks(dialog.editor, "Half af")
    assert saved == []
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=3000)
    assert saved[0] == Draft("Half af", 30)
    qtbot.keyClicks(dialog.editor, " en meer")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert saved[-1].text == "Half af en meer"
    assert dialog.editor.toPlainText() == "Half af en meer"  # Esc keeps it


def test_quick_post_dialog_restores_a_draft(dialog):
    dialog.set_draft(Draft("Dank je @Jan de Boer", 40, (JAN,), editing="cid-1"))
    assert dialog.editor.toPlainText() == "Dank je @Jan de Boer"
    assert dialog.target.current_target() == MARKT
    draft = dialog.draft()
    assert draft.mentions == (JAN,)
    assert draft.editing == "cid-1"


def test_quick_post_dialog_keeps_text_when_saving_fails(dialog, qtbot):
    qtbot.keyClicks(dialog.editor, "Belangrijk")
    dialog.show_save_failed(disk_full=True)
    assert dialog.message.text() == "Couldn't save — disk full. Your text is still here."
    assert dialog.editor.toPlainText() == "Belangrijk"
    assert dialog.isVisible()


def test_quick_post_dialog_clears_and_closes_once_queued(dialog):
    dialog.editor.setPlainText("Klaar")
    dialog.mark_queued()
    assert not dialog.isVisible()
    assert dialog.editor.toPlainText() == ""


def test_quick_post_dialog_guidelines_link_is_an_intent(dialog, qtbot):
    assert dialog.coaching.textFormat() == Qt.TextFormat.PlainText
    assert "thank a colleague" in dialog.coaching.text()
    with qtbot.waitSignal(dialog.guidelines_requested) as asked:
        dialog.guidelines_button.click()
    assert asked.args == ["https://i.example/p/richtlijnen"]


def test_quick_post_dialog_is_usable_by_keyboard_only(dialog, qtbot):
    dialog.target.setFocus()
    order = []
    for _ in range(6):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.editor in order
    assert dialog.post_button in order
    for widget in (dialog.editor, dialog.target, dialog.post_button):
        assert widget.accessibleName() or getattr(widget, "text", str)()
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText or not label.text()


def test_quick_post_dialog_pastes_plain_text_only(dialog):
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setHtml("<b>vet</b><img src='file:///etc/x.png'>")
    mime.setText("vet")
    dialog.editor.insertFromMimeData(mime)
    assert dialog.editor.toPlainText() == "vet"
