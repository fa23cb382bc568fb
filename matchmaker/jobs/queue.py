"""The Redis queue jobs travel on: RQ.

RQ because a job here is "run this function with this id" and nothing more: it needs only the
Redis the service already has (Celery wants a broker and a result backend configured, Dramatiq
middleware), its workers register in Redis so the API can see whether one listens, and
`SimpleWorker` runs jobs in the worker's own process, which keeps the model loaded between
jobs (RQ's default worker starts a fresh process per job: seconds of model loading each).

The queue carries only the job's id; the job record in the database is the truth, so a lost
queue loses no job (`requeue_orphans` puts back what Redis forgot).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import redis
from rq import Queue
from rq.job import Job as QueuedJob
from rq.worker import Worker

logger = logging.getLogger(__name__)

TASK = "matchmaker.jobs.worker.perform"
_CONNECTIONS: dict[tuple[str, bool], redis.Redis] = {}


def connection(config: Mapping[str, Any], *, worker: bool = False) -> redis.Redis:
    """A connection for the queue. The API's answers within 2 s or fails (a hung Redis must
    not hold a request); a worker's blocks as long as RQ waits for the next job."""
    url = config["REDIS_URL"]
    if (url, worker) not in _CONNECTIONS:
        _CONNECTIONS[url, worker] = redis.Redis.from_url(
            url, socket_connect_timeout=1.0, socket_timeout=None if worker else 2.0
        )
    return _CONNECTIONS[url, worker]


def name(config: Mapping[str, Any]) -> str:
    return f"{config['MATCHMAKER_REDIS_PREFIX']}-jobs"


def queue(config: Mapping[str, Any], *, worker: bool = False) -> Queue:
    return Queue(name(config), connection=connection(config, worker=worker))


def listening_workers(config: Mapping[str, Any]) -> int:
    """Workers registered on this queue; 0 when Redis cannot be reached."""
    try:
        return Worker.count(connection=connection(config), queue=queue(config))
    except redis.RedisError as exc:
        logger.warning("job queue unreachable: %s", exc)
        return 0


def enqueue(config: Mapping[str, Any], job_id: str) -> bool:
    """Put the job on the queue; False when Redis cannot take it."""
    try:
        queue(config).enqueue(
            TASK, job_id, job_id=job_id, job_timeout=-1, result_ttl=0, failure_ttl=7 * 86400
        )
    except redis.RedisError as exc:
        logger.warning("job %s not queued (%s): it runs in this process", job_id, exc)
        return False
    return True


def queued(config: Mapping[str, Any], job_id: str) -> bool:
    return QueuedJob.exists(job_id, connection=connection(config))
