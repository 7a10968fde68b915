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
