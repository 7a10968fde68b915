"""Builds the community timers with their journal and window, and connects their signals."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from desktop.community_timers import CommunityTimers
from desktop.controller import AppController
from desktop.posting import PostingController
from desktop.tray import TrayIcon
from services.activity import ActivityJournal
from services.clock import Clock
from services.community_schedule import CommunityState
from services.policy import Policy
from services.port import IntranetPort
from services.quiet_hours import QuietHours
from services.settings import Settings
from services.store import Database
from services.week_model import WeekSummary

logger = logging.getLogger(__name__)


class WeekWindowHost(QObject):
    """Builds the "Jouw week" window on first use and brings it to the front."""

    def __init__(self) -> None:
        super().__init__()
        self.window: object | None = None

    def show(self, week: WeekSummary) -> None:
        from ui.week_window import WeekWindow  # imported on first use, off the start-up path

        if not isinstance(self.window, WeekWindow):
            self.window = WeekWindow()
        self.window.set_week(week)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        logger.info("Jouw week window shown (%d likes)", week.likes)


def build_community(
    port: IntranetPort,
    database: Database,
    clock: Clock,
    quiet: QuietHours,
    settings: Settings,
    policy: Policy,
    controller: AppController,
    *,
    demo: bool,
) -> CommunityTimers:
    """The timers over the app's database (the demo keeps their state in memory)."""
    host = WeekWindowHost()
    timers = CommunityTimers(
        port=port,
        journal=ActivityJournal(database, clock),
        state=CommunityState(None if demo else database),
        quiet=quiet,
        clock=clock,
        settings=settings,
        policy=policy,
        show_alert=controller.show_alert,
        open_week=host.show,
        demo=demo,
    )
    timers.window_host = host  # kept alive as long as the timers
    return timers


def wire_community(
    timers: CommunityTimers | None,
    controller: AppController,
    posting: PostingController,
    tray: TrayIcon,
) -> None:
    """Journal from polls and sent posts; the alert's Open and the tray's entry; start after
    the first poll."""
    if timers is None:
        return
    tray.week_requested.connect(timers.show_week)
    controller.notifications_arrived.connect(timers.notifications_seen)
    posting.item_sent.connect(timers.item_sent)
    controller.window_opens.update(timers.local_actions)
    controller.first_poll_done.connect(timers.start)
