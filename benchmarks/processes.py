"""Child processes of a benchmark run: started and stopped by PID, their stdout read, /proc read.

Knows nothing about variants or figures; ``BenchError`` is what any step raises when a figure
cannot be taken (the others still are).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from devtools.rig import stop_process

CLK_TCK = os.sysconf("SC_CLK_TCK")


class BenchError(RuntimeError):
    """One figure could not be taken (the others still are)."""


class Procs:
    """Starts processes with the desktop's environment; stops them (by PID) at the end."""

    def __init__(self, env: dict[str, str], work: Path) -> None:
        self.env = env
        self.work = work
        self._live: list[subprocess.Popen[bytes]] = []
        self._n = 0

    def spawn(
        self, argv: Sequence[str], *, name: str, extra_env: dict[str, str] | None = None
    ) -> tuple[subprocess.Popen[bytes], Path]:
        """Start ``argv`` with stdout on a pipe and stderr in ``<work>/<name>-<n>.log``."""
        self._n += 1
        log_path = self.work / f"{re.sub(r'[^A-Za-z0-9]+', '_', name)}-{self._n}.log"
        env = {**self.env, **(extra_env or {})}
        with log_path.open("wb") as err:
            proc = subprocess.Popen(
                list(argv), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err
            )
        self._live.append(proc)
        return proc, log_path

    def stop(self, proc: subprocess.Popen[bytes]) -> None:
        stop_process(proc)
        if proc.stdout is not None:
            proc.stdout.close()
        with contextlib.suppress(ValueError):
            self._live.remove(proc)

    def stop_all(self) -> None:
        for proc in reversed(list(self._live)):
            self.stop(proc)

    def profile(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="profile-", dir=self.work))


def tail(path: Path, lines: int = 8) -> str:
    """The last ``lines`` of a log file, joined for an indented report line ("" if unreadable)."""
    try:
        text = path.read_text(errors="replace").strip()
    except OSError:
        return ""
    return "\n      ".join(text.splitlines()[-lines:])


class LineReader:
    """Reads a child's stdout without blocking forever: ``wait(pattern, timeout)``."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.stdout is None:
            raise ValueError("the process needs stdout=PIPE")
        self.proc = proc
        self.fd = proc.stdout.fileno()
        self.buf = b""
        self.lines: list[str] = []
        self.eof = False

    def _fill(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self.eof = True
            return
        self.buf += chunk
        *done, self.buf = self.buf.split(b"\n")
        self.lines.extend(line.decode(errors="replace").rstrip("\r") for line in done)

    def wait(self, pattern: re.Pattern[str], timeout: float) -> re.Match[str] | None:
        """The first new line matching ``pattern`` (None on EOF or timeout)."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for k in range(seen, len(self.lines)):
                m = pattern.search(self.lines[k])
                if m:
                    del self.lines[: k + 1]
                    return m
            seen = len(self.lines)
            left = deadline - time.monotonic()
            if self.eof or left <= 0:
                return None
            self._fill(min(left, 0.2))

    def drain_in_background(self) -> None:
        """Keep reading (and dropping) output so the child never blocks on a full pipe."""

        def drain() -> None:
            with contextlib.suppress(OSError, ValueError):
                while os.read(self.fd, 65536):
                    pass

        threading.Thread(target=drain, daemon=True).start()


def rss_pss_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB from /proc/PID/smaps_rollup."""
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    values = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.MULTILINE))
    return int(values["Rss"]), int(values["Pss"])


def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (not its children), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / CLK_TCK
