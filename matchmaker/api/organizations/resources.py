"""Organisations: list, create, read, update (ETag / If-Match), delete, matches, export."""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_smorest import abort

from matchmaker.api.common import Blueprint, page_body, preferred_language
from matchmaker.api.matching.schemas import MatchListSchema
from matchmaker.api.matching.views import match_options
from matchmaker.api.organizations.schemas import (
    DeleteArgsSchema,
    MatchArgsSchema,
    OrganizationPageSchema,
    OrganizationPatchSchema,
    OrganizationQueryArgsSchema,
    OrganizationSchema,
)
from matchmaker.auth import current_principal, roles_required
from matchmaker.services import records
from matchmaker.services.gdpr import export_organization
from matchmaker.services.matching import get_organization, matches_for_organization

blp = Blueprint(
    "organizations",
    __name__,
    url_prefix="/api/v1/organizations",
    description="Start-ups, firms, institutes, investors, intermediaries and public bodies.",
)


def _dump(org):
    principal = current_principal()
    return records.organization_to_dict(org, show_contact=records.can_see_contact(principal, org))


def _with_etag(body, entity, status=200):
    return body, status, {"ETag": records.etag(entity)}


@blp.route("")
class Organizations(MethodView):
    @blp.arguments(OrganizationQueryArgsSchema, location="query")
    @blp.response(200, OrganizationPageSchema)
    def get(self, args):
        """List organisations (published ones for readers), filtered and paginated"""
        items, total = records.list_organizations(args=args, principal=current_principal())
        return page_body([_dump(o) for o in items], total, args)

    @roles_required("admin", "curator")
    @blp.arguments(OrganizationSchema)
    @blp.response(201, OrganizationSchema)
    def post(self, data):
        """Create an organisation (curators and admins)"""
        org = records.create_organization(data=data, principal=current_principal())
        return _with_etag(_dump(org), org, 201)


@blp.route("/<string:organization_id>")
class OrganizationsById(MethodView):
    @blp.response(200, OrganizationSchema)
    def get(self, organization_id):
        """Read an organisation"""
        org = get_organization(organization_id, current_principal())
        return _with_etag(_dump(org), org)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OrganizationSchema)
    @blp.response(200, OrganizationSchema)
    def put(self, data, organization_id):
        """Replace an organisation (send If-Match with the ETag you read)"""
        org = get_organization(organization_id, current_principal())
        org = records.update_organization(
            org=org,
            data=data,
            principal=current_principal(),
            if_match=request.headers.get("If-Match"),
        )
        return _with_etag(_dump(org), org)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OrganizationPatchSchema, required=False)  # no body: nothing changes
    @blp.response(200, OrganizationSchema)
    def patch(self, data, organization_id):
        """Change some fields of an organisation (send If-Match with the ETag you read)"""
        org = get_organization(organization_id, current_principal())
        org = records.update_organization(
            org=org,
            data=data,
            principal=current_principal(),
            if_match=request.headers.get("If-Match"),
        )
        return _with_etag(_dump(org), org)

    @roles_required("admin", "curator")
    @blp.arguments(DeleteArgsSchema, location="query")
    @blp.response(204)
    def delete(self, args, organization_id):
        """Delete an organisation; `erase=true` also erases personal data from its history"""
        org = get_organization(organization_id, current_principal())
        records.delete_organization(
            org=org,
            principal=current_principal(),
            if_match=request.headers.get("If-Match"),
            erase=args["erase"],
        )


@blp.route("/<string:organization_id>/matches")
class OrganizationMatches(MethodView):
    @blp.arguments(MatchArgsSchema, location="query")
    @blp.response(200, MatchListSchema)
    def get(self, args, organization_id):
        """Rank partners (target=organizations) or eligible offers (target=offers) for it"""
        principal = current_principal()
        org = get_organization(organization_id, principal)
        if principal.role == "member" and principal.organization_id != org.id:
            abort(403, message="Members ask matches for their own organisation only.")
        options = match_options(args, target=args["target"], lang=preferred_language())
        items = matches_for_organization(organization=org, options=options)
        return {"items": items, "target": args["target"], "organization_id": org.id}


@blp.route("/<string:organization_id>/export")
class OrganizationExport(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.response(200)
    def get(self, organization_id):
        """Export everything stored about the organisation (GDPR art. 20)"""
        principal = current_principal()
        org = get_organization(organization_id, principal)
        if not principal.is_staff and principal.organization_id != org.id:
            abort(403, message="Members may export only their own organisation.")
        return export_organization(org)
