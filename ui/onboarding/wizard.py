"""The wizard window: four pages, keyboard only (Tab, Enter = Next, Esc = Cancel)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from ui.onboarding.address_page import AddressPage, CheckLine
from ui.onboarding.choices_page import ChoicesPage, WizardChoices
from ui.onboarding.confirm_page import ConfirmPage
from ui.onboarding.sign_in_page import SignInPage


class PageId(enum.IntEnum):
    ADDRESS = 0
    SIGN_IN = 1
    CONFIRM = 2
    CHOICES = 3


class OnboardingWizard(QWizard):
    """Emits what the user asks; `desktop.onboarding` answers through the `show_*` methods."""

    check_requested = Signal(str)  # page 1: an address as typed
    demo_requested = Signal()
    password_given = Signal(str, str)  # page 2: username, password
    token_given = Signal(str)  # page 2: a pasted token
    confirmed = Signal()  # page 3: "yes, this is me"
    finish_requested = Signal(object)  # page 4: WizardChoices
    cancelled = Signal()

    def __init__(
        self,
        choices: WizardChoices,
        *,
        locked: frozenset[str] = frozenset(),
        locked_address: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Startpunt"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(560, 520)
        self.address_page = AddressPage(locked_address=locked_address)
        self.sign_in_page = SignInPage()
        self.confirm_page = ConfirmPage()
        self.choices_page = ChoicesPage(choices, locked)
        for page_id, page in zip(
            PageId,
            (self.address_page, self.sign_in_page, self.confirm_page, self.choices_page),
            strict=True,
        ):
            self.setPage(page_id, page)
        self.address_page.check_requested.connect(self.check_requested)
        self.address_page.demo_requested.connect(self._demo)
        self.sign_in_page.password_given.connect(self.password_given)
        self.sign_in_page.token_given.connect(self.token_given)
        self.currentIdChanged.connect(self._entered)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start Startpunt"))
        # Asked before closing when something was typed; tests replace it.
        self.ask_to_cancel: Callable[[], bool] = self._ask_to_cancel
        self._finishing = False

    def start_at_sign_in(self, address: str) -> None:
        """ "Sign in again": the address is known and checked; begin at the sign-in page."""
        self.address_page.verified = address
        self.address_page.set_address(address)
        self.sign_in_page.set_address(address)
        self.setStartId(PageId.SIGN_IN)

    # -- answers from the controller ----------------------------------------------------------

    def show_check(self, address: str, cause: str, lines: Sequence[CheckLine]) -> None:
        if self.address_page.show_result(address, cause, lines):
            self.sign_in_page.set_address(address)
            self.next()

    def show_refused(self, message: str, *, offer_token: bool = False) -> None:
        self.sign_in_page.show_refused(message, offer_token=offer_token)

    def show_user(self, display_name: str, username: str, picture: bytes) -> None:
        self.confirm_page.show_user(display_name, username, picture)
        self.sign_in_page.accept_sign_in()
        self.next()

    def show_storage(self, note: str) -> None:
        self.choices_page.show_storage(note)

    # -- navigation -----------------------------------------------------------------------------

    def _entered(self, page_id: int) -> None:
        if page_id == PageId.CHOICES:
            self.confirmed.emit()

    def _demo(self) -> None:
        self._finishing = True
        self.demo_requested.emit()
        QDialog.done(self, QDialog.DialogCode.Accepted)  # not QWizard's: it validates the page

    def accept(self) -> None:
        self._finishing = True
        self.finish_requested.emit(self.choices_page.choices())
        super().accept()

    def reject(self) -> None:
        if self._finishing:
            return
        if self._typed_something() and not self.ask_to_cancel():
            return
        self.cancelled.emit()
        super().reject()

    def _typed_something(self) -> bool:
        typed_address = not self.address_page.address_edit.isReadOnly() and bool(
            self.address_page.address_edit.isModified()
        )
        return typed_address or self.sign_in_page.typed_something()

    def _ask_to_cancel(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Stop setting up?"),
            self.tr("What you typed is not kept. Stop setting up Startpunt?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
