"""Introductions between organisations, moderated by curators or the addressed member."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import Introduction, Organization
from matchmaker.models._common import utcnow
from matchmaker.services import Conflict, Forbidden, Invalid, NotFound

TRANSITIONS = {
    "requested": {"accepted", "declined"},
    "accepted": {"completed", "declined"},
    "declined": set(),
    "completed": set(),
}


def request_introduction(*, data: dict[str, Any], principal: Principal) -> Introduction:
    source, target = data["from_organization_id"], data["to_organization_id"]
    if not principal.is_staff and principal.organization_id != source:
        raise Forbidden("Members ask introductions for their own organisation only.")
    if source == target:
        raise Invalid(
            "An organisation cannot be introduced to itself.",
            errors={"json": {"to_organization_id": ["Must differ from from_organization_id."]}},
        )
    errors = {}
    for field, org_id in (("from_organization_id", source), ("to_organization_id", target)):
        org = db.session.get(Organization, org_id)
        if org is None or (
            field == "to_organization_id" and org.status != "published" and not principal.is_staff
        ):
            errors[field] = ["No such organisation."]
    if errors:
        raise Invalid("Unknown organisation.", errors={"json": errors})
    open_one = db.session.scalar(
        sa.select(Introduction.id).where(
            Introduction.from_organization_id == source,
            Introduction.to_organization_id == target,
            Introduction.status.in_(("requested", "accepted")),
        )
    )
    if open_one:
        raise Conflict(f"An introduction is already open: {open_one}.")
    intro = Introduction(
        from_organization_id=source,
        to_organization_id=target,
        message=data.get("message", ""),
        status="requested",
        requested_by=principal.actor,
    )
    db.session.add(intro)
    db.session.commit()
    return intro


def get_introduction(intro_id: str, principal: Principal) -> Introduction:
    intro = db.session.get(Introduction, intro_id)
    if intro is None or not (
        principal.is_staff
        or principal.organization_id in (intro.from_organization_id, intro.to_organization_id)
    ):
        raise NotFound(f"Introduction {intro_id} not found.")
    return intro


def decide(*, intro: Introduction, status: str, principal: Principal) -> Introduction:
    if not principal.is_staff and principal.organization_id != intro.to_organization_id:
        raise Forbidden("Only a curator or the addressed organisation's member decides.")
    if status not in TRANSITIONS[intro.status]:
        raise Conflict(
            f"An introduction that is {intro.status} cannot become {status}.",
            errors={"json": {"status": [f"Not allowed after {intro.status}."]}},
        )
    intro.status = status
    intro.decided_by = principal.actor
    intro.updated_at = utcnow()
    db.session.commit()
    return intro


def list_introductions(*, principal: Principal, status: str | None) -> list[Introduction]:
    query = sa.select(Introduction).order_by(Introduction.created_at.desc())
    if not principal.is_staff:
        query = query.where(
            sa.or_(
                Introduction.from_organization_id == principal.organization_id,
                Introduction.to_organization_id == principal.organization_id,
            )
        )
    if status:
        query = query.where(Introduction.status == status)
    return list(db.session.scalars(query.limit(500)))
