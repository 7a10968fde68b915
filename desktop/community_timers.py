"""Wakes at the next community moment ("Jouw week", profile nudge, tip) and shows its alert.

One asyncio timer per feature, set to the moment `services.community_schedule` names (capped,
so a changed clock is noticed within `MAX_SLEEP`); nothing polls. A resume from sleep and a
settings change look again. Also feeds the activity journal from notifications, sent posts
and votes. In the demo the state lives in memory and the first moments come soon after start.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QWidget

from desktop.community_text import WEEK_URL, CommunityWords, nudge_alert, tip_alert, week_alert
from services import community_schedule as schedule
from services.activity import ActivityJournal
from services.clock import Clock
from services.community_schedule import CommunityState
from services.compose import OutboxItem
from services.errors import ServiceError
from services.mentions import to_plain
from services.models import Alert, Notification, Post
from services.policy import Policy
from services.port import IntranetPort
from services.profile_check import edit_url, missing
from services.quiet_hours import QuietHours
from services.settings import Settings
from services.store import StoreError
from services.week_model import WeekSummary
from services.week_summary import summarize
from services.weekly_slot import Decision, week_key, weekly_decision

logger = logging.getLogger(__name__)

MAX_SLEEP = timedelta(hours=6)
RETRY = timedelta(hours=1)  # the profile could not be read: look again
TIP_WEEKDAY, TIP_TIME = 0, time(10, 0)  # Monday morning, moved into working hours
TIP_LENGTH = 240
_MARKS = re.compile(r"\*\*|__|`|^#+\s*", re.MULTILINE)  # Markdown emphasis, code, headings
DEMO_FIRST = {"nudge": 15.0, "week": 40.0, "tip": 75.0}  # seconds after the first poll


class CommunityTimers:
    """Schedules and shows the three community alerts; `open_week` shows the window."""

    def __init__(
        self,
        *,
        port: IntranetPort,
        journal: ActivityJournal,
        state: CommunityState,
        quiet: QuietHours,
        clock: Clock,
        settings: Settings,
        policy: Policy,
        show_alert: Callable[[Alert], None],
        open_week: Callable[[WeekSummary], None],
        demo: bool = False,
    ) -> None:
        self._port, self._journal, self._state = port, journal, state
        self._quiet, self._clock, self._settings, self._policy = quiet, clock, settings, policy
        self._show_alert, self._open_week, self._demo = show_alert, open_week, demo
        self._handles: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self.local_actions = {WEEK_URL: self.show_week}
        self.window_host: object | None = None  # the window's builder (desktop wiring)
        self._started = False
        self._since: datetime | None = None  # the profile's first start (not in the demo)
        self._closed = False  # set by `shutdown`: quitting

    # -- the journal -----------------------------------------------------------------------

    def notifications_seen(self, items: tuple[Notification, ...]) -> None:
        """Record what concerns the user among a poll's new notifications."""
        self._journal.record_notifications(items)

    def item_sent(self, item: OutboxItem) -> None:
        """One's own post is on the intranet."""
        self._journal.record_post(item.post_id, item.text, item.url, self._clock.now())

    def record_vote(self, poll_id: int, question: str) -> None:
        """A vote went out (the polls controller's `voted` signal)."""
        self._journal.record_vote(poll_id, question, self._clock.now())

    # -- scheduling ------------------------------------------------------------------------

    def start(self) -> None:
        """Set the first timers (in the demo: soon after start)."""
        if self._started or self._closed:
            return
        self._started = True
        if self._demo:
            for name, delay in DEMO_FIRST.items():
                self._set(name, delay, demo=True)
            return
        self._since = self._first_start()
        self.look_again()

    def _first_start(self) -> datetime | None:
        """When this profile first ran these timers (written now on the first start)."""
        stored = self._state.get(schedule.FIRST_START)
        try:
            return datetime.fromisoformat(stored) if stored else self._remember_first_start()
        except (ValueError, StoreError) as exc:  # unreadable: as if started long ago
            logger.warning("First start of the community alerts unknown: %s", exc)
            return None

    def _remember_first_start(self) -> datetime:
        now = self._clock.now()
        self._state.set(schedule.FIRST_START, now.isoformat())
        return now

    def apply_settings(self, settings: Settings) -> None:
        """Changed days, times or switches: decide again."""
        self._settings = settings
        self.look_again()

    def look_again(self) -> None:
        """Decide every feature anew (after a resume, a settings change)."""
        if not self._started:
            return
        for name in ("week", "nudge", "tip"):
            self._set(name, 0.0)

    def stop(self) -> None:
        """Cancel the timers and the running fetches (quitting)."""
        for handle in self._handles.values():
            handle.cancel()
        self._handles.clear()
        for task in self._tasks:
            task.cancel()
        self._started = False

    async def shutdown(self) -> None:
        """Stop, and wait until the running fetches have ended (before the port closes)."""
        self._closed = True  # a first poll ending meanwhile starts nothing
        tasks = list(self._tasks)
        self.stop()
        await asyncio.gather(*tasks, return_exceptions=True)
        window = getattr(self.window_host, "window", None)
        if isinstance(window, QWidget):  # a new start (another intranet) builds its own
            window.close()

    def _set(self, name: str, delay: float, *, demo: bool = False) -> None:
        old = self._handles.pop(name, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self._handles[name] = loop.call_later(delay, self._fire, name, demo)

    def _sleep_until(self, name: str, decision: Decision) -> None:
        if decision.wake_at is None:
            return
        wait = decision.wake_at - self._clock.now()
        seconds = max(1.0, min(wait, MAX_SLEEP).total_seconds())
        self._set(name, seconds)

    def _fire(self, name: str, demo: bool) -> None:
        self._handles.pop(name, None)
        task = asyncio.ensure_future(self._run(name, demo))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, name: str, demo: bool) -> None:
        try:
            if name == "week":
                self._week(demo)
            elif name == "nudge":
                await self._nudge(demo)
            else:
                await self._tip(demo)
        except StoreError as exc:
            logger.warning("Community alert %s not shown: %s", name, exc)
        except Exception:  # a bug here must never stop the app
            logger.exception("Community alert %s failed", name)

    # -- Jouw week --------------------------------------------------------------------------

    def _week(self, demo: bool) -> None:
        s = self._settings
        if not s.jouw_week:
            return
        now = self._clock.now()
        if not demo:
            at = time.fromisoformat(s.jouw_week_time)
            last = self._state.get(schedule.WEEK_SHOWN)
            decision = weekly_decision(
                now, s.jouw_week_day, at, self._quiet, last, since=self._since
            )
            if not decision.due:
                self._sleep_until("week", decision)
                return
        self._state.set(schedule.WEEK_SHOWN, week_key(now, self._quiet.tz))
        week = self.summary()
        if week.empty:  # nothing to be glad about is no reason to interrupt (tray: the window)
            logger.info("Jouw week: nothing seen this week, no alert")
        else:
            logger.info("Jouw week shown (%d likes, %d comments, %d thanks)",
                        week.likes, week.comments, week.thanks)  # fmt: skip
            self._show_alert(week_alert(week))
        if not demo:
            self._set("week", 1.0)  # → sleeps until next week's slot

    def summary(self) -> WeekSummary:
        """This week so far, from the journal."""
        return summarize(self._journal, self._clock.now(), self._quiet.tz)

    def show_week(self) -> None:
        """Open the "Jouw week" window (the alert's Open, the tray)."""
        self._open_week(self.summary())

    # -- the profile nudge ------------------------------------------------------------------

    async def _nudge(self, demo: bool) -> None:
        if not self._settings.profile_nudge:
            return
        now = self._clock.now()
        complete = self._state.get(schedule.PROFILE_COMPLETE) == "1"
        last = self._state.get(schedule.NUDGE_SHOWN)
        decision = schedule.monthly_decision(
            now, self._quiet, last, complete=complete, since=self._since
        )
        if not decision.due and not (demo and not complete):
            self._sleep_until("nudge", decision)
            return
        try:
            me = await self._port.current_user()
        except ServiceError as exc:
            logger.info("Profile not checked: %s", exc)
            self._set("nudge", RETRY.total_seconds())
            return
        lacking = missing(me)
        if not lacking:
            logger.info("Profile complete: no more reminders")
            self._state.set(schedule.PROFILE_COMPLETE, "1")
            return
        self._state.set(schedule.NUDGE_SHOWN, schedule.month_key(now, self._quiet.tz))
        logger.info("Profile reminder shown (%s missing)", ", ".join(lacking))
        self._show_alert(nudge_alert(lacking, edit_url(self._port.base_url)))
        if not demo:
            self._set("nudge", 1.0)

    # -- the tip of the week ----------------------------------------------------------------

    async def _tip(self, demo: bool) -> None:
        if not self._settings.weekly_tip and not demo:
            return
        now = self._clock.now()
        if not demo:
            last = self._state.get(schedule.TIP_SHOWN)
            decision = weekly_decision(
                now, TIP_WEEKDAY, TIP_TIME, self._quiet, last, since=self._since
            )
            if not decision.due:
                self._sleep_until("tip", decision)
                return
        self._state.set(schedule.TIP_SHOWN, week_key(now, self._quiet.tz))
        post = await self._newest_tip_post()
        if post is not None:
            self._state.set(schedule.TIP_POST, str(post.id))
            text = " ".join(_MARKS.sub("", to_plain(post.message)).split())
            if len(text) > TIP_LENGTH:
                text = text[: TIP_LENGTH - 1].rstrip() + "…"
            logger.info("Tip of the week: post %d of the tips space", post.id)
            self._show_alert(tip_alert(text, post.url))
        else:
            tips = CommunityWords().tips()
            index = _as_int(self._state.get(schedule.TIP_INDEX)) % len(tips)
            self._state.set(schedule.TIP_INDEX, str(index + 1))
            logger.info("Tip of the week: built-in tip %d", index + 1)
            self._show_alert(tip_alert(tips[index], ""))
        if not demo:
            self._set("tip", 1.0)

    async def _newest_tip_post(self) -> Post | None:
        """The newest post in the policy's tips container not shown before, if any."""
        container = self._policy.tips_container_id
        if container is None:
            return None
        try:
            posts = await self._port.list_posts(container, limit=20)
        except ServiceError as exc:
            logger.info("Tips space not read (%s); a built-in tip instead", exc)
            return None
        topic = self._policy.tips_topic.casefold()
        shown = _as_int(self._state.get(schedule.TIP_POST))
        for post in sorted(posts, key=lambda p: p.id, reverse=True):
            if topic and topic not in {t.casefold() for t in post.topics}:
                continue
            return post if post.id > shown else None
        return None


def _as_int(text: str) -> int:
    try:
        return max(0, int(text))
    except ValueError:
        return 0
