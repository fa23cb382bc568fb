"""API keys: create (the token is shown once), revoke, resolve a token, list."""

from __future__ import annotations

import hashlib
import hmac
import secrets

import sqlalchemy as sa

from matchmaker.access.models import ApiKey
from matchmaker.access.principal import ROLES, TOKEN_PREFIX, Principal
from matchmaker.core.db import unit_of_work
from matchmaker.core.time import utcnow
from matchmaker.errors import Invalid
from matchmaker.extensions import db
from matchmaker.organizations import service as organizations


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_key(
    *, role: str, label: str = "", organization_id: str | None = None
) -> tuple[ApiKey, str]:
    """Create a key; return the row and the token (shown once, never stored in clear)."""
    if role not in ROLES:
        raise Invalid(
            f"unknown role {role!r}; one of {', '.join(ROLES)}",
            errors={"json": {"role": [f"One of: {', '.join(ROLES)}."]}},
        )
    if role == "member" and not organization_id:
        raise Invalid(
            "a member key needs --organization",
            errors={"json": {"organization_id": ["A member key needs an organisation."]}},
        )
    if role != "member" and organization_id:
        message = "Only member keys are bound to an organisation."
        raise Invalid(message, errors={"json": {"organization_id": [message]}})
    if organization_id is not None and not organizations.exists(organization_id):
        message = f"no organisation {organization_id}"
        raise Invalid(message, errors={"json": {"organization_id": [message]}})
    prefix = secrets.token_hex(6)
    token = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    with unit_of_work() as session:
        key = ApiKey(
            prefix=prefix,
            token_hash=_hash(token),
            role=role,
            # Not the token's prefix: a label is shown to others (as an audit actor).
            label=label or f"{role}-{secrets.token_hex(3)}",
            organization_id=organization_id,
        )
        session.add(key)
    return key, token


def revoke_key(key_id: str) -> ApiKey | None:
    """Mark a key revoked; it stops working on the next request."""
    with unit_of_work() as session:
        key = session.get(ApiKey, key_id)
        if key is not None and key.revoked_at is None:
            key.revoked_at = utcnow()
    return key


def list_keys() -> list[ApiKey]:
    return list(db.session.scalars(sa.select(ApiKey).order_by(ApiKey.created_at)))


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
    # Only members act for an organisation (older keys of other roles may still carry one).
    organization_id = key.organization_id if key.role == "member" else None
    return Principal(key_id=key.id, role=key.role, label=key.label, organization_id=organization_id)


def keys_of(organization_id: str) -> list[ApiKey]:
    """The keys bound to an organisation."""
    return list(
        db.session.scalars(sa.select(ApiKey).where(ApiKey.organization_id == organization_id))
    )


def delete_keys_of(organization_id: str) -> None:
    """Stage the deletion of an organisation's keys (erasure)."""
    db.session.execute(sa.delete(ApiKey).where(ApiKey.organization_id == organization_id))


def move_keys(*, from_id: str, to_id: str) -> None:
    """Stage: the members of a merged duplicate now act for the survivor."""
    db.session.execute(
        sa.update(ApiKey).where(ApiKey.organization_id == from_id).values(organization_id=to_id)
    )
