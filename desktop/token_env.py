"""The API token named by `--token-env`: out of this process's environment for good.

`os.environ.pop` only changes Python's copy: the environment block the process started with
stays readable in `/proc/PID/environ` (and `ps e`) for the app's whole life. So on POSIX the
first thing `startpunt --token-env VAR` does is start itself again (`execve`, same PID)
without VAR, handing the token over through a pipe whose read end the new image inherits
(`STARTPUNT_TOKEN_FD`, a number, not a secret); the new image reads it and closes the pipe.
Until the exec (a few milliseconds after start) the token is in the original block. On
Windows no other user can read a process's environment, and exec there would start a new
process: the variable is only removed from `os.environ`, so child processes don't get it.
"""

from __future__ import annotations

import contextlib
import os
import sys

TOKEN_FD_ENV = "STARTPUNT_TOKEN_FD"  # noqa: S105 -- a variable name, not a secret
MAX_TOKEN_BYTES = 60_000  # below a pipe's buffer, so writing it never blocks


def reexec_without_token(token_env: str) -> None:
    """Run this program again with `token_env` removed from its environment (POSIX only).

    Returns only when nothing needs doing (no such variable, not POSIX, an odd token).
    """
    token = os.environ.get(token_env)
    if os.name != "posix" or not token or len(token.encode()) > MAX_TOKEN_BYTES:
        return
    read_end, write_end = os.pipe()
    os.write(write_end, token.encode())
    os.close(write_end)
    os.set_inheritable(read_end, True)
    env = {k: v for k, v in os.environ.items() if k != token_env}
    env[TOKEN_FD_ENV] = str(read_end)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, sys.orig_argv, env)  # noqa: S606 -- ourselves, same arguments
    except OSError:  # cannot run ourselves again: go on with the variable popped (take_token)
        os.close(read_end)


def take_token(token_env: str | None) -> str:
    """The token: handed over by `reexec_without_token`, else taken out of `os.environ`."""
    handed = os.environ.pop(TOKEN_FD_ENV, "")
    if handed.isdigit():
        fd = int(handed)
        try:
            chunks = []
            while chunk := os.read(fd, 65536):
                chunks.append(chunk)
            return b"".join(chunks).decode("utf-8", "replace").strip()
        except OSError:
            return ""
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)
    # Not re-executed (Windows): at least no child process (the browser!) inherits it.
    return os.environ.pop(token_env or "", "").strip()
