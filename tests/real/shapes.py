"""JSON shapes and their differences, for comparing the sandbox with the real HumHub.

A shape keeps what a client relies on and drops the values: an object becomes its keys with
their shapes, a scalar becomes its JSON type (``null``, ``bool``, ``int``, ``float``, ``str``),
and a list becomes the merged shape of its items. Items that carry a ``class`` (notifications)
are kept apart by class, so a like's source is not merged with a comment's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_SCALARS = {type(None): "null", bool: "bool", int: "int", float: "float", str: "str"}
EMPTY = "[]"  # a list with no items: compatible with any list


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where the shapes differ (``absent`` when one side has no such key)."""

    path: str
    real: str
    sandbox: str


def shape(value: Any) -> Any:
    """The shape of a JSON value (see the module doc)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        if not value:
            return [EMPTY]
        if all(isinstance(v, dict) and isinstance(v.get("class"), str) for v in value):
            groups: dict[str, list[Any]] = {}
            for item in value:
                groups.setdefault(item["class"].rsplit("\\", 1)[-1], []).append(item)
            return {f"<{name}>": _merged(items) for name, items in sorted(groups.items())}
        return _merged(value)
    return frozenset({_SCALARS.get(type(value), type(value).__name__)})


def _merged(items: list[Any]) -> list[Any]:
    merged: Any = None
    for item in items:
        merged = _merge(merged, shape(item))
    return [merged]


def _merge(a: Any, b: Any) -> Any:
    if a is None:
        return b
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: _merge(a.get(k), b.get(k)) if k in a and k in b else a.get(k, b.get(k))
                for k in {**a, **b}}  # fmt: skip
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return a | b
    if isinstance(a, list) and isinstance(b, list):
        return [b[0] if a[0] == EMPTY else a[0] if b[0] == EMPTY else _merge(a[0], b[0])]
    return frozenset({describe(a), describe(b)})


def describe(s: Any) -> str:
    """A short text for a shape: ``object``, ``list``, ``[]`` or the types, e.g. ``int|null``."""
    if isinstance(s, dict):
        return "object"
    if isinstance(s, list):
        return EMPTY if s[0] == EMPTY else "list"
    return "|".join(sorted(s))


def compare(real: Any, sandbox: Any, path: str = "") -> list[Difference]:
    """Every difference between two shapes, by path (``a.b[].c``)."""
    if isinstance(real, dict) and isinstance(sandbox, dict):
        found: list[Difference] = []
        for key in sorted(set(real) | set(sandbox)):
            where = f"{path}.{key}" if path else key
            if key not in sandbox:
                found.append(Difference(where, describe(real[key]), "absent"))
            elif key not in real:
                found.append(Difference(where, "absent", describe(sandbox[key])))
            else:
                found += compare(real[key], sandbox[key], where)
        return found
    if isinstance(real, list) and isinstance(sandbox, list):
        if EMPTY in (real[0], sandbox[0]):
            return []
        return compare(real[0], sandbox[0], f"{path}[]")
    if describe(real) != describe(sandbox):
        return [Difference(path, describe(real), describe(sandbox))]
    return []
