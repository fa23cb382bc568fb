"""Curator queues (stale profiles, duplicates) and merging duplicate organisations."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from difflib import SequenceMatcher
from typing import Any
from urllib.parse import urlparse

import numpy as np
import sqlalchemy as sa
from flask import current_app

from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import AuditEvent, Feedback, Introduction, Offer, Organization
from matchmaker.models._common import themes_key, utcnow
from matchmaker.services import Invalid
from matchmaker.services.audit import record
from matchmaker.services.indexing import forget_entity, index_entities, notify_index_changed
from matchmaker.services.records import audit_snapshot

LEGAL_FORMS = re.compile(
    r"\b(gmbh|ag|ug|kg|ohg|se|e\s?v|ev|gbr|mbh|co|ltd|inc|haftungsbeschränkt|& co)\b\.?"
)
NAME_THRESHOLD = 0.88
VECTOR_THRESHOLD = 0.95


def normalized_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = LEGAL_FORMS.sub(" ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def website_domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "://" in url else f"https://{url}").hostname or ""
    return host.removeprefix("www.") or None


def stale_profiles(*, page: int, page_size: int) -> tuple[list[Organization], int]:
    """Organisations not updated for MATCHMAKER_STALE_AFTER_DAYS, oldest first."""
    cutoff = utcnow() - timedelta(days=current_app.config["MATCHMAKER_STALE_AFTER_DAYS"])
    query = sa.select(Organization).where(
        Organization.updated_at < cutoff, Organization.status != "archived"
    )
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    rows = db.session.scalars(
        query.order_by(Organization.updated_at, Organization.id)
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return list(rows), total


def _pair_reasons(a: Organization, b: Organization, cosine: float | None) -> list[str]:
    reasons = []
    ratio = SequenceMatcher(None, normalized_name(a.name), normalized_name(b.name)).ratio()
    if ratio >= NAME_THRESHOLD:
        reasons.append(f"similar name ({ratio:.2f})")
    domain = website_domain(a.website)
    if domain and domain == website_domain(b.website):
        reasons.append(f"same website domain ({domain})")
    if cosine is not None and cosine >= VECTOR_THRESHOLD:
        reasons.append(f"near-identical profile ({cosine:.2f})")
    return reasons


def _profile_cosines(ids: list[str]) -> dict[tuple[str, str], float]:
    """Cosine of every pair of profiles above the threshold, computed in chunks."""
    from matchmaker.services.matching import current_index

    index = current_index()
    if index.profile is None:
        return {}
    slots = [index.slot_for("organization", i) for i in ids]
    present = [(i, s) for i, s in zip(ids, slots, strict=True) if s is not None]
    if len(present) < 2:
        return {}
    vectors = np.vstack([index.profile.rows_of(s)[:1] for _, s in present])
    out: dict[tuple[str, str], float] = {}
    for start in range(0, len(present), 1000):
        block = vectors[start : start + 1000] @ vectors.T
        rows, cols = np.nonzero(block >= VECTOR_THRESHOLD)
        for r, c in zip(rows, cols, strict=True):
            i, j = start + int(r), int(c)
            if i < j:
                out[(present[i][0], present[j][0])] = float(block[r, c])
    return out


def duplicate_candidates(org: Organization, *, limit: int = 20) -> list[dict[str, Any]]:
    """Organisations that may be the same as `org`, with the reasons."""
    others = db.session.scalars(sa.select(Organization).where(Organization.id != org.id)).all()
    cosines = {}
    from matchmaker.services.matching import current_index

    index = current_index()
    slot = index.slot_for("organization", org.id)
    if slot is not None and index.profile is not None and len(index.profile.rows_of(slot)):
        query = index.profile.rows_of(slot)[0]
        for other in others:
            other_slot = index.slot_for("organization", other.id)
            if other_slot is not None and len(index.profile.rows_of(other_slot)):
                cosines[other.id] = float(index.profile.rows_of(other_slot)[0] @ query)
    out = []
    for other in others:
        reasons = _pair_reasons(org, other, cosines.get(other.id))
        if reasons:
            out.append(
                {"id": other.id, "name": other.name, "status": other.status, "reasons": reasons}
            )
    return out[:limit]


def duplicate_queue(*, limit: int = 100) -> list[dict[str, Any]]:
    """Candidate duplicate pairs across all organisations (name, domain or vector)."""
    orgs = db.session.scalars(sa.select(Organization).order_by(Organization.id)).all()
    by_id = {o.id: o for o in orgs}
    pairs: dict[tuple[str, str], float | None] = {}
    by_domain: dict[str, list[str]] = {}
    by_block: dict[str, list[str]] = {}
    for org in orgs:
        domain = website_domain(org.website)
        if domain:
            by_domain.setdefault(domain, []).append(org.id)
        name = normalized_name(org.name)
        by_block.setdefault(name[:4], []).append(org.id)
    for group in list(by_domain.values()) + list(by_block.values()):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pairs.setdefault(tuple(sorted((a, b))), None)
    for pair, cosine in _profile_cosines([o.id for o in orgs]).items():
        pairs[tuple(sorted(pair))] = cosine
    out = []
    for (a, b), cosine in pairs.items():
        reasons = _pair_reasons(by_id[a], by_id[b], cosine)
        if reasons:
            out.append(
                {
                    "organization_ids": [a, b],
                    "names": [by_id[a].name, by_id[b].name],
                    "reasons": reasons,
                }
            )
    out.sort(key=lambda p: (-len(p["reasons"]), p["names"]))
    return out[:limit]


def merge_organizations(
    *, survivor: Organization, duplicate: Organization, principal: Principal
) -> Organization:
    """Merge `duplicate` into `survivor` atomically.

    The survivor keeps its id, history and values; its empty fields are filled from the
    duplicate; offers, needs and themes are united. Offers, feedback and introductions move to
    the survivor; the duplicate and its vectors are deleted; both records get audit events.
    """
    if survivor.id == duplicate.id:
        raise Invalid(
            "An organisation cannot be merged with itself.",
            errors={"json": {"duplicate_id": ["Must differ from the survivor."]}},
        )
    before = audit_snapshot(survivor)
    try:
        for field in (
            "description",
            "stage",
            "district",
            "municipality",
            "postal_code",
            "lat",
            "lon",
            "founded_year",
            "employees",
            "website",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_consent_at",
            "contact_legal_basis",
            "external_id",
        ):
            if getattr(survivor, field) in (None, "") and getattr(duplicate, field) not in (
                None,
                "",
            ):
                value = getattr(duplicate, field)
                if field == "external_id":
                    duplicate.external_id = None
                    db.session.flush()
                setattr(survivor, field, value)
        for field in ("offers", "needs", "themes", "languages"):
            merged = list(
                dict.fromkeys(
                    [*(getattr(survivor, field) or []), *(getattr(duplicate, field) or [])]
                )
            )
            setattr(survivor, field, merged[:20])
        survivor.themes_key = themes_key(survivor.themes)
        survivor.verified = survivor.verified or duplicate.verified
        db.session.execute(
            sa.update(Offer)
            .where(Offer.provider_id == duplicate.id)
            .values(provider_id=survivor.id)
        )
        existing = set(
            db.session.scalars(
                sa.select(Feedback.candidate_id).where(Feedback.organization_id == survivor.id)
            )
        )
        for fb in db.session.scalars(
            sa.select(Feedback).where(Feedback.organization_id == duplicate.id)
        ):
            if fb.candidate_id in existing or fb.candidate_id == survivor.id:
                db.session.delete(fb)
            else:
                fb.organization_id = survivor.id
        db.session.execute(
            sa.update(Feedback)
            .where(Feedback.candidate_id == duplicate.id)
            .values(candidate_id=survivor.id)
        )
        db.session.execute(
            sa.delete(Feedback).where(
                Feedback.organization_id == survivor.id, Feedback.candidate_id == survivor.id
            )
        )
        db.session.execute(
            sa.update(Introduction)
            .where(Introduction.from_organization_id == duplicate.id)
            .values(from_organization_id=survivor.id)
        )
        db.session.execute(
            sa.update(Introduction)
            .where(Introduction.to_organization_id == duplicate.id)
            .values(to_organization_id=survivor.id)
        )
        db.session.execute(
            sa.delete(Introduction).where(
                Introduction.from_organization_id == Introduction.to_organization_id
            )
        )
        survivor.updated_at = utcnow()
        index_entities([survivor])
        forget_entity("organization", duplicate.id)
        record(
            entity=survivor,
            action="merge",
            principal=principal,
            before=before,
            after={**audit_snapshot(survivor), "merged_from": duplicate.id},
        )
        db.session.add(
            AuditEvent(
                entity_type="organization",
                entity_id=duplicate.id,
                action="merged_into",
                actor=principal.actor,
                actor_key_id=principal.key_id,
                changes={"merged_into": {"before": None, "after": survivor.id}},
            )
        )
        db.session.delete(duplicate)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    notify_index_changed()
    return survivor
