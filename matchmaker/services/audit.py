"""Audit log: one event per change, with the changed fields before and after."""

from __future__ import annotations

from typing import Any

from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import AuditEvent, Offer, Organization


def record(
    *,
    entity: Organization | Offer,
    action: str,
    principal: Principal,
    before: dict[str, Any],
    after: dict[str, Any],
) -> AuditEvent:
    """Stage an audit event in the caller's transaction."""
    keys = sorted(set(before) | set(after))
    changes = {
        k: {"before": before.get(k), "after": after.get(k)}
        for k in keys
        if before.get(k) != after.get(k) and k not in ("updated_at", "created_at")
    }
    event = AuditEvent(
        entity_type="organization" if isinstance(entity, Organization) else "offer",
        entity_id=entity.id,
        action=action,
        actor=principal.actor,
        actor_key_id=principal.key_id,
        changes=changes,
    )
    db.session.add(event)
    return event
