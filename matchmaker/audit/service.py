"""Audit log: one event per change, with the changed fields before and after."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from matchmaker.access.principal import Principal
from matchmaker.audit.models import AuditEvent
from matchmaker.extensions import db

#: What erasure leaves where personal data was.
ERASED = "[erased]"


def record(
    *,
    entity: Any,
    action: str,
    principal: Principal,
    before: dict[str, Any],
    after: dict[str, Any],
) -> AuditEvent:
    """Stage an audit event in the caller's unit of work (`entity.ENTITY_TYPE` names its kind)."""
    keys = sorted(set(before) | set(after))
    changes = {
        k: {"before": before.get(k), "after": after.get(k)}
        for k in keys
        if before.get(k) != after.get(k) and k not in ("updated_at", "created_at")
    }
    return note(
        entity_type=entity.ENTITY_TYPE,
        entity_id=entity.id,
        action=action,
        principal=principal,
        changes=changes,
    )


def note(
    *, entity_type: str, entity_id: str, action: str, principal: Principal, changes: dict
) -> AuditEvent:
    """Stage an event with the changes already worked out (merges, erasures)."""
    event = AuditEvent(
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        actor=principal.actor,
        actor_key_id=principal.key_id,
        changes=changes,
    )
    db.session.add(event)
    return event


def events_for(entity_id: str) -> list[AuditEvent]:
    """The history of one organisation or offer, oldest first."""
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
        )
    )


def scrub_fields(entity_id: str, fields: list[str]) -> None:
    """Overwrite these fields' values in the entity's history (GDPR erasure)."""
    for event in db.session.scalars(sa.select(AuditEvent).where(AuditEvent.entity_id == entity_id)):
        changes = dict(event.changes or {})
        for field in fields:
            if field in changes:
                changes[field] = {"before": ERASED, "after": ERASED}
        event.changes = changes


def scrub_actors(key_ids: list[str]) -> None:
    """Erase the actor name of every event these keys caused (a key's label may name a person)."""
    if key_ids:
        db.session.execute(
            sa.update(AuditEvent).where(AuditEvent.actor_key_id.in_(key_ids)).values(actor=ERASED)
        )


def merged_into(organization_id: str) -> list[str]:
    """Every organisation ever merged into this one, directly or through others (the merge
    lineage the audit log keeps: each duplicate's "merged_into" event)."""
    events = db.session.execute(
        sa.select(AuditEvent.entity_id, AuditEvent.changes).where(
            AuditEvent.action == "merged_into"
        )
    ).all()
    children: dict[str, list[str]] = {}
    for entity_id, changes in events:
        target = ((changes or {}).get("merged_into") or {}).get("after")
        if target:
            children.setdefault(target, []).append(entity_id)
    found: list[str] = []
    todo = [organization_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found and child != organization_id:
                found.append(child)
                todo.append(child)
    return found
