"""The app icon files for installers, and how well the tray-size icons stand out on a panel."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest

from PySide6.QtGui import QColor, QImage

from ui.app_icon import render_svg

ROOT = Path(__file__).resolve().parents[2]
PANELS = {"light": QColor("#f0f0f0"), "dark": QColor("#2b2b2b")}
STEMS = ("startpunt", "tray-offline", "tray-paused", "tray-sign-in")
# WCAG 2.1 asks 3:1 for the parts of a graphic needed to recognise it (SC 1.4.11): here the
# icon's silhouette, i.e. its outer ring of pixels or an outline drawn just inside it.
SILHOUETTE_RATIO = 3.0


def _load_icons() -> ModuleType:
    # packaging/ is not a package on purpose (it would hide the PyPI `packaging`): load by path.
    spec = importlib.util.spec_from_file_location("startpunt_icons", ROOT / "packaging/icons.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: float, b: float) -> float:
    """The WCAG contrast ratio of two relative luminances."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def _over(image: QImage, x: int, y: int, panel: QColor) -> QColor:
    pixel = image.pixelColor(x, y)
    alpha = pixel.alphaF()
    mix = [
        getattr(pixel, part)() * alpha + getattr(panel, part)() * (1 - alpha)
        for part in ("redF", "greenF", "blueF")
    ]
    return QColor.fromRgbF(*mix)


def _rings(image: QImage) -> list[list[tuple[int, int]]]:
    """The opaque pixels at the icon's edge, and those one pixel further in."""
    size = image.width()

    def opaque(x: int, y: int) -> bool:
        return 0 <= x < size and 0 <= y < size and image.pixelColor(x, y).alphaF() >= 0.5

    def near(x: int, y: int) -> bool:
        return any(not opaque(x + dx, y + dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))

    outer = [(x, y) for y in range(size) for x in range(size) if opaque(x, y) and near(x, y)]
    taken = set(outer)
    inner = [
        (x, y)
        for y in range(size)
        for x in range(size)
        if opaque(x, y)
        and (x, y) not in taken
        and any((x + dx, y + dy) in taken for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
    ]
    return [outer, inner]


def silhouette_contrast(image: QImage, panel: QColor) -> float:
    """The better contrast of the two outer rings' mean luminance against the panel."""
    background = _luminance(panel)
    ratios = []
    for ring in _rings(image):
        mean = sum(_luminance(_over(image, x, y, panel)) for x, y in ring) / len(ring)
        ratios.append(contrast(mean, background))
    return max(ratios)


def mean_luminance_difference(image: QImage, panel: QColor) -> float:
    """The mean |difference| of relative luminance between opaque pixels and the panel."""
    background = _luminance(panel)
    size = image.width()
    values = [
        abs(_luminance(_over(image, x, y, panel)) - background)
        for y in range(size)
        for x in range(size)
        if image.pixelColor(x, y).alphaF() >= 0.5
    ]
    return sum(values) / len(values)


def test_hicolor_theme_has_every_size_and_the_svg(qapp, tmp_path: Path) -> None:
    written = _load_icons().render_hicolor(tmp_path)
    theme = tmp_path / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        png = theme / f"{size}x{size}" / "apps" / "startpunt.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        opaque = sum(
            image.pixelColor(x, y).alpha() == 255 for y in range(size) for x in range(size)
        )
        assert opaque > size * size // 2  # a full tile, not a stray speck
    svg = theme / "scalable" / "apps" / "startpunt.svg"
    assert svg in written
    assert svg.read_bytes() == (ROOT / "resources/icons/startpunt.svg").read_bytes()


def test_ico_holds_each_size_as_png(qapp, tmp_path: Path) -> None:
    data = _load_icons().write_ico(tmp_path / "startpunt.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    sizes = []
    for index in range(count):
        width, height, *_, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        png = QImage.fromData(data[offset : offset + length])
        assert png.width() == (width or 256) == (height or 256)
        sizes.append(png.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


@pytest.mark.parametrize("size", [16, 22, 24])
@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("panel", PANELS)
def test_tray_size_icon_stands_out_on_light_and_dark_panels(
    qapp, stem: str, panel: str, size: int
) -> None:
    image = render_svg(stem, size)
    assert silhouette_contrast(image, PANELS[panel]) >= SILHOUETTE_RATIO
    # and on average the icon differs clearly from the panel (not only at its edge)
    assert mean_luminance_difference(image, PANELS[panel]) >= 0.25


def test_the_measure_fails_an_icon_in_the_panel_colour(qapp) -> None:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2f2f2f"))
    assert silhouette_contrast(image, PANELS["dark"]) < 1.2
    assert mean_luminance_difference(image, PANELS["dark"]) < 0.01


def test_contact_sheet_shows_every_state_at_every_tray_size(qapp, tmp_path: Path) -> None:
    from devtools.tray_icon_sheet import PANELS as SHEET_PANELS
    from devtools.tray_icon_sheet import SIZES, render_sheet

    out = tmp_path / "sheet.png"
    render_sheet(out)
    sheet = QImage(str(out))
    assert SIZES == (16, 22, 24, 32)
    assert [colour for _, colour in SHEET_PANELS] == ["#f0f0f0", "#2b2b2b"]
    assert sheet.width() > 1000
    assert sheet.height() > 7 * 32 * 4
