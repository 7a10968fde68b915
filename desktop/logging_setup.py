"""Configure logging once: a rotating file, console only with --debug, secrets scrubbed."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from services.redaction import SecretsFilter

LOG_FILE_NAME = "startpunt.log"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, debug: bool = False) -> Path:
    """Log to `log_dir/startpunt.log` (rotating); return the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    scrub = SecretsFilter()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_COUNT, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler.addFilter(scrub)
    root.addHandler(file_handler)
    if debug:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(logging.Formatter(_FORMAT))
        console.addFilter(scrub)
        root.addHandler(console)
    # httpx logs every request with its full URL at INFO; keep the wire quiet by default.
    for noisy in ("httpx", "httpcore", "uvicorn", "uvicorn.access", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.WARNING)
    return path
