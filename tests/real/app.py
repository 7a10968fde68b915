"""One user's side of the app against the real HumHub, composed as desktop/composition.py does:
the HumHub connector, a real SQLite file, SeenStore, PeopleStore, Poller, AlertPolicy, Thanker
and the outbox. No Qt: the desktop layer only renders what these decide.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from desktop.composition import DATABASE_NAME
from services.alert_policy import AlertPolicy
from services.clock import SystemClock
from services.humhub.connector import HumHubConnector
from services.models import AlertPlan, Capabilities
from services.outbox import Outbox
from services.people import PeopleStore
from services.poller import Poller, PollOutcome
from services.seen import SeenStore
from services.settings import Settings
from services.store import Database
from services.thanks import Thanker


@dataclass
class UserApp:
    """The services of one signed-in user, over one database file."""

    connector: HumHubConnector
    database: Database
    poller: Poller
    policy: AlertPolicy
    thanker: Thanker
    outbox: Outbox
    clock: SystemClock
    settings: Settings

    async def poll_and_plan(self) -> tuple[PollOutcome, list[AlertPlan]]:
        """One poll, then the alert plans for what it found (as AlertPresenter asks them)."""
        outcome = await self.poller.poll_once()
        plans = self.policy.plan(
            outcome.new,
            now=self.clock.now(),
            settings=self.settings,
            quiet=False,
            bounded=outcome.bounded,
            total=outcome.unread,
        )
        return outcome, plans

    async def capabilities(self) -> Capabilities:
        return await self.connector.capabilities()


@asynccontextmanager
async def user_app(base_url: str, token: str, folder: Path) -> AsyncIterator[UserApp]:
    """The services of the user whose token this is, with their database in ``folder``."""
    clock = SystemClock()
    rng = random.Random(7)
    database = Database.open(folder / DATABASE_NAME)
    connector = HumHubConnector(base_url, token=token)
    seen = SeenStore(database, clock=clock)
    poller = Poller(
        connector,
        clock,
        rng,
        seen=seen,
        people=PeopleStore(database, clock=clock),
        interval=timedelta(seconds=30),
    )
    try:
        yield UserApp(
            connector=connector,
            database=database,
            poller=poller,
            policy=AlertPolicy(seen),
            thanker=Thanker(connector, database),
            outbox=Outbox(database, connector, clock),
            clock=clock,
            settings=Settings(),
        )
    finally:
        await connector.aclose()
        database.close()
