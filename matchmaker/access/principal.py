"""The caller every service receives: its key, role and (members) organisation."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("admin", "curator", "member", "reader")
STAFF = ("admin", "curator")
#: Tokens read `mm_<prefix>_<secret>`; the prefix finds the key, the hash of the whole checks it.
TOKEN_PREFIX = "mm"


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, role, label and (members) organisation."""

    key_id: str
    role: str
    label: str
    organization_id: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF

    @property
    def actor(self) -> str:
        return self.label or self.key_id


#: The command line and other trusted callers act as this admin.
SYSTEM = Principal(key_id="system", role="admin", label="system")
