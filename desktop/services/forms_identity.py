"""The hidden identity of a collection form: what it says, and the checksum that signs it.

A form carries (very hidden sheet, see :mod:`desktop.reports.form_workbook`) the document, the
organisation, the denominators printed on it, the form version and the sheet name, signed with
``HMAC-SHA256(secret, canonical text of those values)``. The secret is 32 random bytes kept in
this database's ``settings`` table (key :data:`SECRET_KEY`), created with the first export: an
organisation can read the identity but cannot re-sign a changed one, and a form made by another
database (another office's installation) is told apart by ``key_id`` (the first 12 hex digits
of SHA-256 of the secret) instead of being reported as tampered.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping

from sqlalchemy import select

from desktop.reports.form_workbook import IDENTITY_KEYS
from desktop.services.database import Database
from desktop.store import models as m

__all__ = ["SECRET_KEY", "FormSecret", "form_secret", "sign", "verify"]

SECRET_KEY = "forms.hmac_secret"


class FormSecret:
    """The database's signing secret and its public id."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self.key_id = hashlib.sha256(raw).hexdigest()[:12]

    def mac(self, identity: Mapping[str, str]) -> str:
        return hmac.new(self._raw, _canonical(identity), hashlib.sha256).hexdigest()


def _canonical(identity: Mapping[str, str]) -> bytes:
    return "\n".join(f"{k}={identity.get(k, '')}" for k in IDENTITY_KEYS).encode("utf-8")


def form_secret(db: Database, *, create: bool = True) -> FormSecret | None:
    """This database's secret; created (one write) the first time when ``create``."""
    with db.read() as s:
        value = s.scalar(select(m.Setting.value).where(m.Setting.key == SECRET_KEY))
    if value:
        return FormSecret(bytes.fromhex(value))
    if not create:
        return None
    with db.transaction() as s:
        value = s.scalar(select(m.Setting.value).where(m.Setting.key == SECRET_KEY))
        if not value:  # nobody created it meanwhile
            value = secrets.token_hex(32)
            s.add(m.Setting(key=SECRET_KEY, value=value))
    return FormSecret(bytes.fromhex(value))


def sign(secret: FormSecret, identity: Mapping[str, str]) -> dict[str, str]:
    """``identity`` (in :data:`IDENTITY_KEYS` order) with ``key_id`` and ``checksum``."""
    values = {k: str(identity.get(k, "")) for k in IDENTITY_KEYS}
    values["key_id"] = secret.key_id
    values["checksum"] = secret.mac(values)
    return values


def verify(secret: FormSecret | None, identity: Mapping[str, str]) -> bool:
    if secret is None:
        return False
    return hmac.compare_digest(secret.mac(identity), identity.get("checksum", ""))
