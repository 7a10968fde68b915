"""Single instance (RELIABILITY row 30): a second launch forwards its command and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from desktop.paths import Paths
from desktop.single_instance import Command, SingleInstance, acquire_or_forward

ROOT = Path(__file__).resolve().parents[2]
SECOND = """
import sys
from pathlib import Path
from desktop.paths import Paths
from desktop.single_instance import Command, acquire_or_forward
got = acquire_or_forward(Paths.resolve(Path(sys.argv[1])), Command("post", sys.argv[2]))
print("forwarded" if got is None else "primary")
if got is not None and len(sys.argv) > 3:
    import os
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    got.start(lambda c: None)
    os._exit(0)  # crash: lock file and socket file stay behind
"""


def _second(profile: Path, text: str, *extra: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SECOND, str(profile), text, *extra],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_single_instance_forwards_a_second_launch(qtbot, tmp_path):
    paths = Paths.resolve(tmp_path)
    instance = acquire_or_forward(paths, Command("show"))
    assert instance is not None
    got: list[Command] = []
    instance.start(got.append)
    try:
        assert got == []  # a plain start shows nothing more than the tray
        answer = []

        def launch():
            answer.append(_second(tmp_path, "Dank je @Jan de Boer!"))

        # the second process blocks on its answer: let Qt's loop serve it meanwhile
        thread = threading.Thread(target=launch)
        thread.start()
        qtbot.waitUntil(lambda: len(got) == 1, timeout=10_000)
        thread.join(10)
        assert answer == ["forwarded"]
        assert got[0] == Command("post", "Dank je @Jan de Boer!")
    finally:
        instance.close()


def test_single_instance_takes_over_after_a_crash(qtbot, tmp_path):
    assert _second(tmp_path, "x", "crash") == "primary"
    assert (tmp_path / "data" / "startpunt.lock").exists()  # left behind
    instance = acquire_or_forward(Paths.resolve(tmp_path), Command("show"), timeout_s=2)
    assert instance is not None  # the dead holder's lock is stale by its PID
    got: list[Command] = []
    instance.start(got.append)
    try:
        answer = []
        thread = threading.Thread(target=lambda: answer.append(_second(tmp_path, "na crash")))
        thread.start()
        qtbot.waitUntil(lambda: len(got) == 1, timeout=10_000)
        thread.join(10)
        assert answer == ["forwarded"]  # the stale socket file was replaced
    finally:
        instance.close()


def test_single_instance_a_deleted_lock_file_never_makes_a_second_primary(qtbot, tmp_path):
    instance = acquire_or_forward(Paths.resolve(tmp_path), Command("show"))
    assert instance is not None
    got: list[Command] = []
    instance.start(got.append)
    lock = tmp_path / "data" / "startpunt.lock"
    try:
        lock.unlink()  # a clean-up script or a user, while the app runs
        answer: list[str] = []
        thread = threading.Thread(target=lambda: answer.append(_second(tmp_path, "daarna")))
        thread.start()
        qtbot.waitUntil(lambda: len(got) == 1, timeout=10_000)
        thread.join(10)
        assert answer == ["forwarded"]
        assert got == [Command("post", "daarna")]
        qtbot.waitUntil(lock.exists, timeout=10_000)  # the running app holds a lock again
        third: list[str] = []
        thread = threading.Thread(target=lambda: third.append(_second(tmp_path, "later")))
        thread.start()
        qtbot.waitUntil(lambda: len(got) == 2, timeout=10_000)
        thread.join(10)
        assert third == ["forwarded"]
    finally:
        instance.close()


def test_single_instance_a_start_with_post_opens_the_dialog_at_once(qtbot, tmp_path):
    instance = acquire_or_forward(Paths.resolve(tmp_path), Command("post", "hallo"))
    assert instance is not None
    got: list[Command] = []
    instance.start(got.append)
    try:
        assert got == [Command("post", "hallo")]
    finally:
        instance.close()


def test_single_instance_ignores_junk_commands():
    assert Command.decode(b"not json") is None
    assert Command.decode(b'{"command": "rm -rf"}') is None
    assert Command.decode(b'{"command": "post", "text": 3}') == Command("post", "")
    assert Command.decode(Command("post", "hé").encode().strip()) == Command("post", "hé")


# -- review finding 3: a command is handled once ---------------------------------------------
class _FakeSocket:
    """Stands in for the server side of one connection: hands out `incoming` chunk by chunk."""

    def __init__(self, *incoming: bytes) -> None:
        self.incoming = list(incoming)
        self.written = b""

    def readAll(self):  # noqa: N802 -- Qt's name
        data = self.incoming.pop(0) if self.incoming else b""
        return type("Bytes", (), {"data": lambda _self: data})()

    def write(self, data):
        self.written += data

    def flush(self):
        return True

    def disconnectFromServer(self):  # noqa: N802 -- Qt's name
        pass

    def abort(self):
        pass


def _serving(instance, handled):
    instance._handler = handled.append
    return instance


def test_single_instance_handles_a_line_once_however_often_data_arrives(tmp_path):
    from PySide6.QtCore import QLockFile

    got: list[Command] = []
    instance = _serving(SingleInstance(QLockFile(str(tmp_path / "l")), "x", Command()), got)
    socket = _FakeSocket(Command("post", "één keer").encode(), b"", b"")
    instance._buffers[socket] = bytearray()
    for _ in range(3):  # readyRead may fire again before the connection closes
        instance._on_socket_ready_read(socket)
    assert got == [Command("post", "één keer")]
    assert socket.written == b"ok\n"


def test_single_instance_a_retried_command_is_handled_once(tmp_path):
    """The sender gave up waiting for "ok" and sent the same command (same id) again."""
    from PySide6.QtCore import QLockFile

    got: list[Command] = []
    instance = _serving(SingleInstance(QLockFile(str(tmp_path / "l")), "x", Command()), got)
    line = Command("post", "niet dubbel").encode(command_id="abc123")
    for _ in range(2):
        socket = _FakeSocket(line)
        instance._buffers[socket] = bytearray()
        instance._on_socket_ready_read(socket)
        assert socket.written == b"ok\n"  # answered both times, handled once
    other = _FakeSocket(Command("post", "niet dubbel").encode(command_id="def456"))
    instance._buffers[other] = bytearray()
    instance._on_socket_ready_read(other)
    assert got == [Command("post", "niet dubbel")] * 2


def test_single_instance_retries_forward_the_same_command_id(tmp_path, monkeypatch):
    from PySide6.QtCore import QLockFile

    import desktop.single_instance as si

    paths = Paths.resolve(tmp_path)
    paths.data.mkdir(parents=True, exist_ok=True)
    holder = QLockFile(str(paths.data / si.LOCK_FILE))
    assert holder.tryLock(0)
    sent: list[bytes] = []

    def forward(name, data, *, timeout_ms):
        sent.append(data)
        return len(sent) == 3  # the first two answers come too late

    monkeypatch.setattr(si, "_forward", forward)
    try:
        assert acquire_or_forward(paths, Command("post", "x"), timeout_s=5) is None
    finally:
        holder.unlock()
    assert len(sent) == 3
    assert len(set(sent)) == 1
    assert b'"id": "' in sent[0]


def test_credentials_is_a_command_and_tell_running_starts_nothing(qtbot, tmp_path):
    """`startpunt login` tells a running app to read the keychain again, and only if one runs."""
    from desktop.single_instance import tell_running

    paths = Paths.resolve(tmp_path)
    assert Command.decode(Command("credentials").encode()) == Command("credentials")
    assert tell_running(paths, Command("credentials"), timeout_s=0.5) is False
    assert not (paths.data / "startpunt.lock").exists()  # nothing became the primary
    instance = acquire_or_forward(paths, Command("show"))
    assert instance is not None
    got: list[Command] = []
    instance.start(got.append)
    try:
        answer: list[str] = []
        code = (
            "import sys; from pathlib import Path; from desktop.paths import Paths; "
            "from desktop.single_instance import Command, tell_running; "
            "print(tell_running(Paths.resolve(Path(sys.argv[1])), Command('credentials')))"
        )

        def launch() -> None:  # as `startpunt login` does it: another process
            done = subprocess.run(
                [sys.executable, "-c", code, str(tmp_path)],
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                capture_output=True, text=True, timeout=30, check=True,
            )  # fmt: skip
            answer.append(done.stdout.strip())

        thread = threading.Thread(target=launch)
        thread.start()
        qtbot.waitUntil(lambda: got == [Command("credentials")], timeout=10_000)
        thread.join(10)
        assert answer == ["True"]
    finally:
        instance.close()
