"""A contact sheet of the tray icon: every state at 16, 22, 24 and 32 px on a light and a dark
panel, each shown 1:1 and magnified 4x (nearest neighbour), to look at after changing a drawing.

    python -m devtools.tray_icon_sheet OUT.png

It renders the pixmaps of the real TrayIcon's QIcon (runs offscreen; no desktop needed).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.tray import TrayIcon

SIZES = (16, 22, 24, 32)
PANELS = (("light", "#f0f0f0"), ("dark", "#2b2b2b"))
ZOOM = 4
GAP = 8
LABEL_W = 110
HEADER_H = 22


def _states() -> list[tuple[str, Callable[[TrayIcon], None]]]:
    from ui.tray_icon import TrayLook

    def look(kind: TrayLook, unread: int = 0) -> Callable[[TrayIcon], None]:
        def apply(tray: TrayIcon) -> None:
            tray.set_look(kind, kind.value)
            tray.set_unread(unread)

        return apply

    def paused(tray: TrayIcon) -> None:
        tray.set_look(TrayLook.ONLINE, "online")
        tray.set_paused(datetime.now(UTC) + timedelta(hours=1))

    return [
        ("online", look(TrayLook.ONLINE)),
        ("offline", look(TrayLook.OFFLINE)),
        ("paused", paused),
        ("sign in", look(TrayLook.SIGN_IN)),
        ("7 unread", look(TrayLook.ONLINE, 7)),
        ("99+ unread", look(TrayLook.ONLINE, 250)),
        ("offline, 3", look(TrayLook.OFFLINE, 3)),
    ]


def render_sheet(out: Path) -> None:
    """Draw the sheet into `out` (PNG)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop.tray import TrayIcon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    states = _states()
    cell_w = sum(size * (ZOOM + 1) + 3 * GAP for size in SIZES)
    row_h = max(SIZES) * ZOOM + 2 * GAP
    width = LABEL_W + cell_w * len(PANELS)
    sheet = QImage(width, HEADER_H + row_h * len(states), QImage.Format.Format_ARGB32)
    sheet.fill(QColor("white"))
    p = QPainter(sheet)
    for index, (name, colour) in enumerate(PANELS):
        left = LABEL_W + index * cell_w
        p.fillRect(QRect(left, 0, cell_w, sheet.height()), QColor(colour))
        p.setPen(QColor("black" if name == "light" else "white"))
        text = f"{name} panel {colour}: " + ", ".join(f"{s} px" for s in SIZES) + " (1:1, 4x)"
        p.drawText(QRect(left + GAP, 0, cell_w, HEADER_H), Qt.AlignmentFlag.AlignVCenter, text)
    for row, (label, apply) in enumerate(states):
        tray = TrayIcon()
        apply(tray)
        top = HEADER_H + row * row_h
        p.setPen(QColor("black"))
        p.drawText(QRect(GAP, top, LABEL_W, row_h), Qt.AlignmentFlag.AlignVCenter, label)
        for index in range(len(PANELS)):
            x = LABEL_W + index * cell_w + GAP
            for size in SIZES:
                image = tray.tray.icon().pixmap(size).toImage()
                y = top + (row_h - size) // 2
                p.drawImage(x, y, image)
                x += size + GAP
                big = image.scaled(size * ZOOM, size * ZOOM)  # nearest neighbour by default
                p.drawImage(x, top + (row_h - size * ZOOM) // 2, big)
                x += size * ZOOM + 2 * GAP
        tray.deleteLater()
    p.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not sheet.save(str(out)):
        raise OSError(f"could not write {out}")
    del app


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m devtools.tray_icon_sheet OUT.png\n")
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    render_sheet(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
