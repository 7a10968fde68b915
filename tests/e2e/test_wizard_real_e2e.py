"""From a fresh profile, the first-run wizard to the first real alert, in the rig with
gnome-keyring as the keychain and the real HumHub as the intranet: `startpunt` shows the
wizard, the keyboard (xdotool) types the address and alice's name and password, Enter goes
through every page, the app then runs signed in; bobby likes alice's post and the alert
reaches dunst. Every page is photographed (in `$WIZARD_SHOTS` when set). The seconds from
"wizard shown" to the alert are printed; the test asserts the alert, not the time."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from devtools.rig import DesktopRig
from devtools.rig_processes import stop_process
from tests.e2e.demo_app import STARTPUNT, DemoApp, write_browser
from tests.e2e.test_keychain_e2e import keychain_token
from tests.real.server import RealHumHub, unique

pytestmark = pytest.mark.real

LANGUAGES = {"en": ("C.UTF-8", "en"), "nl": ("nl_NL.UTF-8", "nl")}


def _keys(rig: DesktopRig, *args: str) -> None:
    rig.run(["xdotool", *args], check=True, timeout=30, capture_output=True)


def _type(rig: DesktopRig, text: str) -> None:
    _keys(rig, "type", "--delay", "15", text)


def _shot(rig: DesktopRig, folder: Path, name: str) -> None:
    """Photograph the screen once it differs from the last photo (the page was painted)."""
    shots = sorted(folder.glob("*.png"), key=lambda p: p.stat().st_mtime)
    before = shots[-1].read_bytes() if shots else b""
    target = folder / f"{name}.png"
    rig.wait_for(lambda: rig.screenshot(target).read_bytes() != before, 15, what=f"{name} painted")
    copies = os.environ.get("WIZARD_SHOTS", "")
    if copies:
        Path(copies).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(copies) / target.name)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_wizard_to_the_first_real_alert(
    keyring_rig: DesktopRig, real_humhub: RealHumHub, tmp_path: Path, language: str
) -> None:
    hh, rig = real_humhub, keyring_rig
    hh.reset_login_failures("alice")
    hh.mark_all_seen("alice")
    text = unique(f"wizard e2e {language}")
    marker = text.split()[0]
    post = hh.create_post("alice", hh.space_container_id, text)
    profile = tmp_path / "fresh-profile"
    browser, opened = write_browser(tmp_path)
    lang, languages = LANGUAGES[language]
    env = {"BROWSER": str(browser), "LANG": lang, "LANGUAGE": languages}
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        proc = rig.popen(
            [STARTPUNT, "--profile", str(profile), "--poll-interval", "10"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    app = DemoApp(proc, profile, opened, time.time())
    try:
        app.wait_log(rig, "Wizard shown", 60)
        rig.run(["dunstctl", "close-all"], timeout=30, check=False)  # a former test's alerts
        shown = time.monotonic()
        title = "Welcome to Startpunt" if language == "en" else "Welkom bij Startpunt"
        found = rig.run(
            ["xdotool", "search", "--sync", "--name", title],
            capture_output=True, text=True, timeout=30, check=True,
        )  # fmt: skip
        window = found.stdout.split()[0]
        _keys(rig, "windowfocus", "--sync", window)
        _shot(rig, tmp_path, f"{language}-1-address")
        _type(rig, "http://intranet.example.org")
        _keys(rig, "key", "Return")
        app.wait_log(rig, "Wizard: address refused", 30)
        _shot(rig, tmp_path, f"{language}-1-address-refused")
        _keys(rig, "key", "ctrl+a")
        _type(rig, "http://127.0.0.1:9")  # loopback may be http; nothing listens on 9
        _keys(rig, "key", "Return")
        app.wait_log(rig, "Wizard check tcp: False", 30)
        _shot(rig, tmp_path, f"{language}-1-address-unreachable")
        _keys(rig, "key", "ctrl+a")
        _type(rig, hh.base_url)
        _keys(rig, "key", "Return")
        app.wait_log(rig, "Wizard check api: True", 60)
        _shot(rig, tmp_path, f"{language}-2-sign-in")
        _type(rig, "carol")
        _keys(rig, "key", "Tab")
        _type(rig, "not her password")
        _keys(rig, "key", "Return")
        app.wait_log(rig, "Wizard: sign-in failed", 30)
        _shot(rig, tmp_path, f"{language}-2-sign-in-refused")
        hh.reset_login_failures("carol")
        _keys(rig, "key", "shift+Tab")  # from the emptied password back to the username
        _keys(rig, "key", "ctrl+a")
        _type(rig, "alice")
        _keys(rig, "key", "Tab")
        _type(rig, hh.passwords["alice"])
        _keys(rig, "key", "Return")
        app.wait_log(rig, "Wizard: signed in as alice", 60)
        _shot(rig, tmp_path, f"{language}-3-is-this-you")
        _keys(rig, "key", "Return")
        _shot(rig, tmp_path, f"{language}-4-choices")
        _keys(rig, "key", "Return")
        app.wait_log(rig, "Capabilities:", 60)  # signed in, first poll done
        polled = time.monotonic()
        hh.like("bobby", f"post:{post['id']}")
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
        assert proc.poll() is None
    finally:
        stop_process(proc)
    assert "Bob Bakker" in calls[-1].summary + calls[-1].body
    assert keychain_token(rig, hh.base_url)  # kept for the next start
    token = keychain_token(rig, hh.base_url).encode()
    for path in (p for p in profile.rglob("*") if p.is_file()):
        assert token not in path.read_bytes(), path
    print(  # noqa: T201 - the figure for the report
        f"\nWIZARD ({language}) TO FIRST REAL ALERT: {alerted - shown:.1f} s"
        f" (wizard {polled - shown:.1f} s incl. first poll, like to alert {alerted - polled:.1f} s)",
        flush=True,
    )
