"""Where the real HumHub differs from the bundled specs: ONE overlay, applied on top of them.

The bundled specs describe some fields as always a string, or `files` as an object; the real
server (HumHub 1.18.5 + REST 0.11.5, ../shared/humhub-real) sends ``null`` and ``[]``. The
server wins: every contract test validates against bundled + this overlay
(tests/contract/specs.py), the sandbox sends the server's shapes, and
tests/contract/test_real_contract.py shows each entry is still needed (validating a real answer
without that one entry fails) and that nothing else differs.

| schema          | field          | the spec says      | the real server sends                  |
|-----------------|----------------|--------------------|----------------------------------------|
| Account         | language       | string             | null until the user picks a language   |
| Account         | authclient_id  | string (1.18 only) | null for local accounts                |
| Profile         | every field    | string / integer   | null for each field left empty         |
| ContentMetadata | scheduled_at   | string             | null unless the content is scheduled   |
| Content         | files          | object (one File)  | a list of File, [] without attachments |
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

EVERY = "*"


@dataclass(frozen=True, slots=True)
class Deviation:
    """One documented difference: ``schema.field`` becomes nullable, or a list of File."""

    schema: str
    field: str  # a property name, or EVERY property of the schema
    change: str  # "nullable" | "list of File"
    why: str
    versions: tuple[str, ...] = ("1.18", "1.19")


OVERLAY: tuple[Deviation, ...] = (
    Deviation("Account", "language", "nullable", "null until the user picks a language"),
    Deviation(
        "Account", "authclient_id", "nullable", "null for local accounts", versions=("1.18",)
    ),
    Deviation("Profile", EVERY, "nullable", "profile columns are NULL until filled in"),
    Deviation("ContentMetadata", "scheduled_at", "nullable", "null unless scheduled"),
    Deviation("Content", "files", "list of File", "a (usually empty) list, never an object"),
)


def _change(schema: dict[str, Any], change: str) -> None:
    if change == "nullable":
        schema["nullable"] = True
        return
    if change == "list of File":
        schema.clear()
        schema.update(
            {"type": "array", "readOnly": True, "items": {"$ref": "#/components/schemas/File"}}
        )
        return
    raise ValueError(f"unknown change {change!r}")


def apply(
    spec: dict[str, Any], version: str, *, leave_out: Deviation | None = None
) -> dict[str, Any]:
    """A copy of the bundled ``spec`` with the overlay of ``version`` applied (but
    ``leave_out``). Raises KeyError when a deviation names a field the spec does not have,
    so the overlay cannot drift from the specs silently."""
    patched = copy.deepcopy(spec)
    schemas = patched["components"]["schemas"]
    for deviation in OVERLAY:
        if version not in deviation.versions or deviation == leave_out:
            continue
        properties = schemas[deviation.schema]["properties"]
        names = list(properties) if deviation.field == EVERY else [deviation.field]
        for name in names:
            if deviation.field == EVERY and properties[name].get("writeOnly"):
                continue
            _change(properties[name], deviation.change)
    return patched
