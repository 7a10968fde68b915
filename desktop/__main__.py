"""`startpunt` console entry point."""

from __future__ import annotations

import sys

from desktop.cli import DoctorOptions, parse


def main(argv: list[str] | None = None) -> int:
    """Run the tray app or a subcommand; return the process exit status."""
    options = parse(sys.argv[1:] if argv is None else argv)
    if isinstance(options, DoctorOptions):
        from desktop.doctor import run_doctor

        return run_doctor(options)
    if argv is None and options.token_env:  # the real program, not a test calling main()
        from desktop.token_env import reexec_without_token

        reexec_without_token(options.token_env)  # returns only when there is nothing to do
    # Load the pure-Python stack (asyncio, httpx) before PySide6: after PySide6 is imported its
    # import hook (shibokensupport.feature) reads the source of every module imported later,
    # which costs ~45 ms of start-up for httpx alone.
    import services.humhub.connector  # noqa: F401
    from desktop.paths import Paths
    from desktop.single_instance import Command, InstanceUnreachableError, acquire_or_forward

    try:
        instance = acquire_or_forward(
            Paths.resolve(options.profile), Command(options.command, options.post_text)
        )
    except InstanceUnreachableError as exc:
        sys.stderr.write(f"startpunt: {exc}\n")
        return 1
    if instance is None:
        return 0  # the running Startpunt got the command
    from desktop.app import run_app

    try:
        return run_app(options, instance)
    finally:
        instance.close()


if __name__ == "__main__":
    sys.exit(main())
