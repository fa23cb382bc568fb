"""Introductions between organisations, moderated by curators or the addressed member.

Once an introduction is accepted, members of both organisations may see each other's contact
person: this room answers the organisations room's `contact_shared` question.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from matchmaker.access.principal import Principal
from matchmaker.core.db import unit_of_work
from matchmaker.core.time import utcnow
from matchmaker.errors import Conflict, Forbidden, Invalid, NotFound
from matchmaker.extensions import db
from matchmaker.introductions.models import Introduction
from matchmaker.organizations import service as organizations

TRANSITIONS = {
    "requested": {"accepted", "declined"},
    "accepted": {"completed", "declined"},
    "declined": set(),
    "completed": set(),
}
SHARING = ("accepted", "completed")


def _involving(organization_id: str):
    return sa.or_(
        Introduction.from_organization_id == organization_id,
        Introduction.to_organization_id == organization_id,
    )


def accepted_between(first_id: str, second_id: str) -> bool:
    """Whether the two organisations have an accepted (or completed) introduction."""
    count = db.session.scalar(
        sa.select(sa.func.count(Introduction.id)).where(
            Introduction.status.in_(SHARING),
            sa.or_(
                sa.and_(
                    Introduction.from_organization_id == first_id,
                    Introduction.to_organization_id == second_id,
                ),
                sa.and_(
                    Introduction.to_organization_id == first_id,
                    Introduction.from_organization_id == second_id,
                ),
            ),
        )
    )
    return bool(count)


@organizations.contact_shared.connect
def _contact_after_acceptance(owner, *, viewer_id: str) -> bool:
    return accepted_between(viewer_id, owner.id)


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
        try:
            if field == "to_organization_id":
                organizations.get_organization(org_id, principal)
            elif not organizations.exists(org_id):
                raise NotFound(org_id)
        except NotFound:
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
    with unit_of_work() as session:
        intro = Introduction(
            from_organization_id=source,
            to_organization_id=target,
            message=data.get("message", ""),
            status="requested",
            requested_by=principal.actor,
        )
        session.add(intro)
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
    with unit_of_work():
        intro.status = status
        intro.decided_by = principal.actor
        intro.updated_at = utcnow()
    return intro


def list_introductions(*, principal: Principal, status: str | None) -> list[Introduction]:
    query = sa.select(Introduction).order_by(Introduction.created_at.desc())
    if not principal.is_staff:
        query = query.where(_involving(principal.organization_id))
    if status:
        query = query.where(Introduction.status == status)
    return list(db.session.scalars(query.limit(500)))


def involving(organization_id: str) -> list[Introduction]:
    return list(db.session.scalars(sa.select(Introduction).where(_involving(organization_id))))


def erase_for(organization_id: str) -> None:
    """Stage the deletion of every introduction the organisation took part in."""
    db.session.execute(sa.delete(Introduction).where(_involving(organization_id)))


def scrub_actor_labels(labels: list[str], replacement: str) -> None:
    """Replace these key labels where they stand as requester or decider (erasure)."""
    if not labels:
        return
    for column in (Introduction.requested_by, Introduction.decided_by):
        db.session.execute(
            sa.update(Introduction).where(column.in_(labels)).values({column.key: replacement})
        )


def move(*, from_id: str, to_id: str) -> None:
    """Stage: `from_id`'s introductions are `to_id`'s (a merge); self-introductions go."""
    for column in (Introduction.from_organization_id, Introduction.to_organization_id):
        db.session.execute(
            sa.update(Introduction).where(column == from_id).values({column.key: to_id})
        )
    db.session.execute(
        sa.delete(Introduction).where(
            Introduction.from_organization_id == Introduction.to_organization_id
        )
    )
