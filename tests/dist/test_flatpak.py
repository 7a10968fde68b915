"""The Flatpak manifest: checked for its keys and permissions only (flatpak-builder cannot
download runtimes here, so it is never built in this project's CI)."""

from __future__ import annotations

import json

from tests.dist.linux_artifacts import ROOT, deb_files

FILES = deb_files()
MANIFEST = ROOT / "packaging" / "flatpak" / f"{FILES.APP_ID}.json"
PERMISSIONS = {
    "--share=ipc",
    "--share=network",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--talk-name=org.freedesktop.Notifications",
    "--talk-name=org.kde.StatusNotifierWatcher",
    "--own-name=org.kde.StatusNotifierItem-2-1",
    "--talk-name=org.freedesktop.secrets",
}


def test_manifest_names_the_app_runtime_and_command():
    doc = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert doc["app-id"] == FILES.APP_ID  # = the desktop file id and the AppStream id
    assert doc["runtime"] == "org.freedesktop.Platform"
    assert doc["sdk"] == "org.freedesktop.Sdk"
    assert doc["runtime-version"]
    assert doc["command"] == "startpunt"
    assert doc["rename-icon"] == FILES.ICON_NAME  # exported as the app id's icon
    (module,) = doc["modules"]
    assert module["buildsystem"] == "simple"
    commands = "\n".join(module["build-commands"])
    assert "/app/bin/startpunt" in commands
    assert "usr/share/applications" in commands
    assert module["sources"] == [{"type": "dir", "path": "../../build/deb-root"}]


def test_manifest_asks_only_for_the_permissions_the_app_uses():
    doc = json.loads(MANIFEST.read_text(encoding="utf-8"))
    args = doc["finish-args"]
    assert len(args) == len(set(args))
    assert set(args) == PERMISSIONS
    assert not [a for a in args if a.startswith(("--filesystem", "--socket=session-bus"))]
