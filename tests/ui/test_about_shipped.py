"""About lists what an installation carries (the requirements of the requirements too, and the
Python of a bundle), shows the app icon, and says where the source code of Qt is."""

from __future__ import annotations

import platform

from services.licences import bundled_parts, canonical, own_part, shipped_parts
from ui.about_window import PYSIDE_SOURCE, QT_SOURCE, AboutWindow


def test_shipped_parts_add_the_indirect_requirements() -> None:
    direct = [canonical(p.name) for p in bundled_parts()]
    shipped = [canonical(p.name) for p in shipped_parts(frozen=False)]
    assert shipped[: len(direct)] == direct
    assert len(shipped) == len(set(shipped))
    assert {"h11", "httpcore", "anyio", "idna", "certifi", "shiboken6"} <= set(shipped)
    assert "startpunt" not in shipped
    assert "pytest" not in shipped  # a "dev" extra, not shipped
    for part in shipped_parts(frozen=False):
        assert part.licence, part.name


def test_a_bundle_names_its_python() -> None:
    last = shipped_parts(frozen=True)[-1]
    assert (last.name, last.version, last.licence) == (
        "Python",
        platform.python_version(),
        "PSF-2.0",
    )
    assert all(p.name != "Python" for p in shipped_parts(frozen=False))


def test_about_shows_the_icon_and_where_the_qt_source_is(qtbot) -> None:
    parts = shipped_parts(frozen=True)
    window = AboutWindow(own_part(), parts)
    qtbot.addWidget(window)
    assert len(window.listed()) == len(parts)
    pixmap = window.icon.pixmap()
    assert (pixmap.width(), pixmap.height()) == (64, 64)
    assert QT_SOURCE in window.source_notice.text()
    assert PYSIDE_SOURCE in window.source_notice.text()
