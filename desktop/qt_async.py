"""The only module that imports qasync: typed re-exports for the rest of desktop/."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast

import qasync

_T = TypeVar("_T")

QEventLoop = qasync.QEventLoop


def run(coro: Coroutine[Any, Any, _T]) -> _T:
    """Run `coro` on a qasync event loop bound to the existing QApplication."""
    return cast(_T, qasync.run(coro))


AsyncSlot = Callable[..., Coroutine[Any, Any, None]]


def async_slot(*types: type) -> Callable[[AsyncSlot], Callable[..., None]]:
    """Typed wrapper around `qasync.asyncSlot`."""
    return cast(Callable[[AsyncSlot], Callable[..., None]], qasync.asyncSlot(*types))
