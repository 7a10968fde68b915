"""End to end (sandbox, then the real HumHub): a colleague starts a poll; the alert's Vote button opens the vote dialog, the
keyboard (xdotool, like a user) picks the first answer and votes, the vote is on the
server, and the panel's Polls block is refilled with the poll as voted in. `STARTPUNT_SHOTS=DIR` also saves a screenshot of the dialog."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from devtools.rig import DesktopRig, NotifyCall
from sandbox.server import SandboxServer
from tests.e2e.conftest import require_desktop
from tests.e2e.demo_app import DemoApp, run_against
from tests.real.server import RealHumHub, unique


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=13) as server:
        yield server


def _xdotool(rig: DesktopRig, *args: str) -> str:
    done = rig.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=15, check=False
    )  # fmt: skip
    return done.stdout.strip() if done.returncode == 0 else ""


def _vote_alerts(rig: DesktopRig, since: float) -> list[NotifyCall]:
    return [
        c
        for c in rig.notifications()
        if c.app_name == "Startpunt" and "Vote" in c.labels and c.time >= since
    ]


def _vote_for_the_first_answer(rig: DesktopRig) -> None:
    """In the vote dialog, like a user: Space ticks the focused first answer, Enter votes."""
    window = rig.wait_for(
        lambda: _xdotool(rig, "search", "--onlyvisible", "--name", "^Poll$"),
        20,
        what="the vote dialog",
    ).split()[-1]
    rig.run(["xdotool", "windowactivate", "--sync", window], timeout=10, check=False)
    rig.run(["xdotool", "windowfocus", "--sync", window], timeout=10, check=True)
    shots = os.environ.get("STARTPUNT_SHOTS")
    if shots:
        rig.screenshot(Path(shots) / "poll-vote-dialog.png")
    rig.run(["xdotool", "key", "--clearmodifiers", "space"], timeout=10, check=True)
    rig.run(["xdotool", "key", "--clearmodifiers", "Return"], timeout=10, check=True)


def _listed_as_voted(app: DemoApp, rig: DesktopRig, poll_id: int) -> None:
    """After the vote the panel's Polls block is refilled, with the poll as voted in."""
    app.wait(
        rig,
        lambda: any(
            "Open polls listed" in line and f"[{poll_id}]" in line
            for line in app.log_text.splitlines()
        ),
        20,
        what=f"poll {poll_id} listed as voted in",
    )


def _dialog_closes(rig: DesktopRig) -> None:
    rig.wait_for(
        lambda: not _xdotool(rig, "search", "--onlyvisible", "--name", "^Poll$"),
        15,
        what="the dialog to close after the vote",
    )


def test_vote_from_a_poll_alert_reaches_the_intranet(rig, tmp_path, sandbox):
    require_desktop("sni", ("xdotool",))
    api = httpx.Client(
        base_url=sandbox.base_url,
        headers={"Authorization": f"Bearer {sandbox.demo_token}"},
        timeout=10,
    )
    with api:
        api.patch("/api/v1/notification/mark-as-seen").raise_for_status()
        with run_against(
            rig, tmp_path / "p", sandbox.base_url, sandbox.demo_token, "--poll-interval", "10"
        ) as app:
            app.wait_log(rig, "Poll baseline recorded", 40)  # the first poll check is done
            made = api.post("/_sandbox/act", json={"actor": "marieke", "action": "poll"})
            made.raise_for_status()
            poll_id = int(made.json()["poll_id"])
            calls = app.wait(
                rig, lambda: _vote_alerts(rig, app.started_at), 40, what="a poll alert with Vote"
            )
            rig.click("Vote", notification_id=calls[-1].id)
            _vote_for_the_first_answer(rig)
            app.wait_log(rig, f"Voted on poll {poll_id}", 20)
            _listed_as_voted(app, rig, poll_id)
            mine = api.get(f"/api/v1/polls/vote/{poll_id}").json()
            first = api.get(f"/api/v1/polls/poll/{poll_id}").json()["answers"][0]["id"]
            assert mine == [first]
            _dialog_closes(rig)
    assert "Traceback" not in app.log_text


@pytest.mark.real
def test_carol_votes_from_the_alert_of_alices_real_poll(rig, tmp_path, real_humhub: RealHumHub):
    """The real HumHub: alice's new poll notifies carol (send_notifications on in Team)."""
    require_desktop("sni", ("xdotool",))
    hh = real_humhub
    hh.mark_all_seen("carol")
    question = unique("Lunch?")
    token = hh.tokens["carol"]
    with run_against(rig, tmp_path / "c", hh.base_url, token, "--poll-interval", "10") as app:
        app.wait_log(rig, "Poll baseline recorded", 60)
        poll = hh.create_poll("alice", question, ["Kantine", "Park"])
        calls = app.wait(
            rig, lambda: _vote_alerts(rig, app.started_at), 60, what="carol's poll alert"
        )
        assert question.split()[0] in calls[-1].body
        rig.click("Vote", notification_id=calls[-1].id)
        _vote_for_the_first_answer(rig)
        app.wait_log(rig, f"Voted on poll {poll['id']}", 30)
        _listed_as_voted(app, rig, int(poll["id"]))
        _dialog_closes(rig)
    assert hh.my_votes("carol", int(poll["id"])) == [int(poll["answers"][0]["id"])]
    assert "Traceback" not in app.log_text
