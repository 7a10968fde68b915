"""AppController: the only place that awaits services and turns results into Qt signals."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from desktop.alert_presenter import AlertPresenter
from desktop.alert_text import (
    PANEL_URL,
    auth_alert,
    mark_all_read_failed_alert,
    thanked_alert,
    thanks_alert,
)
from desktop.browser import Browser
from desktop.connection_check import Checks, ConnectionWords, run_checks
from desktop.i18n import translate_for
from desktop.notify import Notifier
from services.alert_policy import AlertPolicy
from services.clock import Clock
from services.errors import OfflineError, ServiceError, ValidationError
from services.models import (
    Alert,
    AlertAction,
    Capabilities,
    CommentApi,
    ConnectionState,
    CurrentUser,
    Notification,
)
from services.poller import Poller, PollOutcome
from services.port import IntranetPort
from services.quiet_hours import QuietHours
from services.settings import Settings
from services.thanks import Thanker, can_thank
from services.unread import merge_unread

logger = logging.getLogger(__name__)

PANEL_SIZE = 30
PAUSE_HOUR = timedelta(hours=1)
RESTART_AFTER_CRASH_S = 60.0
SHUTDOWN_WAIT_S = 3.0
KNOWN_LIMIT = 500
LEARN_WAIT_S = 10.0  # the first alerts wait this long for the capabilities (Thanks!)


class AppController(QObject):
    """Runs the poller, shows alerts, fills the panel and carries out the user's intents."""

    unread_changed = Signal(int)
    connection_changed = Signal(str, float)  # ConnectionState value, seconds to next retry
    first_poll_done = Signal()
    alert_shown = Signal(str)  # alert key
    notifications_changed = Signal(object, object)  # tuple[Notification], frozenset[int]
    can_thank_changed = Signal(bool)
    thanked = Signal(int, bool)  # notification id, posted
    paused_changed = Signal(object)  # datetime | None
    panel_requested = Signal()
    sign_in_requested = Signal()  # "Sign in again" on the not-signed-in alert
    link_refused = Signal(object)  # services.link_policy.LinkVerdict
    connection_cause = Signal(str)  # why the intranet can't be reached, translated; "" if fine
    connection_checked = Signal(str, object)  # cause, tuple[CheckLine, ...]: the report
    notifications_seen = Signal(object)  # tuple[Notification, ...]: new this poll (journal)

    def __init__(
        self,
        port: IntranetPort,
        poller: Poller,
        browser: Browser,
        *,
        policy: AlertPolicy,
        quiet: QuietHours,
        settings: Settings,
        clock: Clock,
        thanker: Thanker | None = None,
        checks: Checks | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port, self._poller, self._browser = port, poller, browser
        self._quiet, self._settings, self._clock = quiet, settings, clock
        self._presenter = AlertPresenter(policy, entry_url=port.entry_url, thankable=self.thankable)
        self._thanker = thanker or Thanker(port)
        self._capabilities: Capabilities | None = None
        self._me: CurrentUser | None = None
        self._learning: asyncio.Task[None] | None = None
        self._checks = checks
        self._words = ConnectionWords(self)
        self._known: dict[int, Notification] = {}
        self._task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._pause_end: asyncio.TimerHandle | None = None
        self.polled = asyncio.Event()  # set once the first poll has been handled
        self.state = ConnectionState.STARTING
        self.local_actions: dict[str, Callable[[], None]] = {}  # alert url → in-app window

    # -- lifecycle -------------------------------------------------------------------------

    def set_notifier(self, notifier: Notifier) -> None:
        """Use this notifier for alerts; alerts wait until one is set."""
        self._presenter.set_notifier(notifier)

    def start(self, *, first_delay: timedelta | None = None) -> None:
        """Start polling in the background."""
        self._task = asyncio.ensure_future(
            self._poller.run(self.handle_outcome, first_delay=first_delay)
        )
        self._task.add_done_callback(self._on_poll_task_done)

    def apply_settings(self, settings: Settings) -> None:
        """Use changed settings from now on: alert kinds, leaders, thanks text (read per poll),
        working hours (quiet time) and the poll interval."""
        self._settings = settings
        self._quiet.set_schedule(settings.working_hours)
        self._poller.set_interval(settings.poll_interval)

    def _on_poll_task_done(self, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            # A bug must not silently end polling for the rest of the day: log it, go on.
            logger.error("Polling stopped by an unexpected error", exc_info=error)
            asyncio.get_running_loop().call_later(RESTART_AFTER_CRASH_S, self.start)

    def restart_polling(self) -> None:
        """Poll again after "sign in again" (or a resume): a fresh, jittered start."""
        if self._task is not None and not self._task.done():
            self._poller.refresh_soon()
            return
        self._poller.forget_probe()
        self.start()

    async def sign_out(self) -> None:
        """No token (signed out, expired, none at start): stop polling and show the "sign in
        again" state without asking the server; `restart_polling` starts again."""
        if self._task is not None and not self._task.done():
            self._poller.stop()
            self._task.cancel()
            await asyncio.wait({self._task}, timeout=SHUTDOWN_WAIT_S)
        await self.handle_outcome(PollOutcome(ConnectionState.AUTH_REQUIRED, timedelta(0)))

    async def shutdown(self) -> None:
        """Stop polling and release the connections."""
        self._poller.stop()
        tasks = [t for t in [self._task, *self._background] if t is not None]
        for task in tasks:
            task.cancel()
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=SHUTDOWN_WAIT_S)
            for task in pending:  # never hang on quit; say what would not stop
                stack = io.StringIO()
                task.print_stack(limit=8, file=stack)
                logger.error("Task did not stop on quit: %r\n%s", task, stack.getvalue())
        await self._presenter.close()
        await self._port.aclose()

    # -- polling ---------------------------------------------------------------------------

    async def handle_outcome(self, outcome: PollOutcome) -> None:
        """Push one poll's result to the tray, the panel and the alerts."""
        previous, self.state = self.state, outcome.state
        if outcome.state is not previous:
            self._on_state_change(outcome.state)
        self.connection_changed.emit(outcome.state.value, outcome.next_delay.total_seconds())
        if outcome.unread is not None:
            self.unread_changed.emit(outcome.unread)
        self._remember(outcome.new)
        if outcome.new:
            self.notifications_seen.emit(outcome.new)
        if not self.polled.is_set():
            self.polled.set()
            self.first_poll_done.emit()
        if outcome.state is not ConnectionState.ONLINE:
            return
        if self._capabilities is None and outcome.new:
            # The first alerts wait (bounded) for what the server can do, so they offer Thanks!
            await asyncio.wait({self._learn()}, timeout=LEARN_WAIT_S)
        elif self._capabilities is None:
            self._learn()
        try:
            shown = await self._presenter.present(
                outcome.new,
                now=self._clock.now(),
                settings=self._settings,
                quiet=self._quiet.is_quiet(),
                bounded=outcome.bounded,
                total=outcome.unread,
            )
        except Exception:  # a bug in showing alerts must never stop polling
            logger.exception("Alerts for this poll failed")
            return
        for alert in shown:
            self.alert_shown.emit(alert.key)

    def _learn(self) -> asyncio.Task[None]:
        """The running (or a new) task that learns who I am and what the server can do."""
        if self._learning is None or self._learning.done():
            self._learning = asyncio.ensure_future(self._learn_server())
            self._background.add(self._learning)
            self._learning.add_done_callback(self._background.discard)
        return self._learning

    def _on_state_change(self, state: ConnectionState) -> None:
        if state is ConnectionState.ONLINE:
            self.connection_cause.emit("")
        elif state is ConnectionState.OFFLINE:
            self._spawn(self._diagnose(report=False))  # once per offline episode
        elif state is ConnectionState.AUTH_REQUIRED:
            self.connection_cause.emit(self._words.cause_of_auth())
            self.show_alert(auth_alert())  # once per 401 episode

    def check_connection(self) -> None:
        """Run the connection checks now and report every step ("Check the connection…")."""
        self._spawn(self._diagnose(report=True))

    async def _diagnose(self, *, report: bool) -> None:
        if self._checks is None:
            return
        results = await run_checks(self._checks)
        cause = self._words.cause(results)
        # Back online meanwhile: an automatic check's cause is stale (only a report says it).
        if self.state is not ConnectionState.ONLINE or (report and cause):
            self.connection_cause.emit(cause)
        if report:
            self.connection_checked.emit(cause, self._words.lines(results))

    async def _learn_server(self) -> None:
        """Who am I and what can the server do; needed for thanks, not for alerts.

        Retried after every online poll until it succeeds (offline at login is common).
        """
        try:
            self._me = await self._port.current_user()
            self._capabilities = await self._port.capabilities()
        except ServiceError as exc:
            logger.warning("Could not read the server's capabilities: %s", exc)
            return
        self.can_thank_changed.emit(self._capabilities.comment_api is not CommentApi.UNKNOWN)

    def _remember(self, items: tuple[Notification, ...]) -> None:
        """Keep the newest notifications by id (for thanks from an alert or the panel)."""
        for n in items:
            self._known.pop(n.id, None)
            self._known[n.id] = n
        while len(self._known) > KNOWN_LIMIT:
            del self._known[next(iter(self._known))]

    def thankable(self, notification: Notification) -> bool:
        """Whether the Thanks! action applies to this notification on this server."""
        return can_thank(notification, self._capabilities) and not self._thanker.already_thanked(
            notification.id
        )

    # -- the panel -------------------------------------------------------------------------

    def load_panel(self) -> None:
        """Fetch the recent notifications and which are unread, for the panel."""
        self._poller.refresh_soon()
        self._spawn(self._load_panel())

    async def _load_panel(self) -> None:
        try:
            # Unseen first: every group unseen then is still in the unread head of `recent`.
            unseen = await self._port.list_notifications(unseen_only=True, limit=50)
            recent = await self._port.list_notifications(limit=PANEL_SIZE)
        except ServiceError as exc:
            logger.info("Panel not refreshed: %s", exc)
            return
        # Unread by what is unseen: a like group seen before keeps its old id in `recent`.
        items, unread = merge_unread(recent.items, unseen.items, unseen.total)
        self._remember(items)
        self.notifications_changed.emit(items, unread)
        self.unread_changed.emit(unseen.total)  # the badge agrees with what the panel shows

    # -- intents ---------------------------------------------------------------------------

    def on_alert_action(self, alert: Alert, action: AlertAction) -> None:
        """Carry out what the user chose on an alert."""
        if action is AlertAction.OPEN:
            if alert.url in self.local_actions:
                self.local_actions[alert.url]()
            elif alert.url == PANEL_URL:
                self.panel_requested.emit()
            else:
                self.open_link(alert.url)
        elif action is AlertAction.THANK and alert.notification_id is not None:
            self.thank(alert.notification_id, alert=alert)
        elif action is AlertAction.MARK_ALL_READ:
            self.mark_all_read()
        elif action is AlertAction.SIGN_IN:
            self.sign_in_requested.emit()

    def open_notification(self, notification_id: int) -> None:
        """Open a notification's target (the server marks it seen)."""
        self.open_link(self._port.entry_url(notification_id))

    def open_intranet(self) -> None:
        """Open the intranet's home page."""
        self.open_link(self._port.base_url + "/")

    def open_link(self, url: str) -> None:
        """Open `url` in the browser if the link policy allows it; else offer to copy it."""
        verdict = self._browser.judge(url)
        if not verdict.allowed:
            self.link_refused.emit(verdict)
            return
        self._browser.open(url)

    def show_alert(self, alert: Alert) -> None:
        """Show an alert that is not about a notification (e.g. "posted")."""
        self._spawn(self._presenter.show_now(alert))

    def thank(self, notification_id: int, *, alert: Alert | None = None) -> None:
        """Post a thank-you comment under the post the notification is about.

        Every outcome is shown: a failure or a refusal as an alert; a success by updating
        the alert it came from (if any) in place, without its Thanks! button.
        """
        self._spawn(self._thank(notification_id, alert))

    def thanks_message(self) -> str:
        """The comment: the user's own text, else "Thank you!" in the intranet user's language."""
        if self._settings.thanks_text:
            return self._settings.thanks_text
        language = self._me.language if self._me is not None else ""
        return translate_for(language, "AppController", "Thank you!") or self.tr("Thank you!")

    async def _thank(self, notification_id: int, alert: Alert | None) -> None:
        if not self._thanker.already_thanked(notification_id) and self._capabilities is None:
            await asyncio.wait({self._learn()}, timeout=LEARN_WAIT_S)
        # Checked after the wait, with no await before `thank` marks it: a second click
        # that waited too is "already", never taken for a post that can't be found.
        if self._thanker.already_thanked(notification_id):
            self.show_alert(thanks_alert(notification_id, "already"))
            self.thanked.emit(notification_id, True)
            return
        n = self._known.get(notification_id)
        caps, me = self._capabilities, self._me
        if n is None or caps is None or me is None or not can_thank(n, caps):
            logger.warning("Thanks not possible for notification %d", notification_id)
            self.show_alert(thanks_alert(notification_id, "impossible"))
            self.thanked.emit(notification_id, False)
            return
        try:
            await self._thanker.thank(
                n, self.thanks_message(), capabilities=caps, my_guid=me.person.guid
            )
        except ServiceError as exc:
            posted_maybe = isinstance(exc, OfflineError) and not exc.nothing_sent
            logger.warning("Thank-you for notification %d failed: %s", notification_id, exc)
            if posted_maybe:
                reason = "maybe"
            elif isinstance(exc, OfflineError):
                reason = "offline"
            elif isinstance(exc, ValidationError) and exc.status == 0:
                reason = "not_found"
            else:
                reason = "refused"
            self.show_alert(thanks_alert(notification_id, reason))
            self.thanked.emit(notification_id, posted_maybe)
            return
        logger.info("Thanked for notification %d", notification_id)
        self.thanked.emit(notification_id, True)
        if alert is not None:
            self.show_alert(thanked_alert(alert))

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
            self.show_alert(mark_all_read_failed_alert())
            return
        self.unread_changed.emit(0)
        self._poller.forget_probe()
        self._poller.refresh_soon()
        await self._presenter.withdraw_all()

    def pause(self, choice: str) -> None:
        """Pause alerts ("1h", "tomorrow") or resume them ("resume")."""
        until: datetime | None
        if choice == "1h":
            until = self._quiet.pause_for(PAUSE_HOUR)
        elif choice == "tomorrow":
            until = self._quiet.pause_until_tomorrow()
        else:
            self._quiet.end_pause()
            until = None
        self._schedule_pause_end(until)
        logger.info("Alerts paused until %s", until)
        self.paused_changed.emit(until)
        if until is None:
            self._poller.refresh_soon()  # the summary of what arrived meanwhile comes now

    def _schedule_pause_end(self, until: datetime | None) -> None:
        if self._pause_end is not None:
            self._pause_end.cancel()
            self._pause_end = None
        if until is not None:
            delay = max(0.0, (until - self._clock.now()).total_seconds())
            self._pause_end = asyncio.get_running_loop().call_later(delay, self.pause, "resume")

    def resumed_from_sleep(self) -> None:
        """The machine woke up: fresh connections, then a jittered poll."""
        self._spawn(self._port.reconnect())
        self._poller.resume()
        until = self._quiet.paused_until
        if until is not None and until <= self._clock.now():
            self.pause("resume")  # the timer's monotonic clock stood still while asleep
        if self.state is ConnectionState.AUTH_REQUIRED:
            self.restart_polling()  # one new try per wake-up, never a loop

    def network_back(self) -> None:
        """The network is back (and stable): fresh connections, then poll soon."""
        self._spawn(self._port.reconnect())
        self._poller.refresh_soon()

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
