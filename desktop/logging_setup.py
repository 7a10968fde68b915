"""Configure logging once: a rotating file, console only with --debug, secrets scrubbed.

The log files are the user's alone (0600, in a 0700 folder): created that way, and an older
file is tightened when opened; rotation renames, so rotated files keep the mode.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from services.redaction import SecretsFilter

LOG_FILE_NAME = "startpunt.log"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files only the user can read (0600)."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        try:
            if os.name == "posix":
                os.fchmod(fd, 0o600)  # a file from an older version may be 0644
            return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123 -- an fd
        except BaseException:
            os.close(fd)
            raise


def setup_logging(log_dir: Path, *, debug: bool = False, max_bytes: int = LOG_FILE_BYTES) -> Path:
    """Log to `log_dir/startpunt.log` (rotating, 0600); return the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    scrub = SecretsFilter()
    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=LOG_FILE_COUNT, encoding="utf-8"
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
