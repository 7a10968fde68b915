"""Keyring backends for tests: a working one in memory, and ones that fail in the ways real
keychains do (locked, erroring, dropping writes, capping length, plaintext)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError


class MemoryKeyring(KeyringBackend):
    """A keychain that works, in memory (test only: nothing survives the process)."""

    priority = 10  # keyring declares it a classproperty; a number works the same

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.writes = 0

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1
        self.entries[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    """Like Secret Service with a locked collection and nobody to unlock it."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")


class ErroringKeyring(MemoryKeyring):
    """A backend whose D-Bus went away: its own exception type, not keyring's."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise ConnectionResetError("bus closed")

    def get_password(self, service: str, username: str) -> str | None:
        raise ConnectionResetError("bus closed")


class DroppingKeyring(MemoryKeyring):
    """Accepts every write and keeps none (seen with misconfigured portals)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1


class CappedKeyring(MemoryKeyring):
    """Windows' Credential Locker: a blob of at most 2560 bytes, stored as UTF-16."""

    MAX_BYTES = 2560

    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password.encode("utf-16-le")) > self.MAX_BYTES:
            raise PasswordSetError("The stub received bad data.")
        super().set_password(service, username, password)


class TruncatingKeyring(MemoryKeyring):
    """Keeps only the first 500 characters of a value, silently."""

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username, password[:500])


class LowPriorityKeyring(MemoryKeyring):
    """A backend keyring itself would only use as a last resort (priority below 1)."""

    priority = 0.5  # type: ignore[assignment]


class HangingKeyring(MemoryKeyring):
    """A locked Secret Service waiting for an unlock prompt nobody answers: every call blocks
    until `release` is set (seen for real with gnome-keyring and no prompter)."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return None
