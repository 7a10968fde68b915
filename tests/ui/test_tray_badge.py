"""The badge of many unread notifications leaves the 32 px icon visible."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.tray_icon import TrayLook, render_pixmap

BADGE_RED = QColor("#d62828")


def _badge_left(size: int, unread: int) -> int:
    image = render_pixmap(size, TrayLook.ONLINE, unread).toImage()
    y = size - size // 5  # a row through the badge
    for x in range(size):
        colour = image.pixelColor(x, y)
        if colour.alpha() == 255 and colour.red() > 200 and colour.green() < 80:
            return x
    raise AssertionError("no badge drawn")


def test_more_than_99_is_a_round_badge_at_tray_sizes(qapp):
    for size in (16, 24, 32):
        assert _badge_left(size, 250) == _badge_left(size, 3), size
    assert _badge_left(48, 250) < _badge_left(48, 3)  # room for "99+" at 48 px
