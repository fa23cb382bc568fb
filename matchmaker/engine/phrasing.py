"""How explanations are worded, in German and English: templates, quotes, dates, amounts."""

from __future__ import annotations

from datetime import date

from matchmaker.taxonomy import label

# Parts of a sentence, lower case where a part may follow a semicolon ("Ihr" is the formal
# German pronoun and always capitalised). The first part of an explanation is capitalised.
PHRASES = {
    "en": {
        "fwd_offer": "their offer {theirs} meets your need {yours}",
        "fwd_profile": "what they do meets your need {yours}",
        "fwd_entity": "this offer meets your need {yours}",
        "search_offer": "their offer {theirs} matches your search",
        "search_profile": "what they do matches your search",
        "search_entity": "this offer matches your search",
        "seekers": "their need {theirs} matches your search",
        "rev_offer": "your offer {yours} meets their need {theirs}",
        "rev_profile": "what you do meets their need {theirs}",
        "rev_entity": "this offer meets their need {theirs}",
        "both_sides": "good for both sides",
        "themes": "shared themes: {themes}",
        "distance": "{km} km away",
        "distance_town": "about {km} km away ({town})",
        "eligible": "you are eligible",
        "deadline": "deadline {date}",
        "amount": "up to {amount}",
        "thesis": "invests {what}",
        "thesis_fit": "your stage and themes are in their investment focus",
        "weak": "a weaker, general fit of profiles",
        "nothing": (
            "Nothing fits well enough yet: no candidate reaches the threshold of {threshold}."
        ),
        "held_back_one": " 1 weaker candidate was held back; min_score=0 shows it.",
        "held_back": " {n} weaker candidates were held back; min_score=0 shows them.",
        "empty": "There is no candidate for this list yet.",
        "closed": "This offer's deadline has passed: nobody can apply any more.",
        "gaps": (
            " The agency collects needs that the region cannot meet yet in its gap analysis, "
            "so that they can be met."
        ),
        "and": "and",
        "in": "in",
        "at": "at",
    },
    "de": {
        "fwd_offer": "deren Angebot {theirs} passt zu Ihrem Bedarf {yours}",
        "fwd_profile": "ihr Tätigkeitsprofil passt zu Ihrem Bedarf {yours}",
        "fwd_entity": "das Angebot passt zu Ihrem Bedarf {yours}",
        "search_offer": "deren Angebot {theirs} passt zu Ihrer Suche",
        "search_profile": "ihr Tätigkeitsprofil passt zu Ihrer Suche",
        "search_entity": "das Angebot passt zu Ihrer Suche",
        "seekers": "deren Bedarf {theirs} passt zu Ihrer Suche",
        "rev_offer": "Ihr Angebot {yours} passt zu deren Bedarf {theirs}",
        "rev_profile": "Ihr Tätigkeitsprofil passt zu deren Bedarf {theirs}",
        "rev_entity": "dieses Angebot passt zu deren Bedarf {theirs}",
        "both_sides": "passt für beide Seiten",
        "themes": "gemeinsame Themen: {themes}",
        "distance": "{km} km entfernt",
        "distance_town": "etwa {km} km entfernt ({town})",
        "eligible": "Sie sind antragsberechtigt",
        "deadline": "Frist {date}",
        "amount": "bis zu {amount}",
        "thesis": "investiert {what}",
        "thesis_fit": "Ihre Phase und Themen liegen im Investitionsfokus",
        "weak": "eine schwächere, allgemeine Übereinstimmung der Profile",
        "nothing": (
            "Noch passt nichts gut genug: kein Kandidat erreicht die Schwelle von {threshold}."
        ),
        "held_back_one": " 1 schwächerer Kandidat wurde zurückgehalten; min_score=0 zeigt ihn.",
        "held_back": " {n} schwächere Kandidaten wurden zurückgehalten; min_score=0 zeigt sie.",
        "empty": "Für diese Liste gibt es noch keinen Kandidaten.",
        "closed": "Die Frist dieses Angebots ist abgelaufen: niemand kann sich mehr bewerben.",
        "gaps": (
            " Bedarfe, die die Region noch nicht decken kann, sammelt die Wirtschaftsförderung "
            "in ihrer Lückenanalyse, damit sie gedeckt werden."
        ),
        "and": "und",
        "in": "in",
        "at": "in der Phase",
    },
}

MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def phrases(lang: str) -> dict[str, str]:
    return PHRASES["de" if lang.lower().startswith("de") else "en"]


def format_date(value: date, lang: str) -> str:
    """„30.06.2027“ in German, "30 June 2027" in English."""
    if lang == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def format_amount(value: int, lang: str) -> str:
    """„1.500.000 €“ in German, "€1,500,000" in English."""
    if lang == "de":
        return f"{value:,} €".replace(",", ".")
    return f"€{value:,}"


def format_number(value: float, lang: str, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text


def format_range(low: int | None, high: int | None, lang: str) -> str | None:
    if low is None and high is None:
        return None
    if low is None:
        return phrases(lang)["amount"].format(amount=format_amount(high, lang))
    if high is None:
        return ("ab " if lang == "de" else "from ") + format_amount(low, lang)
    if lang == "de":
        return f"{low:,}–{high:,} €".replace(",", ".")
    return f"€{low:,}–€{high:,}"


def quote(text: str, lang: str, english: str | None = None) -> str:
    """A quoted text: „…“ in German; “…” in English, with `english` (the rendering of a
    German text) beside it."""
    if lang == "de":
        return f"„{text}“"
    if english and english.strip().lower() != text.strip().lower():
        return f"“{text}” (“{english}”)"
    return f"“{text}”"


def listing(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {phrases(lang)['and']} " + items[-1]


def thesis_text(card, lang: str) -> str | None:
    """What an investor invests in, e.g. "€50,000–€500,000 at pre-seed and seed in Green Tech"."""
    p = phrases(lang)
    parts = []
    ticket = format_range(card.ticket_eur_min, card.ticket_eur_max, lang)
    if ticket:
        parts.append(ticket)
    if card.invest_stages:
        stages = [label("stages", s, lang) for s in card.invest_stages]
        parts.append(f"{p['at']} {listing(stages, lang)}")
    if card.invest_themes:
        themes = [label("themes", t, lang) for t in card.invest_themes]
        parts.append(f"{p['in']} {listing(themes, lang)}")
    return p["thesis"].format(what=" ".join(parts)) if parts else None


def sentence(parts: list[str]) -> str:
    """Parts joined into one sentence: the first letter capitalised, a full stop at the end."""
    text = "; ".join(part for part in parts if part)
    return (text[:1].upper() + text[1:] + ".") if text else ""
