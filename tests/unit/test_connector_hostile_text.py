"""A 4 MiB page of the worst server text never holds the event loop (the UI) for long
(RELIABILITY rows 12, 17 and 20).

Issue 7: `html.parser` took minutes on `"<a" * n` and ran on the UI thread. Now the text is
bounded and linear, and the connector parses a page one item per turn of the loop. Measured
on a real 127.0.0.1 server with a ticker on the same loop: the loop turns between every two
items, and no item's conversion takes longer than a frame would allow (with room for a busy
machine): CPU time of this thread, so that other processes on a busy machine do not count.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Generator
from datetime import tzinfo

import pytest

from benchmarks.text_conversion import WORST
from services.humhub import connector as connector_module
from services.humhub.connector import HumHubConnector
from services.humhub.http import MAX_BODY_BYTES
from services.humhub.parse import notification_page_steps
from services.models import NotificationPage
from tests.fakes.hostile import Reply, hostile_server, notification_page
from tests.unit.test_humhub_support import notification_json

ITEMS = 50


def _page(shape: str) -> bytes:
    per_item = (MAX_BODY_BYTES - 64 * 1024) // ITEMS
    items: list[object] = [
        notification_json(i, output=WORST[shape](per_item)) for i in range(ITEMS, 0, -1)
    ]
    body = notification_page(items, total=ITEMS, page=1, pages=1).payload()
    assert len(body) <= MAX_BODY_BYTES
    return body  # encoded once: the server thread shares this process's GIL


@pytest.mark.parametrize("shape", ["lt_a", "tags", "tags_with_text", "breaks", "entities"])
def test_a_4_mib_page_of_hostile_text_keeps_the_loop_turning(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticks = [0]
    steps: list[tuple[float, int]] = []  # (seconds, loop turns seen before the step)
    real_steps = notification_page_steps

    def traced(value: object, tz: tzinfo) -> Generator[None, None, NotificationPage]:
        inner = real_steps(value, tz)
        while True:
            turns, started = ticks[0], time.thread_time()
            try:
                next(inner)
            except StopIteration as done:
                page: NotificationPage = done.value
                return page
            steps.append((time.thread_time() - started, turns))
            yield

    monkeypatch.setattr(connector_module, "notification_page_steps", traced)

    async def scenario(url: str) -> int:
        connector = HumHubConnector(url, token="t")
        done = False

        async def ticker() -> None:
            while not done:
                await asyncio.sleep(0)
                ticks[0] += 1

        tick_task = asyncio.ensure_future(ticker())
        try:
            page = await connector.list_notifications(unseen_only=True, limit=ITEMS)
        finally:
            done = True
            await tick_task
            await connector.aclose()
        return len(page.items)

    body = _page(shape)
    with hostile_server(lambda method, path, query: Reply(body=body)) as server:
        assert asyncio.run(scenario(server.url)) == ITEMS
    assert len(steps) == ITEMS
    turns = [b - a for (_, a), (_, b) in itertools.pairwise(steps)]
    assert min(turns) >= 1, "the loop did not turn between two items"
    longest = max(seconds for seconds, _ in steps)
    assert longest < 0.05, f"one item took {longest * 1000:.1f} ms"
