"""SandboxServer life cycle, storage and the ``python -m sandbox`` entry point."""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from sandbox.server import SandboxServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_start_serves_and_stop_releases_the_port() -> None:
    port = free_port()
    server = SandboxServer(pace="off", port=port)
    started = time.perf_counter()
    server.start()
    try:
        assert time.perf_counter() - started < 2
        assert server.base_url == f"http://127.0.0.1:{port}"
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            pass
        login = httpx.post(
            f"{server.base_url}/api/v1/auth/login",
            json={"username": server.demo_username, "password": server.demo_password},
        )
        assert login.status_code == 200
        headers = {"Authorization": f"Bearer {server.demo_token}"}
        me = httpx.get(f"{server.base_url}/api/v1/auth/current", headers=headers)
        assert me.json()["account"]["username"] == "demo"
        with pytest.raises(RuntimeError):
            server.start()
    finally:
        server.stop()
    server.stop()  # idempotent
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", port), timeout=1),
    ):
        pass


def test_random_ports_differ() -> None:
    with SandboxServer(pace="off") as one, SandboxServer(pace="off") as two:
        assert one.port != two.port
        assert one.port > 0


def test_bad_options_are_rejected() -> None:
    with pytest.raises(ValueError, match="api_version"):
        SandboxServer(api_version="2.0")
    with pytest.raises(RuntimeError):
        _ = SandboxServer().demo_token


def test_database_file_is_wal_and_persists(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    with SandboxServer(pace="off", db_path=db) as server:
        headers = {"Authorization": f"Bearer {server.demo_token}"}
        made = httpx.post(
            f"{server.base_url}/api/v1/post/container/1",
            json={"data": {"message": "Blijft bewaard"}},
            headers=headers,
        )
        assert made.status_code == 200
    with SandboxServer(pace="off", db_path=db) as again:
        headers = {"Authorization": f"Bearer {again.demo_token}"}
        posts = httpx.get(f"{again.base_url}/api/v1/post", headers=headers).json()
        assert posts["results"][0]["message"] == "Blijft bewaard"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_python_m_sandbox_prints_token_and_url_and_stops_on_sigterm() -> None:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "sandbox",
        "--port",
        str(port),
        "--pace",
        "off",
        "--api-version",
        "1.19",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        lines = [process.stdout.readline().strip() for _ in range(2)]
        try:
            token = lines[0].removeprefix("token=")
            assert lines[0].startswith("token=")
            assert lines[1] == f"url=http://127.0.0.1:{port}"
            me = httpx.get(
                f"http://127.0.0.1:{port}/api/v1/auth/current",
                headers={"Authorization": f"Bearer {token}"},
            )
            assert "user_source" in me.json()["account"]
        finally:
            process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        assert process.stdout.read() == ""
