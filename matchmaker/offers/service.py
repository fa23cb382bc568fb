"""Offers: create, update, delete, read, list, and their provider links."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from matchmaker.access.principal import Principal
from matchmaker.audit import service as audit
from matchmaker.core.db import (
    check_if_match,
    check_unique,
    codes_key,
    contains,
    new_id,
    paginate,
    unit_of_work,
)
from matchmaker.core.time import utcnow
from matchmaker.errors import Forbidden, Invalid, NotFound
from matchmaker.extensions import db
from matchmaker.matches import indexing
from matchmaker.offers.fields import FIELDS
from matchmaker.offers.models import Offer
from matchmaker.organizations import service as organizations


# -- reading ---------------------------------------------------------------------------------
def exists(offer_id: str) -> bool:
    return db.session.get(Offer, offer_id) is not None


def get_visible_offer(offer_id: str, principal: Principal) -> Offer:
    """The offer if the caller may see it (published, staff, or its provider's members)."""
    offer = db.session.get(Offer, offer_id)
    if offer is None:
        raise NotFound(f"Offer {offer_id} not found.")
    if principal.is_staff or offer.status == "published":
        return offer
    if principal.role == "member" and offer.provider_id == principal.organization_id:
        return offer
    raise NotFound(f"Offer {offer_id} not found.")


def to_api(offer: Offer) -> dict[str, Any]:
    return FIELDS.to_api(offer, show_personal=True)


def list_offers(*, args: dict[str, Any], principal: Principal) -> tuple[list, int]:
    query = sa.select(Offer)
    if principal.role == "reader":
        query = query.where(Offer.status == "published")
    elif principal.role == "member":
        query = query.where(
            sa.or_(Offer.status == "published", Offer.provider_id == principal.organization_id)
        )
    for key in ("kind", "status", "provider_id", "external_id", "district"):
        if key in args:
            query = query.where(getattr(Offer, key) == args[key])
    if "theme" in args:
        query = query.where(Offer.themes_key.contains(f",{args['theme']},"))
    if args.get("open"):
        query = query.where(
            sa.or_(Offer.deadline.is_(None), Offer.deadline >= datetime.now(UTC).date())
        )
    if "q" in args:
        for word in args["q"].split()[:8]:
            pattern = contains(word.lower())
            query = query.where(
                sa.or_(
                    sa.func.lower(Offer.title).like(pattern, escape="\\"),
                    sa.func.lower(Offer.description).like(pattern, escape="\\"),
                )
            )
    return paginate(
        query,
        [Offer.created_at.desc(), Offer.id],
        page=args.get("page", 1),
        page_size=args.get("page_size", 20),
    )


def all_offers() -> list[Offer]:
    return list(db.session.scalars(sa.select(Offer).order_by(Offer.created_at)))


def offered_by(organization_id: str) -> list[Offer]:
    return list(db.session.scalars(sa.select(Offer).where(Offer.provider_id == organization_id)))


def open_published_facets(today) -> list[tuple[list, str | None, str]]:
    """(themes, district, kind) of every published offer whose deadline has not passed."""
    return [
        tuple(row)
        for row in db.session.execute(
            sa.select(Offer.themes, Offer.district, Offer.kind).where(
                Offer.status == "published",
                sa.or_(Offer.deadline.is_(None), Offer.deadline >= today),
            )
        )
    ]


def all_ids() -> list[str]:
    return list(db.session.scalars(sa.select(Offer.id)))


def by_ids(ids: list[str]) -> dict[str, Offer]:
    out = {}
    for start in range(0, len(ids), 500):
        for row in db.session.scalars(
            sa.select(Offer).where(Offer.id.in_(ids[start : start + 500]))
        ):
            out[row.id] = row
    return out


def by_external_ids(external_ids: list[str]) -> dict[str, Offer]:
    out = {}
    for start in range(0, len(external_ids), 500):
        chunk = external_ids[start : start + 500]
        for row in db.session.scalars(sa.select(Offer).where(Offer.external_id.in_(chunk))):
            out[row.external_id] = row
    return out


# -- writing ---------------------------------------------------------------------------------
def new_draft(wanted_id: str | None = None) -> Offer:
    """Stage a new draft (an import), with `wanted_id` when that id is free."""
    free = wanted_id and db.session.get(Offer, wanted_id) is None
    row = Offer(id=wanted_id if free else new_id("off"), status="draft")  # set now: see orgs
    db.session.add(row)
    return row


def apply(offer: Offer, data: dict[str, Any]) -> None:
    """Set the fields of an API-shaped body on the offer."""
    FIELDS.apply(offer, data)
    offer.themes = list(dict.fromkeys(offer.themes or []))
    offer.themes_key = codes_key(offer.themes)


def _check_provider(provider_id: str | None) -> None:
    if provider_id and not organizations.exists(provider_id):
        raise Invalid(
            f"Provider {provider_id} does not exist.",
            errors={"json": {"provider_id": ["No organisation with this id."]}},
        )


def create_offer(*, data: dict[str, Any], principal: Principal) -> Offer:
    if not principal.is_staff:
        if not (
            principal.role == "member" and data.get("provider_id") == principal.organization_id
        ):
            raise Forbidden(
                "Members may create offers only with their own organisation as provider."
            )
        if data.get("status", "draft") != "draft":
            raise Forbidden(
                "Curators publish offers.",
                errors={"json": {"status": ["Only curators may change this field."]}},
            )
        if data.get("external_id"):  # the agency's CRM key: an import would upsert onto it
            raise Forbidden(
                "Only curators set an external_id.",
                errors={"json": {"external_id": ["Only curators may set this field."]}},
            )
    check_unique(Offer.external_id, data.get("external_id"), None)
    _check_provider(data.get("provider_id"))
    with unit_of_work() as session:
        offer = Offer(status="draft")
        apply(offer, data)
        session.add(offer)
        session.flush()
        indexing.index_entities([offer])
        audit.record(
            entity=offer,
            action="create",
            principal=principal,
            before={},
            after=FIELDS.snapshot(offer),
        )
    return offer


def update_offer(
    *,
    offer: Offer,
    data: dict[str, Any],
    principal: Principal,
    if_match: str | None,
    replace: bool = False,
) -> Offer:
    """Change the fields sent (PATCH), or replace the whole record (PUT, `replace`): what
    is not sent becomes empty, except the fields only curators change."""
    if replace:
        data = FIELDS.replacement(data)
    if not principal.is_staff:
        if principal.role != "member" or offer.provider_id != principal.organization_id:
            raise Forbidden("Members may edit only their own organisation's offers.")
        FIELDS.refuse_curator_only(offer, data)
    check_if_match(offer, if_match)
    check_unique(Offer.external_id, data.get("external_id"), offer.id)
    _check_provider(data.get("provider_id"))
    with unit_of_work():
        before = FIELDS.snapshot(offer)
        apply(offer, data)
        after = FIELDS.snapshot(offer)
        if before != after:
            offer.updated_at = utcnow()
            indexing.refresh(offer, texts_changed=FIELDS.changed(before, after, embedded=True))
            audit.record(
                entity=offer, action="update", principal=principal, before=before, after=after
            )
    return offer


def delete_offer(*, offer: Offer, principal: Principal, if_match: str | None) -> None:
    if not principal.is_staff:
        raise Forbidden("Only curators and admins delete offers.")
    check_if_match(offer, if_match)
    with unit_of_work() as session:
        before = FIELDS.snapshot(offer)
        indexing.forget_entity(offer)
        audit.record(entity=offer, action="delete", principal=principal, before=before, after={})
        session.delete(offer)


def move_provider(*, from_id: str, to_id: str | None) -> None:
    """Stage: the offers of `from_id` are provided by `to_id` (a merge) or by nobody (erasure).

    Their index entries carry the provider, so each is logged as changed."""
    ids = list(db.session.scalars(sa.select(Offer.id).where(Offer.provider_id == from_id)))
    if not ids:
        return
    db.session.execute(
        sa.update(Offer).where(Offer.provider_id == from_id).values(provider_id=to_id)
    )
    for offer_id in ids:
        indexing.log_change_of("offer", offer_id)
