"""Match endpoints: partners and offers for an organisation, organisations for an offer, and
free-text search."""

from __future__ import annotations

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import abort

from matchmaker.access.web import current_principal
from matchmaker.core.web import (
    KIND_CODES,
    OFFER_KIND_CODES,
    Blueprint,
    preferred_language,
)
from matchmaker.extensions import expensive
from matchmaker.matches import service
from matchmaker.matches.schemas import (
    MatchArgsSchema,
    MatchListSchema,
    OfferMatchArgsSchema,
    SearchSchema,
)

blp = Blueprint("matches", __name__, url_prefix="/api/v1", tag="matching")


def match_options(args: dict, *, target: str, lang: str) -> service.MatchOptions:
    """The options of a match query. The schema checked each filter's vocabulary; which kinds
    count depends on the target (organisation kinds, or offer kinds), so that is checked
    here (422 naming `kind`)."""
    kinds = list(dict.fromkeys(args.get("kind") or []))
    allowed = KIND_CODES if target == "organizations" else OFFER_KIND_CODES
    bad = [k for k in kinds if k not in allowed]
    if bad:
        abort(
            422,
            message=f"Unknown kind value(s) for target={target}: {', '.join(bad)}.",
            errors={"query": {"kind": [f"Must be among: {', '.join(allowed)}."]}},
        )
    filters = service.Filters(
        kinds=kinds if target == "organizations" else [],
        offer_kinds=kinds if target == "offers" else [],
        themes=list(dict.fromkeys(args.get("theme") or [])),
        districts=list(dict.fromkeys(args.get("district") or [])),
        stages=list(dict.fromkeys(args.get("stage") or [])),
    )
    return service.MatchOptions(
        target=target,
        limit=args["limit"],
        min_score=args.get("min_score"),
        band=args.get("band"),
        filters=filters,
        lang=lang,
    )


def match_body(answer: service.MatchList, lang: str, **extra: str) -> dict:
    """The answer in the documented MatchList shape. The engine builds it in that shape (plain
    JSON types, the schema's names), so it is sent as it is: a marshmallow dump of it would
    cost milliseconds and change nothing (tests/matches/test_answer_shape.py pins that)."""
    return {**answer.body(lang), **extra}


def respond(answer: service.MatchList, lang: str, **extra: str) -> Response:
    """The answer as MatchList JSON. It is rendered once per answer and kept with it: an
    answer from the result cache is sent as the bytes it was sent as before."""
    key = (lang, *sorted(extra.items()))
    data = answer.rendered.get(key)
    if data is None:
        data = current_app.json.response(match_body(answer, lang, **extra)).get_data()
        answer.rendered[key] = data
    return current_app.response_class(data, mimetype="application/json")


@blp.route("/organizations/<string:organization_id>/matches", tags=["organizations"])
class OrganizationMatches(MethodView):
    decorators = [expensive]

    @blp.arguments(MatchArgsSchema, location="query")
    @blp.response(200, MatchListSchema)
    def get(self, args, organization_id):
        """Rank partners (target=organizations) or eligible offers (target=offers) for it"""
        principal = current_principal()
        org = service.get_organization(organization_id, principal)
        if principal.role == "member" and principal.organization_id != org.id:
            abort(403, message="Members ask matches for their own organisation only.")
        lang = preferred_language()
        options = match_options(args, target=args["target"], lang=lang)
        answer = service.matches_for_organization(organization=org, options=options)
        return respond(answer, lang, target=args["target"], organization_id=org.id)


@blp.route("/offers/<string:offer_id>/matches", tags=["offers"])
class OfferMatches(MethodView):
    decorators = [expensive]

    @blp.arguments(OfferMatchArgsSchema, location="query")
    @blp.response(200, MatchListSchema)
    def get(self, args, offer_id):
        """Rank the eligible organisations whose needs this offer meets"""
        offer = service.get_offer(offer_id, current_principal())
        lang = preferred_language()
        options = match_options({**args}, target="organizations", lang=lang)
        answer = service.matches_for_offer(offer=offer, options=options)
        return respond(answer, lang, offer_id=offer.id)


@blp.route("/search")
class Search(MethodView):
    decorators = [expensive]

    @blp.arguments(SearchSchema)
    @blp.response(200, MatchListSchema)
    def post(self, data):
        """Search organisations or offers by a free text, with the match filters"""
        f = data["filters"]
        lang = preferred_language()
        options = service.MatchOptions(
            target=data["target"],
            limit=data["limit"],
            min_score=data.get("min_score"),
            band=data.get("band"),
            direction=data["direction"],
            filters=service.Filters(
                kinds=f.get("kinds", []),
                offer_kinds=f.get("offer_kinds", []),
                themes=f.get("themes", []),
                districts=f.get("districts", []),
                stages=f.get("stages", []),
            ),
            lang=lang,
        )
        answer = service.search(text=data["text"], options=options)
        return respond(answer, lang, target=data["target"])
