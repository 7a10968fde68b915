"""Single instance (RELIABILITY row 30): a second launch forwards its command and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from desktop.paths import Paths
from desktop.single_instance import Command, acquire_or_forward

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
        assert got == [Command("show")]
        answer = []

        def launch():
            answer.append(_second(tmp_path, "Dank je @Jan de Boer!"))

        # the second process blocks on its answer: let Qt's loop serve it meanwhile
        thread = threading.Thread(target=launch)
        thread.start()
        qtbot.waitUntil(lambda: len(got) == 2, timeout=10_000)
        thread.join(10)
        assert answer == ["forwarded"]
        assert got[1] == Command("post", "Dank je @Jan de Boer!")
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
        qtbot.waitUntil(lambda: len(got) == 2, timeout=10_000)
        thread.join(10)
        assert answer == ["forwarded"]  # the stale socket file was replaced
    finally:
        instance.close()


def test_single_instance_ignores_junk_commands():
    assert Command.decode(b"not json") is None
    assert Command.decode(b'{"command": "rm -rf"}') is None
    assert Command.decode(b'{"command": "post", "text": 3}') == Command("post", "")
    assert Command.decode(Command("post", "hé").encode().strip()) == Command("post", "hé")
