"""Explanations of a match that a person reads, in German or English."""

from __future__ import annotations

from matchmaker.matching.index import THEME_BITS
from matchmaker.matching.ranking import Query, Scored
from matchmaker.models import Offer, Organization
from matchmaker.taxonomy import label

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


def _items(row: Organization | Offer | None, field: str) -> list[str]:
    if row is None:
        return []
    if isinstance(row, Offer):
        return [row.title]
    if field == "offer":
        return list(row.offers or [])
    if field == "need":
        return list(row.needs or [])
    return [row.name]


def _text(row, field: str, position: int) -> str:
    items = _items(row, field)
    if field == "profile" or not items:
        return row.title if isinstance(row, Offer) else (row.name if row is not None else "")
    return items[position] if position < len(items) else items[-1]


def _amount(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def explain(
    *,
    row: Organization | Offer,
    scored: Scored,
    query_row: Organization | Offer | None,
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
        what = p["offer_what"] if field == "offer" or isinstance(row, Offer) else p["profile_what"]
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
    query_themes = set(getattr(query_row, "themes", None) or [])
    shared = [t for t in (row.themes or []) if t in query_themes and t in THEME_BITS]
    if shared:
        labels = [label("themes", t, lang) for t in shared]
        sentences.append(p["themes"].format(themes=", ".join(labels)))
        reasons.append(
            {
                "type": "themes",
                "shared": [{"code": t, "label": label("themes", t, lang)} for t in shared],
            }
        )
    if scored.distance_km is not None and isinstance(row, Organization):
        sentences.append(p["distance"].format(km=scored.distance_km))
        reasons.append({"type": "distance", "km": scored.distance_km})
    if isinstance(row, Offer):
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
                    "kinds": row.eligible_kinds,
                    "stages": row.eligible_stages,
                    "districts": row.eligible_districts,
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
        "type": "organization" if isinstance(row, Organization) else "offer",
        "score": scored.score,
        "explanation": text,
        "reasons": reasons,
        "score_parts": scored.parts,
        "fit": {"for_you": scored.forward, "for_them": scored.reverse}
        if mode == "partners"
        else {"fit": scored.forward},
    }
    if isinstance(row, Organization):
        item.update(
            name=row.name,
            kind=row.kind,
            themes=row.themes,
            district=row.district,
            stage=row.stage,
            languages=row.languages,
        )
    else:
        item.update(
            title=row.title,
            kind=row.kind,
            themes=row.themes,
            deadline=row.deadline.isoformat() if row.deadline else None,
            amount_eur_max=row.amount_eur_max,
            provider_id=row.provider_id,
        )
    return item
