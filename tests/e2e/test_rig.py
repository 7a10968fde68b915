"""Self-test of the headless desktop rig (``devtools.rig``).

A tiny PySide6 app shows a tray icon and sends a desktop-notifier notification with a
button; we check the icon registered with the StatusNotifierWatcher, the Notify call
(with the button) reached dunst, and that "clicking" the button through dunst's context
menu comes back to the app as ActionInvoked.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from devtools.rig import DesktopRig, RigError, parse_notify_log
from tests.e2e.conftest import require_desktop

PROBE = textwrap.dedent(
    """
    import asyncio
    import sys

    from PySide6.QtGui import QColor, QIcon, QPixmap
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
    import qasync
    from desktop_notifier import Button, DesktopNotifier

    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor("#e67e22"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray.setContextMenu(menu)
    tray.show()
    print("tray-available", QSystemTrayIcon.isSystemTrayAvailable(), flush=True)

    async def main() -> None:
        pressed = asyncio.Event()
        notifier = DesktopNotifier(app_name="rig-probe")
        await notifier.send(
            title="Probe",
            message="Somebody liked your post",
            buttons=[Button(title="Snooze probe", on_pressed=pressed.set)],
        )
        print("sent", flush=True)
        await asyncio.wait_for(pressed.wait(), 30)
        print("pressed", flush=True)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main())
    """
)

SAMPLE_LOG = """\
method call time=1.5 sender=:1.9 -> destination=:1.2 serial=10 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=Notify
   string "app"
   uint32 0
   string ""
   string "Title"
   string "two
lines with "quotes""
   array [
      string "default"
      string ""
      string "ok"
      string "OK"
   ]
   array [
      dict entry(
         string "urgency"
         variant             byte 1
      )
      dict entry(
         string "image-data"
         variant             struct {
               int32 1
               array of bytes [
                  00 01 02
               ]
            }
      )
   ]
   int32 -1
method return time=1.6 sender=:1.2 -> destination=:1.9 serial=4 reply_serial=10
   uint32 7
signal time=2.0 sender=:1.2 -> destination=:1.9 serial=11 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=ActionInvoked
   uint32 7
   string "ok"
signal time=2.1 sender=:1.2 -> destination=(null destination) serial=12 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=NotificationClosed
   uint32 7
   uint32 2
"""


def test_parse_notify_log() -> None:
    calls, invoked, closed = parse_notify_log(SAMPLE_LOG)
    assert len(calls) == 1
    call = calls[0]
    assert (call.app_name, call.summary, call.id) == ("app", "Title", 7)
    assert call.body == 'two\nlines with "quotes"'
    assert call.actions == (("default", ""), ("ok", "OK"))
    assert call.hints["urgency"] == 1
    assert invoked == [(7, "ok")]
    assert closed == [(7, 2)]


def test_tray_icon_notification_and_button(rig: DesktopRig, tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    items_before = set(rig.sni_items())
    seen_before = len(rig.notifications())
    proc = rig.popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        new_items = rig.wait_for(
            lambda: set(rig.sni_items()) - items_before, 20, what="the probe's SNI item"
        )
        assert len(new_items) == 1

        def probe_call() -> list[object]:
            return [n for n in rig.notifications()[seen_before:] if n.app_name == "rig-probe"]

        rig.wait_for(probe_call, 20, what="the probe's Notify call in notify.log")
        call = [n for n in rig.notifications()[seen_before:] if n.app_name == "rig-probe"][-1]
        assert call.summary == "Probe"
        assert "Snooze probe" in call.labels
        assert call.id is not None

        nid, _key = rig.click("Snooze probe", notification_id=call.id)
        assert nid == call.id
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "tray-available True" in out
    assert "pressed" in out


def test_xembed_tray_comes_up() -> None:
    require_desktop("xembed")
    with DesktopRig("xembed") as xrig:
        run_dir = xrig.run_dir
        done = xrig.run(
            [sys.executable, "-c", PROBE_TRAY_AVAILABLE], capture_output=True, text=True, timeout=30
        )
        assert done.stdout.strip() == "True", done.stderr
    assert not run_dir.exists()


PROBE_TRAY_AVAILABLE = (
    "from PySide6.QtWidgets import QApplication, QSystemTrayIcon; app = QApplication([]);"
    " print(QSystemTrayIcon.isSystemTrayAvailable())"
)


def test_cli_exit_status() -> None:
    require_desktop("none")
    done = subprocess.run(
        [sys.executable, "-m", "devtools.rig", "--tray", "none", "--", "sh", "-c", "exit 3"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3, done.stderr


def test_missing_programs_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(RigError, match=r"Xvfb.*gtk-sni-tray-standalone.*make system-deps"):
        DesktopRig("sni").start()
