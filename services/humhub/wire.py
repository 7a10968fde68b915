"""Narrowing helpers for decoded JSON: `object` in, precise types (or None) out.

Pure functions; they never raise except `as_object`/`as_list`, which raise ResponseError.
"""

from __future__ import annotations

from services.errors import ResponseError

JsonObject = dict[str, object]


def as_object(value: object, what: str) -> JsonObject:
    """Return `value` as a JSON object or raise ResponseError naming `what` (never the value)."""
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    raise ResponseError(f"{what}: expected a JSON object, got {type(value).__name__}")


def as_list(value: object, what: str) -> list[object]:
    """Return `value` as a JSON array or raise ResponseError naming `what`."""
    if isinstance(value, list):
        return list(value)
    raise ResponseError(f"{what}: expected a JSON array, got {type(value).__name__}")


def opt_object(value: object) -> JsonObject | None:
    """Return `value` as a JSON object, or None for anything else."""
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    return None


def get_int(obj: JsonObject, key: str) -> int | None:
    """A strict integer field: an int (not a bool), else None."""
    value = obj.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def get_count(obj: JsonObject | None, key: str) -> int:
    """A lenient non-negative count: an int or a string of digits (PHP drivers), else 0."""
    if obj is None:
        return 0
    value = obj.get(key)
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 12:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return max(0, value)
    return 0


def get_str(obj: JsonObject | None, key: str) -> str | None:
    """A string field, else None."""
    if obj is None:
        return None
    value = obj.get(key)
    return value if isinstance(value, str) else None


def get_object(obj: JsonObject | None, key: str) -> JsonObject | None:
    """A nested object field, else None."""
    if obj is None:
        return None
    return opt_object(obj.get(key))


def describe_id(value: object) -> str:
    """A log-safe description of an item's id: the int itself, or only its JSON type."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return f"<{type(value).__name__}>"
