"""Schemas of API keys."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.access.principal import ROLES
from matchmaker.core.web import StrictSchema, UtcDateTime, one_of


class ApiKeySchema(StrictSchema):
    id = fields.String(dump_only=True)
    role = fields.String(required=True, validate=one_of(list(ROLES)))
    label = fields.String(load_default="", validate=validate.Length(max=100))
    organization_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=32))
    created_at = UtcDateTime(dump_only=True)
    revoked_at = UtcDateTime(dump_only=True, allow_none=True)
    token = fields.String(dump_only=True, metadata={"description": "Shown once, at creation."})
