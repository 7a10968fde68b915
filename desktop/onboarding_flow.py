"""When the first-run wizard shows, and what the app does with its outcome.

At start (`app._run`): no intranet address or no usable token, and no `--no-wizard` → the
wizard runs before anything is built; its sign-in is what the app then starts with (or the
demo, or the signed-out state when it was closed). Later (`WizardLauncher`): "Sign in…" and
"Change intranet…" in the tray menu and "Sign in again" on the not-signed-in alert open it
again. A new token for the same intranet and unchanged settings is swapped in (like
`keychain_token.Reloader`); anything else rebuilds the app's parts in this process
(`app._run` loops), so nothing restarts and the outbox's queued posts stay in SQLite.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop.autostart import Autostart, for_this_system, launch_command
from desktop.composition import Parts
from desktop.effective_settings import load_effective, settings_path
from desktop.onboarding import ConnectorFactory, Onboarding, Outcome, first_choices
from desktop.paths import Paths
from services.humhub.connector import HumHubConnector
from services.policy import Effective
from services.secrets import TokenStore
from ui.onboarding import OnboardingWizard

logger = logging.getLogger(__name__)


def make_wizard(
    paths: Paths,
    effective: Effective,
    profile: Path | None,
    *,
    store: TokenStore | None = None,
    autostart: Autostart | None = None,
    connector_factory: ConnectorFactory = HumHubConnector,
) -> Onboarding:
    """A wizard for this profile (address prefilled; read-only when IT locked it)."""
    address = effective.settings.intranet_url
    locked_address = address if effective.is_locked("intranet_url") else ""
    wizard = OnboardingWizard(
        first_choices(effective), locked=effective.locked, locked_address=locked_address
    )
    wizard.address_page.set_address(address)
    return Onboarding(
        wizard,
        effective,
        settings_path(paths),
        autostart=autostart or for_this_system(),
        command=launch_command(profile),
        store=store or TokenStore(),
        connector_factory=connector_factory,
    )


def show(onboarding: Onboarding) -> None:
    wizard = onboarding.wizard
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    logger.info("Wizard shown")


async def run_wizard(onboarding: Onboarding) -> Outcome:
    """Show the wizard and wait until it ends."""
    done: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()

    def finished(outcome: object) -> None:
        if not done.done() and isinstance(outcome, Outcome):
            done.set_result(outcome)

    onboarding.finished.connect(finished)
    show(onboarding)
    try:
        return await done
    finally:
        onboarding.wizard.hide()
        onboarding.wizard.deleteLater()


class WizardLauncher:
    """Opens the wizard from the running app and applies its outcome."""

    def __init__(
        self,
        paths: Paths,
        parts: Parts,
        profile: Path | None,
        rebuild: Callable[[Outcome], None],
        *,
        make: Callable[[Paths, Effective, Path | None], Onboarding] = make_wizard,
    ) -> None:
        self._paths, self._parts, self._profile = paths, parts, profile
        self._rebuild, self._make = rebuild, make
        self.current: Onboarding | None = None

    def open(self, *, at_sign_in: bool) -> None:
        """Show the wizard (one at a time); `at_sign_in`: the address as it is, page 2."""
        if self.current is not None:
            show(self.current)
            return
        effective = load_effective(self._paths)[0]
        onboarding = self._make(self._paths, effective, self._profile)
        address = self._parts.connector.base_url
        if at_sign_in and address:
            onboarding.start_at_sign_in(address)
        onboarding.finished.connect(self._finished)
        self.current = onboarding
        show(onboarding)

    def _finished(self, outcome: object) -> None:
        onboarding, self.current = self.current, None
        if onboarding is not None:
            onboarding.wizard.hide()
            onboarding.wizard.deleteLater()
        if not isinstance(outcome, Outcome) or (outcome.signed_in is None and not outcome.demo):
            return
        parts, signed = self._parts, outcome.signed_in
        same_settings = outcome.effective is None or _same(outcome.effective, parts.effective)
        if signed is not None and signed.base_url == parts.connector.base_url and same_settings:
            logger.info("Signed in again through the wizard")
            parts.connector.use_token(signed.token)
            parts.current_token.value = signed.token
            parts.controller.restart_polling()
            return
        self._rebuild(outcome)


def _same(a: Effective, b: Effective) -> bool:
    """The same settings but for `autostart` (which the app does not read while running) and
    `intranet_url` (the connector's address is compared instead)."""
    return replace(a.settings, autostart=False, intranet_url="") == replace(
        b.settings, autostart=False, intranet_url=""
    )
