"""Leaders' example on the desktop: leaders' posts alert "from leadership", and a leader gets a
private weekly nudge listing their team's posts that wait for a first reaction.

`LeadershipWatch` reads `GET /post` every `CHECK_EVERY` while leader accounts are configured
(HumHub notifies only members who switched notifications on for a space, so the notification
alone misses most leaders' posts), and claims leaders' ContentCreated notifications so one post
alerts once (`services.leader_posts`). The nudge is due once per ISO week from the
`leader_nudge` moment on, only in working time; a week missed while the app was off is made up
at the next start in that same week.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from services.clock import Clock
from services.errors import ServiceError
from services.leader_posts import LeaderPosts, held_in_quiet, is_leader
from services.leadership import (
    CHECK_EVERY,
    first_line,
    nudge_due,
    parse_nudge_time,
    waiting_posts,
    week_key,
)
from services.models import Alert, AlertAction, CurrentUser, Notification, Post
from services.people import PeopleStore
from services.port import IntranetPort
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.settings import Settings
from services.store import StoreError

if TYPE_CHECKING:
    from ui.leader_nudge_window import LeaderNudgeWindow

logger = logging.getLogger(__name__)

NUDGE_URL = "startpunt:leader-nudge"  # an alert with this url opens the nudge window
FIRST_CHECK_S = 20.0
RECENT_LIMIT = 50


class LeadershipWatch(QObject):
    """Checks leaders' posts and the weekly nudge; shows alerts through `show_alert`."""

    nudge_ready = Signal(object)  # tuple[Post, ...]: the posts the nudge lists

    def __init__(
        self,
        port: IntranetPort,
        seen: SeenStore,
        people: PeopleStore,
        *,
        quiet: QuietHours,
        tz: tzinfo,
        clock: Clock,
        settings: Settings,
        show_alert: Callable[[Alert], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port, self._seen, self._people = port, seen, people
        self._quiet, self._tz, self._clock = quiet, tz, clock
        self._settings = settings
        self._show_alert = show_alert
        self._posts = LeaderPosts(seen)
        self._me: CurrentUser | None = None
        self._task: asyncio.Task[None] | None = None
        self.waiting: tuple[Post, ...] = ()  # what the last nudge listed
        self._stopped = False

    def apply_settings(self, settings: Settings) -> None:
        """Leaders, the nudge moment and the alert switch apply from the next check."""
        self._settings = settings

    def claim(self, new: tuple[Notification, ...]) -> tuple[Notification, ...]:
        """`AppController.claim_new`: leaders' ContentCreated notifications alert here, as
        leadership and once (never grouped into a summary); in quiet time they stay in the
        ordinary flow, which holds them for the summary (their posts recorded as told)."""
        if not self._settings.leaders:
            return new
        try:
            if self._quiet.is_quiet():
                held_in_quiet(self._seen, new, self._settings.leaders)
                return new
            claimed, alert = self._posts.claim_notifications(
                new, leaders=self._settings.leaders, now=self._clock.now()
            )
        except StoreError as exc:
            logger.error("Leaders' posts: decisions could not be saved (%s)", exc)
            return new
        if self._settings.alert_kinds.leader_post:
            for n in alert:
                logger.info("Alert for leader post %s (notification %d)", n.post_id, n.id)
                self._show_alert(leader_notification_alert(n, self._port.entry_url(n.id)))
        return tuple(n for n in new if n not in claimed)

    def start(self) -> None:
        """Check every few minutes in the background (nothing is read while no leaders are set)."""
        if not self._stopped and (self._task is None or self._task.done()):
            self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        self._stopped = True  # a first poll ending while quitting starts nothing
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        for host in self.findChildren(NudgeWindowHost):  # a new start builds its own
            if host.window is not None:
                host.window.close()

    async def _run(self) -> None:
        await asyncio.sleep(FIRST_CHECK_S)
        while True:
            try:
                await self.check()
            except Exception:  # a bug here must never end the checks for the day
                logger.exception("Leaders' posts check failed")
            await asyncio.sleep(CHECK_EVERY.total_seconds())

    async def check(self) -> None:
        """One check: new leaders' posts, then (for a leader) the weekly nudge."""
        settings = self._settings
        if not settings.leaders:
            return
        try:
            if self._me is None:
                self._me = await self._port.current_user()
            posts = await self._port.list_recent_posts(limit=RECENT_LIMIT)
        except ServiceError as exc:
            logger.info("Leaders' posts not checked: %s", exc)
            return
        try:
            self._people.remember(p.author for p in posts if p.author is not None)
            if not self._quiet.is_quiet():  # in quiet time they wait for the next check
                self._alert_posts(posts)
                self._nudge(posts)
        except StoreError as exc:
            logger.error("Leaders' posts: decisions could not be saved (%s)", exc)

    def _alert_posts(self, posts: tuple[Post, ...]) -> None:
        me = self._me.person if self._me else None
        fresh = self._posts.new_posts(
            posts, leaders=self._settings.leaders, me=me, now=self._clock.now()
        )
        if not self._settings.alert_kinds.leader_post:
            return
        for post in fresh:
            logger.info("Alert for leader post %d", post.id)
            self._show_alert(leader_post_alert(post, self._port.base_url))

    def _nudge(self, posts: tuple[Post, ...]) -> None:
        me = self._me.person if self._me else None
        moment = self._settings.leader_nudge
        if me is None or not moment or not is_leader(me, self._settings.leaders):
            return
        now = self._clock.now()
        key = week_key(now.astimezone(self._tz).date())
        if not nudge_due(
            now, parse_nudge_time(moment), self._quiet, shown=self._seen.is_known(key)
        ):
            return
        self._seen.take_keys([key], kind="leader-nudge")  # written before it is shown
        base = self._port.base_url
        self.waiting = tuple(
            replace(p, url=post_link(p, base)) for p in waiting_posts(posts, me, now)
        )
        logger.info("Weekly leader nudge: %d posts wait for a reaction", len(self.waiting))
        if self.waiting:
            self._show_alert(nudge_alert(len(self.waiting)))
            self.nudge_ready.emit(self.waiting)


class LeaderWords(QObject):
    """Plural strings (lupdate records plurals only for `self.tr` in a QObject subclass)."""

    def waiting(self, count: int) -> str:
        return self.tr("%n post(s) of your team wait for a first reaction.", "", count)


def post_link(post: Post, base_url: str) -> str:
    """Where a post opens: its url when absolute, else its permalink (the real server's
    `GET /post` gives a path such as /s/team/post/post/view?id=1)."""
    if post.url.startswith(("https://", "http://")):
        return post.url
    return f"{base_url}/content/perma?id={post.content_id}"


def leader_post_alert(post: Post, base_url: str) -> Alert:
    """ "From leadership: Marieke Jansen" with the post's first line; opens the post."""
    name = post.author.display_name if post.author else ""
    return Alert(
        key=f"leader-post:{post.id}",
        title=QCoreApplication.translate("Alerts", "From leadership: %1").replace("%1", name),
        body=first_line(post.message),
        url=post_link(post, base_url),
        actions=(AlertAction.OPEN, AlertAction.DISMISS),
    )


def leader_notification_alert(n: Notification, url: str) -> Alert:
    """A leader's ContentCreated notification as "From leadership: <name>" (server text)."""
    name = n.originator.display_name if n.originator else ""
    return Alert(
        key=f"leader-post:{n.post_id}",
        title=QCoreApplication.translate("Alerts", "From leadership: %1").replace("%1", name),
        body=n.text,
        url=url,
        actions=(AlertAction.OPEN, AlertAction.DISMISS),
        notification_id=n.id,
    )


def nudge_alert(count: int) -> Alert:
    """The weekly nudge; opens the window with the list."""
    return Alert(
        key="leader-nudge",
        title=QCoreApplication.translate("Alerts", "Your team's week"),
        body=LeaderWords().waiting(count),
        url=NUDGE_URL,
        actions=(AlertAction.OPEN, AlertAction.DISMISS),
    )


class NudgeWindowHost(QObject):
    """Owns the nudge window (built on first use); its rows open posts through `open_link`."""

    def __init__(
        self, watch: LeadershipWatch, open_link: Callable[[str], None], clock: Clock
    ) -> None:
        super().__init__(watch)
        self._watch, self._open_link, self._clock = watch, open_link, clock
        self.window: LeaderNudgeWindow | None = None

    def open(self) -> None:
        if self.window is None:
            from ui.leader_nudge_window import LeaderNudgeWindow

            self.window = LeaderNudgeWindow()
            self.window.open_requested.connect(self._open_link)
        self.window.set_posts(self._watch.waiting, self._clock.now())
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()


DEMO_LEADERS = ("Marieke Jansen", "Sanne de Vries")  # the director, and the demo user's own role
DEMO_KUDOS_SPACE = "Complimenten"


def demo_community(settings: Settings) -> Settings:
    """`--demo`: the sandbox's leaders and kudos space, unless the user chose their own.

    The demo user (a team leader in the seeded organisation) is a leader too, so the weekly
    nudge shows in the demo's first minute (the demo has no working hours)."""
    return replace(
        settings,
        leaders=settings.leaders or DEMO_LEADERS,
        kudos_space=settings.kudos_space or DEMO_KUDOS_SPACE,
    )
