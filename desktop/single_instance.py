"""One Startpunt per user profile; a second launch forwards its command and exits.

A `QLockFile` in the data folder says which process runs (a crashed holder is detected by its
PID, RELIABILITY row 30); a `QLocalServer` named after the data folder receives commands
from later launches (`show`, `post <text>`, and `credentials` from `startpunt login`/`logout`:
read the token from the keychain again), one JSON line per connection, answered with `ok`.
Each line carries a random id that a launch keeps across its retries and the server remembers
for a minute, so a command whose `ok` came too late is answered again but not run twice (a
`post TEXT` appended twice). A socket file left by a crash is removed
(`QLocalServer.removeServer`) before listening. This runs first thing on start-up, so it only
touches QtCore/QtNetwork and never waits when alone.

A lock file deleted while the app runs (a clean-up script, a user) must not let a second
primary start on the same profile: a launch that gets the lock still asks the command socket
first and forwards when someone answers there; the running app watches its lock file
(inotify, no timer) and takes a new one when it is gone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.paths import Paths

logger = logging.getLogger(__name__)

LOCK_FILE = "startpunt.lock"
FORWARD_TIMEOUT_S = 5.0  # the first instance may still be starting
MAX_COMMAND_BYTES = 256 * 1024
REMEMBER_IDS_S = 60.0  # well beyond a launch's FORWARD_TIMEOUT_S of retries
_REPLY = b"ok\n"
COMMANDS = ("show", "post", "credentials")


class InstanceUnreachableError(RuntimeError):
    """Another instance holds the lock but does not answer."""


@dataclass(frozen=True, slots=True)
class Command:
    """What a launch asks of the running app: `show`, `post` (with optional text), or
    `credentials` (the keychain's token changed: sign in again or out without a restart)."""

    name: str = "show"
    text: str = ""

    def encode(self, *, command_id: str = "") -> bytes:
        """One JSON line; `command_id` lets the server drop a retried copy."""
        raw = {"command": self.name, "text": self.text}
        if command_id:
            raw["id"] = command_id
        return json.dumps(raw).encode() + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Command | None:
        """A command from one line of JSON; None when it is not one we know."""
        return _decode_line(data)[0]


def _decode_line(data: bytes) -> tuple[Command | None, str]:
    """The command in one line of JSON (None when unknown) and its id ("" when none)."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None, ""
    if not isinstance(raw, dict) or raw.get("command") not in COMMANDS:
        return None, ""
    text = raw.get("text", "")
    command_id = raw.get("id", "")
    return (
        Command(str(raw["command"]), text if isinstance(text, str) else ""),
        command_id if isinstance(command_id, str) else "",
    )


def server_name(data_dir: Path) -> str:
    """The local socket's name: per user and per data folder (Unix: in the temp folder)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"startpunt-{user}-{digest}"


class SingleInstance(QObject):
    """Holds the lock and the command server for the app's lifetime."""

    def __init__(
        self, lock: QLockFile, name: str, initial: Command, lock_path: Path | None = None
    ) -> None:
        super().__init__()
        self._lock = lock
        self._lock_path = lock_path
        self._watcher: QFileSystemWatcher | None = None
        self._old_locks: list[QLockFile] = []  # replaced after their file was deleted
        self._name = name
        self._server: QLocalServer | None = None
        self.initial = initial
        self._handler: Callable[[Command], None] | None = None
        self._buffers: dict[QLocalSocket, bytearray | None] = {}  # None: answered
        self._seen_ids: dict[str, float] = {}  # command id → monotonic time handled

    @property
    def started(self) -> bool:
        """Whether `start` ran (it runs once per process)."""
        return self._server is not None

    def start(self, handler: Callable[[Command], None]) -> None:
        """Listen for other launches (needs the QApplication) and handle the first command.

        Until this runs, a second launch keeps retrying for up to FORWARD_TIMEOUT_S.
        """
        self._handler = handler
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # a socket file left behind by a crash
        server.newConnection.connect(self._on_server_new_connection)
        if not server.listen(self._name):
            logger.error("Cannot receive commands from other launches: %s", server.errorString())
        self._server = server
        self._watch_lock()
        if self.initial.name != "show":  # a plain start shows the tray, nothing more
            handler(self.initial)

    def _watch_lock(self) -> None:
        """Watch the data folder (inotify, no timer): its lock file may be deleted under us."""
        if self._lock_path is None:
            return
        self._watcher = QFileSystemWatcher([str(self._lock_path.parent)], self)
        self._watcher.directoryChanged.connect(self._on_data_folder_changed)

    def _on_data_folder_changed(self, _folder: str) -> None:
        if self._lock_path is None or self._lock_path.exists():
            return
        logger.warning("The lock file was deleted while running; taking it again")
        lock = QLockFile(str(self._lock_path))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            # The old QLockFile would delete the new file when destroyed: keep it till close.
            self._old_locks.append(self._lock)
            self._lock = lock
        else:  # a launch holds it for a moment; it forwards to us (see acquire_or_forward)
            logger.info("Another launch holds the lock file")

    def close(self) -> None:
        """Stop listening, drop open connections and release the lock."""
        for socket in list(self._buffers):
            socket.blockSignals(True)
            socket.abort()
        self._buffers.clear()
        if self._server is not None:
            self._server.blockSignals(True)
            self._server.close()
            for child in self._server.findChildren(QLocalSocket):
                child.blockSignals(True)  # sockets awaiting deletion die with the server
        self._handler = None
        if self._watcher is not None:
            self._watcher.blockSignals(True)
            self._watcher.removePaths(self._watcher.directories())
        self._lock.unlock()
        self._old_locks.clear()  # their file is gone: destroying them removes nothing else

    def _on_server_new_connection(self) -> None:
        while self._server is not None and (socket := self._server.nextPendingConnection()):
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        buffer = self._buffers[socket]
        data = bytes(socket.readAll().data())
        if buffer is None:  # answered: one command per connection, the rest is ignored
            return
        buffer += data
        if len(buffer) > MAX_COMMAND_BYTES:
            logger.warning("Ignored an oversized command from another launch")
            self._buffers[socket] = None
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        self._buffers[socket] = None  # consumed before anything can call back in here
        command, command_id = _decode_line(bytes(buffer).split(b"\n", 1)[0])
        socket.write(_REPLY if command is not None else b"?\n")
        socket.flush()
        socket.disconnectFromServer()
        if command is None:
            logger.warning("Ignored an unknown command from another launch")
        elif self._first_time(command_id) and self._handler is not None:
            self._handler(command)

    def _first_time(self, command_id: str) -> bool:
        """Whether a command id was not handled within the last minute (no id: always)."""
        now = time.monotonic()
        self._seen_ids = {k: t for k, t in self._seen_ids.items() if now - t < REMEMBER_IDS_S}
        if not command_id:
            return True
        if command_id in self._seen_ids:
            logger.info("Ignored a repeated command from another launch")
            return False
        self._seen_ids[command_id] = now
        return True

    def _forget(self, socket: QLocalSocket) -> None:
        if socket in self._buffers:
            del self._buffers[socket]
            # No deleteLater(): a deferred delete of a server-owned socket crashed in
            # ~QObject (seen under pytest-qt). A closed socket is a few hundred bytes and one
            # per `startpunt post`; it goes with the server when the app quits.
            socket.blockSignals(True)


def acquire_or_forward(
    paths: Paths, command: Command, *, timeout_s: float = FORWARD_TIMEOUT_S
) -> SingleInstance | None:
    """Become the running instance, or forward `command` to it and return None (exit 0).

    Raises InstanceUnreachableError when another instance holds the lock but does not
    answer within `timeout_s`.
    """
    paths.data.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock_path = paths.data / LOCK_FILE
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)  # never stale by age: a running app holds it for days
    name = server_name(paths.data)
    data = command.encode(command_id=secrets.token_hex(8))  # the same id on every retry
    deadline = time.monotonic() + timeout_s
    while True:
        if lock.tryLock(0):
            if not _forward(name, data, timeout_ms=500):  # nobody answers: we are the one
                return SingleInstance(lock, name, command, lock_path)
            logger.warning("Lock file was missing, but Startpunt runs: forwarded %r", command.name)
            lock.unlock()  # the running app takes its lock file again
            return None
        if _forward(name, data, timeout_ms=500):
            logger.debug("Forwarded %r to the running instance", command.name)
            return None
        if time.monotonic() > deadline:
            raise InstanceUnreachableError("another Startpunt holds the lock but does not answer")
        time.sleep(0.05)


def tell_running(paths: Paths, command: Command, *, timeout_s: float = 2.0) -> bool:
    """Send `command` to the app running on this profile, if one runs; never start one."""
    data = command.encode(command_id=secrets.token_hex(8))
    return _forward(server_name(paths.data), data, timeout_ms=int(timeout_s * 1000))


def _forward(name: str, data: bytes, *, timeout_ms: int) -> bool:
    """Send one encoded command; True once the server answered `ok`."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(data)
    socket.waitForBytesWritten(timeout_ms)
    reply = b""
    while _REPLY not in reply and socket.waitForReadyRead(timeout_ms * 4):
        reply += bytes(socket.readAll().data())
    reply += bytes(socket.readAll().data())
    socket.abort()
    return reply.startswith(_REPLY)
