"""End to end: `startpunt post "…"` from a second process, Ctrl+Enter, the post with its
@mention on the sandbox, and a colleague's like coming back as an OS alert.

Runs the real app in the rig (`startpunt --demo --demo-pace fast --profile P`); a second
`startpunt post --profile P TEXT` forwards to it over the local socket and exits 0; the
keyboard is driven with xdotool (XTEST) like a user would. Prints the median time from
Ctrl+Enter to the post existing on the sandbox.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import uuid

from devtools.rig import DesktopRig, NotifyCall
from tests.e2e.conftest import require_desktop
from tests.e2e.demo_app import STARTPUNT, DemoApp, run_demo

ROUNDS = 10
ENV = {"LANG": "C.UTF-8", "LANGUAGE": "en"}


def _like_alerts(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [
        c
        for c in rig.notifications()
        if c.app_name == "Startpunt" and c.time >= since and "leuk" in c.body
    ]


def _dialog_window(rig: DesktopRig) -> str:
    done = rig.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^New post$"],
        capture_output=True, text=True, timeout=10, check=False,
    )  # fmt: skip
    return done.stdout.split()[-1] if done.returncode == 0 and done.stdout.split() else ""


def _post_on_server(app: DemoApp, marker: str) -> str:
    with app.sandbox_db() as db:
        row = db.execute(
            "SELECT message FROM post WHERE message LIKE ? ORDER BY id DESC", (f"%{marker}%",)
        ).fetchall()
    return "\n".join(str(r[0]) for r in row) if len(row) == 1 else ("" if not row else "DUP")


def _forward(rig: DesktopRig, app: DemoApp, text: str) -> float:
    started = time.monotonic()
    done = rig.run(
        [STARTPUNT, "post", "--profile", str(app.profile), text],
        env=ENV, capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def _like_on_our_post(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [c for c in _like_alerts(rig, since) if "Dank je" in c.body]


def _post_once(rig: DesktopRig, app: DemoApp, colleague: str) -> tuple[float, float]:
    """Forward a post, press Ctrl+Enter in its dialog; (forward s, Ctrl+Enter → server s)."""
    marker = uuid.uuid4().hex[:8]
    forward = _forward(rig, app, f"Dank je @{colleague} voor de steun! {marker}")
    window = rig.wait_for(lambda: _dialog_window(rig), 15, what="the New post dialog")
    rig.run(["xdotool", "windowfocus", "--sync", window], timeout=10, check=True)
    pressed_at = time.monotonic()
    rig.run(["xdotool", "key", "--clearmodifiers", "ctrl+Return"], timeout=10, check=True)
    message = rig.wait_for(
        lambda: _post_on_server(app, marker), 20, interval=0.005, what="the post on the sandbox"
    )
    latency = time.monotonic() - pressed_at
    assert message != "DUP", "the post is on the sandbox twice"
    assert f"[{colleague}](mention:" in message, message
    rig.wait_for(lambda: not _dialog_window(rig), 10, what="the dialog to close")
    return forward, latency


def test_post_from_a_second_launch_reaches_the_intranet_once(rig, tmp_path, capsys):
    require_desktop("sni", ("xdotool",))
    args = ("--demo-pace", "fast", "--poll-interval", "10")
    with run_demo(rig, tmp_path / "profile", *args) as app:
        first_like = rig.wait_for(lambda: _like_alerts(rig, app.started_at), 40, what="a like")
        colleague = first_like[0].summary  # the alert's title is the colleague's name
        posted_at = time.time()
        timings = [_post_once(rig, app, colleague) for _ in range(1 + ROUNDS)]
        # A colleague likes each new post; the rate limit lets some of those likes through
        # as alerts of their own (the rest are counted in a summary), so at least one shows.
        like = rig.wait_for(
            lambda: _like_on_our_post(rig, posted_at), 60, what="a like on one of the new posts"
        )
        assert like[0].summary != ""
    forwards, latencies = zip(*timings, strict=True)
    with capsys.disabled():
        sys.stderr.write(
            f"\nCtrl+Enter -> on the sandbox: median {statistics.median(latencies) * 1000:.0f} ms"
            f" over {len(latencies)} (min {min(latencies) * 1000:.0f},"
            f" max {max(latencies) * 1000:.0f}); `startpunt post` forwarding process:"
            f" median {statistics.median(forwards) * 1000:.0f} ms\n"
        )


def test_post_starts_the_app_when_none_runs(rig, tmp_path):
    """`startpunt post --demo … TEXT` with nothing running starts the app with the dialog."""
    require_desktop("sni", ("xdotool",))
    profile = tmp_path / "alone"
    proc = rig.popen(
        [STARTPUNT, "post", "--demo", "--demo-pace", "off", "--profile", str(profile), "Hallo"],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        window = rig.wait_for(lambda: _dialog_window(rig), 30, what="the New post dialog")
        assert window
        assert proc.poll() is None
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
