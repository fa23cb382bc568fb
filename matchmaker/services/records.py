"""Organisations and offers: create, update, delete, list, and their public representation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from matchmaker.api.common import utc_iso
from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import AuditEvent, IndexChange, Introduction, Offer, Organization
from matchmaker.models._common import themes_key, utcnow
from matchmaker.services import Conflict, Forbidden, Invalid, NotFound, PreconditionFailed
from matchmaker.services.audit import record
from matchmaker.services.indexing import forget_entity, index_entities, notify_index_changed

STAGED_KINDS = ("startup", "scaleup")
MEMBER_LOCKED_FIELDS = ("status", "verified", "external_id")
TEXT_FIELDS = {
    "organization": ("name", "description", "offers", "needs", "themes"),
    "offer": ("title", "description", "themes"),
}


def etag(entity: Organization | Offer) -> str:
    return f'"{entity.id}-v{entity.version}"'


def check_if_match(entity: Organization | Offer, if_match: str | None) -> None:
    """412 when the client's If-Match names another version than the stored one."""
    if not if_match:
        return
    tags = {t.strip().removeprefix("W/") for t in if_match.split(",")}
    if "*" in tags or etag(entity) in tags:
        return
    raise PreconditionFailed(
        "The record was changed since you read it (ETag mismatch): read it again and retry."
    )


# -- representation ----------------------------------------------------------------------------
def can_see_contact(principal: Principal, org: Organization) -> bool:
    if principal.is_staff:
        return True
    if principal.role != "member" or not principal.organization_id:
        return False
    if principal.organization_id == org.id:
        return True
    accepted = db.session.scalar(
        sa.select(sa.func.count(Introduction.id)).where(
            Introduction.status.in_(("accepted", "completed")),
            sa.or_(
                sa.and_(
                    Introduction.from_organization_id == principal.organization_id,
                    Introduction.to_organization_id == org.id,
                ),
                sa.and_(
                    Introduction.to_organization_id == principal.organization_id,
                    Introduction.from_organization_id == org.id,
                ),
            ),
        )
    )
    return bool(accepted)


def organization_to_dict(org: Organization, *, show_contact: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": org.id,
        "external_id": org.external_id,
        "name": org.name,
        "kind": org.kind,
        "description": org.description,
        "offers": list(org.offers or []),
        "needs": list(org.needs or []),
        "themes": list(org.themes or []),
        "stage": org.stage,
        "location": {
            "district": org.district,
            "municipality": org.municipality,
            "postal_code": org.postal_code,
            "lat": org.lat,
            "lon": org.lon,
        },
        "founded_year": org.founded_year,
        "employees": org.employees,
        "website": org.website,
        "languages": list(org.languages or []),
        "status": org.status,
        "verified": org.verified,
        "created_at": org.created_at,
        "updated_at": org.updated_at,
    }
    if show_contact:
        data["contact"] = {
            "name": org.contact_name,
            "email": org.contact_email,
            "phone": org.contact_phone,
            "consent_at": org.contact_consent_at,
            "legal_basis": org.contact_legal_basis,
        }
    return data


def offer_to_dict(offer: Offer) -> dict[str, Any]:
    return {
        "id": offer.id,
        "external_id": offer.external_id,
        "title": offer.title,
        "kind": offer.kind,
        "description": offer.description,
        "provider_id": offer.provider_id,
        "themes": list(offer.themes or []),
        "eligibility": {
            "kinds": list(offer.eligible_kinds or []),
            "stages": list(offer.eligible_stages or []),
            "districts": list(offer.eligible_districts or []),
        },
        "amount_eur_max": offer.amount_eur_max,
        "deadline": offer.deadline,
        "location": {
            "district": offer.district,
            "municipality": offer.municipality,
            "postal_code": offer.postal_code,
            "lat": offer.lat,
            "lon": offer.lon,
        },
        "url": offer.url,
        "status": offer.status,
        "created_at": offer.created_at,
        "updated_at": offer.updated_at,
    }


def audit_snapshot(entity: Organization | Offer) -> dict[str, Any]:
    """Plain JSON values of the stored columns (contact included: erasure scrubs it)."""
    out = {}
    for column in entity.__table__.columns:
        if column.key in ("search_terms", "themes_key", "version", "text_language"):
            continue
        value = getattr(entity, column.key)
        if isinstance(value, datetime):
            value = utc_iso(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        out[column.key] = value
    return out


# -- input mapping ------------------------------------------------------------------------------
def _apply_location(entity: Organization | Offer, location: dict | None) -> None:
    location = location or {}
    for key in ("district", "municipality", "postal_code", "lat", "lon"):
        setattr(entity, key, location.get(key))


def apply_organization(org: Organization, data: dict[str, Any]) -> None:
    for key in (
        "external_id",
        "name",
        "kind",
        "description",
        "offers",
        "needs",
        "themes",
        "stage",
        "founded_year",
        "employees",
        "website",
        "languages",
        "status",
        "verified",
    ):
        if key in data:
            setattr(org, key, data[key])
    if "location" in data:
        _apply_location(org, data["location"])
    if "contact" in data:
        contact = data["contact"] or {}
        same_person = bool(contact) and contact.get("email") == org.contact_email
        org.contact_name = contact.get("name")
        org.contact_email = contact.get("email")
        org.contact_phone = contact.get("phone")
        # Consent belongs to the person: kept when the same person is sent without it.
        if "consent_at" in contact or not same_person:
            org.contact_consent_at = contact.get("consent_at")
        if "legal_basis" in contact or not same_person:
            org.contact_legal_basis = contact.get("legal_basis")
    org.themes = list(dict.fromkeys(org.themes or []))
    org.themes_key = themes_key(org.themes)
    if org.kind not in STAGED_KINDS and org.stage:
        raise Invalid(
            "Only start-ups and scale-ups have a stage.",
            errors={"json": {"stage": ["Only start-ups and scale-ups have a stage."]}},
        )


def apply_offer(offer: Offer, data: dict[str, Any]) -> None:
    for key in (
        "external_id",
        "title",
        "kind",
        "description",
        "provider_id",
        "themes",
        "amount_eur_max",
        "deadline",
        "url",
        "status",
    ):
        if key in data:
            setattr(offer, key, data[key])
    if "eligibility" in data:
        eligibility = data["eligibility"] or {}
        offer.eligible_kinds = list(eligibility.get("kinds") or [])
        offer.eligible_stages = list(eligibility.get("stages") or [])
        offer.eligible_districts = list(eligibility.get("districts") or [])
    if "location" in data:
        _apply_location(offer, data["location"])
    offer.themes = list(dict.fromkeys(offer.themes or []))
    offer.themes_key = themes_key(offer.themes)


def _check_unique_external_id(model, external_id: str | None, own_id: str | None) -> None:
    if not external_id:
        return
    existing = db.session.scalar(sa.select(model.id).where(model.external_id == external_id))
    if existing and existing != own_id:
        raise Conflict(
            f"external_id {external_id!r} is already used by {existing}.",
            errors={"json": {"external_id": [f"Already used by {existing}."]}},
        )


def _check_provider(provider_id: str | None) -> None:
    if provider_id and db.session.get(Organization, provider_id) is None:
        raise Invalid(
            f"Provider {provider_id} does not exist.",
            errors={"json": {"provider_id": ["No organisation with this id."]}},
        )


def _commit() -> None:
    try:
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise PreconditionFailed(
            "The record was changed concurrently: read it again and retry."
        ) from exc
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict("The change conflicts with stored data (a unique value is taken).") from exc
    except Exception:
        db.session.rollback()
        raise
    notify_index_changed()


def _log_change(entity_type: str, entity_id: str) -> None:
    """Metadata changed (status, location...): other workers must still refresh the entity."""
    db.session.add(IndexChange(entity_type=entity_type, entity_id=entity_id))


def _texts_changed(entity_type: str, before: dict, after: dict) -> bool:
    return any(before.get(f) != after.get(f) for f in TEXT_FIELDS[entity_type])


# -- organisations --------------------------------------------------------------------------------
def create_organization(*, data: dict[str, Any], principal: Principal) -> Organization:
    if not principal.is_staff:
        raise Forbidden("Only curators and admins create organisations.")
    _check_unique_external_id(Organization, data.get("external_id"), None)
    org = Organization(status="draft", verified=False)
    try:
        apply_organization(org, data)
        db.session.add(org)
        db.session.flush()
        index_entities([org])
        record(
            entity=org, action="create", principal=principal, before={}, after=audit_snapshot(org)
        )
    except Exception:
        db.session.rollback()
        raise
    _commit()
    return org


def update_organization(
    *, org: Organization, data: dict[str, Any], principal: Principal, if_match: str | None
) -> Organization:
    if not principal.is_staff:
        if principal.organization_id != org.id:
            raise Forbidden("Members may edit only their own organisation.")
        locked = [f for f in MEMBER_LOCKED_FIELDS if f in data and data[f] != getattr(org, f)]
        if locked:
            raise Forbidden(
                f"Only curators may change: {', '.join(locked)}.",
                errors={"json": {f: ["Only curators may change this field."] for f in locked}},
            )
    check_if_match(org, if_match)
    _check_unique_external_id(Organization, data.get("external_id"), org.id)
    before = audit_snapshot(org)
    try:
        apply_organization(org, data)
        after = audit_snapshot(org)
        if before != after:
            org.updated_at = utcnow()
            if _texts_changed("organization", before, after):
                index_entities([org])
            else:
                _log_change("organization", org.id)
            record(entity=org, action="update", principal=principal, before=before, after=after)
    except Exception:
        db.session.rollback()
        raise
    _commit()
    return org


def delete_organization(
    *, org: Organization, principal: Principal, if_match: str | None, erase: bool
) -> None:
    if not principal.is_staff:
        raise Forbidden("Only curators and admins delete organisations.")
    check_if_match(org, if_match)
    from matchmaker.services.gdpr import erase_organization

    if erase:
        erase_organization(org=org, principal=principal)
        return
    before = audit_snapshot(org)
    try:
        forget_entity("organization", org.id)
        record(entity=org, action="delete", principal=principal, before=before, after={})
        db.session.delete(org)
    except Exception:
        db.session.rollback()
        raise
    _commit()


def list_organizations(*, args: dict[str, Any], principal: Principal) -> tuple[list, int]:
    query = sa.select(Organization)
    if principal.role == "reader":
        query = query.where(Organization.status == "published")
    elif principal.role == "member":
        query = query.where(
            sa.or_(Organization.status == "published", Organization.id == principal.organization_id)
        )
    for key in ("kind", "district", "stage", "status", "verified", "external_id"):
        if key in args:
            query = query.where(getattr(Organization, key) == args[key])
    if "theme" in args:
        query = query.where(Organization.themes_key.contains(f",{args['theme']},"))
    if "q" in args:
        for word in args["q"].split()[:8]:
            pattern = f"%{word.lower()}%"
            query = query.where(
                sa.or_(
                    sa.func.lower(Organization.name).like(pattern),
                    sa.func.lower(Organization.description).like(pattern),
                    sa.func.lower(sa.cast(Organization.offers, sa.Text)).like(pattern),
                    sa.func.lower(sa.cast(Organization.needs, sa.Text)).like(pattern),
                )
            )
    return _page(query, Organization, args)


def _page(query, model, args: dict[str, Any]) -> tuple[list, int]:
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    page, size = args.get("page", 1), args.get("page_size", 20)
    rows = db.session.scalars(
        query.order_by(model.created_at.desc(), model.id).offset((page - 1) * size).limit(size)
    ).all()
    return list(rows), total


# -- offers ---------------------------------------------------------------------------------------
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
    _check_unique_external_id(Offer, data.get("external_id"), None)
    _check_provider(data.get("provider_id"))
    offer = Offer(status="draft")
    try:
        apply_offer(offer, data)
        db.session.add(offer)
        db.session.flush()
        index_entities([offer])
        record(
            entity=offer,
            action="create",
            principal=principal,
            before={},
            after=audit_snapshot(offer),
        )
    except Exception:
        db.session.rollback()
        raise
    _commit()
    return offer


def update_offer(
    *, offer: Offer, data: dict[str, Any], principal: Principal, if_match: str | None
) -> Offer:
    if not principal.is_staff:
        if principal.role != "member" or offer.provider_id != principal.organization_id:
            raise Forbidden("Members may edit only their own organisation's offers.")
        locked = [
            f
            for f in ("status", "external_id", "provider_id")
            if f in data and data[f] != getattr(offer, f)
        ]
        if locked:
            raise Forbidden(
                f"Only curators may change: {', '.join(locked)}.",
                errors={"json": {f: ["Only curators may change this field."] for f in locked}},
            )
    check_if_match(offer, if_match)
    _check_unique_external_id(Offer, data.get("external_id"), offer.id)
    _check_provider(data.get("provider_id"))
    before = audit_snapshot(offer)
    try:
        apply_offer(offer, data)
        after = audit_snapshot(offer)
        if before != after:
            offer.updated_at = utcnow()
            if _texts_changed("offer", before, after):
                index_entities([offer])
            else:
                _log_change("offer", offer.id)
            record(entity=offer, action="update", principal=principal, before=before, after=after)
    except Exception:
        db.session.rollback()
        raise
    _commit()
    return offer


def delete_offer(*, offer: Offer, principal: Principal, if_match: str | None) -> None:
    if not principal.is_staff:
        raise Forbidden("Only curators and admins delete offers.")
    check_if_match(offer, if_match)
    before = audit_snapshot(offer)
    try:
        forget_entity("offer", offer.id)
        record(entity=offer, action="delete", principal=principal, before=before, after={})
        db.session.delete(offer)
    except Exception:
        db.session.rollback()
        raise
    _commit()


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
            pattern = f"%{word.lower()}%"
            query = query.where(
                sa.or_(
                    sa.func.lower(Offer.title).like(pattern),
                    sa.func.lower(Offer.description).like(pattern),
                )
            )
    return _page(query, Offer, args)


def get_visible_offer(offer_id: str, principal: Principal) -> Offer:
    offer = db.session.get(Offer, offer_id)
    if offer is None:
        raise NotFound(f"Offer {offer_id} not found.")
    if principal.is_staff or offer.status == "published":
        return offer
    if principal.role == "member" and offer.provider_id == principal.organization_id:
        return offer
    raise NotFound(f"Offer {offer_id} not found.")


def audit_events(entity_id: str) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
        )
    )
