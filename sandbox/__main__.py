"""``python -m sandbox``: run the sandbox intranet until SIGINT/SIGTERM.

Prints ``token=<demo bearer token>`` and ``url=http://127.0.0.1:<port>`` on stdout.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from sandbox.clock import DEFAULT_ZONE
from sandbox.server import SandboxServer
from sandbox.simulation import PACES
from sandbox.world import API_VERSIONS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = free port)")
    parser.add_argument("--pace", choices=sorted(PACES), default="normal")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: memory)")
    parser.add_argument("--api-version", choices=API_VERSIONS, default="1.18")
    parser.add_argument(
        "--server-zone", default=DEFAULT_ZONE, help="HumHub's time zone (IANA name)"
    )
    args = parser.parse_args(argv)

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    server = SandboxServer(
        db_path=args.db,
        pace=args.pace,
        seed=args.seed,
        port=args.port,
        api_version=args.api_version,
        server_zone=args.server_zone,
    )
    server.start()
    try:
        sys.stdout.write(f"token={server.demo_token}\nurl={server.base_url}\n")
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
