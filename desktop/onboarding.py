"""The first-run wizard's controller: checks the address, signs in, saves the choices.

`ui.onboarding.OnboardingWizard` only shows pages and emits intents; this object answers them
with the doctor's checks (`services.humhub.diagnosis.diagnose`, causes in the user's words
from `desktop.connection_check`), one sign-in through a `HumHubConnector` (never repeated:
HumHub throttles failed attempts), the keychain (`services.secrets.TokenStore`; a token it does
not keep lives for this session only, and page 4 says so) and the settings/policy API
(`services.policy.save_choice`; locked settings are left alone). The token never reaches a
widget or a file. `finished` carries the outcome; the app applies it without a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.autostart import Autostart
from desktop.connection_check import ConnectionWords, run_checks
from desktop.effective_settings import switch_autostart
from services.errors import (
    AuthError,
    NotAnApiError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    ServiceError,
    TlsError,
)
from services.humhub.connector import HumHubConnector
from services.humhub.diagnosis import CheckResult, Credentials, diagnose
from services.policy import Effective, save_choice
from services.redaction import register_secret
from services.secrets import Storage, TokenStore
from services.setting_values import intranet_address
from services.store import StoreError
from ui.onboarding import OnboardingWizard, WizardChoices

logger = logging.getLogger(__name__)

NETWORK_STEPS = ("address", "dns", "tcp", "tls", "api")  # page 1 checks these, not sign-in


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A finished sign-in: where, the token (memory only) and where the token is kept."""

    base_url: str
    token: str
    username: str
    storage: Storage


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the wizard ended: signed in, "Try the demo", or neither (cancelled)."""

    signed_in: SignedIn | None = None
    demo: bool = False
    effective: Effective | None = None  # the settings after the user's choices


ConnectorFactory = Callable[[str], HumHubConnector]


def first_choices(effective: Effective) -> WizardChoices:
    """What page 4 starts with: the settings in effect; start at login on unless IT says."""
    settings = effective.settings
    autostart = settings.autostart if effective.is_locked("autostart") else True
    return WizardChoices(settings.alert_kinds, settings.working_hours, autostart)


class Onboarding(QObject):
    """Answers one wizard's intents; `finished(Outcome)` when it closes."""

    finished = Signal(object)

    def __init__(
        self,
        wizard: OnboardingWizard,
        effective: Effective,
        settings_file: Path,
        *,
        autostart: Autostart,
        command: list[str],
        store: TokenStore,
        connector_factory: ConnectorFactory = HumHubConnector,
    ) -> None:
        super().__init__(wizard)
        self.wizard, self._effective, self._file = wizard, effective, settings_file
        self._autostart, self._command, self._store = autostart, command, store
        self._connector_factory = connector_factory
        self._words = ConnectionWords(self)
        self._address = ""
        self._pending: SignedIn | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        wizard.check_requested.connect(lambda raw: self._spawn(self.check_address(raw)))
        wizard.password_given.connect(
            lambda user, password: self._spawn(self.sign_in(user, password=password))
        )
        wizard.token_given.connect(lambda token: self._spawn(self.sign_in("", token=token)))
        wizard.confirmed.connect(self.keep_token)
        wizard.finish_requested.connect(self.finish)
        wizard.demo_requested.connect(lambda: self.finished.emit(Outcome(demo=True)))
        wizard.cancelled.connect(self._cancelled)

    def start_at_sign_in(self, address: str) -> None:
        """ "Sign in again" / "Sign in…": the address is known; show the sign-in page."""
        self._address = address
        self.wizard.start_at_sign_in(address)

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- page 1 ---------------------------------------------------------------------------------

    async def check_address(self, raw: str) -> None:
        """Normalise the address and run the doctor's network checks; answer page 1."""
        try:
            address = intranet_address(raw)
        except ValueError as exc:
            logger.info("Wizard: address refused (%s)", exc)
            self.wizard.show_check("", self._address_problem(raw), ())
            return
        if not address:
            self.wizard.show_check("", self.tr("Fill in your intranet's address first."), ())
            return
        network = await self._network_checks(address)
        passed = bool(network) and all(r.ok for r in network) and network[-1].name == "api"
        self._address = address if passed else ""
        self.wizard.show_check(
            self._address,
            self._words.cause(network) if not passed else "",
            self._words.lines(network),
        )

    @staticmethod
    async def _network_checks(address: str) -> tuple[CheckResult, ...]:
        """The doctor's checks up to "is the REST API there" (no sign-in)."""
        results = await run_checks(lambda: diagnose(address, Credentials()))
        network = tuple(r for r in results if r.name in NETWORK_STEPS)
        for result in network:
            logger.info("Wizard check %s: %s (%s)", result.name, result.ok, result.detail)
        return network

    def _address_problem(self, raw: str) -> str:
        if raw.strip().lower().startswith("http://"):
            return self.tr(
                "Startpunt connects to an intranet only over https:// (http:// only on this "
                "computer). Use the https:// address of your intranet."
            )
        return self.tr(
            "This is not an intranet address. Type it like https://intranet.example.org."
        )

    # -- page 2 and 3 ---------------------------------------------------------------------------

    async def sign_in(self, username: str, *, password: str = "", token: str = "") -> None:
        """One sign-in (password or token) and `/auth/current`; answer page 2 (then 3)."""
        connector = self._connector_factory(self._address)
        by_token = bool(token)
        try:
            if by_token:
                register_secret(token)
                connector.use_token(token)
            else:
                register_secret(password)
                token = (await connector.sign_in(username, password)).token
            user = await connector.current_user()
            picture = await self._picture(connector, user.image_url)
        except ServiceError as exc:
            logger.info("Wizard: sign-in failed (%s)", exc)
            message, offer_token = self._refusal(exc, by_token=by_token)
            if offer_token:  # a 404 there is also what a switched-off REST module says
                network = await self._network_checks(self._address)
                if not all(r.ok for r in network):
                    message, offer_token = self._words.cause(network), False
            self.wizard.show_refused(message, offer_token=offer_token)
            return
        finally:
            await connector.aclose()
        logger.info("Wizard: signed in as %s", user.username)
        self._pending = SignedIn(self._address, token, user.username, Storage.SESSION_ONLY)
        self.wizard.show_user(user.person.display_name, user.username, picture)

    @staticmethod
    async def _picture(connector: HumHubConnector, url: str) -> bytes:
        if not url:
            return b""
        try:
            return await connector.fetch_image(url)
        except ServiceError as exc:
            logger.info("No profile picture: %s", exc)
            return b""

    def _refusal(self, exc: ServiceError, *, by_token: bool) -> tuple[str, bool]:
        """The sign-in's failure for the user, and whether to offer the token field."""
        if isinstance(exc, AuthError | RateLimitedError):
            if by_token:
                return self.tr(
                    "The intranet refused this token. Check that you copied all of it, or "
                    "make a new one."
                ), False
            if isinstance(exc, AuthError) and exc.status == 401:
                return self.tr(
                    "This account may not use the intranet's REST API. Ask IT to allow it in "
                    "the REST API module's settings."
                ), False
            return self.tr(
                "Wrong username or password, or too many attempts: wait a minute and try again."
            ), False
        if isinstance(exc, NotFoundError) and "switched off" in str(exc):
            return self.tr(
                "Password sign-in is switched off on this intranet. Paste a token instead."
            ), True
        step = "api"
        if isinstance(exc, TlsError):
            step = "tls"
        elif isinstance(exc, OfflineError):
            step = "tcp"
        elif not isinstance(exc, NotAnApiError | NotFoundError):
            return self.tr("Signing in did not work. Try again later."), False
        return self._words.cause((CheckResult(step, False, str(exc)),)), False

    def keep_token(self) -> None:
        """Page 3 confirmed: the token into the keychain; page 4 says if it could not be."""
        if self._pending is None:
            return
        pending = self._pending
        saved = self._store.save(pending.base_url, pending.username, pending.token)
        self._pending = SignedIn(pending.base_url, pending.token, pending.username, saved.storage)
        if saved.storage is Storage.KEYCHAIN:
            self.wizard.show_storage("")
            return
        logger.warning("The token is kept for this session only: %s", saved.reason)
        self.wizard.show_storage(
            self.tr(
                "This computer has no keychain Startpunt can use, so you stay signed in only "
                "until Startpunt stops. Next time it asks you to sign in again."
            )
        )

    # -- page 4 ---------------------------------------------------------------------------------

    def finish(self, choices: object) -> None:
        """Save the address and the choices (not what IT locked), then report the outcome."""
        if not isinstance(choices, WizardChoices):
            return
        effective = self._effective
        wanted: dict[str, object] = {
            "intranet_url": self._address,
            "alert_kinds": choices.alert_kinds,
            "working_hours": choices.working_hours,
        }
        for name, value in wanted.items():
            if effective.is_locked(name) or getattr(effective.settings, name) == value:
                continue
            try:
                effective = save_choice(self._file, effective, name, value)
            except StoreError as exc:
                logger.warning("Wizard: could not save %s: %s", name, exc)
        if choices.autostart != self._autostart.is_on():
            problem = switch_autostart(
                self._autostart, effective, self._file, self._command, on=choices.autostart
            )
            if problem:
                logger.warning("Wizard: %s", problem)
        self.finished.emit(Outcome(signed_in=self._pending, effective=effective))

    def _cancelled(self) -> None:
        """Closed early. On page 4 the user already confirmed who they are: stay signed in
        (the choices keep their old values); before that, nothing changes."""
        kept = self._pending if self.wizard.currentId() == 3 else None
        self.finished.emit(Outcome(signed_in=kept))
