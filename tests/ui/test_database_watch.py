"""The running app tells the user when its database file was deleted and written back."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

from desktop import app
from services.compose import Composition, Draft
from services.models import Alert, Container
from services.outbox import Outbox
from services.store import Database
from tests.fakes.clock import FakeClock
from tests.fakes.port import FakePort


def test_deleted_database_is_noticed_while_idle_and_the_user_told(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "DATABASE_CHECK_S", 0.01)
    path = tmp_path / "startpunt.sqlite3"
    db = Database.open(path)
    target = Container(3, "g", "Team", 30)
    Outbox(db, FakePort(), FakeClock()).enqueue(Composition(Draft("wacht", 30), target))
    shown: list[Alert] = []
    controller = SimpleNamespace(show_alert=shown.append)

    async def main() -> None:
        task = asyncio.ensure_future(app._watch_database(SimpleNamespace(database=db), controller))  # type: ignore[arg-type]
        await asyncio.sleep(0)
        path.unlink()  # no write follows: only the periodic look can notice
        deadline = time.monotonic() + 10
        while not shown and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(main())
    assert path.exists()
    assert [a.key for a in shown] == ["store:restored"]
    assert "written back" in shown[0].body
    db.close()
