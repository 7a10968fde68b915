"""`startpunt doctor` says what it actually knows: REST module off vs. no HumHub at that path,
password sign-in switched off, and a refused password that may be HumHub's login throttling.

Real servers on 127.0.0.1: the sandbox with its admin switches, and plain HTTP servers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from zoneinfo import ZoneInfo

import httpx
import pytest

from sandbox.server import SandboxServer
from tests.doctor_run import doctor as _doctor
from tests.integration.test_doctor import _lines


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=5) as server:
        yield server


def _switch(server: SandboxServer, **switches: bool) -> None:
    answer = httpx.post(
        f"{server.base_url}/_sandbox/switch",
        json=switches,
        headers={"Authorization": f"Bearer {server.demo_token}"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"rest_api": True, "password_login": True, **switches}


def test_rest_module_off_is_reported_as_such(sandbox: SandboxServer) -> None:
    _switch(sandbox, rest_api=False)
    code, report = _doctor(sandbox.base_url, token=sandbox.demo_token)
    assert code == 1
    assert _lines(report)["api"] == "FAIL"
    assert "HumHub answers at this address" in report
    assert "REST API module is not enabled" in report


def test_a_wrong_path_on_a_humhub_host_is_not_called_a_disabled_module(
    sandbox: SandboxServer,
) -> None:
    code, report = _doctor(f"{sandbox.base_url}/intranet", token=sandbox.demo_token)
    assert code == 1
    assert _lines(report)["api"] == "FAIL"
    assert "runs HumHub, but not at this path" in report
    assert "module is not enabled" not in report


def test_password_sign_in_switched_off_says_use_a_token(sandbox: SandboxServer) -> None:
    _switch(sandbox, password_login=False)
    code, report = _doctor(sandbox.base_url, user="demo", stdin="demo\n")
    assert code == 1
    assert _lines(report)["sign-in"] == "FAIL"
    assert "password sign-in is switched off on this intranet; use a token" in report
    assert "HTTP 404" not in report
    assert _doctor(sandbox.base_url, token=sandbox.demo_token)[0] == 0


def test_a_throttled_right_password_is_not_called_wrong_and_never_retried(
    sandbox: SandboxServer,
) -> None:
    for _ in range(3):
        code, report = _doctor(sandbox.base_url, user="demo", stdin="wrong\n")
        assert code == 1
    assert sandbox.world.login_failures["demo"][0] == 3  # one attempt per run, no retries
    code, report = _doctor(sandbox.base_url, user="demo", stdin="demo\n")  # right, but throttled
    assert code == 1
    assert "wrong username or password, or too many attempts: wait a minute" in report
    assert sandbox.world.login_failures["demo"][0] == 3  # a throttled attempt does not count
    deadline = time.monotonic() + 30
    while _doctor(sandbox.base_url, user="demo", stdin="demo\n")[0] != 0:
        assert time.monotonic() < deadline, "still refused after the 10 s delay"
        time.sleep(1)  # a polling interval: the server's 10 s delay runs out
    assert "demo" not in sandbox.world.login_failures


class _NotFoundHandler(BaseHTTPRequestHandler):
    """A plain web server with nothing at any path (like python -m http.server's 404)."""

    def do_GET(self) -> None:
        self.send_error(404, "File not found")

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def plain_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _NotFoundHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_plain_web_server_is_no_humhub(plain_server: str) -> None:
    code, report = _doctor(plain_server, token="x")
    assert code == 1
    assert _lines(report)["api"] == "FAIL"
    assert "no HumHub at this address" in report
    assert "HTTP 404" in report
    assert "module is not enabled" not in report


def test_doctor_says_how_it_reads_the_servers_times(sandbox: SandboxServer) -> None:
    code, report = _doctor(sandbox.base_url, token=sandbox.demo_token)
    assert code == 0, report
    offset = ZoneInfo(sandbox.server_zone).utcoffset(datetime.now(UTC))
    assert offset is not None
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    assert f"server times read as UTC+{hours:02d}:{minutes:02d}" in report
