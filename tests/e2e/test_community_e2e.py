"""End to end in the demo: the director's post alerts "From leadership", and a colleague's
spotlight in the kudos space reaches the demo user as "… put you in the spotlight!"."""

from __future__ import annotations

from devtools.rig import DesktopRig, NotifyCall
from tests.e2e.demo_app import run_demo


def _alerts(rig: DesktopRig, since: float, words: str, body: str = "") -> list[NotifyCall]:
    return [
        call
        for call in rig.notifications()
        if call.app_name == "Startpunt"
        and call.time >= since
        and words in call.summary
        and body in call.body
    ]


def test_demo_leader_post_and_spotlight_alert_as_such(rig, tmp_path):
    with run_demo(rig, tmp_path / "profile", "--demo-pace", "fast") as app:
        leader = rig.wait_for(
            lambda: _alerts(rig, app.started_at, "From leadership: Marieke Jansen", "Fijn dat"),
            90,
            what="a leader's post alert",
        )
        assert "Open" in leader[0].labels
        spotlight = rig.wait_for(
            lambda: _alerts(rig, app.started_at, "Jan Bakker put you in the spotlight!"),
            60,
            what="a spotlight alert",
        )
        assert "Open" in spotlight[0].labels
        with app.sandbox_db() as db:
            row = db.execute(
                "SELECT post.message FROM post JOIN content ON content.id = post.content_id"
                " JOIN space ON space.container_id = content.container_id"
                " WHERE space.slug = 'complimenten' ORDER BY post.id DESC LIMIT 1"
            ).fetchone()
        assert "(mention:" in row[0]
