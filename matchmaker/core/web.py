"""Web plumbing every room's views and schemas share: the Blueprint base, the strict schema,
typed JSON fields, limits, code lists, paging and the reader's language."""

from __future__ import annotations

from datetime import UTC, datetime

import flask_smorest
from flask import Response, g, request
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate
from webargs.fields import DelimitedList
from webargs.flaskparser import FlaskParser

from matchmaker.taxonomy import DISTRICTS, OFFER_KINDS, ORGANIZATION_KINDS, STAGES, STATUSES, THEMES

MAX_NAME = 200
MAX_DESCRIPTION = 5000
MAX_ITEM = 300
MAX_ITEMS = 20
MAX_PAGE_SIZE = 100
MAX_QUERY = 200

THEME_CODES = list(THEMES)
DISTRICT_CODES = list(DISTRICTS)
KIND_CODES = list(ORGANIZATION_KINDS)
STAGE_CODES = list(STAGES)
OFFER_KIND_CODES = list(OFFER_KINDS)
STATUS_CODES = list(STATUSES)


def one_of(choices: list[str]) -> validate.OneOf:
    return validate.OneOf(choices, error="Must be one of: {choices}.")


def text_list(max_items: int = MAX_ITEMS, max_len: int = MAX_ITEM) -> fields.List:
    return fields.List(
        fields.String(validate=validate.Length(min=1, max=max_len)),
        validate=validate.Length(max=max_items),
        metadata={"description": f"At most {max_items} texts of at most {max_len} characters."},
    )


def code_list(choices: list[str]) -> fields.List:
    return fields.List(
        fields.String(validate=one_of(choices)),
        validate=validate.Length(max=len(choices)),
    )


class Pattern(validate.Regexp):
    """A regular expression the whole value must match, as JSON Schema's `pattern` (ECMA 262)
    reads it: `re.match` would also let `$` match before a trailing newline. Write patterns
    with ASCII classes (`[0-9]`, not `\\d`, which Python widens to every script's digits)."""

    def __call__(self, value):
        if not isinstance(value, str) or self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


# http(s), a host name with a top-level domain, an optional port, then printable ASCII.
URL_PATTERN = (
    r"^https?://([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
    r"(:[0-9]{1,5})?([/?#][!-~]*)?$"
)


def url_field(max_len: int) -> fields.String:
    """An http(s) URL; the pattern is the whole rule, so the document and the server agree."""
    return fields.String(
        allow_none=True,
        validate=[
            validate.Length(max=max_len),
            Pattern(URL_PATTERN, error="Not a valid URL: http(s)://host.tld/..."),
        ],
        metadata={"description": f"An http(s) URL of at most {max_len} characters."},
    )


def code_csv(choices: list[str]) -> DelimitedList:
    """A comma-separated list of codes (a query parameter), e.g. `startup,scaleup`: documented
    as an array (`style: form, explode: false`), so generated clients type its items."""
    return DelimitedList(
        fields.String(validate=one_of(choices)),
        validate=validate.Length(max=len(choices)),
        metadata={"description": "Comma-separated codes."},
    )


class UtcDateTime(fields.AwareDateTime):
    """An RFC 3339 date-time, kept as UTC (SQLite stores no offset; input without one is read
    as UTC); naive values read back from SQLite are UTC and are written with `+00:00`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("default_timezone", UTC)
        super().__init__(*args, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        result = super()._deserialize(value, attr, data, **kwargs)
        try:
            return result.astimezone(UTC)
        except (OverflowError, ValueError) as exc:
            raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE) from exc

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


# JSON bodies carry typed values: `"verified": 0`, `"employees": 12.7` or `"lat": "48.7"` are
# type errors (422), not values to coerce. Query strings use the plain fields.
def json_integer(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, **kwargs)


class JsonFloat(fields.Float):
    def _validated(self, value):
        if isinstance(value, str):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class JsonBoolean(fields.Boolean):
    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class Blueprint(flask_smorest.Blueprint):
    """A room's Blueprint.

    Its argument parser honours each schema's `unknown` (RAISE here), so an unknown query
    parameter is a 422 naming it rather than silently ignored. `tag` is the OpenAPI tag its
    operations are listed under (the document's grouping, which generated clients turn into
    modules, stays stable while the rooms behind it move); a route may name another.
    """

    ARGUMENTS_PARSER = FlaskParser(unknown=None)

    def __init__(self, name: str, import_name: str, *, tag: str, **kwargs) -> None:
        super().__init__(name, import_name, **kwargs)
        self.tag = tag

    def route(self, rule, *, parameters=None, tags=None, **options):
        return super().route(rule, parameters=parameters, tags=tags or [self.tag], **options)

    def arguments(self, schema, **kwargs):
        """As flask-smorest's, with one schema instance per route: given a class, webargs
        builds an instance (a deep copy of every field) on each request. The schemas keep no
        state between loads, so one instance serves every thread."""
        return super().arguments(schema() if isinstance(schema, type) else schema, **kwargs)


def _has_lone_surrogate(value) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(v) for v in value.values())
    return False


class StrictSchema(Schema):
    """Rejects unknown fields, naming them, and text that is not valid Unicode (a JSON escape
    such as "\\ud800" decodes to a lone surrogate no database can store)."""

    class Meta:
        unknown = RAISE

    @pre_load
    def _valid_unicode(self, data, **kwargs):
        if isinstance(data, dict):
            bad = [key for key, value in data.items() if _has_lone_surrogate(value)]
            if bad:
                raise ValidationError(
                    {key: ["Not valid Unicode text (a lone surrogate)."] for key in bad}
                )
        return data


class Partial:
    """Mixed in before a schema: any subset of its fields is a valid body (PATCH)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class LocationSchema(StrictSchema):
    district = fields.String(allow_none=True, validate=one_of(DISTRICT_CODES))
    municipality = fields.String(allow_none=True, validate=validate.Length(max=100))
    postal_code = fields.String(
        allow_none=True,
        validate=Pattern(r"^[0-9]{5}$", error="A German postal code has five digits."),
    )
    lat = JsonFloat(allow_none=True, validate=validate.Range(min=-90, max=90))
    lon = JsonFloat(allow_none=True, validate=validate.Range(min=-180, max=180))


class PageArgsSchema(StrictSchema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    page_size = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=MAX_PAGE_SIZE),
        metadata={"description": f"At most {MAX_PAGE_SIZE}."},
    )


class PageSchema(Schema):
    page = fields.Integer()
    page_size = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()


def page_body(items: list, total: int, args: dict) -> dict:
    """The list envelope every paginated endpoint answers with."""
    size = args["page_size"]
    return {
        "items": items,
        "page": args["page"],
        "page_size": size,
        "total": total,
        "pages": (total + size - 1) // size,
    }


def preferred_language() -> str:
    """German or English from Accept-Language (English when neither is asked for); the answer
    then says which (Content-Language) and that it varies by it (Vary)."""
    best = request.accept_languages.best_match(["en", "de"]) or "en"
    g.content_language = best
    return best


def not_modified(tag: str) -> Response | None:
    """A 304 when the client's If-None-Match names this entity tag (or *), else None."""
    if request.if_none_match and request.if_none_match.contains_weak(tag.strip('"')):
        return Response(status=304, headers={"ETag": tag})
    if "*" in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers={"ETag": tag})
    return None
