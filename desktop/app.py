"""Composition root: the QApplication, the event loop, and the app's life from start to quit."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desktop import qt_async, running_target
from desktop.alert_text import policy_problem_alert, store_problem_alert
from desktop.app_icon_file import icon_file
from desktop.app_windows import attach
from desktop.autostart import AGENT_LABEL
from desktop.cli import RunOptions
from desktop.composition import Parts, build, wire
from desktop.controller import AppController
from desktop.effective_settings import load_effective
from desktop.i18n import chosen_language, install_translations
from desktop.keychain_token import Reloader, saved_sign_in
from desktop.logging_setup import setup_logging
from desktop.notify import NativeNotifier, TrayBalloonNotifier
from desktop.onboarding import Outcome
from desktop.onboarding_flow import WizardLauncher, make_wizard, run_wizard
from desktop.paths import Paths
from desktop.signals import QuitOnSignals
from desktop.single_instance import Command, SingleInstance
from desktop.token_env import take_token
from desktop.tray import TrayIcon
from services.policy import Effective
from services.redaction import register_secret
from services.store import StoreError
from ui.app_icon import APP_ICON, app_icon, render_svg

if TYPE_CHECKING:
    from desktop.demo import DemoIntranet

logger = logging.getLogger(__name__)

APP_NAME = "Startpunt"
ALERT_ICON_SIZE = 64
DATABASE_CHECK_S = 30.0  # a stat() of the database file


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    logger.critical("Unexpected error", exc_info=(kind, exc, tb))


def run_app(options: RunOptions, instance: SingleInstance) -> int:
    """Run the tray app until the user quits; return the exit status."""
    paths = Paths.resolve(options.profile)
    paths.ensure()
    setup_logging(paths.log, debug=options.debug)
    sys.excepthook = _excepthook
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(app_icon())
    # the installed menu entry's id (the .deb, Flatpak): Wayland matches windows to it
    app.setDesktopFileName(AGENT_LABEL)
    app.setQuitOnLastWindowClosed(False)
    loaded = load_effective(paths)  # the user's settings combined with IT's policy
    install_translations(app, chosen_language(loaded[0].settings))
    intranet = _intranet(options, loaded[0])
    if intranet is None:
        return 2
    demos: list[DemoIntranet] = []  # started here or by the wizard's "Try the demo"
    if options.demo:
        # Unused, but drained and closed all the same: no child process (the browser!) may
        # inherit a readable token (desktop.token_env).
        take_token(options.token_env)
        demos.append(_start_demo(paths, options))
        base_url, token = demos[0].base_url, demos[0].token
    elif options.token_env:
        token = take_token(options.token_env)  # never in our environment (desktop.token_env)
        if not token:
            where = f"the variable {options.token_env}" if options.token_env else "nothing"
            sys.stderr.write(f"startpunt: {where} holds no token; use --token-env VAR\n")
            return 2
        if not intranet:
            sys.stderr.write("startpunt: --token-env needs --intranet URL\n")
            return 2
        base_url = intranet
    else:  # the keychain (`startpunt login`); signed out: start anyway, say so (keychain_token)
        saved = saved_sign_in(paths, intranet)
        if saved.problem:
            sys.stderr.write(f"startpunt: {saved.problem}\n")
            logger.warning("%s", saved.problem)
        if not saved.base_url and options.no_wizard:
            return 2
        base_url, token = saved.base_url, saved.token
    register_secret(token)
    start = Start(base_url, token, demo=bool(demos), loaded=loaded)
    try:
        return qt_async.run(_run(options, paths, start, instance=instance, demos=demos))
    except RuntimeError as exc:
        # The platform ended the session (logout, Cmd+Q): Qt quit and stopped the loop
        # under us; `_on_about_to_quit` already saved what matters.
        logger.info("Stopped by the desktop session (%s)", exc)
        return 0
    finally:
        running_target.clear(paths.data)
        for demo in demos:
            demo.stop()


def _start_demo(paths: Paths, options: RunOptions) -> DemoIntranet:
    from desktop.demo import start_demo  # the sandbox is imported only for a demo

    return start_demo(paths.data, pace=options.demo_pace, seed=options.demo_seed)


@dataclass(frozen=True, slots=True)
class Start:
    """What one build of the app runs against."""

    base_url: str
    token: str
    demo: bool = False
    loaded: tuple[Effective, bool] | None = None


def _after_wizard(
    outcome: Outcome, start: Start, paths: Paths, options: RunOptions, demos: list[DemoIntranet]
) -> Start | None:
    """Where the app goes on after the wizard; None: nowhere (no intranet known)."""
    if outcome.demo:
        demos.append(_start_demo(paths, options))
        return Start(demos[-1].base_url, demos[-1].token, demo=True)
    signed = outcome.signed_in
    if signed is not None:
        register_secret(signed.token)
        first_start = start.loaded[1] if start.loaded else False
        loaded = None if outcome.effective is None else (outcome.effective, first_start)
        return Start(signed.base_url, signed.token, loaded=loaded)
    return start if start.base_url else None


def _intranet(options: RunOptions, effective: Effective) -> str | None:
    """--intranet, else the saved or policy address ("" when none); None when --intranet
    contradicts the address IT locked (said on stderr)."""
    chosen = effective.settings.intranet_url
    if options.demo:
        return ""
    if options.intranet and effective.is_locked("intranet_url") and options.intranet != chosen:
        sys.stderr.write(f"startpunt: your organisation set the intranet address to {chosen}\n")
        return None
    return options.intranet or chosen


async def _choose_notifier(
    tray: TrayIcon, controller: AppController, after: asyncio.Event, data: Path
) -> None:
    """Pick the best notification channel once the first poll is done (off the start path)."""
    await after.wait()
    if sys.platform.startswith("linux"):
        from desktop.notify_freedesktop import FreedesktopNotifier

        icon = render_svg(APP_ICON, ALERT_ICON_SIZE)
        freedesktop = FreedesktopNotifier(APP_NAME, controller.on_alert_action, icon=icon)
        if await freedesktop.probe():
            controller.set_notifier(freedesktop)
            return
    native = NativeNotifier(
        APP_NAME, controller.on_alert_action, icon=icon_file(data, ALERT_ICON_SIZE)
    )
    if await native.probe():
        controller.set_notifier(native)
        return
    logger.info("Falling back to tray balloon messages")
    controller.set_notifier(TrayBalloonNotifier(tray.tray, controller.on_alert_action))


async def _run(
    options: RunOptions,
    paths: Paths,
    start: Start,
    *,
    instance: SingleInstance,
    demos: list[DemoIntranet],
) -> int:
    """The first-run wizard when there is no sign-in, then the app; again after the wizard
    changed the intranet or the settings (`onboarding_flow.WizardLauncher`)."""
    if not start.demo and not start.token and not options.token_env and not options.no_wizard:
        assert start.loaded is not None  # noqa: S101 -- run_app loads it
        onboarding = make_wizard(paths, start.loaded[0], options.profile)
        after = _after_wizard(await run_wizard(onboarding), start, paths, options, demos)
        if after is None:
            logger.info("The wizard was closed before an intranet was chosen: quitting")
            return 0
        start = after
    handlers: list[Callable[[Command], None]] = []
    while True:
        running_target.write(paths.data, running_target.DEMO if start.demo else start.base_url)
        outcome = await _run_parts(options, paths, start, instance=instance, handlers=handlers)
        if outcome is None:
            return 0
        start = _after_wizard(outcome, start, paths, options, demos) or start
        logger.info("Starting again against %s after the wizard", start.base_url)


async def _run_parts(
    options: RunOptions,
    paths: Paths,
    start: Start,
    *,
    instance: SingleInstance,
    handlers: list[Callable[[Command], None]],
) -> Outcome | None:
    """Build, wire and run the app until Quit (None) or until the wizard asks for a new
    build (its outcome)."""
    token = start.token
    parts = build(
        paths,
        start.base_url,
        token,
        poll_interval=options.poll_interval,
        demo=start.demo,
        profile=options.profile,
        loaded=start.loaded,
    )
    quit_event = asyncio.Event()
    wire(parts, quit_event)
    windows = attach(parts, paths, options.profile)  # Settings…, Help & tips, About
    rebuild: list[Outcome] = []

    def switch(outcome: Outcome) -> None:
        rebuild.append(outcome)
        quit_event.set()

    launcher = WizardLauncher(paths, parts, options.profile, switch)
    parts.tray.sign_in_requested.connect(lambda: launcher.open(at_sign_in=True))
    parts.tray.change_intranet_requested.connect(lambda: launcher.open(at_sign_in=False))
    parts.controller.sign_in_requested.connect(lambda: launcher.open(at_sign_in=True))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: _on_about_to_quit(parts))
    stop_signals = QuitOnSignals(quit_event.set)
    _show(parts)
    controller = parts.controller
    if options.exit_when_ready:
        controller.first_poll_done.connect(lambda: _announce_ready(quit_event))
    notifier_task = asyncio.ensure_future(
        _choose_notifier(parts.tray, controller, controller.polled, paths.data)
    )
    controller.first_poll_done.connect(parts.watch.start)
    if token:
        controller.start(first_delay=timedelta(0) if options.exit_when_ready else None)
    else:  # not signed in: the "sign in again" state until `startpunt login` (Reloader)
        await controller.sign_out()
    show_start_problems(parts)
    watch_file = asyncio.ensure_future(_watch_database(parts, controller))
    # The outbox (and its read of spaces and profile) starts after the first poll, off the
    # start-up path; a `startpunt post TEXT` start opens its dialog right away.
    controller.first_poll_done.connect(parts.posting.start)
    reloader = Reloader(paths, parts.connector, controller, parts.current_token)
    reloader.watch_expiry(token)

    def handle_command(command: Command) -> None:
        if command.name == "credentials":
            reloader.reload()
        else:
            parts.posting.handle_command(command)

    handlers[:] = [handle_command]
    if not instance.started:
        instance.start(lambda command: handlers[0](command))
    logger.info("Started against %s", parts.connector.base_url)
    await quit_event.wait()
    notifier_task.cancel()
    watch_file.cancel()
    windows.close()
    await shut_down(parts)
    stop_signals.close()
    logger.info("Stopped" if not rebuild else "Stopped for a new start")
    return rebuild[0] if rebuild else None


def show_start_problems(parts: Parts) -> None:
    """Tell the user, once per start, what went wrong before the app could run normally."""
    if parts.store_problem:
        parts.controller.show_alert(store_problem_alert(parts.store_problem))
    if parts.effective.policy.problem:  # the log has the details
        parts.controller.show_alert(policy_problem_alert())


async def shut_down(parts: Parts) -> None:
    """Stop everything that may write, then close the database (nothing touches it after)."""
    parts.quitting = True  # Qt's aboutToQuit comes after this: it must not save again
    logger.debug("Quitting: closing the tray and panel")
    parts.tray.hide()
    parts.panel.close()
    logger.debug("Quitting: saving the draft and stopping the outbox sender")
    await parts.posting.shutdown()
    if parts.leadership is not None:
        await parts.leadership.stop()
    if parts.spotlight is not None:
        await parts.spotlight.shutdown()
    if parts.polls is not None:
        await parts.polls.stop()
    if parts.community is not None:
        await parts.community.shutdown()
    logger.debug("Quitting: stopping polling")
    await parts.controller.shutdown()
    parts.database.close()


async def _watch_database(parts: Parts, controller: AppController) -> None:
    """A database file deleted under us is written back at the next write; look now and
    then too, so a quiet app notices it before a crash could lose it. Tell the user."""

    def restored(_moved: object) -> None:
        asyncio.get_event_loop().call_soon(controller.show_alert, store_problem_alert("restored"))

    parts.database.on_restored = restored
    while True:
        await asyncio.sleep(DATABASE_CHECK_S)
        try:
            parts.database.ensure_file()
        except StoreError as exc:
            logger.error("%s", exc)


def _show(parts: Parts) -> None:
    if parts.has_tray:
        parts.tray.show()
        return
    logger.warning("No system tray available: showing the notification panel as a window")
    parts.panel.show_near(None)  # showing it asks the controller for its contents


def _on_about_to_quit(parts: Parts) -> None:
    """The desktop session is ending and the event loop stops now: save synchronously."""
    if parts.quitting:
        return
    parts.quitting = True
    dialog = parts.posting.dialog
    if dialog is not None:
        dialog.flush_draft()
    parts.database.close()
    logger.info("Session ending: draft saved, database closed")


def _announce_ready(quit_event: asyncio.Event) -> None:
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    quit_event.set()
