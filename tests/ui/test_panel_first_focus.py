"""The panel's first opening: the list gets the keyboard once its items arrive (en and nl)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.i18n import install_translations
from desktop.panel_host import PanelHost
from tests.fakes.port import make_notification


@pytest.fixture(params=["en", "nl"])
def language(request, qapp):
    install_translations(qapp, request.param)
    yield request.param
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


def test_first_opening_focuses_the_list_with_the_first_item_current(qtbot, language):
    host = PanelHost(as_window=True)
    host.show_near(None)  # as the tray does: the items come when the panel asks for them
    panel = host.panel()
    qtbot.addWidget(panel)
    qtbot.waitExposed(panel)
    panel.activateWindow()
    items = (make_notification(3), make_notification(2), make_notification(1))
    host.set_notifications(items, {3, 2})  # the controller's answer to refresh_requested
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list_view)
    assert panel.list_view.currentIndex().row() == 0
    choice = panel.filter_combo.currentIndex()
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Down)
    assert panel.filter_combo.currentIndex() == choice  # ↓ moves in the list, not the filter
    assert panel.list_view.currentIndex().row() == 1
    with qtbot.waitSignal(host.open_requested) as opened:
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    assert opened.args == [2]
    if language == "nl":
        assert panel.header.title_label.text() == "Meldingen"


def test_a_later_push_does_not_steal_the_focus_the_user_moved(qtbot):
    host = PanelHost(as_window=True)
    host.show_near(None)
    panel = host.panel()
    qtbot.addWidget(panel)
    qtbot.waitExposed(panel)
    host.set_notifications((make_notification(1),), set())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list_view)
    panel.filter_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.filter_combo)
    host.set_notifications((make_notification(2), make_notification(1)), set())
    assert QApplication.focusWidget() is panel.filter_combo
