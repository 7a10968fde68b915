"""One declaration per setting: complete, round-tripping, each one read by the app, versioned."""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import fields
from pathlib import Path

import pytest

from services import settings as settings_module
from services.settings import (
    BY_NAME,
    DECLARATIONS,
    Settings,
    check_declarations,
    load,
    load_with_names,
    save,
)

ROOT = Path(__file__).resolve().parents[2]
# The modules that declare, store or combine settings: a mention there is not a reader.
NOT_READERS = {"settings.py", "settings_file.py", "settings_model.py", "setting_values.py"}


def test_every_settings_field_is_declared_once() -> None:
    check_declarations()
    names = [d.name for d in DECLARATIONS]
    assert len(names) == len(set(names))
    assert set(names) == {f.name for f in fields(Settings)}


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=lambda d: d.name)
def test_each_declaration_round_trips_its_default_and_has_a_label(declaration) -> None:
    encoded = declaration.encode(declaration.default)
    json.dumps(encoded)  # plain JSON
    assert declaration.decode(encoded) == declaration.default
    assert isinstance(declaration.default, declaration.type)
    assert declaration.label
    assert declaration.help


def _app_sources() -> str:
    texts = []
    for folder in ("desktop", "ui", "services"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.parent.name == "services" and path.name in NOT_READERS:
                continue
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_nothing_is_written_that_is_not_read(name: str) -> None:
    """Every declared setting is read as an attribute somewhere in the app's code."""
    assert re.search(rf"\.{name}\b", _app_sources()), f"no reader of the setting {name!r}"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("intranet.example.org", "https://intranet.example.org"),
        (" HTTPS://Intranet.Example.org:8443/ ", "https://intranet.example.org:8443"),
        ("https://intranet.example.org:443/api/v1", "https://intranet.example.org"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("", ""),
    ],
)
def test_intranet_url_is_normalised(typed: str, kept: str) -> None:
    assert BY_NAME["intranet_url"].decode(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "http://intranet.example.org",
        "https://user:pw@intranet.example.org",
        "https://intranet.example.org/?next=1",
        "https://intranet.example.org/humhub",
        "ftp://intranet.example.org",
    ],
)
def test_intranet_url_refuses_what_we_must_not_use(typed: str, tmp_path, caplog) -> None:
    with pytest.raises(ValueError, match=r"refused|without a path|unsupported"):
        BY_NAME["intranet_url"].decode(typed)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 3, "intranet_url": typed, "leaders": ["A"]}))
    loaded = load(path)
    assert loaded.intranet_url == ""
    assert loaded.leaders == ("A",)
    assert "invalid intranet_url" in caplog.text


def test_version_2_file_is_upgraded_to_3(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 2, "thanks_text": "Dank!"}))
    loaded, names = load_with_names(path)
    assert (loaded.thanks_text, loaded.intranet_url, loaded.autostart) == ("Dank!", "", False)
    assert names == {"thanks_text"}
    save(path, loaded)
    written = json.loads(path.read_text())
    assert written["schema_version"] == settings_module.SCHEMA_VERSION == 3
    assert written["intranet_url"] == ""
    assert written["autostart"] is False


def test_load_with_names_lists_only_what_the_file_holds_validly(tmp_path) -> None:
    path = tmp_path / "settings.json"
    doc = {"schema_version": 3, "autostart": True, "poll_interval": "soon", "leaders": ["B"]}
    path.write_text(json.dumps(doc))
    loaded, names = load_with_names(path)
    assert names == {"autostart", "leaders"}
    assert loaded.autostart is True


def test_save_only_some_names_writes_only_those(tmp_path) -> None:
    path = tmp_path / "settings.json"
    save(path, Settings(thanks_text="Top!"), frozenset({"thanks_text"}))
    assert json.loads(path.read_text()) == {"schema_version": 3, "thanks_text": "Top!"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_saving_over_a_world_readable_file_leaves_it_0600(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{}")
    path.chmod(0o644)
    save(path, Settings(autostart=True))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load(path).autostart is True


def test_version_2_defaults_of_policy_settings_are_not_taken_as_choices(tmp_path) -> None:
    """Version 2 wrote every default at first start; those must not hide IT's defaults."""
    path = tmp_path / "settings.json"
    doc = {"schema_version": 2, "working_hours": [], "leaders": ["Petra"], "guidelines_url": ""}
    path.write_text(json.dumps({**doc, "thanks_text": ""}))
    _, names = load_with_names(path)
    assert names == {"leaders", "thanks_text"}
