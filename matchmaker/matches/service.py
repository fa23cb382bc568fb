"""Match queries: partners and offers for an organisation, organisations for an offer, search.

The engine does the ranking on this process's index; this module supplies what it does not
know: who is asking (visibility), what they dismissed, and vectors for texts it never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from flask import current_app

from matchmaker.access.principal import Principal
from matchmaker.engine.calibration import (
    EVIDENCE_REQUIRED,
    UNPROVEN_CAP,
    band,
    band_floor,
    curve,
    has_evidence,
)
from matchmaker.engine.explain import closed_offer, explain_results, nothing_fits
from matchmaker.engine.filters import (
    Filters,
    candidate_mask,
    eligible_offers_for,
    eligible_orgs_for,
    today_ordinal,
)
from matchmaker.engine.index import MatchIndex
from matchmaker.engine.queries import query_for_record, query_for_slot, query_for_text
from matchmaker.engine.ranking import Query, rank
from matchmaker.engine.snapshot import OFFER, ORG
from matchmaker.engine.texts import build_texts, english_rendering
from matchmaker.engine.weights import DEFAULT_WEIGHTS, Weights
from matchmaker.errors import Invalid
from matchmaker.feedback import service as feedback
from matchmaker.matches import indexing, loader
from matchmaker.matches.results import ranking_clock
from matchmaker.matches.runtime import get_runtime
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations

MAX_LIMIT = 50
#: Where the agency looks at needs nothing meets (curators; the portal may link its own page).
GAP_ANALYSIS = "/api/v1/analytics/gaps"


@dataclass
class MatchOptions:
    """What the caller asks for. `min_score` and `band` set the lowest relevance shown; by
    default it is the list type's calibrated threshold (`min_score=0` shows everything)."""

    target: str = "organizations"
    limit: int = 10
    min_score: float | None = None
    band: str | None = None
    filters: Filters | None = None
    lang: str = "en"
    weights: Weights = DEFAULT_WEIGHTS
    direction: str = "providers"  # search: find who offers the text, or who seeks it


@dataclass
class MatchList:
    """A ranked, explained answer: what passed the threshold, and how many did not. Answers
    from the result cache are shared between requests: read them, never change them."""

    items: list[dict] = field(default_factory=list)
    held_back: int = 0
    threshold: float = 0.0
    closed: bool = False  # an offer past its deadline
    #: The response bodies rendered of this answer, by what the view added to it (the view's
    #: memo: a cached answer is rendered once).
    rendered: dict[tuple, bytes] = field(default_factory=dict, compare=False, repr=False)

    def body(self, lang: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "items": self.items,
            "held_back": self.held_back,
            "threshold": self.threshold,
        }
        if not self.items:
            body["message"] = (
                closed_offer(lang)
                if self.closed
                else nothing_fits(lang, held_back=self.held_back, threshold=self.threshold)
            )
            body["gap_analysis"] = GAP_ANALYSIS
        return body


def _translator():
    """German texts in English, for English readers of German quotes the index holds no
    rendering of (a search's text, records written before renderings were kept)."""
    dictionary = current_app.config["MATCHMAKER_DICTIONARY_PATH"] or None
    return lambda text: _in_english(dictionary, text)


@lru_cache(maxsize=65536)
def _in_english(dictionary: str | None, text: str) -> str | None:
    """A German quote's English rendering (None for other languages), once a process."""
    return english_rendering(text, dictionary)


def threshold_of(options: MatchOptions, mode: str) -> float:
    """The lowest relevance this answer shows."""
    floors = [options.min_score, band_floor(options.band) if options.band else None]
    asked = [floor for floor in floors if floor is not None]
    return max(asked) if asked else curve(mode).threshold


def current_index() -> MatchIndex:
    """This process's index, current with every worker's committed changes."""
    return loader.keeper_of(get_runtime()).current()


def get_organization(organization_id: str, principal: Principal) -> organizations.Organization:
    return organizations.get_organization(organization_id, principal)


def get_offer(offer_id: str, principal: Principal) -> offers.Offer:
    return offers.get_visible_offer(offer_id, principal)


def _query_for(index: MatchIndex, entity: Any) -> Query:
    slot = index.slot_for(entity.ENTITY_TYPE, entity.id)
    if slot is not None and index.live[slot]:
        return query_for_slot(index, slot)
    # Never embedded in the current vector space (e.g. right after a model change, before
    # `matchmaker reindex`): embed it for this answer, without writing from a read.
    ((_, texts, vectors),) = indexing.embed([entity])
    by_field: dict[str, list] = {}
    for field_name, position, variant, vector in zip(
        texts.fields, texts.positions, texts.variants, vectors, strict=True
    ):
        by_field.setdefault(field_name, []).append((position, variant, vector))
    return query_for_record(
        loader.record_of(
            entity,
            {k: tuple(v) for k, v in by_field.items()},
            terms=texts.terms,
            english=texts.english,
        )
    )


def _answer_key(index: MatchIndex, asker: tuple, options: MatchOptions) -> tuple | None:
    """The result cache's key for this question (None: not cacheable, e.g. tuned weights)."""
    if options.weights is not DEFAULT_WEIGHTS:
        return None
    return (
        asker,
        index.serial,
        index.version,
        ranking_clock(),
        options.target,
        min(options.limit, MAX_LIMIT),
        options.min_score,
        options.band,
        repr(options.filters or Filters()),
        options.lang,
        options.direction,
    )


def _cached(key: tuple | None, compute: Callable[[], MatchList]) -> MatchList:
    """The answer from this process's result cache, or computed and kept there."""
    if key is None:
        return compute()
    cache = get_runtime().results
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.put(key, answer)
    return answer


def _ranked(
    index: MatchIndex,
    query: Query,
    mask,
    options: MatchOptions,
    *,
    target: int,
    mode: str,
    query_text: str | None = None,
) -> MatchList:
    """Rank the candidates in `mask`, keep those at or above the threshold, explain them."""
    threshold = threshold_of(options, mode)
    answer = MatchList(threshold=threshold)
    if index.profile is None:
        return answer
    limit = min(options.limit, MAX_LIMIT)
    scored = rank(
        index,
        query,
        target=target,
        mask=mask,
        limit=limit,
        weights=options.weights,
        now=ranking_clock(),
        mode=mode,
    )
    calibrated = curve(mode)
    translate = _translator() if options.lang == "en" else None
    for scored_item in scored:
        relevance = calibrated.relevance(scored_item.score)
        if relevance < threshold:  # held back without the cost of an explanation
            answer.held_back += 1
            continue
        (item,) = explain_results(
            index,
            query,
            [scored_item],
            mode=mode,
            lang=options.lang,
            weights=options.weights,
            query_text=query_text,
            translate=translate,
        )
        if mode in EVIDENCE_REQUIRED and not has_evidence(item):
            relevance = min(relevance, UNPROVEN_CAP)
            if relevance < threshold:
                answer.held_back += 1
                continue
        item["raw_score"] = scored_item.score
        item["score"] = round(relevance, 3)
        item["band"] = band(relevance)
        answer.items.append(item)
    return answer


def matches_for_organization(
    *, organization: organizations.Organization, options: MatchOptions
) -> MatchList:
    """Partners (`target=organizations`) or offers (`target=offers`) for an organisation."""
    index = current_index()
    own = index.slot_for("organization", organization.id)
    live = own is not None and bool(index.live[own])
    key = _answer_key(index, ("organization", organization.id), options) if live else None
    return _cached(key, lambda: _organization_matches(index, organization, own, live, options))


def _organization_matches(
    index: MatchIndex,
    organization: organizations.Organization,
    own: int | None,
    live: bool,
    options: MatchOptions,
) -> MatchList:
    query = _query_for(index, organization)
    today = today_ordinal()
    if live:
        exclude = index.dismissed_slots(own)  # kept current by the feedback room's notices
    else:
        exclude = {index.slot_for(t, i) for t, i in feedback.dismissed(organization.id)}
    exclude.add(own)
    target = ORG if options.target == "organizations" else OFFER
    mask = candidate_mask(
        index, target=target, filters=options.filters or Filters(), exclude=exclude, today=today
    )
    if target == OFFER:
        # Only what it may apply to, and never its own offers.
        mask &= eligible_offers_for(index, query.facets, today)
        mask &= ~index.provided_by(organization.id)
        return _ranked(index, query, mask, options, target=OFFER, mode="offers")
    return _ranked(index, query, mask, options, target=ORG, mode="partners")


def matches_for_offer(*, offer: offers.Offer, options: MatchOptions) -> MatchList:
    """Organisations that fit an offer: eligible, and whose needs the offer meets."""
    index = current_index()
    slot = index.slot_for("offer", offer.id)
    live = slot is not None and bool(index.live[slot])
    key = _answer_key(index, ("offer", offer.id), options) if live else None
    return _cached(key, lambda: _offer_matches(index, offer, options))


def _offer_matches(index: MatchIndex, offer: offers.Offer, options: MatchOptions) -> MatchList:
    query = _query_for(index, offer)
    exclude = {index.slot_for("organization", offer.provider_id)} if offer.provider_id else set()
    mask = candidate_mask(
        index, target=ORG, filters=options.filters or Filters(), exclude=exclude, today=0
    )
    mask &= eligible_orgs_for(index, query.facets)
    if query.facets.deadline < today_ordinal():
        mask[:] = False  # past its deadline: nobody can apply any more
    answer = _ranked(index, query, mask, options, target=ORG, mode="offer_orgs")
    answer.closed = query.facets.deadline < today_ordinal()
    return answer


def search(*, text: str, options: MatchOptions) -> MatchList:
    """Free-text search. By default the text is a need and candidates are ranked by what they
    offer (`direction=providers`); `direction=seekers` ranks organisations by how well the
    text meets their needs (who is looking for this?)."""
    if not text.strip():
        raise Invalid("Empty search text.", errors={"json": {"text": ["Must not be empty."]}})
    index = current_index()
    key = _answer_key(index, ("search", text), options)
    return _cached(key, lambda: _search(index, text, options))


def _search(index: MatchIndex, text: str, options: MatchOptions) -> MatchList:
    config = current_app.config
    texts = build_texts(
        profile=text,
        offers=[],
        needs=[],
        bridge_mode=config["MATCHMAKER_TEXT_BRIDGE"],
        dictionary_path=config["MATCHMAKER_DICTIONARY_PATH"],
    )
    vectors = get_runtime().pipeline.embed(texts.encoded)
    query = query_for_text(vectors, texts.terms["profile"][0])
    target = ORG if options.target == "organizations" else OFFER
    mask = candidate_mask(
        index,
        target=target,
        filters=options.filters or Filters(),
        exclude=set(),
        today=today_ordinal(),
    )
    mode = "search" if options.direction == "providers" else "seekers"
    if mode == "seekers" and target == OFFER:
        raise Invalid(
            "Offers provide; only organisations seek. Use target=organizations.",
            errors={"json": {"direction": ["seekers needs target=organizations."]}},
        )
    return _ranked(index, query, mask, options, target=target, mode=mode, query_text=text)


def profile_vectors(ids: list[str]) -> dict[str, Any]:
    """The first profile vector of each indexed organisation among `ids` (duplicate checks)."""
    index = current_index()
    out = {}
    if index.profile is None:
        return out
    for organization_id in ids:
        slot = index.slot_for("organization", organization_id)
        if slot is not None and len(index.profile.rows_of(slot)):
            out[organization_id] = index.profile.rows_of(slot)[0]
    return out


def index_report() -> dict[str, Any] | None:
    """The index's size, or None while this process has not loaded it."""
    keeper = get_runtime().keeper
    return keeper.index.stats() if keeper is not None and keeper.loaded else None


def stored_vectors(entity_type: str, entity_id: str) -> list[tuple[str, int, str]]:
    """(field, position, vector space) of each vector stored for the entity (GDPR export)."""
    return indexing.stored_vectors(entity_type, entity_id)


def redis_ping() -> None:
    """Raise when Redis does not answer (readiness)."""
    get_runtime().redis.ping()


def model_loaded() -> bool:
    """Whether this process has loaded the embedding model (health must not load it)."""
    pipeline = get_runtime().pipeline_started
    return pipeline is not None and pipeline.encoder.loaded


def report_cache_metrics(record) -> None:
    """Hand this process's embedding-cache totals to `record(totals, reported)`."""
    runtime = get_runtime()
    pipeline = runtime.pipeline_started
    if pipeline is not None and pipeline.cache is not None:
        cache = pipeline.cache
        totals = {
            "hit": cache.hits,
            "miss": cache.misses,
            "error": cache.errors,
            "rejected": cache.rejected,
        }
        record(totals, runtime.reported)
