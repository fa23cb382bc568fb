"""Schemas of the audit log."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import StrictSchema, UtcDateTime


class AuditArgsSchema(StrictSchema):
    entity_id = fields.String(required=True, validate=validate.Length(min=1, max=32))


class AuditEventSchema(StrictSchema):
    id = fields.Integer()
    entity_type = fields.String()
    entity_id = fields.String()
    action = fields.String()
    actor = fields.String()
    at = UtcDateTime()
    changes = fields.Dict()


class AuditListSchema(StrictSchema):
    items = fields.List(fields.Nested(AuditEventSchema))
