"""Marshmallow schemas of the organisations resource."""

from __future__ import annotations

from datetime import date

from marshmallow import fields, validate, validates_schema
from marshmallow.exceptions import ValidationError

from matchmaker.core.web import (
    DISTRICT_CODES,
    KIND_CODES,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_QUERY,
    STAGE_CODES,
    STATUS_CODES,
    THEME_CODES,
    JsonBoolean,
    LocationSchema,
    PageArgsSchema,
    PageSchema,
    Partial,
    Pattern,
    StrictSchema,
    UtcDateTime,
    code_list,
    json_integer,
    one_of,
    text_list,
    url_field,
)
from matchmaker.organizations.fields import stage_problem, thesis_problem


class ContactSchema(StrictSchema):
    """Personal data: shown only to curators, admins, the organisation's own members and
    members of an organisation with an accepted introduction."""

    name = fields.String(allow_none=True, validate=validate.Length(max=200))
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    phone = fields.String(
        allow_none=True,
        validate=Pattern(r"^[0-9+()/ .-]{3,50}$", error="Not a valid phone number."),
    )
    consent_at = UtcDateTime(
        allow_none=True, metadata={"description": "When the person consented to being listed."}
    )
    legal_basis = fields.String(
        allow_none=True,
        validate=one_of(["consent", "contract", "legitimate_interest"]),
        metadata={"description": "GDPR art. 6 basis for storing the contact."},
    )


class InvestmentSchema(StrictSchema):
    """An investor's thesis: the stages and themes it invests in (empty: any) and its ticket
    range in euros. Start-ups' funding needs are matched against it."""

    stages = code_list(STAGE_CODES)
    themes = code_list(THEME_CODES)
    ticket_eur_min = json_integer(
        allow_none=True, validate=validate.Range(min=0, max=10_000_000_000)
    )
    ticket_eur_max = json_integer(
        allow_none=True, validate=validate.Range(min=0, max=10_000_000_000)
    )

    @validates_schema
    def _range(self, data: dict, **kwargs) -> None:
        low, high = data.get("ticket_eur_min"), data.get("ticket_eur_max")
        if low is not None and high is not None and low > high:
            raise ValidationError("Must not exceed ticket_eur_max.", "ticket_eur_min")


class OrganizationSchema(StrictSchema):
    #: Every answer carries these (`contact` only for those allowed to see it).
    RESPONSE_REQUIRED = (
        "id",
        "external_id",
        "name",
        "kind",
        "description",
        "offers",
        "needs",
        "themes",
        "stage",
        "location",
        "founded_year",
        "employees",
        "website",
        "investment",
        "languages",
        "status",
        "verified",
        "created_at",
        "updated_at",
    )
    id = fields.String(dump_only=True)
    external_id = fields.String(
        allow_none=True,
        validate=validate.Length(min=1, max=100),
        metadata={"description": "The agency's CRM key; unique when given."},
    )
    name = fields.String(required=True, validate=validate.Length(min=1, max=MAX_NAME))
    kind = fields.String(required=True, validate=one_of(KIND_CODES))
    description = fields.String(validate=validate.Length(max=MAX_DESCRIPTION))
    offers = text_list()
    needs = text_list()
    themes = code_list(THEME_CODES)
    stage = fields.String(
        allow_none=True,
        validate=one_of(STAGE_CODES),
        metadata={"description": "Start-ups and scale-ups only; null otherwise."},
    )
    location = fields.Nested(LocationSchema, allow_none=True)
    founded_year = json_integer(
        allow_none=True, validate=validate.Range(min=1800, max=date.today().year + 1)
    )
    employees = json_integer(allow_none=True, validate=validate.Range(min=0, max=10_000_000))
    website = url_field(300)
    investment = fields.Nested(
        InvestmentSchema,
        allow_none=True,
        metadata={"description": "Investors only: what they invest in."},
    )
    languages = fields.List(
        fields.String(validate=Pattern(r"^[a-z]{2}$", error="A two-letter ISO 639-1 code.")),
        validate=validate.Length(max=10),
    )
    contact = fields.Nested(ContactSchema, allow_none=True)
    status = fields.String(
        validate=one_of(STATUS_CODES), metadata={"description": "Default draft."}
    )
    verified = JsonBoolean(metadata={"description": "Set by curators only."})
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)

    @validates_schema
    def _stage_only_for_startups(self, data: dict, **kwargs) -> None:
        if "kind" not in data:
            return
        problem = stage_problem(data["kind"], data.get("stage"))
        if problem:
            raise ValidationError(problem, "stage")
        problem = thesis_problem(data["kind"], data.get("investment"))
        if problem:
            raise ValidationError(problem, "investment")


class OrganizationInputSchema(OrganizationSchema):
    """An organisation as created or replaced (POST, PUT): the same fields, its own
    component, so that the answer's component can say which fields are always there."""


class OrganizationPatchSchema(Partial, OrganizationSchema):
    """Any subset of the organisation's fields (PATCH)."""


class OrganizationQueryArgsSchema(PageArgsSchema):
    kind = fields.String(validate=one_of(KIND_CODES))
    theme = fields.String(validate=one_of(THEME_CODES))
    district = fields.String(validate=one_of(DISTRICT_CODES))
    stage = fields.String(validate=one_of(STAGE_CODES))
    status = fields.String(validate=one_of(STATUS_CODES))
    verified = fields.Boolean()
    q = fields.String(
        validate=validate.Length(min=1, max=MAX_QUERY),
        metadata={"description": "Words in name, description, offers or needs."},
    )
    external_id = fields.String(validate=validate.Length(min=1, max=100))


class OrganizationPageSchema(PageSchema):
    RESPONSE_REQUIRED = ("items", "page", "page_size", "total", "pages")
    items = fields.List(fields.Nested(OrganizationSchema))


class DeleteArgsSchema(StrictSchema):
    erase = fields.Boolean(
        load_default=False,
        metadata={"description": "GDPR art. 17: also remove personal data from the history."},
    )
