"""The tray icon for a state (an SVG asset per state) with the unread count painted as a badge."""

from __future__ import annotations

import functools
from enum import StrEnum

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ui.app_icon import APP_ICON, render_svg

ICON_SIZES = (16, 22, 24, 32, 48)
BADGE_MAX = 99
ROOMY_SIZE = 48  # from this size up, "99+" fits; below it, a round badge with "+"


class TrayLook(StrEnum):
    """The visual states of the tray icon."""

    ONLINE = "online"
    OFFLINE = "offline"
    PAUSED = "paused"
    SIGN_IN = "sign_in"


# The drawing per state (resources/icons/<stem>.svg and <stem>-small.svg). The badge stays
# painted: its text changes with the count, and a picture per number would be silly.
_ASSETS = {
    TrayLook.ONLINE: APP_ICON,
    TrayLook.OFFLINE: "tray-offline",
    TrayLook.PAUSED: "tray-paused",
    TrayLook.SIGN_IN: "tray-sign-in",
}


def badge_text(unread: int) -> str:
    """The badge's text: empty for none, the number, or 99+."""
    if unread <= 0:
        return ""
    return f"{BADGE_MAX}+" if unread > BADGE_MAX else str(unread)


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
    image = render_svg(_ASSETS[look], size)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = badge_text(unread)
    if text and unread > BADGE_MAX and size < ROOMY_SIZE:
        text = "+"  # "99+" would cover the whole icon; the menu and tooltip say "99+"
    if text:
        _draw_badge(p, size, text)
    p.end()
    return QPixmap.fromImage(image)


@functools.lru_cache(maxsize=16)
def render_icon(look: TrayLook, unread: int) -> QIcon:
    """The tray icon for a state and unread count, at the usual tray sizes."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(render_pixmap(size, look, unread))
    return icon
