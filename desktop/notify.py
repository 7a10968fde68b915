"""OS notifications: desktop-notifier (native, with buttons) or the tray balloon as fallback.

Only this module talks to the notification system. Alert text arrives as plain text; it is
escaped for freedesktop servers that interpret markup, and never carries server HTML.
"""

from __future__ import annotations

import asyncio
import html
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QSystemTrayIcon

from services.models import Alert, AlertAction

logger = logging.getLogger(__name__)

ActionHandler = Callable[[Alert, AlertAction], None]
CAPABILITY_TIMEOUT_S = 3.0
BODY_MAX_CHARS = 200


class Notifier(Protocol):
    """Shows alerts and reports the user's choice through the handler given at creation."""

    async def show(self, alert: Alert) -> str | None:
        """Show (or update in place, by `alert.key`) one alert; return its platform id."""
        ...

    @property
    def supports_buttons(self) -> bool:
        """True when the platform shows action buttons on alerts."""
        ...

    async def close(self) -> None:
        """Release the connection to the notification system."""
        ...

    async def withdraw_all(self) -> None:
        """Close our alerts still on screen (after "Mark all read")."""
        ...


def trim(text: str, limit: int = BODY_MAX_CHARS) -> str:
    """Cut `text` to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def action_label(action: AlertAction) -> str:
    """The translated button label for an action."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        AlertAction.OPEN: QCoreApplication.translate("Alerts", "Open"),
        AlertAction.THANK: QCoreApplication.translate("Alerts", "Thanks!"),
        AlertAction.MARK_ALL_READ: QCoreApplication.translate("Alerts", "Mark all read"),
        AlertAction.SIGN_IN: QCoreApplication.translate("Alerts", "Sign in again"),
        AlertAction.DISMISS: QCoreApplication.translate("Alerts", "Dismiss"),
    }
    return labels[action]


class NativeNotifier:
    """desktop-notifier: freedesktop D-Bus, Windows toasts, macOS Notification Center."""

    def __init__(
        self, app_name: str, on_action: ActionHandler, *, icon: Path | None = None
    ) -> None:
        from desktop_notifier import DesktopNotifier, Icon

        app_icon = Icon(path=icon) if icon is not None else None
        self._notifier = DesktopNotifier(app_name=app_name, app_icon=app_icon)
        self._on_action = on_action
        self._buttons = True
        self._markup = False

    @property
    def supports_buttons(self) -> bool:
        return self._buttons

    async def probe(self) -> bool:
        """Ask the platform what it supports; False when nobody is listening."""
        from desktop_notifier import Capability

        try:
            caps = await asyncio.wait_for(self._notifier.get_capabilities(), CAPABILITY_TIMEOUT_S)
        except Exception:  # the backends raise whatever their OS layer raises
            logger.warning("Native notifications unavailable", exc_info=True)
            return False
        self._buttons = Capability.BUTTONS in caps
        # freedesktop servers with body-markup interpret <b>, <a>, &: escape plain text there.
        self._markup = sys.platform.startswith("linux")
        logger.info("Native notifications: %s", ", ".join(sorted(c.name for c in caps)))
        return bool(caps)

    async def close(self) -> None:
        return

    async def withdraw_all(self) -> None:
        try:
            await self._notifier.clear_all()
        except Exception:  # the backends raise whatever their OS layer raises
            logger.warning("Could not close the alerts on screen", exc_info=True)

    async def show(self, alert: Alert) -> str | None:
        from desktop_notifier import Button

        body = trim(alert.body)
        if self._markup:
            body = html.escape(body, quote=False)
        buttons = [
            Button(title=action_label(a), on_pressed=self._callback(alert, a))
            for a in alert.actions
            if self._buttons
        ]
        return await self._notifier.send(
            title=trim(alert.title, 80),
            message=body,
            buttons=buttons,
            on_clicked=self._callback(alert, AlertAction.OPEN),
        )

    def _callback(self, alert: Alert, action: AlertAction) -> Callable[[], None]:
        def fire() -> None:
            logger.info("Alert %s: %s chosen", alert.key, action.value)
            self._on_action(alert, action)

        return fire


class TrayBalloonNotifier:
    """`QSystemTrayIcon.showMessage`: no buttons; a click on the message opens the alert."""

    def __init__(
        self, tray: QSystemTrayIcon, on_action: ActionHandler, *, platform: str = sys.platform
    ) -> None:
        self._tray = tray
        self._escape = platform.startswith("linux")  # only freedesktop servers read markup
        self._on_action = on_action
        self._last: Alert | None = None
        tray.messageClicked.connect(self._on_tray_message_clicked)

    @property
    def supports_buttons(self) -> bool:
        return False

    async def close(self) -> None:
        return

    async def withdraw_all(self) -> None:
        self._last = None  # a balloon can't be taken back; a click on it no longer acts

    async def show(self, alert: Alert) -> str | None:
        self._last = alert
        body = trim(alert.body)
        if self._escape:
            # Qt hands the text unchanged to org.freedesktop.Notifications, which may render
            # markup: a name like <a href=…> must stay text (RELIABILITY §2).
            body = html.escape(body, quote=False)
        self._tray.showMessage(trim(alert.title, 80), body, QSystemTrayIcon.MessageIcon.Information)
        return None

    def _on_tray_message_clicked(self) -> None:
        if self._last is not None:
            self._on_action(self._last, AlertAction.OPEN)
