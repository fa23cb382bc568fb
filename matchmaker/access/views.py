"""API key endpoints (admins): create, revoke."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from matchmaker.access import service
from matchmaker.access.schemas import ApiKeySchema
from matchmaker.access.web import roles_required
from matchmaker.core.web import Blueprint
from matchmaker.errors import Invalid

blp = Blueprint("access", __name__, url_prefix="/api/v1", tag="curation")


@blp.route("/keys")
class Keys(MethodView):
    @roles_required("admin")
    @blp.arguments(ApiKeySchema)
    @blp.response(201, ApiKeySchema)
    def post(self, data):
        """Create an API key; the token is in the answer, once"""
        try:
            key, token = service.create_key(
                role=data["role"],
                label=data["label"],
                organization_id=data.get("organization_id"),
            )
        except Invalid as exc:
            abort(422, message=exc.message, errors=exc.errors)
        body = {
            **{
                c: getattr(key, c)
                for c in ("id", "role", "label", "organization_id", "created_at", "revoked_at")
            },
            "token": token,
        }
        return body, 201, {"Location": f"/api/v1/keys/{key.id}"}


@blp.route("/keys/<string:key_id>")
class KeysById(MethodView):
    @roles_required("admin")
    @blp.response(204)
    def delete(self, key_id):
        """Revoke an API key"""
        if service.revoke_key(key_id) is None:
            abort(404, message=f"Key {key_id} not found.")
