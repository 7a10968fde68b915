"""The Windows and macOS build recipes, checked as far as Linux can: the PyInstaller specs run
with recorders in place of PyInstaller's build steps (its hooks and version classes are the
real ones), the Inno Setup script and the release workflow are read and cross-checked against
the app's own ids. Building and installing on Windows and macOS happens in CI only."""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from desktop.autostart import AGENT_LABEL, RUN_KEY, RUN_VALUE

ROOT = Path(__file__).resolve().parents[2]
SPECS = {
    "windows": ROOT / "packaging/windows/startpunt.spec",
    "macos": ROOT / "packaging/macos/startpunt.spec",
}
ISS = ROOT / "packaging/windows/startpunt.iss"
WORKFLOW = ROOT / ".github/workflows/release.yml"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
INNO_APP_ID = "{{CC8E2A83-5B8F-41F8-91E5-4FE2589357B3}"  # never to change: upgrades find it


class Step:
    """Stands for one of PyInstaller's build steps (Analysis, EXE, ...): keeps its arguments."""

    made: list[Step]

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.pure = self.scripts = self.binaries = self.datas = [kind]
        Step.made.append(self)


def _run_spec(name: str, build: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Step]]:
    monkeypatch.setenv("STARTPUNT_BUILD", str(build))
    monkeypatch.delenv("MACOS_SIGN_IDENTITY", raising=False)
    Step.made = []
    spec = SPECS[name]
    namespace: dict[str, Any] = {"SPECPATH": str(spec.parent), "__file__": str(spec)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = lambda *a, _kind=kind, **k: Step(_kind, *a, **k)
    # PyInstaller runs a spec file just so: exec() with its build steps as globals
    exec(compile(spec.read_text("utf-8"), str(spec), "exec"), namespace)  # noqa: S102
    steps: dict[str, list[Step]] = {}
    for step in Step.made:
        steps.setdefault(step.kind, []).append(step)
    return steps


def _module_exists(name: str) -> bool:
    import importlib.util

    parent, _, leaf = name.rpartition(".")
    folder = Path(importlib.util.find_spec(parent).origin).parent  # type: ignore[union-attr,arg-type]
    return (
        (folder / leaf / "__init__.py").is_file()
        or any(folder.glob(f"{leaf}.*py*"))
        or any(folder.glob(f"{leaf}.*so"))
    )


@pytest.mark.parametrize("name", SPECS)
def test_spec_compiles(name: str) -> None:
    compile(SPECS[name].read_text("utf-8"), str(SPECS[name]), "exec")


def _check_analysis(analysis: Step) -> None:
    (entry,) = analysis.args[0]
    assert Path(entry).is_file()
    data = {Path(source).name for source, _ in analysis.kwargs["datas"]}
    assert {"startpunt.svg", "startpunt-small.svg", "startpunt_nl.qm"} <= data
    assert not any(name.endswith(".ts") for name in data)
    targets = {Path(target).name for _, target in analysis.kwargs["datas"]}
    assert any(re.fullmatch(r"startpunt-.+\.dist-info", name) for name in targets)
    for module in analysis.kwargs["hiddenimports"]:
        assert _module_exists(module), module


def test_windows_spec_builds_a_windowed_exe_a_console_exe_and_an_icon(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _run_spec("windows", tmp_path, monkeypatch)
    _check_analysis(steps["Analysis"][0])
    tray, cli = steps["EXE"]
    assert (tray.kwargs["name"], tray.kwargs["console"]) == ("startpunt", False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("startpunt-cli", True)
    icon = Path(tray.kwargs["icon"])
    assert icon == tmp_path / "icons" / "startpunt.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an icon directory
    info = Path(tray.kwargs["version"]).read_text("utf-8")
    assert cli.kwargs["version"] == tray.kwargs["version"]
    numbers = tuple(int(n) for n in re.findall(r"\d+", VERSION)[:3])
    assert f"filevers={(*numbers, 0)}" in info
    assert f"StringStruct('ProductVersion', '{VERSION}')" in info
    # PyInstaller evaluates the file as one expression of its version classes (on Windows)
    names = set(re.findall(r"\b([A-Z]\w+)\(", info))
    assert names == {
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    }
    compile(info, "version_info.txt", "eval")
    (collect,) = steps["COLLECT"]
    assert collect.kwargs["name"] == "startpunt"
    assert collect.args[:2] == (tray, cli)


def test_macos_spec_builds_a_tray_only_bundle_with_the_app_id(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _run_spec("macos", tmp_path, monkeypatch)
    _check_analysis(steps["Analysis"][0])
    (exe,) = steps["EXE"]
    assert exe.kwargs["console"] is False
    assert exe.kwargs["codesign_identity"] is None  # signing only with MACOS_SIGN_IDENTITY
    entitlements = plistlib.loads(Path(exe.kwargs["entitlements_file"]).read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
    (bundle,) = steps["BUNDLE"]
    assert bundle.kwargs["name"] == "Startpunt.app"
    assert bundle.kwargs["bundle_identifier"] == AGENT_LABEL  # the LaunchAgent's label
    plist = bundle.kwargs["info_plist"]
    assert plist["LSUIElement"] is True
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == VERSION
    assert {"CFBundleName", "CFBundleDisplayName", "NSHighResolutionCapable"} <= set(plist)
    plistlib.dumps(plist)  # every value fits a property list
    assert Path(bundle.kwargs["icon"]) == tmp_path / "icons" / "startpunt.icns"
    iconset = sorted(p.name for p in (tmp_path / "icons" / "startpunt.iconset").iterdir())
    assert len(iconset) == 10
    assert "icon_512x512@2x.png" in iconset


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if re.fullmatch(r"\[[A-Za-z]+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current and line and not line.startswith(";"):
            sections[current].append(line)
    return sections


def _iss_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'#define (\w+) "([^"]*)"', text))


def test_inno_setup_script_has_what_an_installer_needs() -> None:
    text = ISS.read_text("utf-8")
    sections = _iss_sections(text)
    assert {"Setup", "Languages", "Tasks", "Files", "Icons", "Registry", "Run", "Code"} <= set(
        sections
    )
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppId"] == INNO_APP_ID
    assert setup["PrivilegesRequired"] == "lowest"  # per user, unless "all users" is chosen
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"]
    defines = _iss_defines(text)
    assert (defines["RunKey"], defines["RunValue"]) == (RUN_KEY, RUN_VALUE)
    assert defines["AppId"] == AGENT_LABEL
    (registry,) = sections["Registry"]
    assert "Root: HKCU" in registry
    assert "Tasks: autostart" in registry
    assert "uninsdeletevalue" in registry
    assert any("{autoprograms}" in line for line in sections["Icons"])  # Start menu
    assert any(line.startswith('Name: "autostart"') for line in sections["Tasks"])
    assert "UninstallDelete" not in sections  # the user's data stays
    code = "\n".join(sections["Code"])
    assert "usPostUninstall" in code
    assert len(re.findall(r"\bbegin\b", code)) == len(re.findall(r"\bend;", code))


def test_inno_setup_script_refers_to_repo_files_or_build_outputs() -> None:
    text = ISS.read_text("utf-8")
    defines = _iss_defines(text)
    here = ISS.parent

    def resolve(value: str) -> Path:
        for name, replacement in defines.items():
            value = value.replace("{#" + name + "}", replacement)
        return (here / value.replace("\\", "/")).resolve()

    setup = dict(line.split("=", 1) for line in _iss_sections(text)["Setup"])
    # outputs of packaging/windows/startpunt.spec (dist/startpunt/, build/icons/startpunt.ico)
    assert resolve(setup["SetupIconFile"]) == ROOT / "build" / "icons" / "startpunt.ico"
    assert resolve(setup["OutputDir"]) == ROOT / "dist"
    sources = re.findall(r'Source: "([^"]+)"', text)
    assert [resolve(s) for s in sources] == [ROOT / "dist" / "startpunt" / "*"]


def test_release_workflow_builds_on_the_three_systems() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "workflow_dispatch" in triggers
    jobs = workflow["jobs"]
    assert {job["runs-on"] for job in jobs.values()} == {
        "ubuntu-latest",
        "windows-latest",
        "macos-latest",
    }
    runs = {name: "\n".join(s.get("run", "") for s in job["steps"]) for name, job in jobs.items()}
    assert "make dist" in runs["linux"]
    assert "packaging\\windows\\startpunt.spec" in runs["windows"]
    assert "packaging\\windows\\startpunt.iss" in runs["windows"]
    assert "packaging/macos/startpunt.spec" in runs["macos"]
    assert "packaging/macos/make_dmg.sh" in runs["macos"]
    for name, job in jobs.items():
        uses = [s["uses"] for s in job["steps"] if "uses" in s]
        assert uses[:2] == ["actions/checkout@v4", "actions/setup-python@v5"], name
        assert uses[-1] == "actions/upload-artifact@v4", name
        assert "pip install -e '.[dev]'" in runs[name], name
    for path in re.findall(r"packaging[\\/][\w\\/.-]+", "\n".join(runs.values())):
        assert (ROOT / path.replace("\\", "/")).is_file(), path


def test_make_dmg_refuses_clearly_without_an_app(tmp_path: Path) -> None:
    script = ROOT / "packaging/macos/make_dmg.sh"
    assert script.stat().st_mode & 0o111
    subprocess.run(["bash", "-n", str(script)], check=True)
    done = subprocess.run(
        [str(script), str(tmp_path / "Startpunt.app")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "no app bundle" in done.stderr


def test_bundle_entry_runs_without_standard_streams() -> None:
    # what a windowed Windows exe gets: no stdout or stderr at all
    code = (
        "import runpy, sys; sys.stdout = None; sys.stderr = None; "
        "sys.argv = ['startpunt', '--version']; "
        f"runpy.run_path({str(ROOT / 'packaging/entry.py')!r}, run_name='__main__')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
