"""The API token in the OS keychain (through `keyring`), and nowhere else.

Pure Python, no Qt. One entry set per intranet origin and account:

- service `startpunt:<origin>`, user `(account)`: the name of the account signed in there;
- service `startpunt:<origin>`, user `<name>`: a header `startpunt-parts:<n>:<digest>`;
- service `startpunt:<origin>`, user `<name>#<i>` (i = 1..n): the token in parts.

Why parts: Windows' Credential Locker caps a credential's blob at 2560 bytes and keyring
stores it as UTF-16, so 1280 characters; HumHub's JWTs with long claims pass that. Splitting
everywhere (not only on Windows) keeps one code path, tested on every OS. The header is
written last and names the parts' digest: a crash between writes leaves a header that does
not match its parts, which reads as "no token" (sign in again), never as a wrong token.

A locked keychain may show an unlock prompt; with nobody to answer it (no prompter, a
headless session) keyring's Secret Service backend waits forever, so every keychain call runs
in a daemon thread with a deadline (`TIMEOUT_S`, time enough to type a password into a
prompt): past it the keychain counts as unavailable and the stuck thread is left behind.

Fail closed: no keychain, a locked or erroring one, one that does not answer in time, a plaintext or "fail"/"null" backend
(`keyrings.alt`, `keyring.backends.fail`, `keyring.backends.null`, priority below 1), or a
write that does not read back the same → `Storage.SESSION_ONLY`: the caller keeps the token
in memory for this session and tells the user. Nothing here ever writes a file itself.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from keyring.backend import KeyringBackend

logger = logging.getLogger(__name__)

SERVICE_PREFIX = "startpunt:"
ACCOUNT_KEY = "(account)"  # not a HumHub user name: those have no parentheses
PART_CHARS = 1000  # below Windows' 1280 UTF-16 characters per credential
MAX_PARTS = 32  # 32,000 characters: far beyond any real token; longer is refused
HEADER_PREFIX = "startpunt-parts:"
REFUSED_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")
MIN_PRIORITY = 1.0
TIMEOUT_S = 30.0

T = TypeVar("T")


class KeychainTimeoutError(Exception):
    """The keychain did not answer within the deadline (locked with nobody to unlock it)."""


def with_deadline(call: Callable[[], T], timeout_s: float) -> T:
    """`call()` in a daemon thread; its result or exception, or KeychainTimeoutError."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001 -- handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="keychain", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise KeychainTimeoutError(f"no answer within {timeout_s:g} s (locked?)")
    if failure:
        raise failure[0]
    return outcome[0]


class Storage(enum.Enum):
    """Where a saved token lives."""

    KEYCHAIN = "keychain"
    SESSION_ONLY = "session-only"


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The outcome of `TokenStore.save`; `reason` (English, no secret) says why not kept."""

    storage: Storage
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Loaded:
    """The outcome of `TokenStore.load`: the token and account, or why there is none."""

    token: str = ""
    username: str = ""
    problem: str = ""  # "" with a token; else "none" or "unavailable: <why>"

    @property
    def available(self) -> bool:
        """Whether the keychain could be read at all (a missing token is not a failure)."""
        return not self.problem.startswith("unavailable")


def backend_refusal(backend: KeyringBackend) -> str:
    """Why this backend may not hold a token ("" when it may)."""
    kind = type(backend)
    module = kind.__module__
    if any(module == m or module.startswith(m + ".") for m in REFUSED_MODULES):
        return f"the keyring backend {module}.{kind.__name__} is not a secure keychain"
    try:
        priority = float(backend.priority)
    except Exception as exc:  # noqa: BLE001 -- a backend that cannot say is not usable
        return f"the keyring backend {kind.__name__} is unusable ({type(exc).__name__})"
    if priority < MIN_PRIORITY:
        return f"the keyring backend {kind.__name__} is not a secure keychain"
    return ""


def default_backend() -> KeyringBackend | str:
    """keyring's configured backend, or the first acceptable one of its chain; else why not."""
    import keyring  # imported late: it looks for backends on import

    try:
        chosen: KeyringBackend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 -- keyring's discovery can fail in many ways
        return f"no keychain ({type(exc).__name__}: {exc})"
    candidates: list[KeyringBackend] = list(getattr(chosen, "backends", None) or [chosen])
    reasons = []
    for backend in candidates:
        reason = backend_refusal(backend)
        if not reason:
            return backend
        reasons.append(reason)
    return "no keychain: " + "; ".join(reasons)


def service_for(origin: str) -> str:
    """The keychain service name for an intranet origin (scheme://host[:port])."""
    return SERVICE_PREFIX + origin.rstrip("/").lower()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:32]


def split(token: str) -> list[str]:
    """The token in parts of at most PART_CHARS characters."""
    return [token[i : i + PART_CHARS] for i in range(0, len(token), PART_CHARS)]


class TokenStore:
    """Saves, loads and deletes the token of one origin; see the module docstring."""

    def __init__(
        self,
        backend: Callable[[], KeyringBackend | str] = default_backend,
        *,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        self._find_backend = backend
        self._backend: KeyringBackend | str | None = None
        self._timeout_s = timeout_s

    def _keychain(self) -> KeyringBackend | str:
        if self._backend is None:
            self._backend = self._find_backend()
        return self._backend

    def save(self, origin: str, username: str, token: str) -> SaveResult:
        """Write the token, then read everything back; SESSION_ONLY (with why) on any doubt."""
        try:
            return with_deadline(lambda: self._save(origin, username, token), self._timeout_s)
        except KeychainTimeoutError as exc:
            logger.warning("Keychain: %s", exc)
            return SaveResult(Storage.SESSION_ONLY, f"the keychain did not answer: {exc}")

    def load(self, origin: str) -> Loaded:
        """The token of the account signed in at `origin`, checked against its digest."""
        try:
            return with_deadline(lambda: self._load(origin), self._timeout_s)
        except KeychainTimeoutError as exc:
            logger.warning("Keychain: %s", exc)
            return Loaded(problem=f"unavailable: the keychain did not answer ({exc})")

    def delete(self, origin: str) -> bool | str:
        """Remove the origin's token: True if one was there, False if none; a str: why not."""
        try:
            return with_deadline(lambda: self._delete(origin), self._timeout_s)
        except KeychainTimeoutError as exc:
            logger.warning("Keychain: %s", exc)
            return f"the keychain did not answer ({exc})"

    def _save(self, origin: str, username: str, token: str) -> SaveResult:
        if not token or not username or len(split(token)) > MAX_PARTS:
            why = "empty token or user" if not token or not username else "token too long"
            return SaveResult(Storage.SESSION_ONLY, why)
        keychain = self._keychain()
        if isinstance(keychain, str):
            return SaveResult(Storage.SESSION_ONLY, keychain)
        service = service_for(origin)
        parts = split(token)
        header = f"{HEADER_PREFIX}{len(parts)}:{_digest(token)}"
        entries = [(f"{username}#{i}", part) for i, part in enumerate(parts, 1)]
        entries += [(username, header), (ACCOUNT_KEY, username)]
        try:
            for key, value in entries:
                keychain.set_password(service, key, value)
            kept = all(keychain.get_password(service, key) == value for key, value in entries)
        except Exception as exc:  # noqa: BLE001 -- locked, D-Bus gone, a backend's own error
            reason = f"the keychain refused the token ({type(exc).__name__}: {exc})"
            logger.warning("Keychain: %s", reason)
            return SaveResult(Storage.SESSION_ONLY, reason)
        if not kept:
            logger.warning("Keychain: a written token did not read back the same; not kept")
            self._delete_quietly(keychain, service, [key for key, _ in entries])
            return SaveResult(Storage.SESSION_ONLY, "the keychain did not keep the token")
        logger.info("Keychain: token saved in %d part(s)", len(parts))
        return SaveResult(Storage.KEYCHAIN)

    def _load(self, origin: str) -> Loaded:
        keychain = self._keychain()
        if isinstance(keychain, str):
            return Loaded(problem=f"unavailable: {keychain}")
        service = service_for(origin)
        try:
            username = keychain.get_password(service, ACCOUNT_KEY)
            header = keychain.get_password(service, username) if username else None
            token = self._read_parts(keychain, service, username or "", header or "")
        except Exception as exc:  # noqa: BLE001 -- see save
            logger.warning("Keychain unreadable: %s", type(exc).__name__)
            return Loaded(problem=f"unavailable: the keychain could not be read ({exc})")
        if not username or token is None:
            return Loaded(problem="none")
        return Loaded(token=token, username=username)

    @staticmethod
    def _read_parts(
        keychain: KeyringBackend, service: str, username: str, header: str
    ) -> str | None:
        count, _, digest = header.removeprefix(HEADER_PREFIX).partition(":")
        if not header.startswith(HEADER_PREFIX) or not count.isdigit():
            return None
        if not 1 <= int(count) <= MAX_PARTS:
            return None
        parts = [
            keychain.get_password(service, f"{username}#{i}") for i in range(1, int(count) + 1)
        ]
        if any(p is None for p in parts):
            return None
        token = "".join(p for p in parts if p is not None)
        if _digest(token) != digest:
            logger.warning("Keychain: the token's parts do not match their header; ignored")
            return None
        return token

    def _delete(self, origin: str) -> bool | str:
        keychain = self._keychain()
        if isinstance(keychain, str):
            return keychain
        service = service_for(origin)
        try:
            username = keychain.get_password(service, ACCOUNT_KEY)
            if not username:
                return False
            header = keychain.get_password(service, username) or ""
            count = header.removeprefix(HEADER_PREFIX).partition(":")[0]
            parts = int(count) if count.isdigit() and int(count) <= MAX_PARTS else 0
            keys = [ACCOUNT_KEY, username, *(f"{username}#{i}" for i in range(1, parts + 1))]
        except Exception as exc:  # noqa: BLE001 -- see save
            return f"the keychain could not be read ({type(exc).__name__}: {exc})"
        left = self._delete_quietly(keychain, service, keys)
        if left:
            return f"the keychain kept {left} entr{'y' if left == 1 else 'ies'}"
        logger.info("Keychain: token removed")
        return True

    @staticmethod
    def _delete_quietly(keychain: KeyringBackend, service: str, keys: list[str]) -> int:
        """Delete each key, ignoring "not there"; how many are still readable afterwards."""
        left = 0
        for key in keys:
            try:
                keychain.delete_password(service, key)
            except Exception as exc:  # noqa: BLE001 -- PasswordDeleteError: not there
                logger.debug("Keychain: delete %s: %s", "entry", type(exc).__name__)
            try:
                left += keychain.get_password(service, key) is not None
            except Exception:  # noqa: BLE001
                left += 1
        return left
