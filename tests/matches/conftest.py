"""The small region the matching tests rank."""

import pytest


@pytest.fixture
def ecosystem(make_org, make_offer):
    """A small region: a battery start-up, partners that fit it or not, and offers."""
    startup = make_org(
        name="CellCheck GmbH",
        external_id="cellcheck",
        description="Wir entwickeln Prüfstände für Lithium-Ionen-Batteriezellen.",
        offers=["Prüfstand für Batteriezellen", "Zellalterungstests"],
        needs=["Pilotkunde aus der Automobilindustrie", "Seed-Finanzierung"],
        themes=["automotive_mobility", "green_tech"],
        stage="seed",
    )
    oem = make_org(
        name="Neckar Automotive Systems",
        kind="established",
        stage=None,
        external_id="oem",
        description="Tier-1 automotive supplier developing battery packs for electric vehicles.",
        offers=["pilot projects with an automotive supplier", "series production know-how"],
        needs=["battery cell testing services", "cell ageing analysis"],
        themes=["automotive_mobility"],
        languages=["en"],
        location={"district": "stuttgart", "lat": 48.78, "lon": 9.18},
    )
    one_sided = make_org(
        name="Fils Capital",
        kind="investor",
        stage=None,
        external_id="investor",
        description="Venture capital for early-stage hardware start-ups.",
        offers=["seed investment up to 1 million euros"],
        needs=[],
        themes=["green_tech"],
        languages=["en"],
    )
    unrelated = make_org(
        name="Bäckerei Digital",
        kind="startup",
        stage="idea",
        external_id="bakery",
        description="Online-Bestellsystem für Bäckereien und Konditoreien.",
        offers=["Bestell-App für Bäckereien"],
        needs=["Bäckereien als Testkunden"],
        themes=["creative_industries"],
    )
    draft = make_org(
        name="Draft Battery Lab",
        kind="research",
        stage=None,
        status="draft",
        external_id="draft",
        description="Battery cell testing laboratory.",
        offers=["battery cell testing"],
        needs=["automotive pilot customers"],
    )
    seed_fund = make_offer(
        title="Seed-Fonds für Hardware-Start-ups",
        external_id="fund",
        description="Beteiligungskapital für Start-ups in der Seed-Phase.",
        eligibility={"kinds": ["startup"], "stages": ["pre_seed", "seed"], "districts": []},
    )
    growth_only = make_offer(
        title="Growth fund for series B",
        external_id="growth",
        description="Growth capital for scale-ups after series A.",
        eligibility={"kinds": ["scaleup"], "stages": ["series_b_plus"], "districts": []},
    )
    expired = make_offer(
        title="Seed grant 2020",
        external_id="expired",
        deadline="2020-06-30",
        description="Seed grant for battery start-ups.",
    )
    goeppingen_only = make_offer(
        title="Gründungszuschuss Göppingen",
        external_id="gp",
        description="Zuschuss für Gründungen im Landkreis Göppingen.",
        eligibility={"kinds": [], "stages": [], "districts": ["goeppingen"]},
    )
    return {
        "startup": startup,
        "oem": oem,
        "investor": one_sided,
        "bakery": unrelated,
        "draft": draft,
        "fund": seed_fund,
        "growth": growth_only,
        "expired": expired,
        "gp": goeppingen_only,
    }
