"""GDPR: export everything stored about an organisation (art. 20), erase it (art. 17)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from matchmaker.api.common import utc_iso
from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import (
    ApiKey,
    AuditEvent,
    Embedding,
    Feedback,
    Introduction,
    Offer,
    Organization,
)
from matchmaker.runtime import get_runtime
from matchmaker.services.indexing import forget_entity, notify_index_changed

PERSONAL_FIELDS = (
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_consent_at",
    "contact_legal_basis",
)
ERASED = "[erased]"


def export_organization(org: Organization) -> dict[str, Any]:
    """Everything stored about the organisation, as JSON-ready data."""
    from matchmaker.services.records import offer_to_dict, organization_to_dict

    def jsonable(value):
        if isinstance(value, dict):
            return {k: jsonable(v) for k, v in value.items()}
        if isinstance(value, list):
            return [jsonable(v) for v in value]
        if hasattr(value, "isoformat"):
            return utc_iso(value) if hasattr(value, "hour") else value.isoformat()
        return value

    offers = db.session.scalars(sa.select(Offer).where(Offer.provider_id == org.id)).all()
    intros = db.session.scalars(
        sa.select(Introduction).where(
            sa.or_(
                Introduction.from_organization_id == org.id,
                Introduction.to_organization_id == org.id,
            )
        )
    ).all()
    feedback = db.session.scalars(
        sa.select(Feedback).where(
            sa.or_(Feedback.organization_id == org.id, Feedback.candidate_id == org.id)
        )
    ).all()
    audit = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.entity_id == org.id).order_by(AuditEvent.id)
    ).all()
    vectors = db.session.execute(
        sa.select(Embedding.field, Embedding.position, Embedding.model_id).where(
            Embedding.entity_type == "organization", Embedding.entity_id == org.id
        )
    ).all()
    return jsonable(
        {
            "organization": organization_to_dict(org, show_contact=True),
            "offers": [offer_to_dict(o) for o in offers],
            "introductions": [
                {
                    "id": i.id,
                    "from_organization_id": i.from_organization_id,
                    "to_organization_id": i.to_organization_id,
                    "message": i.message,
                    "status": i.status,
                    "created_at": i.created_at,
                    "updated_at": i.updated_at,
                }
                for i in intros
            ],
            "feedback": [
                {
                    "organization_id": f.organization_id,
                    "candidate_type": f.candidate_type,
                    "candidate_id": f.candidate_id,
                    "verdict": f.verdict,
                    "created_at": f.created_at,
                }
                for f in feedback
            ],
            "audit": [
                {"action": e.action, "actor": e.actor, "at": e.at, "changes": e.changes}
                for e in audit
            ],
            "embeddings": [{"field": f, "position": p, "model_id": m} for f, p, m in vectors],
        }
    )


def erase_organization(*, org: Organization, principal: Principal) -> None:
    """Remove the record, its vectors, cache entries, links and personal data in its history.

    One transaction; the Redis entries are dropped after the commit (a Redis failure there
    leaves only vectors of non-personal profile texts, which expire with the cache TTL).
    """
    org_id = org.id
    try:
        hashes = forget_entity("organization", org_id)
        # Key labels may name a person: scrub them wherever the organisation's keys acted.
        key_ids = list(
            db.session.scalars(sa.select(ApiKey.id).where(ApiKey.organization_id == org_id))
        )
        if key_ids:
            db.session.execute(
                sa.update(AuditEvent)
                .where(AuditEvent.actor_key_id.in_(key_ids))
                .values(actor=ERASED)
            )
            labels = list(db.session.scalars(sa.select(ApiKey.label).where(ApiKey.id.in_(key_ids))))
            for column in (Introduction.requested_by, Introduction.decided_by):
                db.session.execute(
                    sa.update(Introduction).where(column.in_(labels)).values({column.key: ERASED})
                )
        for event in db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity_id == org_id)
        ):
            changes = dict(event.changes or {})
            for field in PERSONAL_FIELDS:
                if field in changes:
                    changes[field] = {"before": ERASED, "after": ERASED}
            event.changes = changes
        db.session.execute(
            sa.delete(Introduction).where(
                sa.or_(
                    Introduction.from_organization_id == org_id,
                    Introduction.to_organization_id == org_id,
                )
            )
        )
        db.session.execute(
            sa.delete(Feedback).where(
                sa.or_(Feedback.organization_id == org_id, Feedback.candidate_id == org_id)
            )
        )
        db.session.execute(
            sa.update(Offer).where(Offer.provider_id == org_id).values(provider_id=None)
        )
        db.session.execute(sa.delete(ApiKey).where(ApiKey.organization_id == org_id))
        db.session.add(
            AuditEvent(
                entity_type="organization",
                entity_id=org_id,
                action="erase",
                actor=principal.actor,
                actor_key_id=principal.key_id,
                changes={},
            )
        )
        db.session.delete(org)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    notify_index_changed()
    runtime = get_runtime()
    runtime.pipeline.cache.delete_many(hashes)
