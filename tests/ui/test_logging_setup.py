"""The log files are the user's alone: 0600, also after rotation and for an older 0644 file."""

from __future__ import annotations

import logging
import os
import stat

from desktop.logging_setup import LOG_FILE_NAME, setup_logging


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def _setup(log_dir):
    before = set(logging.getLogger().handlers)
    path = setup_logging(log_dir, max_bytes=2_000)
    added = [h for h in logging.getLogger().handlers if h not in before]
    return path, added


def test_log_files_are_private_also_after_rotation(tmp_path):
    old_umask = os.umask(0o022)
    path, added = _setup(tmp_path / "log")
    try:
        logging.getLogger("startpunt.test").warning("x" * 500)
        assert _mode(path) == 0o600
        for n in range(20):  # 2 kB per file: several rotations
            logging.getLogger("startpunt.test").warning("%d %s", n, "y" * 500)
        rotated = sorted((tmp_path / "log").glob(LOG_FILE_NAME + ".*"))
        assert rotated
        assert {_mode(p) for p in [path, *rotated]} == {0o600}
        assert _mode(tmp_path / "log") == 0o700
    finally:
        os.umask(old_umask)
        for handler in added:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_an_older_world_readable_log_file_is_tightened(tmp_path):
    (tmp_path / "log").mkdir()
    older = tmp_path / "log" / LOG_FILE_NAME
    older.write_text("oud\n")
    older.chmod(0o644)
    path, added = _setup(tmp_path / "log")
    try:
        assert _mode(path) == 0o600
    finally:
        for handler in added:
            logging.getLogger().removeHandler(handler)
            handler.close()
