"""Build the Linux bundle (PyInstaller, one folder) and wrap it as a .deb.

    python packaging/linux/build_deb.py [--out dist] [--bundle-only] [--reuse-bundle]

Run with the Python of the environment Startpunt is installed in (`make dist` uses .venv).
Writes OUT/bundle/startpunt/ (the bundle: `startpunt` + `_internal/`) and
OUT/startpunt_VERSION_ARCH.deb; prints one line per artifact with its size and build time.
The version is what the built bundle itself answers to `--version`.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import deb_files as f

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "linux" / "startpunt.spec"
ICONS_MODULE = ROOT / "packaging" / "icons.py"
WORK = ROOT / "build"


def build_bundle(out: Path) -> Path:
    """Run PyInstaller; the bundle folder (OUT/bundle/startpunt)."""
    dist = out / "bundle"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR"]
    cmd += ["--distpath", str(dist), "--workpath", str(WORK / "pyinstaller"), str(SPEC)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / "startpunt"


def bundle_version(bundle: Path) -> str:
    """What the bundle says it is (`startpunt --version` -> "startpunt 1.2.3")."""
    done = subprocess.run(
        [str(bundle / "startpunt"), "--version"], capture_output=True, text=True, check=True
    )
    return done.stdout.split()[-1]


def folder_kib(folder: Path) -> int:
    """Disk use as dpkg counts it (sum of file sizes in KiB, rounded up)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def _render_icons() -> Callable[[Path], list[Path]]:
    """`render_hicolor` of packaging/icons.py, loaded by its path: a `packaging` package on
    sys.path would hide the PyPI `packaging` that PyInstaller and desktop-notifier import."""
    spec = importlib.util.spec_from_file_location("startpunt_icons", ICONS_MODULE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {ICONS_MODULE}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    render: Callable[[Path], list[Path]] = module.render_hicolor
    return render


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _write_gzip(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # reproducible


def _release_date() -> str:
    """The date of the commit built (reproducible), else today."""
    done = subprocess.run(
        ["git", "log", "-1", "--format=%cs"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return done.stdout.strip() or datetime.now(UTC).date().isoformat()


def _homepage() -> str | None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    urls: dict[str, str] = project.get("urls", {})
    return next((u for k, u in urls.items() if k.lower() in {"homepage", "home"}), None)


def stage(bundle: Path, version: str, root: Path) -> None:
    """The tree the .deb installs, under `root` (which is emptied first)."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    app = root / f.INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, app, symlinks=True)
    launcher = root / "usr" / "bin" / "startpunt"
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(f"{f.INSTALL_DIR}/startpunt")
    share = root / "usr" / "share"
    _write(share / "applications" / f"{f.APP_ID}.desktop", f.desktop_entry())
    date = _release_date()
    _write(share / "metainfo" / f"{f.APP_ID}.metainfo.xml", f.metainfo(version, date, _homepage()))
    for icon in _render_icons()(share):
        icon.chmod(0o644)
    doc = share / "doc" / "startpunt"
    _write(doc / "copyright", f.copyright_note(date[:4]))
    _write(doc / "policy.example.json", f.policy_example())
    _write(doc / "README.policy", f.policy_readme())
    (root / f.POLICY_DIR.lstrip("/")).mkdir(parents=True)
    _write_gzip(doc / "changelog.gz", f.debian_changelog(version, date).encode())
    _write_gzip(doc / "CHANGELOG.md.gz", (ROOT / "CHANGELOG.md").read_bytes())
    _normalise_modes(root)
    debian = root / "DEBIAN"
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    glibc = os.confstr("CS_GNU_LIBC_VERSION") or "glibc 2.31"
    control = f.control(version, arch, folder_kib(root), glibc.split()[-1])
    _write(debian / "control", control)
    _write(debian / "postinst", f.postinst(), 0o755)
    _write(debian / "postrm", f.postrm(), 0o755)
    debian.chmod(0o755)


def _normalise_modes(root: Path) -> None:
    """Folders 755; the bundle's program and scripts 755; everything else (libraries and
    extension modules too, as Debian wants them) 644."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
            continue
        with path.open("rb") as file:
            head = file.read(2)
        program = path == root / f.INSTALL_DIR.lstrip("/") / "startpunt" or head == b"#!"
        path.chmod(0o755 if program else 0o644)


def build_deb(root: Path, out: Path) -> Path:
    """`dpkg-deb --build` of the staged tree, files owned by root. xz level 1: ~5 s, smaller
    than gzip or zstd here, and what every dpkg and the Debian tools accept (zstd is not)."""
    fields = (root / "DEBIAN" / "control").read_text(encoding="utf-8").splitlines()
    meta = dict(line.split(": ", 1) for line in fields if ": " in line and line[0] != " ")
    deb = out / f"startpunt_{meta['Version']}_{meta['Architecture']}.deb"
    cmd = ["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(root), str(deb)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return deb


def _say(what: str, path: Path, size: int, seconds: float) -> None:
    print(f"{what}: {path} ({size / 2**20:.1f} MiB, {seconds:.1f} s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--bundle-only", action="store_true", help="build the bundle, no .deb")
    parser.add_argument("--reuse-bundle", action="store_true", help="use OUT/bundle if built")
    opts = parser.parse_args(argv)
    out: Path = opts.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    bundle = out / "bundle" / "startpunt"
    if not (opts.reuse_bundle and (bundle / "startpunt").is_file()):
        started = time.monotonic()
        bundle = build_bundle(out)
        _say("bundle", bundle, folder_kib(bundle) * 1024, time.monotonic() - started)
    if opts.bundle_only:
        return 0
    started = time.monotonic()
    staged = WORK / "deb-root"
    stage(bundle, bundle_version(bundle), staged)
    for old in out.glob("startpunt_*.deb"):
        old.unlink()
    deb = build_deb(staged, out)
    _say("deb", deb, deb.stat().st_size, time.monotonic() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
