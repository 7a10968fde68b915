"""The sandbox intranet: a faithful, self-contained double of a HumHub server.

It owns the HumHub REST API double (``/api/v1``), the minimal browser pages, the SQLite
storage, the seeded Dutch demo organisation, the simulated colleagues and the ``/_sandbox``
control API used by tests and demos. It imports nothing from the app (desktop/ui/services).

Start it with :class:`sandbox.server.SandboxServer` or ``python -m sandbox``. The heavy imports
(starlette, uvicorn) happen only when a server is started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox.server import SandboxServer

__all__ = ["SandboxServer"]


def __getattr__(name: str) -> Any:
    if name == "SandboxServer":
        from sandbox.server import SandboxServer

        return SandboxServer
    raise AttributeError(name)
