"""Curator queues (stale profiles, duplicates) and merging duplicate organisations."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from difflib import SequenceMatcher
from typing import Any
from urllib.parse import urlparse

import numpy as np
from flask import current_app

from matchmaker.access import service as access
from matchmaker.access.principal import Principal
from matchmaker.audit import service as audit
from matchmaker.core.db import codes_key, unit_of_work
from matchmaker.core.time import utcnow
from matchmaker.errors import Invalid
from matchmaker.feedback import service as feedback
from matchmaker.introductions import service as introductions
from matchmaker.matches import indexing
from matchmaker.matches import service as matches
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations

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


def get_organization(organization_id: str, principal: Principal) -> organizations.Organization:
    return organizations.get_organization(organization_id, principal)


def present(org: organizations.Organization) -> dict[str, Any]:
    """An organisation as curators see it (with its contact person)."""
    return organizations.to_api(org, show_contact=True)


def stale_profiles(*, page: int, page_size: int) -> tuple[list[organizations.Organization], int]:
    """Organisations not updated for MATCHMAKER_STALE_AFTER_DAYS, oldest first."""
    cutoff = utcnow() - timedelta(days=current_app.config["MATCHMAKER_STALE_AFTER_DAYS"])
    return organizations.stale(before=cutoff, page=page, page_size=page_size)


def _pair_reasons(
    a: organizations.Organization, b: organizations.Organization, cosine: float | None
) -> list[str]:
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
    profiles = matches.profile_vectors(ids)
    present_ids = [i for i in ids if i in profiles]
    if len(present_ids) < 2:
        return {}
    vectors = np.vstack([profiles[i] for i in present_ids])
    out: dict[tuple[str, str], float] = {}
    for start in range(0, len(present_ids), 1000):
        block = vectors[start : start + 1000] @ vectors.T
        rows, cols = np.nonzero(block >= VECTOR_THRESHOLD)
        for r, c in zip(rows, cols, strict=True):
            i, j = start + int(r), int(c)
            if i < j:
                out[(present_ids[i], present_ids[j])] = float(block[r, c])
    return out


def duplicate_candidates(
    org: organizations.Organization, *, limit: int = 20
) -> list[dict[str, Any]]:
    """Organisations that may be the same as `org`, with the reasons."""
    others = organizations.all_organizations(exclude=org.id)
    profiles = matches.profile_vectors([org.id] + [o.id for o in others])
    cosines = {}
    if org.id in profiles:
        query = profiles[org.id]
        cosines = {o.id: float(profiles[o.id] @ query) for o in others if o.id in profiles}
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
    orgs = organizations.all_organizations()
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
    *,
    survivor: organizations.Organization,
    duplicate: organizations.Organization,
    principal: Principal,
) -> organizations.Organization:
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
    with unit_of_work() as session:
        before = organizations.FIELDS.snapshot(survivor)
        for field in organizations.FIELDS.attrs(merge="fill"):
            mine, theirs = getattr(survivor, field), getattr(duplicate, field)
            if mine in (None, "") and theirs not in (None, ""):
                if field == "external_id":  # unique: free it on the duplicate first
                    duplicate.external_id = None
                    session.flush()
                setattr(survivor, field, theirs)
        for field in organizations.FIELDS.attrs(merge="union"):
            merged = [*(getattr(survivor, field) or []), *(getattr(duplicate, field) or [])]
            setattr(survivor, field, list(dict.fromkeys(merged))[:20])
        for field in organizations.FIELDS.attrs(merge="any"):
            setattr(survivor, field, bool(getattr(survivor, field) or getattr(duplicate, field)))
        survivor.themes_key = codes_key(survivor.themes)
        offers.move_provider(from_id=duplicate.id, to_id=survivor.id)
        feedback.move(from_id=duplicate.id, to_id=survivor.id)
        introductions.move(from_id=duplicate.id, to_id=survivor.id)
        access.move_keys(from_id=duplicate.id, to_id=survivor.id)
        survivor.updated_at = utcnow()
        indexing.index_entities([survivor])
        indexing.forget_entity(duplicate)
        audit.record(
            entity=survivor,
            action="merge",
            principal=principal,
            before=before,
            after={**organizations.FIELDS.snapshot(survivor), "merged_from": duplicate.id},
        )
        audit.note(
            entity_type="organization",
            entity_id=duplicate.id,
            action="merged_into",
            principal=principal,
            changes={"merged_into": {"before": None, "after": survivor.id}},
        )
        session.delete(duplicate)
    return survivor
