"""What `matchmaker worker` runs: RQ's SimpleWorker on the job queue, in one app."""

from __future__ import annotations

import logging

from flask import Flask

from matchmaker.extensions import db
from matchmaker.jobs import queue, service

logger = logging.getLogger(__name__)
_APP: Flask | None = None


def perform(job_id: str) -> None:
    """The queued task: run the job in the worker's app (created here when RQ was started
    some other way than `matchmaker worker`)."""
    global _APP
    if _APP is None:
        from matchmaker.app import create_app

        _APP = create_app()
    service.run_in_app(_APP, job_id)


def work(app: Flask, *, burst: bool = False) -> None:
    """Take jobs from the queue until stopped (with `burst`, until the queue is empty)."""
    from rq.worker import SimpleWorker

    global _APP
    _APP = app
    with app.app_context():
        requeued = service.requeue_orphans()
        if requeued:
            logger.info("requeued %d job(s) Redis had lost", requeued)
        db.session.remove()
    worker = SimpleWorker(
        [queue.queue(app.config, worker=True)], connection=queue.connection(app.config, worker=True)
    )
    worker.work(burst=burst, logging_level=app.config["MATCHMAKER_LOG_LEVEL"])
