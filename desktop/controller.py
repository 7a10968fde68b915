"""AppController: the only place that awaits services and turns results into Qt signals."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import timedelta

from PySide6.QtCore import QObject, Signal

from desktop.browser import Browser
from desktop.notify import Notifier
from services.errors import ServiceError
from services.models import Alert, AlertAction, ConnectionState, Notification
from services.poller import Poller, PollOutcome
from services.port import IntranetPort

logger = logging.getLogger(__name__)

BACKLOG_THRESHOLD = 5


class AppController(QObject):
    """Runs the poller, shows alerts, and carries out the user's intents."""

    unread_changed = Signal(int)
    connection_changed = Signal(str, float)  # ConnectionState value, seconds to next retry
    first_poll_done = Signal()
    alert_shown = Signal(str)  # alert key

    def __init__(
        self,
        port: IntranetPort,
        poller: Poller,
        browser: Browser,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._poller = poller
        self._browser = browser
        self._notifier: Notifier | None = None
        self._notifier_ready = asyncio.Event()
        self.polled = asyncio.Event()  # set once the first poll has been handled
        self._task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self.state = ConnectionState.STARTING

    def set_notifier(self, notifier: Notifier) -> None:
        """Use this notifier for alerts; alerts wait until one is set."""
        self._notifier = notifier
        self._notifier_ready.set()

    def start(self, *, first_delay: timedelta | None = None) -> None:
        """Start polling in the background."""
        self._task = asyncio.ensure_future(
            self._poller.run(self.handle_outcome, first_delay=first_delay)
        )

    async def shutdown(self) -> None:
        """Stop polling and release the connection."""
        for task in [self._task, *self._background]:
            if task is not None:
                task.cancel()
        await asyncio.gather(
            *(t for t in [self._task, *self._background] if t is not None),
            return_exceptions=True,
        )
        if self._notifier is not None:
            await self._notifier.close()
        await self._port.aclose()

    async def handle_outcome(self, outcome: PollOutcome) -> None:
        """Push one poll's result to the tray and the alerts."""
        self.state = outcome.state
        self.connection_changed.emit(outcome.state.value, outcome.next_delay.total_seconds())
        if outcome.unread is not None:
            self.unread_changed.emit(outcome.unread)
        if not self.polled.is_set():
            self.polled.set()
            self.first_poll_done.emit()
        alerts = self.alerts_for(outcome.new)
        if alerts:
            await self._notifier_ready.wait()
        for alert in alerts:
            await self._show(alert)

    def alerts_for(self, new: tuple[Notification, ...]) -> list[Alert]:
        """One alert per new notification, or one summary when there are many."""
        if len(new) > BACKLOG_THRESHOLD:
            return [
                Alert(
                    key="summary",
                    title=self.tr("Startpunt"),
                    body=self.tr("You have %n new notification(s)", "", len(new)),
                    url=self._port.base_url + "/",
                    actions=(AlertAction.OPEN, AlertAction.DISMISS),
                )
            ]
        return [self._alert_for(n) for n in reversed(new)]

    def _alert_for(self, n: Notification) -> Alert:
        title = n.originator.display_name if n.originator else self.tr("Startpunt")
        return Alert(
            key=n.fingerprint,
            title=title,
            body=n.text,
            url=self._port.entry_url(n.id),
            notification_id=n.id,
        )

    async def _show(self, alert: Alert) -> None:
        if self._notifier is None:
            return
        try:
            await self._notifier.show(alert)
        except Exception:  # an OS notification failure must never stop polling
            logger.exception("Could not show an alert")
            return
        self.alert_shown.emit(alert.key)

    def on_alert_action(self, alert: Alert, action: AlertAction) -> None:
        """Carry out what the user chose on an alert."""
        if action is AlertAction.OPEN:
            self._browser.open(alert.url)
        elif action is AlertAction.MARK_ALL_READ:
            self.mark_all_read()

    def open_intranet(self) -> None:
        """Open the intranet's home page."""
        self._browser.open(self._port.base_url + "/")

    def refresh(self) -> None:
        """Poll soon (the minimum gap still holds)."""
        self._poller.refresh_soon()

    def mark_all_read(self) -> None:
        """Mark everything seen on the server, then refresh the badge."""
        self._spawn(self._mark_all_read())

    async def _mark_all_read(self) -> None:
        try:
            await self._port.mark_all_seen()
        except ServiceError as exc:
            logger.warning("Mark all read failed: %s", exc)
            return
        self.unread_changed.emit(0)
        self._poller.forget_probe()
        self._poller.refresh_soon()

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
