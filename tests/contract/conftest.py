"""Contract tests need the bundled specs: without them they FAIL (CI must not pass silently
without its contract checks); ``STARTPUNT_SKIP_CONTRACT=1`` skips them instead."""

from __future__ import annotations

import os

import pytest

from tests.contract import specs


@pytest.fixture(autouse=True)
def _bundled_specs_present() -> None:
    if os.environ.get(specs.SKIP_VAR) == "1":
        pytest.skip(f"{specs.SKIP_VAR}=1 is set: contract tests skipped")
    if specs.MISSING is not None:
        pytest.fail(specs.MISSING, pytrace=False)
