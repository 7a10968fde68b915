"""The token in a real keychain: gnome-keyring's Secret Service on the rig's private bus.

`startpunt login` (password on stdin) against the sandbox stores the token there; `startpunt`
then runs from the keychain alone; the token (a sentinel found nowhere else) is never in a
file under the profile, the log, the database or the temp folder, nor in the command line
or environment of our processes. A locked-out keychain is not needed here: the fakes in
tests/unit/test_secrets.py cover locked, failing and dropping backends.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.rig import DesktopRig
from devtools.rig_processes import stop_process
from tests.e2e.conftest import require_desktop
from tests.e2e.demo_app import STARTPUNT, DemoApp, write_browser

PASSWORD = "demo"  # the sandbox's public demo account


@pytest.fixture
def sandbox(keyring_rig: DesktopRig, tmp_path: Path) -> Iterator[str]:
    """`python -m sandbox` as its own process; its address."""
    proc = keyring_rig.popen(
        [sys.executable, "-m", "sandbox", "--pace", "off"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline(), proc.stdout.readline()]
        url = next(line.split("=", 1)[1].strip() for line in lines if line.startswith("url="))
        yield url
    finally:
        stop_process(proc)
        if proc.stdout is not None:
            proc.stdout.close()


def login(
    rig: DesktopRig, url: str, profile: Path, password: str = PASSWORD, user: str = "demo"
) -> str:
    """`startpunt login` in the rig, the password on stdin; its output."""
    done = rig.run(
        [STARTPUNT, "login", "--intranet", url, "--user", user, "--profile", str(profile)],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def keychain_token(rig: DesktopRig, url: str) -> str:
    """What the Secret Service holds for this intranet (read as any program could)."""
    code = (
        "import sys; from services.secrets import TokenStore; "
        "sys.stdout.write(TokenStore().load(sys.argv[1]).token)"
    )
    done = rig.run([sys.executable, "-c", code, url], capture_output=True, text=True, timeout=30)
    return str(done.stdout)


def test_login_keeps_the_token_in_gnome_keyring_and_logout_removes_it(
    keyring_rig: DesktopRig, sandbox: str, tmp_path: Path
) -> None:
    out = login(keyring_rig, sandbox, tmp_path / "profile")
    assert "the token is in the keychain" in out
    token = keychain_token(keyring_rig, sandbox)
    assert token.count(".") == 2  # the sandbox's JWT
    found = keyring_rig.run(
        ["secret-tool", "search", "--all", "service", f"startpunt:{sandbox}"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "demo#1" in found.stdout + found.stderr
    done = keyring_rig.run(
        [STARTPUNT, "logout", "--profile", str(tmp_path / "profile")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert "removed from the keychain" in done.stdout
    assert keychain_token(keyring_rig, sandbox) == ""


def _our_pids(root: int) -> list[int]:
    """`root` and its descendants."""
    pids: list[int] = [root]
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    index = 0
    while index < len(pids):
        pids += children.get(pids[index], [])
        index += 1
    return pids


def _files_holding(folder: Path, secret: bytes, since: float) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= since and secret in path.read_bytes():
                hits.append(str(path))
        except OSError:
            continue
    return hits


def test_the_token_is_never_on_disk_in_a_log_or_in_the_process_list(
    keyring_rig: DesktopRig, sandbox: str, tmp_path: Path
) -> None:
    started = time.time() - 1
    profile = tmp_path / "profile"
    login(keyring_rig, sandbox, profile)
    token = keychain_token(keyring_rig, sandbox)
    assert len(token) > 40
    browser, opened = write_browser(tmp_path)
    env = {"BROWSER": str(browser), "LANG": "C.UTF-8", "LANGUAGE": "en"}
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        proc = keyring_rig.popen(
            [STARTPUNT, "--profile", str(profile), "--poll-interval", "10"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    app = DemoApp(proc, profile, opened, time.time())
    try:
        app.wait_log(keyring_rig, "Capabilities:", 60)  # signed in from the keychain, polled
        secret = token.encode()
        for pid in _our_pids(proc.pid):
            for name in ("cmdline", "environ"):
                try:
                    data = (Path("/proc") / str(pid) / name).read_bytes()
                except OSError:
                    continue
                assert secret not in data, f"the token is in /proc/{pid}/{name}"
    finally:
        stop_process(proc)
    assert proc.returncode is not None
    places = [profile, tmp_path, Path(keyring_rig.env["TMPDIR"]), Path(keyring_rig.env["HOME"])]
    hits = [hit for place in places for hit in _files_holding(place, secret, started)]
    keyrings = str(Path(keyring_rig.env["HOME"]) / ".local" / "share" / "keyrings")
    assert [h for h in hits if not h.startswith(keyrings)] == []  # only gnome-keyring's store
    assert "Started against" in app.log_text


def test_a_signed_out_app_says_so_and_takes_a_login_without_restart(
    keyring_rig: DesktopRig, sandbox: str, tmp_path: Path
) -> None:
    rig, profile = keyring_rig, tmp_path / "profile"
    login(rig, sandbox, profile)  # the address in the settings, then signed out again
    logout = [STARTPUNT, "logout", "--profile", str(profile)]
    assert rig.run(logout, capture_output=True, timeout=30).returncode == 0
    browser, opened = write_browser(tmp_path)
    env = {"BROWSER": str(browser), "LANG": "C.UTF-8", "LANGUAGE": "en"}
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("wb") as stderr:
        proc = rig.popen(
            [STARTPUNT, "--profile", str(profile), "--poll-interval", "10", "--no-wizard"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    app = DemoApp(proc, profile, opened, time.time())
    try:
        app.wait(
            rig,
            lambda: [
                c
                for c in rig.notifications()
                if c.app_name == "Startpunt" and c.time >= app.started_at
                and "startpunt login" in c.body
            ],
            30,
            what="the not-signed-in alert",
        )  # fmt: skip
        assert stderr_path.read_text().splitlines() == [
            f"startpunt: Not signed in: run `startpunt login --intranet {sandbox} --user NAME`"
        ]
        out = login(rig, sandbox, profile)
        assert "The running Startpunt uses the new sign-in now." in out
        app.wait_log(rig, "Signed in again with the token from the keychain", 30)
        app.wait_log(rig, "Capabilities:", 60)  # polling (and so the outbox) is back
        assert proc.poll() is None
    finally:
        stop_process(proc)


def test_a_locked_gnome_keyring_fails_closed_instead_of_hanging() -> None:
    """Locked, with no prompter to unlock it, keyring's Secret Service backend waits forever;
    the store gives up at its deadline and reports it (its own rig: this one stays locked)."""
    require_desktop("none", ["gnome-keyring-daemon"])
    code = (
        "import sys, time; from services.secrets import TokenStore; "
        "s = TokenStore(timeout_s=3); t = time.monotonic(); "
        "r = s.save('https://x.example', 'alice', 'token-' * 20); l = s.load('https://x.example'); "
        "print(r.storage.value, l.problem.split(':')[0], round(time.monotonic() - t))"
    )
    with DesktopRig("none", keyring=True) as rig:
        locked = rig.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
             "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
             "array:objpath:/org/freedesktop/secrets/collection/login"],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert locked.returncode == 0, locked.stderr
        done = rig.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    storage, problem, seconds = done.stdout.split()
    assert (storage, problem) == ("session-only", "unavailable"), done.stderr
    assert int(seconds) < 20
