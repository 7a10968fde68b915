"""The app icon and the tray state icons, drawn from the SVG files in resources/icons."""

from __future__ import annotations

import functools
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

APP_ICON = "startpunt"
SMALL_MAX = 24  # up to this size the "-small" drawing (made for the 16 px grid) is used
APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def svg_data(stem: str, size: int) -> bytes:
    """The SVG source of an icon for `size` pixels: the small drawing for tray sizes."""
    name = f"{stem}-small.svg" if size <= SMALL_MAX else f"{stem}.svg"
    return files("resources").joinpath("icons").joinpath(name).read_bytes()


@functools.cache
def _rendered(stem: str, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg_data(stem, size)))
    if not renderer.isValid():
        raise ValueError(f"the icon {stem!r} is not a readable SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render_svg(stem: str, size: int) -> QImage:
    """The icon `stem` as a square image of `size` pixels (a copy: callers may paint on it)."""
    return _rendered(stem, size).copy()


def app_icon() -> QIcon:
    """The application icon (windows, notifications) at the usual sizes."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(render_svg(APP_ICON, size)))
    return icon
