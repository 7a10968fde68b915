"""A small painted icon per NotificationKind: a tinted disc with a glyph. Painting only.

Never draws an image that comes from the server (avatars, emoji images): the icon depends on the
kind alone, so server text cannot make the app load a file or a URL.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap

from services.models import NotificationKind

_COLOURS: dict[NotificationKind, str] = {
    NotificationKind.LIKE: "#d6336c",
    NotificationKind.COMMENT: "#1c7ed6",
    NotificationKind.MENTION: "#7048e8",
    NotificationKind.POLL: "#2f9e44",
    NotificationKind.CONTENT_CREATED: "#0c8599",
    NotificationKind.FOLLOW: "#e8590c",
    NotificationKind.SPACE_MEMBERSHIP: "#f08c00",
    NotificationKind.CUSTOM: "#868e96",
    NotificationKind.OTHER: "#868e96",
}
_TINT_ALPHA = 38
_cache: dict[tuple[NotificationKind, int, float], QPixmap] = {}


def kind_colour(kind: NotificationKind) -> QColor:
    """The accent colour of a kind."""
    return QColor(_COLOURS.get(kind, "#868e96"))


def kind_pixmap(kind: NotificationKind, size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """The icon of `kind`, `size` logical pixels square (cached)."""
    key = (kind, size, device_pixel_ratio)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    physical = max(1, round(size * device_pixel_ratio))
    pixmap = QPixmap(physical, physical)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = kind_colour(kind)
    tint = QColor(colour)
    tint.setAlpha(_TINT_ALPHA)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(tint)
    p.drawEllipse(QRectF(0, 0, size, size))
    _GLYPHS.get(kind, _bell)(p, float(size), colour)
    p.end()
    _cache[key] = pixmap
    return pixmap


def _pen(colour: QColor, s: float) -> QPen:
    pen = QPen(colour, max(1.2, s * 0.075))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _heart(p: QPainter, s: float, colour: QColor) -> None:
    path = QPainterPath(QPointF(s * 0.5, s * 0.74))
    path.cubicTo(s * 0.18, s * 0.52, s * 0.24, s * 0.26, s * 0.4, s * 0.3)
    path.cubicTo(s * 0.46, s * 0.31, s * 0.49, s * 0.36, s * 0.5, s * 0.4)
    path.cubicTo(s * 0.51, s * 0.36, s * 0.54, s * 0.31, s * 0.6, s * 0.3)
    path.cubicTo(s * 0.76, s * 0.26, s * 0.82, s * 0.52, s * 0.5, s * 0.74)
    p.fillPath(path, colour)


def _bubble(p: QPainter, s: float, colour: QColor) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(s * 0.25, s * 0.28, s * 0.5, s * 0.36), s * 0.1, s * 0.1)
    tail = QPainterPath(QPointF(s * 0.34, s * 0.6))
    tail.lineTo(s * 0.32, s * 0.74)
    tail.lineTo(s * 0.48, s * 0.62)
    tail.closeSubpath()
    p.fillPath(path.united(tail), colour)
    p.setPen(_pen(QColor("white"), s * 0.8))
    for x in (0.38, 0.5, 0.62):
        p.drawPoint(QPointF(s * x, s * 0.46))


def _at(p: QPainter, s: float, colour: QColor) -> None:
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, round(s * 0.52)))
    p.setFont(font)
    p.setPen(colour)
    p.drawText(QRectF(0, -s * 0.03, s, s), Qt.AlignmentFlag.AlignCenter, "@")


def _bars(p: QPainter, s: float, colour: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    for i, height in enumerate((0.22, 0.4, 0.3)):
        x = s * (0.3 + i * 0.15)
        p.drawRoundedRect(QRectF(x, s * 0.7 - s * height, s * 0.1, s * height), s * 0.03, s * 0.03)


def _document(p: QPainter, s: float, colour: QColor) -> None:
    p.setPen(_pen(colour, s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(s * 0.32, s * 0.26, s * 0.36, s * 0.48), s * 0.06, s * 0.06)
    for y in (0.4, 0.5, 0.6):
        p.drawLine(QPointF(s * 0.41, s * y), QPointF(s * 0.59, s * y))


def _person_at(p: QPainter, s: float, colour: QColor, cx: float, scale: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    r = s * 0.1 * scale
    p.drawEllipse(QPointF(s * cx, s * 0.5 - s * 0.12 * scale), r, r)
    body = QPainterPath()
    w = s * 0.3 * scale
    body.addRoundedRect(QRectF(s * cx - w / 2, s * 0.5 + s * 0.02, w, s * 0.2 * scale), r, r)
    p.fillPath(body, colour)


def _person(p: QPainter, s: float, colour: QColor) -> None:
    _person_at(p, s, colour, 0.5, 1.0)


def _people(p: QPainter, s: float, colour: QColor) -> None:
    faded = QColor(colour)
    faded.setAlpha(150)
    _person_at(p, s, faded, 0.62, 0.85)
    _person_at(p, s, colour, 0.42, 1.0)


def _bell(p: QPainter, s: float, colour: QColor) -> None:
    path = QPainterPath(QPointF(s * 0.3, s * 0.64))
    path.cubicTo(s * 0.36, s * 0.56, s * 0.34, s * 0.28, s * 0.5, s * 0.27)
    path.cubicTo(s * 0.66, s * 0.28, s * 0.64, s * 0.56, s * 0.7, s * 0.64)
    path.closeSubpath()
    p.fillPath(path, colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QPointF(s * 0.5, s * 0.71), s * 0.055, s * 0.055)


_GLYPHS: dict[NotificationKind, Callable[[QPainter, float, QColor], None]] = {
    NotificationKind.LIKE: _heart,
    NotificationKind.COMMENT: _bubble,
    NotificationKind.MENTION: _at,
    NotificationKind.POLL: _bars,
    NotificationKind.CONTENT_CREATED: _document,
    NotificationKind.FOLLOW: _person,
    NotificationKind.SPACE_MEMBERSHIP: _people,
}
