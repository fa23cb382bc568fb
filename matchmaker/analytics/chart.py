"""The gaps chart: a slide-ready SVG bar chart of unmet needs per theme."""

from __future__ import annotations

from typing import Any


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
