"""Schemas of introductions."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import StrictSchema, UtcDateTime, one_of


class IntroductionSchema(StrictSchema):
    id = fields.String(dump_only=True)
    from_organization_id = fields.String(required=True, validate=validate.Length(min=1, max=32))
    to_organization_id = fields.String(required=True, validate=validate.Length(min=1, max=32))
    message = fields.String(load_default="", validate=validate.Length(max=2000))
    status = fields.String(dump_only=True)
    requested_by = fields.String(dump_only=True)
    decided_by = fields.String(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class IntroductionDecisionSchema(StrictSchema):
    status = fields.String(required=True, validate=one_of(["accepted", "declined", "completed"]))


class IntroductionArgsSchema(StrictSchema):
    status = fields.String(validate=one_of(["requested", "accepted", "declined", "completed"]))


class IntroductionListSchema(StrictSchema):
    items = fields.List(fields.Nested(IntroductionSchema))
