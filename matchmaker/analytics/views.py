"""Analytics for ecosystem managers: coverage and gaps (JSON, or an SVG chart)."""

from __future__ import annotations

from flask import Response
from flask.views import MethodView

from matchmaker.access.web import roles_required
from matchmaker.analytics import service
from matchmaker.analytics.schemas import GapArgsSchema
from matchmaker.core.web import Blueprint, preferred_language
from matchmaker.extensions import expensive

blp = Blueprint("analytics", __name__, url_prefix="/api/v1/analytics", tag="analytics")


@blp.route("/coverage")
class Coverage(MethodView):
    decorators = [expensive]

    @roles_required("admin", "curator")
    @blp.response(200)
    def get(self):
        """Organisations and offers by theme x district x kind"""
        return service.coverage()


@blp.route("/gaps")
class Gaps(MethodView):
    decorators = [expensive]

    @roles_required("admin", "curator")
    @blp.arguments(GapArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        """Stated needs that find no good offer or partner, grouped by theme"""
        data = service.gaps(threshold=args.get("threshold"), limit=args["limit"])
        if args["format"] == "svg":
            return Response(service.gaps_svg(data, preferred_language()), mimetype="image/svg+xml")
        return data
