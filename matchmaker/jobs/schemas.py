"""The job resource: what was asked, how far it got, how it ended."""

from __future__ import annotations

from marshmallow import fields

from matchmaker.core.web import StrictSchema, UtcDateTime, one_of

STATUSES = ["queued", "running", "succeeded", "failed"]


class JobProgressSchema(StrictSchema):
    RESPONSE_REQUIRED = ("phase", "done", "total", "percent")
    phase = fields.String(
        allow_none=True,
        metadata={
            "description": "queued; validating (the file is read and checked again); encoding "
            "(done/total count the characters of the texts to encode, which the time it takes "
            "follows); writing (records, one transaction); done."
        },
    )
    done = fields.Integer()
    total = fields.Integer()
    percent = fields.Float(allow_none=True)


class JobErrorSchema(StrictSchema):
    RESPONSE_REQUIRED = ("message",)
    message = fields.String()
    errors = fields.Dict(
        metadata={"description": "By location and field, as in `Error` (`records` for imports)."}
    )


class JobSchema(StrictSchema):
    RESPONSE_REQUIRED = (
        "id",
        "kind",
        "status",
        "runner",
        "progress",
        "result",
        "error",
        "created_at",
        "started_at",
        "finished_at",
    )
    id = fields.String()
    kind = fields.String(validate=one_of(["import"]))
    status = fields.String(
        validate=one_of(STATUSES),
        metadata={
            "description": "queued, running, then succeeded or failed (a file whose records no "
            "longer fit the stored data fails whole: nothing is written). A running job whose "
            "runner stops reporting reads as failed."
        },
    )
    runner = fields.String(
        validate=one_of(["queue", "in-process"]),
        metadata={
            "description": "queue: `matchmaker worker` runs it; in-process: the API process "
            "that took it (no worker listened, or Redis was down)."
        },
    )
    progress = fields.Nested(JobProgressSchema)
    options = fields.Dict(metadata={"description": "What was asked (e.g. the file's format)."})
    result = fields.Dict(
        allow_none=True, metadata={"description": "The job's answer: for an import, its report."}
    )
    error = fields.Nested(JobErrorSchema, allow_none=True)
    created_at = UtcDateTime()
    started_at = UtcDateTime(allow_none=True)
    finished_at = UtcDateTime(allow_none=True)
