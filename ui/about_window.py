"""The "About Startpunt" window: name, version, licence, and the parts it ships with.

The parts and their licences come from the installed distributions' metadata
(`services.licences`); every text is set as plain text.
"""

from __future__ import annotations

from functools import partial

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.licences import Part
from ui.app_icon import APP_ICON, render_svg
from ui.plain_label import plain_label

_plain = partial(plain_label, selectable=True)  # texts one may want to copy

ICON_SIZE = 64
QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"


class AboutWindow(QDialog):
    """Shows `own` (Startpunt) and `parts` (its runtime dependencies)."""

    def __init__(self, own: Part, parts: list[Part], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutWindow")
        self.setWindowTitle(self.tr("About Startpunt"))
        title = _plain("Startpunt", self, "name")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.icon = QLabel(self)
        self.icon.setObjectName("icon")
        self.icon.setPixmap(QPixmap.fromImage(render_svg(APP_ICON, ICON_SIZE)))
        version = own.version or self.tr("unknown")
        self.version_label = _plain(self.tr("Version %1").replace("%1", version), self, "version")
        summary = _plain(
            self.tr("Your intranet in the system tray: alerts, thanks and quick posts."),
            self,
            "summary",
        )
        self.licence_label = _plain(
            self.tr("Licensed under the European Union Public Licence (%1).").replace(
                "%1", own.licence
            ),
            self,
            "licence",
        )
        caption = _plain(self.tr("Startpunt ships with these parts:"), self, "partsCaption")
        self.table = QTableWidget(len(parts), 3, self)
        self.table.setObjectName("parts")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("Version"), self.tr("Licence")]
        )
        for row, item in enumerate(parts):
            shown = item.version or self.tr("not installed")
            for column, text in enumerate((item.name, shown, item.licence or self.tr("unknown"))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.qt_notice = _plain(
            self.tr(
                "Startpunt uses Qt %1 through PySide6 %2, under the GNU Lesser General Public "
                "License version 3 (LGPL-3.0). Qt is made by The Qt Company and its "
                "contributors. You may replace these Qt libraries with your own build of the "
                "same version; the Qt Project publishes their source code at qt.io."
            )
            .replace("%1", qVersion())
            .replace("%2", pyside_version),
            self,
            "qtNotice",
        )
        self.source_notice = _plain(
            self.tr(
                "Source code: Qt %1 at %2, PySide6 %3 at %4, and each other part above at "
                "pypi.org under its name and version."
            )
            .replace("%1", qVersion())
            .replace("%2", QT_SOURCE)
            .replace("%3", pyside_version)
            .replace("%4", PYSIDE_SOURCE),
            self,
            "sourceNotice",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(self.icon)
        heading.addWidget(title, 1)
        layout.addLayout(heading)
        for widget in (self.version_label, summary, self.licence_label, caption):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.qt_notice)
        layout.addWidget(self.source_notice)
        layout.addWidget(buttons)
        self.resize(560, 600)

    def listed(self) -> list[tuple[str, str, str]]:
        """The table's rows as shown (name, version, licence)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in range(3)]
            name, version, licence = (c.text() if c is not None else "" for c in cells)
            rows.append((name, version, licence))
        return rows
