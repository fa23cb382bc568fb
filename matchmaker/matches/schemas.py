"""Schemas of match results, match queries and search."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import (
    DISTRICT_CODES,
    KIND_CODES,
    OFFER_KIND_CODES,
    STAGE_CODES,
    THEME_CODES,
    JsonFloat,
    StrictSchema,
    code_csv,
    code_list,
    json_integer,
    one_of,
)

BAND_CODES = ["strong", "good", "possible"]
MIN_SCORE = (
    "The lowest score shown. Default: the list type's calibrated threshold (see `threshold` in "
    "the answer); 0 shows every candidate."
)
BAND = "The weakest band shown: strong, good or possible (= min_score 0.75, 0.5 or 0)."


REASON_TYPES = ["need_met", "reciprocal", "thesis", "themes", "distance", "eligibility"]


class SharedThemeSchema(StrictSchema):
    RESPONSE_REQUIRED = ("code", "label")
    code = fields.String(validate=one_of(THEME_CODES))
    label = fields.String()


class ReasonSchema(StrictSchema):
    """One part of an explanation, by `type`:
    - need_met: `your_need` met by `their_offer` (forward), or `their_need` met by you;
    - reciprocal: `their_need` met by `your_offer` (partners);
    - thesis: an investor's `stages`, `themes` and ticket range;
    - themes: the `shared` themes;
    - distance: `km` between the two (`approximate`: by town);
    - eligibility: an offer's `deadline` and who may apply (`kinds`, `stages`, `districts`).
    """

    RESPONSE_REQUIRED = ("type",)
    type = fields.String(validate=one_of(REASON_TYPES))
    your_need = fields.String()
    their_offer = fields.String()
    their_need = fields.String()
    your_offer = fields.String()
    strength = fields.Float(metadata={"description": "How convincing the pair is, 0..1."})
    stages = fields.List(fields.String(validate=one_of(STAGE_CODES)))
    themes = fields.List(fields.String(validate=one_of(THEME_CODES)))
    ticket_eur_min = fields.Integer(allow_none=True)
    ticket_eur_max = fields.Integer(allow_none=True)
    shared = fields.List(fields.Nested(SharedThemeSchema))
    km = fields.Float()
    approximate = fields.Boolean()
    eligible = fields.Boolean()
    deadline = fields.String(allow_none=True, metadata={"description": "ISO date."})
    kinds = fields.List(fields.String(validate=one_of(KIND_CODES)))
    districts = fields.List(fields.String(validate=one_of(DISTRICT_CODES)))


class MatchItemSchema(StrictSchema):
    RESPONSE_REQUIRED = (
        "id",
        "type",
        "kind",
        "score",
        "band",
        "raw_score",
        "explanation",
        "reasons",
        "score_parts",
        "themes",
    )
    id = fields.String()
    type = fields.String(validate=one_of(["organization", "offer"]))
    name = fields.String()
    title = fields.String()
    kind = fields.String()
    score = fields.Float(
        validate=validate.Range(min=0, max=1),
        metadata={
            "description": (
                "Calibrated relevance, 0..1: on the labelled set, this share of candidates "
                "with such a score were relevant."
            )
        },
    )
    band = fields.String(
        validate=one_of(BAND_CODES),
        metadata={"description": "strong (score >= 0.75), good (>= 0.5) or possible."},
    )
    raw_score = fields.Float(metadata={"description": "The ranking score before calibration."})
    distance_km = fields.Float(
        allow_none=True, metadata={"description": "Distance between the two, when known."}
    )
    explanation = fields.String(metadata={"description": "Why this matches, in de or en."})
    reasons = fields.List(
        fields.Nested(ReasonSchema), metadata={"description": "The explanation's parts."}
    )
    score_parts = fields.Dict(keys=fields.String(), values=fields.Float())
    fit = fields.Dict(
        keys=fields.String(),
        values=fields.Float(allow_none=True),
        metadata={"description": "for_you / for_them: the two directions of a partner match."},
    )
    themes = fields.List(fields.String(validate=one_of(THEME_CODES)))
    district = fields.String(allow_none=True, validate=one_of(DISTRICT_CODES))
    stage = fields.String(allow_none=True, validate=one_of(STAGE_CODES))
    languages = fields.List(fields.String())
    deadline = fields.String(allow_none=True)
    amount_eur_max = fields.Integer(allow_none=True)
    provider_id = fields.String(allow_none=True)


class MatchListSchema(StrictSchema):
    RESPONSE_REQUIRED = ("items", "held_back", "threshold")
    items = fields.List(
        fields.Nested(MatchItemSchema),
        metadata={
            "description": (
                "Best first; only candidates at or above `threshold`. Never the asking "
                "organisation, never its own offers, never an offer it is not eligible for or "
                "past its deadline, and (for an offer) never its provider."
            )
        },
    )
    held_back = fields.Integer(
        metadata={"description": "Candidates within `limit` held back below the threshold."}
    )
    threshold = fields.Float(
        metadata={
            "description": (
                "The lowest score shown: the list type's calibrated default, or what "
                "`min_score` / `band` asked for."
            )
        }
    )
    message = fields.String(
        metadata={"description": "When nothing passes: what that means, in de or en."}
    )
    gap_analysis = fields.String(
        metadata={"description": "When nothing passes: where the agency collects unmet needs."}
    )
    target = fields.String()
    organization_id = fields.String()
    offer_id = fields.String()


class SearchFiltersSchema(StrictSchema):
    kinds = code_list(KIND_CODES)
    offer_kinds = code_list(OFFER_KIND_CODES)
    themes = code_list(THEME_CODES)
    districts = code_list(DISTRICT_CODES)
    stages = code_list(STAGE_CODES)


class SearchSchema(StrictSchema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=1000))
    target = fields.String(
        load_default="organizations", validate=one_of(["organizations", "offers"])
    )
    limit = json_integer(load_default=10, validate=validate.Range(min=1, max=50))
    min_score = JsonFloat(
        validate=validate.Range(min=0, max=1),
        metadata={"description": MIN_SCORE},
    )
    band = fields.String(validate=one_of(BAND_CODES), metadata={"description": BAND})
    direction = fields.String(
        load_default="providers",
        validate=one_of(["providers", "seekers"]),
        metadata={
            "description": (
                "providers (default): the text is a need; finds those who offer it. seekers: "
                "the text is an offer; finds organisations that need it."
            )
        },
    )
    filters = fields.Nested(SearchFiltersSchema, load_default=dict)


class MatchArgsSchema(StrictSchema):
    target = fields.String(
        load_default="organizations", validate=one_of(["organizations", "offers"])
    )
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))
    min_score = fields.Float(
        validate=validate.Range(min=0, max=1), metadata={"description": MIN_SCORE}
    )
    band = fields.String(validate=one_of(BAND_CODES), metadata={"description": BAND})
    # Organisation kinds with target=organizations, offer kinds with target=offers (the other
    # set answers 422: a rule between two parameters that the document cannot state).
    kind = code_csv(KIND_CODES + OFFER_KIND_CODES)
    theme = code_csv(THEME_CODES)
    district = code_csv(DISTRICT_CODES)
    stage = code_csv(STAGE_CODES)


class OfferMatchArgsSchema(StrictSchema):
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))
    min_score = fields.Float(
        validate=validate.Range(min=0, max=1), metadata={"description": MIN_SCORE}
    )
    band = fields.String(validate=one_of(BAND_CODES), metadata={"description": BAND})
    kind = code_csv(KIND_CODES)
    theme = code_csv(THEME_CODES)
    district = code_csv(DISTRICT_CODES)
    stage = code_csv(STAGE_CODES)
