"""The per-process cache of match lists, through the HTTP API: a repeated question is answered
from it, and no change (an edit, a dismissal, a new candidate) is ever hidden by it."""

from __future__ import annotations

import re


def _hits(client) -> dict[str, float]:
    text = client.get("/metrics").get_data(as_text=True)
    found = re.findall(r'matchmaker_match_results_total\{result="(\w+)"\} ([0-9.e+]+)', text)
    return {result: float(value) for result, value in found}


def _delta(before: dict, after: dict, result: str) -> float:
    return after.get(result, 0.0) - before.get(result, 0.0)


def test_a_repeated_question_is_answered_from_the_cache(client, keys, ecosystem):
    url = f"/api/v1/organizations/{ecosystem['startup']['id']}/matches"
    before = _hits(client)
    first = client.get(url, headers=keys.reader)
    second = client.get(url, headers=keys.reader)
    assert first.status_code == second.status_code == 200
    assert first.get_json() == second.get_json() and first.get_json()["items"]
    after = _hits(client)
    assert _delta(before, after, "miss") == 1 and _delta(before, after, "hit") == 1
    # Other options are another question.
    client.get(url + "?limit=3", headers=keys.reader)
    client.get(url + "?target=offers", headers=keys.reader)
    client.get(url, headers={**keys.reader, "Accept-Language": "de"})
    assert _delta(after, _hits(client), "miss") == 3


def test_an_edit_of_a_candidate_shows_at_once(client, keys, ecosystem):
    e = ecosystem
    url = f"/api/v1/organizations/{e['startup']['id']}/matches"
    names = [i["name"] for i in client.get(url, headers=keys.reader).get_json()["items"]]
    assert "Neckar Automotive Systems" in names
    r = client.get(f"/api/v1/organizations/{e['oem']['id']}", headers=keys.curator)
    r = client.patch(
        f"/api/v1/organizations/{e['oem']['id']}",
        json={"name": "Neckar Automotive Group"},
        headers={**keys.curator, "If-Match": r.headers["ETag"]},
    )
    assert r.status_code == 200, r.get_json()
    names = [i["name"] for i in client.get(url, headers=keys.reader).get_json()["items"]]
    assert "Neckar Automotive Group" in names and "Neckar Automotive Systems" not in names


def test_a_dismissal_and_a_new_candidate_show_at_once(client, keys, ecosystem, make_org):
    e = ecosystem
    member = keys.member(e["startup"]["id"])
    url = f"/api/v1/organizations/{e['startup']['id']}/matches"
    ids = [i["id"] for i in client.get(url, headers=member).get_json()["items"]]
    assert e["oem"]["id"] in ids
    r = client.post(
        f"/api/v1/organizations/{e['startup']['id']}/feedback",
        json={"candidate_id": e["oem"]["id"], "verdict": "not_relevant"},
        headers=member,
    )
    assert r.status_code == 201
    ids = [i["id"] for i in client.get(url, headers=member).get_json()["items"]]
    assert e["oem"]["id"] not in ids
    newcomer = make_org(
        name="Filder Battery Pilot Lines",
        kind="established",
        stage=None,
        description="Automotive supplier running pilot lines for battery modules.",
        offers=["pilot customer projects for battery start-ups"],
        needs=["battery cell testing services"],
        themes=["automotive_mobility"],
        languages=["en"],
    )
    ids = [i["id"] for i in client.get(url, headers=member).get_json()["items"]]
    assert newcomer["id"] in ids
