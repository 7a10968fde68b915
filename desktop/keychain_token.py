"""The running app's token from the keychain: at start, and again on `startpunt login`/`logout`.

`startpunt` without `--demo` or `--token-env` takes the intranet from `--intranet` or the
settings and the token from `services.secrets.TokenStore`. No address: nothing to show, one
line on stderr and exit. An address but no usable token (signed out, keychain locked, a JWT
whose `exp` has passed): the app still starts, in the "sign in again" state (tray, alert),
because a start at login has no terminal to print to; `startpunt login` then hands it the
new token through the `credentials` command (`Reloader`), without a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.controller import AppController
from desktop.effective_settings import settings_path
from desktop.paths import Paths
from services.humhub.connector import HumHubConnector
from services.jwt_claims import expires_at, has_expired
from services.secrets import TokenStore
from services.settings import load

logger = logging.getLogger(__name__)

LOGIN_HINT = "run `startpunt login --intranet {url} --user NAME`"


@dataclass(frozen=True, slots=True)
class SavedSignIn:
    """What the keychain holds for an intranet; `problem` is one English line ("" if fine)."""

    base_url: str  # "" when no intranet is known at all
    token: str  # "" when not signed in
    problem: str = ""


def saved_sign_in(
    paths: Paths,
    intranet: str | None,
    *,
    store: TokenStore | None = None,
    now: datetime | None = None,
) -> SavedSignIn:
    """The intranet (given: "" = none; None: the user's settings) and its token from the
    keychain, or why not."""
    base_url = load(settings_path(paths)).intranet_url if intranet is None else intranet
    if not base_url:
        return SavedSignIn("", "", "Not signed in: " + LOGIN_HINT.format(url="URL"))
    hint = LOGIN_HINT.format(url=base_url)
    loaded = (store or TokenStore()).load(base_url)
    if not loaded.available:
        why = loaded.problem.removeprefix("unavailable: ")
        return SavedSignIn(base_url, "", f"Not signed in: {why}; unlock it, or {hint}")
    if not loaded.token:
        return SavedSignIn(base_url, "", f"Not signed in: {hint}")
    if has_expired(loaded.token, now or datetime.now(UTC)):
        logger.info("The saved token has expired")
        return SavedSignIn(base_url, "", f"Signed out: the sign-in has expired; {hint}")
    return SavedSignIn(base_url, loaded.token)


@dataclass(slots=True)
class CurrentToken:
    """The token in use now, for the connection checks (which sign in on their own)."""

    value: str = ""

    def get(self) -> str:
        return self.value


class Reloader:
    """Reads the keychain again (the `credentials` command) and applies it to the running app."""

    def __init__(
        self,
        paths: Paths,
        connector: HumHubConnector,
        controller: AppController,
        current: CurrentToken,
        *,
        store: Callable[[], TokenStore] = TokenStore,
    ) -> None:
        self._paths, self._connector, self._controller = paths, connector, controller
        self._current, self._store = current, store
        self._tasks: set[asyncio.Task[None]] = set()
        self._expiry: asyncio.TimerHandle | None = None

    def watch_expiry(self, token: str) -> None:
        """At a JWT's `exp`, go to "sign in again" without waiting for the server's 401
        (which still comes if the timer is late, e.g. after a suspend)."""
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None
        expiry = expires_at(token) if token else None
        if expiry is None:
            return
        delay = max(0.0, (expiry - datetime.now(UTC)).total_seconds())
        self._expiry = asyncio.get_running_loop().call_later(delay, self._expired, token)

    def _expired(self, token: str) -> None:
        if self._current.value != token:  # signed in again meanwhile
            return
        logger.info("The token has expired")
        self._current.value = ""
        self._connector.use_token("")
        self._spawn(self._controller.sign_out())

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def reload(self) -> None:
        """Read the keychain off the UI thread (a locked one may wait for a prompt), then
        apply what it holds (`_apply`)."""
        self._spawn(self._reload())

    async def _reload(self) -> None:
        """New token: swap it in and poll now (the outbox follows once polling is back
        online, `PostingController.connection_changed`). None: the "sign in again" state."""
        base_url = self._connector.base_url
        saved = await asyncio.to_thread(saved_sign_in, self._paths, base_url, store=self._store())
        self._current.value = saved.token
        self.watch_expiry(saved.token)
        if saved.token:
            self._connector.use_token(saved.token)
            logger.info("Signed in again with the token from the keychain")
            self._controller.restart_polling()
            return
        logger.info("No usable token in the keychain now: %s", saved.problem)
        self._connector.use_token("")
        await self._controller.sign_out()
