"""Ecosystem analytics for managers: coverage by theme x district x kind, and unmet needs."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from flask import current_app

from matchmaker.analytics.chart import gaps_svg
from matchmaker.matches import service as matches
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations
from matchmaker.taxonomy import DISTRICTS, THEMES, label


def coverage() -> dict[str, Any]:
    """Published organisations and open offers counted by theme, district and kind."""
    orgs = organizations.published_facets()
    open_offers = offers.open_published_facets(date.today())
    cells: Counter = Counter()
    by_theme: dict[str, Counter] = defaultdict(Counter)
    for themes, district, kind in orgs:
        for theme in themes or ["none"]:
            cells[("organization", theme, district or "unknown", kind)] += 1
            by_theme[theme]["organizations"] += 1
    for themes, district, kind in open_offers:
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
        "totals": {"organizations": len(orgs), "offers": len(open_offers)},
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
    orgs = organizations.recently_updated_published(limit=limit)
    unmet: dict[str, list] = defaultdict(list)
    checked = 0
    for org in orgs:
        if not org.needs:
            continue
        checked += 1
        best_offer = matches.matches_for_organization(
            organization=org, options=matches.MatchOptions(target="offers", limit=1)
        )
        best_partner = matches.matches_for_organization(
            organization=org, options=matches.MatchOptions(target="organizations", limit=1)
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


__all__ = ["coverage", "gaps", "gaps_svg"]
