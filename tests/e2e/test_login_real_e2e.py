"""From a fresh profile, `startpunt login … && startpunt` to the first real alert, in the rig
with gnome-keyring as the keychain and the real HumHub as the intranet: alice signs in with her
password on stdin, Startpunt starts from the keychain and the settings alone, bobby likes
alice's post (the kit's like.sh), the alert reaches dunst. The seconds are printed (the test
asserts that the alert arrives, not how fast)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from devtools.rig import DesktopRig
from devtools.rig_processes import stop_process
from tests.e2e.demo_app import STARTPUNT, DemoApp, write_browser
from tests.e2e.test_keychain_e2e import keychain_token, login
from tests.real.server import RealHumHub, unique

pytestmark = pytest.mark.real


def test_login_then_startpunt_brings_the_first_real_alert(
    keyring_rig: DesktopRig, real_humhub: RealHumHub, tmp_path: Path
) -> None:
    hh, rig = real_humhub, keyring_rig
    hh.reset_login_failures("alice")
    hh.mark_all_seen("alice")
    text = unique("login e2e")
    marker = text.split()[0]
    post = hh.create_post("alice", hh.space_container_id, text)
    profile = tmp_path / "fresh-profile"
    browser, opened = write_browser(tmp_path)
    env = {"BROWSER": str(browser), "LANG": "C.UTF-8", "LANGUAGE": "en"}
    started = time.monotonic()
    out = login(rig, hh.base_url, profile, hh.passwords["alice"], user="alice")
    signed_in = time.monotonic()
    assert "as Alice Anders (alice); the token is in the keychain" in out
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        proc = rig.popen(
            [STARTPUNT, "--profile", str(profile), "--poll-interval", "10"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    app = DemoApp(proc, profile, opened, time.time())
    try:
        app.wait_log(rig, "Capabilities:", 60)  # signed in from the keychain, first poll done
        polled = time.monotonic()
        hh.like("bobby", f"post:{post['id']}")
        liked = time.monotonic()
        calls = app.wait(
            rig,
            lambda: [
                c
                for c in rig.notifications()
                if c.app_name == "Startpunt" and marker in c.summary + c.body
            ],
            60,
            what="the like alert",
        )
        alerted = time.monotonic()
    finally:
        stop_process(proc)
    assert "Bob Bakker" in calls[-1].summary + calls[-1].body
    assert keychain_token(rig, hh.base_url)  # still there for the next start
    print(  # noqa: T201 - the figure for the report
        f"\nLOGIN TO FIRST REAL ALERT: {alerted - started:.1f} s in all"
        f" (login {signed_in - started:.1f} s, start to first poll {polled - signed_in:.1f} s,"
        f" like.sh {liked - polled:.1f} s, like to alert {alerted - liked:.1f} s)",
        flush=True,
    )
