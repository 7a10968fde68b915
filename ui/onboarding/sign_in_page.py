"""Page 2, "Sign in": username and password, or a token pasted from the intranet.

One attempt per Next: a refusal is shown and the user decides what to do (HumHub throttles
failed sign-ins, so nothing here tries again by itself).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWizardPage

from ui.onboarding.common import plain_label, status_label


class SignInPage(QWizardPage):
    """Asks for credentials; Next waits for the sign-in's answer."""

    password_given = Signal(str, str)  # username, password
    token_given = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Sign in"))
        self.setSubTitle(self.tr("Use the username and password of your intranet."))
        column = QVBoxLayout(self)
        self.address_label = plain_label("", self, name=self.tr("Intranet address"))
        column.addWidget(self.address_label)
        form = QFormLayout()
        self.username_edit = QLineEdit(self)
        self.username_edit.setAccessibleName(self.tr("Username"))
        form.addRow(self.tr("Username"), self.username_edit)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("Password"), self.password_edit)
        column.addLayout(form)
        self.use_token_box = QCheckBox(self.tr("Sign in with a token instead"), self)
        self.use_token_box.setAccessibleName(self.tr("Sign in with a token instead"))
        column.addWidget(self.use_token_box)
        self.token_hint = plain_label(
            self.tr(
                "A token comes from your intranet's REST API settings (ask IT if you have none). "
                "Startpunt keeps it in this computer's keychain, never in a file."
            ),
            self,
        )
        column.addWidget(self.token_hint)
        self.token_edit = QLineEdit(self)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setAccessibleName(self.tr("Token"))
        column.addWidget(self.token_edit)
        self.status = status_label(self)
        column.addWidget(self.status)
        column.addStretch(1)
        self.use_token_box.toggled.connect(self._show_mode)
        for edit in (self.username_edit, self.password_edit, self.token_edit):
            edit.textEdited.connect(self._edited)
        self.signed_in = False
        self._busy = False
        self._show_mode(False)

    def set_address(self, address: str) -> None:
        self.address_label.setText(self.tr("Intranet: {address}").format(address=address))

    def _show_mode(self, token: bool) -> None:
        for widget in (self.username_edit, self.password_edit):
            widget.setEnabled(not token)
        self.token_hint.setVisible(token)
        self.token_edit.setVisible(token)
        (self.token_edit if token else self.username_edit).setFocus()

    def _edited(self, _text: str) -> None:
        self.signed_in = False

    def initializePage(self) -> None:
        self.signed_in = False
        self.status.setText("")

    def validatePage(self) -> bool:
        if self.signed_in:
            return True
        if self._busy:
            return False
        if self.use_token_box.isChecked():
            token = self.token_edit.text().strip()
            if not token:
                self.status.setText(self.tr("Paste your token first."))
                return False
            self._start()
            self.token_given.emit(token)
        else:
            username = self.username_edit.text().strip()
            if not username or not self.password_edit.text():
                self.status.setText(self.tr("Fill in your username and password first."))
                return False
            self._start()
            self.password_given.emit(username, self.password_edit.text())
        return False

    def _start(self) -> None:
        self._busy = True
        self.status.setText(self.tr("Signing in…"))

    def show_refused(self, message: str, *, offer_token: bool = False) -> None:
        """The sign-in did not work: say why; `offer_token` switches to the token field."""
        self._busy = False
        self.status.setText(message)
        if offer_token:
            self.use_token_box.setChecked(True)
        self.password_edit.clear()
        (self.token_edit if self.use_token_box.isChecked() else self.password_edit).setFocus()

    def accept_sign_in(self) -> None:
        """Signed in: Next may go on; the secrets leave the widgets."""
        self._busy = False
        self.signed_in = True
        self.status.setText("")
        self.password_edit.clear()
        self.token_edit.clear()

    def typed_something(self) -> bool:
        return bool(
            self.username_edit.text() or self.password_edit.text() or self.token_edit.text()
        )
