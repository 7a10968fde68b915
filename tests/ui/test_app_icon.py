"""The app icon: drawn from the SVG assets, the small drawing at tray sizes, a PNG for toasts."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

from desktop.app_icon_file import icon_file
from ui.app_icon import APP_ICON_SIZES, app_icon, render_svg, svg_data


def test_app_icon_has_every_size(qapp) -> None:
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(APP_ICON_SIZES)


def test_small_drawing_up_to_24_px() -> None:
    assert b"(small)" in svg_data("startpunt", 24)
    assert b"(small)" not in svg_data("startpunt", 32)


def test_render_svg_gives_a_copy(qapp) -> None:
    first = render_svg("tray-paused", 16)
    first.fill(0)
    assert render_svg("tray-paused", 16) != first


def test_unknown_icon_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError):
        render_svg("no-such-icon", 16)


def test_icon_file_is_written_once(qapp, tmp_path: Path) -> None:
    path = icon_file(tmp_path / "data", 64)
    assert path is not None
    assert QImage(str(path)).width() == 64
    stamp = path.stat().st_mtime_ns
    assert icon_file(tmp_path / "data", 64) == path
    assert path.stat().st_mtime_ns == stamp
    assert not list(path.parent.glob("*.part"))


def test_icon_file_in_an_unwritable_place_is_none(qapp, tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        assert icon_file(blocker / "data") is None
    assert "app icon" in caplog.text


def test_native_notifications_carry_the_icon_file(qapp, tmp_path: Path) -> None:
    from desktop.notify import NativeNotifier

    path = icon_file(tmp_path, 64)
    assert path is not None
    notifier = NativeNotifier("Startpunt", lambda _a, _b: None, icon=path)
    assert notifier._notifier.app_icon is not None
    assert notifier._notifier.app_icon.path == path
    assert NativeNotifier("Startpunt", lambda _a, _b: None)._notifier.app_icon is None
