"""Feedback on an organisation's matches."""

from __future__ import annotations

from flask.views import MethodView

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.web import Blueprint
from matchmaker.feedback import service
from matchmaker.feedback.schemas import FeedbackCountsSchema, FeedbackSchema

blp = Blueprint("feedback", __name__, url_prefix="/api/v1", tag="matching")


@blp.route("/organizations/<string:organization_id>/feedback")
class MatchFeedback(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.arguments(FeedbackSchema)
    @blp.response(201, FeedbackSchema)
    def post(self, data, organization_id):
        """Mark a match relevant, not relevant (it will not come back) or contacted"""
        principal = current_principal()
        org = service.get_organization(organization_id, principal)
        return service.give(organization=org, data=data, principal=principal)

    @roles_required("admin", "curator", "member")
    @blp.response(200, FeedbackCountsSchema)
    def get(self, organization_id):
        """Feedback given for this organisation's matches, with counts per verdict"""
        principal = current_principal()
        org = service.get_organization(organization_id, principal)
        return service.summary(organization=org, principal=principal)
