"""Child process for the outbox crash tests: the real Outbox + connector against a sandbox.

    python -m tests.faults.outbox_child run DB URL TOKEN ACK PREFIX   # queue and send forever
    python -m tests.faults.outbox_child drain DB URL TOKEN            # send what is left, exit
    python -m tests.faults.outbox_child diskfull DB LIMIT_BYTES       # queue until disk full

`run` appends "<index> <client id>" to ACK only after the row's COMMIT returned.

Named points (`run` only). At each point of the send path the child writes `point NAME` to
stdout and blocks until the test answers `go` on stdin, so the test can SIGKILL it exactly
there. The hooks live here, in the test, not in the app: a Database whose transaction stops
before COMMIT while `recover()` runs, and an httpx transport under the real connector:

    recovery         inside the recovery transaction, before COMMIT (rows still SENDING)
    before-request   the row is committed as SENDING; the POST has not left
    answer-received  the server answered the POST; the row is not yet committed as SENT
    read-back        an ambiguous row: the read-back GET has not left

("request sent, no answer" is made by the test: the sandbox commits the POST and never
answers, `commit_then_hang`, and the test kills once the post is on the server.)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import signal
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx

from services.clock import SystemClock
from services.compose import Composition, Draft
from services.drafts import DraftStore
from services.humhub.connector import HumHubConnector
from services.models import Container
from services.outbox import Outbox
from services.outbox_send import SendOutcome
from services.store import Database, StoreError

TARGET_FILE = "target.txt"  # "<container id> <contentcontainer id> <guid>" next to the DB
POINTS = ("recovery", "before-request", "answer-received", "read-back")


def point(name: str) -> None:
    """Tell the test where we are; wait for `go` (or the SIGKILL)."""
    sys.stdout.write(f"point {name}\n")
    sys.stdout.flush()
    if sys.stdin.readline().strip() != "go":
        os._exit(3)  # the test went away


class PointedDatabase(Database):
    """Stops inside a transaction, before COMMIT, while `pointed` names a point."""

    pointed: str | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with super().transaction() as conn:
            yield conn
            if self.pointed is not None:
                point(self.pointed)


class PointedTransport(httpx.AsyncBaseTransport):
    """The real transport, with the send path's points around posts and read-backs."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        posting = request.method == "POST" and "/post/container/" in request.url.path
        reading = (
            request.method == "GET"
            and "/post/container/" in request.url.path
            and request.url.params.get("limit") != "1"  # not the baseline before a send
        )
        if posting:
            point("before-request")
        if reading:
            point("read-back")
        response = await self._inner.handle_async_request(request)
        if posting:
            point("answer-received")
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def _target(db_path: Path) -> Container:
    cid, ccid, guid = (db_path.parent / TARGET_FILE).read_text().split()
    return Container(int(cid), guid, "profiel", int(ccid), is_space=False)


def _next_index(db: Database) -> int:
    """One past the highest post number in the outbox: each text belongs to one row only."""
    texts = db.connection.execute("SELECT text FROM outbox").fetchall()
    return max((int(str(t[0]).rsplit(" ", 1)[1]) + 1 for t in texts), default=0)


async def _drain(outbox: Outbox) -> None:
    done = (SendOutcome.IDLE, SendOutcome.PAUSED, SendOutcome.BUSY)
    while (await outbox.send_next()).outcome not in done:
        pass


async def run(db_path: Path, url: str, token: str, ack: Path, prefix: str) -> None:
    db = PointedDatabase.open(db_path)
    connector = HumHubConnector(url, token=token, transport=PointedTransport())
    outbox = Outbox(db, connector, SystemClock())
    db.pointed = "recovery"
    recovered = outbox.recover()  # sends interrupted by the previous kill
    db.pointed = None
    with (db_path.parent / "recovered.txt").open("a") as log:
        log.write(f"{recovered}\n")
    target = _target(db_path)
    index = _next_index(db)
    with ack.open("ab", buffering=0) as acks:
        while True:
            await _drain(outbox)  # first what the previous run left
            item = outbox.enqueue(Composition(Draft(f"{prefix} post {index}"), target))
            acks.write(f"{index} {item.client_id}\n".encode())
            index += 1


async def drain(db_path: Path, url: str, token: str) -> None:
    db = Database.open(db_path)
    connector = HumHubConnector(url, token=token)
    try:
        outbox = Outbox(db, connector, SystemClock())
        outbox.recover()
        for _ in range(5):  # AMBIGUOUS → read back → QUEUED → send: a few passes at most
            await _drain(outbox)
        waiting = outbox.waiting()
        sys.stdout.write(f"waiting {len(waiting)}\n")
    finally:
        await connector.aclose()
        db.close()


def disk_full(db_path: Path, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    db = Database.open(db_path)
    outbox = Outbox(db, HumHubConnector("http://127.0.0.1:9", token="x"), SystemClock())
    target = Container(1, "g", "profiel", 1, is_space=False)
    acked = 0
    try:
        while True:
            text = f"post {acked} " + "x" * 2000
            outbox.enqueue(Composition(Draft(text), target))
            acked += 1
    except StoreError as exc:
        sys.stdout.write(f"acked {acked}\nerror {exc}\n")
    try:
        DraftStore(db).save(Draft("y" * 50_000), SystemClock().now())
        sys.stdout.write("draft saved\n")
    except StoreError as exc:
        sys.stdout.write(f"draft error {exc}\n")


def main(argv: list[str]) -> int:
    mode, db_path = argv[0], Path(argv[1])
    if mode == "run":
        asyncio.run(run(db_path, argv[2], argv[3], Path(argv[4]), argv[5]))
    elif mode == "drain":
        asyncio.run(drain(db_path, argv[2], argv[3]))
    elif mode == "diskfull":
        disk_full(db_path, int(argv[2]))
    sys.stdout.flush()
    os._exit(0)  # no cleanup: like a process that just ends


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
