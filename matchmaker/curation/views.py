"""Curator queues (stale profiles, duplicates) and merging duplicates."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.web import Blueprint, PageArgsSchema, page_body
from matchmaker.curation import service
from matchmaker.curation.schemas import (
    DuplicateArgsSchema,
    DuplicateCandidatesSchema,
    DuplicateQueueSchema,
    MergeSchema,
    OrganizationPageSchema,
    OrganizationSchema,
)
from matchmaker.errors import NotFound

blp = Blueprint("curation", __name__, url_prefix="/api/v1", tag="curation")


@blp.route("/curation/stale")
class StaleQueue(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, OrganizationPageSchema)
    def get(self, args):
        """Profiles not updated for 12 months (MATCHMAKER_STALE_AFTER_DAYS), oldest first"""
        items, total = service.stale_profiles(page=args["page"], page_size=args["page_size"])
        return page_body([service.present(o) for o in items], total, args)


@blp.route("/curation/duplicates")
class DuplicateQueue(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(DuplicateArgsSchema, location="query")
    @blp.response(200, DuplicateQueueSchema)
    def get(self, args):
        """Pairs of organisations that may be duplicates (name, website domain, vectors)"""
        return {"items": service.duplicate_queue(limit=args["limit"])}


@blp.route("/organizations/<string:organization_id>/duplicates")
class OrganizationDuplicates(MethodView):
    @roles_required("admin", "curator")
    @blp.response(200, DuplicateCandidatesSchema)
    def get(self, organization_id):
        """Organisations that may be the same as this one, with the reasons"""
        org = service.get_organization(organization_id, current_principal())
        return {"items": service.duplicate_candidates(org)}


@blp.route("/organizations/<string:organization_id>/merge")
class OrganizationMerge(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(MergeSchema)
    @blp.response(200, OrganizationSchema)
    def post(self, data, organization_id):
        """Merge a duplicate into this organisation (moves offers, feedback, introductions)"""
        principal = current_principal()
        survivor = service.get_organization(organization_id, principal)
        try:
            duplicate = service.get_organization(data["duplicate_id"], principal)
        except NotFound as exc:  # the body names it: invalid input, not a missing resource
            abort(422, message=exc.message, errors={"json": {"duplicate_id": [exc.message]}})
        merged = service.merge_organizations(
            survivor=survivor, duplicate=duplicate, principal=principal
        )
        return service.present(merged)
