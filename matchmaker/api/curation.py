"""Curation endpoints: audit log, introductions, API keys."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort
from marshmallow import fields, validate

from matchmaker import auth
from matchmaker.api.common import (
    Blueprint,
    PageArgsSchema,
    StrictSchema,
    UtcDateTime,
    one_of,
    page_body,
)
from matchmaker.api.organizations.schemas import OrganizationPageSchema, OrganizationSchema
from matchmaker.auth import current_principal, roles_required
from matchmaker.services import NotFound, curation, introductions, records
from matchmaker.services.matching import get_organization
from matchmaker.services.records import audit_events

blp = Blueprint(
    "curation", __name__, url_prefix="/api/v1", description="Audit, introductions, keys."
)


class AuditArgsSchema(StrictSchema):
    entity_id = fields.String(required=True, validate=validate.Length(min=1, max=32))


class AuditEventSchema(StrictSchema):
    id = fields.Integer()
    entity_type = fields.String()
    entity_id = fields.String()
    action = fields.String()
    actor = fields.String()
    at = UtcDateTime()
    changes = fields.Dict()


class AuditListSchema(StrictSchema):
    items = fields.List(fields.Nested(AuditEventSchema))


class IntroductionSchema(StrictSchema):
    id = fields.String(dump_only=True)
    from_organization_id = fields.String(required=True, validate=validate.Length(min=1, max=32))
    to_organization_id = fields.String(required=True, validate=validate.Length(min=1, max=32))
    message = fields.String(load_default="", validate=validate.Length(max=2000))
    status = fields.String(dump_only=True)
    requested_by = fields.String(dump_only=True)
    decided_by = fields.String(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class IntroductionDecisionSchema(StrictSchema):
    status = fields.String(required=True, validate=one_of(["accepted", "declined", "completed"]))


class IntroductionArgsSchema(StrictSchema):
    status = fields.String(validate=one_of(["requested", "accepted", "declined", "completed"]))


class IntroductionListSchema(StrictSchema):
    items = fields.List(fields.Nested(IntroductionSchema))


class ApiKeySchema(StrictSchema):
    id = fields.String(dump_only=True)
    role = fields.String(required=True, validate=one_of(list(auth.ROLES)))
    label = fields.String(load_default="", validate=validate.Length(max=100))
    organization_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=32))
    created_at = UtcDateTime(dump_only=True)
    revoked_at = UtcDateTime(dump_only=True, allow_none=True)
    token = fields.String(dump_only=True, metadata={"description": "Shown once, at creation."})


@blp.route("/audit")
class Audit(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(AuditArgsSchema, location="query")
    @blp.response(200, AuditListSchema)
    def get(self, args):
        """Who changed what and when, for one organisation or offer"""
        return {"items": audit_events(args["entity_id"])}


@blp.route("/introductions")
class Introductions(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.arguments(IntroductionArgsSchema, location="query")
    @blp.response(200, IntroductionListSchema)
    def get(self, args):
        """Introductions (curators: all; members: their organisation's)"""
        items = introductions.list_introductions(
            principal=current_principal(), status=args.get("status")
        )
        return {"items": items}

    @roles_required("admin", "curator", "member")
    @blp.arguments(IntroductionSchema)
    @blp.response(201, IntroductionSchema)
    def post(self, data):
        """Ask to be introduced to an organisation"""
        return introductions.request_introduction(data=data, principal=current_principal())


@blp.route("/introductions/<string:introduction_id>")
class IntroductionsById(MethodView):
    @roles_required("admin", "curator", "member")
    @blp.response(200, IntroductionSchema)
    def get(self, introduction_id):
        """Read an introduction"""
        return introductions.get_introduction(introduction_id, current_principal())

    @roles_required("admin", "curator", "member")
    @blp.arguments(IntroductionDecisionSchema)
    @blp.response(200, IntroductionSchema)
    def patch(self, data, introduction_id):
        """Accept, decline or complete an introduction (curator or the addressed member)"""
        principal = current_principal()
        intro = introductions.get_introduction(introduction_id, principal)
        return introductions.decide(intro=intro, status=data["status"], principal=principal)


@blp.route("/keys")
class Keys(MethodView):
    @roles_required("admin")
    @blp.arguments(ApiKeySchema)
    @blp.response(201, ApiKeySchema)
    def post(self, data):
        """Create an API key; the token is in the answer, once"""
        try:
            key, token = auth.create_key(
                role=data["role"],
                label=data["label"],
                organization_id=data.get("organization_id"),
            )
        except ValueError as exc:
            abort(422, message=str(exc), errors={"json": {"organization_id": [str(exc)]}})
        return {
            **{
                c: getattr(key, c)
                for c in ("id", "role", "label", "organization_id", "created_at", "revoked_at")
            },
            "token": token,
        }


@blp.route("/keys/<string:key_id>")
class KeysById(MethodView):
    @roles_required("admin")
    @blp.response(204)
    def delete(self, key_id):
        """Revoke an API key"""
        if auth.revoke_key(key_id) is None:
            abort(404, message=f"Key {key_id} not found.")


class DuplicatePairSchema(StrictSchema):
    organization_ids = fields.List(fields.String())
    names = fields.List(fields.String())
    reasons = fields.List(fields.String())


class DuplicateQueueSchema(StrictSchema):
    items = fields.List(fields.Nested(DuplicatePairSchema))


class DuplicateArgsSchema(StrictSchema):
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000))


class DuplicateCandidateSchema(StrictSchema):
    id = fields.String()
    name = fields.String()
    status = fields.String()
    reasons = fields.List(fields.String())


class DuplicateCandidatesSchema(StrictSchema):
    items = fields.List(fields.Nested(DuplicateCandidateSchema))


class MergeSchema(StrictSchema):
    duplicate_id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=32),
        metadata={"description": "The organisation merged into this one and then deleted."},
    )


@blp.route("/curation/stale")
class StaleQueue(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, OrganizationPageSchema)
    def get(self, args):
        """Profiles not updated for 12 months (MATCHMAKER_STALE_AFTER_DAYS), oldest first"""
        items, total = curation.stale_profiles(page=args["page"], page_size=args["page_size"])
        return page_body(
            [records.organization_to_dict(o, show_contact=True) for o in items], total, args
        )


@blp.route("/curation/duplicates")
class DuplicateQueue(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(DuplicateArgsSchema, location="query")
    @blp.response(200, DuplicateQueueSchema)
    def get(self, args):
        """Pairs of organisations that may be duplicates (name, website domain, vectors)"""
        return {"items": curation.duplicate_queue(limit=args["limit"])}


@blp.route("/organizations/<string:organization_id>/duplicates")
class OrganizationDuplicates(MethodView):
    @roles_required("admin", "curator")
    @blp.response(200, DuplicateCandidatesSchema)
    def get(self, organization_id):
        """Organisations that may be the same as this one, with the reasons"""
        org = get_organization(organization_id, current_principal())
        return {"items": curation.duplicate_candidates(org)}


@blp.route("/organizations/<string:organization_id>/merge")
class OrganizationMerge(MethodView):
    @roles_required("admin", "curator")
    @blp.arguments(MergeSchema)
    @blp.response(200, OrganizationSchema)
    def post(self, data, organization_id):
        """Merge a duplicate into this organisation (moves offers, feedback, introductions)"""
        principal = current_principal()
        survivor = get_organization(organization_id, principal)
        try:
            duplicate = get_organization(data["duplicate_id"], principal)
        except NotFound as exc:  # the body names it: invalid input, not a missing resource
            abort(422, message=exc.message, errors={"json": {"duplicate_id": [exc.message]}})
        merged = curation.merge_organizations(
            survivor=survivor, duplicate=duplicate, principal=principal
        )
        return records.organization_to_dict(merged, show_contact=True)
