"""The job resource (curators and admins): status and progress of bulk work."""

from __future__ import annotations

from flask.views import MethodView

from matchmaker.access.web import roles_required
from matchmaker.core.web import Blueprint
from matchmaker.jobs import service
from matchmaker.jobs.schemas import JobSchema

blp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs", tag="imports")


@blp.route("/<job_id>")
class JobResource(MethodView):
    @roles_required("admin", "curator")
    @blp.response(200, JobSchema)
    def get(self, job_id):
        """A job's status, progress and, once ended, its result or error"""
        return service.as_dict(service.get(job_id))
