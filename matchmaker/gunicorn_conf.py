"""gunicorn settings: threads for I/O, workers for CPU-bound encoding, model loaded after fork."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

# One torch thread per worker: workers already use one core each, more threads only contend.
os.environ.setdefault("MATCHMAKER_TORCH_THREADS", "1")
# One BLAS thread per worker too: a match's matrix products are small, and a multi-threaded
# BLAS under concurrent requests spins more than it computes (matches/runtime.limit_blas).
os.environ.setdefault("MATCHMAKER_BLAS_THREADS", "1")
# Metrics of all workers in one directory (prometheus_client's multiprocess mode), so that a
# scrape sums them. Set before any worker imports prometheus_client; a fresh directory per
# server unless the operator names one (it is emptied at start: counts of an earlier run of
# the server would otherwise be added).
_OWN_METRICS_DIR = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _OWN_METRICS_DIR:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="matchmaker-metrics-")

bind = (
    f"{os.environ.get('MATCHMAKER_HOST', '127.0.0.1')}:{os.environ.get('MATCHMAKER_PORT', '8000')}"
)
# Encoding is CPU-bound and torch uses one thread per worker (MATCHMAKER_TORCH_THREADS): one
# worker per core; threads overlap database and Redis waits.
workers = int(os.environ.get("MATCHMAKER_WORKERS", os.cpu_count() or 2))
threads = int(os.environ.get("MATCHMAKER_THREADS", "4"))
worker_class = "gthread"
# No preload: PyTorch state must not cross a fork (hung workers); each worker builds its app.
preload_app = False
timeout = int(os.environ.get("MATCHMAKER_WORKER_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# gunicorn's largest bounded request line (default 4094): a full set of match filters, URL-
# encoded, stays below it, and over-long values reach the app and get its 422 (JSON), not
# gunicorn's HTML 414.
limit_request_line = 8190
max_requests = int(os.environ.get("MATCHMAKER_MAX_REQUESTS", "0"))
max_requests_jitter = 100
accesslog = None  # the app logs each request as JSON with its request id
errorlog = "-"
forwarded_allow_ips = os.environ.get("MATCHMAKER_FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server) -> None:
    """Empty the metrics directory: this server's counts start at zero."""
    directory = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.iterdir():
        if path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)


def on_exit(server) -> None:
    """Remove the metrics directory this server made for itself (never one it was given)."""
    if _OWN_METRICS_DIR:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


def child_exit(server, worker) -> None:
    """A dead worker's live gauges stop counting (its counters stay counted)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker) -> None:
    """Warm the model and the match index in the worker, after the fork."""
    app = worker.wsgi
    if callable(getattr(app, "wsgi", None)):
        app = app.wsgi()
    try:
        from matchmaker.extensions import db
        from matchmaker.matches.loader import keeper_of
        from matchmaker.matches.runtime import get_runtime

        with app.app_context():
            runtime = get_runtime(app)
            runtime.pipeline.encoder.encode(["warm-up"])  # loads the model, bypassing the cache
            keeper_of(runtime).current()
            db.session.remove()
    except Exception as exc:  # noqa: BLE001 - a cold worker still serves; it warms on first use
        worker.log.warning("warm-up failed: %s", exc)
    # What is loaded now (the model, the index: hundreds of thousands of objects at region
    # scale) lives as long as the worker: moved out of the collector's generations, a full
    # collection no longer walks it while requests wait.
    gc.collect()
    gc.freeze()
