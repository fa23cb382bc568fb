"""The texts of an organisation or offer that are embedded and matched (never contact data)."""

from __future__ import annotations

from dataclasses import dataclass, field

from matchmaker.engine.language import (
    decisive_language,
    detect_language,
    get_bridge,
    preparation_fingerprint,
)
from matchmaker.taxonomy import label

PROFILE, OFFER, NEED = "profile", "offer", "need"
#: gloss: German texts are rendered in English before encoding (for an English model);
#: none: texts are encoded as written (for a multilingual model).
BRIDGE_MODES = ("gloss", "none")
#: Bump when this module changes what is encoded (stored vectors then become stale).
PREPARATION_VERSION = 2


def vector_space(model_id: str, bridge_mode: str) -> str:
    """The name of the space stored vectors live in: the model and the text preparation.

    A vector is stale when either changes (a new model, the bridge switched, new word lists).
    """
    return f"{model_id}|{bridge_mode}|prep-{preparation_fingerprint()}.{PREPARATION_VERSION}"


@dataclass
class EntityTexts:
    """The texts to encode (field, position, variant) and the lexical terms of each text.

    Variant 0 is the text the default model reads best (German rendered in English by the
    gloss). The index can hold further variants of a text (rows sharing its position); none
    is produced now: encoding German texts as written as well was measured and rejected. The
    English model gives unrelated German pairs a high background cosine (0.26 against 0.10
    after the gloss, relevant pairs 0.32 against 0.23), so raw German vectors favoured
    same-language candidates and cut cross-language recall from 0.50 to 0.38.
    """

    language: str
    fields: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    variants: list[int] = field(default_factory=list)
    encoded: list[str] = field(default_factory=list)
    terms: dict[str, list[list[str]]] = field(default_factory=dict)
    #: The English renderings of the texts an explanation quotes ("offer", "need" and an
    #: offer's "title"), aligned with them; None where a text is not German. Rendered once
    #: when a record is written, not in every match list that quotes it.
    english: dict[str, list[str | None]] = field(default_factory=dict)


def english_rendering(text: str, dictionary_path: str | None) -> str | None:
    """A quoted text's English rendering for English readers, or None when it is not German."""
    if detect_language(text) != "de":
        return None
    return get_bridge(dictionary_path or None).to_english(text)


def _themes_sentence(themes: list[str]) -> str:
    if not themes:
        return ""
    return " Fields: " + ", ".join(label("themes", t, "en") for t in themes) + "."


def build_texts(
    *,
    profile: str,
    offers: list[str],
    needs: list[str],
    bridge_mode: str,
    dictionary_path: str,
    title: str | None = None,
) -> EntityTexts:
    """Build the texts to embed, bridged to English for the English default model.

    Args:
        profile: name/title, description and theme labels in one text.
        offers: what the entity can provide (an offer entity passes its profile again).
        needs: what it is looking for.
        bridge_mode: "gloss" renders German texts in English before encoding; "none" encodes
            them as written (for multilingual models).
        dictionary_path: the German-English dictionary file used by the gloss.
        title: an offer's title (quoted in explanations; its text is part of the profile).
    """
    if bridge_mode not in BRIDGE_MODES:
        raise ValueError(f"unknown bridge mode {bridge_mode!r}; one of {', '.join(BRIDGE_MODES)}")
    bridge = get_bridge(dictionary_path or None)
    whole = " ".join([profile, *offers, *needs])
    language = detect_language(whole)
    out = EntityTexts(language=language, terms={PROFILE: [], OFFER: [], NEED: []})
    entries = [(PROFILE, 0, profile)]
    entries += [(OFFER, i, text) for i, text in enumerate(offers)]
    entries += [(NEED, i, text) for i, text in enumerate(needs)]
    for field_name, position, text in entries:
        # A short phrase says little about its language: the profile's language decides,
        # unless the phrase itself is clear ("Prüfstand für ..." in an English profile).
        text_language = (
            detect_language(text) if len(text.split()) > 3 else decisive_language(text) or language
        )
        forms = [text]
        if bridge_mode == "gloss" and text_language == "de":
            forms = [bridge.to_english(text, language="de")]
        for variant, form in enumerate(forms):
            out.fields.append(field_name)
            out.positions.append(position)
            out.variants.append(variant)
            out.encoded.append(form)
        out.terms[field_name].append(bridge.terms(text, language=text_language))
    quoted = {OFFER: offers, NEED: needs, **({"title": [title]} if title is not None else {})}
    out.english = {
        name: [english_rendering(text, dictionary_path) for text in texts]
        for name, texts in quoted.items()
    }
    return out


def organization_profile_text(org) -> str:
    return f"{org.name}. {org.description or ''}".strip() + _themes_sentence(org.themes or [])


def offer_profile_text(offer) -> str:
    return f"{offer.title}. {offer.description or ''}".strip() + _themes_sentence(
        offer.themes or []
    )


#: The attributes an entity's texts are made of, by entity type.
TEXT_FIELDS = {
    "organization": ("name", "description", "themes", "offers", "needs"),
    "offer": ("title", "description", "themes"),
}


def text_key(entity_type: str, entity) -> tuple:
    """What an entity's texts depend on, as a hashable key."""
    values = (getattr(entity, name, None) for name in TEXT_FIELDS[entity_type])
    return (entity_type, *(tuple(v) if isinstance(v, list) else v for v in values))


def texts_for(entity_type: str, entity, *, bridge_mode: str, dictionary_path: str) -> EntityTexts:
    """Texts of an organisation (`organization`: name, description, themes, offers, needs) or
    an offer (`offer`: title, description, themes); any object with those attributes."""
    if entity_type == "organization":
        return build_texts(
            profile=organization_profile_text(entity),
            offers=list(entity.offers or []),
            needs=list(entity.needs or []),
            bridge_mode=bridge_mode,
            dictionary_path=dictionary_path,
        )
    # An offer is what it provides: its profile is also its one "offer" text.
    return build_texts(
        profile=offer_profile_text(entity),
        offers=[],
        needs=[],
        bridge_mode=bridge_mode,
        dictionary_path=dictionary_path,
        title=entity.title or "",
    )
