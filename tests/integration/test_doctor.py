"""`startpunt doctor` against real servers on 127.0.0.1: the sandbox, HTML, TLS, nothing."""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from sandbox.server import SandboxServer
from tests.doctor_run import doctor as _doctor
from tests.fakes.certs import write_certs


def _lines(report: str) -> dict[str, str]:
    found = {}
    for line in report.splitlines():
        if line.startswith("["):
            mark, rest = line[1:5], line[7:]
            name = rest.split(" ", 1)[0]
            found[name] = mark.strip()
    return found


def test_doctor_passes_against_the_sandbox_with_a_token(sandbox: SandboxServer):
    code, report = _doctor(sandbox.base_url, token=sandbox.demo_token)
    assert code == 0, report
    assert _lines(report) == {
        "address": "ok",
        "dns": "ok",
        "tcp": "ok",
        "tls": "ok",
        "api": "ok",
        "sign-in": "ok",
        "modules": "ok",
    }
    assert "signed in as" in report
    assert "polls: installed" in report
    assert sandbox.demo_token not in report


def test_doctor_signs_in_with_user_and_password_from_stdin(sandbox: SandboxServer):
    code, report = _doctor(sandbox.base_url, user="demo", stdin="demo\n")
    assert code == 0, report
    assert "(demo)" in report


def test_doctor_fails_on_a_wrong_password(sandbox: SandboxServer):
    code, report = _doctor(sandbox.base_url, user="demo", stdin="wrong\n")
    assert code == 1
    assert _lines(report)["sign-in"] == "FAIL"
    assert "wrong username or password, or too many attempts" in report
    assert "modules" not in _lines(report)


def test_doctor_fails_on_a_revoked_token(sandbox: SandboxServer):
    code, report = _doctor(sandbox.base_url, token="not-a-valid-token")
    assert code == 1
    assert _lines(report)["sign-in"] == "FAIL"


def test_doctor_without_credentials_does_not_pass(sandbox: SandboxServer):
    code, report = _doctor(sandbox.base_url)
    assert code == 1
    assert "not checked" in report


def test_doctor_refuses_plain_http_off_loopback():
    code, report = _doctor("http://intranet.example.org")
    assert code == 1
    assert _lines(report) == {"address": "FAIL"}


def test_doctor_reports_a_closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, report = _doctor(f"http://127.0.0.1:{port}", token="x")
    assert code == 1
    assert _lines(report)["tcp"] == "FAIL"
    assert "api" not in _lines(report)


def test_doctor_reports_an_unknown_host():
    code, report = _doctor("https://startpunt-test.invalid", token="x")
    assert code == 1
    assert _lines(report)["dns"] == "FAIL"


class _HtmlHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>Log in to the Wi-Fi</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def html_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _HtmlHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_doctor_recognises_a_web_page_that_is_not_the_api(html_server: str):
    code, report = _doctor(html_server, token="x")
    assert code == 1
    assert _lines(report)["api"] == "FAIL"
    assert "HTML page" in report


def _tls_server(tmp_path: Path, *, host: str) -> tuple[int, ssl.SSLContext, Path]:
    now = datetime.now(UTC)
    ca, leaf, key = write_certs(
        tmp_path, host=host, validity=(now - timedelta(days=1), now + timedelta(days=9))
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(leaf, key)
    return 0, context, ca


def test_doctor_explains_an_untrusted_certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _, server_ssl, _ca = _tls_server(tmp_path, host="localhost")
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))

    async def go() -> tuple[int, str]:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.close()

        asyncio.get_running_loop().set_exception_handler(lambda _l, _c: None)
        server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_ssl)
        port = server.sockets[0].getsockname()[1]
        try:
            return await asyncio.to_thread(_doctor, f"https://localhost:{port}", token="x")
        finally:
            server.close()
            await server.wait_closed()

    code, report = asyncio.run(go())
    assert code == 1
    assert _lines(report)["tls"] == "FAIL"
    assert "not trusted" in report
    assert "api" not in _lines(report)


def test_doctor_command_line_exit_status(sandbox: SandboxServer):
    startpunt = str(Path(sys.executable).with_name("startpunt"))
    env = {**os.environ, "SP_TOKEN": sandbox.demo_token}
    ok = subprocess.run(
        [startpunt, "doctor", "--intranet", sandbox.base_url, "--token-env", "SP_TOKEN"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "All checks passed." in ok.stdout
    assert sandbox.demo_token not in ok.stdout + ok.stderr
    bad = subprocess.run(
        [startpunt, "doctor", "--intranet", sandbox.base_url, "--token-env", "NO_SUCH_VAR_X"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert "holds no token" in bad.stderr
