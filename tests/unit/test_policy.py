"""IT's policy file: where it is per OS, what it may set, precedence, locks, broken files."""

from __future__ import annotations

import json
import logging
import os
from datetime import time
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from services.policy import (
    POLICY_ENV,
    LauncherLink,
    Policy,
    PolicyError,
    choose,
    combine,
    load_policy,
    parse_policy,
    policy_paths,
    save_choice,
)
from services.quiet_hours import WorkingPeriod
from services.settings import Settings, load_with_names, save

INTRANET = "https://intranet.example.org"
DAY = [{"weekday": 0, "start": "08:00", "end": "17:00"}]


def _doc(**parts: object) -> bytes:
    return json.dumps({"policy_version": 1, **parts}).encode()


def test_paths_per_os() -> None:
    assert policy_paths("linux", {}) == [
        PurePosixPath("/etc/startpunt/policy.json"),
        PurePosixPath("/etc/xdg/startpunt/policy.json"),
    ]
    env = {"XDG_CONFIG_DIRS": "/opt/conf:relative:/etc/xdg"}
    assert policy_paths("linux", env) == [
        PurePosixPath("/etc/startpunt/policy.json"),
        PurePosixPath("/opt/conf/startpunt/policy.json"),
        PurePosixPath("/etc/xdg/startpunt/policy.json"),
    ]
    assert policy_paths("win32", {"ProgramData": r"D:\PD"}) == [
        PureWindowsPath(r"D:\PD\Startpunt\policy.json")
    ]
    assert str(policy_paths("win32", {})[0]) == r"C:\ProgramData\Startpunt\policy.json"
    assert policy_paths("darwin", {}) == [
        PurePosixPath("/Library/Application Support/Startpunt/policy.json")
    ]


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_the_environment_variable_overrides_the_place(platform: str) -> None:
    assert [str(p) for p in policy_paths(platform, {POLICY_ENV: "/srv/it/p.json"})] == [
        str(PureWindowsPath("/srv/it/p.json") if platform == "win32" else "/srv/it/p.json")
    ]


def test_first_existing_file_on_linux_is_used(tmp_path) -> None:
    second = tmp_path / "b" / "startpunt" / "policy.json"
    second.parent.mkdir(parents=True)
    second.write_bytes(_doc(locked={"intranet_url": INTRANET}))
    env = {"XDG_CONFIG_DIRS": f"{tmp_path / 'a'}:{tmp_path / 'b'}"}
    policy = load_policy("linux", env)
    assert policy.locked == {"intranet_url": INTRANET}
    assert policy.source == str(second)


def test_a_full_policy_is_read_and_typed() -> None:
    policy = parse_policy(
        _doc(
            defaults={"working_hours": DAY, "autostart": True},
            locked={"intranet_url": "Intranet.Example.org/", "leaders": ["guid-1", " Petra "]},
            kudos_space_id=12,
            launcher_links=[{"name": " Rooster ", "url": "https://rooster.example.net/x"}],
        )
    )
    assert policy.defaults == {
        "working_hours": (WorkingPeriod(0, time(8), time(17)),),
        "autostart": True,
    }
    assert policy.locked == {"intranet_url": INTRANET, "leaders": ("guid-1", "Petra")}
    assert policy.kudos_space_id == 12
    assert policy.launcher_links == (LauncherLink("Rooster", "https://rooster.example.net/x"),)


def test_a_byte_order_mark_is_accepted() -> None:
    policy = parse_policy(b"\xef\xbb\xbf" + _doc(defaults={"guidelines_url": INTRANET + "/g"}))
    assert policy.defaults == {"guidelines_url": INTRANET + "/g"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[]", "not a JSON object"),
        (_doc(lockd={}), "unknown key(s) 'lockd'"),
        (json.dumps({"policy_version": 2}).encode(), "policy_version 2"),
        (_doc(locked={"poll_interval": 10}), "locked.poll_interval: not a setting the policy"),
        (_doc(defaults={"intranet_url": "http://intranet.example.org"}), "plain http refused"),
        (_doc(defaults={"leaders": "Petra"}), "defaults.leaders: not a list"),
        (_doc(defaults={"autostart": 1}), "defaults.autostart: not true or false"),
        (_doc(defaults={"leaders": []}, locked={"leaders": []}), "both in defaults and locked"),
        (_doc(kudos_space_id="12"), "kudos_space_id must be a space id"),
        (_doc(kudos_space_id=0), "kudos_space_id must be a space id"),
        (_doc(launcher_links=[{"name": "A", "url": "http://a.example"}]), "only https"),
        (_doc(launcher_links=[{"name": "", "url": "https://a.example"}]), "name must be text"),
        (_doc(launcher_links=[{"url": "https://a.example"}]), "exactly name and url"),
        (b" " * 300_000, "larger than"),
    ],
)
def test_a_broken_policy_says_exactly_why(data: bytes, reason: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(data)
    assert reason in str(caught.value)


def test_a_broken_file_is_refused_whole_logged_and_never_raises(tmp_path, caplog) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(_doc(locked={"intranet_url": INTRANET, "leaders": 5}))
    with caplog.at_level(logging.ERROR):
        policy = load_policy("linux", {POLICY_ENV: str(path)})
    assert policy.locked == {}
    assert policy.defaults == {}
    assert policy.problem.startswith("locked.leaders:")
    assert f"Policy file {path} refused: locked.leaders:" in caplog.text


def test_an_unreadable_file_is_a_problem_and_a_missing_one_is_none(tmp_path) -> None:
    folder = tmp_path / "policy.json"
    folder.mkdir()  # reading a folder fails with an OSError
    assert load_policy("linux", {POLICY_ENV: str(folder)}).problem.startswith("unreadable")
    missing = load_policy("linux", {POLICY_ENV: str(tmp_path / "none.json")})
    assert missing == Policy()


def test_precedence_locked_then_user_then_policy_default_then_product() -> None:
    policy = parse_policy(
        _doc(
            defaults={"guidelines_url": INTRANET + "/it", "working_hours": DAY},
            locked={"leaders": ["Directie"]},
        )
    )
    user = Settings(guidelines_url=INTRANET + "/mine", leaders=("Me",), thanks_text="Top")
    names = frozenset({"guidelines_url", "leaders", "thanks_text"})
    effective = combine(user, names, policy)
    s = effective.settings
    assert s.leaders == ("Directie",)  # locked beats the user's own
    assert s.guidelines_url == INTRANET + "/mine"  # the user's own beats a policy default
    assert s.working_hours == (WorkingPeriod(0, time(8), time(17)),)  # policy default
    assert s.thanks_text == "Top"
    assert s.poll_interval == Settings().poll_interval  # product default
    assert effective.locked == {"leaders"}
    assert effective.is_locked("leaders")
    assert not effective.is_locked("guidelines_url")


def test_a_user_default_in_the_file_is_not_a_choice(tmp_path) -> None:
    """Only what the user's file holds counts: a policy default fills the rest."""
    path = tmp_path / "settings.json"
    save(path, Settings(), frozenset({"thanks_text"}))
    user, names = load_with_names(path)
    policy = parse_policy(_doc(defaults={"guidelines_url": INTRANET + "/it"}))
    assert combine(user, names, policy).settings.guidelines_url == INTRANET + "/it"


def test_a_locked_setting_cannot_be_changed_and_is_not_written(tmp_path, caplog) -> None:
    path = tmp_path / "settings.json"
    policy = parse_policy(_doc(locked={"intranet_url": INTRANET}))
    effective = combine(Settings(), frozenset(), policy)
    with caplog.at_level(logging.WARNING):
        after = save_choice(path, effective, "intranet_url", "https://other.example.org")
    assert after is effective
    assert after.settings.intranet_url == INTRANET
    assert not path.exists()
    assert "Setting intranet_url is locked by the policy file" in caplog.text


def test_a_free_setting_is_saved_as_the_users_own_choice(tmp_path) -> None:
    path = tmp_path / "settings.json"
    policy = parse_policy(_doc(defaults={"autostart": True}))
    effective = combine(Settings(), frozenset(), policy)
    assert effective.settings.autostart is True
    after = save_choice(path, effective, "autostart", False)
    assert after.settings.autostart is False
    assert json.loads(path.read_text()) == {"schema_version": 3, "autostart": False}
    reread, names = load_with_names(path)
    assert combine(reread, names, policy).settings.autostart is False


def test_choose_without_policy_changes_only_that_setting() -> None:
    effective = combine(Settings(thanks_text="A"), frozenset({"thanks_text"}), Policy())
    after = choose(effective, "guidelines_url", INTRANET + "/g")
    assert after.settings == Settings(thanks_text="A", guidelines_url=INTRANET + "/g")
    assert after.user_names == {"thanks_text", "guidelines_url"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_world_writable_policy_is_refused(tmp_path, caplog) -> None:
    """Any local user could otherwise lock the intranet address (where the token goes)."""
    path = tmp_path / "policy.json"
    path.write_bytes(_doc(locked={"intranet_url": INTRANET}))
    path.chmod(0o646)
    with caplog.at_level(logging.ERROR):
        policy = load_policy("linux", {POLICY_ENV: str(path)})
    assert policy.locked == {}
    assert policy.problem == "writable by every user of this computer (chmod o-w)"
    path.chmod(0o644)
    assert load_policy("linux", {POLICY_ENV: str(path)}).locked == {"intranet_url": INTRANET}
