"""Match lists a start-up trusts on sight, end to end with the real model: nothing of its own,
nothing irrelevant by default (and an answer that says so), bands, complementarity rather
than resemblance, investors' theses, search in both directions, distance from the
municipality, exact pairs, and explanations in both languages' formats."""

from __future__ import annotations

import pytest

from tests.conftest import offer_payload, org_payload


def _org(make_org, **fields):
    base = {
        "kind": "startup",
        "stage": "seed",
        "themes": [],
        "offers": [],
        "needs": [],
        "location": None,
        "contact": None,
        "languages": ["de"],
    }
    return make_org(**{**base, **fields})


def _answer(client, keys, url, lang="en", **body):
    headers = {**keys.reader, "Accept-Language": lang}
    r = client.post(url, json=body, headers=headers) if body else client.get(url, headers=headers)
    assert r.status_code == 200, r.get_json()
    return r.get_json()


@pytest.fixture
def region(make_org, make_offer):
    """A battery test institute that provides its own programme, a start-up that needs a
    test bench and money, a chassis test firm and a casting-inspection start-up that need
    each other (one in English, one in German), and a farrier nothing fits."""
    lab = _org(
        make_org,
        name="Institut für Batterieprüfung",
        kind="research",
        stage=None,
        description="Prüflabor für Lithium-Ionen-Zellen.",
        offers=["Prüfstand für Batteriezellen"],
        needs=["Industriepartner für Zellchemie-Projekte"],
        themes=["automotive_mobility"],
        location={"district": "esslingen", "municipality": "Esslingen am Neckar"},
    )
    programme = make_offer(
        title="Prüfprogramm Batteriezellen",
        kind="program",
        description="Zyklen- und Alterungstests für Batteriezellen im Institut.",
        provider_id=lab["id"],
        eligibility={"kinds": [], "stages": [], "districts": []},
        deadline="2027-06-30",
        amount_eur_max=1500000,
        themes=["automotive_mobility"],
    )
    startup = _org(
        make_org,
        name="CellStart GmbH",
        description="Wir bauen Batteriespeicher für Gewerbe.",
        needs=["Prüfstand für Batteriezellen", "Seed-Finanzierung"],
        offers=["Batteriespeicher für Gewerbedächer"],
        themes=["automotive_mobility", "green_tech"],
        location={"district": "stuttgart", "municipality": "Stuttgart"},
    )
    chassis = _org(
        make_org,
        name="Chassis Test Co",
        kind="established",
        stage=None,
        languages=["en"],
        description="We test suspension parts for carmakers.",
        offers=["Prüfstand für Fahrwerkskomponenten"],
        needs=["AI-based visual inspection for cast parts"],
        location={"district": "boeblingen", "municipality": "Sindelfingen"},
    )
    inspection = _org(
        make_org,
        name="Gussblick KI GmbH",
        description="Optische Prüfung mit KI für Gießereien.",
        offers=["KI-gestützte optische Qualitätsprüfung für Gussteile"],
        needs=["Prüfstand für Fahrwerkskomponenten"],
        location={"district": "boeblingen", "municipality": "Böblingen"},
    )
    farrier = _org(
        make_org,
        name="Hufschmiede Maier",
        kind="established",
        stage=None,
        description="Hufbeschlag für Pferde seit 1921.",
        offers=["Hufbeschlag für Reitpferde"],
        needs=["Pferdefutter in Bio-Qualität"],
    )
    return {
        "lab": lab,
        "programme": programme,
        "startup": startup,
        "chassis": chassis,
        "inspection": inspection,
        "farrier": farrier,
    }


def test_a_provider_never_sees_its_own_offer_nor_matches_it(client, keys, region):
    lab, programme = region["lab"], region["programme"]
    offers = _answer(
        client, keys, f"/api/v1/organizations/{lab['id']}/matches?target=offers&min_score=0"
    )
    assert programme["id"] not in [i["id"] for i in offers["items"]]
    fits = _answer(client, keys, f"/api/v1/offers/{programme['id']}/matches?min_score=0")
    ids = [i["id"] for i in fits["items"]]
    assert lab["id"] not in ids and ids[0] == region["startup"]["id"]


def test_nothing_fits_gives_an_empty_list_that_says_so(client, keys, region):
    url = f"/api/v1/organizations/{region['farrier']['id']}/matches"
    en = _answer(client, keys, url)
    assert en["items"] == [] and en["held_back"] >= 1
    assert en["message"].startswith("Nothing fits well enough yet")
    assert "gap analysis" in en["message"] and en["gap_analysis"] == "/api/v1/analytics/gaps"
    de = _answer(client, keys, url, lang="de")
    assert de["message"].startswith("Noch passt nichts gut genug")
    assert f"{de['threshold']:.2f}".replace(".", ",") in de["message"]
    everything = _answer(client, keys, f"{url}?min_score=0")
    assert len(everything["items"]) == en["held_back"] and "message" not in everything
    assert {i["band"] for i in everything["items"]} == {"possible"}


def test_bands_and_thresholds(client, keys, region):
    url = f"/api/v1/organizations/{region['chassis']['id']}/matches"
    strong = _answer(client, keys, f"{url}?band=strong")
    assert strong["threshold"] == 0.75 and strong["items"]
    assert all(i["band"] == "strong" and i["score"] >= 0.75 for i in strong["items"])
    assert _answer(client, keys, f"{url}?min_score=0.99")["items"] == []
    for query, param in (("band=excellent", "band"), ("min_score=-0.2", "min_score")):
        r = client.get(f"{url}?{query}", headers=keys.reader)
        assert r.status_code == 422 and param in r.get_json()["errors"]["query"]


def test_an_exact_pair_across_languages_and_identical_texts_come_first(client, keys, region):
    chassis, inspection = region["chassis"], region["inspection"]
    for asker, partner in ((chassis, inspection), (inspection, chassis)):
        items = _answer(client, keys, f"/api/v1/organizations/{asker['id']}/matches")["items"]
        assert items[0]["id"] == partner["id"]
        assert items[0]["band"] == "strong" and items[0]["score"] >= 0.9
        assert "good for both sides" in items[0]["explanation"]


def test_explanations_use_each_languages_formats_and_translate_german_quotes(client, keys, region):
    url = f"/api/v1/organizations/{region['startup']['id']}/matches?target=offers"
    de = _answer(client, keys, url, lang="de")["items"][0]
    en = _answer(client, keys, url, lang="en")["items"][0]
    assert de["id"] == en["id"] == region["programme"]["id"]
    assert "30.06.2027" in de["explanation"] and "1.500.000 €" in de["explanation"]
    assert "„Prüfstand für Batteriezellen“" in de["explanation"]
    assert "30 June 2027" in en["explanation"] and "€1,500,000" in en["explanation"]
    # the English rendering beside the German quote, for English readers
    assert "“Prüfstand für Batteriezellen” (“test bench" in en["explanation"]
    partners = _answer(client, keys, f"/api/v1/organizations/{region['chassis']['id']}/matches")
    text = partners["items"][0]["explanation"]
    assert text[0].isupper() and text.endswith(".")
    assert "; Their" not in text and "; Your" not in text  # sentence case after semicolons
    # a name is never quoted as if it were an offer
    for item in partners["items"]:
        assert f"“{item['name']}”" not in item["explanation"]


def test_german_quotes_are_rendered_when_written_not_in_each_list(
    client, keys, region, monkeypatch
):
    """A record keeps the English renderings of what explanations quote (its offers, needs,
    an offer's title): a list never renders them again."""
    from matchmaker.matches import service

    rendered: list[str] = []

    def spy(text, dictionary):
        rendered.append(text)
        return english_rendering(text, dictionary)

    english_rendering = service.english_rendering
    service._in_english.cache_clear()
    monkeypatch.setattr(service, "english_rendering", spy)
    startup = region["startup"]["id"]
    offers = _answer(client, keys, f"/api/v1/organizations/{startup}/matches?target=offers")
    assert "“Prüfstand für Batteriezellen” (“test bench" in offers["items"][0]["explanation"]
    partners = _answer(client, keys, f"/api/v1/organizations/{startup}/matches")
    assert any("” (“" in item["explanation"] for item in partners["items"])
    seekers = _answer(client, keys, f"/api/v1/offers/{region['programme']['id']}/matches")
    assert any("” (“" in item["explanation"] for item in seekers["items"])
    assert rendered == []
    # a search's own text is rendered when it is asked
    _answer(client, keys, "/api/v1/search", text="Prüfstand für Batteriezellen")
    assert rendered == ["Prüfstand für Batteriezellen"]


def test_distance_comes_from_the_municipality_when_there_are_no_coordinates(client, keys, region):
    items = _answer(client, keys, f"/api/v1/organizations/{region['startup']['id']}/matches")[
        "items"
    ]
    lab = next(i for i in items if i["id"] == region["lab"]["id"])
    assert 5 < lab["distance_km"] < 20  # Stuttgart to Esslingen am Neckar
    assert "km away (Esslingen am Neckar)" in lab["explanation"]
    assert any(r["type"] == "distance" and r["approximate"] for r in lab["reasons"])


def test_search_finds_providers_by_default_and_seekers_on_request(client, keys, region):
    providers = _answer(client, keys, "/api/v1/search", text="Prüfstand für Batteriezellen")
    assert providers["items"][0]["id"] == region["lab"]["id"]
    seekers = _answer(
        client, keys, "/api/v1/search", text="test bench for battery cells", direction="seekers"
    )
    assert seekers["items"][0]["id"] == region["startup"]["id"]
    assert "Their need" in seekers["items"][0]["explanation"]
    r = client.post(
        "/api/v1/search",
        json={"text": "lab space", "target": "offers", "direction": "seekers"},
        headers=keys.reader,
    )
    assert r.status_code == 422 and "direction" in r.get_json()["errors"]["json"]


def test_a_municipality_offering_sites_finds_site_seekers_not_peer_municipalities(
    client, keys, make_org
):
    def town(name):
        return _org(
            make_org,
            name=f"Gemeinde {name} – Wirtschaftsförderung",
            kind="public",
            stage=None,
            description=f"Die Gemeinde {name} vermarktet Gewerbeflächen und begleitet "
            "Ansiedlungen.",
            offers=["Erschlossene Gewerbegrundstücke von 5.000 bis 20.000 m²"],
            needs=["Ansiedlung produzierender Unternehmen"],
        )

    weil, renningen = town("Weil der Stadt"), town("Renningen")
    seeker = _org(
        make_org,
        name="Lasertec Fertigung GmbH",
        kind="established",
        stage=None,
        languages=["en"],
        description="Laser cutting and sheet metal for machine builders.",
        offers=["Laser cutting of sheet metal"],
        needs=["A commercial plot of about 10,000 m² to build a new production hall"],
    )
    items = _answer(client, keys, f"/api/v1/organizations/{weil['id']}/matches?min_score=0")[
        "items"
    ]
    ids = [i["id"] for i in items]
    assert ids.index(seeker["id"]) < ids.index(renningen["id"])
    default = _answer(client, keys, f"/api/v1/organizations/{weil['id']}/matches")["items"]
    assert renningen["id"] not in [i["id"] for i in default]


def test_investors_thesis_decides_whom_they_fund(client, keys, make_org):
    startup = _org(
        make_org,
        name="Hardmotion",
        stage="pre_seed",
        themes=["it_hardware"],
        description="Wir entwickeln Sensorhardware für Roboter.",
        needs=["Pre-Seed-Finanzierung von rund 300.000 €"],
        offers=["Sensormodule für Roboterarme"],
    )
    thesis = {"stages": ["pre_seed"], "themes": ["it_hardware"]}
    angels = _org(
        make_org,
        name="Hardware Angels Stuttgart",
        kind="investor",
        stage=None,
        languages=["en"],
        description="Business angels backing hardware founders.",
        offers=["Angel investment for hardware start-ups"],
        investment={**thesis, "ticket_eur_min": 50000, "ticket_eur_max": 400000},
    )
    growth = _org(
        make_org,
        name="Neckar Growth Capital",
        kind="investor",
        stage=None,
        languages=["en"],
        description="Growth capital for established companies.",
        offers=["Investment for hardware companies"],
        investment={"stages": ["growth"], "themes": [], "ticket_eur_min": 5000000},
    )
    body = _answer(client, keys, f"/api/v1/organizations/{startup['id']}/matches?min_score=0")
    items = {i["id"]: i for i in body["items"]}
    ids = [i["id"] for i in body["items"]]
    assert ids.index(angels["id"]) < ids.index(growth["id"])
    assert items[angels["id"]]["score"] > items[growth["id"]]["score"]
    assert "€50,000–€400,000" in items[angels["id"]]["explanation"]
    assert any(r["type"] == "thesis" for r in items[angels["id"]]["reasons"])
    read = client.get(f"/api/v1/organizations/{angels['id']}", headers=keys.reader).get_json()
    assert read["investment"]["stages"] == ["pre_seed"]
    assert (
        client.get(f"/api/v1/organizations/{startup['id']}", headers=keys.reader).get_json()[
            "investment"
        ]
        is None
    )


@pytest.mark.parametrize(
    "payload, field",
    [
        (org_payload(investment={"stages": ["seed"]}), "investment"),  # a start-up
        (
            org_payload(
                kind="investor",
                stage=None,
                investment={"ticket_eur_min": 500000, "ticket_eur_max": 100000},
            ),
            "investment",
        ),
    ],
)
def test_a_thesis_belongs_to_investors_and_its_range_must_be_ordered(client, keys, payload, field):
    r = client.post("/api/v1/organizations", json=payload, headers=keys.curator)
    assert r.status_code == 422 and field in r.get_json()["errors"]["json"]


def test_offer_matches_of_an_expired_offer_are_empty(client, keys, make_org, make_offer):
    make_org()
    expired = make_offer(**offer_payload(deadline="2020-01-31"))
    body = _answer(client, keys, f"/api/v1/offers/{expired['id']}/matches?min_score=0")
    assert body["items"] == [] and "deadline has passed" in body["message"]
