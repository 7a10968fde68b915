"""When the community alerts are due: "Jouw week", the profile nudge and the tip of the week.

Pure Python on an injected clock. Each decision says "show now" or when to look again, so the
desktop side sleeps until that moment (one timer, no polling). What was shown last (the ISO
week, the month, "profile complete") is kept in `community_state`, so a restart never repeats.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import datetime, time, timedelta, tzinfo

from services.quiet_hours import QuietHours
from services.store import Database, StoreError
from services.weekly_slot import Decision, local_instant

WEEK_SHOWN = "jouw_week_shown"  # ISO week, e.g. "2026-W49"
TIP_SHOWN = "tip_shown"
NUDGE_SHOWN = "profile_nudge_shown"  # "2026-12"
PROFILE_COMPLETE = "profile_complete"  # "1" once complete: never nudged again
TIP_INDEX = "tip_index"  # the next built-in tip
TIP_POST = "tip_post"  # the newest intranet tip post shown
FIRST_START = "first_start"  # when this profile first ran the community timers (ISO, UTC)
# A new user is not reminded of their profile on the day they installed Startpunt.
NUDGE_GRACE = timedelta(days=1)


def month_key(moment: datetime, tz: tzinfo) -> str:
    """The local month of `moment`, e.g. "2026-12"."""
    local = moment.astimezone(tz)
    return f"{local.year}-{local.month:02d}"


def monthly_decision(
    now: datetime,
    quiet: QuietHours,
    last_shown: str,
    *,
    complete: bool,
    since: datetime | None = None,
) -> Decision:
    """At most once a calendar month, within working time; never once the profile is complete;
    not before `NUDGE_GRACE` after `since` (the profile's first start)."""
    if complete:
        return Decision(False, None)
    if since is not None and now < since + NUDGE_GRACE:
        return Decision(False, since + NUDGE_GRACE)
    tz = quiet.tz
    if last_shown == month_key(now, tz):
        local = now.astimezone(tz)
        first = (local.replace(day=28) + timedelta(days=4)).replace(day=1).date()
        return Decision(False, local_instant(first, time(0, 0), tz))
    if quiet.is_quiet(now):
        return Decision(False, quiet.quiet_until(now))
    return Decision(True)


class CommunityState:
    """Named values in the `community_state` table (or in memory for the demo)."""

    def __init__(self, db: Database | None) -> None:
        self._db = db
        self._memory: MutableMapping[str, str] = {}

    def get(self, name: str) -> str:
        """The value, "" when never set."""
        if self._db is None or name in self._memory:
            return self._memory.get(name, "")
        row = self._db.connection.execute(
            "SELECT value FROM community_state WHERE name = ?", (name,)
        ).fetchone()
        return "" if row is None else str(row[0])

    def set(self, name: str, value: str) -> None:
        """Remember `value` (written before the alert is shown: a crash never repeats it)."""
        if self._db is None:
            self._memory[name] = value
            return
        try:
            with self._db.transaction() as conn:
                conn.execute(
                    "INSERT INTO community_state (name, value) VALUES (?, ?)"
                    " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    (name, value),
                )
        except StoreError:
            self._memory[name] = value  # at least this session does not repeat it
            raise
