"""Schemas of match feedback."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import StrictSchema, UtcDateTime, one_of


class FeedbackSchema(StrictSchema):
    candidate_id = fields.String(required=True, validate=validate.Length(min=1, max=32))
    candidate_type = fields.String(
        load_default="organization", validate=one_of(["organization", "offer"])
    )
    verdict = fields.String(
        required=True, validate=one_of(["relevant", "not_relevant", "contacted"])
    )
    id = fields.Integer(dump_only=True)
    organization_id = fields.String(dump_only=True)
    created_at = UtcDateTime(dump_only=True)


class FeedbackCountsSchema(StrictSchema):
    organization_id = fields.String()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    items = fields.List(fields.Nested(FeedbackSchema))
