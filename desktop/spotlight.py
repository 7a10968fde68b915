""" "Spotlight a colleague": the dialog, the kudos space, and spotting a spotlight among mentions.

The kudos space is the user's `kudos_space` setting (a space's name or id), else the policy's
`kudos_space_id`; it is looked up among the spaces the user can see (`GET /space`). The post is
queued through `PostingController.queue` (the outbox: exactly once, waiting while offline).
A Mention notification whose content lives in the kudos space alerts as a spotlight.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.posting import PostingController
from services.compose import Composition, Draft
from services.errors import ServiceError
from services.models import Container, Notification, Person
from services.people import fold
from services.port import IntranetPort

if TYPE_CHECKING:
    from ui.spotlight_dialog import SpotlightDialog

logger = logging.getLogger(__name__)

MAX_SPACE_PAGES = 4


def find_space(spaces: Sequence[Container], wanted: str, policy_id: int | None) -> Container | None:
    """The kudos space among `spaces`: by the setting (name, or space id), else the policy's id."""
    wanted = wanted.strip()
    for space in spaces:
        if wanted and (fold(space.name) == fold(wanted) or str(space.id) == wanted):
            return space
    if wanted:
        return None
    return next((s for s in spaces if policy_id is not None and s.id == policy_id), None)


class SpotlightHost(QObject):
    """Opens the spotlight dialog and queues its posts; knows the kudos space once found."""

    settings_requested = Signal()

    def __init__(
        self,
        port: IntranetPort,
        posting: PostingController,
        people: Callable[[str], Sequence[Person]],
        *,
        kudos_space: str,
        policy_id: int | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port, self._posting, self._people = port, posting, people
        self._wanted, self._policy_id = kudos_space, policy_id
        self.space: Container | None = None
        self._dialog: SpotlightDialog | None = None
        self._background: set[asyncio.Task[None]] = set()

    @property
    def dialog(self) -> SpotlightDialog | None:
        return self._dialog

    def set_kudos_space(self, wanted: str) -> None:
        """The setting changed: look the space up again."""
        if wanted == self._wanted:
            return
        self._wanted = wanted
        self.space = None
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # not running yet: looked up after the first poll
            return
        self.refresh()

    def refresh(self) -> None:
        """Look up the kudos space in the background."""
        self._spawn(self._resolve())

    def is_spotlight(self, notification: Notification) -> bool:
        """Whether a notification's content lives in the kudos space."""
        return (
            self.space is not None
            and notification.contentcontainer_id == self.space.contentcontainer_id
        )

    def open_dialog(self) -> SpotlightDialog:
        """Show the dialog, fresh, with the kudos space as far as it is known."""
        dialog = self._ensure_dialog()
        dialog.set_space(self.space.name if self.space else "")
        dialog.start()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.refresh()
        return dialog

    async def _resolve(self) -> None:
        if not self._wanted and self._policy_id is None:
            self.space = None
        else:
            spaces: list[Container] = []
            try:
                for page in range(1, MAX_SPACE_PAGES + 1):
                    batch = await self._port.list_spaces(page=page, limit=50)
                    spaces.extend(batch)
                    if len(batch) < 50:
                        break
            except ServiceError as exc:
                logger.info("Spotlight space not looked up: %s", exc)
                return
            self.space = find_space(spaces, self._wanted, self._policy_id)
            if self.space is None:
                logger.warning("Spotlight space %r not among the visible spaces", self._wanted)
        if self._dialog is not None:
            self._dialog.set_space(self.space.name if self.space else "")

    def _ensure_dialog(self) -> SpotlightDialog:
        if self._dialog is None:
            from ui.spotlight_dialog import SpotlightDialog  # widgets load when first needed

            self._dialog = SpotlightDialog(self._people)
            self._dialog.post_requested.connect(self._on_post)
            self._dialog.settings_requested.connect(self.settings_requested)
        return self._dialog

    def _on_post(self, person: Person, _reason: str) -> None:
        dialog, space = self._dialog, self.space
        if dialog is None or space is None:
            return
        draft = Draft(
            text=dialog.message_text(),
            container_id=space.contentcontainer_id,
            mentions=(person,),
        )
        if self._posting.queue(Composition(draft, space)):
            logger.info("Spotlight post queued for space %d", space.id)
            dialog.show_queued()
        else:
            dialog.show_save_failed()

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def shutdown(self) -> None:
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        if self._dialog is not None:
            self._dialog.close()
