"""Analytics for ecosystem managers: coverage and gaps (JSON, or an SVG chart)."""

from __future__ import annotations

from flask import Response
from flask.views import MethodView
from marshmallow import fields, validate

from matchmaker.api.common import Blueprint, StrictSchema, one_of, preferred_language
from matchmaker.auth import roles_required
from matchmaker.services import analytics

blp = Blueprint(
    "analytics",
    __name__,
    url_prefix="/api/v1/analytics",
    description="Where the ecosystem is thin.",
)


class GapArgsSchema(StrictSchema):
    threshold = fields.Float(validate=validate.Range(min=0, max=1))
    format = fields.String(load_default="json", validate=one_of(["json", "svg"]))
    limit = fields.Integer(load_default=500, validate=validate.Range(min=1, max=5000))


@blp.route("/coverage")
class Coverage(MethodView):
    @roles_required("admin", "curator")
    @blp.response(200)
    def get(self):
        """Organisations and offers by theme x district x kind"""
        return analytics.coverage()


@blp.route("/gaps")
class Gaps(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(GapArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        """Stated needs that find no good offer or partner, grouped by theme"""
        data = analytics.gaps(threshold=args.get("threshold"), limit=args["limit"])
        if args["format"] == "svg":
            return Response(
                analytics.gaps_svg(data, preferred_language()), mimetype="image/svg+xml"
            )
        return data
