"""Page 1, "Your intranet": the address, checked before Next; or "Try the demo"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWizardPage

from ui.onboarding.common import plain_label, status_label

CheckLine = tuple[str, bool, str]  # translated step, passed, the check's own (English) detail


class AddressPage(QWizardPage):
    """Asks for the intranet's address; Next waits for the connection checks to pass."""

    check_requested = Signal(str)  # the address as typed
    demo_requested = Signal()

    def __init__(self, *, locked_address: str = "") -> None:
        super().__init__()
        self.setTitle(self.tr("Your intranet"))
        self.setSubTitle(
            self.tr("Startpunt brings your intranet's news to this computer. Where is it?")
        )
        column = QVBoxLayout(self)
        column.addWidget(plain_label(self.tr("Intranet address"), self))
        self.address_edit = QLineEdit(self)
        self.address_edit.setAccessibleName(self.tr("Intranet address"))
        self.address_edit.setPlaceholderText("https://intranet.example.org")
        column.addWidget(self.address_edit)
        self.locked_label = plain_label(self.tr("Set by your organisation"), self)
        column.addWidget(self.locked_label)
        self.status = status_label(self)
        column.addWidget(self.status)
        self.details = plain_label("", self)
        self.details.setAccessibleName(self.tr("What was checked"))
        column.addWidget(self.details)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("No intranet at hand? See how it works:"), self), 1)
        self.demo_button = QPushButton(self.tr("Try the demo"), self)
        self.demo_button.setAccessibleName(self.tr("Try the demo"))
        self.demo_button.setAutoDefault(False)
        self.demo_button.clicked.connect(self.demo_requested)
        row.addWidget(self.demo_button)
        column.addLayout(row)
        self.verified = ""  # the normalised address the checks passed for
        self._checking = False
        self.address_edit.setText(locked_address)
        self.address_edit.setReadOnly(bool(locked_address))
        self.locked_label.setVisible(bool(locked_address))
        self.address_edit.textEdited.connect(self._edited)

    def set_address(self, address: str) -> None:
        """Fill in a known address (from the settings); the user may change it."""
        if not self.address_edit.isReadOnly():
            self.address_edit.setText(address)

    def _edited(self, _text: str) -> None:
        self.verified = ""
        self.status.setText("")
        self.details.setText("")

    def validatePage(self) -> bool:
        if self.verified:
            return True
        if not self._checking:
            self._checking = True
            self.status.setText(self.tr("Checking the connection…"))
            self.details.setText("")
            self.check_requested.emit(self.address_edit.text())
        return False

    def show_result(self, address: str, cause: str, lines: Sequence[CheckLine]) -> bool:
        """The checks' answer: `address` (normalised) when they passed, else "" and `cause`.
        Returns whether the wizard may go on."""
        self._checking = False
        self.details.setText("\n".join(f"{'✓' if ok else '✗'} {step}" for step, ok, _ in lines))
        if not address:
            self.status.setText(cause)
            self.address_edit.setFocus()
            return False
        self.verified = address
        if not self.address_edit.isReadOnly():
            self.address_edit.setText(address)
        self.status.setText(self.tr("Found your intranet."))
        return True
