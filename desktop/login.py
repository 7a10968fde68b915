"""`startpunt login` and `startpunt logout`: sign in once, keep the token in the keychain.

`login` signs in (a password read from standard input, never from the command line, or a
token from the variable named by `--token-env`), checks the account with `/auth/current`,
saves the token through `services.secrets.TokenStore` and the address in the settings, and
tells a running Startpunt of this profile to read the keychain again (the `credentials`
command on its local socket). A token the keychain did not keep is useless to a later
`startpunt`: login then fails (exit 8) and stores nothing. One attempt only: HumHub throttles
failed sign-ins, so a retry loop would lock the user out. English text, like `doctor`: the
audience is a terminal (scripted roll-outs, support).
"""

from __future__ import annotations

import asyncio
import getpass
import logging
import sys
from typing import TextIO

from desktop.cli import (
    EXIT_NO_KEYCHAIN,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    LoginOptions,
)
from desktop.effective_settings import load_effective, settings_path
from desktop.paths import Paths
from services.errors import (
    AuthError,
    NotAnApiError,
    NotFoundError,
    OfflineError,
    ServiceError,
    TlsError,
)
from services.humhub.connector import HumHubConnector
from services.humhub.diagnosis import THROTTLE_HINT
from services.models import CurrentUser
from services.policy import Effective, combine, load_policy, save_choice
from services.redaction import SecretsFilter, register_secret
from services.secrets import Storage, TokenStore
from services.settings import load_with_names
from services.store import StoreError

EXIT_UNEXPECTED = 1
logger = logging.getLogger(__name__)


class LoginFailedError(Exception):
    """Sign-in did not work; `status` is the exit status, the message one line for the user."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _secret(options: LoginOptions, stdin: TextIO) -> str:
    """The token (`--token-env`) or the password (stdin; not echoed on a terminal)."""
    if options.token_env:
        from desktop.token_env import take_token

        token = take_token(options.token_env)
        if not token:
            raise LoginFailedError(f"the variable {options.token_env} holds no token", EXIT_USAGE)
        return token
    if stdin.isatty():
        password = getpass.getpass(f"Password for {options.user}: ")
    else:
        password = stdin.readline().rstrip("\r\n")
    if not password:
        raise LoginFailedError("no password on standard input", EXIT_USAGE)
    return password


async def sign_in(url: str, options: LoginOptions, secret: str) -> tuple[str, CurrentUser]:
    """One sign-in and one `/auth/current`; the token and who it belongs to."""
    connector = HumHubConnector(url)
    try:
        if options.token_env:
            connector.use_token(secret)
            token = secret
        else:
            token = (await connector.sign_in(options.user or "", secret)).token
        return token, await connector.current_user()
    except AuthError as exc:
        raise LoginFailedError(
            _refusal(exc, by_token=bool(options.token_env)), EXIT_REFUSED
        ) from exc
    except NotFoundError as exc:
        if not options.token_env and "switched off" in str(exc):
            message = "password sign-in is switched off on this intranet; use --token-env VAR"
            raise LoginFailedError(message, EXIT_REFUSED) from exc
        raise LoginFailedError(f"no HumHub REST API at {url}", EXIT_UNREACHABLE) from exc
    except NotAnApiError as exc:
        raise LoginFailedError(
            f"no HumHub REST API at {url} (a web page answered)", EXIT_UNREACHABLE
        ) from exc
    except TlsError as exc:
        raise LoginFailedError(
            f"the certificate of {url} is not trusted: {exc}", EXIT_UNREACHABLE
        ) from exc
    except OfflineError as exc:
        raise LoginFailedError(f"cannot reach {url}: {exc}", EXIT_UNREACHABLE) from exc
    except ServiceError as exc:
        raise LoginFailedError(f"sign-in failed: {exc}", EXIT_UNREACHABLE) from exc
    finally:
        await connector.aclose()


def _refusal(exc: AuthError, *, by_token: bool) -> str:
    detail = exc.server_message or "refused"
    if by_token:
        return f"the intranet refused this token ({detail})"
    if exc.status == 401:
        return (
            f"this user may not use the REST API ({detail}): an admin allows it in the "
            "REST API module's settings"
        )
    # HumHub answers a throttled attempt exactly like a wrong password (400).
    return f"{THROTTLE_HINT} ({detail}); HumHub blocks sign-in for a while after failed attempts"


def _remember_intranet(paths: Paths, url: str) -> None:
    effective, _first = load_effective(paths)
    if effective.settings.intranet_url != url:
        save_choice(settings_path(paths), effective, "intranet_url", url)


def _effective(paths: Paths) -> Effective:
    """The settings in effect, read only (`load_effective` writes defaults at first start)."""
    user, names = load_with_names(settings_path(paths))
    return combine(user, names, load_policy())


def _locked_elsewhere(paths: Paths, url: str) -> str:
    """The address IT's policy locked, when it is not `url` ("" otherwise)."""
    effective = _effective(paths)
    chosen = effective.settings.intranet_url
    return chosen if effective.is_locked("intranet_url") and chosen != url else ""


def _tell_running_app(paths: Paths) -> bool:
    from desktop.single_instance import Command, tell_running

    return tell_running(paths, Command("credentials"))


def _console_log(debug: bool) -> None:
    if debug:
        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(SecretsFilter())
        logging.basicConfig(level=logging.DEBUG, handlers=[handler])


def run_login(
    options: LoginOptions,
    *,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    store: TokenStore | None = None,
) -> int:
    """Sign in, keep the token in the keychain, tell a running app; the exit status."""
    _console_log(options.debug)
    url = options.intranet or ""
    paths = Paths.resolve(options.profile)
    locked = _locked_elsewhere(paths, url)
    if locked:
        err.write(f"startpunt login: your organisation set the intranet address to {locked}\n")
        return EXIT_USAGE
    try:
        secret = _secret(options, stdin)
        register_secret(secret)
        token, user = asyncio.run(sign_in(url, options, secret))
    except LoginFailedError as exc:
        err.write(f"startpunt login: {exc}\n")
        return exc.status
    register_secret(token)
    who = f"{user.person.display_name} ({user.username})"
    saved = (store or TokenStore()).save(url, user.username, token)
    if saved.storage is not Storage.KEYCHAIN:
        err.write(
            f"startpunt login: signed in to {url} as {who}, but no keychain kept the token "
            f"({saved.reason}). Startpunt cannot use a token kept only for this command: "
            "unlock or set up the system keychain (on Linux a Secret Service such as GNOME "
            "Keyring or KWallet) and run startpunt login again.\n"
        )
        return EXIT_NO_KEYCHAIN
    try:
        _remember_intranet(paths, url)
    except StoreError as exc:
        err.write(f"startpunt login: the token is in the keychain, but {exc}\n")
        return EXIT_UNEXPECTED
    out.write(f"Signed in to {url} as {who}; the token is in the keychain.\n")
    from desktop import running_target

    running = running_target.read(paths.data)
    if running and running != url:  # the demo, or another intranet: it keeps what it has
        what = "the demo" if running == running_target.DEMO else running
        out.write(f"Startpunt runs against {what} now: quit and start it to use {url}.\n")
    elif _tell_running_app(paths):
        out.write("The running Startpunt uses the new sign-in now.\n")
    return EXIT_OK


def run_logout(
    options: LoginOptions,
    *,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    store: TokenStore | None = None,
) -> int:
    """Remove the token from the keychain and tell a running app; the exit status."""
    _console_log(options.debug)
    paths = Paths.resolve(options.profile)
    url = options.intranet or _effective(paths).settings.intranet_url
    if not url:
        out.write("Not signed in: no intranet address in the settings.\n")
        return EXIT_OK
    removed = (store or TokenStore()).delete(url)
    if isinstance(removed, str):
        err.write(f"startpunt logout: could not remove the token for {url}: {removed}\n")
        return EXIT_NO_KEYCHAIN
    if removed:
        out.write(f"Signed out of {url}: the token is removed from the keychain.\n")
    else:
        out.write(f"No token for {url} in the keychain.\n")
    if _tell_running_app(paths):
        out.write("The running Startpunt has stopped using it.\n")
    return EXIT_OK
