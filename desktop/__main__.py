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
    # Load the pure-Python stack (asyncio, httpx) before PySide6: after PySide6 is imported its
    # import hook (shibokensupport.feature) reads the source of every module imported later,
    # which costs ~45 ms of start-up for httpx alone.
    import services.humhub.connector  # noqa: F401
    from desktop.app import run_app

    return run_app(options)


if __name__ == "__main__":
    sys.exit(main())
