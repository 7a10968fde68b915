"""Certificates for TLS tests: a throwaway CA and a leaf for a host (needs `cryptography`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest


def make_cert(
    subject: str, issuer_key: Any, *, key: Any, ca: Any = None, validity: tuple[datetime, datetime]
) -> Any:
    """One X.509 certificate for `subject`, signed by `issuer_key` (self-signed if no `ca`)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name if ca is None else ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(validity[0])
        .not_valid_after(validity[1])
    )
    if ca is None:
        builder = builder.add_extension(
            x509.BasicConstraints(ca=True, path_length=None), critical=True
        )
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def write_certs(
    tmp_path: Path, *, host: str, validity: tuple[datetime, datetime]
) -> tuple[Path, Path, Path]:
    """A CA and a leaf for `host`; returns (ca.pem, leaf.pem, leaf.key)."""
    pytest.importorskip("cryptography")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = make_cert(
        "Startpunt Test CA",
        ca_key,
        key=ca_key,
        validity=(now - timedelta(days=1), now + timedelta(days=30)),
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = make_cert(host, ca_key, key=leaf_key, ca=ca, validity=validity)
    pem = serialization.Encoding.PEM
    paths = tmp_path / "ca.pem", tmp_path / "leaf.pem", tmp_path / "leaf.key"
    paths[0].write_bytes(ca.public_bytes(pem))
    paths[1].write_bytes(leaf.public_bytes(pem))
    paths[2].write_bytes(
        leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths
