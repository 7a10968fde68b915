"""services/urls.py: the intranet address policy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.errors import InsecureUrlError
from services.urls import api_url, is_loopback, normalise_base_url, origin_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("intranet.example.org", "https://intranet.example.org"),
        ("  HTTPS://Intranet.Example.ORG/  ", "https://intranet.example.org"),
        ("https://intranet.example.org/api/v1/", "https://intranet.example.org"),
        ("https://example.org/humhub/", "https://example.org/humhub"),
        ("https://example.org/humhub/api/v1", "https://example.org/humhub"),
        ("https://intranet.example.org:443", "https://intranet.example.org"),
        ("https://intranet.example.org:8443/", "https://intranet.example.org:8443"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.5.6.7", "http://127.5.6.7"),
        ("http://localhost:3000/", "http://localhost:3000"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("https://[2001:db8::1]", "https://[2001:db8::1]"),
    ],
)
def test_normalise_base_url(raw: str, expected: str) -> None:
    assert normalise_base_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "http://intranet.example.org",
        "http://10.0.0.5",
        "http://128.0.0.1",
        "http://localhost.evil.com",
        "ftp://intranet.example.org",
        "javascript:alert(1)",
        "https://user:pw@intranet.example.org",
        "https://intranet.example.org@evil.example.com",
        "https://intranet.example.org/?access-token=x",
        "https://intranet.example.org/#frag",
        "https://",
        "https://intranet.example.org:99999",
        "file:///etc/passwd",
    ],
)
def test_refused_addresses(raw: str) -> None:
    with pytest.raises(InsecureUrlError):
        normalise_base_url(raw)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("127.0.0.1", True),
        ("127.255.0.9", True),
        ("::1", True),
        ("[::1]", True),
        ("app.localhost", True),
        ("128.0.0.1", False),
        ("::2", False),
        ("localhost.example.com", False),
        ("10.0.0.1", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_origin_and_api_url() -> None:
    assert origin_of("https://Intranet.example.org/x?y") == ("https", "intranet.example.org", 443)
    assert origin_of("http://127.0.0.1:81/") == ("http", "127.0.0.1", 81)
    assert (
        api_url("https://a.example/hh", "/notification")
        == "https://a.example/hh/api/v1/notification"
    )


@given(raw=st.text(max_size=60))
def test_normalise_is_safe_and_idempotent(raw: str) -> None:
    try:
        url = normalise_base_url(raw)
    except InsecureUrlError:
        return
    scheme, host, _ = origin_of(url)
    assert scheme == "https" or is_loopback(host)
    assert "@" not in url.split("/")[2]
    assert normalise_base_url(url) == url
