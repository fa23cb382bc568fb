"""Jobs: submit bulk work, run it (on a worker or in this process), report its progress.

A room that has bulk work registers a handler for its kind (`@handler("import")`); the handler
gets the job and a `report(phase, done, total)` callable, and returns the job's result. A
DomainError it raises ends the job as failed with that message and its field errors.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app

from matchmaker.access.principal import Principal
from matchmaker.core.db import after_commit, unit_of_work
from matchmaker.core.time import as_utc, utcnow
from matchmaker.errors import DomainError, NotFound
from matchmaker.extensions import db
from matchmaker.jobs import queue
from matchmaker.jobs.models import Job

logger = logging.getLogger(__name__)

Report = Callable[[str, int, int], None]
Handler = Callable[[Job, Report], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}
#: Seconds between two progress writes (a phase change is written at once).
REPORT_EVERY = 0.5


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


def submit(
    kind: str, *, payload: bytes, options: dict[str, Any], total: int, principal: Principal
) -> Job:
    """Record a job and start it after the commit: on the queue when a worker listens (or the
    configured runner says so), else in a thread of this process."""
    config = current_app.config
    mode = config["MATCHMAKER_JOB_RUNNER"]
    on_queue = mode == "queue" or (mode == "auto" and queue.listening_workers(config) > 0)
    with unit_of_work():
        job = Job(
            kind=kind,
            status="queued",
            runner="queue" if on_queue else "in-process",
            phase="queued",
            done=0,
            total=total,
            options={**options, "actor": principal.actor, "role": principal.role},
            payload=payload,
            created_by_key_id=principal.key_id,
        )
        db.session.add(job)
        db.session.flush()
        job_id = job.id
        app = current_app._get_current_object()
        after_commit(f"job-{job_id}", lambda: _dispatch(app, job_id, on_queue))
    return job


def _dispatch(app: Flask, job_id: str, on_queue: bool) -> None:
    if on_queue and queue.enqueue(app.config, job_id):
        return
    if on_queue:  # Redis refused it: the same job runs here instead
        with db.engine.begin() as connection:
            connection.execute(sa.update(Job).where(Job.id == job_id).values(runner="in-process"))
    thread = threading.Thread(target=run_in_app, args=(app, job_id), name=f"job-{job_id}")
    thread.daemon = True
    thread.start()


def run_in_app(app: Flask, job_id: str) -> None:
    """`run` in an app context of its own (a thread of the API, or the queue's worker)."""
    with app.app_context():
        try:
            run(job_id)
        finally:
            db.session.remove()


def run(job_id: str) -> None:
    """Run a queued job to its end (succeeded or failed); a job another runner took, or one
    already ended, is left alone."""
    claimed = db.session.execute(
        sa.update(Job)
        .where(Job.id == job_id, Job.status == "queued")
        .values(status="running", started_at=utcnow(), heartbeat_at=utcnow())
    )
    db.session.commit()
    if claimed.rowcount != 1:
        logger.info("job %s is not queued: skipped", job_id)
        return
    job = db.session.get(Job, job_id)
    started = time.perf_counter()
    try:
        result = HANDLERS[job.kind](job, _Reporter(job_id))
    except DomainError as exc:
        db.session.rollback()
        _finish(job_id, "failed", error={"message": exc.message, "errors": exc.errors or {}})
    except Exception:  # noqa: BLE001 - a job's failure is its record's, not the runner's
        db.session.rollback()
        logger.exception("job %s failed", job_id)
        _finish(job_id, "failed", error={"message": "The job failed on an internal error."})
    else:
        _finish(job_id, "succeeded", result=result)
    logger.info("job %s ended after %.1fs", job_id, time.perf_counter() - started)


def _finish(job_id: str, status: str, **values: Any) -> None:
    job = db.session.get(Job, job_id)
    job.status = status
    job.phase = "done" if status == "succeeded" else job.phase
    job.finished_at = job.heartbeat_at = utcnow()
    job.payload = None  # the file may name contact persons: kept no longer than needed
    job.options = {k: v for k, v in (job.options or {}).items() if k not in ("actor", "role")}
    if status == "succeeded":
        job.done = job.total
    for key, value in values.items():
        setattr(job, key, value)
    db.session.commit()


class _Reporter:
    """Writes a job's progress on a connection of its own, at most every REPORT_EVERY seconds
    (and at each new phase), so that every API worker can read it while the job runs. Called
    outside the job's write transaction (SQLite allows one writer)."""

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.phase: str | None = None
        self.last = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase == self.phase and now - self.last < REPORT_EVERY and done < total:
            return
        self.phase, self.last = phase, now
        with db.engine.begin() as connection:
            connection.execute(
                sa.update(Job)
                .where(Job.id == self.job_id)
                .values(phase=phase, done=done, total=total, heartbeat_at=utcnow())
            )


def get(job_id: str) -> Job:
    job = db.session.get(Job, job_id)
    if job is None:
        raise NotFound(f"No job {job_id}.")
    return job


def as_dict(job: Job) -> dict[str, Any]:
    """The job as the API shows it; a running job whose runner stopped reporting reads as
    failed (its process died: the job will not end by itself)."""
    status, error = job.status, job.error
    stale = timedelta(seconds=current_app.config["MATCHMAKER_JOB_STALE_SECONDS"])
    beat = as_utc(job.heartbeat_at)
    if status == "running" and beat is not None and utcnow() - beat > stale:
        status = "failed"
        error = {
            "message": f"The job's runner stopped reporting {int(stale.total_seconds())} s ago "
            "(it was stopped or crashed); submit the file again."
        }
    total = job.total or 0
    return {
        "id": job.id,
        "kind": job.kind,
        "status": status,
        "runner": job.runner,
        "progress": {
            "phase": job.phase,
            "done": job.done,
            "total": total,
            "percent": round(100.0 * job.done / total, 1) if total else None,
        },
        "options": {k: v for k, v in (job.options or {}).items() if k not in ("actor", "role")},
        "result": job.result,
        "error": error,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
    }


def requeue_orphans() -> int:
    """Put back on the queue each job the database says is queued there but Redis does not
    hold (Redis restarted without persistence); the worker calls this at start."""
    config = current_app.config
    count = 0
    for job_id in db.session.scalars(
        sa.select(Job.id).where(Job.status == "queued", Job.runner == "queue")
    ):
        if not queue.queued(config, job_id) and queue.enqueue(config, job_id):
            count += 1
    return count
