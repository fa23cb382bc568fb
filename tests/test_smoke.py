"""First end-to-end checks: create, read, match."""


def test_create_read_and_match(client, keys, make_org, make_offer):
    a = make_org()
    b = make_org(
        name="Seed Angels Stuttgart",
        kind="investor",
        stage=None,
        description="Business angel network investing seed capital in start-ups.",
        offers=["Seed funding up to 500k EUR"],
        needs=["battery start-ups to invest in"],
        languages=["en"],
    )
    offer = make_offer()
    r = client.get(f"/api/v1/organizations/{a['id']}", headers=keys.reader)
    assert r.status_code == 200
    assert "contact" not in r.get_json()
    r = client.get(f"/api/v1/organizations/{a['id']}/matches", headers=keys.reader)
    assert r.status_code == 200, r.get_json()
    items = r.get_json()["items"]
    assert [i["id"] for i in items] == [b["id"]]
    r = client.get(f"/api/v1/organizations/{a['id']}/matches?target=offers", headers=keys.reader)
    assert [i["id"] for i in r.get_json()["items"]] == [offer["id"]]
