"""Simulated colleagues: an asyncio task in the server's loop that likes, comments on and
mentions the demo user's posts, and now and then posts or starts a poll.

The pace sets the timing: ``fast`` (first like within ~3 s, then an event every 2-5 s),
``normal`` (every 30-90 s), ``slow`` (every few minutes) or ``off``. The sequence of events is
reproducible for a seed. A post the demo user makes through the API gets a like from a
colleague within a few seconds at fast pace (post -> like -> alert).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from sandbox import actions
from sandbox.db import Row
from sandbox.world import DEMO_USERNAME, World

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pace:
    first: tuple[float, float]
    every: tuple[float, float]
    react: tuple[float, float]


PACES: dict[str, Pace | None] = {
    "fast": Pace(first=(1.0, 2.5), every=(2.0, 5.0), react=(1.0, 3.0)),
    "normal": Pace(first=(5.0, 15.0), every=(30.0, 90.0), react=(5.0, 20.0)),
    "slow": Pace(first=(30.0, 90.0), every=(120.0, 300.0), react=(30.0, 120.0)),
    "off": None,
}
# event name, weight
EVENTS = [
    ("like", 40),
    ("comment", 20),
    ("mention", 10),
    ("post", 15),
    ("like_other", 10),
    ("poll", 5),
]


class Simulation:
    """Runs the colleagues; :meth:`start` and :meth:`stop` are called in the server's loop."""

    def __init__(self, world: World, *, pace: str = "normal", seed: int = 1) -> None:
        if pace not in PACES:
            msg = f"pace must be one of {sorted(PACES)}, not {pace!r}"
            raise ValueError(msg)
        self.world = world
        self.pace = PACES[pace]
        self.rng = random.Random(seed)
        self.react_rng = random.Random(seed * 7919 + 1)
        self.log: list[tuple[str, int | None]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        world.listeners.append(self._on_event)

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> None:
        if self.pace is not None:
            self._spawn(self._run(self.pace))

    async def stop(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, pace: Pace) -> None:
        await asyncio.sleep(self.rng.uniform(*pace.first))
        self._guarded(lambda: self.step("like"))
        while True:
            await asyncio.sleep(self.rng.uniform(*pace.every))
            self._guarded(self.step)

    def _guarded(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (LookupError, ValueError):  # e.g. nothing left to like: skip this beat
            log.debug("simulation step skipped", exc_info=True)

    # -- reacting to the demo user -------------------------------------------------------
    def _on_event(self, event: str, ident: int) -> None:
        if event != "post" or self.pace is None:
            return
        post = self.world.post(ident)
        if post is None or post["created_by"] != self.world.demo_user()["id"]:
            return
        delay = self.react_rng.uniform(*self.pace.react)
        actor = self.react_rng.choice(self.colleagues())
        self._spawn(self._react(delay, actor, ident))

    async def _react(self, delay: float, actor: Row, post_id: int) -> None:
        await asyncio.sleep(delay)
        self._guarded(lambda: self._record("like", actions.like(self.world, actor, post_id)))

    # -- one beat --------------------------------------------------------------------------
    def colleagues(self) -> list[Row]:
        return self.world.db.all(
            "SELECT * FROM user WHERE username != ? ORDER BY id", (DEMO_USERNAME,)
        )

    def _record(self, event: str, result: actions.Result) -> None:
        self.log.append((event, result.get("notification_id")))

    def step(self, event: str | None = None) -> actions.Result:
        """Perform one simulated event (random unless given) and return what it created."""
        names = [name for name, _ in EVENTS]
        event = event or self.rng.choices(names, weights=[w for _, w in EVENTS])[0]
        actor = self.rng.choice(self.colleagues())
        world, rng = self.world, self.rng
        result: actions.Result
        if event == "like":
            target = actions.unliked_demo_post(world, actor)
            if target is None:
                return self.step("comment")
            result = actions.like(world, actor, target)
        elif event in ("comment", "mention"):
            own = actions.demo_posts(world)[:3]
            target_id = rng.choice(own) if own else None
            if event == "comment" and target_id is not None:
                result = actions.comment(world, actor, target_id, rng.choice(actions.COMMENTS))
            else:
                result = actions.mention(world, actor, target_id, None, rng)
        elif event == "like_other":
            others = world.db.all(
                "SELECT post.id FROM post JOIN content ON content.id = post.content_id"
                " WHERE content.created_by != ? ORDER BY post.id DESC LIMIT 5",
                (actor["id"],),
            )
            if not others:
                return self.step("post")
            result = actions.like(world, actor, int(rng.choice(others)["id"]))
        elif event == "poll":
            result = actions.poll(world, actor, rng)
        else:
            result = actions.post(world, actor, None, rng)
        self._record(event, result)
        return result
