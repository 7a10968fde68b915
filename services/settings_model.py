"""The settings' values: typed frozen dataclasses, every default in one place.

Pure Python; no Qt. What each field means, how it is stored and who may set it is declared
once in `services.settings.DECLARATIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from services.quiet_hours import WorkingPeriod

DEFAULT_POLL_INTERVAL = timedelta(seconds=30)


@dataclass(frozen=True, slots=True)
class AlertKinds:
    """Which kinds of notification raise a desktop alert (the others go silently to the panel)."""

    like: bool = True
    mention: bool = True
    comment: bool = True
    poll: bool = True
    custom: bool = True
    leader_post: bool = True  # new content by someone in `Settings.leaders`
    content_created: bool = False  # other new content in spaces one follows
    follow: bool = False
    space_membership: bool = False
    other: bool = False

    def enabled(self, switch: str) -> bool:
        """Whether the named switch is on; an unknown name counts as off."""
        value = getattr(self, switch, False)
        return value is True


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user (or IT's policy) can choose; the defaults are the product's."""

    intranet_url: str = ""  # https://host[:port]; "" = not chosen yet (--intranet, the wizard)
    poll_interval: timedelta = DEFAULT_POLL_INTERVAL
    alert_kinds: AlertKinds = field(default_factory=AlertKinds)
    working_hours: tuple[WorkingPeriod, ...] = ()  # empty: alerts at any time
    leaders: tuple[str, ...] = ()  # guids or display names whose posts count as "leadership"
    guidelines_url: str = ""
    thanks_text: str = ""  # the Thanks! comment; "" = "Thank you!" in the intranet's language
    # HumHub's time zone (IANA name, e.g. "Europe/Amsterdam"): the API sends times without
    # one. Empty: estimated from the server's clock (services.server_time); set: it wins.
    server_time_zone: str = ""
    # Mirrors whether Startpunt starts at login; the truth is the OS's entry (desktop.autostart).
    autostart: bool = False
    language: str = ""  # "" = the system's; "nl" or "en" (read at start by desktop.i18n)
    # The space "Spotlight a colleague" posts to: its name or id; "" = the policy's
    # `kudos_space_id`, else none (the dialog says so).
    kudos_space: str = ""
    # When a leader gets the weekly "posts waiting for a first reaction" nudge; "" = never.
    leader_nudge: str = "mon 09:30"
    # Community alerts (desktop.community_timers): "Jouw week" on a weekday (0 = Monday) at a
    # local time ("HH:MM") moved into working hours, the monthly profile nudge, the weekly tip
    jouw_week: bool = True
    jouw_week_day: int = 4
    jouw_week_time: str = "15:00"
    profile_nudge: bool = True
    weekly_tip: bool = False
