"""`startpunt` console entry point."""

from __future__ import annotations

import logging
import sys

from desktop.cli import AutostartOptions, DoctorOptions, LoginOptions, RunOptions, parse

EXIT_UNEXPECTED = 1
EXIT_PROFILE = 3
EXIT_OTHER_TARGET = 4
EXIT_NO_DESKTOP = 5

logger = logging.getLogger("desktop")


def main(argv: list[str] | None = None) -> int:
    """Run the tray app or a subcommand; return the process exit status.

    Never ends silently: an unexpected error prints one line on stderr (the traceback goes
    to the log).
    """
    options = parse(sys.argv[1:] if argv is None else argv)
    try:
        return _main(options, real_program=argv is None)
    except Exception as exc:  # the last resort: one line for the user, details in the log
        logger.critical("Unexpected error", exc_info=exc)
        where = _log_hint(options)
        sys.stderr.write(f"startpunt: unexpected error: {type(exc).__name__}: {exc}{where}\n")
        return EXIT_UNEXPECTED


def _log_hint(options: RunOptions | DoctorOptions | AutostartOptions | LoginOptions) -> str:
    handlers = [h for h in logging.getLogger().handlers if hasattr(h, "baseFilename")]
    if not handlers or not isinstance(options, RunOptions):
        return ""
    return f" (details in {getattr(handlers[0], 'baseFilename', '')})"


def _main(
    options: RunOptions | DoctorOptions | AutostartOptions | LoginOptions, *, real_program: bool
) -> int:
    if isinstance(options, DoctorOptions):
        from desktop.doctor import run_doctor

        return run_doctor(options)
    if isinstance(options, AutostartOptions):
        from desktop.autostart_command import run_autostart

        return run_autostart(options)
    if isinstance(options, LoginOptions):
        if real_program and options.token_env:  # out of /proc/PID/environ first
            from desktop.token_env import reexec_without_token

            reexec_without_token(options.token_env)
        from desktop import login

        return login.run_logout(options) if options.logout else login.run_login(options)
    if real_program and options.token_env:  # not a test calling main()
        from desktop.token_env import reexec_without_token

        reexec_without_token(options.token_env)  # returns only when there is nothing to do
    # Load the pure-Python stack (asyncio, httpx) before PySide6: after PySide6 is imported its
    # import hook (shibokensupport.feature) reads the source of every module imported later,
    # which costs ~45 ms of start-up for httpx alone.
    import services.humhub.connector  # noqa: F401
    from desktop.paths import Paths
    from desktop.single_instance import Command, InstanceUnreachableError, acquire_or_forward

    paths = Paths.resolve(options.profile)
    problem = paths.unwritable()
    if problem is not None:
        sys.stderr.write(
            f"startpunt: Startpunt {problem}; fix the folder or choose another with --profile\n"
        )
        return EXIT_PROFILE
    try:
        instance = acquire_or_forward(paths, Command(options.command, options.post_text))
    except InstanceUnreachableError as exc:
        sys.stderr.write(f"startpunt: {exc}\n")
        return 1
    if instance is None:  # the running Startpunt got the command
        from desktop import running_target

        wanted = running_target.DEMO if options.demo else options.intranet
        problem = running_target.mismatch(running_target.read(paths.data), wanted)
        if problem is not None:
            sys.stderr.write(f"startpunt: {problem}\n")
            return EXIT_OTHER_TARGET
        return 0
    from desktop.display_check import display_problem

    no_desktop = display_problem()
    if no_desktop is not None:
        instance.close()
        sys.stderr.write(f"startpunt: {no_desktop}\n")
        return EXIT_NO_DESKTOP
    from desktop.app import run_app

    try:
        return run_app(options, instance)
    finally:
        instance.close()


if __name__ == "__main__":
    sys.exit(main())
