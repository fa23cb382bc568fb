"""Explanations of a match that a person reads, in German or English, and the evidence behind
them: which of one side's texts meets which of the other's.

Only convincing pairs are cited (semantic and lexical evidence together), a profile is never
quoted as if it were an offer, a claim about direction is made only where its evidence is, and
German quotes get their English rendering for English readers.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.phrasing import (
    format_amount,
    format_date,
    format_number,
    listing,
    phrases,
    quote,
    sentence,
    thesis_text,
)
from matchmaker.engine.queries import Query, Scored
from matchmaker.engine.snapshot import OFFER, ORG, THEME_BITS, EntityRecord
from matchmaker.engine.weights import Weights
from matchmaker.taxonomy import label

#: A cited pair must be at least this convincing: the blend of its calibrated cosine and the
#: share of the need's (idf-weighted) terms the other text uses.
CITE_STRENGTH = 0.45
Translate = Callable[[str], str | None]


def _coverage(index: MatchIndex, need: frozenset[str], mass: float, supply: set[str]) -> float:
    """The share of a need's terms (`mass`: their summed idf) that the supply uses."""
    common = need & supply if mass > 0 else ()
    return sum(map(index.idf, common)) / mass if common else 0.0


def _strength(
    index: MatchIndex, cos: float, need: frozenset[str], mass: float, supply_terms, weights: Weights
) -> float:
    """The blend of a pair's calibrated cosine (as `evidence.calibrate`, on one float) and the
    share of the need's terms the other text uses."""
    span = max(weights.cosine_ceiling - weights.cosine_floor, 1e-6)
    semantic = min(max((cos - weights.cosine_floor) / span, 0.0), 1.0)
    lexical = _coverage(index, need, mass, supply_terms)
    total = (weights.semantic + weights.lexical) or 1.0
    return (weights.semantic * semantic + weights.lexical * lexical) / total


def evidence_pairs(
    index: MatchIndex, query: Query, scored: Scored, *, forward: bool, weights: Weights
) -> list[tuple[int, str, int, float]]:
    """Convincing (text, text) pairs behind a score, strongest first, one per need.

    Returns (position of the need, field of the meeting text (offer or profile), its
    position, strength). Forward: the asker's needs met by the candidate; reverse: the
    candidate's needs met by the asker.
    """
    slot = scored.slot
    best: dict[int, tuple[int, str, int, float]] = {}

    def keep(pair: tuple[int, str, int, float]) -> None:
        if pair[0] not in best or pair[3] > best[pair[0]][3]:
            best[pair[0]] = pair

    if forward:
        if not len(query.need_terms) or query.uses_profile_as_need and query.target == ORG:
            return []
        name = "offer"
        store = index.offers
        if index.etype[slot] == ORG and not index.has_offers[slot]:
            name, store = "profile", index.profile
        rows = store.rows_of(slot)
        if len(rows) and len(query.need_vectors):
            # Every need against every row in one product; the best row for each need.
            sims = rows @ np.asarray(query.need_vectors, dtype=np.float32).T
            best_rows = sims.argmax(axis=0).tolist()
            best_cos = sims.max(axis=0).tolist()
            tags = store.tags_of(slot)
            supply_terms = index.supply_terms[slot]
            needs = [frozenset(terms) for terms in query.need_terms]
            masses = [sum(map(index.idf, need)) for need in needs]
            for column, need_position in enumerate(query.need_positions.tolist()):
                value = _strength(
                    index,
                    best_cos[column],
                    needs[need_position],
                    masses[need_position],
                    supply_terms,
                    weights,
                )
                keep((need_position, name, tags[best_rows[column]], value))
    else:
        rows = index.needs.rows_of(slot)
        supply = np.asarray(query.supply_vectors, dtype=np.float32)
        if len(rows) and len(supply):
            # Listed offers speak for the asker; its profile only when it lists none.
            listed = ~query.supply_is_profile
            pool = np.flatnonzero(listed) if listed.any() else np.arange(len(supply))
            sims = supply[pool] @ rows.T
            best_rows = pool[sims.argmax(axis=0)].tolist()
            best_cos = sims.max(axis=0).tolist()
            needs, masses = index.need_term_sets[slot], index.need_masses(slot)
            for column, need_position in enumerate(index.needs.tags_of(slot)):
                j = best_rows[column]
                value = _strength(
                    index,
                    best_cos[column],
                    needs[need_position],
                    masses[need_position],
                    query.supply_terms,
                    weights,
                )
                name = "profile" if query.supply_is_profile[j] else "offer"
                keep((need_position, name, int(query.supply_positions[j]), value))
    pairs = sorted(best.values(), key=lambda p: -p[3])
    return [p for p in pairs[:3] if p[3] >= CITE_STRENGTH]


def _at(items, position: int):
    return items[position] if position < len(items) else (items[-1] if items else None)


def _text(card: EntityRecord | None, field: str, position: int) -> str:
    """The quoted text of an offer or need (profiles are never quoted)."""
    if card is None:
        return ""
    if card.etype == OFFER:
        return card.title
    return _at(card.offers if field == "offer" else card.needs, position) or ""


def _english(card: EntityRecord | None, field: str, position: int) -> str | None | bool:
    """The English rendering the record keeps of the text `_text` quotes (None: the text is
    not German), or False when it keeps none (rendered on demand then)."""
    if card is None or card.english is None:
        return False
    renderings = card.english.get("title" if card.etype == OFFER else field)
    if not renderings:
        return False
    return _at(renderings, 0 if card.etype == OFFER else position)


def explain(
    *,
    row: EntityRecord,
    scored: Scored,
    query: Query,
    forward_pairs: list[tuple[int, str, int, float]],
    reverse_pairs: list[tuple[int, str, int, float]],
    mode: str,
    lang: str,
    query_text: str | None = None,
    translate: Translate | None = None,
) -> dict:
    """One result item: identity, a readable explanation and its structured reasons."""
    p = phrases(lang)
    lang = "de" if p is phrases("de") else "en"
    asker = query.card
    parts: list[str] = []
    reasons: list[dict] = []

    def q(text: str, card: EntityRecord | None = None, field: str = "", position: int = 0) -> str:
        """A quote; the English rendering of a record's text is the one the record keeps."""
        if lang != "en":
            return quote(text, lang)
        english = _english(card, field, position) if text else None
        if english is False:
            english = translate(text) if translate is not None else None
        return quote(text, lang, english)

    for need_i, field, pos, value in forward_pairs[:2]:
        yours = query_text if query_text is not None else _text(asker, "need", need_i)
        if row.etype == OFFER:
            key, theirs = ("search_entity" if mode == "search" else "fwd_entity"), row.title
        elif field == "offer":
            key, theirs = (
                ("search_offer" if mode == "search" else "fwd_offer"),
                _text(row, "offer", pos),
            )
        else:
            key, theirs = ("search_profile" if mode == "search" else "fwd_profile"), None
        asked = (None, "", 0) if query_text is not None else (asker, "need", need_i)
        parts.append(p[key].format(theirs=q(theirs or "", row, field, pos), yours=q(yours, *asked)))
        reason = {"type": "need_met", "your_need": yours, "strength": round(value, 2)}
        if theirs:
            reason["their_offer"] = theirs
        reasons.append(reason)
    for need_i, field, pos, value in reverse_pairs[: 1 if mode == "partners" else 2]:
        theirs = _text(row, "need", need_i)
        if mode == "seekers":
            parts.append(p["seekers"].format(theirs=q(theirs, row, "need", need_i)))
            reasons.append({"type": "need_met", "their_need": theirs, "strength": round(value, 2)})
        elif mode == "offer_orgs":
            parts.append(p["rev_entity"].format(theirs=q(theirs, row, "need", need_i)))
            reasons.append({"type": "need_met", "their_need": theirs, "strength": round(value, 2)})
        else:
            yours = _text(asker, "offer", pos) if field == "offer" else None
            key = "rev_offer" if yours else "rev_profile"
            parts.append(
                p[key].format(
                    yours=q(yours or "", asker, "offer", pos), theirs=q(theirs, row, "need", need_i)
                )
            )
            reason = {"type": "reciprocal", "their_need": theirs, "strength": round(value, 2)}
            if yours:
                reason["your_offer"] = yours
            reasons.append(reason)
    if mode == "partners" and forward_pairs and reverse_pairs:
        parts.append(p["both_sides"])
    if not parts:
        parts.append(p["weak"])
    if row.etype == ORG and row.kind == "investor":
        thesis = thesis_text(row, lang)
        if thesis:
            parts.append(thesis)
            reasons.append(
                {
                    "type": "thesis",
                    "stages": list(row.invest_stages),
                    "themes": list(row.invest_themes),
                    "ticket_eur_min": row.ticket_eur_min,
                    "ticket_eur_max": row.ticket_eur_max,
                }
            )
    shared = [t for t in row.themes if asker is not None and t in asker.themes and t in THEME_BITS]
    if shared:
        parts.append(
            p["themes"].format(themes=listing([label("themes", t, lang) for t in shared], lang))
        )
        reasons.append(
            {
                "type": "themes",
                "shared": [{"code": t, "label": label("themes", t, lang)} for t in shared],
            }
        )
    if scored.distance_km is not None and row.etype == ORG:
        km = f"{scored.distance_km:.0f}"
        by_town = row.located_by == "municipality" or (
            asker is not None and asker.located_by == "municipality"
        )
        parts.append(
            p["distance_town"].format(km=km, town=row.municipality)
            if by_town and row.municipality
            else p["distance"].format(km=km)
        )
        reasons.append({"type": "distance", "km": scored.distance_km, "approximate": by_town})
    if row.etype == OFFER:
        facts = []
        if mode == "offers":
            facts.append(p["eligible"])
        if row.deadline:
            facts.append(p["deadline"].format(date=format_date(row.deadline, lang)))
        if row.amount_eur_max:
            facts.append(p["amount"].format(amount=format_amount(row.amount_eur_max, lang)))
        if facts:
            parts.append(", ".join(facts))
            reasons.append(
                {
                    "type": "eligibility",
                    "eligible": mode == "offers",
                    "deadline": row.deadline.isoformat() if row.deadline else None,
                    "kinds": list(row.eligible_kinds),
                    "stages": list(row.eligible_stages),
                    "districts": list(row.eligible_districts),
                }
            )
    item: dict = {
        "id": row.id,
        "type": row.type_name,
        "explanation": sentence(parts),
        "reasons": reasons,
        "score_parts": scored.parts,
        "fit": {"for_you": scored.forward, "for_them": scored.reverse}
        if mode == "partners"
        else {"fit": scored.forward if scored.forward is not None else scored.reverse},
    }
    if row.etype == ORG:
        item.update(
            name=row.title,
            kind=row.kind,
            themes=list(row.themes),
            district=row.district,
            stage=row.stage,
            languages=list(row.languages),
        )
        if scored.distance_km is not None:
            item["distance_km"] = scored.distance_km
    else:
        item.update(
            title=row.title,
            kind=row.kind,
            themes=list(row.themes),
            deadline=row.deadline.isoformat() if row.deadline else None,
            amount_eur_max=row.amount_eur_max,
            provider_id=row.provider_id,
        )
    return item


def explain_results(
    index: MatchIndex,
    query: Query,
    scored: list[Scored],
    *,
    mode: str,
    lang: str,
    weights: Weights,
    query_text: str | None = None,
    translate: Translate | None = None,
) -> list[dict]:
    """One explained item per scored candidate (`mode`: see engine.ranking.MODES)."""
    items = []
    for s in scored:
        card = index.cards[s.slot]
        if card is None:
            continue
        forward = mode in ("partners", "offers", "search")
        reverse = mode in ("partners", "offer_orgs", "seekers")
        items.append(
            explain(
                row=card,
                scored=s,
                query=query,
                forward_pairs=evidence_pairs(index, query, s, forward=True, weights=weights)
                if forward
                else [],
                reverse_pairs=evidence_pairs(index, query, s, forward=False, weights=weights)
                if reverse
                else [],
                mode=mode,
                lang=lang,
                query_text=query_text,
                translate=translate,
            )
        )
    return items


def nothing_fits(lang: str, *, held_back: int, threshold: float) -> str:
    """What an empty answer says, plainly."""
    p = phrases(lang)
    lang = "de" if p is phrases("de") else "en"
    if threshold <= 0:
        return p["empty"]
    text = p["nothing"].format(threshold=format_number(threshold, lang))
    if held_back == 1:
        text += p["held_back_one"]
    elif held_back:
        text += p["held_back"].format(n=held_back)
    return text + p["gaps"]


def closed_offer(lang: str) -> str:
    return phrases(lang)["closed"]
