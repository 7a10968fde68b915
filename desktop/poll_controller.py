"""PollController: checks for polls, shows their alerts, opens the vote dialog, sends votes.

The only object of the polls feature that awaits services and emits Qt signals. It works only
while the server has the polls module (`set_capabilities`); the check runs every
`CHECK_EVERY` and not during quiet time (what arrives then is told at the first check after),
and a failed check waits for the next turn (no retry storm). `voted(poll id, question)`
reports every recorded vote (for the activity journal).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from desktop.poll_text import (
    event_alert,
    open_failed_alert,
    poll_id_of,
    poll_question_in,
    refused_text,
    vote_error,
)
from services.errors import ServiceError
from services.models import (
    Alert,
    Capabilities,
    Container,
    Notification,
    NotificationKind,
    OpenPoll,
    Poll,
)
from services.poll_check import check_polls, open_polls
from services.poll_votes import PollsPort, VoteFailedError, VoteRefusedError, cast_vote
from services.poll_watch import PollWatch

if TYPE_CHECKING:
    from ui.poll_vote_dialog import PollVoteDialog

logger = logging.getLogger(__name__)

CHECK_EVERY = timedelta(minutes=3)
FIRST_CHECK_AFTER = timedelta(seconds=5)
DEMO_POLL_CHECK = timedelta(seconds=30)  # the sandbox's story closes a poll within minutes


class PollsAndSpaces(PollsPort, Protocol):
    """The port calls the polls feature uses."""

    async def list_spaces(self, *, page: int = 1, limit: int = 20) -> tuple[Container, ...]: ...


class PollController(QObject):
    """Polls for the desktop: alerts, the open polls for the panel, and the vote dialog."""

    voted = Signal(int, str)  # poll id, question: a vote was recorded
    available_changed = Signal(bool)  # the server has the polls module
    polls_changed = Signal(object)  # tuple[OpenPoll, ...]: for the panel's Polls block
    list_requested = Signal()  # show the open polls (the panel at its Polls block)
    dialog_opened = Signal(object)  # the PollVoteDialog now on screen (tests, screenshots)

    def __init__(
        self,
        port: PollsAndSpaces,
        watch: PollWatch,
        *,
        show_alert: Callable[[Alert], None],
        alerts_on: Callable[[], bool],
        quiet_now: Callable[[], bool],
        every: timedelta = CHECK_EVERY,
    ) -> None:
        super().__init__()
        self._port, self._watch = port, watch
        self._show_alert, self._alerts_on, self._quiet_now = show_alert, alerts_on, quiet_now
        self._space_names: dict[int, str] | None = None
        self._every = every
        self.available = False
        self.dialogs: dict[int, PollVoteDialog] = {}
        self._wake = asyncio.Event()
        self._loop: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._stopped = False

    # -- checking --------------------------------------------------------------------------

    def set_capabilities(self, capabilities: Capabilities) -> None:
        """Switch the feature on or off by what the server can do."""
        if capabilities.polls == self.available:
            return
        self.available = capabilities.polls
        logger.info("Polls %s", "available" if self.available else "not on this server")
        self.available_changed.emit(self.available)
        if self.available:
            self.start()

    def start(self) -> None:
        if self._stopped:  # quitting: capabilities learned meanwhile start nothing
            return
        if self._loop is None or self._loop.done():
            self._loop = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        self._stopped = True
        tasks = [t for t in (self._loop, *self._background) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for dialog in list(self.dialogs.values()):  # closing one forgets it
            dialog.close()

    def check_soon(self) -> None:
        """Check at once (a poll notification arrived)."""
        self._wake.set()

    def notified(self, items: tuple[Notification, ...]) -> None:
        """New notifications: poll ones announce a poll the check must not alert again."""
        polls = [n.text for n in items if n.kind is NotificationKind.POLL]
        if polls:
            self._watch.announced(polls)
            self.check_soon()

    async def _run(self) -> None:
        delay = FIRST_CHECK_AFTER.total_seconds()
        while self.available:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)
            self._wake.clear()
            delay = self._every.total_seconds()
            if self._quiet_now():
                continue
            await self.check_once()

    async def check_once(self) -> None:
        """One check: alerts for what is new, then the open polls again if anything changed."""
        try:
            events = await check_polls(self._port, self._watch)
        except ServiceError as exc:
            logger.warning("Poll check failed (%s); next check in its turn", type(exc).__name__)
            return
        if self._alerts_on():
            for event in events:
                self._show_alert(event_alert(event))
        elif events:
            logger.info("%d poll alerts not shown (poll alerts are off)", len(events))
        if events:
            await self._refresh_open()

    # -- the open polls --------------------------------------------------------------------

    def show_polls(self) -> None:
        """Show the open polls (`list_requested`: the panel at its Polls block) and load them."""
        self.list_requested.emit()
        self.refresh_open()

    def refresh_open(self) -> None:
        """Load the open polls again (the panel opened); `polls_changed` tells the result."""
        if self.available:
            self._spawn(self._refresh_open())

    async def _refresh_open(self) -> None:
        try:
            items = await open_polls(self._port)
        except ServiceError as exc:
            logger.warning("Open polls could not be loaded (%s)", type(exc).__name__)
            return
        names = await self._names()
        items = tuple(OpenPoll(_with_space(item.poll, names), item.my_answers) for item in items)
        voted = " ".join(f"[{i.poll.id}]" for i in items if i.my_answers)
        logger.info("Open polls listed: %d; voted in: %s", len(items), voted or "none")
        self.polls_changed.emit(items)

    async def _names(self) -> dict[int, str]:
        """Space names by content container id (one page, read once per run)."""
        if self._space_names is None:
            try:
                spaces = await self._port.list_spaces(page=1, limit=50)
            except ServiceError as exc:
                logger.info("Space names unknown for the open polls (%s)", type(exc).__name__)
                return {}
            self._space_names = {c.contentcontainer_id: c.name for c in spaces}
        return self._space_names

    # -- voting ----------------------------------------------------------------------------

    def on_vote_alert(self, alert: Alert) -> None:
        """The Vote button of an alert: ours names the poll; a notification's names its question."""
        poll_id = poll_id_of(alert)
        if poll_id is not None:
            self.open_vote(poll_id)
        else:
            self._spawn(self._vote_from_text(alert))

    async def _vote_from_text(self, alert: Alert) -> None:
        try:
            polls, _pages = await self._port.list_polls(page=1, limit=20)
        except ServiceError as exc:
            logger.warning("Polls could not be listed for a Vote action (%s)", type(exc).__name__)
            polls = ()
        poll = poll_question_in(alert.body, polls)
        if poll is None:
            logger.info("No poll matches the notification's question: the open polls are shown")
            self.show_polls()
            return
        await self._open_vote(poll.id)

    def open_vote(self, poll_id: int) -> None:
        """Open (or raise) the vote dialog of one poll."""
        dialog = self.dialogs.get(poll_id)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return
        self._spawn(self._open_vote(poll_id))

    async def _open_vote(self, poll_id: int) -> None:
        try:
            poll = await self._port.get_poll(poll_id)
            mine = await self._port.my_votes(poll_id)
        except ServiceError as exc:
            logger.warning("Poll %d could not be loaded (%s)", poll_id, type(exc).__name__)
            self._show_alert(open_failed_alert(poll_id, ""))
            return
        if poll_id in self.dialogs:
            return
        from ui.poll_vote_dialog import PollVoteDialog  # on first use, off the start-up path

        dialog = PollVoteDialog(poll, mine)
        self.dialogs[poll_id] = dialog
        dialog.vote_requested.connect(
            lambda pid, answers: self._spawn(self._send(dialog, poll, frozenset(answers)))
        )
        dialog.finished.connect(lambda _result: self._forget(poll_id, dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.dialog_opened.emit(dialog)

    def _forget(self, poll_id: int, dialog: PollVoteDialog) -> None:
        if self.dialogs.get(poll_id) is dialog:
            del self.dialogs[poll_id]
        dialog.deleteLater()

    async def _send(self, dialog: PollVoteDialog, poll: Poll, answers: frozenset[int]) -> None:
        try:
            held = await cast_vote(self._port, poll, answers)
        except VoteRefusedError as exc:
            logger.warning("Poll %d: vote refused before sending (%s)", poll.id, exc)
            dialog.show_failed(refused_text(), withdrawn=False)
            return
        except VoteFailedError as exc:
            logger.warning("Poll %d: vote not recorded (%s)", poll.id, exc)
            dialog.show_failed(vote_error(exc), withdrawn=exc.withdrawn)
            return
        self._watch.voted(poll.id)
        dialog.show_voted(held)
        self.voted.emit(poll.id, poll.question)
        await self._refresh_open()  # the vote state in the panel's Polls block

    async def settle(self) -> None:
        """Wait until the loads and votes started so far are done (tests, screenshots)."""
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


def _with_space(poll: Poll, names: dict[int, str]) -> Poll:
    name = names.get(poll.contentcontainer_id or 0, "")
    return replace(poll, container_name=name) if name else poll
