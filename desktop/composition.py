"""Build the app's parts from the options and connect their signals (`wire`)."""

from __future__ import annotations

import asyncio
import logging
import random
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QTimeZone, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.autostart import for_this_system, launch_command
from desktop.browser import Browser
from desktop.community_timers import CommunityTimers
from desktop.community_wiring import build_community, wire_community
from desktop.connection_check import checks_for
from desktop.controller import AppController
from desktop.effective_settings import SETTINGS_NAME as SETTINGS_NAME
from desktop.effective_settings import load_effective, reconcile_autostart, settings_path
from desktop.keychain_token import CurrentToken
from desktop.leadership import NUDGE_URL, LeadershipWatch, NudgeWindowHost, demo_community
from desktop.panel_host import PanelHost
from desktop.panel_polls_wiring import wire_panel_polls
from desktop.paths import Paths
from desktop.poll_controller import CHECK_EVERY, DEMO_POLL_CHECK, PollController
from desktop.posting import PostingController
from desktop.spotlight import SpotlightHost
from desktop.system_watch import SystemWatch
from desktop.tray import TrayIcon
from services.alert_policy import AlertPolicy
from services.clock import SystemClock
from services.humhub.connector import HumHubConnector
from services.people import PeopleStore
from services.policy import Effective
from services.poll_memory import PollMemory
from services.poll_watch import PollWatch
from services.poller import Poller
from services.quiet_hours import QuietHours
from services.seen import SeenStore
from services.server_time import named_zone
from services.settings import Settings
from services.store import Database, StoreError
from services.thanks import Thanker

logger = logging.getLogger(__name__)

DATABASE_NAME = "startpunt.sqlite3"


@dataclass
class Parts:
    """Everything the running app is made of."""

    connector: HumHubConnector
    database: Database
    settings: Settings
    effective: Effective  # the settings with what IT's policy set or locked
    controller: AppController
    tray: TrayIcon
    panel: PanelHost
    watch: SystemWatch
    has_tray: bool
    store_problem: str  # "" | "corrupt" (moved aside, fresh file) | "unusable" (in memory)
    posting: PostingController
    log_dir: Path
    current_token: CurrentToken
    quitting: bool = False
    leadership: LeadershipWatch | None = None  # leaders' posts and the leader's weekly nudge
    spotlight: SpotlightHost | None = None  # "Spotlight a colleague…"
    demo: bool = False  # the sandbox's leaders and kudos space apply (desktop.leadership)
    polls: PollController | None = None
    community: CommunityTimers | None = None  # "Jouw week", profile nudge, tip of the week


def local_zone() -> tzinfo:
    """The system's time zone as a ZoneInfo (quiet hours need real DST rules)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        logger.warning("Unknown system time zone %r; using UTC for quiet hours", name)
        return zoneinfo.ZoneInfo("UTC")


def open_folder(folder: Path) -> None:
    """Show a local folder (the logs) in the file manager."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        logger.warning("Could not open %s in the file manager", folder)


def open_database(paths: Paths) -> tuple[Database, str]:
    """The app's database and what went wrong opening it ("", "corrupt" or "unusable")."""
    try:
        database = Database.open(paths.data / DATABASE_NAME)
    except StoreError as exc:
        logger.error("Local database unusable (%s); this session keeps no history", exc)
        return Database.in_memory(), "unusable"
    return database, "corrupt" if database.report.moved_aside is not None else ""


def build(
    paths: Paths,
    base_url: str,
    token: str,
    *,
    poll_interval: float | None,
    demo: bool,
    profile: Path | None = None,
    loaded: tuple[Effective, bool] | None = None,
) -> Parts:
    """Create the services and widgets (nothing is connected yet)."""
    clock = SystemClock()
    rng = random.Random()  # noqa: S311 -- jitter, not cryptography
    # The user's file combined with IT's policy (loaded by the caller when it needs it first).
    effective, first_start = load_effective(paths) if loaded is None else loaded
    effective = reconcile_autostart(
        for_this_system(),
        effective,
        settings_path(paths),
        launch_command(profile),
        first_start=first_start,
    )
    settings = effective.settings
    if poll_interval is not None:  # the command line wins over the saved setting
        settings = replace(settings, poll_interval=timedelta(seconds=poll_interval))
    if demo:
        settings = demo_community(settings)
    database, store_problem = open_database(paths)
    connector = HumHubConnector(
        base_url, token=token, server_timezone=named_zone(settings.server_time_zone)
    )
    seen = SeenStore(database, clock=clock)
    people = PeopleStore(database, clock=clock)
    poller = Poller(
        connector,
        clock,
        rng,
        seen=seen,
        people=people,
        interval=settings.poll_interval,
    )
    quiet = QuietHours(settings.working_hours, local_zone(), clock)
    current_token = CurrentToken(token)
    controller = AppController(
        connector,
        poller,
        Browser(connector.base_url, allow_loopback_http=demo),
        policy=AlertPolicy(seen),
        quiet=quiet,
        settings=settings,
        clock=clock,
        thanker=Thanker(connector, database),
        checks=checks_for(connector.base_url, current_token.get),
    )
    has_tray = QSystemTrayIcon.isSystemTrayAvailable()
    posting = PostingController(
        database,
        connector,
        clock,
        rng=rng,
        people=lambda prefix: people.search(prefix, 8),
        guidelines_url=settings.guidelines_url,
    )

    community = build_community(
        connector, database, clock, quiet, settings, effective.policy, controller, demo=demo
    )

    def network_back() -> None:
        controller.network_back()
        posting.network_back()

    leadership = LeadershipWatch(
        connector, seen, people, quiet=quiet, tz=local_zone(), clock=clock,
        settings=settings, show_alert=controller.show_alert,
    )  # fmt: skip
    spotlight = SpotlightHost(
        connector, posting, lambda prefix: people.search(prefix, 50),
        kudos_space=settings.kudos_space, policy_id=effective.policy.kudos_space_id,
    )  # fmt: skip
    polls = PollController(
        connector,
        PollWatch(PollMemory(database), clock, quiet),
        show_alert=controller.show_alert,
        alerts_on=lambda: controller.settings.alert_kinds.poll,
        quiet_now=quiet.is_quiet,
        every=DEMO_POLL_CHECK if demo else CHECK_EVERY,
    )

    def resumed() -> None:
        controller.resumed_from_sleep()
        community.look_again()  # its timers' monotonic clock stood still while asleep

    watch = SystemWatch(clock, on_resume=resumed, on_network_back=network_back)
    return Parts(
        community=community,
        connector=connector,
        database=database,
        settings=settings,
        effective=effective,
        controller=controller,
        tray=TrayIcon(),
        panel=PanelHost(as_window=not has_tray),
        watch=watch,
        has_tray=has_tray,
        store_problem=store_problem,
        posting=posting,
        log_dir=paths.log,
        current_token=current_token,
        leadership=leadership,
        spotlight=spotlight,
        demo=demo,
        polls=polls,
    )


def wire(parts: Parts, quit_event: asyncio.Event) -> None:
    """Connect every signal between the controller, the tray and the panel."""
    controller, tray, panel = parts.controller, parts.tray, parts.panel

    def show_panel() -> None:
        panel.show_near(tray.anchor())

    controller.unread_changed.connect(tray.set_unread)
    controller.connection_changed.connect(tray.set_connection)
    controller.paused_changed.connect(tray.set_paused)
    controller.notifications_changed.connect(panel.set_notifications)
    controller.can_thank_changed.connect(panel.set_can_thank)
    controller.thanked.connect(panel.mark_thanked)
    controller.panel_requested.connect(show_panel)
    controller.link_refused.connect(panel.offer_copy)
    tray.status_changed.connect(panel.set_status)
    tray.open_intranet_requested.connect(controller.open_intranet)
    tray.mark_all_read_requested.connect(controller.mark_all_read)
    tray.pause_requested.connect(controller.pause)
    tray.panel_requested.connect(show_panel)
    tray.quit_requested.connect(quit_event.set)
    tray.retry_requested.connect(controller.restart_polling)
    tray.check_requested.connect(controller.check_connection)
    tray.open_log_requested.connect(lambda: open_folder(parts.log_dir))
    controller.connection_cause.connect(tray.set_cause)
    controller.connection_cause.connect(panel.set_cause)
    controller.connection_checked.connect(panel.show_connection_report)
    panel.refresh_requested.connect(controller.load_panel)
    panel.open_requested.connect(controller.open_notification)
    panel.thank_requested.connect(controller.thank)
    panel.mark_all_read_requested.connect(controller.mark_all_read)
    _wire_posting(parts, show_panel)
    _wire_community(parts)
    wire_community(parts.community, controller, parts.posting, tray)
    _wire_polls(parts)


def _wire_community(parts: Parts) -> None:
    """Leaders' posts, the leader's nudge and the spotlight (desktop.leadership, .spotlight)."""
    controller, leadership, spotlight = parts.controller, parts.leadership, parts.spotlight
    if leadership is not None:
        nudge = NudgeWindowHost(leadership, controller.open_link, SystemClock())
        controller.claim_new = leadership.claim
        controller.window_opens[NUDGE_URL] = nudge.open
        controller.first_poll_done.connect(leadership.start)
    if spotlight is not None:
        controller.spotlight_of = spotlight.is_spotlight
        controller.first_poll_done.connect(spotlight.refresh)
        parts.tray.spotlight_requested.connect(spotlight.open_dialog)


def _wire_posting(parts: Parts, show_panel: Callable[[], None]) -> None:
    controller, tray, posting = parts.controller, parts.tray, parts.posting
    posting.open_url_requested.connect(controller.open_link)
    posting.show_requested.connect(show_panel)
    posting.post_sent.connect(lambda url: controller.show_alert(posting.confirmation_alert(url)))
    posting.outbox_changed.connect(tray.set_outbox)
    controller.connection_changed.connect(posting.connection_changed)  # 401 over: both resume
    tray.new_post_requested.connect(lambda: posting.open_dialog())
    outbox_actions = {"retry": posting.retry, "edit": posting.edit, "discard": posting.discard}
    tray.outbox_action_requested.connect(
        lambda client_id, action: outbox_actions[action](client_id)
    )


def _wire_polls(parts: Parts) -> None:
    controller, tray, polls = parts.controller, parts.tray, parts.polls
    if polls is None:
        return
    controller.vote_requested.connect(polls.on_vote_alert)
    controller.capabilities_learned.connect(polls.set_capabilities)
    controller.notifications_arrived.connect(polls.notified)
    polls.available_changed.connect(tray.set_polls_available)
    tray.polls_requested.connect(polls.show_polls)
    wire_panel_polls(polls, parts.panel, tray.anchor)  # "Polls" opens the panel's Polls block
    if parts.community is not None:  # "Jouw week" counts the polls one voted in
        polls.voted.connect(parts.community.record_vote)
