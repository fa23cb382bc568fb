"""Explanations of a match that a person reads, in German or English, and the evidence behind
them: which of one side's texts meets which of the other's."""

from __future__ import annotations

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.ranking import Query, Scored, calibrate
from matchmaker.engine.snapshot import OFFER, ORG, THEME_BITS, EntityRecord
from matchmaker.engine.weights import Weights
from matchmaker.taxonomy import label

#: A cited text pair must be at least this convincing (calibrated strength 0.4 ~ cosine 0.42).
CITE_STRENGTH = 0.4

PHRASES = {
    "en": {
        "fwd": "Their {what} “{theirs}” meets your need “{yours}”",
        "fwd_search": "“{theirs}” matches your search “{yours}”",
        "rev": "your offer “{yours}” meets their need “{theirs}”",
        "rev_offer": "this offer meets their need “{theirs}”",
        "offer_what": "offer",
        "profile_what": "profile",
        "themes": "shared themes: {themes}",
        "distance": "{km:.0f} km away",
        "same_district": "also in {district}",
        "eligible": "you are eligible",
        "deadline": "deadline {deadline}",
        "amount": "up to {amount} €",
        "one_sided": "a good fit for you, less so for them",
        "mutual": "a good fit in both directions",
        "verified": "verified profile",
        "weak": "a weaker, general fit of profiles",
    },
    "de": {
        "fwd": "{their_what} „{theirs}“ passt zu Ihrem Bedarf „{yours}“",
        "fwd_search": "„{theirs}“ passt zu Ihrer Suche „{yours}“",
        "rev": "Ihr Angebot „{yours}“ passt zu deren Bedarf „{theirs}“",
        "rev_offer": "dieses Angebot passt zum Bedarf „{theirs}“",
        "offer_what": "Deren Angebot",
        "profile_what": "Deren Profil",
        "themes": "gemeinsame Themen: {themes}",
        "distance": "{km:.0f} km entfernt",
        "same_district": "ebenfalls im {district}",
        "eligible": "Sie sind antragsberechtigt",
        "deadline": "Frist {deadline}",
        "amount": "bis zu {amount} €",
        "one_sided": "passt gut zu Ihnen, umgekehrt weniger",
        "mutual": "passt in beide Richtungen gut",
        "verified": "geprüftes Profil",
        "weak": "eine schwächere, allgemeine Übereinstimmung der Profile",
    },
}


def _items(card: EntityRecord | None, field: str) -> list[str]:
    if card is None:
        return []
    if card.etype == OFFER:
        return [card.title]
    if field == "offer":
        return list(card.offers)
    if field == "need":
        return list(card.needs)
    return [card.title]


def _text(card: EntityRecord | None, field: str, position: int) -> str:
    items = _items(card, field)
    if field == "profile" or not items:
        return card.title if card is not None else ""
    return items[position] if position < len(items) else items[-1]


def _amount(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def explain(
    *,
    row: EntityRecord,
    scored: Scored,
    query_row: EntityRecord | None,
    query: Query,
    forward_pairs: list[tuple[int, str, int, float]],
    reverse_pairs: list[tuple[int, str, int, float]],
    mode: str,
    lang: str,
    query_text: str | None = None,
) -> dict:
    """One result item: identity, score, a readable explanation and its structured reasons."""
    p = PHRASES.get(lang, PHRASES["en"])
    sentences: list[str] = []
    reasons: list[dict] = []
    for need_i, field, pos, value in forward_pairs[:2]:
        if query_text is not None:
            yours = query_text
        elif query.uses_profile_as_need:
            yours = _text(query_row, "profile", 0)
        else:
            yours = _text(query_row, "need", need_i)
        theirs = _text(row, field, pos)
        key = "fwd_search" if mode == "search" else "fwd"
        what = p["offer_what"] if field == "offer" or row.etype == OFFER else p["profile_what"]
        sentences.append(
            p[key].format(
                what=what.lower() if lang == "en" else what,
                their_what=what,
                theirs=theirs,
                yours=yours,
            )
        )
        reasons.append(
            {
                "type": "need_met",
                "your_need": yours,
                "their_offer": theirs,
                "strength": round(value, 2),
            }
        )
    for need_i, field, pos, value in reverse_pairs[: 1 if mode == "partners" else 2]:
        theirs = _text(row, "need", need_i)
        if mode == "offer_orgs":
            sentences.append(p["rev_offer"].format(theirs=theirs))
            reasons.append({"type": "need_met", "their_need": theirs, "strength": round(value, 2)})
        else:
            yours = _text(query_row, field, pos)
            sentences.append(p["rev"].format(yours=yours, theirs=theirs))
            reasons.append(
                {
                    "type": "reciprocal",
                    "their_need": theirs,
                    "your_offer": yours,
                    "strength": round(value, 2),
                }
            )
    if not sentences:
        sentences.append(p["weak"])
    query_themes = set(query_row.themes if query_row is not None else ())
    shared = [t for t in row.themes if t in query_themes and t in THEME_BITS]
    if shared:
        labels = [label("themes", t, lang) for t in shared]
        sentences.append(p["themes"].format(themes=", ".join(labels)))
        reasons.append(
            {
                "type": "themes",
                "shared": [{"code": t, "label": label("themes", t, lang)} for t in shared],
            }
        )
    if scored.distance_km is not None and row.etype == ORG:
        sentences.append(p["distance"].format(km=scored.distance_km))
        reasons.append({"type": "distance", "km": scored.distance_km})
    if row.etype == OFFER:
        facts = []
        if mode == "offers":
            facts.append(p["eligible"])
        if row.deadline:
            facts.append(p["deadline"].format(deadline=row.deadline.isoformat()))
        if row.amount_eur_max:
            facts.append(p["amount"].format(amount=_amount(row.amount_eur_max)))
        if facts:
            sentences.append(", ".join(facts))
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
    if mode == "partners" and scored.reverse is not None:
        if scored.forward >= 0.5 and scored.reverse >= 0.5:
            sentences.append(p["mutual"])
        elif scored.forward >= 0.5 > scored.reverse:
            sentences.append(p["one_sided"])
    text = "; ".join(sentences)
    text = text[0].upper() + text[1:] + "."
    item: dict = {
        "id": row.id,
        "type": row.type_name,
        "score": scored.score,
        "explanation": text,
        "reasons": reasons,
        "score_parts": scored.parts,
        "fit": {"for_you": scored.forward, "for_them": scored.reverse}
        if mode == "partners"
        else {"fit": scored.forward},
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


def evidence_pairs(
    index: MatchIndex, query: Query, scored: Scored, *, forward: bool, weights: Weights
) -> list[tuple[int, str, int, float]]:
    """Best (query text, candidate text) pairs behind a score, for the explanation.

    Returns (position of the asking side's text, field of the other side's text, its position,
    calibrated strength), at most one pair per need, strongest first, only convincing ones.
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
                value = float(calibrate(np.float64(sims[j]), weights))
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
            value = float(calibrate(np.float64(sims[j]), weights))
            name = "profile" if query.supply_is_profile[j] else "offer"
            consider(
                int(need_position),
                (int(need_position), name, int(query.supply_positions[j]), value),
            )
    pairs = sorted(best.values(), key=lambda p: -p[3])
    return [p for p in pairs[:3] if p[3] >= CITE_STRENGTH]


def explain_results(
    index: MatchIndex,
    query: Query,
    scored: list[Scored],
    *,
    mode: str,
    lang: str,
    weights: Weights,
    query_text: str | None = None,
) -> list[dict]:
    """One explained item per scored candidate (`mode`: partners, offers, offer_orgs, search)."""
    items = []
    for s in scored:
        card = index.cards[s.slot]
        if card is None:
            continue
        forward_pairs = (
            evidence_pairs(index, query, s, forward=True, weights=weights)
            if mode != "offer_orgs"
            else []
        )
        reverse_pairs = (
            evidence_pairs(index, query, s, forward=False, weights=weights)
            if mode in ("partners", "offer_orgs")
            else []
        )
        items.append(
            explain(
                row=card,
                scored=s,
                query_row=query.card,
                query=query,
                forward_pairs=forward_pairs,
                reverse_pairs=reverse_pairs,
                mode=mode,
                lang=lang,
                query_text=query_text,
            )
        )
    return items
