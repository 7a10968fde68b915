"""The entry script of the PyInstaller bundles: what the `startpunt` console script runs.

A windowed build (Windows `console=False`, a macOS .app started from the Finder) may have no
standard streams; the app writes its one-line errors to stderr, so they go nowhere instead of
raising. The log file keeps the details either way.
"""

import os
import sys
from pathlib import Path

from desktop.__main__ import main

if __name__ == "__main__":
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 -- open for the whole run
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w")  # noqa: SIM115
    sys.exit(main())
