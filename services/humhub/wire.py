"""Narrowing helpers for decoded JSON: `object` in, precise types (or None) out.

Pure functions; they never raise except `as_object`/`as_list`, which raise ResponseError.
"""

from __future__ import annotations

from services.errors import ResponseError

JsonObject = dict[str, object]

#: Ids are SQLite INTEGERs: 1..2^63-1. Anything else from the server is not an id.
MAX_ID = 2**63 - 1
#: Counts (unread, likes, pages) are clamped here: what a badge or a Qt int can show.
MAX_COUNT = 1_000_000


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


def is_id(value: object) -> bool:
    """Whether `value` is a usable id: an int (not a bool) in 1..MAX_ID."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


def get_id(obj: JsonObject, key: str) -> int | None:
    """A strict id field: an int in 1..MAX_ID, else None (a bigger one would overflow SQLite)."""
    value = obj.get(key)
    return value if is_id(value) and isinstance(value, int) else None


def get_count(obj: JsonObject | None, key: str, *, ceiling: int = MAX_COUNT) -> int:
    """A lenient count: an int or a string of digits (PHP drivers), clamped to 0..ceiling."""
    if obj is None:
        return 0
    value = obj.get(key)
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 20:
        return min(int(value), ceiling)
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(0, value), ceiling)
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
        if -MAX_ID <= value <= MAX_ID:
            return str(value)
        return f"<int of {len(str(abs(value)))} digits>"
    return f"<{type(value).__name__}>"
