"""Bulk import (curators) and export over HTTP: the twins of `matchmaker import|export`."""

from __future__ import annotations

from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import abort

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.web import Blueprint
from matchmaker.extensions import expensive
from matchmaker.imports import formats, jobs, service
from matchmaker.imports.schemas import (
    IMPORT_BODY,
    ExportArgsSchema,
    ImportArgsSchema,
    ImportReportSchema,
    validate_records,
)
from matchmaker.jobs.schemas import JobSchema

blp = Blueprint("imports", __name__, url_prefix="/api/v1", tag="imports")


def _refuse(report: service.ImportReport) -> None:
    error = jobs.refusal(report)
    abort(422, message=error.message, errors=error.errors)


@blp.route("/import")
class Import(MethodView):
    decorators = [expensive]

    @roles_required("admin", "curator")
    @blp.arguments(ImportArgsSchema, location="query")
    @blp.doc(requestBody=IMPORT_BODY)
    @blp.response(200, ImportReportSchema)
    @blp.alt_response(
        202,
        schema=JobSchema,
        description="Valid, and imported by a job: follow its Location.",
        headers={"Location": {"$ref": "#/components/headers/Location"}},
    )
    @blp.alt_response(422, description="At least one invalid record: nothing was written.")
    def post(self, args):
        """Import organisations and offers (JSON body, or CSV of organisations); all or nothing"""
        mimetype = request.mimetype or ""
        sent = next((f for f in formats.FORMATS if f in mimetype), None)
        if args.get("format") and sent and args["format"] != sent:
            abort(
                422,
                message=f"The body is {mimetype}, but format={args['format']}.",
                errors={"query": {"format": [f"Does not match the Content-Type {mimetype}."]}},
            )
        fmt = args.get("format") or sent or "json"
        content = request.get_data()
        valid = validate_records(formats.parse_file(content, fmt))
        records = len(valid.organizations) + len(valid.offers)
        as_job = not args["dry_run"] and (
            args["run"] == "job"
            or (
                args["run"] == "auto"
                and records >= current_app.config["MATCHMAKER_IMPORT_JOB_THRESHOLD"]
            )
        )
        report = service.import_records(
            valid.organizations,
            valid.offers,
            errors=valid.errors,
            principal=current_principal(),
            dry_run=args["dry_run"] or as_job,
        )
        if report.errors:
            _refuse(report)
        if as_job:
            job = jobs.submit(content, fmt, records=records, principal=current_principal())
            answer = current_app.json.response(JobSchema().dump(job))
            answer.status_code = 202
            answer.headers["Location"] = f"/api/v1/jobs/{job['id']}"
            return answer
        return report.as_dict()


@blp.route("/export")
class Export(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(ExportArgsSchema, location="query")
    @blp.response(200)
    def get(self, args):
        """Export everything a curator sees, re-importable (JSON, a zip of CSVs, or a CSV of
        organisations)"""
        records = service.export_records(include_contact=True)
        if args["format"] == "csv":
            return Response(formats.organizations_csv(records), mimetype="text/csv")
        if args["format"] == "zip":
            return Response(
                formats.records_zip(records),
                mimetype="application/zip",
                headers={"Content-Disposition": 'attachment; filename="matchmaker-export.zip"'},
            )
        return records
