"""API keys (hashed at rest), roles, the current principal, and the decorator views use."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import g, request
from flask_smorest import abort

from matchmaker.extensions import db
from matchmaker.models import ApiKey, Organization
from matchmaker.models._common import utcnow

ROLES = ("admin", "curator", "member", "reader")
STAFF = ("admin", "curator")
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


SYSTEM = Principal(key_id="system", role="admin", label="system")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_key(
    *, role: str, label: str = "", organization_id: str | None = None
) -> tuple[ApiKey, str]:
    """Create a key; return the row and the token (shown once, never stored in clear)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if role == "member" and not organization_id:
        raise ValueError("a member key needs --organization")
    if organization_id is not None and db.session.get(Organization, organization_id) is None:
        raise ValueError(f"no organisation {organization_id}")
    prefix = secrets.token_hex(6)
    token = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey(
        prefix=prefix,
        token_hash=_hash(token),
        role=role,
        label=label or f"{role}-{prefix}",
        organization_id=organization_id,
    )
    db.session.add(key)
    db.session.commit()
    return key, token


def revoke_key(key_id: str) -> ApiKey | None:
    """Mark a key revoked; it stops working on the next request."""
    key = db.session.get(ApiKey, key_id)
    if key is None:
        return None
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        db.session.commit()
    return key


def principal_for_token(token: str) -> Principal | None:
    """Resolve a bearer token to its principal, or None when unknown or revoked."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    key = db.session.scalar(sa.select(ApiKey).where(ApiKey.prefix == parts[1]))
    if key is None or key.revoked_at is not None:
        return None
    if not hmac.compare_digest(key.token_hash, _hash(token)):
        return None
    return Principal(
        key_id=key.id, role=key.role, label=key.label, organization_id=key.organization_id
    )


def authenticate_request() -> None:
    """Set `g.principal` from the Authorization header, or answer 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        abort(
            401,
            message="Missing API key: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": 'Bearer realm="matchmaker"'},
        )
    principal = principal_for_token(token.strip())
    if principal is None:
        abort(
            401,
            message="Invalid or revoked API key.",
            headers={"WWW-Authenticate": 'Bearer realm="matchmaker", error="invalid_token"'},
        )
    g.principal = principal


def current_principal() -> Principal:
    principal = g.get("principal")
    if principal is None:  # only reachable when a view forgot authentication
        abort(401, message="Missing API key.")
    return principal


def roles_required(*roles: str) -> Callable:
    """Let only these roles through (403 otherwise)."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            principal = current_principal()
            if principal.role not in roles:
                abort(403, message=f"This action needs one of the roles: {', '.join(roles)}.")
            return view(*args, **kwargs)

        return wrapper

    return decorator


def rate_limit_key() -> str:
    """Rate limits count per API key when one is presented, else per client address."""
    header = request.headers.get("Authorization", "")
    _, _, token = header.partition(" ")
    parts = token.strip().split("_", 2)
    if len(parts) == 3 and parts[0] == TOKEN_PREFIX:
        return f"key:{parts[1]}"
    return f"ip:{request.remote_addr or 'unknown'}"
