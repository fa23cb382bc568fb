"""Marshmallow schemas of the offers resource."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import (
    DISTRICT_CODES,
    KIND_CODES,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_QUERY,
    OFFER_KIND_CODES,
    STAGE_CODES,
    STATUS_CODES,
    THEME_CODES,
    LocationSchema,
    PageArgsSchema,
    PageSchema,
    Partial,
    StrictSchema,
    UtcDateTime,
    code_list,
    json_integer,
    one_of,
    url_field,
)


class EligibilitySchema(StrictSchema):
    """Who may apply; an empty list means any."""

    kinds = code_list(KIND_CODES)
    stages = code_list(STAGE_CODES)
    districts = code_list(DISTRICT_CODES)


class OfferSchema(StrictSchema):
    #: Every answer carries these.
    RESPONSE_REQUIRED = (
        "id",
        "external_id",
        "title",
        "kind",
        "description",
        "provider_id",
        "themes",
        "eligibility",
        "amount_eur_max",
        "deadline",
        "location",
        "url",
        "status",
        "created_at",
        "updated_at",
    )
    id = fields.String(dump_only=True)
    external_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=100))
    title = fields.String(required=True, validate=validate.Length(min=1, max=MAX_NAME))
    kind = fields.String(required=True, validate=one_of(OFFER_KIND_CODES))
    description = fields.String(validate=validate.Length(max=MAX_DESCRIPTION))
    provider_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=32))
    themes = code_list(THEME_CODES)
    eligibility = fields.Nested(EligibilitySchema, allow_none=True)
    amount_eur_max = json_integer(
        allow_none=True, validate=validate.Range(min=0, max=10_000_000_000)
    )
    deadline = fields.Date(allow_none=True)
    location = fields.Nested(LocationSchema, allow_none=True)
    url = url_field(500)
    status = fields.String(
        validate=one_of(STATUS_CODES), metadata={"description": "Default draft."}
    )
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class OfferInputSchema(OfferSchema):
    """An offer as created or replaced (POST, PUT): the same fields, its own component, so
    that the answer's component can say which fields are always there."""


class OfferPatchSchema(Partial, OfferSchema):
    """Any subset of the offer's fields (PATCH)."""


class OfferQueryArgsSchema(PageArgsSchema):
    kind = fields.String(validate=one_of(OFFER_KIND_CODES))
    theme = fields.String(validate=one_of(THEME_CODES))
    district = fields.String(validate=one_of(DISTRICT_CODES))
    status = fields.String(validate=one_of(STATUS_CODES))
    provider_id = fields.String(validate=validate.Length(max=32))
    open = fields.Boolean(metadata={"description": "Only offers whose deadline has not passed."})
    q = fields.String(validate=validate.Length(min=1, max=MAX_QUERY))
    external_id = fields.String(validate=validate.Length(min=1, max=100))


class OfferPageSchema(PageSchema):
    RESPONSE_REQUIRED = ("items", "page", "page_size", "total", "pages")
    items = fields.List(fields.Nested(OfferSchema))
