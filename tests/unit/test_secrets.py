"""services.secrets: the token only in a keychain that keeps it; otherwise this session only."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from services.secrets import (
    ACCOUNT_KEY,
    MAX_PARTS,
    PART_CHARS,
    Storage,
    TokenStore,
    backend_refusal,
    service_for,
)
from tests.fakes.keyrings import (
    CappedKeyring,
    DroppingKeyring,
    ErroringKeyring,
    HangingKeyring,
    LockedKeyring,
    LowPriorityKeyring,
    MemoryKeyring,
    TruncatingKeyring,
)

ORIGIN = "https://intranet.example"
TOKEN = "eyJhbGciOiJIUzUxMiJ9.eyJ1aWQiOjJ9.c2lnbmF0dXJl"


def store(backend: KeyringBackend | str) -> TokenStore:
    return TokenStore(lambda: backend)


def test_saves_reads_back_and_loads_the_token_of_the_signed_in_account() -> None:
    keychain = MemoryKeyring()
    tokens = store(keychain)
    assert tokens.save(ORIGIN, "alice", TOKEN).storage is Storage.KEYCHAIN
    loaded = store(keychain).load(ORIGIN + "/")
    assert (loaded.token, loaded.username, loaded.problem) == (TOKEN, "alice", "")
    assert keychain.entries[(service_for(ORIGIN), ACCOUNT_KEY)] == "alice"


def test_a_second_sign_in_replaces_the_first() -> None:
    keychain = MemoryKeyring()
    store(keychain).save(ORIGIN, "alice", TOKEN)
    store(keychain).save(ORIGIN, "bobby", "other-token")
    assert store(keychain).load(ORIGIN).token == "other-token"


@pytest.mark.parametrize(
    "backend", [LockedKeyring(), ErroringKeyring(), DroppingKeyring(), TruncatingKeyring()]
)
def test_a_keychain_that_fails_or_loses_writes_means_session_only(
    backend: MemoryKeyring,
) -> None:
    result = store(backend).save(ORIGIN, "alice", TOKEN * 20)
    assert result.storage is Storage.SESSION_ONLY
    assert result.reason
    assert TOKEN not in result.reason


def test_a_dropped_write_is_not_left_half_written() -> None:
    keychain = TruncatingKeyring()
    store(keychain).save(ORIGIN, "alice", "x" * 2500)
    assert keychain.entries == {}
    assert store(keychain).load(ORIGIN).problem == "none"


@pytest.mark.parametrize("backend", [LockedKeyring(), ErroringKeyring()])
def test_load_from_an_unusable_keychain_says_so(backend: MemoryKeyring) -> None:
    loaded = store(backend).load(ORIGIN)
    assert loaded.token == ""
    assert loaded.problem.startswith("unavailable")
    assert not loaded.available


def test_no_keychain_at_all_means_session_only() -> None:
    tokens = store("no keychain: none found")
    assert tokens.save(ORIGIN, "alice", TOKEN).storage is Storage.SESSION_ONLY
    assert tokens.load(ORIGIN).problem.startswith("unavailable")
    assert tokens.delete(ORIGIN) == "no keychain: none found"


def test_a_token_longer_than_windows_allows_is_split_and_joined() -> None:
    keychain = CappedKeyring()
    long_jwt = "eyJ" + "a" * 5000 + ".b.c"
    assert store(keychain).save(ORIGIN, "alice", long_jwt).storage is Storage.KEYCHAIN
    assert store(keychain).load(ORIGIN).token == long_jwt
    assert all(len(v.encode("utf-16-le")) <= 2560 for v in keychain.entries.values())
    assert len(keychain.entries) == 2 + -(-len(long_jwt) // PART_CHARS)


def test_an_absurdly_long_token_is_refused_clearly() -> None:
    keychain = MemoryKeyring()
    result = store(keychain).save(ORIGIN, "alice", "a" * (PART_CHARS * MAX_PARTS + 1))
    assert result == (result.__class__(Storage.SESSION_ONLY, "token too long"))
    assert keychain.writes == 0


def test_parts_that_do_not_match_their_header_read_as_no_token() -> None:
    keychain = MemoryKeyring()
    store(keychain).save(ORIGIN, "alice", "a" * 2500)
    keychain.entries[(service_for(ORIGIN), "alice#2")] = "b" * PART_CHARS  # a torn rewrite
    assert store(keychain).load(ORIGIN).problem == "none"


def test_delete_removes_every_entry() -> None:
    keychain = MemoryKeyring()
    store(keychain).save(ORIGIN, "alice", "a" * 2500)
    store(keychain).save("https://other.example", "alice", TOKEN)
    assert store(keychain).delete(ORIGIN) is True
    assert all(service != service_for(ORIGIN) for service, _ in keychain.entries)
    assert store(keychain).delete(ORIGIN) is False
    assert store(keychain).load("https://other.example").token == TOKEN


class _Plaintext(MemoryKeyring):
    pass


_Plaintext.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize(
    "backend", [fail.Keyring(), null.Keyring(), _Plaintext(), LowPriorityKeyring()]
)
def test_plaintext_fail_and_null_backends_are_refused(backend: KeyringBackend) -> None:
    assert backend_refusal(backend)
    assert backend_refusal(MemoryKeyring()) == ""


def test_default_backend_skips_refused_ones_in_a_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    from services import secrets

    good = MemoryKeyring()
    chain: list[KeyringBackend] = [_Plaintext(), good]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", chain)
    monkeypatch.setattr(keyring, "get_keyring", chainer.ChainerBackend)
    assert secrets.default_backend() is good
    chain.remove(good)
    assert isinstance(secrets.default_backend(), str)
    monkeypatch.setattr(keyring, "get_keyring", lambda: null.Keyring())
    assert isinstance(secrets.default_backend(), str)


def test_a_keychain_that_never_answers_fails_closed_within_the_deadline() -> None:
    import time

    keychain = HangingKeyring()
    tokens = TokenStore(lambda: keychain, timeout_s=0.3)
    try:
        started = time.monotonic()
        assert tokens.save(ORIGIN, "alice", TOKEN).storage is Storage.SESSION_ONLY
        assert tokens.load(ORIGIN).problem.startswith("unavailable")
        assert isinstance(tokens.delete(ORIGIN), str)
        assert time.monotonic() - started < 10
    finally:
        keychain.release.set()
