"""Paints one notification row: unread dot, kind icon, name, time, two lines of text, "Thanks!".

Plain text only: every string is stripped of control and bidi characters again and elided with
QFontMetrics; nothing is ever handed to a rich-text renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from services.models import NotificationKind
from services.text import strip_controls
from ui.kind_icons import kind_pixmap
from ui.notification_model import NotificationRole

ModelIndex = QModelIndex | QPersistentModelIndex
PAD_X = 14
PAD_Y = 10
DOT_GUTTER = 14
DOT_SIZE = 8
ICON_SIZE = 34
ICON_GAP = 12
LINE_GAP = 3
PILL_PAD_X = 10
PILL_GAP = 8
TEXT_LINES = 2


@dataclass(frozen=True, slots=True)
class RowLayout:
    """Where each part of a row goes and the exact (plain) strings that are painted."""

    dot: QRectF | None
    icon: QRect
    name: str
    name_rect: QRect
    time: str
    time_rect: QRect
    lines: tuple[str, ...]
    line_rects: tuple[QRect, ...]
    pill: str
    pill_rect: QRect | None


def _one_line(text: str) -> str:
    return " ".join(strip_controls(text).split())


def _fonts(base: QFont, unread: bool) -> tuple[QFont, QFont, QFont]:
    name = QFont(base)
    name.setWeight(QFont.Weight.Bold if unread else QFont.Weight.DemiBold)
    text = QFont(base)
    small = QFont(base)
    small.setPointSizeF(max(6.0, base.pointSizeF() * 0.88))
    return name, text, small


def _wrap(text: str, font: QFont, width: int, last_width: int) -> tuple[str, ...]:
    """Wrap `text` into at most TEXT_LINES lines; the last one is elided to `last_width`."""
    if not text or width <= 0:
        return ()
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # 10k-char "words"
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    start = 0
    while len(lines) < TEXT_LINES - 1:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
        start = line.textStart() + line.textLength()
    layout.endLayout()
    rest = text[start:].strip()
    if rest:
        elide = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, last_width)
        lines.append(elide)
    return tuple(line for line in lines if line)


class NotificationDelegate(QStyledItemDelegate):
    """Draws rows of a `NotificationListModel` (or a proxy of it)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        name_font, text_font, _ = _fonts(option.font, unread=True)
        height = (
            2 * PAD_Y
            + QFontMetrics(name_font).height()
            + LINE_GAP
            + TEXT_LINES * QFontMetrics(text_font).lineSpacing()
        )
        return QSize(max(200, option.rect.width()), max(height, ICON_SIZE + 2 * PAD_Y))

    def pill_label(self, thanked: bool) -> str:
        """The text of the thanks button."""
        return self.tr("Thanked") if thanked else self.tr("Thanks!")

    def layout_row(self, option: QStyleOptionViewItem, index: ModelIndex) -> RowLayout:
        """Lay out one row; `paint` draws exactly this, so tests can read what is shown."""
        rect: QRect = option.rect
        unread = bool(index.data(NotificationRole.UNREAD))
        name_font, text_font, small_font = _fonts(option.font, unread)
        name_fm, text_fm, small_fm = (QFontMetrics(f) for f in (name_font, text_font, small_font))
        left = rect.left() + PAD_X
        top = rect.top() + PAD_Y
        dot = None
        if unread:
            dot_y = top + (name_fm.height() - DOT_SIZE) / 2
            dot = QRectF(left + (DOT_GUTTER - DOT_SIZE) / 2 - 4, dot_y, DOT_SIZE, DOT_SIZE)
        icon = QRect(left + DOT_GUTTER, top, ICON_SIZE, ICON_SIZE)
        x = icon.right() + 1 + ICON_GAP
        width = max(0, rect.right() - PAD_X - x)
        time = _one_line(str(index.data(NotificationRole.TIME) or ""))
        time_w = small_fm.horizontalAdvance(time)
        time_rect = QRect(x + width - time_w, top, time_w, name_fm.height())
        name_w = max(0, width - time_w - (PILL_GAP if time else 0))
        name = name_fm.elidedText(
            _one_line(str(index.data(NotificationRole.NAME) or "")),
            Qt.TextElideMode.ElideRight,
            name_w,
        )
        name_rect = QRect(x, top, name_w, name_fm.height())
        line_top = top + name_fm.height() + LINE_GAP
        spacing = text_fm.lineSpacing()
        pill, pill_rect = "", None
        if index.data(NotificationRole.THANKABLE):
            pill = self.pill_label(bool(index.data(NotificationRole.THANKED)))
            pill_w = small_fm.horizontalAdvance(pill) + 2 * PILL_PAD_X
            pill_h = text_fm.height() + 2
            last_line_middle = line_top + (TEXT_LINES - 1) * spacing + text_fm.height() // 2
            pill_rect = QRect(rect.right() - PAD_X - pill_w, last_line_middle - pill_h // 2,
                              pill_w, pill_h)  # fmt: skip
        last_w = width - (pill_rect.width() + PILL_GAP if pill_rect else 0)
        text = _one_line(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        lines = _wrap(text, text_font, width, last_w)
        line_rects = tuple(
            QRect(x, line_top + i * spacing, width, text_fm.height()) for i in range(len(lines))
        )
        return RowLayout(dot, icon, name, name_rect, time, time_rect, lines, line_rects,
                         pill, pill_rect)  # fmt: skip

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        row = self.layout_row(option, index)
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        palette: QPalette = option.palette
        unread = bool(index.data(NotificationRole.UNREAD))
        name_font, text_font, small_font = _fonts(option.font, unread)
        accent = palette.color(QPalette.ColorRole.Highlight)
        ink = palette.color(QPalette.ColorRole.Text)
        muted = _blend(ink, palette.color(QPalette.ColorRole.Base), 0.45)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_background(painter, rect, state, accent, unread=unread)
        if row.dot is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawEllipse(row.dot)
        kind = NotificationKind(str(index.data(NotificationRole.KIND)))
        painter.drawPixmap(
            row.icon, kind_pixmap(kind, ICON_SIZE, painter.device().devicePixelRatioF())
        )
        painter.setFont(name_font)
        painter.setPen(ink)
        painter.drawText(
            row.name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.name
        )
        painter.setFont(small_font)
        painter.setPen(muted)
        painter.drawText(
            row.time_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, row.time
        )
        painter.setFont(text_font)
        painter.setPen(ink if unread else muted)
        for text, line_rect in zip(row.lines, row.line_rects, strict=True):
            painter.drawText(
                line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
            )
        if row.pill_rect is not None:
            thanked = bool(index.data(NotificationRole.THANKED))
            self._paint_pill(painter, row, small_font, accent, muted if thanked else None)
        separator = _blend(ink, palette.color(QPalette.ColorRole.Base), 0.9)
        painter.setPen(separator)
        painter.drawLine(row.name_rect.left(), rect.bottom(), rect.right() - PAD_X, rect.bottom())
        painter.restore()

    @staticmethod
    def _paint_background(
        painter: QPainter, rect: QRect, state: QStyle.StateFlag, accent: QColor, *, unread: bool
    ) -> None:
        box = QRectF(rect).adjusted(4, 2, -4, -2)
        fill = QColor(accent)
        if state & QStyle.StateFlag.State_Selected:
            fill.setAlpha(46)
        elif state & QStyle.StateFlag.State_MouseOver:
            fill.setAlpha(24)
        else:
            fill.setAlpha(12 if unread else 0)
        if fill.alpha():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(box, 8, 8)
        if state & QStyle.StateFlag.State_HasFocus:  # visible keyboard focus, not colour alone
            ring = QColor(accent)
            ring.setAlpha(170)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)

    @staticmethod
    def _paint_pill(
        painter: QPainter, row: RowLayout, font: QFont, accent: QColor, done: QColor | None
    ) -> None:
        assert row.pill_rect is not None  # noqa: S101 -- checked by the caller
        colour = done if done is not None else accent
        back = QColor(colour)
        back.setAlpha(28)
        painter.setPen(colour)
        painter.setBrush(back)
        radius = row.pill_rect.height() / 2
        painter.drawRoundedRect(
            QRectF(row.pill_rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius
        )
        painter.setFont(font)
        painter.drawText(row.pill_rect, Qt.AlignmentFlag.AlignCenter, row.pill)


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
