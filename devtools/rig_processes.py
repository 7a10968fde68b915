"""The rig's processes: started by PID in one run folder with one environment, stopped by PID.

Knows nothing about X, D-Bus or notifications (that is ``devtools.desktop_rig``). Every process
started here is stopped at the end (SIGTERM, then SIGKILL after ``STOP_GRACE_S``), newest first,
and the run folder is deleted unless ``keep``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["STOP_GRACE_S", "RigError", "RigProcesses", "read_line_from_fd", "stop_process"]

log = logging.getLogger(__name__)

T = TypeVar("T")

STOP_GRACE_S = 3.0


class RigError(RuntimeError):
    """The rig could not start, or a helper could not do what was asked."""


def stop_process(proc: subprocess.Popen[Any], name: object = None) -> None:
    """SIGTERM one process we started, SIGKILL it after the grace period, reap it."""
    name = name or proc.args
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        log.warning("%s (pid %d) ignored SIGTERM; killing it", name, proc.pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def read_line_from_fd(fd: int, timeout: float, proc: subprocess.Popen[bytes]) -> str:
    """Read one line a child writes to our end of a pipe, or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], min(left, 0.1))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            data += chunk
        elif proc.poll() is not None:
            break
    return data.decode(errors="replace").strip()


class RigProcesses:
    """A run folder and the processes started in it: daemons (logged to ``<name>.log``) and apps.

    Subclasses fill ``_env`` once the run folder exists (``_make_run_dir``).
    """

    def __init__(
        self,
        *,
        keep: bool,
        base_dir: str | os.PathLike[str] | None,
        start_timeout: float,
    ) -> None:
        self.keep = keep
        self.start_timeout = start_timeout
        self._base_dir = base_dir if base_dir is not None else os.environ.get("RIG_BASE")
        self._run_dir: Path | None = None
        self._env: dict[str, str] = {}
        self._daemons: list[tuple[str, subprocess.Popen[bytes]]] = []
        self._children: list[subprocess.Popen[Any]] = []
        self._lock = threading.Lock()

    # ---- public state

    @property
    def run_dir(self) -> Path:
        """The run folder (``RIG_DIR``)."""
        if self._run_dir is None:
            raise RigError("the rig is not running")
        return self._run_dir

    @property
    def env(self) -> dict[str, str]:
        """The environment to run apps with (a copy)."""
        if not self._env:
            raise RigError("the rig is not running")
        return dict(self._env)

    def _make_run_dir(self) -> Path:
        self._run_dir = Path(tempfile.mkdtemp(prefix="startpunt-rig-", dir=self._base_dir))
        return self._run_dir

    def stop(self) -> None:
        """Stop everything the rig started (newest first, by PID) and clean up."""
        with self._lock:
            children, self._children = self._children, []
            daemons, self._daemons = self._daemons, []
        for proc in reversed(children):
            stop_process(proc, proc.args)
        for name, proc in reversed(daemons):
            stop_process(proc, name)
        run, self._run_dir = self._run_dir, None
        self._env = {}
        if run is not None:
            if self.keep:
                log.info("kept the rig's run folder %s", run)
            else:
                shutil.rmtree(run, ignore_errors=True)

    # ---- starting processes

    def _spawn(
        self,
        name: str,
        argv: list[str],
        *,
        stdout: Path | None = None,
        pass_fds: Sequence[int] = (),
        stdin: bytes | None = None,
    ) -> subprocess.Popen[bytes]:
        """Start a daemon logging to ``<name>.log``; ``stdin`` is written to it, then closed."""
        log_path = self.run_dir / f"{name}.log"
        with (
            log_path.open("ab") as err,
            stdout.open("ab") if stdout else contextlib.nullcontext(err) as out,
        ):
            proc = subprocess.Popen(  # noqa: S603 - fixed argv of known programs
                argv,
                env=self._env,
                stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                stdout=out,
                stderr=err,
                pass_fds=tuple(pass_fds),
                start_new_session=True,  # a Ctrl-C in the terminal reaches only us
                cwd=self.run_dir,
            )
        with self._lock:
            self._daemons.append((name, proc))
        if stdin is not None and proc.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.write(stdin)
            proc.stdin.close()
        return proc

    def _start_with_pipe(self, name: str, argv: list[str], *, what: str) -> str:
        r, w = os.pipe()
        try:
            proc = self._spawn(name, [a.replace("{fd}", str(w)) for a in argv], pass_fds=[w])
            os.close(w)
            w = -1
            try:
                line = read_line_from_fd(r, self.start_timeout, proc)
            except TimeoutError:
                line = ""
            if not line:
                raise RigError(f"no {what} within {self.start_timeout:g} s{self._tail(name)}")
            return line
        finally:
            os.close(r)
            if w >= 0:
                os.close(w)

    def _tail(self, name: str, lines: int = 15) -> str:
        if self._run_dir is None:
            return ""
        path = self._run_dir / f"{name}.log"
        try:
            text = path.read_text(errors="replace").strip()
        except OSError:
            return ""
        if not text:
            return f" ({path.name} is empty)"
        return f"; last lines of {path.name}:\n" + "\n".join(text.splitlines()[-lines:])

    def popen(self, cmd: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """Start ``cmd`` in the rig (``subprocess.Popen``); stopped with the rig if still running.

        ``env=`` is laid over the rig's environment rather than replacing it.
        """
        env = self.env
        env.update(kwargs.pop("env", None) or {})
        proc: subprocess.Popen[Any] = subprocess.Popen(cmd, env=env, **kwargs)  # noqa: S603
        with self._lock:
            self._children.append(proc)
        return proc

    def run(self, cmd: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
        """Run ``cmd`` in the rig to completion (``subprocess.run``; ``env=`` is laid over)."""
        env = self.env
        env.update(kwargs.pop("env", None) or {})
        return subprocess.run(cmd, env=env, **kwargs)  # noqa: S603

    def _tool(self, *cmd: str, timeout: float = 10.0) -> str:
        try:
            done = self.run(list(cmd), capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RigError(f"`{' '.join(cmd)}` did not finish within {timeout:g} s") from exc
        if done.returncode != 0:
            raise RigError(f"`{' '.join(cmd)}` failed ({done.returncode}): {done.stderr.strip()}")
        return str(done.stdout)

    # ---- waiting

    def wait_for(
        self,
        predicate: Callable[[], T],
        timeout: float,
        *,
        interval: float = 0.05,
        what: str | None = None,
        log_name: str | None = None,
    ) -> T:
        """Poll ``predicate`` until it returns something truthy, and return that.

        Exceptions from the predicate count as "not yet". Raises :class:`RigError`
        after ``timeout`` seconds (with the tail of ``<log_name>.log`` if given).
        """
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while True:
            try:
                result = predicate()
            except Exception as exc:  # noqa: BLE001 - "not yet"
                last_error = exc
            else:
                if result:
                    return result
            if time.monotonic() >= deadline:
                detail = f" (last error: {last_error})" if last_error else ""
                tail = self._tail(log_name) if log_name else ""
                raise RigError(
                    f"timed out after {timeout:g} s waiting for {what or predicate!r}{detail}{tail}"
                )
            time.sleep(interval)
