"""Schemas of the analytics endpoints."""

from __future__ import annotations

from marshmallow import fields, validate

from matchmaker.core.web import StrictSchema, one_of


class GapArgsSchema(StrictSchema):
    threshold = fields.Float(validate=validate.Range(min=0, max=1))
    format = fields.String(load_default="json", validate=one_of(["json", "svg"]))
    limit = fields.Integer(load_default=500, validate=validate.Range(min=1, max=5000))
