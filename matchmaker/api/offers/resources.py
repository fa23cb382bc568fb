"""Offers: list, create, read, update (ETag / If-Match), delete, and organisations that fit."""

from __future__ import annotations

from flask import request
from flask.views import MethodView

from matchmaker.api.common import Blueprint, page_body, preferred_language
from matchmaker.api.matching.schemas import MatchListSchema
from matchmaker.api.matching.views import match_options
from matchmaker.api.offers.schemas import (
    OfferMatchArgsSchema,
    OfferPageSchema,
    OfferPatchSchema,
    OfferQueryArgsSchema,
    OfferSchema,
)
from matchmaker.auth import current_principal, roles_required
from matchmaker.services import records
from matchmaker.services.matching import matches_for_offer

blp = Blueprint(
    "offers",
    __name__,
    url_prefix="/api/v1/offers",
    description="Funding, cooperation, space, programme and talent offers.",
)


def _with_etag(offer, status=200):
    return records.offer_to_dict(offer), status, {"ETag": records.etag(offer)}


@blp.route("")
class Offers(MethodView):
    @blp.arguments(OfferQueryArgsSchema, location="query")
    @blp.response(200, OfferPageSchema)
    def get(self, args):
        """List offers (published ones for readers), filtered and paginated"""
        items, total = records.list_offers(args=args, principal=current_principal())
        return page_body([records.offer_to_dict(o) for o in items], total, args)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OfferSchema)
    @blp.response(201, OfferSchema)
    def post(self, data):
        """Create an offer (curators; members for their own organisation, as draft)"""
        return _with_etag(records.create_offer(data=data, principal=current_principal()), 201)


@blp.route("/<string:offer_id>")
class OffersById(MethodView):
    @blp.response(200, OfferSchema)
    def get(self, offer_id):
        """Read an offer"""
        return _with_etag(records.get_visible_offer(offer_id, current_principal()))

    @roles_required("admin", "curator", "member")
    @blp.arguments(OfferSchema)
    @blp.response(200, OfferSchema)
    def put(self, data, offer_id):
        """Replace an offer (send If-Match with the ETag you read)"""
        principal = current_principal()
        offer = records.get_visible_offer(offer_id, principal)
        return _with_etag(
            records.update_offer(
                offer=offer,
                data=data,
                principal=principal,
                if_match=request.headers.get("If-Match"),
            )
        )

    @roles_required("admin", "curator", "member")
    @blp.arguments(OfferPatchSchema, required=False)  # no body: nothing changes
    @blp.response(200, OfferSchema)
    def patch(self, data, offer_id):
        """Change some fields of an offer (send If-Match with the ETag you read)"""
        principal = current_principal()
        offer = records.get_visible_offer(offer_id, principal)
        return _with_etag(
            records.update_offer(
                offer=offer,
                data=data,
                principal=principal,
                if_match=request.headers.get("If-Match"),
            )
        )

    @roles_required("admin", "curator")
    @blp.response(204)
    def delete(self, offer_id):
        """Delete an offer"""
        principal = current_principal()
        offer = records.get_visible_offer(offer_id, principal)
        records.delete_offer(
            offer=offer, principal=principal, if_match=request.headers.get("If-Match")
        )


@blp.route("/<string:offer_id>/matches")
class OfferMatches(MethodView):
    @blp.arguments(OfferMatchArgsSchema, location="query")
    @blp.response(200, MatchListSchema)
    def get(self, args, offer_id):
        """Rank the eligible organisations whose needs this offer meets"""
        offer = records.get_visible_offer(offer_id, current_principal())
        options = match_options({**args}, target="organizations", lang=preferred_language())
        return {"items": matches_for_offer(offer=offer, options=options), "offer_id": offer.id}
