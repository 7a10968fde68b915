"""The "Help & tips" window: what Startpunt does, what is good to post, a keyboard shortcut
for a new post on common desktops, and where the log is.

Rich text built only from our own translated strings and two values the app passes in (this
installation's post command and the log folder), each escaped: no server text ever comes here.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

Section = tuple[str, list[str]]  # a heading and its steps


def _steps(steps: list[str]) -> str:
    return "<ol>" + "".join(f"<li>{escape(step)}</li>" for step in steps) + "</ol>"


class HelpWindow(QDialog):
    """Read-only help in the user's language; `command` is how this installation posts."""

    def __init__(self, command: str, log_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Startpunt: help and tips"))
        self.command, self.log_folder = command, log_folder
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)  # there are no links; nothing is ever followed
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def sections(self) -> list[tuple[str, str]]:
        """(heading, escaped HTML body) per section, in order."""
        return [
            (self.tr("What Startpunt does"), self._about()),
            (self.tr("What is good to post"), self._posting()),
            (self.tr("A keyboard shortcut for a new post"), self._shortcut()),
            (self.tr("Where the log is"), self._log()),
        ]

    def html(self) -> str:
        """The whole page."""
        parts = [f"<h2>{escape(heading)}</h2>{body}" for heading, body in self.sections()]
        return "".join(parts)

    def plain_text(self) -> str:
        """What the page says, as shown (for tests and screen readers)."""
        return self.browser.toPlainText()

    def _about(self) -> str:
        lines = [
            self.tr(
                "Startpunt sits in the system tray and keeps you in touch with your intranet "
                "without a browser tab open all day."
            ),
            self.tr(
                "It tells you when colleagues like, mention or comment on your work, lets you "
                "thank them with one click, and opens a small window to post an update."
            ),
            self.tr(
                "Outside your working hours alerts wait, and you get a summary when your day "
                "starts. Need to focus? Choose Pause alerts in the tray menu."
            ),
        ]
        return "".join(f"<p>{escape(line)}</p>" for line in lines)

    def _posting(self) -> str:
        examples = [
            self.tr(
                "Thanks to the service desk for setting up the new laptops before the holidays!"
            ),
            self.tr("Our team finished moving to the second floor. The coffee is on us today."),
            self.tr("Congratulations to Sanne on 25 years with the municipality!"),
            self.tr("Tip: the new travel expense form is on the HR page."),
            self.tr("Who joins the Friday lunch walk? We leave at 12:30 from the main entrance."),
        ]
        intro = self.tr("Short, positive and useful to colleagues works best. For example:")
        care = self.tr(
            "Keep personal details, client data and anything confidential out of posts. "
            "Your organisation's posting guidelines are linked from the post window."
        )
        items = "".join(f"<li>{escape(example)}</li>" for example in examples)
        return f"<p>{escape(intro)}</p><ul>{items}</ul><p>{escape(care)}</p>"

    def desktops(self) -> list[Section]:
        """The steps for each desktop, in the user's language."""
        name = self.tr("Startpunt post")
        return [
            (
                "GNOME",
                [
                    self.tr("Open Settings and choose Keyboard."),
                    self.tr(
                        "Choose View and Customise Shortcuts, then Custom Shortcuts, then Add "
                        "Shortcut (or +)."
                    ),
                    self.tr("Name: %1. Command: the command above.").replace("%1", name),
                    self.tr("Choose Set Shortcut…, press the keys, then choose Add."),
                ],
            ),
            (
                "KDE Plasma",
                [
                    self.tr("Open System Settings and choose Keyboard, then Shortcuts."),
                    self.tr(
                        "Choose Add New, then Command or Script…, and enter the command above."
                    ),
                    self.tr(
                        "With the new entry selected, choose Add Custom Shortcut, press the keys, "
                        "then choose Apply."
                    ),
                ],
            ),
            (
                "Xfce",
                [
                    self.tr("Open the Settings Manager and choose Keyboard."),
                    self.tr("On the Application Shortcuts tab choose Add."),
                    self.tr("Enter the command above and choose OK, then press the keys."),
                ],
            ),
            (
                "Windows",
                [
                    self.tr("Right-click the desktop and choose New, then Shortcut."),
                    self.tr(
                        "Enter the command above as the location, choose Next, name it %1 and "
                        "choose Finish."
                    ).replace("%1", name),
                    self.tr(
                        "Right-click the new shortcut and choose Properties. Click in the "
                        "Shortcut key field and press a letter: Windows makes it Ctrl+Alt and "
                        "that letter. Choose OK."
                    ),
                ],
            ),
            (
                "macOS",
                [
                    self.tr("Open the Shortcuts app and create a new shortcut."),
                    self.tr("Add the action Run Shell Script and enter the command above."),
                    self.tr(
                        "Open the shortcut's details (the i button), choose Add Keyboard "
                        "Shortcut and press the keys."
                    ),
                ],
            ),
        ]

    def _shortcut(self) -> str:
        intro = self.tr(
            "One key combination, such as Ctrl+Alt+P, can open the post window from anywhere. "
            "Bind it to this command:"
        )
        body = [f"<p>{escape(intro)}</p><pre>{escape(self.command)}</pre>"]
        for desktop, steps in self.desktops():
            body.append(f"<h3>{escape(desktop)}</h3>{_steps(steps)}")
        return "".join(body)

    def _log(self) -> str:
        where = self.tr(
            "Startpunt keeps a log in this folder (the tray menu's Open log folder opens it):"
        )
        safe = self.tr("The log never holds your password or your sign-in token.")
        return f"<p>{escape(where)}</p><pre>{escape(self.log_folder)}</pre><p>{escape(safe)}</p>"
