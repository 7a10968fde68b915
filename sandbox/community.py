"""The community's opening scene: the director posts, and a colleague puts the demo user in
the spotlight in the kudos space, both early (within the first minute at the fast pace), so
`--demo` shows "from leadership" and "in the spotlight" alerts right away."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sandbox import actions, model, recycle
from sandbox.world import World

if TYPE_CHECKING:
    from sandbox.simulation import Pace, Simulation

log = logging.getLogger(__name__)

LEADER = "marieke"
SPOTLIGHTER = "jan"
LEADER_POST = (
    "Fijn dat zoveel van jullie het nieuwe intranet al gebruiken! Deel ook deze week "
    "wat goed ging: ik lees alles."
)
SPOTLIGHT = (
    "In het zonnetje: {who}! Zij nam vandaag zonder aarzelen een extra dienst over. Dank je!"
)


def leader_post(world: World) -> actions.Result:
    """The leader posts in the general space (a ContentCreated notification for everyone)."""
    leader = world.user_by_name(LEADER)
    if leader is None:
        raise LookupError(f"no user {LEADER}")
    container = world.db.one("SELECT container_id FROM space WHERE slug = 'algemeen'")
    if container is None:
        raise LookupError("no space algemeen")
    new_id, _ = model.create_post(
        world, int(leader["id"]), int(container["container_id"]), LEADER_POST
    )
    return {"post_id": new_id}


def spotlight(sim: Simulation) -> actions.Result:
    """A colleague puts the demo user in the spotlight in the kudos space (a Mentioned one)."""
    actor = sim.world.user_by_name(SPOTLIGHTER)
    if actor is None:
        raise LookupError(f"no user {SPOTLIGHTER}")
    return actions.mention(sim.world, actor, None, SPOTLIGHT, sim.rng)


async def opening(sim: Simulation, pace: Pace) -> None:
    """The leader's post after about three beats, the spotlight three beats later."""
    beat = pace.every[1]
    await asyncio.sleep(beat * 3)
    _guarded(sim, "leader_post", lambda: leader_post(sim.world))
    await asyncio.sleep(beat * 3)
    _guarded(sim, "spotlight", lambda: spotlight(sim))


def _guarded(sim: Simulation, name: str, step: Callable[[], actions.Result]) -> None:
    try:
        result = step()
    except (LookupError, ValueError):
        log.debug("community step %s skipped", name, exc_info=True)
        return
    finally:
        recycle.trim(sim.world)
    log.info("simulated %s: %s", name, result)
