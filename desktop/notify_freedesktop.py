"""Linux alerts straight over D-Bus (org.freedesktop.Notifications), updated in place.

desktop-notifier always sends `replaces_id = 0`, so a grouped alert ("Jan en 3 anderen vinden
je bericht leuk") would pile up as new pop-ups. Talking to the notification server directly
lets an alert with the same `Alert.key` replace the one already on screen.
"""

from __future__ import annotations

import asyncio
import html
import logging

from dbus_fast import BusType, Message, MessageType, Variant
from dbus_fast.aio import MessageBus

from PySide6.QtGui import QImage

from desktop.notify import ActionHandler, action_label, trim
from services.models import Alert, AlertAction

logger = logging.getLogger(__name__)

_DEST = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_MATCH = f"type='signal',interface='{_DEST}'"
_DEFAULT_ACTION = "default"
_CALL_TIMEOUT_S = 5.0
_CLOSED_BY_USER = 2
OPEN_ALERTS_LIMIT = 100


class FreedesktopNotifier:
    """Sends Notify calls, replaces alerts by key, and routes button presses back."""

    def __init__(
        self, app_name: str, on_action: ActionHandler, *, icon: QImage | None = None
    ) -> None:
        self._app_name = app_name
        self._icon = _image_data(icon) if icon is not None else None
        self._on_action = on_action
        self._bus: MessageBus | None = None
        self._caps: frozenset[str] = frozenset()
        self._id_by_key: dict[str, int] = {}
        self._alert_by_id: dict[int, Alert] = {}

    @property
    def supports_buttons(self) -> bool:
        return "actions" in self._caps

    async def probe(self) -> bool:
        """Connect to the session bus; False when no notification server answers."""
        bus: MessageBus | None = None
        try:
            bus = await asyncio.wait_for(MessageBus(bus_type=BusType.SESSION).connect(), 3)
            reply = await self._call(bus, "GetCapabilities", "", [])
            await self._call_bus(bus, "AddMatch", [_MATCH])
        except Exception:  # no bus, no server, refused: all mean "use the fallback"
            logger.info("No freedesktop notification server", exc_info=True)
            if bus is not None:
                bus.disconnect()
            return False
        self._bus = bus
        self._caps = frozenset(str(c) for c in reply.body[0])
        bus.add_message_handler(self._on_message)
        logger.info("Notification server capabilities: %s", ", ".join(sorted(self._caps)))
        return True

    async def show(self, alert: Alert) -> str | None:
        if self._bus is None:
            return None
        body = trim(alert.body)
        if "body-markup" in self._caps:
            body = html.escape(body, quote=False)
        actions: list[str] = [_DEFAULT_ACTION, ""]
        if self.supports_buttons:
            for action in alert.actions:
                actions += [action.value, action_label(action)]
        # Only ids from this session: after a daemon restart an old id may belong to another app.
        replaces = self._id_by_key.get(alert.key, 0)
        hints = {"urgency": Variant("y", 1), "category": Variant("s", "im.received")}
        if self._icon is not None:
            hints["image-data"] = self._icon
        reply = await self._call(
            self._bus,
            "Notify",
            "susssasa{sv}i",
            [self._app_name, replaces, "", _plain(trim(alert.title, 80)), body, actions, hints, -1],
        )
        platform_id = int(reply.body[0])
        self._forget(replaces)
        self._id_by_key[alert.key] = platform_id
        self._alert_by_id[platform_id] = alert
        while len(self._alert_by_id) > OPEN_ALERTS_LIMIT:  # servers that never say "closed"
            self._forget(next(iter(self._alert_by_id)))
        return str(platform_id)

    async def withdraw_all(self) -> None:
        """Close every alert of ours the server still shows."""
        if self._bus is None:
            return
        for platform_id in list(self._alert_by_id):
            try:
                await self._call(self._bus, "CloseNotification", "u", [platform_id])
            except (ConnectionError, TimeoutError):
                logger.info("Alert %d was already gone", platform_id)
            self._forget(platform_id)

    async def close(self) -> None:
        """Disconnect from the bus."""
        if self._bus is not None:
            self._bus.disconnect()
            self._bus = None

    def _forget(self, platform_id: int) -> None:
        alert = self._alert_by_id.pop(platform_id, None)
        if alert is not None and self._id_by_key.get(alert.key) == platform_id:
            del self._id_by_key[alert.key]

    def _on_message(self, message: Message) -> bool:
        if message.message_type is not MessageType.SIGNAL or message.interface != _DEST:
            return False
        if message.member == "ActionInvoked":
            platform_id, key = int(message.body[0]), str(message.body[1])
            alert = self._alert_by_id.get(platform_id)
            if alert is not None:
                chosen = AlertAction.OPEN if key == _DEFAULT_ACTION else _parse_action(key)
                if chosen is not None:
                    logger.info("Alert %s: %s chosen", alert.key, chosen.value)
                    self._on_action(alert, chosen)
        elif message.member == "NotificationClosed":
            self._forget(int(message.body[0]))
        return False

    async def _call(
        self, bus: MessageBus, member: str, signature: str, body: list[object]
    ) -> Message:
        message = Message(
            destination=_DEST,
            path=_PATH,
            interface=_DEST,
            member=member,
            signature=signature,
            body=body,
        )
        return await self._checked(bus, message)

    async def _call_bus(self, bus: MessageBus, member: str, body: list[object]) -> Message:
        message = Message(
            destination="org.freedesktop.DBus",
            path="/org/freedesktop/DBus",
            interface="org.freedesktop.DBus",
            member=member,
            signature="s",
            body=body,
        )
        return await self._checked(bus, message)

    @staticmethod
    async def _checked(bus: MessageBus, message: Message) -> Message:
        reply = await asyncio.wait_for(bus.call(message), _CALL_TIMEOUT_S)
        if reply is None or reply.message_type is MessageType.ERROR:
            detail = reply.error_name if reply is not None else "no reply"
            raise ConnectionError(f"D-Bus {message.member} failed: {detail}")
        return reply


def _image_data(icon: QImage) -> Variant:
    """The app icon as the spec's `image-data` hint (iiibiiay: RGBA, 8 bits per sample)."""
    rgba = icon.convertToFormat(QImage.Format.Format_RGBA8888)
    pixels = bytes(rgba.constBits())[: rgba.sizeInBytes()]
    size = (rgba.width(), rgba.height(), rgba.bytesPerLine())
    return Variant("(iiibiiay)", [*size, True, 8, 4, pixels])


def _plain(summary: str) -> str:
    """The summary is plain text by the spec, but some servers render markup in it anyway."""
    # Single angle quotes look alike and mean nothing to a markup parser.
    return summary.replace("<", "\u2039").replace(">", "\u203a")


def _parse_action(key: str) -> AlertAction | None:
    try:
        return AlertAction(key)
    except ValueError:
        return None
