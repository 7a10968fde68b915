"""Noticing a suspend/resume and a network that really came back. Pure Python; no Qt.

Qt has no sleep/resume signal, so the desktop calls `ResumeDetector.tick()` from a QTimer
heartbeat: on Linux CLOCK_MONOTONIC stops during suspend while the wall clock does not, so a
wall-clock step far larger than the monotonic one means the machine slept. Reachability
reports flap (VPN, Wi-Fi roaming); `NetworkDebounce` turns them into at most one "network
back" event per stable window.
"""

from __future__ import annotations

from datetime import timedelta

from services.clock import Clock

MIN_SLACK = timedelta(seconds=30)
NETWORK_STABLE = timedelta(seconds=3)


class ResumeDetector:
    """Reports a resume when the time between two heartbeats is unexplained."""

    def __init__(self, clock: Clock, interval: timedelta, *, slack: timedelta | None = None):
        self._clock = clock
        self._interval = interval.total_seconds()
        self._slack = (slack or max(MIN_SLACK, interval * 2)).total_seconds()
        self._wall = clock.now()
        self._mono = clock.monotonic()
        self.last_gap = timedelta(0)

    def tick(self) -> bool:
        """Call on every heartbeat; True once after a suspend (or a long stall of the loop).

        Two signs count: the wall clock moved much more than the monotonic clock (Linux
        stops CLOCK_MONOTONIC while suspended), or the heartbeat itself came far too late
        (platforms whose monotonic clock runs on during sleep). Both cost one extra poll at
        worst, so a wall clock set forward by hand is an acceptable false alarm.
        """
        wall, mono = self._clock.now(), self._clock.monotonic()
        wall_step = (wall - self._wall).total_seconds()
        mono_step = mono - self._mono
        self._wall, self._mono = wall, mono
        unexplained = max(wall_step - mono_step, mono_step - self._interval)
        self.last_gap = timedelta(seconds=max(0.0, unexplained))
        return unexplained > self._slack


class NetworkDebounce:
    """At most one "network back" per window in which "online" held for `stable`."""

    def __init__(
        self, clock: Clock, *, stable: timedelta = NETWORK_STABLE, online: bool = True
    ) -> None:
        self._clock = clock
        self._stable = stable.total_seconds()
        self._online = online
        self._changed_at = clock.monotonic()
        self._owed = False

    @property
    def online(self) -> bool:
        """The latest reachability report."""
        return self._online

    def update(self, online: bool) -> timedelta | None:
        """Record a reachability report; return when to call `check()` (None: no need)."""
        if online != self._online:
            self._online = online
            self._changed_at = self._clock.monotonic()
            if online:
                self._owed = True
        return self.due_in()

    def due_in(self) -> timedelta | None:
        """How long until a pending "network back" may fire; None when none is pending."""
        if not (self._online and self._owed):
            return None
        held = self._clock.monotonic() - self._changed_at
        return timedelta(seconds=max(0.0, self._stable - held))

    def check(self) -> bool:
        """True exactly once when the network has been back for the whole stable window."""
        due = self.due_in()
        if due is None or due > timedelta(0):
            return False
        self._owed = False
        return True
