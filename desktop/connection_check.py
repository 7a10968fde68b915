"""Why the intranet can't be reached, in the user's words: the doctor's checks, run by the app.

`services.humhub.diagnosis` knows the causes (address, DNS, TCP, TLS, API, sign-in) and words
them for IT in English; this module runs the same checks for the tray ("Check the
connection…") and when polling goes offline, and says the first failure in the user's
language. The check results themselves are not translated: they are for whoever helps.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable

from PySide6.QtCore import QObject

from services.humhub.diagnosis import CheckResult, Credentials, diagnose

logger = logging.getLogger(__name__)

Checks = Callable[[], AsyncIterator[CheckResult]]


CheckLine = tuple[str, bool, str]  # translated step, passed, the doctor's (English) detail


def checks_for(base_url: str, token: str | Callable[[], str]) -> Checks:
    """The doctor's checks against `base_url`, signed in with `token` (kept in memory only;
    a callable gives the token in use at the time of the check)."""
    current = token if callable(token) else (lambda: token)
    return lambda: diagnose(base_url, Credentials(token=current() or None))


async def run_checks(checks: Checks) -> tuple[CheckResult, ...]:
    """Every check up to the first failure; a crash in a check counts as its failure."""
    results: list[CheckResult] = []
    try:
        async for result in checks():
            results.append(result)
    except Exception as exc:  # the report must come back whatever a check raises
        logger.exception("Connection check failed")
        results.append(CheckResult("check", False, f"the check itself failed: {exc}"))
    return tuple(results)


class ConnectionWords(QObject):
    """Translated words for the checks' results."""

    def step(self, name: str) -> str:
        steps = {
            "address": self.tr("Address"),
            "dns": self.tr("Name lookup (DNS)"),
            "tcp": self.tr("Connection"),
            "tls": self.tr("Secure connection (certificate)"),
            "api": self.tr("HumHub API"),
            "sign-in": self.tr("Sign-in"),
            "modules": self.tr("Modules"),
        }
        return steps.get(name, name)

    def cause(self, results: tuple[CheckResult, ...]) -> str:
        """One sentence for the first failed check; "" when every check passed."""
        failed = next((r for r in results if not r.ok), None)
        if failed is None:
            return ""
        causes = {
            "address": self.tr("The intranet address is not valid."),
            "dns": self.tr("The intranet's name can't be found. Check your network or VPN."),
            "tcp": self.tr("The intranet doesn't answer. It may be down, or you may need the VPN."),
            "tls": self.tr(
                "This computer doesn't trust the intranet's certificate. Ask IT to check it."
            ),
            "api": self.tr("This address answers, but not as a HumHub intranet with its REST API."),
            "sign-in": self.tr("The intranet refused Startpunt's token."),
        }
        return causes.get(failed.name, self.tr("The connection check failed."))

    def cause_of_auth(self) -> str:
        """What to do when the token is refused (the app cannot sign in with a password yet)."""
        return self.tr(
            "Startpunt is not signed in: the sign-in was refused, has expired or was removed. "
            "Choose Sign in… in Startpunt's menu (or run startpunt login in a terminal)."
        )

    def lines(self, results: tuple[CheckResult, ...]) -> tuple[CheckLine, ...]:
        return tuple((self.step(r.name), r.ok, r.detail) for r in results)
