"""Screenshots of the Settings, Help & tips and About windows in English and Dutch, taken in
the desktop rig (a real X server), to look at after changing a window or a translation.

    python -m devtools.window_shots OUTDIR

Each window is shown by a child process (`--show KIND LANGUAGE PAGE`) under the rig's X
server; the rig takes the screenshot once the child says it has painted. The settings shots
show a locked setting and a refused time zone; the help shots scroll through the page.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import time
from pathlib import Path

from devtools.desktop_rig import DesktopRig
from devtools.rig_processes import RigError, stop_process

SHOTS = [("settings", 0), ("settings", 1), ("settings", 2), ("help", 0), ("help", 2)]
SHOTS += [("help", 3), ("about", 0)]
PAINTED_MS = 800


def _show(kind: str, language: str, page: int) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

    from desktop.i18n import install_translations

    app = QApplication(sys.argv[:1])
    install_translations(app, language)
    window: QWidget
    if kind == "settings":
        from desktop.settings_host import declared_window
        from services.quiet_hours import weekly
        from services.settings import Settings

        settings_window = declared_window()
        hours = weekly(range(4), time(8, 30), time(17, 0))
        shown = Settings(leaders=("Directie", "Petra de Vries"), working_hours=hours)
        settings_window.set_settings(shown, frozenset({"leaders"}))
        settings_window.tabs.setCurrentIndex(page)
        if page == 1:
            zone = settings_window.rows["server_time_zone"].editor
            if isinstance(zone, QLineEdit):
                zone.setText("Amsterdam")
            settings_window.save()
        window = settings_window
    elif kind == "help":
        from desktop.app_windows import post_command
        from desktop.paths import Paths
        from ui.help_window import HelpWindow

        help_window = HelpWindow(post_command(None), str(Paths.resolve(None).log))
        bar = help_window.browser.verticalScrollBar()
        QTimer.singleShot(PAINTED_MS // 2, lambda: bar.setValue(bar.maximum() * page // 3))
        window = help_window
    else:
        from services.licences import own_part, shipped_parts
        from ui.about_window import AboutWindow

        window = AboutWindow(own_part(), shipped_parts())
    window.move(0, 0)
    window.show()
    QTimer.singleShot(PAINTED_MS, lambda: print("painted", flush=True))  # noqa: T201
    return app.exec()


def take(out: Path) -> list[Path]:
    """Every shot in both languages, trimmed to the window; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with DesktopRig("none") as rig:
        for language in ("en", "nl"):
            for kind, page in SHOTS:
                args = [sys.executable, "-m", "devtools.window_shots", "--show", kind, language]
                child = rig.popen([*args, str(page)], stdout=subprocess.PIPE, text=True)
                said = child.stdout.readline().strip() if child.stdout else ""
                if said != "painted":
                    stop_process(child)
                    raise RigError(f"{kind} ({language}) did not paint: {said!r}")
                path = rig.screenshot(out / f"{kind}-{page}-{language}.png")
                rig.run(["convert", str(path), "-trim", str(path)], check=True)
                stop_process(child)
                taken.append(path)
    return taken


def main(argv: list[str]) -> int:
    if argv[:1] == ["--show"] and len(argv) == 4:
        return _show(argv[1], argv[2], int(argv[3]))
    if len(argv) != 1:
        sys.stderr.write("usage: python -m devtools.window_shots OUTDIR\n")
        return 2
    for path in take(Path(argv[0])):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
