"""Page 3, "Is this you?": the name and picture the intranet gave for this sign-in."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWizardPage

from ui.onboarding.common import plain_label

PICTURE_SIZE = 96


def initials(name: str) -> str:
    """Up to two letters for a name ("Alice van Dijk" -> "AD"); "?" for none."""
    words = [w for w in name.split() if w[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def initials_picture(name: str, size: int = PICTURE_SIZE) -> QPixmap:
    """A round picture with the name's initials (no picture from the intranet)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#3b6ea5"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    font = QFont()
    font.setPixelSize(size // 3)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


class ConfirmPage(QWizardPage):
    """Shows who the sign-in belongs to; Back signs in as someone else."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Is this you?"))
        self.setSubTitle(self.tr("Your intranet says you are signed in as:"))
        row = QHBoxLayout(self)
        self.picture = QLabel(self)
        self.picture.setFixedSize(PICTURE_SIZE, PICTURE_SIZE)
        self.picture.setAccessibleName(self.tr("Profile picture"))
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        self.name_label = plain_label("", self, name=self.tr("Name"))
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        column.addWidget(self.name_label)
        self.username_label = plain_label("", self, name=self.tr("Username"))
        column.addWidget(self.username_label)
        column.addWidget(
            plain_label(self.tr("Not you? Go back and sign in with your own account."), self)
        )
        column.addStretch(1)
        row.addLayout(column, 1)
        self.has_picture = False

    def show_user(self, display_name: str, username: str, picture: bytes) -> None:
        """The person (server text: shown as plain text) and their picture, else initials."""
        self.name_label.setText(display_name)
        self.username_label.setText(username)
        image = QImage.fromData(QByteArray(picture)) if picture else QImage()
        self.has_picture = not image.isNull()
        if self.has_picture:
            scaled = image.scaled(
                PICTURE_SIZE,
                PICTURE_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.picture.setPixmap(QPixmap.fromImage(scaled))
        else:
            self.picture.setPixmap(initials_picture(display_name))
