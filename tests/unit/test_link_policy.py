"""Link policy: only https on the intranet host opens (loopback http only in demo)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.link_policy import judge_link

INTRANET = "https://intranet.example.org"


@pytest.mark.parametrize(
    "url",
    [
        "https://intranet.example.org/notification/entry?id=5",
        "/content/perma?id=3",
        "content/perma?id=3",
        "https://INTRANET.example.org/s/algemeen/",
        "https://intranet.example.org./x",
    ],
)
def test_link_policy_allows_intranet_https(url):
    verdict = judge_link(url, intranet=INTRANET)
    assert verdict.allowed, verdict
    assert verdict.url.startswith("https://")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "file:///etc/passwd",
        "smb://intranet.example.org/share",
        "startpunt://do",
        "//evil.example/x",
        "https://evil.example/",
        "https://intranet.example.org@evil.example/",
        "https://user:pw@intranet.example.org/",
        "http://intranet.example.org/",
        "https://intranet.example.org.evil.example/",
        "https://intranet.example.org:8443/",
        "https://\u0456ntranet.example.org/",  # Cyrillic i: an IDN look-alike
        "https://intranet.example.org/\u202egpj.exe",
        "https://intranet.example.org\\@evil.example/",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_link_policy_refuses_everything_else(url):
    assert not judge_link(url, intranet=INTRANET).allowed


def test_link_policy_shows_the_real_host_of_a_refused_link():
    verdict = judge_link("https://intranet.example.org@evil.example/", intranet=INTRANET)
    assert not verdict.allowed
    assert verdict.shown_host == "evil.example"


def test_link_policy_loopback_http_only_in_demo():
    demo = "http://127.0.0.1:8123"
    url = "http://127.0.0.1:8123/notification/entry?id=1"
    assert judge_link(url, intranet=demo, allow_loopback_http=True).allowed
    assert not judge_link(url, intranet=demo, allow_loopback_http=False).allowed
    assert not judge_link(
        "http://10.0.0.1/", intranet="http://10.0.0.1", allow_loopback_http=True
    ).allowed


@given(st.text(max_size=200))
def test_link_policy_never_allows_another_host_or_scheme(suffix):
    verdict = judge_link(suffix, intranet=INTRANET)
    if verdict.allowed:
        assert verdict.url.startswith("https://intranet.example.org/") or (
            verdict.url.lower().startswith("https://intranet.example.org")
        )
        from urllib.parse import urlsplit

        parts = urlsplit(verdict.url)
        assert parts.scheme == "https"
        assert (parts.hostname or "").rstrip(".") == "intranet.example.org"
        assert parts.username is None


@given(
    st.sampled_from(["javascript:", "file:", "//evil.example", "https://intranet.example.org@"]),
    st.text(max_size=50),
)
def test_link_policy_dangerous_prefixes_never_open(prefix, rest):
    verdict = judge_link(prefix + rest, intranet=INTRANET)
    if verdict.allowed:
        from urllib.parse import urlsplit

        assert (urlsplit(verdict.url).hostname or "").rstrip(".") == "intranet.example.org"
        assert not prefix.startswith(("javascript", "file", "https://intranet.example.org@"))


def test_link_policy_explicit_default_port_is_the_same_origin():
    assert judge_link("https://intranet.example.org:443/p/1", intranet=INTRANET).allowed
    assert not judge_link("https://intranet.example.org:8443/p/1", intranet=INTRANET).allowed
