"""Feedback on match candidates: relevant, not_relevant (dismissed), contacted."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import Feedback, Offer, Organization
from matchmaker.models._common import utcnow
from matchmaker.services import Forbidden, Invalid
from matchmaker.services.indexing import notify_index_changed


def _check_member(principal: Principal, org: Organization) -> None:
    if not principal.is_staff and principal.organization_id != org.id:
        raise Forbidden("Members give feedback for their own organisation only.")


def give(*, organization: Organization, data: dict[str, Any], principal: Principal) -> Feedback:
    _check_member(principal, organization)
    model = Organization if data["candidate_type"] == "organization" else Offer
    if db.session.get(model, data["candidate_id"]) is None or (
        data["candidate_type"] == "organization" and data["candidate_id"] == organization.id
    ):
        raise Invalid(
            "Unknown candidate.",
            errors={"json": {"candidate_id": [f"No {data['candidate_type']} with this id."]}},
        )
    row = db.session.scalar(
        sa.select(Feedback).where(
            Feedback.organization_id == organization.id,
            Feedback.candidate_id == data["candidate_id"],
        )
    )
    if row is None:
        row = Feedback(organization_id=organization.id, candidate_id=data["candidate_id"])
        db.session.add(row)
    row.candidate_type = data["candidate_type"]
    row.verdict = data["verdict"]
    row.actor = principal.actor
    row.updated_at = utcnow()
    db.session.commit()
    notify_index_changed()
    return row


def summary(*, organization: Organization, principal: Principal) -> dict[str, Any]:
    _check_member(principal, organization)
    rows = list(
        db.session.scalars(
            sa.select(Feedback)
            .where(Feedback.organization_id == organization.id)
            .order_by(Feedback.id)
        )
    )
    counts = {"relevant": 0, "not_relevant": 0, "contacted": 0}
    for row in rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    return {"organization_id": organization.id, "counts": counts, "items": rows}
