"""Write the app icon for installers: the freedesktop hicolor theme and a Windows .ico.

    python packaging/icons.py hicolor DEST_SHARE   # DEST_SHARE/icons/hicolor/...
    python packaging/icons.py ico DEST.ico
    python packaging/icons.py iconset DEST.iconset  # for macOS `iconutil -c icns`

This folder is deliberately not a Python package: a top-level `packaging` package would hide
the PyPI `packaging` library that pip and pytest import. Load this file by its path (see
tests/dist/test_icons.py) or run it as a script in the project's environment.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICON_NAME = "startpunt"
ICONSET_SIZES = (16, 32, 128, 256, 512)  # each also at twice the pixels, as "@2x"


def _app() -> object:
    """A QGuiApplication (offscreen when there is no display), needed to paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def _png(image: QImage) -> bytes:
    """`image` encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    if not writer.write(image):
        raise OSError(f"could not encode a PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def render_hicolor(dest_share: Path) -> list[Path]:
    """Write the PNG sizes and the SVG of the app icon under `dest_share`/icons/hicolor."""
    from ui.app_icon import APP_ICON, render_svg, svg_data

    _app()
    written: list[Path] = []
    theme = dest_share / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        target = theme / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_png(render_svg(APP_ICON, size)))
        written.append(target)
    scalable = theme / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(svg_data(APP_ICON, max(HICOLOR_SIZES)))
    written.append(scalable)
    return written


def write_ico(dest: Path) -> Path:
    """Write a Windows .ico with the app icon at the sizes Explorer and the taskbar use.

    Each entry holds a PNG (read by Windows since Vista). Qt's own ICO writer stores a
    single image per file, so the container is written here.
    """
    from ui.app_icon import APP_ICON, render_svg

    _app()
    images = [(size, _png(render_svg(APP_ICON, size))) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(header + entries + b"".join(png for _, png in images))
    return dest


def write_iconset(dest: Path) -> list[Path]:
    """Write a macOS .iconset folder (the input of `iconutil -c icns`)."""
    from ui.app_icon import APP_ICON, render_svg

    _app()
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for size in ICONSET_SIZES:
        for scale, suffix in ((1, ""), (2, "@2x")):
            target = dest / f"icon_{size}x{size}{suffix}.png"
            target.write_bytes(_png(render_svg(APP_ICON, size * scale)))
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    """The command line: `hicolor DEST_SHARE`, `ico DEST.ico` or `iconset DEST.iconset`."""
    if len(argv) != 2 or argv[0] not in ("hicolor", "ico", "iconset"):
        sys.stderr.write("usage: icons.py hicolor DEST_SHARE | ico DEST.ico | iconset DIR\n")
        return 2
    dest = Path(argv[1])
    if argv[0] == "hicolor":
        written = render_hicolor(dest)
    elif argv[0] == "ico":
        written = [write_ico(dest)]
    else:
        written = write_iconset(dest)
    sys.stdout.write("".join(f"{path}\n" for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
