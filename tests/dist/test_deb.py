"""The .deb: what it holds passes the freedesktop validators; it installs into a scratch root
with `dpkg --root`; a real `apt-get install` puts a launcher in PATH that starts to `ready`,
and remove + purge take everything but the user's data.

The real cycle needs root (CI runs as root) and fails otherwise; it refuses to run where a
`startpunt` package is installed already, and purges only what it installed itself.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.rig import DesktopRig
from services.policy import parse_policy
from tests.dist.linux_artifacts import Linux, built, deb_files, open_rig, report, time_to_ready

FILES = deb_files()
DESKTOP = f"usr/share/applications/{FILES.APP_ID}.desktop"
METAINFO = f"usr/share/metainfo/{FILES.APP_ID}.metainfo.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICONS = [f"usr/share/icons/hicolor/{s}x{s}/apps/startpunt.png" for s in SIZES]
SVG = "usr/share/icons/hicolor/scalable/apps/startpunt.svg"
OURS = ["opt/startpunt", "usr/bin/startpunt", DESKTOP, METAINFO, *ICONS, SVG, "etc/startpunt"]
APT_ENV = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
APT_LOCK = ["-o", "DPkg::Lock::Timeout=120"]


@pytest.fixture(scope="module")
def linux(tmp_path_factory: pytest.TempPathFactory) -> Linux:
    return built(tmp_path_factory)


def _present(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # /usr/bin/startpunt points into /opt


def _run(*cmd: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}{done.stderr}"
    return done.stdout + done.stderr


def _validate(root: Path) -> None:
    _run("desktop-file-validate", str(root / DESKTOP))
    out = _run("appstreamcli", "validate", "--no-net", str(root / METAINFO))
    assert "Validation was successful" in out, out


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_deb_holds_the_app_menu_entry_icons_metainfo_and_policy_example(linux, tmp_path):
    info = _run("dpkg-deb", "--info", str(linux.deb))
    version = _run(str(linux.executable), "--version").split()[-1]
    assert f"Version: {version}" in info
    assert "Package: startpunt" in info
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libdbus-1-3"):
        assert package in info
    assert "conffiles" not in info  # nothing in /etc that could change behaviour
    report(".deb size", f"{linux.deb.stat().st_size / 2**20:.1f} MiB")

    root = tmp_path / "x"
    _run("dpkg-deb", "-x", str(linux.deb), str(root))
    for relative in OURS:
        assert _present(root / relative), relative
    assert str((root / "usr/bin/startpunt").readlink()) == "/opt/startpunt/startpunt"
    assert list((root / "etc/startpunt").iterdir()) == []
    for size, relative in zip(SIZES, ICONS, strict=True):
        assert _png_size(root / relative) == (size, size)
    assert (root / SVG).read_bytes().lstrip().startswith((b"<svg", b"<?xml"))
    _validate(root)
    desktop = (root / DESKTOP).read_text(encoding="utf-8")
    assert "\nExec=startpunt\n" in desktop
    assert "\nIcon=startpunt\n" in desktop
    assert f'<release version="{version}"' in (root / METAINFO).read_text(encoding="utf-8")
    example = root / "usr/share/doc/startpunt/policy.example.json"
    policy = parse_policy(example.read_bytes(), str(example))  # raises when the example is wrong
    assert policy.locked
    assert policy.defaults
    assert policy.launcher_links
    assert json.loads(example.read_text(encoding="utf-8"))["policy_version"] == 1


def _scratch_dpkg(root: Path, *args: str) -> str:
    # Maintainer scripts run outside a chroot (the scratch root has no /bin/sh) and are
    # told the root in $DPKG_ROOT; the system libraries are not in the scratch root's
    # status file, hence --force-depends.
    cmd = ["dpkg", f"--root={root}", "--force-script-chrootless", "--force-depends"]
    return _run(*cmd, "--force-not-root", f"--log={root}/dpkg.log", *args)


def test_deb_installs_into_a_scratch_root_and_purges_cleanly(linux, tmp_path):
    root = tmp_path / "root"
    admin = root / "var/lib/dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    (root / "usr/share/applications").mkdir(parents=True)
    _scratch_dpkg(root, "--install", str(linux.deb))
    for relative in OURS:
        assert _present(root / relative), relative
    # postinst refreshed the menu cache of the scratch root, not of this machine
    assert (root / "usr/share/applications/mimeinfo.cache").is_file()
    status = _scratch_dpkg(root, "--status", "startpunt")
    assert "Status: install ok installed" in status
    _scratch_dpkg(root, "--purge", "startpunt")
    for relative in OURS:
        assert not _present(root / relative), f"{relative} left after purge"


@pytest.fixture(scope="module")
def rig() -> Iterator[DesktopRig]:
    with open_rig() as desktop:
        yield desktop


def _installed_state() -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "startpunt"], capture_output=True, text=True
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def _timed(*cmd: str) -> float:
    started = time.monotonic()
    _run(*cmd, env=APT_ENV)
    return time.monotonic() - started


def test_apt_install_start_remove_purge_keeps_the_users_data(linux, rig, tmp_path):
    if os.geteuid() != 0:
        pytest.fail("the install/remove cycle needs root (CI runs as root); run as root")
    state = _installed_state()
    if state and not state.endswith("not-installed"):
        pytest.fail(f"a startpunt package is on this machine already ({state}): not touching it")
    own = [f"/{r}" for r in OURS if _present(Path("/") / r)]
    if own:  # a copy installed by hand: dpkg would overwrite it and the purge remove it
        pytest.fail(f"{', '.join(own)} exist outside any package: not touching them")
    home = Path(rig.env["HOME"])
    env = {
        **rig.env,
        "PATH": "/usr/bin:/bin",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
    }
    user_data = [home / ".config/Startpunt/settings.json", home / ".local/share/Startpunt/keep"]
    for path in user_data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('{"schema_version": 3}\n', encoding="utf-8")
    installed = True  # from here on: purged at the end, even after a failed install
    try:
        seconds = _timed(
            "apt-get",
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            *APT_LOCK,
            str(linux.deb.resolve()),
        )
        report("apt-get install ./startpunt_*.deb", f"{seconds:.1f} s")
        root = Path("/")
        for relative in OURS:
            assert _present(root / relative), relative
        _validate(root)
        assert subprocess.run(["which", "startpunt"], env=env, capture_output=True).stdout == (
            b"/usr/bin/startpunt\n"
        )
        ready = time_to_ready(
            rig, ["startpunt", "--demo", "--profile", str(tmp_path / "p")], env, tmp_path
        )
        report("installed /usr/bin/startpunt start-to-ready (--demo)", f"{ready:.2f} s")
        # start at login names the installed program, stable across upgrades
        _run("startpunt", "autostart", "on", env=env)
        entry = home / ".config/autostart/startpunt.desktop"
        assert "\nExec=/opt/startpunt/startpunt\n" in entry.read_text(encoding="utf-8")
        kept = {path: path.read_bytes() for path in [*user_data, entry]}

        seconds = _timed("apt-get", "remove", "-y", "-q", *APT_LOCK, "startpunt")
        report("apt-get remove startpunt", f"{seconds:.1f} s")
        for relative in OURS:
            assert not _present(root / relative), f"/{relative} left after remove"
        seconds = _timed("apt-get", "purge", "-y", "-q", *APT_LOCK, "startpunt")
        installed = False
        report("apt-get purge startpunt", f"{seconds:.1f} s")
        assert _installed_state() in ("", "unknown ok not-installed")
        for path, content in kept.items():
            assert path.read_bytes() == content, f"{path} changed by remove/purge"
    finally:
        if installed:  # also after a half-way install (unpacked, not configured)
            subprocess.run(["apt-get", "purge", "-y", "-q", *APT_LOCK, "startpunt"], env=APT_ENV)
            subprocess.run(["dpkg", "--purge", "--force-all", "startpunt"], capture_output=True)
