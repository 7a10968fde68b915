"""A real sandbox intranet on 127.0.0.1 for integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    """A seeded sandbox whose simulation is off, so the tests decide what happens."""
    server = SandboxServer(pace="off", seed=3)
    server.start()
    try:
        yield server
    finally:
        server.stop()
