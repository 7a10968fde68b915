"""Command-line interface: `startpunt [options]`, `startpunt post [TEXT]`, `startpunt doctor ...`."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

DEMO_PACES = ("fast", "normal", "slow", "off")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Options for running the tray app."""

    demo: bool
    demo_pace: str
    demo_seed: int
    intranet: str | None
    token_env: str | None
    profile: Path | None
    poll_interval: float | None  # None: the saved setting (default 30 s)
    exit_when_ready: bool
    debug: bool
    command: str = "show"  # what to ask of an already running instance: "show" | "post"
    post_text: str = ""


@dataclass(frozen=True, slots=True)
class DoctorOptions:
    """Options for `startpunt doctor`."""

    intranet: str
    token_env: str | None
    user: str | None
    debug: bool


def _run_parser(*, post: bool = False) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="startpunt post" if post else "startpunt",
        description="Open the quick-post dialog of the running Startpunt (started with the "
        "options below if none runs), with TEXT filled in."
        if post
        else "Startpunt: your intranet in the system tray. "
        "Subcommands: 'startpunt post [TEXT]' opens the quick-post dialog; "
        "'startpunt doctor --intranet URL' checks the connection.",
    )
    if post:
        p.add_argument("text", nargs="?", default="", metavar="TEXT", help="text to start with")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--demo", action="store_true", help="run against the built-in sandbox")
    target.add_argument("--intranet", metavar="URL", help="address of your HumHub intranet")
    p.add_argument("--demo-pace", choices=DEMO_PACES, default="normal")
    p.add_argument("--demo-seed", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument(
        "--token-env",
        metavar="VAR",
        help="name of the environment variable holding an API token (never the token itself)",
    )
    p.add_argument("--profile", type=Path, help="keep all settings and data in this folder")
    p.add_argument("--poll-interval", type=float, default=None, metavar="SECONDS")
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--debug", action="store_true", help="verbose log on the console")
    return p


def _doctor_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="startpunt doctor",
        description="Check the connection to an intranet, one line per check. "
        "Exit status 0 only if every check passes.",
    )
    p.add_argument("--intranet", metavar="URL", required=True)
    auth = p.add_mutually_exclusive_group()
    auth.add_argument("--token-env", metavar="VAR", help="environment variable with a token")
    auth.add_argument("--user", metavar="NAME", help="sign in as NAME; password on stdin")
    p.add_argument("--debug", action="store_true")
    return p


def parse(argv: list[str]) -> RunOptions | DoctorOptions:
    """Parse the command line; exits with status 2 and a usage message on bad input."""
    if argv[:1] == ["doctor"]:
        d = _doctor_parser().parse_args(argv[1:])
        return DoctorOptions(d.intranet, d.token_env, d.user, d.debug)
    post = argv[:1] == ["post"]
    parser = _run_parser(post=post)
    a = parser.parse_args(argv[1:] if post else argv)
    if not a.demo and not a.intranet and not post:  # `post` may only need forwarding
        parser.error("choose --demo or --intranet URL")
    if a.intranet and not a.token_env:
        parser.error("--intranet needs --token-env VAR (the name of a variable holding a token)")
    if a.poll_interval is not None and a.poll_interval < 10:
        parser.error("--poll-interval must be at least 10 seconds")
    return RunOptions(
        demo=a.demo,
        demo_pace=a.demo_pace,
        demo_seed=a.demo_seed,
        intranet=a.intranet,
        token_env=a.token_env,
        profile=a.profile,
        poll_interval=a.poll_interval,
        exit_when_ready=a.exit_when_ready,
        debug=a.debug,
        command="post" if post else "show",
        post_text=a.text if post else "",
    )
