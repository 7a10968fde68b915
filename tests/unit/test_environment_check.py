"""The shared-environment check reads real `.dist-info` folders, the way installers leave them."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.environment_check import TOP_LEVEL, Clash, advice, clashes
from tests.fakes.distributions import write_dist_info


def test_a_distribution_whose_top_level_txt_names_one_of_ours_clashes(tmp_path: Path) -> None:
    write_dist_info(tmp_path, "oldtool", "2.3", top_level=["resources", "oldtool"])
    assert clashes([str(tmp_path)]) == [Clash("oldtool", "2.3", ("resources",))]


def test_without_top_level_txt_the_record_tells_packages_and_modules(tmp_path: Path) -> None:
    record = [
        "ui/__init__.py",
        "ui/__pycache__/__init__.cpython-311.pyc",
        "services.py",
        "sandbox.cpython-311-x86_64-linux-gnu.so",
        "helper.py",
        "../../../bin/wizard",
    ]
    write_dist_info(tmp_path, "wizardkit", "0.9", record=record)
    assert clashes([str(tmp_path)]) == [Clash("wizardkit", "0.9", ("sandbox", "services", "ui"))]


def test_names_that_only_start_like_ours_do_not_clash(tmp_path: Path) -> None:
    record = [
        "desktop_notifier/__init__.py",
        "uikit/__init__.py",
        "resources_extra.py",
        "services.txt",
        "tests/__init__.py",
        "desktop.data/scripts/run",
        "sandbox-1.0.dist-info/METADATA",
    ]
    write_dist_info(tmp_path, "lookalike", record=record)
    write_dist_info(tmp_path, "plain", top_level=["plain", ""])
    assert clashes([str(tmp_path)]) == []


def test_startpunt_itself_is_not_a_clash_whatever_the_spelling(tmp_path: Path) -> None:
    write_dist_info(tmp_path, "Startpunt", "0.2.0", record=[f"{n}/__init__.py" for n in TOP_LEVEL])
    assert clashes([str(tmp_path)]) == []


def test_each_distribution_counts_once_the_first_found_as_imports_do(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_dist_info(first, "oldtool", "2.0", top_level=["desktop"])
    write_dist_info(second, "oldtool", "1.0", top_level=["desktop", "ui"])
    write_dist_info(second, "Other_Tool", "3", top_level=["ui"])
    assert clashes([str(first), str(second)]) == [
        Clash("oldtool", "2.0", ("desktop",)),
        Clash("Other_Tool", "3", ("ui",)),
    ]


def test_broken_metadata_is_passed_over_without_a_crash(tmp_path: Path) -> None:
    write_dist_info(tmp_path, "nameless", metadata=False, top_level=["ui"])
    broken = write_dist_info(tmp_path, "badrecord")
    (broken / "RECORD").write_bytes(b'"ui/__init__.py\n\xff\xfe,\x00"')
    write_dist_info(tmp_path, "good", top_level=["sandbox"])
    assert clashes([str(tmp_path)]) == [Clash("good", "1.0", ("sandbox",))]


def test_the_default_looks_on_sys_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert clashes() == []  # this environment: Startpunt and its own dependencies only
    write_dist_info(tmp_path, "oldtool", "2.3", top_level=["services"])
    monkeypatch.syspath_prepend(str(tmp_path))
    assert clashes() == [Clash("oldtool", "2.3", ("services",))]


def test_the_advice_names_the_other_distribution_the_names_and_the_way_out() -> None:
    text = advice(Clash("oldtool", "2.3", ("resources", "ui")))
    assert "oldtool 2.3" in text
    assert "resources, ui" in text
    assert "pipx install" in text
    assert "environment of its own" in text
