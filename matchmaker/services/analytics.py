"""Ecosystem analytics for managers: coverage by theme x district x kind, and unmet needs."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from flask import current_app

from matchmaker.extensions import db
from matchmaker.models import Offer, Organization
from matchmaker.services.matching import MatchOptions, matches_for_organization
from matchmaker.taxonomy import DISTRICTS, THEMES, label


def coverage() -> dict[str, Any]:
    """Published organisations and open offers counted by theme, district and kind."""
    orgs = db.session.execute(
        sa.select(Organization.themes, Organization.district, Organization.kind).where(
            Organization.status == "published"
        )
    ).all()
    offers = db.session.execute(
        sa.select(Offer.themes, Offer.district, Offer.kind).where(
            Offer.status == "published",
            sa.or_(Offer.deadline.is_(None), Offer.deadline >= date.today()),
        )
    ).all()
    cells: Counter = Counter()
    by_theme: dict[str, Counter] = defaultdict(Counter)
    for themes, district, kind in orgs:
        for theme in themes or ["none"]:
            cells[("organization", theme, district or "unknown", kind)] += 1
            by_theme[theme]["organizations"] += 1
    for themes, district, kind in offers:
        for theme in themes or ["none"]:
            cells[("offer", theme, district or "region", kind)] += 1
            by_theme[theme]["offers"] += 1
    thin = [
        {
            "theme": t,
            "label_de": label("themes", t, "de"),
            "label_en": label("themes", t, "en"),
            "organizations": by_theme[t]["organizations"],
            "offers": by_theme[t]["offers"],
        }
        for t in THEMES
    ]
    thin.sort(key=lambda r: (r["offers"], r["organizations"]))
    return {
        "totals": {"organizations": len(orgs), "offers": len(offers)},
        "cells": [
            {"type": t, "theme": th, "district": d, "kind": k, "count": n}
            for (t, th, d, k), n in sorted(cells.items())
        ],
        "by_theme": thin,
        "districts": list(DISTRICTS),
    }


def gaps(*, threshold: float | None = None, limit: int = 500) -> dict[str, Any]:
    """Stated needs whose best eligible offer and best partner both score below `threshold`."""
    threshold = current_app.config["MATCHMAKER_GAP_THRESHOLD"] if threshold is None else threshold
    orgs = db.session.scalars(
        sa.select(Organization)
        .where(Organization.status == "published")
        .order_by(Organization.updated_at.desc())
        .limit(limit)
    ).all()
    unmet: dict[str, list] = defaultdict(list)
    checked = 0
    for org in orgs:
        if not org.needs:
            continue
        checked += 1
        best_offer = matches_for_organization(
            organization=org, options=MatchOptions(target="offers", limit=1)
        )
        best_partner = matches_for_organization(
            organization=org, options=MatchOptions(target="organizations", limit=1)
        )
        offer_score = best_offer[0]["score"] if best_offer else 0.0
        partner_score = best_partner[0]["score"] if best_partner else 0.0
        if max(offer_score, partner_score) < threshold:
            for theme in org.themes or ["none"]:
                unmet[theme].append(
                    {
                        "organization_id": org.id,
                        "name": org.name,
                        "needs": org.needs,
                        "best_offer_score": offer_score,
                        "best_partner_score": partner_score,
                    }
                )
    groups = [
        {
            "theme": theme,
            "label_de": label("themes", theme, "de"),
            "label_en": label("themes", theme, "en"),
            "count": len(items),
            "examples": items[:5],
        }
        for theme, items in unmet.items()
    ]
    groups.sort(key=lambda g: -g["count"])
    return {"threshold": threshold, "organizations_checked": checked, "groups": groups}


def gaps_svg(data: dict[str, Any], lang: str = "en") -> str:
    """A horizontal bar chart of unmet needs per theme, ready for a slide."""
    groups = data["groups"] or []
    width, bar_h, left = 760, 26, 260
    height = 70 + bar_h * max(len(groups), 1)
    top = max([g["count"] for g in groups] or [1])
    title = "Unerfüllte Bedarfe nach Themenfeld" if lang == "de" else "Unmet needs by theme field"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="20" y="30" font-size="18" font-weight="bold">{title}</text>',
    ]
    for i, group in enumerate(groups):
        y = 50 + i * bar_h
        w = int((width - left - 60) * group["count"] / top)
        name = group["label_de"] if lang == "de" else group["label_en"]
        parts.append(f'<text x="20" y="{y + 17}">{_xml(name)}</text>')
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{w}" height="{bar_h - 8}" fill="#0b6e99"/>'
        )
        parts.append(f'<text x="{left + w + 6}" y="{y + 17}">{group["count"]}</text>')
    if not groups:
        none = "Keine Lücken" if lang == "de" else "No gaps"
        parts.append(f'<text x="20" y="70">{none}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
