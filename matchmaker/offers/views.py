"""Offers: list, create, read, update (ETag / If-Match), delete."""

from __future__ import annotations

from flask import request
from flask.views import MethodView

from matchmaker.access.web import current_principal, roles_required
from matchmaker.core.db import etag
from matchmaker.core.web import Blueprint, not_modified, page_body
from matchmaker.offers import service
from matchmaker.offers.schemas import (
    OfferInputSchema,
    OfferPageSchema,
    OfferPatchSchema,
    OfferQueryArgsSchema,
    OfferSchema,
)

blp = Blueprint("offers", __name__, url_prefix="/api/v1/offers", tag="offers")


def _with_etag(offer, status=200):
    headers = {"ETag": etag(offer)}
    if status == 201:
        headers["Location"] = f"/api/v1/offers/{offer.id}"
    return service.to_api(offer), status, headers


def _update(data, offer_id, *, replace=False):
    principal = current_principal()
    offer = service.get_visible_offer(offer_id, principal)
    offer = service.update_offer(
        offer=offer,
        data=data,
        principal=principal,
        if_match=request.headers.get("If-Match"),
        replace=replace,
    )
    return _with_etag(offer)


@blp.route("")
class Offers(MethodView):
    @blp.arguments(OfferQueryArgsSchema, location="query")
    @blp.response(200, OfferPageSchema)
    def get(self, args):
        """List offers (published ones for readers), filtered and paginated"""
        items, total = service.list_offers(args=args, principal=current_principal())
        return page_body([service.to_api(o) for o in items], total, args)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OfferInputSchema)
    @blp.response(201, OfferSchema)
    def post(self, data):
        """Create an offer (curators; members for their own organisation, as draft)"""
        return _with_etag(service.create_offer(data=data, principal=current_principal()), 201)


@blp.route("/<string:offer_id>")
class OffersById(MethodView):
    @blp.response(200, OfferSchema)
    def get(self, offer_id):
        """Read an offer (If-None-Match with its ETag answers 304)"""
        offer = service.get_visible_offer(offer_id, current_principal())
        return not_modified(etag(offer)) or _with_etag(offer)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OfferInputSchema)
    @blp.response(200, OfferSchema)
    def put(self, data, offer_id):
        """Replace an offer (send If-Match with the ETag you read)"""
        return _update(data, offer_id, replace=True)

    @roles_required("admin", "curator", "member")
    @blp.arguments(OfferPatchSchema, required=False)  # no body: nothing changes
    @blp.response(200, OfferSchema)
    def patch(self, data, offer_id):
        """Change some fields of an offer (send If-Match with the ETag you read)"""
        return _update(data, offer_id)

    @roles_required("admin", "curator")
    @blp.response(204)
    def delete(self, offer_id):
        """Delete an offer"""
        principal = current_principal()
        offer = service.get_visible_offer(offer_id, principal)
        service.delete_offer(
            offer=offer, principal=principal, if_match=request.headers.get("If-Match")
        )
