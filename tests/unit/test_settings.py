"""settings.py: typed defaults, JSON round trip, atomic 0600 writes, repair, SIGKILL safety."""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time as clock
from dataclasses import fields, replace
from datetime import time, timedelta
from pathlib import Path

import pytest

from services import settings as settings_module
from services.quiet_hours import weekly
from services.settings import AlertKinds, Settings, from_json, load, save, to_json
from services.store import StoreError

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

CUSTOM = Settings(
    poll_interval=timedelta(seconds=45),
    alert_kinds=AlertKinds(like=False, content_created=True),
    working_hours=weekly(range(4), time(8, 30), time(17)),
    leaders=("guid-leader", "Petra Directeur"),
    guidelines_url="https://intranet.example.org/richtlijnen",
    thanks_text="Dank je wel!",
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_settings_defaults_are_the_products():
    s = Settings()
    assert s.poll_interval == timedelta(seconds=30)
    on = {"like", "mention", "comment", "poll", "custom", "leader_post"}
    off = {"content_created", "follow", "space_membership", "other"}
    assert all(s.alert_kinds.enabled(k) for k in on)
    assert not any(s.alert_kinds.enabled(k) for k in off)
    assert not s.alert_kinds.enabled("no_such_switch")
    assert s.working_hours == ()


def test_settings_round_trip(tmp_path):
    path = tmp_path / "config" / "settings.json"
    save(path, CUSTOM)
    assert load(path) == CUSTOM
    assert json.loads(path.read_text())["schema_version"] == settings_module.SCHEMA_VERSION


def test_settings_missing_file_gives_defaults(tmp_path):
    assert load(tmp_path / "nope" / "settings.json") == Settings()


def test_settings_file_holds_only_what_the_app_reads(tmp_path, caplog):
    """Version 1 wrote settings nothing read; they are dropped, old files still load."""
    old = {
        "schema_version": 1,
        "intranet_url": "https://intranet.example.org",
        "poll_interval": 45,
        "language": "nl",
        "autostart": True,
        "start_my_day": False,
        "kudos_space_id": 12,
        "recent_targets": [5, 3],
        "leaders": ["Petra Directeur"],
    }
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(old))
    path.chmod(0o600)
    with caplog.at_level(logging.WARNING):
        loaded = load(path)
    assert caplog.text == ""
    assert loaded.poll_interval == timedelta(seconds=45)
    assert loaded.leaders == ("Petra Directeur",)
    save(path, loaded)
    written = json.loads(path.read_text())
    retired = {"language", "start_my_day", "kudos_space_id"}
    assert not retired & written.keys()
    assert "recent_targets" not in written
    # intranet_url and autostart came back in version 3 with readers; version 1's values
    # were never read, so they are not carried over.
    assert written["intranet_url"] == ""
    assert written["autostart"] is False
    read = {f.name for f in fields(Settings)} | {"schema_version"}
    assert set(written) == read


@posix_only
def test_settings_written_0600_in_a_0700_folder(tmp_path):
    path = tmp_path / "config" / "settings.json"
    save(path, CUSTOM)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700


@posix_only
def test_settings_load_repairs_loose_modes(tmp_path, caplog):
    folder = tmp_path / "config"
    folder.mkdir()
    path = folder / "settings.json"
    path.write_text(json.dumps(to_json(CUSTOM)))
    path.chmod(0o644)
    folder.chmod(0o755)
    with caplog.at_level(logging.WARNING):
        assert load(path) == CUSTOM
    assert _mode(path) == 0o600
    assert _mode(folder) == 0o700
    assert "Repaired mode" in caplog.text


def test_settings_load_removes_stale_temp_files(tmp_path):
    path = tmp_path / "settings.json"
    save(path, CUSTOM)
    stale = tmp_path / ".settings.json.abc123.tmp"
    stale.write_text('{"half": ')
    other = tmp_path / ".other.json.abc.tmp"
    other.write_text("not ours")
    assert load(path) == CUSTOM
    assert not stale.exists()
    assert other.exists()


def test_settings_unknown_and_invalid_fields_fall_back_without_losing_others(tmp_path, caplog):
    doc = to_json(CUSTOM)
    doc["poll_interval"] = "every now and then"
    doc["thanks_text"] = True
    doc["working_hours"] = [{"weekday": 9, "start": "08:00", "end": "17:00"}]
    doc["alert_kinds"] = {"like": "yes", "follow": True, "bogus": True}
    doc["from_the_future"] = 1
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(doc))
    with caplog.at_level(logging.WARNING):
        loaded = load(path)
    assert loaded.poll_interval == Settings().poll_interval
    assert loaded.thanks_text == ""
    assert loaded.working_hours == ()
    assert loaded.alert_kinds == AlertKinds(follow=True)
    assert loaded.leaders == CUSTOM.leaders
    assert loaded.guidelines_url == CUSTOM.guidelines_url
    for word in ("poll_interval", "thanks_text", "working_hours", "bogus", "from_the_future"):
        assert word in caplog.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("poll_interval", 1),
        ("poll_interval", float("nan")),
        ("poll_interval", 10**9),
        ("guidelines_url", "http://intranet/richtlijnen"),
        ("thanks_text", "x" * 600),
        ("leaders", "not a list"),
        ("leaders", ["x"] * 1000),
        ("thanks_text", 42),
    ],
)
def test_settings_invalid_values_become_defaults(field, value):
    doc = to_json(CUSTOM)
    doc[field] = value
    assert getattr(from_json(doc), field) == getattr(Settings(), field)
    assert from_json(doc).poll_interval == CUSTOM.poll_interval or field == "poll_interval"


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", "\xff\xfe", "[" * 100_000])
def test_settings_corrupt_file_gives_defaults_and_keeps_a_copy(tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="latin-1")
    assert load(path) == Settings()
    assert (tmp_path / "settings.json.corrupt").exists()


def test_settings_unversioned_file_is_upgraded(tmp_path):
    doc = to_json(CUSTOM)
    del doc["schema_version"]
    assert from_json(doc) == CUSTOM


def test_settings_upgrades_run_in_order(monkeypatch):
    def v1_to_v2(raw):
        raw = dict(raw)
        raw["poll_interval"] = raw.pop("interval_minutes") * 60
        return raw

    monkeypatch.setattr(settings_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(settings_module.UPGRADES, 1, v1_to_v2)
    loaded = from_json({"schema_version": 1, "interval_minutes": 2, "leaders": ["x"]})
    assert loaded.poll_interval == timedelta(minutes=2)
    assert loaded.leaders == ("x",)


def test_settings_newer_version_reads_known_fields(caplog):
    doc = to_json(CUSTOM) | {"schema_version": 99, "new_thing": {"a": 1}}
    with caplog.at_level(logging.WARNING):
        assert from_json(doc) == CUSTOM
    assert "newer version" in caplog.text


def test_settings_save_failure_raises_store_error_and_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save(path, CUSTOM)

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    with pytest.raises(StoreError):
        save(path, Settings())
    assert load(path) == CUSTOM
    assert not list(tmp_path.glob(".settings.json.*.tmp"))


_WRITER = textwrap.dedent(
    """
    import sys
    from datetime import timedelta
    from pathlib import Path
    from services.settings import Settings, save

    path = Path(sys.argv[1])
    leaders = tuple(f"leider-{n:03d}-" + "x" * 60 for n in range(150))
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        save(path, Settings(poll_interval=timedelta(seconds=10 + i % 3000), leaders=leaders))
    """
)


def _kill_once(path: Path, rng: random.Random) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    clock.sleep(rng.uniform(0.0, 0.04))
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_settings_survive_sigkill_during_save(tmp_path):
    rng = random.Random(11)
    path = tmp_path / "settings.json"
    save(path, replace(Settings(), leaders=("first",)))
    interrupted = 0
    for _ in range(40):
        _kill_once(path, rng)
        interrupted += bool(list(tmp_path.glob(".settings.json.*.tmp")))
        doc = json.loads(path.read_text())  # always parses: the old or the new file
        loaded = from_json(doc)
        assert loaded.leaders == ("first",) or len(loaded.leaders) == 150
        assert load(path) == loaded  # and the stale temp file is gone afterwards
        assert not list(tmp_path.glob(".settings.json.*.tmp"))
    assert interrupted > 0  # some kills really landed in the middle of a save


def test_server_time_zone_is_an_iana_name_or_empty(caplog) -> None:
    assert Settings().server_time_zone == ""
    chosen = from_json({"schema_version": 1, "server_time_zone": "Europe/Amsterdam"})
    assert chosen.server_time_zone == "Europe/Amsterdam"
    assert to_json(chosen)["server_time_zone"] == "Europe/Amsterdam"
    for bad in ("Mars/Olympus", "../etc/passwd", 1):
        assert from_json({"schema_version": 1, "server_time_zone": bad}).server_time_zone == ""
    assert "server_time_zone" in caplog.text
