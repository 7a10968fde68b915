"""Simulated colleagues: an asyncio task in the server's loop that likes, comments on and
mentions the demo user's posts, and now and then posts or starts a poll.

The pace sets the timing: ``fast`` (an opening like within 1-2.5 s, then an event every
2-5 s), ``normal`` (every 30-90 s), ``slow`` (every few minutes) or ``off``. The opening is the
same at every pace: a colleague likes a demo post whose like notification is not unseen (so a
NEW notification appears), and a second colleague likes the same post a few seconds later (so
the app shows HumHub's grouping: same id, rewritten text). A post the demo user makes through
the API gets a like from a colleague within a few seconds at fast pace (post -> like -> alert).

The sequence of events is reproducible for a seed and a database; a restart on the same
database file continues the story (another random stream, no re-seeding), and
:func:`sandbox.recycle.trim` keeps it bounded however long it runs.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from sandbox import actions, community, poll_story, recycle
from sandbox.db import Row
from sandbox.world import DEMO_USERNAME, World

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pace:
    first: tuple[float, float]  # until the opening like
    group: tuple[float, float]  # from the opening like to the second like on that post
    every: tuple[float, float]  # between later events
    react: tuple[float, float]  # from a demo user's post to a colleague's like


PACES: dict[str, Pace | None] = {
    "fast": Pace(first=(1.0, 2.5), group=(3.0, 6.0), every=(2.0, 5.0), react=(1.0, 3.0)),
    "normal": Pace(first=(5.0, 15.0), group=(15.0, 30.0), every=(30.0, 90.0), react=(5.0, 20.0)),
    "slow": Pace(
        first=(30.0, 90.0), group=(60.0, 120.0), every=(120.0, 300.0), react=(30.0, 120.0)
    ),
    "off": None,
}
LOG_SIZE = 1000
RUNS_KEY = "simulation_runs"
EVENTS_KEY = "simulated_events"
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
        self.seed = seed
        self.log: list[tuple[str, int | None]] = []  # the latest events (at most LOG_SIZE)
        self.events = int(world.db.meta(EVENTS_KEY) or 0)  # all events on this database
        self._tasks: set[asyncio.Task[None]] = set()
        world.listeners.append(self._on_event)

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> None:
        """Start the colleagues. Each start on the same database draws another random stream,
        so a restarted sandbox continues the story instead of replaying its first minutes."""
        if self.pace is None:
            return
        runs = int(self.world.db.meta(RUNS_KEY) or 0)
        self.world.db.set_meta(RUNS_KEY, str(runs + 1))
        if runs:
            self.rng.seed(self.seed * 1_000_003 + runs)
            self.react_rng.seed(self.seed * 7919 + 1 + runs * 1_000_033)
        self._spawn(self._run(self.pace))
        if runs == 0:  # the first run only: a restart continues the story
            self._spawn(community.opening(self, self.pace))
        self._spawn(poll_story.run(self.world, random.Random(self.seed * 31 + runs), self.pace))

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
        post_id = self._guarded(self.opening)
        if isinstance(post_id, int):
            await asyncio.sleep(self.rng.uniform(*pace.group))
            self._guarded(lambda: self.like_by_someone(post_id))
        while True:
            await asyncio.sleep(self.rng.uniform(*pace.every))
            self.beat()

    def beat(self) -> None:
        """One beat of the running simulation: a random step (skipped when nothing fits),
        then the clean-up that keeps the data bounded."""
        self._guarded(self.step)

    def _guarded(self, action: Callable[[], object]) -> object:
        try:
            return action()
        except (LookupError, ValueError):  # e.g. nothing left to like: skip this beat
            log.debug("simulation step skipped", exc_info=True)
            return None
        finally:
            recycle.trim(self.world)

    def opening(self) -> int | None:
        """A like that opens a NEW notification for the demo user; returns the post, which
        still has a colleague left for a second (grouped) like. When every demo post already
        has an unseen like notification, a comment opens the new notification instead and
        the newest demo post gets the second like (grouped into its unseen notification)."""
        target = actions.like_target(self.world, need=2)
        if target is not None:
            self.like_by_someone(target)
            return target
        self.step("comment")
        return next(iter(actions.demo_posts(self.world)), None)

    def like_by_someone(self, post_id: int) -> actions.Result:
        """A colleague who has not liked the post yet likes it (LookupError if nobody can)."""
        candidates = actions.likers(self.world, post_id)
        if not candidates:
            raise LookupError(f"every colleague already likes post {post_id}")
        result = actions.like(self.world, self.rng.choice(candidates), post_id)
        self._record("like", result)
        return result

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
        if len(self.log) > LOG_SIZE:
            del self.log[: len(self.log) - LOG_SIZE]
        self.events += 1
        self.world.db.set_meta(EVENTS_KEY, str(self.events))

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
                target = actions.like_target(world)  # recycles a fully liked post
                if target is None:
                    return self.step("comment")
                actor = rng.choice(actions.likers(world, target))
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
