"""`--demo`: start the embedded sandbox intranet. The only module that imports `sandbox`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sandbox.server import SandboxServer

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DemoIntranet:
    """A running sandbox: where it is, the demo user's token, and how to stop it."""

    base_url: str
    token: str
    server: SandboxServer

    def stop(self) -> None:
        """Stop the sandbox server."""
        self.server.stop()


def start_demo(data_dir: Path, *, pace: str, seed: int) -> DemoIntranet:
    """Start the sandbox on 127.0.0.1 with its database in the app's data folder."""
    # Times come in Europe/Amsterdam like a Dutch intranet's, so the demo always exercises
    # finding the server's zone (see services.server_time).
    server = SandboxServer(
        db_path=data_dir / "sandbox.sqlite3", pace=pace, seed=seed, server_zone="Europe/Amsterdam"
    )
    server.start()
    logger.info("Demo intranet running at %s (pace %s)", server.base_url, pace)
    return DemoIntranet(server.base_url, server.demo_token, server)
