"""Reading the rig's ``notify.log``: what ``dbus-monitor`` printed about notifications.

Pure text parsing; starts nothing and touches no file. ``parse_notify_log`` turns the record
of ``org.freedesktop.Notifications`` traffic into Notify calls (with the daemon's reply id),
ActionInvoked and NotificationClosed signals.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

__all__ = ["NOTIFICATIONS", "NOTIFICATIONS_PATH", "NotifyCall", "parse_notify_log"]

log = logging.getLogger(__name__)

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"


@dataclass(frozen=True, slots=True)
class NotifyCall:
    """One ``org.freedesktop.Notifications.Notify`` call seen on the bus."""

    time: float
    sender: str
    serial: int
    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]
    hints: dict[str, object] = field(default_factory=dict)
    expire_timeout: int = -1
    #: the id the daemon answered with (None if the reply was not seen)
    id: int | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The button labels, in the order sent."""
        return tuple(label for _key, label in self.actions)


@dataclass(frozen=True, slots=True)
class _Message:
    kind: str  # "method call" | "method return" | "signal" | "error"
    time: float
    sender: str
    destination: str
    serial: int
    reply_serial: int | None
    interface: str | None
    member: str | None
    args: list[object]


_HEADER = re.compile(
    r"^(?P<kind>method call|method return|signal|error) time=(?P<time>\S+)"
    r" sender=(?P<sender>\S+) -> destination=(?P<dest>.*?)"
    r"(?: error_name=\S+)?(?: serial=(?P<serial>\d+))?(?: reply_serial=(?P<reply>\d+))?"
    r"(?: path=[^;]*; interface=(?P<iface>[^;]*); member=(?P<member>\S+))?\s*$"
)
_VALUE_START = (
    r"(?:string |object path |signature |array |dict entry\(|variant|struct \{"
    r"|u?int(?:16|32|64) |byte |double |boolean |unix fd |file descriptor|\]|\)|\})"
)
_AFTER_STRING = re.compile(r"\s*(?:" + _VALUE_START + r"|\Z)")
_SCALAR = re.compile(r"(u?int(?:16|32|64)|byte|double|boolean) +(\S+)")


class _BodyParser:
    """Reads the argument list dbus-monitor prints under a message header."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def _ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def values(self) -> list[object]:
        out: list[object] = []
        self._ws()
        while self.pos < len(self.text):
            out.append(self.value())
            self._ws()
        return out

    def _eat(self, prefix: str) -> bool:
        if self.text.startswith(prefix, self.pos):
            self.pos += len(prefix)
            return True
        return False

    def _quoted(self) -> str:
        # dbus-monitor prints strings unescaped, so a closing quote is one that is
        # followed by the start of the next value (or the end of the message).
        start = self.pos
        i = start
        while True:
            i = self.text.find('"', i)
            if i < 0:
                raise ValueError("unterminated string")
            if _AFTER_STRING.match(self.text, i + 1):
                self.pos = i + 1
                return self.text[start:i]
            i += 1

    def _until(self, closer: str) -> list[object]:
        items: list[object] = []
        while True:
            self._ws()
            if self._eat(closer):
                return items
            if self.pos >= len(self.text):
                raise ValueError(f"missing {closer!r}")
            items.append(self.value())

    def value(self) -> object:
        self._ws()
        for prefix in ('string "', 'object path "', 'signature "'):
            if self._eat(prefix):
                return self._quoted()
        if self._eat("array of bytes"):
            self._ws()
            if self._eat('"'):
                return self._quoted().encode()
            end = self.text.find("]", self.pos)
            if end < 0:
                raise ValueError("unterminated byte array")
            self.pos = end + 1
            return b""
        if self._eat("array ["):
            return self._until("]")
        if self._eat("dict entry("):
            pair = self._until(")")
            if len(pair) != 2:
                raise ValueError("bad dict entry")
            return (pair[0], pair[1])
        if self._eat("struct {"):
            return tuple(self._until("}"))
        if self._eat("variant"):
            return self.value()
        m = _SCALAR.match(self.text, self.pos)
        if m:
            self.pos = m.end()
            kind, raw = m.group(1), m.group(2)
            if kind == "boolean":
                return raw == "true"
            if kind == "double":
                return float(raw)
            return int(raw)
        raise ValueError(f"unexpected {self.text[self.pos : self.pos + 30]!r}")


def _messages(text: str) -> list[_Message]:
    out: list[_Message] = []
    header: re.Match[str] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        try:
            args = _BodyParser("\n".join(body)).values()
        except ValueError:
            log.debug("notify.log: unreadable message at %s", header.group("time"))
            return
        out.append(
            _Message(
                kind=header.group("kind"),
                time=float(header.group("time")),
                sender=header.group("sender"),
                destination=header.group("dest"),
                serial=int(header.group("serial") or 0),
                reply_serial=int(header.group("reply")) if header.group("reply") else None,
                interface=header.group("iface"),
                member=header.group("member"),
                args=args,
            )
        )

    for line in text.split("\n"):
        m = _HEADER.match(line)
        if m:
            flush()
            header, body = m, []
        else:
            body.append(line)
    flush()
    return out


def parse_notify_log(
    text: str,
) -> tuple[list[NotifyCall], list[tuple[int, str]], list[tuple[int, int]]]:
    """Read a ``dbus-monitor`` record: (Notify calls, ActionInvoked, NotificationClosed)."""
    messages = _messages(text)
    replies = _reply_ids(messages)
    calls: list[NotifyCall] = []
    invoked: list[tuple[int, str]] = []
    closed: list[tuple[int, int]] = []
    for msg in messages:
        if msg.interface != NOTIFICATIONS:
            continue
        a = msg.args
        if msg.kind == "method call" and msg.member == "Notify" and len(a) >= 8:
            calls.append(_notify_call(msg, replies.get((msg.sender, msg.serial))))
        elif msg.kind == "signal" and msg.member == "ActionInvoked" and len(a) >= 2:
            invoked.append((_int(a[0]), str(a[1])))
        elif msg.kind == "signal" and msg.member == "NotificationClosed" and len(a) >= 2:
            closed.append((_int(a[0]), _int(a[1])))
    return calls, invoked, closed


def _reply_ids(messages: list[_Message]) -> dict[tuple[str, int], int]:
    """The integer a method return carried, by (caller, serial of the call it answers)."""
    replies: dict[tuple[str, int], int] = {}
    for msg in messages:
        if msg.kind == "method return" and msg.reply_serial is not None and msg.args:
            first = msg.args[0]
            if isinstance(first, int) and not isinstance(first, bool):
                replies[(msg.destination, msg.reply_serial)] = first
    return replies


def _notify_call(msg: _Message, reply_id: int | None) -> NotifyCall:
    a = msg.args
    raw_actions = [str(x) for x in a[5]] if isinstance(a[5], list) else []
    hints: dict[str, object] = {}
    if isinstance(a[6], list):
        for entry in a[6]:
            if isinstance(entry, tuple) and len(entry) == 2:
                hints[str(entry[0])] = entry[1]
    return NotifyCall(
        time=msg.time,
        sender=msg.sender,
        serial=msg.serial,
        app_name=str(a[0]),
        replaces_id=_int(a[1]),
        app_icon=str(a[2]),
        summary=str(a[3]),
        body=str(a[4]),
        actions=tuple(zip(raw_actions[0::2], raw_actions[1::2], strict=False)),
        hints=hints,
        expire_timeout=_int(a[7]),
        id=reply_id,
    )


def _int(value: object) -> int:
    return value if isinstance(value, int) else -1
