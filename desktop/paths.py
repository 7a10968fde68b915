"""Where the app keeps its files: platformdirs folders, or one profile folder for tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "Startpunt"
APP_AUTHOR = "Startpunt"


@dataclass(frozen=True, slots=True)
class Paths:
    """The app's folders; created 0700 on first use."""

    config: Path
    data: Path
    log: Path

    @classmethod
    def resolve(cls, profile: Path | None = None) -> Paths:
        """Use the platform's folders, or everything under `profile` when given."""
        if profile is not None:
            return cls(profile / "config", profile / "data", profile / "log")
        dirs = PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(dirs.user_config_path, dirs.user_data_path, dirs.user_log_path)

    def ensure(self) -> None:
        """Create the folders (owner-only on POSIX)."""
        for folder in (self.config, self.data, self.log):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if os.name == "posix":
                folder.chmod(0o700)

    def unwritable(self) -> str | None:
        """Why the app cannot keep its files here (an English sentence), or None when it can.

        Checked before anything else touches the profile, so an unwritable folder is reported
        as such instead of as a lock held by nobody or a traceback.
        """
        for folder in (self.config, self.data, self.log):
            try:
                self.ensure()
                probe = folder / f".write-test-{os.getpid()}"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                return f"cannot keep its files in {folder} ({reason})"
        return None
