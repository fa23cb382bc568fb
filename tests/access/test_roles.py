"""Role x endpoint matrix: every operation of the API, for every role and for no key."""

import pytest

from tests.conftest import offer_payload, org_payload

ROLES = ["anonymous", "reader", "member", "other_member", "curator", "admin"]


@pytest.fixture
def world(client, keys, make_org, make_offer):
    own = make_org(name="Own GmbH", external_id="own")
    other = make_org(name="Other AG", external_id="other-org", kind="investor", stage=None)
    offer = make_offer(provider_id=own["id"], external_id="own-offer")
    headers = {
        "anonymous": {},
        "reader": keys.reader,
        "member": keys.member(own["id"]),
        "other_member": keys.member(other["id"]),
        "curator": keys.curator,
        "admin": keys.admin,
    }
    intro = client.post(
        "/api/v1/introductions",
        json={
            "from_organization_id": own["id"],
            "to_organization_id": other["id"],
            "message": "Hi",
        },
        headers=keys.curator,
    ).get_json()
    return {"own": own, "other": other, "offer": offer, "headers": headers, "intro": intro}


# (method, path template, body factory, expected status per role in ROLES order)
MATRIX = [
    ("GET", "/api/v1/organizations", None, [401, 200, 200, 200, 200, 200]),
    (
        "POST",
        "/api/v1/organizations",
        lambda w: org_payload(external_id=None),
        [401, 403, 403, 403, 201, 201],
    ),
    ("GET", "/api/v1/organizations/{own}", None, [401, 200, 200, 200, 200, 200]),
    (
        "PATCH",
        "/api/v1/organizations/{own}",
        lambda w: {"description": "Neu"},
        [401, 403, 200, 403, 200, 200],
    ),
    (
        "PUT",
        "/api/v1/organizations/{own}",
        lambda w: org_payload(external_id="own"),
        [401, 403, 200, 403, 200, 200],
    ),
    ("GET", "/api/v1/organizations/{own}/matches", None, [401, 200, 200, 403, 200, 200]),
    ("GET", "/api/v1/organizations/{own}/export", None, [401, 403, 200, 403, 200, 200]),
    (
        "POST",
        "/api/v1/organizations/{own}/feedback",
        lambda w: {"candidate_id": w["other"]["id"], "verdict": "relevant"},
        [401, 403, 201, 403, 201, 201],
    ),
    ("GET", "/api/v1/organizations/{own}/feedback", None, [401, 403, 200, 403, 200, 200]),
    ("DELETE", "/api/v1/organizations/{own}", None, [401, 403, 403, 403, 204, 204]),
    ("GET", "/api/v1/offers", None, [401, 200, 200, 200, 200, 200]),
    ("POST", "/api/v1/offers", lambda w: offer_payload(), [401, 403, 403, 403, 201, 201]),
    ("GET", "/api/v1/offers/{offer}", None, [401, 200, 200, 200, 200, 200]),
    (
        "PATCH",
        "/api/v1/offers/{offer}",
        lambda w: {"amount_eur_max": 1},
        [401, 403, 200, 403, 200, 200],
    ),
    (
        "PUT",
        "/api/v1/offers/{offer}",
        lambda w: offer_payload(provider_id=w["own"]["id"], external_id="own-offer"),
        [401, 403, 200, 403, 200, 200],
    ),
    ("GET", "/api/v1/offers/{offer}/matches", None, [401, 200, 200, 200, 200, 200]),
    ("DELETE", "/api/v1/offers/{offer}", None, [401, 403, 403, 403, 204, 204]),
    ("POST", "/api/v1/search", lambda w: {"text": "Batterie"}, [401, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/taxonomy", None, [401, 200, 200, 200, 200, 200]),
    ("GET", "/api/v1/audit?entity_id={own}", None, [401, 403, 403, 403, 200, 200]),
    ("GET", "/api/v1/introductions", None, [401, 403, 200, 200, 200, 200]),
    (
        "POST",
        "/api/v1/introductions",
        lambda w: {"from_organization_id": w["own"]["id"], "to_organization_id": w["other"]["id"]},
        [401, 403, 409, 403, 409, 409],
    ),  # one is already open (the fixture's)
    ("GET", "/api/v1/introductions/{intro}", None, [401, 403, 200, 200, 200, 200]),
    (
        "PATCH",
        "/api/v1/introductions/{intro}",
        lambda w: {"status": "accepted"},
        [401, 403, 403, 200, 200, 200],
    ),  # the addressed organisation decides
    (
        "POST",
        "/api/v1/import",
        lambda w: {"organizations": [], "offers": []},
        [401, 403, 403, 403, 200, 200],
    ),
    ("GET", "/api/v1/export", None, [401, 403, 403, 403, 200, 200]),
    ("GET", "/api/v1/analytics/coverage", None, [401, 403, 403, 403, 200, 200]),
    ("GET", "/api/v1/analytics/gaps", None, [401, 403, 403, 403, 200, 200]),
    ("GET", "/api/v1/curation/stale", None, [401, 403, 403, 403, 200, 200]),
    ("GET", "/api/v1/curation/duplicates", None, [401, 403, 403, 403, 200, 200]),
    ("POST", "/api/v1/keys", lambda w: {"role": "reader"}, [401, 403, 403, 403, 403, 201]),
]


@pytest.mark.parametrize(
    "method, template, body, expected", MATRIX, ids=[f"{m} {t}" for m, t, _, _ in MATRIX]
)
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_role_matrix(client, world, method, template, body, expected, role_index):
    role = ROLES[role_index]
    path = template.format(
        own=world["own"]["id"], offer=world["offer"]["id"], intro=world["intro"]["id"]
    )
    kwargs = {"headers": world["headers"][role]}
    if body is not None:
        kwargs["json"] = body(world)
    response = client.open(path, method=method, **kwargs)
    assert response.status_code == expected[role_index], (role, response.get_json())
    if response.status_code >= 400:
        assert {"code", "status", "message"} <= set(response.get_json())


def test_revoke_key_needs_admin(client, keys):
    key = client.post("/api/v1/keys", json={"role": "reader"}, headers=keys.admin).get_json()
    for headers, status in (({}, 401), (keys.reader, 403), (keys.curator, 403), (keys.admin, 204)):
        assert client.delete(f"/api/v1/keys/{key['id']}", headers=headers).status_code == status
