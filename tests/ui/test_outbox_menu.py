"""OutboxMenu: one submenu per waiting post, rebuilt on every outbox change without leaking."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMenu

from desktop.outbox_menu import OutboxMenu
from services.compose import OutboxItem, OutboxState
from services.models import Container

TEAM = Container(3, "g-team", "Team Zorg", 30)


def _item(n: int, state: OutboxState = OutboxState.QUEUED) -> OutboxItem:
    when = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    return OutboxItem(f"cid-{n}", state, TEAM, f"Bericht {n}", f"Bericht {n}", (), (), when)


def _process_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_outbox_menu_rebuilding_does_not_leak_submenus(qtbot):
    """Review finding 4: QMenu.clear() keeps submenus made by addMenu(title) alive."""
    menu = OutboxMenu()
    qtbot.addWidget(menu)
    items = [_item(1), _item(2, OutboxState.NEEDS_ATTENTION), _item(3, OutboxState.EDITING)]
    for _ in range(50):
        menu.set_items(items)
        _process_deletes()
    assert len(menu.findChildren(QMenu)) <= len(items)
    assert menu.count == 3
    menu.set_items([])
    _process_deletes()
    assert menu.findChildren(QMenu) == []
    assert not menu.menuAction().isVisible()


def test_outbox_menu_entries_still_emit_after_rebuilding(qtbot):
    menu = OutboxMenu()
    qtbot.addWidget(menu)
    menu.set_items([_item(1)])
    menu.set_items([_item(2)])
    _process_deletes()
    asked: list[tuple[str, str]] = []
    menu.action_requested.connect(lambda cid, key: asked.append((cid, key)))
    (sub,) = [m for a in menu.actions() if isinstance(m := a.menu(), QMenu)]
    assert sub.title().startswith("Bericht 2")
    edit = [a for a in sub.actions() if a.text() == "Edit…"]
    edit[0].trigger()
    assert asked == [("cid-2", "edit")]
