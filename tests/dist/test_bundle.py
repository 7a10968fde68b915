"""The Linux bundle: starts with no Python on the system, carries its data, needs from the
system only what the .deb's Depends name."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from devtools.rig import DesktopRig, stop_process
from tests.dist.linux_artifacts import Linux, built, deb_files, open_rig, report, time_to_ready

# Bundled files that prove a part is there: the platform plugin, the SVG icon engine, the
# app's translations and icons, the package metadata (`--version`, About), keyring's
# Secret Service backend, the sandbox of --demo.
MUST_HAVE = (
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqwayland.so",
    "_internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "_internal/PySide6/Qt/plugins/imageformats/libqsvg.so",
    "_internal/resources/i18n/startpunt_nl.qm",
    "_internal/resources/icons/startpunt.svg",
    f"_internal/startpunt-{metadata.version('startpunt')}.dist-info/METADATA",
)
LEFT_OUT = (
    "libQt6Qml",
    "libQt6Quick",
    "libQt6Pdf",
    "libgtk-3",
    "libglib-2.0",
    "libX11",
    "libstdc++",
)
SIZE_BUDGET_MIB = 150


@pytest.fixture(scope="module")
def linux(tmp_path_factory: pytest.TempPathFactory) -> Linux:
    return built(tmp_path_factory)


@pytest.fixture(scope="module")
def rig() -> Iterator[DesktopRig]:
    with open_rig() as desktop:
        yield desktop


def _no_python_env(rig: DesktopRig, empty_bin: Path) -> dict[str, str]:
    env = rig.env
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(name, None)
    env["PATH"] = str(empty_bin)
    return env


def test_bundle_starts_without_python_and_alerts_in_dutch(linux, rig, tmp_path):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    env = _no_python_env(rig, empty_bin)
    which = subprocess.run(
        ["/bin/sh", "-c", "command -v python3 || command -v python || exit 7"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    assert which.returncode == 7, f"a Python is on the test's PATH: {which.stdout}"

    version = subprocess.run(
        [str(linux.executable), "--version"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert version.stdout.strip() == f"startpunt {metadata.version('startpunt')}"

    seconds = time_to_ready(
        rig, [str(linux.executable), "--demo", "--profile", str(tmp_path / "p1")], env, tmp_path
    )
    report("bundle start-to-ready (--demo, fresh profile, no Python on PATH)", f"{seconds:.2f} s")

    # In Dutch, until an alert arrives: the .qm files, D-Bus notifications (dbus-fast), the
    # tray (Qt D-Bus) and the sandbox all work from inside the bundle.
    dutch = {**env, "LANG": "nl_NL.UTF-8", "LANGUAGE": "nl", "LC_ALL": "nl_NL.UTF-8"}
    proc = rig.popen(
        [str(linux.executable), "--demo", "--demo-pace", "fast", "--profile", str(tmp_path / "p2")],
        env=dutch,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        rig.wait_for(rig.sni_items, 30, what="the bundle's tray item")
        alerts = rig.wait_for(
            lambda: [c for c in rig.notifications() if c.app_name == "Startpunt"],
            60,
            what="an alert from the bundle",
        )
        assert "Openen" in alerts[0].labels, alerts[0].labels
    finally:
        stop_process(proc)


def test_bundle_keeps_the_token_in_the_secret_service_and_starts_from_it(linux, tmp_path):
    # keyring finds its Secret Service backend through entry points (bundled metadata) and
    # talks to gnome-keyring with jeepney and cryptography, all from inside the bundle.
    with open_rig(keyring=True) as rig:
        sandbox = rig.popen(
            [sys.executable, "-m", "sandbox", "--pace", "off"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert sandbox.stdout is not None
            lines = [sandbox.stdout.readline(), sandbox.stdout.readline()]
            url = next(line.split("=", 1)[1].strip() for line in lines if line.startswith("url="))
            profile = str(tmp_path / "profile")
            empty_bin = tmp_path / "bin"
            empty_bin.mkdir()
            env = _no_python_env(rig, empty_bin)
            login = [str(linux.executable), "login", "--intranet", url, "--user", "demo"]
            done = rig.run(
                [*login, "--profile", profile],
                input="demo\n",
                env=env,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            assert "the token is in the keychain" in done.stdout
            # no --token-env: signed in only if the token comes back out of the keychain
            argv = [str(linux.executable), "--intranet", url, "--profile", profile]
            seconds = time_to_ready(rig, argv, env, tmp_path)
            report("bundle start-to-ready (sandbox, token from gnome-keyring)", f"{seconds:.2f} s")
        finally:
            stop_process(sandbox)
            if sandbox.stdout is not None:
                sandbox.stdout.close()


def test_bundle_holds_its_parts_and_leaves_out_the_unused(linux):
    for relative in MUST_HAVE:
        assert (linux.bundle / relative).is_file(), f"missing from the bundle: {relative}"
    names = {p.name for p in linux.bundle.rglob("*.so*")}
    for prefix in LEFT_OUT:
        assert not any(n.startswith(prefix) for n in names), f"{prefix} is bundled"
    assert not list(linux.bundle.rglob("direct_url.json"))  # no path of the build machine
    size = sum(p.lstat().st_size for p in linux.bundle.rglob("*") if not p.is_dir())
    report("bundle size", f"{size / 2**20:.1f} MiB")
    assert size < SIZE_BUDGET_MIB * 2**20


def _needed(path: Path) -> list[str]:
    done = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", done.stdout)


def _package_of(soname: str) -> str:
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.search(rf"^\s*{re.escape(soname)} \(libc6,x86-64\) => (\S+)$", cache, re.M)
    assert found, f"{soname} is on no library path of this machine"
    for candidate in (found.group(1), str(Path(found.group(1)).resolve())):
        owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    raise AssertionError(f"no package owns {found.group(1)}")


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def _gtk_needs() -> set[str]:
    """The packages GTK 3 itself depends on (what the GTK theme plugin may need besides)."""
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Depends}", "libgtk-3-0t64", "libgtk-3-0"],
        capture_output=True,
        text=True,
    )
    return {re.split(r"[\s(:]", alt.strip())[0] for alt in re.split(r"[,|]", done.stdout)}


def test_bundle_needs_only_libraries_the_deb_depends_on(linux):
    files = deb_files()
    allowed = {"libc6"}
    for entry in files.DEPENDS:
        allowed |= {alt.strip() for alt in entry.split("|")}
    recommended = {alt.strip() for entry in files.RECOMMENDS for alt in entry.split("|")}
    recommended |= _gtk_needs()
    bundled = {p.name for p in linux.bundle.rglob("*.so*")}
    elves = [p for p in linux.bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    elves = [p for p in elves if _is_elf(p)]
    assert len(elves) > 50
    wanted: dict[str, set[str]] = {}
    for elf in elves:
        for soname in _needed(elf):
            if soname not in bundled:
                wanted.setdefault(soname, set()).add(elf.name)
    for soname, users in sorted(wanted.items()):
        package = _package_of(soname)
        if users == {"libqgtk3.so"}:  # the GTK theme plugin: loaded only when GTK is there
            assert package in allowed | recommended, f"{soname} ({package}) for {users}"
        else:
            assert package in allowed, f"{soname} from {package} (for {sorted(users)[:3]})"
