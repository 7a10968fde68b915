"""End to end: the real app against a hostile intranet on 127.0.0.1 stays responsive (issue 7;
RELIABILITY rows 12, 17, 18, 19 and 37 at once).

The server answers every notification list with a 4 MiB page of the worst HTML we could build
and ignores `page` (always "page 1 of 500"). Meanwhile a second launch knocks on the running
app's local socket, as `startpunt post TEXT` does, every quarter second for two polls; each
must be answered within a second. Then real `startpunt post` launches run and exit 0. The
user-visible outcome: answered launches, at most 3 alerts, the app alive and still polling,
and no request storm. Prints the figures.
"""

from __future__ import annotations

import json
import socket
import statistics
import sys
import time
from pathlib import Path

from benchmarks.text_conversion import WORST
from desktop.paths import Paths
from desktop.single_instance import server_name
from devtools.rig import DesktopRig
from services.humhub.http import MAX_BODY_BYTES
from tests.e2e.conftest import require_desktop
from tests.e2e.demo_app import STARTPUNT, run_against
from tests.fakes.hostile import (
    HostileServer,
    Query,
    Reply,
    Route,
    hostile_server,
    notification_page,
)
from tests.unit.test_humhub_support import current_user_json, notification_json

ITEMS = 50
SHAPES = ("lt_a", "tags_with_text", "breaks", "nested_divs", "entities")
UNSEEN = "/notification/unseen"
ANSWER_BUDGET_S = 1.0


def _hostile_page() -> bytes:
    per_item = (MAX_BODY_BYTES - 64 * 1024) // ITEMS
    items: list[object] = [
        notification_json(i, output=WORST[SHAPES[i % len(SHAPES)]](per_item))
        for i in range(1000 + ITEMS, 1000, -1)
    ]
    body = notification_page(items, total=500, page=1, pages=500).payload()
    assert len(body) <= MAX_BODY_BYTES
    return body


def _route(page: bytes) -> Route:
    me = json.dumps(current_user_json()).encode()
    not_found = json.dumps({"code": 404, "message": "Not found"}).encode()

    def route(method: str, path: str, query: Query) -> Reply:
        if path.startswith("/notification"):
            return Reply(body=page)  # whatever page was asked for
        if path == "/auth/current":
            return Reply(body=me)
        return Reply(status=404, body=not_found)

    return route


def _ask(sock_path: Path, text: str) -> float:
    """Send one `post` command the way a second launch does; seconds until `ok`."""
    started = time.monotonic()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(5)
        conn.connect(str(sock_path))
        conn.sendall(json.dumps({"command": "post", "text": text}).encode() + b"\n")
        reply = b""
        while not reply.endswith(b"\n"):
            chunk = conn.recv(16)
            if not chunk:
                break
            reply += chunk
    assert reply == b"ok\n", reply
    return time.monotonic() - started


def _knock_through_polls(server: HostileServer, sock_path: Path, polls: int) -> list[float]:
    """Knock every 0.25 s until the server has seen `polls` more polls; the answer times."""
    answers: list[float] = []
    target = server.count(UNSEEN) + polls
    deadline = time.monotonic() + 90
    while server.count(UNSEEN) < target and time.monotonic() < deadline:
        answers.append(_ask(sock_path, f"knock {len(answers)}"))
        time.sleep(0.25)
    assert server.count(UNSEEN) >= target, "the app stopped polling the hostile server"
    return answers


def _launch_post(rig: DesktopRig, profile: Path, text: str) -> float:
    started = time.monotonic()
    done = rig.run(
        [STARTPUNT, "post", "--profile", str(profile), text],
        env={"LANG": "C.UTF-8", "LANGUAGE": "en"},
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def test_the_app_stays_responsive_while_the_server_misbehaves(rig, tmp_path, capsys):
    require_desktop("sni")
    profile = tmp_path / "profile"
    args = ("--poll-interval", "10")
    with (
        hostile_server(_route(_hostile_page())) as server,
        run_against(rig, profile, server.url, "hostile-token", *args) as app,
    ):
        sock_path = Path(rig.env["TMPDIR"]) / server_name(Paths.resolve(profile).data)
        app.wait(rig, lambda: server.count(UNSEEN) >= 1, 30, what="the first poll")
        started = time.monotonic()
        answers = _knock_through_polls(server, sock_path, polls=2)
        launches = [_launch_post(rig, profile, f"Hallo {i}") for i in range(3)]
        elapsed = time.monotonic() - started
        requests = server.count(UNSEEN)
        assert app.proc.poll() is None, "the app died"
        alerts = [
            c for c in rig.notifications() if c.app_name == "Startpunt" and c.time >= app.started_at
        ]
        log = app.log_text
    assert max(answers) < ANSWER_BUDGET_S, f"a second launch waited {max(answers):.2f} s"
    assert len(alerts) <= 3, [c.body for c in alerts]
    assert "Polling stopped by an unexpected error" not in log
    assert "Catch-up stopped: asked for page 2" in log
    # ≤ 5 requests a poll, polls ≥ 10 s apart: no storm (200 requests in 2 s before).
    assert requests <= 5 * (elapsed / 10 + 2), (requests, elapsed)
    with capsys.disabled():
        sys.stderr.write(
            f"\nhostile server: {len(answers)} knocks answered in median"
            f" {statistics.median(answers) * 1000:.0f} ms, max {max(answers) * 1000:.0f} ms;"
            f" `startpunt post` launches {', '.join(f'{s:.2f}' for s in launches)} s;"
            f" {requests} list requests in {elapsed:.0f} s; {len(alerts)} alerts\n"
        )
