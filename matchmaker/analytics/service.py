"""Ecosystem analytics for managers: coverage by theme x district x kind, and unmet needs."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from matchmaker.analytics.chart import gaps_svg
from matchmaker.core.time import utcnow
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
    """Stated needs that no offer and no partner meets, counted per need, per theme.

    A need is met when some candidate at or above the threshold (by default each list type's
    calibrated one) cites it as the need it meets, in the organisation's partner or offer
    list: the same rule, and the same lists, its members see. So two organisations that meet
    each other's needs are never a gap. Shares are of all stated needs of each theme's
    published organisations (an organisation with two themes counts in both).
    """
    orgs = [o for o in organizations.recently_updated_published(limit=limit) if o.needs]
    per_theme: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"needs": 0, "unmet": 0, "examples": []}
    )
    thresholds = {
        target: matches.threshold_of(matches.MatchOptions(min_score=threshold), mode)
        for target, mode in (("organizations", "partners"), ("offers", "offers"))
    }
    needs_checked = unmet_total = 0
    for org in orgs:
        met: set[str] = set()
        for target in ("organizations", "offers"):
            answer = matches.matches_for_organization(
                organization=org,
                options=matches.MatchOptions(target=target, limit=20, min_score=threshold),
            )
            for item in answer.items:
                met.update(
                    r["your_need"]
                    for r in item["reasons"]
                    if r["type"] == "need_met" and "your_need" in r
                )
        for need in org.needs:
            needs_checked += 1
            unmet = need not in met
            unmet_total += unmet
            for theme in org.themes or ["none"]:
                row = per_theme[theme]
                row["needs"] += 1
                if unmet:
                    row["unmet"] += 1
                    if len(row["examples"]) < 5:
                        row["examples"].append(
                            {"organization_id": org.id, "name": org.name, "need": need}
                        )
    groups = [
        {
            "theme": theme,
            "label_de": label("themes", theme, "de"),
            "label_en": label("themes", theme, "en"),
            "count": row["unmet"],
            "needs": row["needs"],
            "share": round(row["unmet"] / row["needs"], 3) if row["needs"] else 0.0,
            "examples": row["examples"],
        }
        for theme, row in per_theme.items()
        if row["unmet"]
    ]
    groups.sort(key=lambda g: (-g["share"], -g["count"], g["theme"]))
    return {
        "threshold": threshold if threshold is not None else thresholds,
        "generated_at": utcnow().isoformat(timespec="seconds"),
        "organizations_checked": len(orgs),
        "needs_checked": needs_checked,
        "unmet_needs": unmet_total,
        "groups": groups,
    }


__all__ = ["coverage", "gaps", "gaps_svg"]
