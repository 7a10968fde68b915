"""resume.py: suspend/resume from the wall vs monotonic clocks; network flapping debounced."""

from __future__ import annotations

from datetime import timedelta

from services.resume import NetworkDebounce, ResumeDetector
from tests.fakes.clock import FakeClock

HEARTBEAT = timedelta(seconds=15)


def test_resume_detector_quiet_on_regular_heartbeats():
    clock = FakeClock()
    detector = ResumeDetector(clock, HEARTBEAT)
    for _ in range(100):
        clock.advance(HEARTBEAT)
        assert not detector.tick()


def test_resume_detector_reports_a_suspend_once():
    clock = FakeClock()
    detector = ResumeDetector(clock, HEARTBEAT)
    clock.advance(timedelta(seconds=5))
    clock.advance(timedelta(hours=14), suspended=True)  # laptop closed overnight
    assert detector.tick()
    assert detector.last_gap >= timedelta(hours=14)
    clock.advance(HEARTBEAT)
    assert not detector.tick()


def test_resume_detector_ignores_a_short_suspend_below_the_slack():
    clock = FakeClock()
    detector = ResumeDetector(clock, HEARTBEAT)
    clock.advance(timedelta(seconds=20), suspended=True)
    assert not detector.tick()


def test_resume_detector_reports_a_heartbeat_that_came_far_too_late():
    # platforms whose monotonic clock keeps running during sleep
    clock = FakeClock()
    detector = ResumeDetector(clock, HEARTBEAT)
    clock.advance(timedelta(minutes=30))
    assert detector.tick()


def test_resume_detector_ignores_the_wall_clock_going_back():
    clock = FakeClock()
    detector = ResumeDetector(clock, HEARTBEAT)
    clock.advance(HEARTBEAT)
    clock._now -= timedelta(hours=2)  # the user fixed the clock
    assert not detector.tick()


def _flap(clock: FakeClock, debounce: NetworkDebounce, seconds: float, rate: int) -> int:
    """Toggle reachability `rate` times a second; count the "network back" events."""
    events = 0
    online = debounce.online
    for _ in range(int(seconds * rate)):
        clock.advance(timedelta(seconds=1 / rate))
        online = not online
        debounce.update(online)
        events += debounce.check()
    return events


def _settle(clock: FakeClock, debounce: NetworkDebounce, seconds: float) -> int:
    events = 0
    for _ in range(int(seconds * 10)):
        clock.advance(timedelta(milliseconds=100))
        events += debounce.check()
    return events


def test_network_debounce_flapping_gives_at_most_one_event_per_stable_window():
    clock = FakeClock()
    debounce = NetworkDebounce(clock)
    assert debounce.update(False) is None
    assert _flap(clock, debounce, seconds=10, rate=20) == 0  # never stable for 3 s
    debounce.update(True)
    assert _settle(clock, debounce, seconds=2.9) == 0
    assert _settle(clock, debounce, seconds=10) == 1
    assert _flap(clock, debounce, seconds=5, rate=20) == 0
    debounce.update(True)
    assert _settle(clock, debounce, seconds=10) == 1  # a second outage earns a second event


def test_network_debounce_says_when_to_check():
    clock = FakeClock()
    debounce = NetworkDebounce(clock, online=False)
    due = debounce.update(True)
    assert due == timedelta(seconds=3)
    clock.advance(timedelta(seconds=1))
    assert debounce.due_in() == timedelta(seconds=2)
    assert not debounce.check()
    clock.advance(timedelta(seconds=2))
    assert debounce.check()
    assert debounce.due_in() is None
    assert not debounce.check()


def test_network_debounce_no_event_without_an_outage():
    clock = FakeClock()
    debounce = NetworkDebounce(clock)
    debounce.update(True)
    assert _settle(clock, debounce, seconds=10) == 0
