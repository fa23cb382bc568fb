"""Bulk import (curators) and export over HTTP: the twins of `matchmaker import|export`."""

from __future__ import annotations

from flask import Response, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import fields

from matchmaker.api.common import Blueprint, StrictSchema, one_of
from matchmaker.api.offers.schemas import OfferSchema
from matchmaker.api.organizations.schemas import OrganizationSchema
from matchmaker.auth import current_principal, roles_required
from matchmaker.services import bulk

blp = Blueprint("imports", __name__, url_prefix="/api/v1", description="Bulk import and export.")


class ImportArgsSchema(StrictSchema):
    dry_run = fields.Boolean(load_default=False, metadata={"description": "Validate only."})
    format = fields.String(
        validate=one_of(["json", "csv"]),
        metadata={"description": "Default: from the Content-Type (application/json or text/csv)."},
    )


class ImportOfferSchema(OfferSchema):
    provider_external_id = fields.String(
        allow_none=True, metadata={"description": "The provider, by its external_id."}
    )


class ImportFileSchema(StrictSchema):
    """The body of a JSON import (documentation only: the view parses it itself, since the
    same endpoint takes CSV, and reports every bad record by its position)."""

    organizations = fields.List(fields.Nested(OrganizationSchema))
    offers = fields.List(fields.Nested(ImportOfferSchema))


IMPORT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ImportFileSchema},
        "text/csv": {
            "schema": {
                "type": "string",
                "format": "binary",  # a file's bytes (OpenAPI 3.0), UTF-8
                "description": "Organisations, one a row, with the documented columns.",
            }
        },
    },
}


class ExportArgsSchema(StrictSchema):
    format = fields.String(load_default="json", validate=one_of(["json", "csv"]))


@blp.route("/import")
class Import(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(ImportArgsSchema, location="query")
    @blp.doc(requestBody=IMPORT_BODY)
    @blp.response(200)
    @blp.alt_response(422, description="At least one invalid record: nothing was written.")
    def post(self, args):
        """Import organisations and offers (JSON body, or CSV of organisations); all or nothing"""
        mimetype = request.mimetype or ""
        sent = "csv" if "csv" in mimetype else "json" if "json" in mimetype else None
        if args.get("format") and sent and args["format"] != sent:
            abort(
                422,
                message=f"The body is {mimetype}, but format={args['format']}.",
                errors={"query": {"format": [f"Does not match the Content-Type {mimetype}."]}},
            )
        fmt = args.get("format") or sent or "json"
        records = bulk.parse_file(request.get_data(), fmt)
        report = bulk.import_records(
            records, principal=current_principal(), dry_run=args["dry_run"]
        )
        body = report.as_dict()
        if report.errors:
            abort(
                422,
                message=f"{len(report.errors)} invalid record(s); nothing was written.",
                errors={"records": report.errors},
            )
        return body


@blp.route("/export")
class Export(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(ExportArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        """Export everything a curator sees, re-importable (JSON, or CSV of organisations)"""
        records = bulk.export_records(include_contact=True)
        if args["format"] == "csv":
            return Response(bulk.export_csv(records), mimetype="text/csv")
        return records
