"""Match queries: partners and offers for an organisation, organisations for an offer, search."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from flask import current_app

from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.matching.explain import explain
from matchmaker.matching.index import OFFER, ORG, MatchIndex
from matchmaker.matching.ranking import (
    Filters,
    Query,
    Scored,
    calibrate,
    candidate_mask,
    eligible_offers_for,
    eligible_orgs_for,
    rank,
    today_ordinal,
)
from matchmaker.matching.texts import build_texts
from matchmaker.matching.weights import DEFAULT_WEIGHTS, Weights
from matchmaker.models import Feedback, Offer, Organization
from matchmaker.runtime import get_runtime
from matchmaker.services import Invalid, NotFound
from matchmaker.services.indexing import index_entities, notify_index_changed

MAX_LIMIT = 50


@dataclass
class MatchOptions:
    target: str = "organizations"
    limit: int = 10
    min_score: float = 0.0
    filters: Filters | None = None
    lang: str = "en"
    weights: Weights = DEFAULT_WEIGHTS


def current_index() -> MatchIndex:
    index = get_runtime().index
    index.ensure_current()
    return index


def _query_from_slot(index: MatchIndex, slot: int, etype: int) -> Query:
    vectors = index.vectors(slot)
    positions = index.positions(slot)
    profile = vectors["profile"]
    if etype == OFFER:
        supply, supply_positions = profile, np.zeros(len(profile), dtype=int)
        is_profile = np.ones(len(profile), dtype=bool)
    else:
        supply = np.vstack([vectors["offer"], profile]) if len(vectors["offer"]) else profile
        supply_positions = np.concatenate([positions["offer"], np.zeros(len(profile), int)])
        is_profile = np.array([False] * len(vectors["offer"]) + [True] * len(profile))
    needs, need_positions = vectors["need"], positions["need"]
    need_terms = index.need_terms[slot]
    uses_profile = len(needs) == 0
    if uses_profile:
        # No stated needs: the profile stands in (what it is about is what it looks for).
        needs, need_positions = profile, np.zeros(len(profile), dtype=int)
        need_terms = [sorted(index.supply_terms[slot])]
    return Query(
        need_vectors=needs,
        need_positions=need_positions,
        need_terms=need_terms,
        supply_vectors=supply,
        supply_terms=index.supply_terms[slot],
        supply_is_profile=is_profile,
        supply_positions=supply_positions,
        slot=slot,
        etype=etype,
        uses_profile_as_need=uses_profile,
    )


def _ensure_indexed(index: MatchIndex, entity: Organization | Offer, entity_type: str) -> int:
    slot = index.slot_for(entity_type, entity.id)
    if slot is None or not index.live[slot]:
        # Never embedded with the current model (e.g. after a model change): do it now.
        index_entities([entity])
        db.session.commit()
        notify_index_changed()
        index.refresh([(entity_type, entity.id)])
        slot = index.slot_for(entity_type, entity.id)
    assert slot is not None
    return slot


def _dismissed(index: MatchIndex, organization_id: str) -> set[int]:
    rows = db.session.execute(
        sa.select(Feedback.candidate_type, Feedback.candidate_id).where(
            Feedback.organization_id == organization_id, Feedback.verdict == "not_relevant"
        )
    ).all()
    slots = {index.slot_for(ctype, cid) for ctype, cid in rows}
    return {s for s in slots if s is not None}


def _load(index: MatchIndex, scored: list[Scored]) -> dict[int, Organization | Offer]:
    org_ids = [index.ids[s.slot] for s in scored if index.etype[s.slot] == ORG]
    offer_ids = [index.ids[s.slot] for s in scored if index.etype[s.slot] == OFFER]
    rows: dict[tuple[int, str], Organization | Offer] = {}
    if org_ids:
        for org in db.session.scalars(sa.select(Organization).where(Organization.id.in_(org_ids))):
            rows[(ORG, org.id)] = org
    if offer_ids:
        for offer in db.session.scalars(sa.select(Offer).where(Offer.id.in_(offer_ids))):
            rows[(OFFER, offer.id)] = offer
    out = {}
    for s in scored:
        row = rows.get((int(index.etype[s.slot]), index.ids[s.slot]))
        if row is not None:
            out[s.slot] = row
    return out


def _calibrated(cosine: float, weights: Weights) -> float:
    return float(calibrate(np.float64(cosine), weights))


def _pairs(
    index: MatchIndex, query: Query, scored: Scored, *, forward: bool, weights: Weights
) -> list[tuple[int, str, int, float]]:
    """Best (query text, candidate text) pairs behind a score, for the explanation.

    Returns (position of the asking side's text, field of the other side's text, its position,
    calibrated strength), at most one pair per need, strongest first.
    """
    vectors = index.vectors(scored.slot)
    positions = index.positions(scored.slot)
    best: dict[int, tuple[int, str, int, float]] = {}

    def consider(key: int, pair: tuple[int, str, int, float]) -> None:
        if key not in best or pair[3] > best[key][3]:
            best[key] = pair

    if forward:
        right_sets = [
            ("offer", vectors["offer"], positions["offer"]),
            ("profile", vectors["profile"], positions["profile"]),
        ]
        if index.etype[scored.slot] == OFFER:
            right_sets = [("profile", vectors["profile"], positions["profile"])]
        for vec, need_position in zip(query.need_vectors, query.need_positions, strict=True):
            for name, rows, row_positions in right_sets:
                if not len(rows):
                    continue
                sims = rows @ vec
                j = int(np.argmax(sims))
                value = _calibrated(float(sims[j]), weights)
                if name == "profile" and index.etype[scored.slot] == ORG:
                    value *= weights.profile_discount
                consider(
                    int(need_position), (int(need_position), name, int(row_positions[j]), value)
                )
    else:
        for vec, need_position in zip(vectors["need"], positions["need"], strict=True):
            sims = query.supply_vectors @ vec
            if not len(sims):
                continue
            j = int(np.argmax(sims))
            value = _calibrated(float(sims[j]), weights)
            name = "profile" if query.supply_is_profile[j] else "offer"
            consider(
                int(need_position),
                (int(need_position), name, int(query.supply_positions[j]), value),
            )
    pairs = sorted(best.values(), key=lambda p: -p[3])
    # Only pairs a person would find convincing (calibrated strength 0.4 ~ cosine 0.42).
    return [p for p in pairs[:3] if p[3] >= 0.4]


def _finish(
    index: MatchIndex,
    query: Query,
    query_row: Organization | Offer | None,
    scored: list[Scored],
    options: MatchOptions,
    *,
    mode: str,
    query_text: str | None = None,
) -> list[dict]:
    rows = _load(index, scored)
    items = []
    for s in scored:
        row = rows.get(s.slot)
        if row is None:
            continue
        forward_pairs = (
            _pairs(index, query, s, forward=True, weights=options.weights)
            if mode != "offer_orgs"
            else []
        )
        reverse_pairs = (
            _pairs(index, query, s, forward=False, weights=options.weights)
            if mode in ("partners", "offer_orgs")
            else []
        )
        items.append(
            explain(
                row=row,
                scored=s,
                query_row=query_row,
                query=query,
                forward_pairs=forward_pairs,
                reverse_pairs=reverse_pairs,
                mode=mode,
                lang=options.lang,
                query_text=query_text,
            )
        )
    return items


def matches_for_organization(*, organization: Organization, options: MatchOptions) -> list[dict]:
    """Partners (`target=organizations`) or offers (`target=offers`) for an organisation."""
    index = current_index()
    slot = _ensure_indexed(index, organization, "organization")
    query = _query_from_slot(index, slot, ORG)
    filters = options.filters or Filters()
    today = today_ordinal()
    exclude = {slot} | _dismissed(index, organization.id)
    target = ORG if options.target == "organizations" else OFFER
    mask = candidate_mask(index, target=target, filters=filters, exclude=exclude, today=today)
    if target == OFFER:
        mask &= eligible_offers_for(index, slot, len(mask), today)
        if filters.offer_kinds:
            kinds = _offer_kinds_mask(index, filters.offer_kinds)
            mask &= kinds[: len(mask)]
    scored = rank(
        index,
        query,
        target=target,
        mask=mask,
        limit=min(options.limit, MAX_LIMIT),
        weights=options.weights,
        reciprocal=target == ORG,
        now=time.time(),
        min_score=options.min_score,
    )
    mode = "partners" if target == ORG else "offers"
    return _finish(index, query, organization, scored, options, mode=mode)


def _offer_kinds_mask(index: MatchIndex, kinds: list[str]) -> np.ndarray:
    ids = set(db.session.scalars(sa.select(Offer.id).where(Offer.kind.in_(kinds))))
    mask = np.zeros(index.n_slots, dtype=bool)
    for offer_id in ids:
        slot = index.slot_for("offer", offer_id)
        if slot is not None:
            mask[slot] = True
    return mask


def matches_for_offer(*, offer: Offer, options: MatchOptions) -> list[dict]:
    """Organisations that fit an offer: eligible, and whose needs the offer meets."""
    index = current_index()
    slot = _ensure_indexed(index, offer, "offer")
    query = _query_from_slot(index, slot, OFFER)
    filters = options.filters or Filters()
    exclude = {index.slot_for("organization", offer.provider_id)} if offer.provider_id else set()
    exclude.discard(None)
    mask = candidate_mask(index, target=ORG, filters=filters, exclude=exclude, today=0)
    mask &= eligible_orgs_for(index, slot, len(mask))
    scored = rank(
        index,
        query,
        target=ORG,
        mask=mask,
        limit=min(options.limit, MAX_LIMIT),
        weights=options.weights,
        offer_for_orgs=True,
        now=time.time(),
        min_score=options.min_score,
    )
    return _finish(index, query, offer, scored, options, mode="offer_orgs")


def search(*, text: str, options: MatchOptions) -> list[dict]:
    """Free-text search: the text is treated as a need, candidates by what they offer."""
    if not text.strip():
        raise Invalid("Empty search text.", errors={"json": {"text": ["Must not be empty."]}})
    index = current_index()
    config = current_app.config
    texts = build_texts(
        profile=text,
        offers=[],
        needs=[],
        bridge_mode=config["MATCHMAKER_TEXT_BRIDGE"],
        dictionary_path=config["MATCHMAKER_DICTIONARY_PATH"],
    )
    vectors = get_runtime().pipeline.embed(texts.encoded)
    terms = texts.terms["profile"][0]
    query = Query(
        need_vectors=vectors,
        need_positions=np.zeros(len(vectors), dtype=int),
        need_terms=[terms],
        supply_vectors=vectors,
        supply_terms=set(terms),
        supply_is_profile=np.ones(len(vectors), dtype=bool),
        supply_positions=np.zeros(len(vectors), dtype=int),
        slot=None,
        etype=-1,
    )
    filters = options.filters or Filters()
    target = ORG if options.target == "organizations" else OFFER
    mask = candidate_mask(
        index, target=target, filters=filters, exclude=set(), today=today_ordinal()
    )
    if target == OFFER and filters.offer_kinds:
        mask &= _offer_kinds_mask(index, filters.offer_kinds)[: len(mask)]
    if index.profile is None:
        return []
    scored = rank(
        index,
        query,
        target=target,
        mask=mask,
        limit=min(options.limit, MAX_LIMIT),
        weights=options.weights,
        now=time.time(),
        min_score=options.min_score,
    )
    return _finish(index, query, None, scored, options, mode="search", query_text=text)


def visible_to(principal: Principal, row: Organization | Offer) -> bool:
    """Whether `principal` may know this organisation or offer exists."""
    if principal.is_staff or row.status == "published":
        return True
    return isinstance(row, Organization) and principal.organization_id == row.id


def get_organization(organization_id: str, principal: Principal) -> Organization:
    org = db.session.get(Organization, organization_id)
    if org is None or not visible_to(principal, org):
        raise NotFound(f"Organisation {organization_id} not found.")
    return org


def get_offer(offer_id: str, principal: Principal) -> Offer:
    offer = db.session.get(Offer, offer_id)
    if offer is None or not visible_to(principal, offer):
        raise NotFound(f"Offer {offer_id} not found.")
    return offer
