"""The app icon as a PNG file, for notification services that take a path (Windows toasts)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QImageWriter

from ui.app_icon import APP_ICON, render_svg

logger = logging.getLogger(__name__)
FILE_NAME = "startpunt-icon-{size}.png"


def icon_file(folder: Path, size: int = 64) -> Path | None:
    """Write the app icon at `size` px into `folder` (once) and return its path; None on failure."""
    target = folder / FILE_NAME.format(size=size)
    if target.is_file():
        return target
    partial = target.with_suffix(".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        logger.warning("Could not write the app icon for notifications: %s", error)
        return None
    writer = QImageWriter(str(partial), b"png")
    if not writer.write(render_svg(APP_ICON, size)):
        logger.warning("Could not write the app icon to %s: %s", partial, writer.errorString())
        return None
    try:
        partial.replace(target)
    except OSError as error:
        logger.warning("Could not write the app icon for notifications: %s", error)
        return None
    return target
