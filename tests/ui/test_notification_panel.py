"""NotificationPanel: what it shows, the intents it emits, and keyboard-only use."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from services.models import NotificationKind
from tests.ui.samples import NOW, mixed, note
from ui.notification_list import NotificationList
from ui.notification_model import NotificationRole
from ui.notification_panel import NotificationPanel, popup_position


@pytest.fixture
def panel(qtbot):
    widget = NotificationPanel(as_window=True, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.set_notifications(mixed(), {2, 4})
    return widget


def _shown_ids(panel) -> list[int]:
    proxy = panel.proxy
    return [proxy.index(r, 0).data(NotificationRole.ID) for r in range(proxy.rowCount())]


def _row_point(panel, row: int) -> QPoint:
    rect: QRect = panel.list_view.visualRect(panel.proxy.index(row, 0))
    return rect.center()


def _pill_point(panel, row: int) -> QPoint:
    view = panel.list_view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    index = panel.proxy.index(row, 0)
    option.rect = view.visualRect(index)
    pill: QRect | None = view.itemDelegate().layout_row(option, index).pill_rect
    assert pill is not None
    return pill.center()


def _show(qtbot, panel) -> None:
    panel.show_near(None)
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list_view)


def test_notification_panel_shows_newest_first_with_unread_count(panel):
    assert _shown_ids(panel) == [4, 2, 1, 3, 5, 6]
    assert panel.stack.currentWidget() is panel.list_view
    assert panel.header.count_label.text() == "2 unread"
    assert panel.mark_all_button.isEnabled()


def test_notification_panel_empty_state(qtbot):
    panel = NotificationPanel(as_window=True)
    qtbot.addWidget(panel)
    assert panel.stack.currentIndex() == 1
    assert panel.empty_label.text() == "Nothing new. Enjoy your day!"
    assert not panel.mark_all_button.isEnabled()
    panel.set_notifications([note(1)], set())
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findData("polls"))
    assert panel.empty_label.text() == "No notifications of this kind."
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findData("all"))
    assert panel.stack.currentWidget() is panel.list_view


def test_notification_panel_filters_by_kind(panel):
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findData("comments"))
    assert _shown_ids(panel) == [2]
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findData("other"))
    assert _shown_ids(panel) == [5, 6]
    labels = [panel.filter_combo.itemText(i) for i in range(panel.filter_combo.count())]
    assert labels == ["All", "Likes", "Comments", "Mentions", "Polls", "Other"]


def test_notification_panel_mark_all_read(qtbot, panel):
    with qtbot.waitSignal(panel.mark_all_read_requested, timeout=1000):
        qtbot.mouseClick(panel.mark_all_button, Qt.MouseButton.LeftButton)
    assert panel.model.unread_count() == 0
    assert not panel.mark_all_button.isEnabled()
    assert panel.header.count_label.text() == ""


def test_notification_panel_click_opens_and_marks_read(qtbot, panel):
    _show(qtbot, panel)
    with qtbot.waitSignal(panel.open_requested, timeout=1000) as opened:
        qtbot.mouseClick(
            panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(panel, 0)
        )
    assert opened.args == [4]
    assert panel.model.unread_count() == 1


def test_notification_panel_double_click_opens_once(qtbot, panel):
    _show(qtbot, panel)
    opened: list[int] = []
    panel.open_requested.connect(opened.append)
    viewport = panel.list_view.viewport()
    point = _row_point(panel, 1)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert opened == [2]


def test_notification_panel_thanks_button_thanks_without_opening(qtbot, panel):
    _show(qtbot, panel)
    opened: list[int] = []
    panel.open_requested.connect(opened.append)
    with qtbot.waitSignal(panel.thank_requested, timeout=1000) as thanked:
        qtbot.mouseClick(
            panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=_pill_point(panel, 1)
        )
    assert thanked.args == [2]
    assert opened == []
    with qtbot.assertNotEmitted(panel.thank_requested):  # no double thanks
        qtbot.mouseClick(
            panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=_pill_point(panel, 1)
        )
    panel.mark_thanked(2, False)  # the controller says it failed: may try again
    with qtbot.waitSignal(panel.thank_requested, timeout=1000):
        qtbot.mouseClick(
            panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=_pill_point(panel, 1)
        )


def test_notification_panel_hides_thanks_when_the_server_cannot_comment(qtbot, panel):
    view = panel.list_view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    index = panel.proxy.index(1, 0)  # the comment
    option.rect = QRect(0, 0, 380, 80)
    assert view.itemDelegate().layout_row(option, index).pill == "Thanks!"
    panel.set_can_thank(False)
    assert view.itemDelegate().layout_row(option, index).pill_rect is None
    _show(qtbot, panel)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # to the comment
    with qtbot.assertNotEmitted(panel.thank_requested):
        qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not view.thank_action.isVisible()


def test_notification_panel_works_with_the_keyboard_alone(qtbot, panel):
    _show(qtbot, panel)
    view: NotificationList = panel.list_view
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.open_requested, timeout=1000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [2]
    with qtbot.waitSignal(panel.thank_requested, timeout=1000) as thanked:
        qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert thanked.args == [2]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.mark_all_button
    qtbot.keyClick(panel.mark_all_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.filter_combo
    qtbot.keyClick(panel.filter_combo, Qt.Key.Key_Down)  # Likes
    assert _shown_ids(panel) == [1]
    qtbot.keyClick(panel.filter_combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    qtbot.keyClick(panel.filter_combo, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is panel.mark_all_button
    with qtbot.waitSignal(panel.mark_all_read_requested, timeout=1000):
        qtbot.keyClick(panel.mark_all_button, Qt.Key.Key_Space)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_notification_panel_controls_have_accessible_names(panel):
    for widget in (panel.list_view, panel.filter_combo, panel.mark_all_button, panel.status_label):
        assert widget.accessibleName()
    assert panel.list_view.accessibleDescription()


def test_notification_panel_keeps_the_current_row_across_updates(qtbot, panel):
    _show(qtbot, panel)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Down)  # notification 1
    panel.set_notifications([note(8, minutes_ago=0), *mixed()], {8})
    assert panel.list_view.currentIndex().data(NotificationRole.ID) == 1


def test_notification_panel_status_line(panel):
    assert panel.status_label.isHidden()
    panel.set_status("Offline. Trying again in 2 minutes.")
    assert not panel.status_label.isHidden()
    assert panel.status_label.text() == "Offline. Trying again in 2 minutes."
    panel.set_status("")
    assert panel.status_label.isHidden()


def test_notification_panel_asks_for_a_refresh_when_shown(qtbot, panel):
    with qtbot.waitSignal(panel.refresh_requested, timeout=1000):
        panel.show_near(None)


def test_notification_panel_window_or_popup(qtbot):
    popup = NotificationPanel()
    qtbot.addWidget(popup)
    assert popup.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert popup.windowType() == Qt.WindowType.Tool
    popup.set_window_mode(True)
    assert popup.windowType() == Qt.WindowType.Window
    assert not popup.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (QRect(1800, 1050, 24, 24), QPoint(1512, 502)),  # bottom-right tray: above, clamped right
        (QRect(1000, 0, 24, 24), QPoint(812, 32)),  # top bar: below
        (QRect(0, 1050, 24, 24), QPoint(8, 502)),  # bottom-left: clamped left
    ],
)
def test_notification_panel_popup_sits_next_to_the_tray(anchor, expected):
    screen = QRect(0, 0, 1920, 1080)
    assert popup_position(anchor, QSize(400, 540), screen) == expected


def test_notification_panel_render_in_dutch(qtbot, tmp_path):
    panel = NotificationPanel(clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.set_notifications(
        [note(1, NotificationKind.COMMENT, text="Pieter reageerde: " + "heel goed! " * 30)], {1}
    )
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.grab().save(str(tmp_path / "panel.png"))
