"""Feedback on match candidates: relevant, not_relevant (dismissed), contacted."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from matchmaker.access.principal import Principal
from matchmaker.core.db import unit_of_work
from matchmaker.core.time import utcnow
from matchmaker.errors import Forbidden, Invalid, NotFound
from matchmaker.extensions import db
from matchmaker.feedback.models import Feedback
from matchmaker.matches import indexing
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations


def get_organization(organization_id: str, principal: Principal) -> organizations.Organization:
    """The organisation whose feedback is asked for, if the caller may see it."""
    return organizations.get_organization(organization_id, principal)


def _check_member(principal: Principal, org: organizations.Organization) -> None:
    if not principal.is_staff and principal.organization_id != org.id:
        raise Forbidden("Members give feedback for their own organisation only.")


def give(
    *, organization: organizations.Organization, data: dict[str, Any], principal: Principal
) -> Feedback:
    _check_member(principal, organization)
    candidate_type, candidate_id = data["candidate_type"], data["candidate_id"]
    # A candidate the caller may not see is as unknown as one that does not exist.
    try:
        if candidate_type == "organization":
            known = organizations.get_organization(candidate_id, principal).id != organization.id
        else:
            known = bool(offers.get_visible_offer(candidate_id, principal))
    except NotFound:
        known = False
    if not known:
        raise Invalid(
            "Unknown candidate.",
            errors={"json": {"candidate_id": [f"No {candidate_type} with this id."]}},
        )
    with unit_of_work() as session:
        row = session.scalar(
            sa.select(Feedback).where(
                Feedback.organization_id == organization.id,
                Feedback.candidate_id == candidate_id,
            )
        )
        if row is None:
            row = Feedback(organization_id=organization.id, candidate_id=candidate_id)
            session.add(row)
        was_dismissed = row.verdict == "not_relevant"
        row.candidate_type = candidate_type
        row.verdict = data["verdict"]
        if was_dismissed != (row.verdict == "not_relevant"):
            # The match index keeps each organisation's dismissals (no read per match): every
            # worker reloads this organisation after the commit.
            indexing.log_change_of("organization", organization.id)
        row.actor = principal.actor
        row.updated_at = utcnow()
    return row


def summary(*, organization: organizations.Organization, principal: Principal) -> dict[str, Any]:
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


def dismissed(organization_id: str) -> list[tuple[str, str]]:
    """(candidate_type, candidate_id) the organisation marked not relevant: never shown again."""
    return dismissed_by([organization_id]).get(organization_id, [])


def dismissed_by(organization_ids: list[str] | None) -> dict[str, list[tuple[str, str]]]:
    """For each of these organisations (all when None), the candidates it dismissed."""
    query = sa.select(
        Feedback.organization_id, Feedback.candidate_type, Feedback.candidate_id
    ).where(Feedback.verdict == "not_relevant")
    if organization_ids is not None:
        query = query.where(Feedback.organization_id.in_(organization_ids))
    out: dict[str, list[tuple[str, str]]] = {}
    for organization_id, candidate_type, candidate_id in db.session.execute(query):
        out.setdefault(organization_id, []).append((candidate_type, candidate_id))
    return out


def given_by(organization_id: str) -> list[Feedback]:
    """The feedback the organisation gave (what others said about it stays theirs)."""
    return list(
        db.session.scalars(
            sa.select(Feedback)
            .where(Feedback.organization_id == organization_id)
            .order_by(Feedback.id)
        )
    )


def erase_for(organization_id: str) -> None:
    """Stage the deletion of all feedback by or about the organisation."""
    db.session.execute(
        sa.delete(Feedback).where(
            sa.or_(
                Feedback.organization_id == organization_id,
                Feedback.candidate_id == organization_id,
            )
        )
    )


def move(*, from_id: str, to_id: str) -> None:
    """Stage: feedback by and about `from_id` now belongs to `to_id` (a merge); where both
    gave feedback on the same candidate, the survivor's stays."""
    existing = set(
        db.session.scalars(
            sa.select(Feedback.candidate_id).where(Feedback.organization_id == to_id)
        )
    )
    for row in db.session.scalars(sa.select(Feedback).where(Feedback.organization_id == from_id)):
        if row.candidate_id in existing or row.candidate_id == to_id:
            db.session.delete(row)
        else:
            row.organization_id = to_id
    # Feedback others gave on the duplicate moves to the survivor, unless they already gave
    # some on the survivor (theirs on the survivor stands; one verdict per candidate).
    on_survivor = set(
        db.session.scalars(
            sa.select(Feedback.organization_id).where(Feedback.candidate_id == to_id)
        )
    )
    for row in db.session.scalars(sa.select(Feedback).where(Feedback.candidate_id == from_id)):
        if row.organization_id in on_survivor or row.organization_id == to_id:
            db.session.delete(row)
        else:
            row.candidate_id = to_id
    db.session.flush()
