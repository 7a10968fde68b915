"""Child process for the outbox crash tests: the real Outbox + connector against a sandbox.

    python -m tests.faults.outbox_child run DB URL TOKEN ACK PREFIX   # queue and send forever
    python -m tests.faults.outbox_child drain DB URL TOKEN            # send what is left, exit
    python -m tests.faults.outbox_child diskfull DB LIMIT_BYTES       # queue until disk full

`run` appends "<index> <client id>" to ACK only after the row's COMMIT returned.
"""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import sys
from pathlib import Path

from services.clock import SystemClock
from services.compose import Composition, Draft
from services.drafts import DraftStore
from services.humhub.connector import HumHubConnector
from services.models import Container
from services.outbox import Outbox
from services.outbox_send import SendOutcome
from services.store import Database, StoreError

TARGET_FILE = "target.txt"  # "<container id> <contentcontainer id> <guid>" next to the DB


def _target(db_path: Path) -> Container:
    cid, ccid, guid = (db_path.parent / TARGET_FILE).read_text().split()
    return Container(int(cid), guid, "profiel", int(ccid), is_space=False)


def _next_index(db: Database) -> int:
    """One past the highest post number in the outbox: each text belongs to one row only,
    also when the last row was committed but killed before its ack was written."""
    texts = db.connection.execute("SELECT text FROM outbox").fetchall()
    return max((int(str(t[0]).rsplit(" ", 1)[1]) + 1 for t in texts), default=0)


async def _drain(outbox: Outbox) -> None:
    while (await outbox.send_next()).outcome not in (SendOutcome.IDLE, SendOutcome.PAUSED):
        pass


async def run(db_path: Path, url: str, token: str, ack: Path, prefix: str) -> None:
    db = Database.open(db_path)
    connector = HumHubConnector(url, token=token)
    outbox = Outbox(db, connector, SystemClock())
    recovered = outbox.recover()  # sends interrupted by the previous kill
    with (db_path.parent / "recovered.txt").open("a") as log:
        log.write(f"{recovered}\n")
    target = _target(db_path)
    index = _next_index(db)
    with ack.open("ab", buffering=0) as acks:
        while True:
            item = outbox.enqueue(Composition(Draft(f"{prefix} post {index}"), target))
            acks.write(f"{index} {item.client_id}\n".encode())
            index += 1
            await _drain(outbox)


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
