"""PanelHost: the panel is built on first use and shows what was pushed before that."""

from __future__ import annotations

from desktop.panel_host import PanelHost
from tests.fakes.port import make_notification


def test_panel_host_creates_the_panel_lazily_with_the_latest_state(qtbot):
    host = PanelHost(as_window=True)
    host.set_notifications((make_notification(2), make_notification(1)), {2})
    host.set_can_thank(True)
    host.set_status("Offline")
    assert not host.created
    panel = host.panel()
    qtbot.addWidget(panel)
    assert host.panel() is panel  # created once, then reused
    assert panel.model.rowCount() == 2
    with qtbot.waitSignal(host.open_requested) as opened:
        panel.open_requested.emit(2)
    assert opened.args == [2]
    host.set_notifications((make_notification(3),), set())
    assert panel.model.rowCount() == 1
