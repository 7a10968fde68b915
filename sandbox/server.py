"""Running the sandbox: :class:`SandboxServer` serves the app with uvicorn on 127.0.0.1 in a
daemon thread with its own event loop.

Importing this module is cheap (stdlib only); starlette and uvicorn are imported in
:meth:`SandboxServer.start`.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from sandbox.clock import DEFAULT_ZONE, set_zone
from sandbox.db import Database
from sandbox.seed import seed
from sandbox.simulation import PACES
from sandbox.tokens import issue
from sandbox.world import API_VERSIONS, DEMO_PASSWORD, DEMO_USERNAME, World

HOST = "127.0.0.1"
START_TIMEOUT = 10.0


class SandboxServer:
    """A sandbox intranet on ``http://127.0.0.1:<port>``; ``port=0`` picks a free port.

    ``server_zone`` is HumHub's configured time zone (IANA name): every time the sandbox
    serves is wall-clock time there, without an offset, as a real HumHub sends them.
    """

    def __init__(
        self,
        *,
        db_path: Path | None = None,
        pace: str = "normal",
        seed: int = 1,
        port: int = 0,
        api_version: str = "1.18",
        server_zone: str = DEFAULT_ZONE,
    ) -> None:
        if pace not in PACES:
            raise ValueError(f"pace must be one of {sorted(PACES)}, not {pace!r}")
        if api_version not in API_VERSIONS:
            raise ValueError(f"api_version must be one of {API_VERSIONS}, not {api_version!r}")
        self.db_path, self.pace, self.seed = db_path, pace, seed
        self.api_version = api_version
        self.server_zone = server_zone  # HumHub's time zone: times are served in it, zone-less
        self._port = port
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._server: Any = None
        self._world: World | None = None
        self._token = ""
        self._failure: BaseException | None = None

    # -- public API -----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self._port}"

    @property
    def port(self) -> int:
        return self._port

    @property
    def demo_token(self) -> str:
        if not self._token:
            raise RuntimeError("start() the sandbox first")
        return self._token

    @property
    def demo_username(self) -> str:
        return DEMO_USERNAME

    @property
    def demo_password(self) -> str:
        return DEMO_PASSWORD

    @property
    def world(self) -> World:
        """The live data (for tests that need to look behind the API)."""
        if self._world is None:
            raise RuntimeError("start() the sandbox first")
        return self._world

    def start(self) -> None:
        """Open the socket, seed the data and serve; returns once connections are accepted."""
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((HOST, self._port))
            sock.listen(128)
            sock.setblocking(False)
        except OSError:
            sock.close()
            raise
        self._sock, self._port = sock, int(sock.getsockname()[1])
        try:
            self._start_serving(sock)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop serving, end the simulation and close the database (idempotent)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(START_TIMEOUT)
            self._thread = None
        self._server = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._world is not None:
            self._world.db.close()
            self._world = None

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- internals ------------------------------------------------------------------------
    def _start_serving(self, sock: socket.socket) -> None:
        import uvicorn  # lazy: keeps importing the sandbox cheap

        from sandbox.app import build_app
        from sandbox.faults import FaultBook, abortable
        from sandbox.simulation import Simulation

        set_zone(self.server_zone)
        world = World(Database(self.db_path or ":memory:"), self.base_url, self.api_version)
        self._world = world
        seed(world, self.seed)
        demo = world.demo_user()
        self._token, _ = issue(
            world.jwt_key, uid=int(demo["id"]), email=str(demo["email"]), issuer=self.base_url
        )
        simulation = Simulation(world, pace=self.pace, seed=self.seed)
        config = uvicorn.Config(
            build_app(world, simulation, FaultBook()),
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=2,
        )
        config.load()
        config.http_protocol_class = abortable(config.http_protocol_class)
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=self._serve, args=(server, sock), name="sandbox-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if self._failure is not None or not self._thread.is_alive():
                raise RuntimeError("the sandbox server failed to start") from self._failure
            if time.monotonic() > deadline:
                raise TimeoutError("the sandbox server did not start in time")
            time.sleep(0.002)

    def _serve(self, server: Any, sock: socket.socket) -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(server.serve(sockets=[sock]))
        except BaseException as exc:  # noqa: BLE001 - reported to start() / kept for stop()
            self._failure = exc
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
