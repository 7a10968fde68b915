"""Quit cleanly on SIGTERM/SIGINT while Qt's event loop (not Python) is waiting.

Python runs signal handlers only when it gets control, which a blocked Qt loop never gives it.
`signal.set_wakeup_fd` writes a byte to a socket on every signal; a QSocketNotifier wakes Qt.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitOnSignals:
    """Call `on_quit` once SIGINT or SIGTERM arrives; `close()` restores the old handlers."""

    def __init__(self, on_quit: Callable[[], None]) -> None:
        self._on_quit = on_quit
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._old_handlers = {s: signal.signal(s, self._handle) for s in _SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)

    def _handle(self, signum: int, _frame: object) -> None:
        self._on_quit()

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)

    def close(self) -> None:
        """Stop listening and put the previous handlers back."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._old_fd)
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()
