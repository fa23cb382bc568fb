"""Organisations: list, create, read, update (ETag / If-Match), delete."""

from __future__ import annotations

from flask import request
from flask.views import MethodView

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.db import etag
from matchmaker.core.web import Blueprint, not_modified, page_body
from matchmaker.organizations import service
from matchmaker.organizations.schemas import (
    DeleteArgsSchema,
    OrganizationInputSchema,
    OrganizationPageSchema,
    OrganizationPatchSchema,
    OrganizationQueryArgsSchema,
    OrganizationSchema,
)

blp = Blueprint("organizations", __name__, url_prefix="/api/v1/organizations", tag="organizations")


def _with_etag(org, status=200):
    headers = {"ETag": etag(org)}
    if status == 201:
        headers["Location"] = f"/api/v1/organizations/{org.id}"
    return service.present(org, current_principal()), status, headers


def _update(data, organization_id, *, replace=False):
    principal = current_principal()
    org = service.get_organization(organization_id, principal)
    org = service.update_organization(
        org=org,
        data=data,
        principal=principal,
        if_match=request.headers.get("If-Match"),
        replace=replace,
    )
    return _with_etag(org)


@blp.route("")
class Organizations(MethodView):
    @blp.arguments(OrganizationQueryArgsSchema, location="query")
    @blp.response(200, OrganizationPageSchema)
    def get(self, args):
        """List organisations (published ones for readers), filtered and paginated"""
        principal = current_principal()
        items, total = service.list_organizations(args=args, principal=principal)
        return page_body([service.present(o, principal) for o in items], total, args)

    @roles_required("admin", "curator")
    @blp.arguments(OrganizationInputSchema)
    @blp.response(201, OrganizationSchema)
    def post(self, data):
        """Create an organisation (curators and admins)"""
        org = service.create_organization(data=data, principal=current_principal())
        return _with_etag(org, 201)


@blp.route("/<string:organization_id>")
class OrganizationsById(MethodView):
    @blp.response(200, OrganizationSchema)
    def get(self, organization_id):
        """Read an organisation (If-None-Match with its ETag answers 304)"""
        org = service.get_organization(organization_id, current_principal())
        return not_modified(etag(org)) or _with_etag(org)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OrganizationInputSchema)
    @blp.response(200, OrganizationSchema)
    def put(self, data, organization_id):
        """Replace an organisation (send If-Match with the ETag you read)"""
        return _update(data, organization_id, replace=True)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OrganizationPatchSchema, required=False)  # no body: nothing changes
    @blp.response(200, OrganizationSchema)
    def patch(self, data, organization_id):
        """Change some fields of an organisation (send If-Match with the ETag you read)"""
        return _update(data, organization_id)

    @roles_required("admin", "curator")
    @blp.arguments(DeleteArgsSchema, location="query")
    @blp.response(204)
    def delete(self, args, organization_id):
        """Delete an organisation; `erase=true` also erases personal data from its history"""
        principal = current_principal()
        org = service.get_organization(organization_id, principal)
        service.delete_organization(
            org=org,
            principal=principal,
            if_match=request.headers.get("If-Match"),
            erase=args["erase"],
        )
