"""Search and match feedback; the match-option parsing the other resources share."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from matchmaker.api.common import (
    DISTRICT_CODES,
    KIND_CODES,
    OFFER_KIND_CODES,
    STAGE_CODES,
    THEME_CODES,
    Blueprint,
    preferred_language,
)
from matchmaker.api.matching.schemas import (
    FeedbackCountsSchema,
    FeedbackSchema,
    MatchListSchema,
    SearchSchema,
)
from matchmaker.auth import current_principal, roles_required
from matchmaker.matching.ranking import Filters
from matchmaker.services import feedback as feedback_service
from matchmaker.services.matching import MatchOptions, get_organization, search

blp = Blueprint(
    "matching", __name__, url_prefix="/api/v1", description="Ad-hoc search and match feedback."
)


def _codes(args: dict, name: str, allowed: list[str]) -> list[str]:
    raw = args.get(name)
    if not raw:
        return []
    values = [v.strip() for v in raw.split(",") if v.strip()]
    bad = [v for v in values if v not in allowed]
    if bad:
        abort(
            422,
            message=f"Unknown {name} value(s): {', '.join(bad)}.",
            errors={"query": {name: [f"Must be among: {', '.join(allowed)}."]}},
        )
    return values


def match_options(args: dict, *, target: str, lang: str) -> MatchOptions:
    """Validate the comma-separated filters of a match query (422 naming the parameter)."""
    kinds_allowed = KIND_CODES if target == "organizations" else OFFER_KIND_CODES
    kinds = _codes(args, "kind", kinds_allowed)
    filters = Filters(
        kinds=kinds if target == "organizations" else [],
        offer_kinds=kinds if target == "offers" else [],
        themes=_codes(args, "theme", THEME_CODES),
        districts=_codes(args, "district", DISTRICT_CODES),
        stages=_codes(args, "stage", STAGE_CODES),
    )
    return MatchOptions(
        target=target,
        limit=args["limit"],
        min_score=args["min_score"],
        filters=filters,
        lang=lang,
    )


@blp.route("/search")
class Search(MethodView):
    @blp.arguments(SearchSchema)
    @blp.response(200, MatchListSchema)
    def post(self, data):
        """Search organisations or offers by a free text, with the match filters"""
        f = data["filters"]
        options = MatchOptions(
            target=data["target"],
            limit=data["limit"],
            min_score=data["min_score"],
            filters=Filters(
                kinds=f.get("kinds", []),
                offer_kinds=f.get("offer_kinds", []),
                themes=f.get("themes", []),
                districts=f.get("districts", []),
                stages=f.get("stages", []),
            ),
            lang=preferred_language(),
        )
        return {"items": search(text=data["text"], options=options), "target": data["target"]}


@blp.route("/organizations/<string:organization_id>/feedback")
class MatchFeedback(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.arguments(FeedbackSchema)
    @blp.response(201, FeedbackSchema)
    def post(self, data, organization_id):
        """Mark a match relevant, not relevant (it will not come back) or contacted"""
        principal = current_principal()
        org = get_organization(organization_id, principal)
        return feedback_service.give(organization=org, data=data, principal=principal)

    @roles_required("admin", "curator", "member")
    @blp.response(200, FeedbackCountsSchema)
    def get(self, organization_id):
        """Feedback given for this organisation's matches, with counts per verdict"""
        principal = current_principal()
        org = get_organization(organization_id, principal)
        return feedback_service.summary(organization=org, principal=principal)
