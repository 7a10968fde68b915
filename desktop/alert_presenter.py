"""Shows the alert policy's plans through the chosen notifier, once it is ready."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from desktop.alert_text import render_plan
from desktop.notify import Notifier
from services.alert_policy import AlertPolicy
from services.models import Alert, Notification
from services.settings import Settings
from services.store import StoreError

logger = logging.getLogger(__name__)


class AlertPresenter:
    """Plans alerts for new notifications and shows them; alerts wait for a notifier."""

    def __init__(
        self,
        policy: AlertPolicy,
        *,
        entry_url: Callable[[int], str],
        thankable: Callable[[Notification], bool],
        spotlight: Callable[[Notification], bool] = lambda _n: False,
    ) -> None:
        self._policy = policy
        self._spotlight = spotlight
        self._entry_url = entry_url
        self._thankable = thankable
        self._notifier: Notifier | None = None
        self._ready = asyncio.Event()

    @property
    def notifier(self) -> Notifier | None:
        return self._notifier

    def set_notifier(self, notifier: Notifier) -> None:
        """Use `notifier` from now on; alerts planned before this wait for it."""
        self._notifier = notifier
        self._ready.set()

    async def present(
        self,
        new: tuple[Notification, ...],
        *,
        now: datetime,
        settings: Settings,
        quiet: bool,
        bounded: bool,
        total: int | None,
    ) -> list[Alert]:
        """Plan and show the alerts for one poll; return what was shown."""
        try:
            plans = self._policy.plan(
                new, now=now, settings=settings, quiet=quiet, bounded=bounded, total=total
            )
        except StoreError as exc:
            logger.error("Alert decisions could not be saved (%s); no alerts this time", exc)
            return []
        if not plans:
            return []
        await self._ready.wait()
        shown: list[Alert] = []
        for plan in plans:
            alert = render_plan(
                plan,
                entry_url=self._entry_url,
                thankable=self._thankable,
                spotlight=self._spotlight,
            )
            await self._show(alert)  # a group's alert replaces its predecessor by `alert.key`
            shown.append(alert)
        return shown

    async def show_now(self, alert: Alert) -> None:
        """Show one ready-made alert once a notifier is available."""
        await self._ready.wait()
        await self._show(alert)

    async def _show(self, alert: Alert) -> str | None:
        if self._notifier is None:
            return None
        try:
            return await self._notifier.show(alert)
        except Exception:  # an OS notification failure must never stop polling
            logger.exception("Could not show an alert")
            return None

    async def withdraw_all(self) -> None:
        """Close the alerts still on screen (everything was marked read)."""
        if self._notifier is None:
            return
        try:
            await self._notifier.withdraw_all()
        except Exception:  # an OS notification failure must never stop the app
            logger.exception("Could not close the alerts on screen")

    async def close(self) -> None:
        """Release the notifier's connection."""
        if self._notifier is not None:
            await self._notifier.close()
