"""The floor for the benchmarks: the least a PySide6 tray app can be.

A QApplication with a QSystemTrayIcon and a one-item menu, nothing else. It prints
``ready`` on stdout once the icon is shown and the event loop is running, then idles
(or quits, with ``--exit-when-ready``).

``--with-httpx-qasync`` adds what every networked app built like ours carries: it
imports httpx and qasync, creates one ``httpx.AsyncClient`` (which loads the TLS trust
store) and runs the qasync event loop instead of ``app.exec()``. That is the floor for
the memory budget ("idle memory ≤ 1.3x bare Qt + httpx + qasync").

    python -m benchmarks.bare_tray [--with-httpx-qasync] [--exit-when-ready]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

PROBE_TOKEN_VAR = "STARTPUNT_TOKEN"  # noqa: S105 - a variable name, not a token

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon


def _build_tray(app: QApplication) -> tuple[QSystemTrayIcon, QMenu]:
    from PySide6.QtGui import QColor, QIcon, QPixmap
    from PySide6.QtWidgets import QMenu, QSystemTrayIcon

    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor("#2a7ab0"))
    tray = QSystemTrayIcon(QIcon(pixmap), app)
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray.setContextMenu(menu)
    tray.setToolTip("bare tray")
    tray.show()
    return tray, menu


def _announce(app: QApplication, exit_when_ready: bool) -> None:
    print("ready", flush=True)
    if exit_when_ready:
        app.quit()


def run_bare(exit_when_ready: bool) -> int:
    """Qt only: ``app.exec()``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    tray, _menu = _build_tray(app)
    QTimer.singleShot(0, lambda: _announce(app, exit_when_ready))
    rc = app.exec()
    tray.hide()
    return rc


def run_with_httpx_qasync(exit_when_ready: bool, probe_url: str | None = None) -> int:
    """Qt + httpx + qasync: one AsyncClient, the qasync loop.

    httpx is imported before PySide6, its cheapest order: modules imported after PySide6 pass
    through PySide6's import hook (the app does the same).
    """
    import asyncio

    import httpx

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    tray, _menu = _build_tray(app)

    async def main() -> None:
        quit_requested = asyncio.Event()
        app.aboutToQuit.connect(quit_requested.set)
        async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0)) as client:
            if probe_url:  # the same first request as the app: the unread probe
                token = os.environ.get(PROBE_TOKEN_VAR, "")
                await client.get(probe_url, headers={"Authorization": f"Bearer {token}"})
            print("ready", flush=True)  # leaving main() ends the loop; no app.quit() mid-await
            if not exit_when_ready:
                await quit_requested.wait()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main())
    tray.hide()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bare_tray", description=__doc__)
    parser.add_argument("--with-httpx-qasync", action="store_true")
    parser.add_argument("--exit-when-ready", action="store_true")
    parser.add_argument(
        "--probe",
        metavar="URL",
        help=f"GET URL once (bearer token from ${PROBE_TOKEN_VAR}) before ready",
    )
    opts = parser.parse_args(argv)
    if opts.with_httpx_qasync:
        return run_with_httpx_qasync(opts.exit_when_ready, opts.probe)
    return run_bare(opts.exit_when_ready)


if __name__ == "__main__":
    sys.exit(main())
