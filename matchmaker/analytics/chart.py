"""The gaps chart: a slide-ready SVG bar chart of the share of unmet needs per theme, with a
subtitle that says what it counts, against which threshold, and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

TEXT = {
    "en": {
        "title": "Unmet needs by theme field",
        "subtitle": (
            "Share of the stated needs of {orgs} published organisations ({needs} needs) that "
            "no offer and no partner meets at relevance ≥ {threshold}; as of {date}"
        ),
        "bar": "{count} of {needs} ({share} %)",
        "none": "No unmet needs",
    },
    "de": {
        "title": "Ungedeckte Bedarfe nach Themenfeld",
        "subtitle": (
            "Anteil der genannten Bedarfe von {orgs} veröffentlichten Organisationen "
            "({needs} Bedarfe), die kein Angebot und kein Partner mit Relevanz ≥ {threshold} "
            "deckt; Stand {date}"
        ),
        "bar": "{count} von {needs} ({share} %)",
        "none": "Keine ungedeckten Bedarfe",
    },
}


def _threshold(value: Any, lang: str) -> str:
    values = value.values() if isinstance(value, dict) else [value]
    numbers = sorted({f"{v:.2f}" for v in values})
    text = "/".join(numbers)
    return text.replace(".", ",") if lang == "de" else text


def _date(iso: str, lang: str) -> str:
    when = datetime.fromisoformat(iso)
    return when.strftime("%d.%m.%Y") if lang == "de" else when.strftime("%-d %B %Y")


def gaps_svg(data: dict[str, Any], lang: str = "en") -> str:
    """Bars are shares (0-100 % of each theme's needs), labelled with the counts behind them."""
    t = TEXT["de" if lang == "de" else "en"]
    groups = data["groups"] or []
    width, bar_h, left, right = 860, 28, 270, 150
    height = 96 + bar_h * max(len(groups), 1)
    span = width - left - right
    subtitle = t["subtitle"].format(
        orgs=data["organizations_checked"],
        needs=data["needs_checked"],
        threshold=_threshold(data["threshold"], lang),
        date=_date(data["generated_at"], lang),
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="20" y="30" font-size="18" font-weight="bold">{_xml(t["title"])}</text>',
        f'<text x="20" y="52" font-size="11" fill="#444">{_xml(subtitle)}</text>',
        f'<line x1="{left}" y1="66" x2="{left}" y2="{height - 20}" stroke="#999"/>',
        f'<line x1="{left + span}" y1="66" x2="{left + span}" y2="{height - 20}" stroke="#ddd" '
        'stroke-dasharray="3"/>',
        f'<text x="{left + span - 14}" y="{height - 6}" font-size="10" fill="#666">100 %</text>',
    ]
    for i, group in enumerate(groups):
        y = 72 + i * bar_h
        w = max(1, round(span * group["share"]))
        name = group["label_de"] if lang == "de" else group["label_en"]
        share = f"{group['share'] * 100:.0f}"
        label = t["bar"].format(count=group["count"], needs=group["needs"], share=share)
        parts.append(f'<text x="20" y="{y + 18}">{_xml(name)}</text>')
        parts.append(
            f'<rect x="{left}" y="{y + 5}" width="{w}" height="{bar_h - 10}" fill="#0b6e99"/>'
        )
        parts.append(f'<text x="{left + w + 6}" y="{y + 18}">{_xml(label)}</text>')
    if not groups:
        parts.append(f'<text x="20" y="90">{_xml(t["none"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
