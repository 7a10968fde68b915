"""Server text is never rich text: labels, buttons, tool tips and painted rows show it literally.

RELIABILITY.md rows 20 and 22: markup, images and links in names and texts; bidi overrides.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QStyleOptionViewItem, QWidget

from services.link_policy import judge_link
from services.models import NotificationKind
from tests.ui.samples import NOW, note
from ui.link_prompt import LinkPromptDialog
from ui.notification_model import NotificationRole
from ui.notification_panel import NotificationPanel

IMG = '<b>x</b><img src="file:///etc/passwd" width=400 height=300>'
LINK = '<a href="javascript:alert(1)">klik</a>'
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def _hostile_panel(qtbot) -> NotificationPanel:
    panel = NotificationPanel(as_window=True, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.set_notifications(
        [
            note(1, NotificationKind.COMMENT, who=IMG, text=f"{LINK} {IMG}", minutes_ago=1),
            note(2, NotificationKind.LIKE, who=LINK, text=IMG, minutes_ago=2),
        ],
        {1},
    )
    panel.set_status(IMG)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _rows(panel, width: int = 380):
    view = panel.list_view
    for row in range(panel.proxy.rowCount()):
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        index = panel.proxy.index(row, 0)
        option.rect = QRect(0, 0, width, view.itemDelegate().sizeHint(option, index).height())
        yield index, view.itemDelegate().layout_row(option, index)


def _painted(layout) -> list[str]:
    return [layout.name, layout.time, *layout.lines, layout.pill]


def test_plain_text_every_label_is_plain(qtbot):
    panel = _hostile_panel(qtbot)
    labels = panel.findChildren(QLabel)
    assert labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert panel.status_label.text() == IMG
    assert panel.status_label.sizeHint().height() < 100  # no 400x300 image was laid out


def test_plain_text_buttons_and_widget_tooltips_carry_no_server_markup(qtbot):
    panel = _hostile_panel(qtbot)
    for widget in [panel, *panel.findChildren(QWidget)]:
        assert "<img" not in widget.toolTip()
        assert "<a " not in widget.toolTip()
    for button in panel.findChildren(QAbstractButton):
        assert "<" not in button.text()


def test_plain_text_rows_paint_the_literal_characters(qtbot):
    panel = _hostile_panel(qtbot)
    rows = dict((index.data(NotificationRole.ID), layout) for index, layout in _rows(panel, 2000))
    assert rows[1].name == IMG
    assert " ".join(rows[1].lines) == f"{LINK} {IMG}"
    assert rows[2].name == LINK


def test_plain_text_item_tooltips_show_markup_as_text(qtbot):
    panel = _hostile_panel(qtbot)
    for index, _layout in _rows(panel):
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        document = QTextDocument()
        document.setHtml(tip)
        shown = document.toPlainText()
        assert '<img src="file:///etc/passwd"' in shown or "<a href=" in shown
        assert "<img" not in document.toHtml().split("<body", 1)[1].replace("&lt;img", "")


def test_plain_text_bidi_overrides_are_never_painted(qtbot):
    panel = NotificationPanel(as_window=True, clock=lambda: NOW)
    qtbot.addWidget(panel)
    # services.text strips these before the connector returns; the panel strips them again.
    evil = "invoice\u202egpj.exe"
    panel.set_notifications([note(1, who=f"Jan{BIDI} de Boer", text=f"{evil} {BIDI}leuk")], {1})
    ((index, layout),) = list(_rows(panel))
    for text in _painted(layout):
        assert not set(text) & set(BIDI), text
    assert layout.name == "Jan de Boer"
    assert layout.lines == ("invoicegpj.exe leuk",)
    assert not set(index.data(Qt.ItemDataRole.AccessibleTextRole)) & set(BIDI)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(name=st.text(max_size=300), text=st.text(max_size=2000))
def test_plain_text_any_text_is_stripped_and_elided(qtbot, name, text):
    panel = NotificationPanel(as_window=True, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.set_notifications(
        [note(1, NotificationKind.COMMENT, who=name or "x", text=text or "y")], {1}
    )
    ((_index, layout),) = list(_rows(panel, 380))
    for painted in _painted(layout):
        assert not set(painted) & set(BIDI)
        assert "\n" not in painted
        assert "\x00" not in painted
    assert len(layout.lines) <= 2
    assert layout.name_rect.width() <= 380


def test_plain_text_ten_thousand_character_name_is_elided(qtbot):
    panel = NotificationPanel(as_window=True, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.set_notifications([note(1, who="W" * 10_000, text="é" * 10_000)], set())
    ((_index, layout),) = list(_rows(panel, 380))
    font = panel.list_view.font()
    font.setBold(True)
    assert layout.name.endswith("…")
    assert QFontMetrics(font).horizontalAdvance(layout.name) <= layout.name_rect.width() + 2
    assert layout.lines[-1].endswith("…")


def test_plain_text_link_prompt_shows_the_real_host(qtbot):
    verdict = judge_link(
        "https://intranet.example@evil.example/<b>x</b>", intranet="https://intranet.example"
    )
    assert not verdict.allowed
    dialog = LinkPromptDialog(verdict)
    qtbot.addWidget(dialog)
    assert dialog.host_label.text() == "evil.example"
    assert dialog.host_label.isVisibleTo(dialog)
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    with qtbot.waitSignal(dialog.link_copied, timeout=1000) as copied:
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert copied.args == [dialog.url_field.text()]
    assert QGuiApplication.clipboard().text() == dialog.url_field.text()
    assert dialog.copy_button.text() == "Copied"


def test_plain_text_link_prompt_without_host(qtbot):
    dialog = LinkPromptDialog(
        judge_link("javascript:alert(1)", intranet="https://intranet.example")
    )
    qtbot.addWidget(dialog)
    assert dialog.host == ""
    assert not dialog.host_label.isVisibleTo(dialog)
    assert "not a web address" in dialog.intro_label.text()


def test_plain_text_link_prompt_strips_bidi_from_the_address(qtbot):
    verdict = judge_link("https://evil.example/\u202eexe.pdf", intranet="https://intranet.example")
    dialog = LinkPromptDialog(verdict)
    qtbot.addWidget(dialog)
    assert "\u202e" not in dialog.url_field.text()
    assert dialog.url_field.text() == "https://evil.example/exe.pdf"
