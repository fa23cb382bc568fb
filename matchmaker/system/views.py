"""Taxonomy, health (liveness, readiness), metrics and the self-hosted API docs assets."""

from __future__ import annotations

from flask import send_from_directory
from flask.views import MethodView

from matchmaker.core.web import Blueprint
from matchmaker.system import service
from matchmaker.taxonomy import taxonomy_document

blp = Blueprint("system", __name__, tag="system")


@blp.route("/api/v1/taxonomy")
class Taxonomy(MethodView):
    @blp.response(200)
    def get(self):
        """Themes, districts (with municipalities), kinds, stages, offer kinds, statuses (de/en)"""
        return taxonomy_document()


@blp.route("/livez")
class Liveness(MethodView):
    @blp.doc(security=[])  # public: probes carry no key
    @blp.response(200)
    def get(self):
        """Liveness: the process answers"""
        return {"status": "ok"}


@blp.route("/readyz")
class Readiness(MethodView):
    @blp.doc(security=[])  # public: probes carry no key
    @blp.response(200)
    def get(self):
        """Readiness: database, Redis and model, each reported; Redis down = degraded"""
        return service.readiness()


def metrics():
    """Prometheus metrics (a plain route: no part of the API's own document)."""
    return service.metrics()


def swagger_asset(filename: str):
    """Serve the Swagger UI assets from the installed package (no CDN); registered on the app
    as a plain route, since it is no part of the API's own document."""
    import swagger_ui_bundle

    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)
