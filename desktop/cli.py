"""Command-line interface: `startpunt [options]`, `startpunt post [TEXT]`, `startpunt doctor ...`,
`startpunt login ...`, `startpunt logout`."""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import dataclass
from pathlib import Path

from services.errors import InsecureUrlError
from services.urls import normalise_base_url
from services.version import package_version

DEMO_PACES = ("fast", "normal", "slow", "off")
SUBCOMMANDS = ("post", "doctor", "autostart", "login", "logout")
AUTOSTART_ACTIONS = ("on", "off", "status")
POLL_INTERVAL_RANGE = (10.0, 3600.0)  # seconds; the same bounds as the settings file
# Options that take a value: needed to find a subcommand written after them.
_VALUED = frozenset({"--intranet", "--demo-pace", "--demo-seed", "--token-env", "--profile",
                     "--poll-interval", "--user"})  # fmt: skip
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


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
    no_wizard: bool = False  # not signed in: start signed out instead of the first-run wizard


@dataclass(frozen=True, slots=True)
class LoginOptions:
    """Options for `startpunt login` (and `startpunt logout`, which needs fewer)."""

    intranet: str | None  # logout: None = the address in the settings
    user: str | None
    token_env: str | None
    profile: Path | None
    debug: bool
    logout: bool = False


# `startpunt login` and `logout` exit statuses (documented in their --help).
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 6  # wrong password, throttled, token refused, sign-in switched off
EXIT_UNREACHABLE = 7  # no answer, TLS refused, not a HumHub
EXIT_NO_KEYCHAIN = 8  # signed in, but no keychain kept the token
_LOGIN_EXITS = (
    "Exit status: 0 signed in (token in the keychain); 1 unexpected error; 2 bad usage or no "
    "password/token given; 6 sign-in refused (wrong username or password, too many attempts, "
    "token refused, password sign-in switched off); 7 intranet not reachable or not a HumHub; "
    "8 signed in, but no usable keychain kept the token (nothing stored)."
)


@dataclass(frozen=True, slots=True)
class DoctorOptions:
    """Options for `startpunt doctor`."""

    intranet: str
    token_env: str | None
    user: str | None
    debug: bool


@dataclass(frozen=True, slots=True)
class AutostartOptions:
    """Options for `startpunt autostart on|off|status`."""

    action: str
    profile: Path | None
    debug: bool


def _autostart_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="startpunt autostart",
        description="Start Startpunt when you log in (on), stop doing so (off), or show "
        "whether it does (status).",
    )
    p.add_argument("action", choices=AUTOSTART_ACTIONS)
    p.add_argument(
        "--profile", type=_profile, metavar="DIR", help="the profile folder Startpunt uses"
    )
    p.add_argument("--debug", action="store_true", help="verbose log on the console")
    _add_version(p)
    return p


def _run_parser(*, post: bool = False) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="startpunt post" if post else "startpunt",
        description="Open the quick-post dialog of the running Startpunt (started with the "
        "options below if none runs), with TEXT filled in."
        if post
        else "Startpunt: your intranet in the system tray. Without --demo or --token-env it "
        "uses the intranet and the token that 'startpunt login' saved. "
        "Subcommands: 'startpunt login --intranet URL --user NAME' signs in; "
        "'startpunt logout' signs out; 'startpunt post [TEXT]' opens the quick-post dialog; "
        "'startpunt doctor --intranet URL' checks the connection; "
        "'startpunt autostart on|off|status' starts Startpunt at login.",
    )
    if post:
        p.add_argument("text", nargs="?", default="", metavar="TEXT", help="text to start with")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--demo", action="store_true", help="run against the built-in sandbox")
    target.add_argument(
        "--intranet", metavar="URL", type=_intranet, help="address of your HumHub intranet"
    )
    p.add_argument(
        "--demo-pace",
        choices=DEMO_PACES,
        default="normal",
        help="how quickly the sandbox colleagues react (default: normal)",
    )
    p.add_argument("--demo-seed", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument(
        "--token-env",
        metavar="VAR",
        type=_env_name,
        help="name of the environment variable holding an API token (never the token itself)",
    )
    p.add_argument(
        "--profile", type=_profile, metavar="DIR", help="keep all settings and data in this folder"
    )
    p.add_argument(
        "--poll-interval",
        type=_poll_interval,
        default=None,
        metavar="SECONDS",
        help="seconds between checks for news, 10 to 3600 (default: the saved setting, 30)",
    )
    p.add_argument(
        "--no-wizard",
        action="store_true",
        help="when not signed in, start signed out (for 'startpunt login') instead of "
        "showing the first-run wizard",
    )
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--debug", action="store_true", help="verbose log on the console")
    _add_version(p)
    return p


def _add_version(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", action="version", version=f"startpunt {package_version()}")


def _poll_interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    low, high = POLL_INTERVAL_RANGE
    if not math.isfinite(value) or not low <= value <= high:
        raise argparse.ArgumentTypeError(f"must be between {low:g} and {high:g} seconds")
    return value


def _env_name(text: str) -> str:
    if not _ENV_NAME.fullmatch(text):
        raise argparse.ArgumentTypeError(
            "give the NAME of an environment variable (letters, digits, _), not the token"
        )
    return text


def _profile(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty folder name")
    return Path(text).expanduser()


def _intranet(text: str) -> str:
    try:
        return normalise_base_url(text)
    except InsecureUrlError as exc:
        raise argparse.ArgumentTypeError(f"{exc} (use https://host)") from None


def _doctor_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="startpunt doctor",
        description="Check the connection to an intranet, one line per check. "
        "Exit status 0 only if every check passes. A [warn] line (another installed "
        "distribution owns one of Startpunt's package names) does not change it.",
    )
    p.add_argument(
        "--intranet", metavar="URL", required=True, help="address of the HumHub intranet"
    )
    auth = p.add_mutually_exclusive_group()
    auth.add_argument(
        "--token-env", metavar="VAR", type=_env_name, help="environment variable with a token"
    )
    auth.add_argument("--user", metavar="NAME", help="sign in as NAME; password on stdin")
    p.add_argument("--debug", action="store_true", help="verbose log on the console")
    _add_version(p)
    return p


def _login_parser(*, logout: bool) -> argparse.ArgumentParser:
    if logout:
        p = argparse.ArgumentParser(
            prog="startpunt logout",
            description="Remove the token from the keychain and tell a running Startpunt. "
            "Exit status: 0 removed (or there was none); 1 unexpected error; 8 the keychain "
            "could not be used.",
        )
        p.add_argument(
            "--intranet",
            metavar="URL",
            type=_intranet,
            help="the intranet to sign out of (default: the one in the settings)",
        )
    else:
        p = argparse.ArgumentParser(
            prog="startpunt login",
            description="Sign in and keep the token in the system keychain (never in a file). "
            "With --user the password is read from standard input (not shown when typed). "
            + _LOGIN_EXITS,
        )
        p.add_argument(
            "--intranet", metavar="URL", type=_intranet, required=True, help="the intranet"
        )
        how = p.add_mutually_exclusive_group(required=True)
        how.add_argument("--user", metavar="NAME", help="sign in as NAME; password on stdin")
        how.add_argument(
            "--token-env",
            metavar="VAR",
            type=_env_name,
            help="name of the environment variable holding an API token (never the token)",
        )
    p.add_argument(
        "--profile", type=_profile, metavar="DIR", help="the profile folder whose settings to use"
    )
    p.add_argument("--debug", action="store_true", help="verbose log on the console")
    _add_version(p)
    return p


def subcommand_first(argv: list[str]) -> list[str]:
    """Move a subcommand written after options to the front (`--profile P post TEXT`)."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            break
        if word in SUBCOMMANDS:
            return [word, *argv[:index], *argv[index + 1 :]]
        if not word.startswith("-"):
            break  # a positional that is not a subcommand: leave it to argparse
        index += 2 if word in _VALUED else 1
    return argv


def parse(argv: list[str]) -> RunOptions | DoctorOptions | AutostartOptions | LoginOptions:
    """Parse the command line; exits with status 2 and a usage message on bad input."""
    argv = subcommand_first(argv)
    if argv[:1] == ["doctor"]:
        d = _doctor_parser().parse_args(argv[1:])
        return DoctorOptions(d.intranet, d.token_env, d.user, d.debug)
    if argv[:1] == ["autostart"]:
        s = _autostart_parser().parse_args(argv[1:])
        return AutostartOptions(s.action, s.profile, s.debug)
    if argv[:1] in (["login"], ["logout"]):
        logout = argv[0] == "logout"
        o = _login_parser(logout=logout).parse_args(argv[1:])
        user, token_env = getattr(o, "user", None), getattr(o, "token_env", None)
        return LoginOptions(o.intranet, user, token_env, o.profile, o.debug, logout=logout)
    post = argv[:1] == ["post"]
    parser = _run_parser(post=post)
    a = parser.parse_args(argv[1:] if post else argv)
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
        no_wizard=a.no_wizard,
    )
