"""PostingController: the quick-post dialog, drafts and the outbox's sender loop.

The only place that turns dialog intents into outbox/draft calls and sender results into Qt
signals. `outbox_changed(tuple[OutboxItem, ...])` lists posts not sent yet (for the tray and
the panel); `post_sent(url)` fires when a post is on the intranet; `open_url_requested(url)`
asks the composition root to open a link through `Browser` (never opened here).

Once the dialog exists it holds the newest text (the database draft may be up to a debounce
behind), so reopening it or a forwarded `post TEXT` builds on what it shows. Edit… holds the
outbox row (`Outbox.hold`) so the sender can't send the original meanwhile; posting the edit
rewrites the row, closing or discarding it releases the row. The new post being written is
kept aside (and saved) while an edit is shown, and comes back afterwards.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.profile_target import PLACEHOLDER_ID, ProfileResolvingPort, placeholder
from desktop.single_instance import Command
from services.clock import Clock
from services.compose import QUICK_POST_SLOT, Composition, Draft, OutboxItem, edit_slot
from services.drafts import DraftStore, order_targets
from services.errors import ServiceError
from services.mentions import resolve_names
from services.models import (
    Alert,
    AlertAction,
    ConnectionState,
    Container,
    Person,
    Post,
    TopicChoice,
)
from services.outbox import Outbox
from services.outbox_send import OutboxSender, SendOutcome, SendResult
from services.port import IntranetPort
from services.store import Database, StoreError
from services.topic_watch import TopicWatch

if TYPE_CHECKING:
    from ui.quick_post_dialog import QuickPostDialog

logger = logging.getLogger(__name__)

PeopleSearch = Callable[[str], Sequence[Person]]
MAX_SPACE_PAGES = 4  # up to 200 spaces in the picker


def is_disk_full(exc: StoreError) -> bool:
    """SQLite says "database or disk is full"; RLIMIT_FSIZE/EFBIG reads as an I/O error."""
    text = str(exc).lower()
    return "full" in text or "disk i/o" in text or "too large" in text


class PostingController(QObject):
    """Owns the outbox sender loop and the dialog; the lead wires its signals to tray/panel."""

    outbox_changed = Signal(tuple)  # tuple[OutboxItem, ...]: waiting posts, oldest first
    post_sent = Signal(str)  # permalink of a post now on the intranet
    item_sent = Signal(object)  # the OutboxItem now on the intranet (the activity journal)
    open_url_requested = Signal(str)  # guidelines or a post link: route through Browser.open
    show_requested = Signal()  # a second launch said "show"

    def __init__(
        self,
        db: Database,
        port: IntranetPort,
        clock: Clock,
        *,
        rng: random.Random,
        people: PeopleSearch | None = None,
        guidelines_url: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._clock = clock
        self._drafts = DraftStore(db)
        self._dropped: dict[str, tuple[str, ...]] = {}  # post url → topics the server dropped
        self._topic_choices: dict[int, TopicChoice] = {}  # by contentcontainer id
        self.outbox = Outbox(
            db, TopicWatch(ProfileResolvingPort(port), self._on_topics_dropped), clock
        )
        self._sender = OutboxSender(self.outbox, rng)
        self._people = people
        self._guidelines_url = guidelines_url
        self._dialog: QuickPostDialog | None = None
        self._set_aside: Draft | None = None  # the new post being written while an edit shows
        self._profile: Container | None = None
        self._spaces: tuple[Container, ...] = ()
        self._task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Recover interrupted sends, then start sending in the background."""
        try:
            self.outbox.recover()
            self.outbox.release_stale_holds()  # edits left open when the app last stopped
        except StoreError:
            logger.exception("Outbox: could not recover interrupted sends")
        self._emit_waiting()
        self._task = asyncio.ensure_future(self._sender.run(self._on_result))
        self._spawn(self._refresh_targets())  # the profile is a target before the first open

    async def shutdown(self) -> None:
        """Stop the sender (a send in flight is read back on the next start) and the dialog."""
        if self._dialog is not None:
            self._dialog.flush_draft()
            self._dialog.close()
        tasks = [t for t in (self._task, *self._background) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def handle_command(self, command: Command) -> None:
        """A command from the command line or a second launch (see desktop.single_instance)."""
        if command.name == "post":
            self.open_dialog(command.text)
        elif command.name == "show":
            self.show_requested.emit()

    def signed_in(self) -> None:
        """The user signed in again: unpark posts held by a 401."""
        self.outbox.resume()
        self._sender.wake()

    def connection_changed(self, state: str, _retry_s: float = 0.0) -> None:
        """How polling stands (`AppController.connection_changed`). Once the server takes the
        credentials again after a 401 paused the outbox ("Try to connect again", a wake-up,
        an admin re-enabling the account), waiting posts go out together with polling."""
        if state == ConnectionState.ONLINE.value and self.outbox.paused:
            logger.info("Outbox: the server accepts the credentials again; sending resumes")
            self.signed_in()

    def network_back(self) -> None:
        """Connectivity returned or the machine resumed: try now instead of after the backoff."""
        self._sender.wake()

    # -- the dialog -------------------------------------------------------------------------
    @property
    def dialog(self) -> QuickPostDialog | None:
        return self._dialog

    def open_dialog(self, text: str = "", *, editing: OutboxItem | None = None) -> QuickPostDialog:
        """Show the dialog with what is being written (or `text` added, or an item to edit).

        The first time, that is the saved draft; later, the dialog's own (newer) text. An item
        that can't be held for editing (it is being sent) leaves the dialog as it is.
        """
        fresh = self._dialog is None
        dialog = self._ensure_dialog()
        dialog.set_targets(self._targets())
        base: Draft | None = None
        if editing is not None:
            if not self._begin_edit(dialog, editing, fresh=fresh):
                return dialog
        elif fresh:
            base = self._load_draft()
            if base is not None:
                base = self._on_known_profile(base)
                dialog.set_draft(base)
        if text:  # `startpunt post TEXT`: added to the draft, never replacing it
            self._append(dialog, text, base if fresh and editing is None else None)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.editor.setFocus()
        self._spawn(self._refresh_targets())
        dialog.request_topics()  # fresh each time: a role in the space may have changed
        return dialog

    def edit(self, client_id: str) -> None:
        """Open a queued or refused post in the dialog (held: not sent while edited)."""
        item = self.outbox.get(client_id)
        if item is not None and item.waiting:
            self.open_dialog(editing=item)

    def _append(self, dialog: QuickPostDialog, text: str, base: Draft | None) -> None:
        """Add a forwarded text to what is being written, and save it at once."""
        resolved = resolve_names(text, self._people) if self._people else None
        if resolved is not None:
            text = resolved.text  # "@Jan" that only one colleague is called: "@Jan Bakker"
        known = resolved.people if resolved is not None else ()
        old = base or dialog.draft()
        joined = f"{old.text.rstrip()}\n{text}" if old.text.strip() else text
        dialog.set_draft(
            Draft(joined, old.container_id, old.mentions + known, old.topics, old.editing)
        )
        dialog.flush_draft()
        if resolved is not None and resolved.open:
            dialog.show_open_names(resolved)  # ask in the dialog who is meant

    def _begin_edit(self, dialog: QuickPostDialog, item: OutboxItem, *, fresh: bool) -> bool:
        """Hold the row and show it; the new post being written is saved and set aside."""
        shown = None if fresh else dialog.draft()
        if shown is not None and shown.editing == item.client_id:
            return True  # already being edited
        try:
            held = self.outbox.hold(item.client_id)
        except StoreError as exc:
            logger.error("Could not hold a post for editing: %s", exc)
            held = None
        if held is None:
            logger.info("Outbox: %s is being sent; not opened for editing", item.client_id[:8])
            self._emit_waiting()
            return False
        if shown is not None and shown.editing is not None:  # another edit: cancel it
            self._store_call(lambda: self.outbox.release(str(shown.editing)))
        elif shown is not None:
            dialog.save_pending()
            self._set_aside = shown
        saved = self._load_draft(edit_slot(item.client_id))  # an edit a crash interrupted
        dialog.set_draft(self._on_known_profile(saved or held.as_draft()))
        self._emit_waiting()
        return True

    def _end_edit(self, dialog: QuickPostDialog) -> None:
        """Back to the new post that was set aside (or the saved draft)."""
        aside, self._set_aside = self._set_aside, None
        draft = aside or self._load_draft()
        draft = draft or Draft(container_id=dialog.draft().container_id)
        dialog.set_draft(self._on_known_profile(draft))

    def _on_known_profile(self, draft: Draft) -> Draft:
        """A draft (or queued post) for "My profile" from before the first connection shows
        the profile itself once it is known: the placeholder is no longer offered, and the
        dialog would otherwise keep whatever target was chosen last."""
        if draft.container_id == PLACEHOLDER_ID and self._profile is not None:
            return replace(draft, container_id=self._profile.contentcontainer_id)
        return draft

    def queue(self, composition: Composition) -> bool:
        """Queue a post composed elsewhere (the spotlight dialog) through the outbox: exactly
        once, waiting while offline; False when it could not be saved (nothing queued)."""
        try:
            self.outbox.enqueue(composition)
        except StoreError as exc:
            logger.error("Could not queue a post: %s", exc)
            return False
        self._emit_waiting()
        self._sender.wake()
        return True

    def retry(self, client_id: str) -> None:
        self._store_call(lambda: self.outbox.retry(client_id))
        self._sender.wake()

    def discard(self, client_id: str) -> None:
        """The user chose to throw a post away (kept in the database, never sent)."""
        self._store_call(lambda: self.outbox.discard(client_id))

    def confirmation_alert(self, url: str) -> Alert:
        """A small "posted" alert with a link to the post, for the notifier; it says so when
        the server left out topics the user may not add."""
        dropped = self._dropped.pop(url, ())
        body = self.tr("Your post is on the intranet.")
        if dropped:
            body = self.tr(
                "Your post is on the intranet, but the server left out these topics: %1. "
                "Only the space's admins can add new topics."
            ).replace("%1", ", ".join(f"“{name}”" for name in dropped))
        return Alert(
            key=f"posted:{url}",
            title=self.tr("Posted"),
            body=body,
            url=url,
            actions=(AlertAction.OPEN, AlertAction.DISMISS),
        )

    def _on_topics_dropped(self, post: Post, dropped: tuple[str, ...]) -> None:
        self._dropped[post.url] = dropped

    async def _load_topics(self, target: Container) -> None:
        """Which topics a post in `target` may carry; the dialog offers just those."""
        try:
            choice = await self._port.topic_choice(target)
        except ServiceError as exc:
            logger.info("Topics not read: %s", exc)
            known = self._topic_choices.get(target.contentcontainer_id)
            if known is None:  # still unknown: the dialog keeps the draft's topics meanwhile
                return
            choice = known
        self._topic_choices[target.contentcontainer_id] = choice
        dialog = self._dialog
        current = None if dialog is None else dialog.target.current_target()
        if dialog is not None and current is not None and current == target:
            dialog.set_topic_choice(choice)

    def set_guidelines_url(self, url: str) -> None:
        """The posting guidelines changed in Settings: link to the new page from now on."""
        self._guidelines_url = url
        if self._dialog is not None:
            self._dialog.set_guidelines_url(url)

    def _ensure_dialog(self) -> QuickPostDialog:
        if self._dialog is None:
            from ui.quick_post_dialog import QuickPostDialog  # widgets load when first needed

            dialog = QuickPostDialog(
                self._people, guidelines_url=self._guidelines_url, topics_supported=True
            )
            dialog.post_requested.connect(self._on_dialog_post_requested)
            dialog.draft_changed.connect(self._on_dialog_draft_changed)
            dialog.draft_discarded.connect(self._on_dialog_draft_discarded)
            dialog.rejected.connect(self._on_dialog_rejected)
            dialog.guidelines_requested.connect(self.open_url_requested)
            dialog.topics_wanted.connect(lambda target: self._spawn(self._load_topics(target)))
            self._dialog = dialog
        return self._dialog

    def _load_draft(self, slot: str = QUICK_POST_SLOT) -> Draft | None:
        try:
            return self._drafts.load(slot)
        except ServiceError:
            logger.exception("Could not read the saved draft")
            return None

    def _targets(self) -> tuple[Container, ...]:
        try:
            recent = self._drafts.recent_targets()
        except ServiceError:
            recent = ()
        profile = self._profile
        if profile is None:  # never connected yet: the profile, resolved when sent
            profile = placeholder()
        else:
            recent = tuple(t for t in recent if t.contentcontainer_id != PLACEHOLDER_ID)
        return order_targets(profile, self._spaces, recent)

    async def _refresh_targets(self) -> None:
        try:
            if self._profile is None:
                me = await self._port.current_user()
                self.outbox.set_author(me.person.guid)
                if me.contentcontainer_id is not None:
                    self._profile = Container(
                        me.person.id, me.person.guid, me.person.display_name,
                        me.contentcontainer_id, me.person.url, is_space=False,
                    )  # fmt: skip
            spaces: list[Container] = []
            for page in range(1, MAX_SPACE_PAGES + 1):
                batch = await self._port.list_spaces(page=page, limit=50)
                spaces.extend(batch)
                if len(batch) < 50:
                    break
            self._spaces = tuple(spaces)
        except ServiceError as exc:
            logger.info("Post targets not refreshed: %s", exc)
        if self._dialog is not None:
            chosen = self._dialog.target.current_target()
            if (
                chosen is not None
                and chosen.contentcontainer_id == PLACEHOLDER_ID
                and self._profile
            ):
                self._dialog.set_targets(self._targets(), self._profile.contentcontainer_id)
            else:
                self._dialog.set_targets(self._targets())

    def _on_dialog_post_requested(self, composition: Composition) -> None:
        dialog = self._ensure_dialog()
        try:
            self.outbox.enqueue(composition)
        except StoreError as exc:
            logger.error("Could not queue a post: %s", exc)
            dialog.show_save_failed(disk_full=is_disk_full(exc))
            return
        dialog.mark_queued()
        if composition.draft.editing is not None:
            self._end_edit(dialog)
        self._emit_waiting()
        self._sender.wake()

    def _on_dialog_draft_changed(self, draft: Draft) -> None:
        try:
            self._drafts.save(draft, self._clock.now())
        except StoreError as exc:
            logger.error("Could not save the draft: %s", exc)
            if self._dialog is not None:
                self._dialog.show_save_failed(disk_full=is_disk_full(exc))
            return
        if self._dialog is not None:
            self._dialog.show_saved()

    def _on_dialog_draft_discarded(self, discarded: Draft) -> None:
        if discarded.editing is None:
            self._store_call(self._drafts.clear)
            return
        self._store_call(lambda: self.outbox.release(str(discarded.editing)))
        if self._dialog is not None:
            self._end_edit(self._dialog)

    def _on_dialog_rejected(self) -> None:
        """Closed (Esc, Close, quitting): a new post's text stays; an edit is cancelled."""
        dialog = self._dialog
        editing = None if dialog is None else dialog.draft().editing
        if dialog is None or editing is None:
            return
        self._store_call(lambda: self.outbox.release(editing))
        self._end_edit(dialog)

    # -- sending ----------------------------------------------------------------------------
    async def _on_result(self, result: SendResult) -> None:
        if result.outcome is SendOutcome.SENT and result.item is not None and result.item.url:
            self.post_sent.emit(result.item.url)
        if result.outcome is SendOutcome.SENT and result.item is not None:
            self.item_sent.emit(result.item)
        self._emit_waiting()

    def _emit_waiting(self) -> None:
        try:
            waiting = self.outbox.waiting()
        except ServiceError:
            logger.exception("Could not read the outbox")
            return
        self.outbox_changed.emit(waiting)

    def _store_call(self, call: Callable[[], object]) -> None:
        try:
            call()
        except StoreError as exc:
            logger.error("Could not update the outbox: %s", exc)
        self._emit_waiting()

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
