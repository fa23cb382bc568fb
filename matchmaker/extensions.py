"""Extension singletons (database, API, rate limiter), attached to the app with init_app."""

from __future__ import annotations

from flask import current_app, g, request
from flask_limiter import Limiter
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase

from matchmaker.core.openapi import (
    ContractPlugin,
    defaults_in_words,
    named_enum,
    register_components,
)


class Base(DeclarativeBase):
    """Declarative base of every model."""


def _nullable_nested(self, field, ret, **kwargs) -> dict:
    """Spell a nullable nested schema `{"allOf": [{"$ref": ...}], "nullable": true}`.

    apispec writes `anyOf: [{"type": "object", "nullable": true}, {"$ref": ...}]` for OpenAPI
    3.0, whose first branch admits any object at all, so generated clients and fuzzers (and
    readers) lose the nested schema's fields and its `additionalProperties: false`.
    """
    branches = ret.get("anyOf")
    if not field.allow_none or not isinstance(branches, list) or len(branches) != 2:
        return {}
    refs = [b for b in branches if "$ref" in b]
    if len(refs) != 1 or {"type": "object", "nullable": True} not in branches:
        return {}
    del ret["anyOf"]
    return {"allOf": refs, "nullable": True}


class MatchmakerApi(Api):
    """flask-smorest's Api whose error bodies always carry a readable `message`."""

    def _init_spec(self, *args, **kwargs):
        kwargs["extra_plugins"] = [*(kwargs.get("extra_plugins") or ()), ContractPlugin()]
        super()._init_spec(*args, **kwargs)
        self.ma_plugin.converter.add_attribute_function(_nullable_nested)
        self.ma_plugin.converter.add_attribute_function(named_enum)
        self.ma_plugin.converter.add_attribute_function(defaults_in_words)
        register_components(self.spec)

    def _register_pagination_header(self):
        """Not registered: pages carry their paging in the body, not in flask-smorest's
        X-Pagination header (an unused component otherwise)."""

    def register_blueprint(self, blp, *, parameters=None, **options):
        """Register a room's Blueprint without adding its name as a tag: its operations are
        listed under the tags its routes name (see core/web.py), declared once, with their
        descriptions, by `declare_tags`."""
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        blp.register_views_in_doc(self, self._app, self.spec, name=name, parameters=parameters)

    def declare_tags(self, tags: list[dict[str, str]]) -> None:
        """The document's tags, in the order readers see them."""
        for tag in tags:
            self.spec.tag(tag)

    def handle_http_exception(self, error):
        payload, code, headers = super().handle_http_exception(error)
        # werkzeug's own headers (405: Allow, the methods the resource supports) survive the
        # JSON rendering; RFC 9110 requires Allow on every 405.
        extra = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        if extra:
            headers = {**extra, **dict(headers or {})}
        errors = payload.get("errors") or {}
        if "message" not in payload:
            if errors.get("json") == ["Invalid JSON body."]:
                payload["message"] = "The body is not valid JSON."
            elif errors:
                fields = sorted(
                    f"{field}"
                    for location in errors.values()
                    if isinstance(location, dict)
                    for field in location
                )
                payload["message"] = (
                    "Invalid input: " + ", ".join(fields) + "." if fields else "Invalid input."
                )
            else:
                payload["message"] = error.description or error.name
        payload["errors"] = errors  # always present: the one error shape
        return payload, code, headers


db = SQLAlchemy(model_class=Base)
api = MatchmakerApi()


def _rate_limit_key() -> str:
    """Per verified API key (`g.principal`, set by access.web.identify_caller before the
    limits are checked); per client address for requests without a valid key."""
    principal = g.get("principal")
    if principal is not None:
        return f"key:{principal.key_id}"
    return f"ip:{request.remote_addr or 'unknown'}"


limiter = Limiter(key_func=_rate_limit_key, headers_enabled=True)

#: Search, matches, imports and analytics cost far more than a read: their own, lower limit
#: per key (MATCHMAKER_EXPENSIVE_RATE_LIMIT), shared across them, on top of the default one.
expensive = limiter.shared_limit(
    lambda: current_app.config["MATCHMAKER_EXPENSIVE_RATE_LIMIT"], scope="expensive"
)
