"""The community settings and policy keys: decoders refuse bad values, the policy names the
tips space, and IT may set or lock the new switches."""

from __future__ import annotations

import json

import pytest

from services.policy import PolicyError, parse_policy
from services.setting_values import clock_time, weekday
from services.settings import Settings, from_json, load, save


def test_defaults_jouw_week_and_nudge_on_tip_off() -> None:
    s = Settings()
    assert (s.jouw_week, s.jouw_week_day, s.jouw_week_time) == (True, 4, "15:00")
    assert s.profile_nudge
    assert not s.weekly_tip


@pytest.mark.parametrize("raw", ["15:00", " 9:05 ", "00:00", "23:59"])
def test_clock_times_are_read(raw: str) -> None:
    assert clock_time(raw) == f"{int(raw.split(':')[0]):02d}:{raw.split(':')[1].strip()}"


@pytest.mark.parametrize(
    "raw", ["24:00", "15", "15:60", "x:y", "\u0661\u0665:\u0660\u0660", 15, None, "15:00:00"]
)
def test_bad_clock_times_are_refused(raw: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        clock_time(raw)


@pytest.mark.parametrize("raw", [-1, 7, True, "4", 4.0])
def test_bad_weekdays_are_refused(raw: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        weekday(raw)


def test_a_bad_saved_value_falls_back_to_its_default_alone() -> None:
    s = from_json({"schema_version": 3, "jouw_week_day": 9, "jouw_week_time": "16:30",
                   "weekly_tip": "yes"})  # fmt: skip
    assert (s.jouw_week_day, s.jouw_week_time, s.weekly_tip) == (4, "16:30", False)


def test_the_policy_names_the_tips_space_and_may_lock_the_switches() -> None:
    doc = {"tips_container_id": 12, "tips_topic": " Tips ", "defaults": {"weekly_tip": True},
           "locked": {"jouw_week_time": "14:00"}}  # fmt: skip
    policy = parse_policy(json.dumps(doc).encode())
    assert (policy.tips_container_id, policy.tips_topic) == (12, "Tips")
    assert policy.defaults == {"weekly_tip": True}
    assert policy.locked == {"jouw_week_time": "14:00"}


@pytest.mark.parametrize("doc", [{"tips_container_id": 0}, {"tips_container_id": "12"},
                                 {"tips_topic": 5}, {"tips_topic": "x" * 101}])  # fmt: skip
def test_a_bad_tips_key_refuses_the_policy(doc: dict[str, object]) -> None:
    with pytest.raises(PolicyError):
        parse_policy(json.dumps(doc).encode())


def test_the_new_settings_survive_a_save_and_a_load(tmp_path) -> None:
    chosen = Settings(
        kudos_space="Complimenten", leader_nudge="tue 10:15", jouw_week=False, jouw_week_day=2,
        jouw_week_time="14:30", profile_nudge=False, weekly_tip=True,
    )  # fmt: skip
    path = tmp_path / "settings.json"
    save(path, chosen)
    assert load(path) == chosen
