"""The audit log endpoint (curators)."""

from __future__ import annotations

from flask.views import MethodView

from matchmaker.access.web import roles_required
from matchmaker.audit import service
from matchmaker.audit.schemas import AuditArgsSchema, AuditListSchema
from matchmaker.core.web import Blueprint

blp = Blueprint("audit", __name__, url_prefix="/api/v1", tag="curation")


@blp.route("/audit")
class Audit(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(AuditArgsSchema, location="query")
    @blp.response(200, AuditListSchema)
    def get(self, args):
        """Who changed what and when, for one organisation or offer"""
        return {"items": service.events_for(args["entity_id"])}
