"""Imports as jobs: a large file is validated in the request (a bad one is refused at once,
nothing written), then imported by a job with progress; the CLI imports the same way, with a
progress bar instead of a job record."""

from __future__ import annotations

from typing import Any

from matchmaker.access.principal import Principal
from matchmaker.errors import Invalid
from matchmaker.imports import formats, service
from matchmaker.imports.schemas import validate_records
from matchmaker.jobs import service as jobs


def import_file(
    content: bytes,
    fmt: str,
    *,
    principal: Principal,
    dry_run: bool = False,
    progress: service.Progress = service._no_progress,
) -> service.ImportReport:
    """Read, validate and import a file (all or nothing)."""
    valid = validate_records(formats.parse_file(content, fmt))
    return service.import_records(
        valid.organizations,
        valid.offers,
        errors=valid.errors,
        principal=principal,
        dry_run=dry_run,
        progress=progress,
    )


def refusal(report: service.ImportReport) -> Invalid:
    """The error of a file with invalid records: how many, and the first of them."""
    listed = len(report.errors)
    return Invalid(
        f"{report.errors.count} invalid record(s); nothing was written"
        + (f" (the first {listed} are listed)." if report.errors.count > listed else "."),
        errors={"records": list(report.errors)},
    )


def submit(content: bytes, fmt: str, *, records: int, principal: Principal) -> dict[str, Any]:
    """Queue the import of a validated file; the job as the API shows it."""
    job = jobs.submit(
        "import", payload=content, options={"format": fmt}, total=records, principal=principal
    )
    return jobs.as_dict(job)


@jobs.handler("import")
def _run(job: Any, report: jobs.Report) -> dict[str, Any]:
    principal = Principal(
        key_id=job.created_by_key_id or "system",
        role=job.options.get("role", "admin"),
        label=job.options.get("actor", ""),
    )
    report("validating", 0, job.total)  # reading and checking the file again: seconds
    result = import_file(job.payload, job.options["format"], principal=principal, progress=report)
    if result.errors:  # the stored data changed since the file was checked
        raise refusal(result)
    return result.as_dict()
