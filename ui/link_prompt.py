"""The "copy link" dialog for a link Startpunt refused to open, showing where it really leads.

Plain text only: the host and the address come from the server and are shown literally, with
control and bidi characters removed (what is copied is exactly what is shown).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.link_policy import LinkVerdict
from services.text import strip_controls
from ui.plain_label import plain_label


class LinkPromptDialog(QDialog):
    """Explains why a link did not open and offers to copy it; emits `link_copied(url)`."""

    link_copied = Signal(str)

    def __init__(self, verdict: LinkVerdict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = "".join(strip_controls(verdict.url).split())
        self.host = strip_controls(verdict.shown_host).strip()
        self.setWindowTitle(self.tr("Link not opened"))
        if self.host:
            intro = self.tr(
                "This link leads to another website. Startpunt only opens links to your intranet."
            )
        else:
            intro = self.tr(
                "This is not a web address on your intranet, so Startpunt won't open it."
            )
        self.intro_label = plain_label(intro, self, "intro")
        self.host_caption = plain_label(self.tr("It really goes to:"), self, "hostCaption")
        self.host_label = plain_label(self.host, self, "host")
        font = self.host_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.host_label.setFont(font)
        self.host_label.setAccessibleName(self.tr("Website"))
        self.host_caption.setVisible(bool(self.host))
        self.host_label.setVisible(bool(self.host))
        self.url_field = QLineEdit(self.url, self)
        self.url_field.setReadOnly(True)
        self.url_field.setCursorPosition(0)
        self.url_field.setAccessibleName(self.tr("Link address"))
        advice = self.tr("Copy the link only if you trust where it goes.")
        self.advice_label = plain_label(advice, self, "advice")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy link"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the link address"))
        self.copy_button.setEnabled(bool(self.url))
        self.copy_button.clicked.connect(self.copy_link)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (self.intro_label, self.host_caption, self.host_label, self.url_field):
            layout.addWidget(widget)
        layout.addWidget(self.advice_label)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.setMinimumWidth(380)

    def copy_link(self) -> None:
        """Put the (shown) address on the clipboard."""
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.url)
        self.copy_button.setText(self.tr("Copied"))
        self.link_copied.emit(self.url)
