"""Organisations: create, update, delete, read, list, and what the API shows of them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from blinker import Namespace

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
from matchmaker.organizations.fields import FIELDS, stage_problem, thesis_problem
from matchmaker.organizations.models import Organization

_signals = Namespace()
#: Sent inside the erasing unit of work, before the organisation row goes: the privacy room
#: erases what the other rooms hold about it (history, links, keys, vectors). Erasure refuses
#: to run when nothing is connected, rather than leave personal data behind.
erasing = _signals.signal("organization-erasing")
#: Asks whether members of `viewer_id` may see the contact person of `owner`; a receiver
#: returns True to grant it (the introductions room does, once an introduction is accepted).
#: Nothing connected: only staff and the organisation's own members see it.
contact_shared = _signals.signal("organization-contact-shared")
#: The stored attributes that hold personal data (the contact person).
PERSONAL_FIELDS = FIELDS.attrs(personal=True)


# -- reading ---------------------------------------------------------------------------------
def exists(organization_id: str) -> bool:
    return db.session.get(Organization, organization_id) is not None


def visible_to(principal: Principal, org: Organization) -> bool:
    """Whether `principal` may know this organisation exists."""
    return principal.is_staff or org.status == "published" or principal.organization_id == org.id


def get_organization(organization_id: str, principal: Principal) -> Organization:
    """The organisation if the caller may see it, else NotFound (drafts stay unknown)."""
    org = db.session.get(Organization, organization_id)
    if org is None or not visible_to(principal, org):
        raise NotFound(f"Organisation {organization_id} not found.")
    return org


def can_see_contact(principal: Principal, org: Organization) -> bool:
    if principal.is_staff:
        return True
    if principal.role != "member" or not principal.organization_id:
        return False
    if principal.organization_id == org.id:
        return True
    answers = contact_shared.send(org, viewer_id=principal.organization_id)
    return any(granted for _, granted in answers)


def to_api(org: Organization, *, show_contact: bool) -> dict[str, Any]:
    """The organisation as the API shows it (`contact` only when `show_contact`; an
    `investment` thesis only where there is one)."""
    data = FIELDS.to_api(org, show_personal=show_contact)
    if not any(data["investment"].values()):
        data["investment"] = None
    return data


def present(org: Organization, principal: Principal) -> dict[str, Any]:
    """The organisation as this caller may see it."""
    return to_api(org, show_contact=can_see_contact(principal, org))


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
            pattern = contains(word.lower())
            query = query.where(
                sa.or_(
                    sa.func.lower(Organization.name).like(pattern, escape="\\"),
                    sa.func.lower(Organization.description).like(pattern, escape="\\"),
                    sa.func.lower(sa.cast(Organization.offers, sa.Text)).like(pattern, escape="\\"),
                    sa.func.lower(sa.cast(Organization.needs, sa.Text)).like(pattern, escape="\\"),
                )
            )
    return paginate(
        query,
        [Organization.created_at.desc(), Organization.id],
        page=args.get("page", 1),
        page_size=args.get("page_size", 20),
    )


def all_organizations(
    *, exclude: str | None = None, by_creation: bool = False
) -> list[Organization]:
    order = Organization.created_at if by_creation else Organization.id
    query = sa.select(Organization).order_by(order)
    if exclude:
        query = query.where(Organization.id != exclude)
    return list(db.session.scalars(query))


def stale(*, before: datetime, page: int, page_size: int) -> tuple[list[Organization], int]:
    """Organisations (not archived) last updated before `before`, oldest first."""
    query = sa.select(Organization).where(
        Organization.updated_at < before, Organization.status != "archived"
    )
    return paginate(
        query, [Organization.updated_at, Organization.id], page=page, page_size=page_size
    )


def published_facets() -> list[tuple[list, str | None, str]]:
    """(themes, district, kind) of every published organisation."""
    return [
        tuple(row)
        for row in db.session.execute(
            sa.select(Organization.themes, Organization.district, Organization.kind).where(
                Organization.status == "published"
            )
        )
    ]


def recently_updated_published(*, limit: int) -> list[Organization]:
    return list(
        db.session.scalars(
            sa.select(Organization)
            .where(Organization.status == "published")
            .order_by(Organization.updated_at.desc())
            .limit(limit)
        )
    )


def all_ids() -> list[str]:
    return list(db.session.scalars(sa.select(Organization.id)))


def by_ids(ids: list[str]) -> dict[str, Organization]:
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in db.session.scalars(sa.select(Organization).where(Organization.id.in_(chunk))):
            out[row.id] = row
    return out


def by_external_ids(external_ids: list[str]) -> dict[str, Organization]:
    out = {}
    for start in range(0, len(external_ids), 500):
        chunk = external_ids[start : start + 500]
        query = sa.select(Organization).where(Organization.external_id.in_(chunk))
        for row in db.session.scalars(query):
            out[row.external_id] = row
    return out


# -- writing ---------------------------------------------------------------------------------
def new_draft(wanted_id: str | None = None) -> Organization:
    """Stage a new draft (an import), with `wanted_id` when that id is free."""
    free = wanted_id and db.session.get(Organization, wanted_id) is None
    # The id is set now, not at the flush: an import stages thousands of rows and their audit
    # entries, and flushes them once.
    row = Organization(id=wanted_id if free else new_id("org"), status="draft", verified=False)
    db.session.add(row)
    return row


def apply(org: Organization, data: dict[str, Any]) -> None:
    """Set the fields of an API-shaped body on the organisation; Invalid on a broken rule."""
    FIELDS.apply(org, data, skip=("contact",))
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
    org.themes_key = codes_key(org.themes)
    problem = stage_problem(org.kind, org.stage)
    if problem:
        raise Invalid(problem, errors={"json": {"stage": [problem]}})
    problem = thesis_problem(org.kind, FIELDS.to_api(org, show_personal=False)["investment"])
    if problem:
        raise Invalid(problem, errors={"json": {"investment": [problem]}})


def create_organization(*, data: dict[str, Any], principal: Principal) -> Organization:
    if not principal.is_staff:
        raise Forbidden("Only curators and admins create organisations.")
    check_unique(Organization.external_id, data.get("external_id"), None)
    with unit_of_work() as session:
        org = Organization(status="draft", verified=False)
        apply(org, data)
        session.add(org)
        session.flush()
        indexing.index_entities([org])
        audit.record(
            entity=org, action="create", principal=principal, before={}, after=FIELDS.snapshot(org)
        )
    return org


def update_organization(
    *,
    org: Organization,
    data: dict[str, Any],
    principal: Principal,
    if_match: str | None,
    replace: bool = False,
) -> Organization:
    """Change the fields sent (PATCH), or replace the whole record (PUT, `replace`): what
    is not sent becomes empty, except the fields only curators change."""
    if replace:
        data = FIELDS.replacement(data)
    if not principal.is_staff:
        if principal.organization_id != org.id:
            raise Forbidden("Members may edit only their own organisation.")
        FIELDS.refuse_curator_only(org, data)
    check_if_match(org, if_match)
    check_unique(Organization.external_id, data.get("external_id"), org.id)
    with unit_of_work():
        before = FIELDS.snapshot(org)
        apply(org, data)
        after = FIELDS.snapshot(org)
        if before != after:
            org.updated_at = utcnow()
            indexing.refresh(org, texts_changed=FIELDS.changed(before, after, embedded=True))
            audit.record(
                entity=org, action="update", principal=principal, before=before, after=after
            )
    return org


def delete_organization(
    *, org: Organization, principal: Principal, if_match: str | None, erase: bool
) -> None:
    """Delete it; `erase` also erases what the other rooms hold about it (GDPR art. 17)."""
    if not principal.is_staff:
        raise Forbidden("Only curators and admins delete organisations.")
    check_if_match(org, if_match)
    if erase and not erasing.receivers:
        raise RuntimeError("no eraser is connected: the privacy room is not loaded")
    with unit_of_work() as session:
        if erase:
            erasing.send(org, principal=principal)
            audit.note(
                entity_type="organization",
                entity_id=org.id,
                action="erase",
                principal=principal,
                changes={},
            )
        else:
            before = FIELDS.snapshot(org)
            indexing.forget_entity(org)
            audit.record(entity=org, action="delete", principal=principal, before=before, after={})
        session.delete(org)
