"""What the OpenAPI document says beyond what flask-smorest derives from the views: an
operationId and a description per operation, every error status an operation can answer, the
headers that matter (ETag, Location, If-Match, X-RateLimit-*, Retry-After), and the
controlled vocabularies as named components (Theme, District, Kind, Stage, OfferKind, Band)
that generated clients turn into types.

The portal team generates its client from this document; `make lint` checks it with Spectral
and Redocly, and CI compiles a small portal flow against the types openapi-typescript makes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from apispec import BasePlugin
from marshmallow import fields, validate

from matchmaker.taxonomy import DISTRICTS, OFFER_KINDS, ORGANIZATION_KINDS, STAGES, THEMES

#: Controlled vocabularies, by component name.
ENUMS: dict[str, tuple[list[str], str]] = {
    "Theme": (list(THEMES), "A thematic field of the region's innovation strategy."),
    "District": (list(DISTRICTS), "Stuttgart or one of the region's five districts."),
    "Kind": (list(ORGANIZATION_KINDS), "What kind of organisation it is."),
    "Stage": (list(STAGES), "A start-up's or scale-up's stage."),
    "OfferKind": (list(OFFER_KINDS), "What kind of offer it is."),
    "Band": (["strong", "good", "possible"], "A match's relevance band."),
}
_BY_CHOICES = {tuple(choices): name for name, (choices, _) in ENUMS.items()}

_ORG = "/api/v1/organizations/{organization_id}"
_OFFER = "/api/v1/offers/{offer_id}"
#: "METHOD /path" -> operationId and description (data/operations.json). An operation the
#: file does not name stops the document from being built: every route is described.
OPERATIONS: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).parent / "data" / "operations.json").read_text(encoding="utf-8")
)
#: "METHOD /path" -> a request and answer of a real session (data/examples.json, recorded by
#: scripts/make_examples.py): the body sent, the status and the body answered.
EXAMPLES: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "examples.json").read_text(encoding="utf-8")
)

_ERRORS = {
    "400": ("BadRequest", "The body is not valid JSON, or the request is malformed."),
    "401": ("Unauthorized", "No API key, or one that is unknown or revoked."),
    "403": ("Forbidden", "The key's role may not do this."),
    "404": ("NotFound", "No such record, or one this key may not see."),
    "409": ("Conflict", "The request conflicts with the stored state (e.g. a taken external_id)."),
    "412": ("PreconditionFailed", "If-Match names a version that is no longer current."),
    "413": ("PayloadTooLarge", "The body is larger than the configured limit."),
    "415": ("UnsupportedMediaType", "The body was sent without a supported Content-Type."),
    "429": ("TooManyRequests", "Too many requests for this key; see Retry-After."),
    "503": ("ServiceUnavailable", "The database is unavailable; see Retry-After."),
}

_HEADERS = {
    "ETag": ("The record's version, for If-Match and If-None-Match.", "string"),
    "Location": ("Where the created resource lives.", "string"),
    "Content-Language": ("The language of the answer's texts (de or en).", "string"),
    "X-RateLimit-Limit": ("Requests allowed in the current window.", "integer"),
    "X-RateLimit-Remaining": ("Requests left in the current window.", "integer"),
    "X-RateLimit-Reset": ("When the window resets (Unix time).", "integer"),
    "Retry-After": ("Seconds to wait before retrying.", "integer"),
}
_RATE = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")
_VERSIONED = {_ORG, _OFFER}
_CONFLICTS = {
    ("post", "/api/v1/organizations"),
    ("post", "/api/v1/offers"),
    ("put", _ORG),
    ("patch", _ORG),
    ("put", _OFFER),
    ("patch", _OFFER),
    ("post", _ORG + "/merge"),
    ("post", "/api/v1/introductions"),
    ("patch", "/api/v1/introductions/{introduction_id}"),
    ("post", "/api/v1/import"),
}
_LANGUAGE = {
    _ORG + "/matches",
    _OFFER + "/matches",
    "/api/v1/search",
    "/api/v1/taxonomy",
    "/api/v1/analytics/gaps",
    "/api/v1/analytics/coverage",
}


def _header_ref(name: str) -> dict:
    return {"$ref": f"#/components/headers/{name}"}


def _header_parameter(name: str, description: str) -> dict:
    return {
        "in": "header",
        "name": name,
        "required": False,
        "schema": {"type": "string"},
        "description": description,
    }


class ContractPlugin(BasePlugin):
    """apispec plugin adding the parts of the contract the views do not state."""

    def init_spec(self, spec) -> None:
        self.spec = spec

    def schema_helper(self, name, definition, **kwargs) -> dict | None:
        """A response schema lists the fields every answer carries (`RESPONSE_REQUIRED`,
        declared on the schema class itself), so that generated clients need no checks."""
        schema = kwargs.get("schema")
        cls = schema if isinstance(schema, type) else type(schema)
        required = vars(cls).get("RESPONSE_REQUIRED") if cls is not None else None
        return {"required": list(required)} if required else None

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        for method, operation in (operations or {}).items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            key = f"{method.upper()} {path}"
            if key not in OPERATIONS:
                raise KeyError(f"{key}: describe it in matchmaker/core/data/operations.json")
            operation.update(OPERATIONS[key])
            _add_content(key, operation)
            _add_examples(EXAMPLES.get(key, {}), operation)
            _add_errors(method, path, operation)
            _add_headers(method, path, operation)
            for parameter in operation.get("parameters", []):
                # apispec moves a parameter's description up to the parameter, leaving a lone
                # `allOf` around a named vocabulary: refer to it directly.
                schema = parameter.get("schema", {})
                if set(schema) == {"allOf"} and len(schema["allOf"]) == 1:
                    parameter["schema"] = schema["allOf"][0]


_OBJECT = {"type": "object", "additionalProperties": True}
_TEXT = {"type": "string"}
#: Answers the views send as they are (files, charts): their media types, for clients and
#: for schemathesis, which checks that every answer's Content-Type is documented.
_CONTENT: dict[str, dict[str, dict[str, Any]]] = {
    "GET /api/v1/export": {
        "application/json": {
            "schema": {
                **_OBJECT,
                "description": '`format=json`: {"organizations": [...], "offers": [...]} in '
                "the import format, with ids.",
            }
        },
        "application/zip": {
            "schema": {
                "type": "string",
                "format": "binary",
                "description": "`format=zip`: organizations.csv and offers.csv.",
            }
        },
        "text/csv": {"schema": {**_TEXT, "description": "`format=csv`: organisations."}},
    },
    "GET /api/v1/analytics/gaps": {
        "application/json": {"schema": {**_OBJECT, "description": "`format=json`."}},
        "image/svg+xml": {
            "schema": {**_TEXT, "description": "`format=svg`: a slide-ready bar chart."}
        },
    },
    "GET /api/v1/organizations/{organization_id}/export": {
        "application/json": {
            "schema": {
                **_OBJECT,
                "description": "Everything stored about the organisation (GDPR art. 20).",
            }
        }
    },
}


def _add_content(key: str, operation: dict) -> None:
    content = _CONTENT.get(key)
    if content is None:
        return
    responses = operation.setdefault("responses", {})
    response = responses.get(200, responses.get("200"))
    if response is not None and "content" not in response:
        response["content"] = {media: dict(spec) for media, spec in content.items()}


def _add_examples(example: dict[str, Any], operation: dict) -> None:
    """The recorded request body and answers, on their JSON media types."""
    if "request" in example:
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            content["application/json"]["example"] = example["request"]
    responses = operation.get("responses", {})
    answers = {str(example.get("status")): example.get("response")}
    answers.update({status: body for status, body in example.items() if status.isdigit()})
    for status, body in answers.items():
        if body is None:
            continue
        response = responses.get(status, responses.get(int(status)))
        media = (response or {}).get("content", {}).get("application/json")
        if media is not None:
            media["example"] = body


def _add_errors(method: str, path: str, operation: dict) -> None:
    responses = operation.setdefault("responses", {})
    statuses = ["503"]
    if path.startswith("/api/v1/"):
        statuses += ["401", "429"]
        if path != "/api/v1/taxonomy":
            statuses.append("403")
    if "{" in path:
        statuses.append("404")
    if method in ("post", "put", "patch"):
        statuses += ["400", "413", "415"]
    if (method, path) in _CONFLICTS:
        statuses.append("409")
    if path in _VERSIONED and method in ("put", "patch", "delete"):
        statuses.append("412")
    for status in statuses:
        responses.setdefault(status, {"$ref": f"#/components/responses/{_ERRORS[status][0]}"})


def _add_headers(method: str, path: str, operation: dict) -> None:
    parameters = operation.setdefault("parameters", [])
    if path in _VERSIONED and method in ("put", "patch", "delete"):
        parameters.append(
            _header_parameter(
                "If-Match", "The ETag you read: the change is refused (412) if it is stale."
            )
        )
    if path in _VERSIONED and method == "get":
        parameters.append(
            _header_parameter(
                "If-None-Match", "An ETag you hold: 304 without a body if it is current."
            )
        )
    if path in _LANGUAGE:
        parameters.append(
            _header_parameter("Accept-Language", "de or en (default en) for labels and texts.")
        )
    for status, response in operation.get("responses", {}).items():
        if not str(status).startswith("2") or "$ref" in response:
            continue
        headers = response.setdefault("headers", {})
        if path.startswith("/api/v1/"):
            for name in _RATE:
                headers[name] = _header_ref(name)
        if str(status) == "201":
            headers["Location"] = _header_ref("Location")
        if path in _VERSIONED or (
            str(status) == "201" and path.endswith(("organizations", "offers"))
        ):
            headers["ETag"] = _header_ref("ETag")
        if path in _LANGUAGE:
            headers["Content-Language"] = _header_ref("Content-Language")
    if path in _VERSIONED and method == "get":
        operation["responses"].setdefault(
            "304", {"description": "Not modified: the ETag is current."}
        )


def register_components(spec) -> None:
    """The named vocabularies, error responses and headers the operations refer to."""
    for name, (choices, description) in ENUMS.items():
        spec.components.schema(
            name, {"type": "string", "enum": choices, "description": description}
        )
    for _, (name, description) in sorted(_ERRORS.items()):
        response: dict[str, Any] = {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        if name in ("TooManyRequests", "ServiceUnavailable"):
            response["headers"] = {"Retry-After": _header_ref("Retry-After")}
        spec.components.response(name, response)
    for name, (description, kind) in _HEADERS.items():
        spec.components.header(name, {"description": description, "schema": {"type": kind}})


def named_enum(self, field, ret, **kwargs) -> dict:
    """apispec attribute function: a string field limited to a named vocabulary refers to its
    component instead of repeating the list."""
    if not isinstance(field, fields.String):
        return {}
    choices = next(
        (tuple(v.choices) for v in field.validators if isinstance(v, validate.OneOf)), None
    )
    name = _BY_CHOICES.get(choices) if choices else None
    if name is None:
        return {}
    ref = {"$ref": f"#/components/schemas/{name}"}
    kept = {k: ret[k] for k in ("description", "default", "readOnly", "writeOnly") if k in ret}
    nullable = ret.get("nullable")
    ret.clear()
    if not kept and not nullable:
        return ref
    out: dict[str, Any] = {"allOf": [ref], **kept}
    if nullable:
        out["nullable"] = True
    return out


def defaults_in_words(self, field, ret, **kwargs) -> dict:
    """apispec attribute function: a request field's default is said in its description, not
    as `default`, which openapi-typescript (the portal's generator) reads as "always
    present" and so makes the field required in request bodies."""
    if "default" not in ret or field.dump_only:
        return {}
    default = ret.pop("default")
    text = ret.get("description", "")
    shown = "empty" if default in ("", [], {}) else f"`{default}`"
    return {"description": f"{text} Default: {shown}.".strip()}
