"""The durable outbox: a post is committed to SQLite before any network call, then sent once.

Pure Python + asyncio, no Qt. One row per composed post; its `client_id` (uuid4) is fixed at
enqueue time. States (RELIABILITY §5):

    QUEUED → SENDING (lease) → SENT
                             ↘ AMBIGUOUS → read back the container's posts → SENT | QUEUED
                             ↘ NEEDS_ATTENTION (403/404/400/422: text and server message kept)
    401: the row stays QUEUED and sending pauses until `resume()` (after signing in again).
    QUEUED | NEEDS_ATTENTION → EDITING (`hold`: the user edits it; never sent) → QUEUED with
    the new text (`enqueue` of the edit) | back where it was (`release`: edit cancelled).

HumHub has no idempotency key, so a POST that may have reached the server (lost connection,
read timeout, 500/502/504, a 401 after sending, an unreadable 2xx) is never repeated before
the container was read back and nothing matched (`services.outbox_readback`): only the
signed-in user's post with the same text and an id above the row's baseline (the newest post
id in the container, read just before the first send) can match. Rows are claimed with a
conditional UPDATE and a lease, so two processes never send the same row; a dead process's
leases are dropped by `recover` (on start and before every row). Nothing is deleted:
discarding is explicit.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any, Protocol

from services.clock import Clock
from services.compose import Composition, OutboxItem, OutboxProblem, OutboxState, edit_slot
from services.drafts import (
    clear_draft,
    people_to_json,
    record_target,
    topics_to_text,
)
from services.errors import ServiceError
from services.mentions import compose
from services.models import CurrentUser, Post
from services.outbox_readback import Window, read_back, storable_id
from services.outbox_send import (
    ROW_COLUMNS,
    Failure,
    SendOutcome,
    SendResult,
    classify_baseline_failure,
    classify_check_failure,
    classify_send_failure,
    item_from_row,
    new_owner,
    owner_alive,
)
from services.store import Database, StoreError

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)  # well above the connector's 30 s deadline for one request
# Rows first sent before baselines existed (schema 4) fall back to a time window: a post
# created before the row's first attempt (less this skew allowance) is another post.
CLOCK_SKEW = timedelta(minutes=10)
CHECK_HOLD = timedelta(seconds=60)  # a row whose read-back failed lets others go meanwhile
_WAITING = ("queued", "sending", "ambiguous", "needs_attention", "editing")
_HOLDABLE = ("queued", "needs_attention")
_REFUSED = ("forbidden", "not_found", "rejected")  # problems of a NEEDS_ATTENTION row


class PostingPort(Protocol):
    """What the outbox needs from the intranet (a subset of `services.port.IntranetPort`)."""

    async def create_post(
        self, contentcontainer_id: int, message: str, *, topics: tuple[str, ...] = ()
    ) -> Post: ...

    async def current_user(self) -> CurrentUser: ...

    async def list_posts(
        self, contentcontainer_id: int, *, limit: int = 20, page: int = 1
    ) -> tuple[Post, ...]: ...


class Outbox:
    """The outbox rows of one database; every write raises StoreError when it can't commit."""

    def __init__(
        self, db: Database, port: PostingPort, clock: Clock, *, lease: timedelta = LEASE
    ) -> None:
        self._db = db
        self._port = port
        self._clock = clock
        self._lease = lease
        self._owner = new_owner()
        self._author_guid: str | None = None
        self.paused = False

    # -- what the user does ----------------------------------------------------------------
    def enqueue(self, composition: Composition) -> OutboxItem:
        """Commit a post (and clear its draft) before anything is sent; return the row.

        Editing a row that is held (EDITING), QUEUED or NEEDS_ATTENTION rewrites it in place
        (same client id); if it was sent meanwhile, the edit is queued as a new post. Only the
        draft's own slot is cleared: an edit leaves the quick-post draft alone.
        """
        draft, target = composition.draft, composition.target
        now = self._clock.now().isoformat()
        values = (
            target.id, target.contentcontainer_id, target.guid, target.name, target.url,
            int(target.is_space), draft.text, compose(draft.text, draft.mentions),
            people_to_json(draft.mentions), topics_to_text(draft.topics), now,
        )  # fmt: skip
        with self._db.transaction() as conn:
            client_id = draft.editing
            changed = 0
            if client_id is not None:
                changed = conn.execute(
                    "UPDATE outbox SET state = 'queued', container_id = ?, contentcontainer_id = ?,"
                    " container_guid = ?, container_name = ?, container_url = ?, is_space = ?,"
                    " text = ?, message = ?, mentions = ?, topics = ?, updated_at = ?,"
                    " problem = '', server_message = '', lease_owner = NULL, lease_until = NULL"
                    " WHERE client_id = ? AND state IN ('queued', 'needs_attention', 'editing')",
                    (*values, client_id),
                ).rowcount
            if not changed:
                client_id = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO outbox (container_id, contentcontainer_id, container_guid,"
                    " container_name, container_url, is_space, text, message, mentions, topics,"
                    " queued_at, updated_at, client_id, state)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued')",
                    (*values, now, client_id),
                )
            clear_draft(conn, draft.slot)
            record_target(conn, target, self._clock.now())
        return item_from_row(self._row(str(client_id)))

    def retry(self, client_id: str) -> bool:
        """Send a post that needs attention again (e.g. after being added to the space)."""
        return self._set_state(client_id, OutboxState.QUEUED, ("needs_attention",))

    def discard(self, client_id: str) -> bool:
        """The user gave up on this post: keep the row, never send it."""
        return self._set_state(
            client_id, OutboxState.DISCARDED, ("queued", "needs_attention", "ambiguous", "editing")
        )

    def hold(self, client_id: str) -> OutboxItem | None:
        """The user opened this post to edit it: the sender leaves it alone until `enqueue`
        (with the edit) or `release`. None when it can't be held: it is being sent or read
        back (it may already be on the server), or it is gone."""
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE outbox SET state = 'editing', lease_owner = ?, lease_until = NULL,"
                " updated_at = ? WHERE client_id = ? AND state IN (?, ?)",
                (self._owner, self._clock.now().isoformat(), client_id, *_HOLDABLE),
            ).rowcount
        return self.get(client_id) if changed == 1 else None

    def release(self, client_id: str) -> bool:
        """The edit was cancelled: the row goes back to where it was (its edit draft too)."""
        with self._db.transaction() as conn:
            changed = self._release_holds(conn, "client_id = ?", (client_id,))
            conn.execute("DELETE FROM draft WHERE slot = ?", (edit_slot(client_id),))
        return changed == 1

    def release_stale_holds(self) -> int:
        """On start: rows held by an earlier run (it quit or crashed while editing) go back.

        Only the single app instance holds rows, so any hold that is not this Outbox's is stale.
        """
        with self._db.transaction() as conn:
            return self._release_holds(conn, "lease_owner IS NOT ?", (self._owner,))

    def _release_holds(self, conn: Any, where: str, args: tuple[object, ...]) -> int:
        marks = ", ".join("?" for _ in _REFUSED)
        sql = (
            f"UPDATE outbox SET state = CASE WHEN problem IN ({marks}) THEN 'needs_attention'"  # noqa: S608 -- constant
            f" ELSE 'queued' END, lease_owner = NULL, updated_at = ?"
            f" WHERE state = 'editing' AND {where}"
        )
        now = self._clock.now().isoformat()
        return int(conn.execute(sql, (*_REFUSED, now, *args)).rowcount)

    def resume(self) -> None:
        """Signed in again: sending may continue."""
        self.paused = False

    def set_author(self, guid: str | None) -> None:
        """The signed-in user: only their posts can match while reconciling."""
        self._author_guid = guid or None

    def get(self, client_id: str) -> OutboxItem | None:
        row = self._row(client_id)
        return None if row is None else item_from_row(row)

    def _row(self, client_id: str) -> Any:
        sql = f"SELECT {ROW_COLUMNS} FROM outbox WHERE client_id = ?"  # noqa: S608 -- constant
        return self._db.connection.execute(sql, (client_id,)).fetchone()

    def waiting(self) -> tuple[OutboxItem, ...]:
        """Posts not sent yet and not discarded, oldest first."""
        rows = self._db.connection.execute(
            f"SELECT {ROW_COLUMNS} FROM outbox WHERE state IN (?, ?, ?, ?, ?) ORDER BY rowid",  # noqa: S608
            _WAITING,
        ).fetchall()
        return tuple(item_from_row(r) for r in rows)

    # -- sending -------------------------------------------------------------------------
    def recover(self) -> int:
        """Heal what a dead sender left: its SENDING rows become AMBIGUOUS (to be read back),
        its leases on AMBIGUOUS rows are dropped, so nothing waits for a lease to run out."""
        now = self._clock.now().timestamp()
        rows = self._db.connection.execute(
            "SELECT client_id, state, lease_owner, lease_until FROM outbox"
            " WHERE state IN ('sending', 'ambiguous') AND lease_owner IS NOT NULL"
        ).fetchall()
        stale = [
            (cid, state, owner)
            for cid, state, owner, until in rows
            if until is None or float(until) < now or not owner_alive(str(owner or ""))
        ]
        if not stale:
            return 0
        with self._db.transaction() as conn:
            for cid, state, owner in stale:
                conn.execute(
                    "UPDATE outbox SET state = 'ambiguous', lease_until = NULL, lease_owner = NULL,"
                    " problem = CASE WHEN state = 'sending' THEN 'checking' ELSE problem END"
                    " WHERE client_id = ? AND state = ? AND lease_owner IS ?",
                    (cid, state, owner),
                )
        logger.info("Outbox: %d interrupted send(s) will be checked on the server", len(stale))
        return len(stale)

    async def send_next(self) -> SendResult:
        """Handle the oldest row that is free: send it, or read back after an ambiguous send.

        A row another live process holds is passed over (BUSY only when nothing else is
        due). A failure nobody foresaw is logged and the row is read back later: it never
        stays SENDING and never stops the rows after it.
        """
        if self.paused:
            return SendResult(SendOutcome.PAUSED)
        self.recover()
        row = self._next_row()
        if row is None:
            return SendResult(SendOutcome.BUSY if self._held_elsewhere() else SendOutcome.IDLE)
        item = item_from_row(row)
        first, baseline = row[-2], row[-1]
        try:
            if item.state is OutboxState.AMBIGUOUS:
                if not self._claim(item):
                    return SendResult(SendOutcome.BUSY, item)
                return await self._reconcile(item, str(first) if first else None, baseline)
            if baseline is None:  # first send: the newest post before ours, by id
                try:
                    newest = await self._port.list_posts(item.target.contentcontainer_id, limit=1)
                except ServiceError as exc:
                    logger.warning("Outbox: reading before %s failed: %s", item.client_id[:8], exc)
                    return self._unsent(item, classify_baseline_failure(exc))
                baseline = storable_id(max((p.id for p in newest), default=0)) or 0
            if not self._claim(item, baseline=int(baseline)):
                return SendResult(SendOutcome.BUSY, item)
            return await self._send(item)
        except StoreError:
            raise  # the sender loop reports the database and waits
        except Exception:
            logger.exception("Outbox: handling %s failed unexpectedly", item.client_id[:8])
            failure = Failure("ambiguous", OutboxProblem.CHECKING, SendOutcome.RETRY)
            return self._release(item, failure, hold=True)

    def _next_row(self) -> Any:
        now = self._clock.now().timestamp()
        return self._db.connection.execute(
            f"SELECT {ROW_COLUMNS} FROM outbox WHERE state = 'queued' OR (state = 'ambiguous'"  # noqa: S608
            " AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?))"
            " ORDER BY rowid LIMIT 1",
            (now, self._owner),
        ).fetchone()

    def _held_elsewhere(self) -> bool:
        row = self._db.connection.execute(
            "SELECT 1 FROM outbox WHERE state IN ('sending', 'ambiguous') LIMIT 1"
        ).fetchone()
        return row is not None

    def _claim(self, item: OutboxItem, *, baseline: int | None = None) -> bool:
        now = self._clock.now()
        until = (now + self._lease).timestamp()
        with self._db.transaction() as conn:
            if item.state is OutboxState.AMBIGUOUS:
                sql = (
                    "UPDATE outbox SET lease_until = ?, lease_owner = ? WHERE client_id = ?"
                    " AND state = 'ambiguous' AND (lease_until IS NULL OR lease_until < ?"
                    " OR lease_owner = ?)"
                )
                args: tuple[object, ...] = (until, self._owner, item.client_id,
                                            now.timestamp(), self._owner)  # fmt: skip
            else:
                sql = (
                    "UPDATE outbox SET state = 'sending', lease_until = ?, lease_owner = ?,"
                    " attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, ?),"
                    " baseline_post_id = COALESCE(baseline_post_id, ?)"
                    " WHERE client_id = ? AND state = 'queued'"
                )
                args = (until, self._owner, now.isoformat(), baseline, item.client_id)
            return conn.execute(sql, args).rowcount == 1

    async def _send(self, item: OutboxItem) -> SendResult:
        try:
            post = await self._port.create_post(
                item.target.contentcontainer_id, item.message, topics=item.topics
            )
        except ServiceError as exc:
            logger.warning("Outbox: sending %s failed: %s", item.client_id[:8], exc)
            return self._release(item, classify_send_failure(exc))
        return self._mark_sent(item, post)

    def _unsent(self, item: OutboxItem, failure: Failure) -> SendResult:
        """Nothing left this machine: note why on the QUEUED row (it is not leased)."""
        if failure.outcome is SendOutcome.PAUSED:
            self.paused = True
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, problem = ?, server_message = ?, updated_at = ?"
                " WHERE client_id = ? AND state = 'queued'",
                (failure.state, failure.problem.value, failure.server_message,
                 self._clock.now().isoformat(), item.client_id),
            )  # fmt: skip
        return SendResult(failure.outcome, self.get(item.client_id), failure.retry_after)

    def _release(self, item: OutboxItem, failure: Failure, *, hold: bool = False) -> SendResult:
        """Give the row up. `hold`: its check failed; other rows go first for a while (an
        owner-less lease until then), so one row that can't be checked never blocks them."""
        if failure.outcome is SendOutcome.PAUSED:
            self.paused = True
        now = self._clock.now()
        until = None
        if hold and failure.outcome is SendOutcome.RETRY:
            until = (now + max(failure.retry_after or CHECK_HOLD, CHECK_HOLD)).timestamp()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, problem = ?, server_message = ?,"
                " lease_until = ?, lease_owner = NULL, updated_at = ?"
                " WHERE client_id = ? AND lease_owner = ? AND state IN ('sending', 'ambiguous')",
                (
                    failure.state,
                    failure.problem.value,
                    failure.server_message,
                    until,
                    now.isoformat(),
                    item.client_id,
                    self._owner,
                ),
            )
        return SendResult(failure.outcome, self.get(item.client_id), failure.retry_after)

    def _mark_sent(self, item: OutboxItem, post: Post) -> SendResult:
        post_id = storable_id(post.id)
        if post_id is None:
            logger.warning(
                "Outbox: %s is on the server; its id is out of range", item.client_id[:8]
            )
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'sent', post_id = ?, url = ?, problem = '',"
                " server_message = '', lease_until = NULL, lease_owner = NULL, updated_at = ?"
                " WHERE client_id = ? AND lease_owner = ?",
                (post_id, post.url, self._clock.now().isoformat(), item.client_id, self._owner),
            )
        logger.info("Outbox: post %s sent as post %s", item.client_id[:8], post_id)
        return SendResult(SendOutcome.SENT, self.get(item.client_id))

    async def _reconcile(
        self, item: OutboxItem, first_attempt: str | None, baseline: object
    ) -> SendResult:
        container = item.target.contentcontainer_id
        try:
            if self._author_guid is None:  # never match without knowing whose posts are ours
                me = await self._port.current_user()
                self.set_author(me.person.guid)
            if self._author_guid is None:  # the server named no guid: keep checking later
                logger.warning("Outbox: cannot check %s: unknown author", item.client_id[:8])
                raise ServiceError("no author guid")
            result = await read_back(
                self._port,
                container,
                item.message,
                author_guid=self._author_guid,
                taken=self._taken(container),
                window=self._window(first_attempt, baseline),
            )
        except ServiceError as exc:
            logger.warning("Outbox: checking %s failed: %s", item.client_id[:8], exc)
            return self._release(item, classify_check_failure(exc), hold=True)
        if result.found is not None:
            logger.info("Outbox: %s was already on the server", item.client_id[:8])
            return self._mark_sent(item, result.found)
        if not result.complete:  # more posts than we read since the first send: can't tell
            logger.warning(
                "Outbox: %s not among the newest %d pages; checking again later",
                item.client_id[:8],
                result.pages,
            )
            bound = classify_check_failure(ServiceError("read-back bound"))
            return self._release(item, bound, hold=True)
        logger.info("Outbox: %s not on the server; it will be sent again", item.client_id[:8])
        return self._release(item, Failure("queued", OutboxProblem.NONE, SendOutcome.REQUEUED))

    def _taken(self, container: int) -> set[int]:
        return {
            int(r[0])
            for r in self._db.connection.execute(
                "SELECT post_id FROM outbox WHERE post_id IS NOT NULL AND contentcontainer_id = ?",
                (container,),
            )
        }

    def _window(self, first_attempt: str | None, baseline: object) -> Window:
        """Posts above the baseline; a row from before baselines falls back to time and ids."""
        if isinstance(baseline, int):
            return Window(floor=baseline)
        started = datetime.fromisoformat(first_attempt) if first_attempt else None
        if started is None:
            return Window(floor=None)
        return Window(floor=self._newest_sent_before(started), since=started - CLOCK_SKEW)

    def _newest_sent_before(self, moment: datetime) -> int | None:
        """The newest post id this outbox had on the server before `moment`.

        Post ids only grow, so a post with an id up to this one existed before the row's first
        attempt and cannot be its post, whatever the server's clock says.
        """
        rows = self._db.connection.execute(
            "SELECT post_id, updated_at FROM outbox WHERE state = 'sent' AND post_id IS NOT NULL"
        ).fetchall()
        ids = [int(pid) for pid, at in rows if datetime.fromisoformat(str(at)) < moment]
        return max(ids, default=None)

    def _set_state(self, client_id: str, state: OutboxState, allowed: tuple[str, ...]) -> bool:
        marks = ", ".join("?" for _ in allowed)
        with self._db.transaction() as conn:
            changed = conn.execute(
                f"UPDATE outbox SET state = ?, problem = '', lease_owner = NULL,"  # noqa: S608
                f" updated_at = ? WHERE client_id = ? AND state IN ({marks})",
                (state.value, self._clock.now().isoformat(), client_id, *allowed),
            ).rowcount
            if changed and state is OutboxState.DISCARDED:
                conn.execute("DELETE FROM draft WHERE slot = ?", (edit_slot(client_id),))
        return changed == 1
