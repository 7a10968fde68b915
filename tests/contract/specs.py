"""Loads the bundled HumHub OpenAPI specs (one per server version) for contract tests and
checks httpx exchanges against them with openapi-core.

The folder is ``$STARTPUNT_HUMHUB_API`` or else ``<repo>/../shared/humhub-api``; when it is
absent the contract tests FAIL saying so (tests/contract/conftest.py), unless
``STARTPUNT_SKIP_CONTRACT=1`` is set, which skips them.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import httpx

from tests.contract import overlay

ENV_VAR = "STARTPUNT_HUMHUB_API"
SKIP_VAR = "STARTPUNT_SKIP_CONTRACT"
SPEC_FILES = {
    "1.18": "bundled/humhub-rest-0.11-for-1.18.yaml",
    "1.19": "bundled/humhub-rest-0.12-for-1.19.yaml",
}
VERSIONS = tuple(SPEC_FILES)


def api_folder() -> Path:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2].parent / "shared" / "humhub-api"


def _missing() -> str | None:
    folder = api_folder()
    for name in SPEC_FILES.values():
        if not (folder / name).is_file():
            return (
                f"HumHub API specs not found: {folder / name}; put ../shared/humhub-api next to"
                f" the repository or set {ENV_VAR} to its folder, or set {SKIP_VAR}=1 to skip"
                " the contract tests"
            )
    return None


MISSING = _missing()


@functools.cache
def _bundled(version: str) -> tuple[dict[str, Any], str]:
    from jsonschema_path.readers import FilePathReader  # openapi-core's own dependency

    data, uri = FilePathReader(str(api_folder() / SPEC_FILES[version])).read()
    return dict(data), uri


def build_spec(version: str, *, leave_out: overlay.Deviation | None = None) -> Any:
    """An openapi-core ``OpenAPI`` of the bundled spec plus the overlay (but ``leave_out``)."""
    from openapi_core import OpenAPI  # heavy import: only when a contract test runs

    data, uri = _bundled(version)
    return OpenAPI.from_dict(overlay.apply(data, version, leave_out=leave_out), base_uri=uri)


@functools.cache
def spec(version: str) -> Any:
    """The spec of a server version as the real server answers it: the bundled spec plus
    tests/contract/overlay.py (loaded once)."""
    return build_spec(version)


@functools.cache
def _operations(version: str) -> list[tuple[str, re.Pattern[str]]]:
    paths = spec(version).spec / "paths"
    found = []
    for template in paths.keys():  # noqa: SIM118 - SchemaPath supports keys(), not iteration
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[0-9]+", str(template)) + "$")
        for method in (paths / template).keys():  # noqa: SIM118
            found.append((str(method).upper(), pattern))
    return found


def has_operation(version: str, method: str, path: str) -> bool:
    """Whether the spec of ``version`` describes ``METHOD path`` (path ids are numeric)."""
    return any(m == method.upper() and p.match(path) for m, p in _operations(version))


def _request(request: httpx.Request) -> Any:
    from openapi_core.testing import MockRequest
    from werkzeug.datastructures import MultiDict  # openapi-core's own dependency

    url = request.url
    return MockRequest(
        f"{url.scheme}://{url.netloc.decode()}",
        request.method.lower(),
        url.path,
        args=MultiDict(url.params.multi_items()),
        headers=dict(request.headers),
        data=request.content or None,
        content_type=request.headers.get("content-type", "application/json"),
    )


def _response(response: httpx.Response) -> Any:
    from openapi_core.testing import MockResponse

    return MockResponse(
        response.content,
        status_code=response.status_code,
        headers=dict(response.headers),
        content_type=response.headers.get("content-type", "application/json").split(";")[0],
    )


def validate_request(version: str, request: httpx.Request) -> None:
    spec(version).validate_request(_request(request))


def validate_response(version: str, response: httpx.Response, *, against: Any = None) -> None:
    """Validate ``response`` against ``spec(version)``, or the ``against`` spec object."""
    checker = spec(version) if against is None else against
    checker.validate_response(_request(response.request), _response(response))


def validate(version: str, response: httpx.Response, *, request: bool = True) -> None:
    """Validate the exchange (request unless ``request=False``, and the response)."""
    if request:
        validate_request(version, response.request)
    validate_response(version, response)


def validate_everywhere(response: httpx.Response) -> list[str]:
    """Validate against every spec that has the operation; returns the versions checked."""
    checked = []
    for version in VERSIONS:
        if has_operation(version, response.request.method, response.request.url.path):
            validate(version, response)
            checked.append(version)
    return checked
