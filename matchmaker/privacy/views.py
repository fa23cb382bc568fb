"""The GDPR export of an organisation (art. 20); erasure is `DELETE ...?erase=true`."""

from __future__ import annotations

from flask.views import MethodView

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.web import Blueprint
from matchmaker.privacy import service

blp = Blueprint("privacy", __name__, url_prefix="/api/v1", tag="organizations")


@blp.route("/organizations/<string:organization_id>/export")
class OrganizationExport(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.response(200)
    def get(self, organization_id):
        """Export everything stored about the organisation (GDPR art. 20)"""
        org = service.get_organization(organization_id, current_principal())
        return service.export_organization(org)
