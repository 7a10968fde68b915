"""Composition root: builds the QApplication, the services and the tray, and wires them."""

from __future__ import annotations

import asyncio
import logging
import os
import random
import sys
from datetime import timedelta
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop import qt_async
from desktop.browser import Browser
from desktop.cli import RunOptions
from desktop.controller import AppController
from desktop.logging_setup import setup_logging
from desktop.notify import NativeNotifier, TrayBalloonNotifier
from desktop.paths import Paths
from desktop.signals import QuitOnSignals
from desktop.tray import TrayIcon
from services.clock import SystemClock
from services.humhub.connector import HumHubConnector
from services.poller import Poller
from services.redaction import register_secret

if TYPE_CHECKING:
    from desktop.demo import DemoIntranet

logger = logging.getLogger(__name__)

APP_NAME = "Startpunt"


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    logger.critical("Unexpected error", exc_info=(kind, exc, tb))


def run_app(options: RunOptions) -> int:
    """Run the tray app until the user quits; return the exit status."""
    paths = Paths.resolve(options.profile)
    paths.ensure()
    setup_logging(paths.log, debug=options.debug)
    sys.excepthook = _excepthook
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    demo: DemoIntranet | None = None
    if options.demo:
        from desktop.demo import start_demo  # the sandbox is imported only for --demo

        demo = start_demo(paths.data, pace=options.demo_pace, seed=options.demo_seed)
        base_url, token = demo.base_url, demo.token
    else:
        token = os.environ.get(options.token_env or "", "").strip()
        if not token or not options.intranet:
            sys.stderr.write(f"startpunt: the variable {options.token_env} holds no token\n")
            return 2
        base_url = options.intranet
    register_secret(token)
    try:
        return qt_async.run(_run(app, options, base_url, token, demo=demo))
    finally:
        if demo is not None:
            demo.stop()


def wire(controller: AppController, tray: TrayIcon, quit_event: asyncio.Event) -> None:
    """Connect every signal between the controller, the tray and the application."""
    controller.unread_changed.connect(tray.set_unread)
    controller.connection_changed.connect(tray.set_connection)
    tray.open_intranet_requested.connect(controller.open_intranet)
    tray.mark_all_read_requested.connect(controller.mark_all_read)
    tray.quit_requested.connect(quit_event.set)


async def _choose_notifier(tray: TrayIcon, controller: AppController, after: asyncio.Event) -> None:
    await after.wait()
    if sys.platform.startswith("linux"):
        from desktop.notify_freedesktop import FreedesktopNotifier

        freedesktop = FreedesktopNotifier(APP_NAME, controller.on_alert_action)
        if await freedesktop.probe():
            controller.set_notifier(freedesktop)
            return
    native = NativeNotifier(APP_NAME, controller.on_alert_action)
    if await native.probe():
        controller.set_notifier(native)
        return
    logger.info("Falling back to tray balloon messages")
    controller.set_notifier(TrayBalloonNotifier(tray.tray, controller.on_alert_action))


async def _run(
    app: QApplication,
    options: RunOptions,
    base_url: str,
    token: str,
    *,
    demo: DemoIntranet | None,
) -> int:
    connector = HumHubConnector(base_url, token=token)
    poller = Poller(
        connector,
        SystemClock(),
        random.Random(),  # noqa: S311 -- jitter, not cryptography
        interval=timedelta(seconds=options.poll_interval),
    )
    browser = Browser(connector.base_url, allow_loopback_http=demo is not None)
    controller = AppController(connector, poller, browser)
    tray = TrayIcon()
    quit_event = asyncio.Event()
    wire(controller, tray, quit_event)
    app.aboutToQuit.connect(quit_event.set)
    stop_signals = QuitOnSignals(quit_event.set)
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray.show()
    else:
        logger.warning("No system tray available")
    if options.exit_when_ready:
        controller.first_poll_done.connect(lambda: _announce_ready(quit_event))
    # The notification stack (D-Bus) loads after the first poll, off the start-up path;
    # alerts of that first poll wait for it.
    notifier_task = asyncio.ensure_future(_choose_notifier(tray, controller, controller.polled))
    controller.start(first_delay=timedelta(0) if options.exit_when_ready else None)
    logger.info("Started against %s", connector.base_url)
    await quit_event.wait()
    tray.hide()
    notifier_task.cancel()
    await controller.shutdown()
    stop_signals.close()
    logger.info("Stopped")
    return 0


def _announce_ready(quit_event: asyncio.Event) -> None:
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    quit_event.set()
