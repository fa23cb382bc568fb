"""Schemas of the curator queues and of merging."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import StrictSchema

# The stale queue lists organisations and a merge answers with one: the organisation's shapes.
from matchmaker.organizations.schemas import OrganizationPageSchema, OrganizationSchema

__all__ = ["OrganizationPageSchema", "OrganizationSchema"]


class DuplicatePairSchema(StrictSchema):
    organization_ids = fields.List(fields.String())
    names = fields.List(fields.String())
    reasons = fields.List(fields.String())


class DuplicateQueueSchema(StrictSchema):
    items = fields.List(fields.Nested(DuplicatePairSchema))


class DuplicateArgsSchema(StrictSchema):
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000))


class DuplicateCandidateSchema(StrictSchema):
    id = fields.String()
    name = fields.String()
    status = fields.String()
    reasons = fields.List(fields.String())


class DuplicateCandidatesSchema(StrictSchema):
    items = fields.List(fields.Nested(DuplicateCandidateSchema))


class MergeSchema(StrictSchema):
    duplicate_id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=32),
        metadata={"description": "The organisation merged into this one and then deleted."},
    )
