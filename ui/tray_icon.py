"""Draw the tray icon for a state, with the unread count as a badge. Painting only."""

from __future__ import annotations

import functools
from enum import StrEnum

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

ICON_SIZES = (16, 24, 32, 48)
BADGE_MAX = 99
ROOMY_SIZE = 48  # from this size up, "99+" fits; below it, a round badge with "+"


class TrayLook(StrEnum):
    """The visual states of the tray icon."""

    ONLINE = "online"
    OFFLINE = "offline"
    PAUSED = "paused"
    SIGN_IN = "sign_in"


_COLOURS = {
    TrayLook.ONLINE: "#1f6fb2",
    TrayLook.OFFLINE: "#8a8a8a",
    TrayLook.PAUSED: "#4b4f7a",
    TrayLook.SIGN_IN: "#c77700",
}


def badge_text(unread: int) -> str:
    """The badge's text: empty for none, the number, or 99+."""
    if unread <= 0:
        return ""
    return f"{BADGE_MAX}+" if unread > BADGE_MAX else str(unread)


def _draw_base(p: QPainter, size: int, look: TrayLook) -> None:
    """A rounded tile with a door-arrow glyph: the intranet as the start of the day."""
    m = size * 0.06
    tile = QRectF(m, m, size - 2 * m, size - 2 * m)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(_COLOURS[look]))
    p.drawRoundedRect(tile, size * 0.22, size * 0.22)
    pen = QPen(QColor("white"), max(1.5, size * 0.09))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    s = size
    if look is TrayLook.PAUSED:
        moon = QPainterPath()
        moon.addEllipse(QRectF(s * 0.28, s * 0.24, s * 0.46, s * 0.46))
        cut = QPainterPath()
        cut.addEllipse(QRectF(s * 0.42, s * 0.16, s * 0.42, s * 0.42))
        p.fillPath(moon.subtracted(cut), QColor("white"))
        return
    p.drawLine(int(s * 0.28), int(s * 0.5), int(s * 0.66), int(s * 0.5))
    p.drawLine(int(s * 0.52), int(s * 0.36), int(s * 0.66), int(s * 0.5))
    p.drawLine(int(s * 0.52), int(s * 0.64), int(s * 0.66), int(s * 0.5))
    p.drawLine(int(s * 0.74), int(s * 0.28), int(s * 0.74), int(s * 0.72))
    if look is TrayLook.SIGN_IN:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#ffd400"))
        p.drawEllipse(QRectF(s * 0.02, s * 0.02, s * 0.34, s * 0.34))


def _draw_badge(p: QPainter, size: int, text: str) -> None:
    h = size * 0.52
    w = max(h, h * (0.45 + 0.32 * len(text)))
    rect = QRectF(size - w, size - h, w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#d62828"))
    p.drawRoundedRect(rect, h / 2, h / 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(h * (0.78 if len(text) == 1 else 0.62))))
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def render_pixmap(size: int, look: TrayLook, unread: int) -> QPixmap:
    """One pixmap of the icon at `size` pixels."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw_base(p, size, look)
    text = badge_text(unread)
    if text and unread > BADGE_MAX and size < ROOMY_SIZE:
        text = "+"  # "99+" would cover the whole icon; the menu and tooltip say "99+"
    if text:
        _draw_badge(p, size, text)
    p.end()
    return pixmap


@functools.lru_cache(maxsize=16)
def render_icon(look: TrayLook, unread: int) -> QIcon:
    """The tray icon for a state and unread count, at the usual tray sizes."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(render_pixmap(size, look, unread))
    return icon
