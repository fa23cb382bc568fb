"""Introduction endpoints: ask, list, read, decide."""

from __future__ import annotations

from flask.views import MethodView

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.web import Blueprint
from matchmaker.introductions import service
from matchmaker.introductions.schemas import (
    IntroductionArgsSchema,
    IntroductionDecisionSchema,
    IntroductionListSchema,
    IntroductionSchema,
)

blp = Blueprint("introductions", __name__, url_prefix="/api/v1", tag="curation")


@blp.route("/introductions")
class Introductions(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.arguments(IntroductionArgsSchema, location="query")
    @blp.response(200, IntroductionListSchema)
    def get(self, args):
        """Introductions (curators: all; members: their organisation's)"""
        items = service.list_introductions(principal=current_principal(), status=args.get("status"))
        return {"items": items}

    @roles_required("admin", "curator", "member")
    @blp.arguments(IntroductionSchema)
    @blp.response(201, IntroductionSchema)
    def post(self, data):
        """Ask to be introduced to an organisation"""
        intro = service.request_introduction(data=data, principal=current_principal())
        return intro, 201, {"Location": f"/api/v1/introductions/{intro.id}"}


@blp.route("/introductions/<string:introduction_id>")
class IntroductionsById(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.response(200, IntroductionSchema)
    def get(self, introduction_id):
        """Read an introduction"""
        return service.get_introduction(introduction_id, current_principal())

    @roles_required("admin", "curator", "member")
    @blp.arguments(IntroductionDecisionSchema)
    @blp.response(200, IntroductionSchema)
    def patch(self, data, introduction_id):
        """Accept, decline or complete an introduction (curator or the addressed member)"""
        principal = current_principal()
        intro = service.get_introduction(introduction_id, principal)
        return service.decide(intro=intro, status=data["status"], principal=principal)
