#!/usr/bin/env python3
"""Build the labelled bilingual evaluation set for the matchmaker.

Writes, next to this file:

* ``dataset.json`` -- 139 organisations and 64 offers in the API's own field
  names, importable with ``matchmaker import dataset.json``. It holds no hidden
  codes and no contact data. Investors of the second batch carry their public
  thesis ``investment``; offers may name their ``provider_external_id``.
* ``labels.json``  -- the hidden truth, keyed by external_id:
  organisations ``{"lang", "need_codes", "offer_codes", "role"}``, offers
  ``{"lang", "provides_codes", "role"}``. ``role`` is a list of report tags.
* ``qrels.json``   -- graded relevance derived ONLY from labels.json and the
  public fields named below: ``{"partners": {org: {org: grade}},
  "offers": {org: {offer: grade}}, "offer_orgs": {offer: {org: grade}}}``,
  grade > 0 entries only.
* ``exact_pairs.json`` -- EXACT_PAIRS: a need text and an offer text of two
  organisations that say the same thing (across languages, or identical).

The first batch (eval-org-001..090, eval-off-001..045) is unchanged; the
second batch is appended, and a fingerprint check keeps the first batch's
records and the grades among them exactly as published.

Grading rules (also in README.md):

Partners (organisation A -> organisation B, B != A):
  "B meets A" when A needs a code that B offers. For a code of family
  ``funding`` offered by an investor with an ``investment`` thesis, B meets A
  only if also A's stage is in the thesis ``stages`` and A's themes intersect
  the thesis ``themes`` (an empty list means any; an organisation without a
  stage is in no non-empty list). Investors without a thesis (the seven of
  the first batch) keep the plain code rule.
  grade 2  B meets A AND A meets B;
  grade 1  only one of the two directions holds;
  grade 0  otherwise (not listed).
Relevance is therefore symmetric.

Offers (organisation A -> offer O):
  O is eligible for A when every non-empty eligibility list contains A's
  value (kinds: A.kind, stages: A.stage, districts: A.location.district) and
  O.deadline is null or not before REFERENCE_DATE. An organisation without a
  stage is not in any non-empty stages list (every stage-restricted offer is
  also restricted to start-ups/scale-ups, so this never decides a case alone).
  Funding offers follow this eligibility rule only; theses apply to partners.
  grade 2  O is eligible and provides a code A needs exactly;
  grade 1  O is eligible and provides a code of the same family
           (``family.specific``: ``funding.seed`` ~ ``funding.grant_rd``);
  grade 0  otherwise; an ineligible or expired offer is always grade 0, and
           an organisation's own offer (O.provider_external_id == A) is
           always grade 0: it never sees its own offers.

Organisations for an offer (offer O -> organisation A, ``offer_orgs``):
  the transpose of the offer grades; the provider is never listed.

The profiles are hand-written. Texts paraphrase the codes (synonyms, German
compounds, domain jargon) and never contain a code name; the script checks
that. Nothing here is random except a tiny, seeded jitter of coordinates.

Run:  python3 benchmarks/quality/build_dataset.py
Stdlib only; output is byte-identical across runs.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Deadlines are judged against this fixed date so that the output is
# deterministic. The qrels stay valid for evaluation runs between the latest
# past deadline (2025-12-15) and the earliest future one (printed at the end).
REFERENCE_DATE = date(2026, 12, 1)

# ---------------------------------------------------------------------------
# Hidden substance codes: family.specific
# ---------------------------------------------------------------------------
CODES = {
    # family testing: external test services
    "testing.battery_cells": "cycle, ageing and abuse tests of battery cells",
    "testing.crash_sim": "virtual crash / impact simulation of structures",
    "testing.emc": "electromagnetic compatibility measurements",
    "testing.durability_rig": "mechanical endurance, fatigue and vibration rigs",
    # family ai
    "ai.vision_inspection": "camera-based automated visual quality inspection",
    "ai.predictive_maintenance": "failure prediction / condition monitoring of machines",
    "ai.document_llm": "language-model processing of documents and files",
    "ai.strategy_consulting": "AI strategy, use-case and governance consulting",
    # family funding
    "funding.seed": "early-stage start-up capital (idea to seed)",
    "funding.grant_rd": "non-repayable grants for R&D projects",
    "funding.growth_equity": "later-stage growth capital (Series B and later)",
    # family space
    "space.lab": "laboratory space",
    "space.office": "office / desk space",
    "space.production_hall": "production, assembly or industrial hall space",
    # family talent
    "talent.working_students": "students working part-time during their studies",
    "talent.skilled_technicians": "vocationally trained skilled workers / technicians",
    "talent.international_recruiting": "recruiting and relocating staff from abroad",
    # family pilot: a customer who lets you try your product in real operations
    "pilot.automotive_oem": "pilot with a car maker or automotive tier-1",
    "pilot.municipal_testbed": "municipality / utility as real-life test site",
    "pilot.machine_builder": "machinery manufacturer as pilot / integration partner",
    # family manufacturing: contract manufacturing
    "manufacturing.cnc_prototyping": "machined (milled/turned) prototypes and small lots",
    "manufacturing.additive_metal": "metal 3D printing",
    "manufacturing.pcb_assembly": "electronics / circuit board assembly",
    # family recycling
    "recycling.battery_materials": "take-back and material recovery of batteries",
    "recycling.plastics": "plastics recycling and recyclate supply",
    # family energy
    "energy.fuel_cell_systems": "hydrogen fuel-cell power units",
    "energy.electrolysis": "electrolysers producing hydrogen",
    "energy.stationary_storage": "stationary battery storage systems",
    # family quantum
    "quantum.sensing": "quantum sensors (magnetometers, inertial, gravimeters)",
    "quantum.computing_access": "access to quantum computers",
    # family cyber
    "cyber.ot_security": "security of industrial control systems and plant networks",
    "cyber.tisax_audit": "automotive information-security assessment (VDA ISA/TISAX)",
    # family advisory
    "advisory.tech_due_diligence": "independent technology assessment for investors/funders",
    "advisory.ip_patents": "patents and IP protection",
    # family network
    "network.dealflow": "access to a pipeline of investable start-ups / companies",
    "network.market_entry": "soft landing / settlement support for foreign companies",
    "network.export_partners": "contacts to distributors and buyers abroad",
    # family design
    "design.ux_product": "user interface / interaction / product design",
    "design.brand_campaign": "brand identity and marketing campaigns",
    # ---- added with the second batch (eval-org-091.., eval-off-046..) ----
    # first institutional venture round; sits between funding.seed and
    # funding.growth_equity
    "funding.early_venture": "institutional venture capital for a first priced round (Series A)",
    # land to build on (as opposed to renting a finished hall or office)
    "space.plot": "serviced land / commercial plot to build one's own premises",
    # what a municipality or industrial park needs: companies that want to settle
    "location.settlement_leads": "referrals of companies looking for a site (site consultants, "
    "brokers)",
    # general business support: the substance behind broad, generic programmes
    "support.growth_coaching": "coaching on strategy, business model and organisation of a "
    "growing firm",
    "support.sustainability_reporting": "carbon accounting and ESG / sustainability reports",
    "support.regional_intros": "introductions to the regional business community and local "
    "decision-makers",
    # a product nobody in the set needs (offered only)
    "aerial.drones": "unmanned aircraft and drone-based surveillance or surveying",
    # ---- deliberately unfit codes: each used by exactly one organisation ----
    # (UNFIT_CODES below; no other organisation or offer provides or needs
    # anything of these families)
    "maritime.hull_inspection": "survey of fouling on ship hulls",
    "maritime.shipping_pilot": "shipping line or port as pilot customer",
    "viticulture.disease_forecast": "forecast of fungal diseases in vineyards",
    "viticulture.grower_coops": "winegrowers' cooperatives as customers",
    "fashion.popup_retail": "shop windows / sales floor for pop-up stores",
    "fashion.textile_sourcing": "suppliers of fabrics and knitwear",
    "petcare.walker_marketplace": "booking of dog walkers and pet sitters",
    "petcare.vet_practices": "veterinary practices as referral partners",
    "hospitality.event_catering": "catering and hosting of events",
    "hospitality.service_staff": "cooks and waiting staff",
    "games.art_outsourcing": "3D art and animation for other game studios",
    "games.publisher_deal": "a video-game publisher",
    "food.oat_drinks": "plant-based oat drinks",
    "food.retail_listing": "listing in food retail",
}

UNFIT_FAMILIES = ("maritime", "viticulture", "fashion", "petcare", "hospitality", "games", "food")
UNFIT_CODES = frozenset(c for c in CODES if c.split(".", 1)[0] in UNFIT_FAMILIES)


def family(code: str) -> str:
    return code.split(".", 1)[0]


# ---------------------------------------------------------------------------
# Locations: key -> (district, municipality, postal_code, lat, lon)
# ---------------------------------------------------------------------------
LOCATIONS = {
    "stuttgart-mitte": ("stuttgart", "Stuttgart", "70173", 48.7758, 9.1829),
    "stuttgart-vaihingen": ("stuttgart", "Stuttgart", "70569", 48.7297, 9.1077),
    "stuttgart-feuerbach": ("stuttgart", "Stuttgart", "70469", 48.8153, 9.1650),
    "stuttgart-bad-cannstatt": ("stuttgart", "Stuttgart", "70372", 48.8048, 9.2147),
    "stuttgart-zuffenhausen": ("stuttgart", "Stuttgart", "70435", 48.8326, 9.1707),
    "stuttgart-wangen": ("stuttgart", "Stuttgart", "70327", 48.7750, 9.2500),
    "boeblingen": ("boeblingen", "Böblingen", "71032", 48.6856, 9.0119),
    "sindelfingen": ("boeblingen", "Sindelfingen", "71063", 48.7133, 9.0028),
    "leonberg": ("boeblingen", "Leonberg", "71229", 48.8000, 9.0167),
    "herrenberg": ("boeblingen", "Herrenberg", "71083", 48.5967, 8.8708),
    "renningen": ("boeblingen", "Renningen", "71272", 48.7650, 8.9347),
    "ehningen": ("boeblingen", "Ehningen", "71139", 48.6589, 8.9411),
    "esslingen": ("esslingen", "Esslingen am Neckar", "73728", 48.7406, 9.3108),
    "filderstadt": ("esslingen", "Filderstadt", "70794", 48.6667, 9.2167),
    "leinfelden-echterdingen": ("esslingen", "Leinfelden-Echterdingen", "70771", 48.6928, 9.1428),
    "nuertingen": ("esslingen", "Nürtingen", "72622", 48.6267, 9.3353),
    "kirchheim": ("esslingen", "Kirchheim unter Teck", "73230", 48.6483, 9.4511),
    "ostfildern": ("esslingen", "Ostfildern", "73760", 48.7228, 9.2631),
    "plochingen": ("esslingen", "Plochingen", "73207", 48.7125, 9.4194),
    "goeppingen": ("goeppingen", "Göppingen", "73033", 48.7031, 9.6525),
    "geislingen": ("goeppingen", "Geislingen an der Steige", "73312", 48.6244, 9.8306),
    "eislingen": ("goeppingen", "Eislingen/Fils", "73054", 48.6950, 9.7064),
    "donzdorf": ("goeppingen", "Donzdorf", "73072", 48.6853, 9.8114),
    "ludwigsburg": ("ludwigsburg", "Ludwigsburg", "71634", 48.8975, 9.1919),
    "bietigheim-bissingen": ("ludwigsburg", "Bietigheim-Bissingen", "74321", 48.9667, 9.1333),
    "kornwestheim": ("ludwigsburg", "Kornwestheim", "70806", 48.8625, 9.1850),
    "ditzingen": ("ludwigsburg", "Ditzingen", "71254", 48.8264, 9.0667),
    "vaihingen-enz": ("ludwigsburg", "Vaihingen an der Enz", "71665", 48.9333, 8.9667),
    "marbach": ("ludwigsburg", "Marbach am Neckar", "71672", 48.9394, 9.2647),
    "waiblingen": ("rems-murr", "Waiblingen", "71332", 48.8303, 9.3169),
    "fellbach": ("rems-murr", "Fellbach", "70734", 48.8086, 9.2758),
    "schorndorf": ("rems-murr", "Schorndorf", "73614", 48.8053, 9.5275),
    "backnang": ("rems-murr", "Backnang", "71522", 48.9464, 9.4306),
    "winnenden": ("rems-murr", "Winnenden", "71364", 48.8764, 9.3978),
    "weinstadt": ("rems-murr", "Weinstadt", "71384", 48.8131, 9.3728),
    # added with the second batch
    "stuttgart-nord": ("stuttgart", "Stuttgart", "70192", 48.7947, 9.1756),
    "gerlingen": ("ludwigsburg", "Gerlingen", "70839", 48.7997, 9.0631),
    "remseck": ("ludwigsburg", "Remseck am Neckar", "71686", 48.8739, 9.2722),
    "murrhardt": ("rems-murr", "Murrhardt", "71540", 48.9797, 9.5775),
    "uhingen": ("goeppingen", "Uhingen", "73066", 48.7047, 9.5914),
    "weil-der-stadt": ("boeblingen", "Weil der Stadt", "71263", 48.7500, 8.8711),
    "wendlingen": ("esslingen", "Wendlingen am Neckar", "73240", 48.6747, 9.3817),
}

KINDS = ["startup", "scaleup", "established", "research", "investor", "intermediary", "public"]
STAGES = ["idea", "pre_seed", "seed", "series_a", "series_b_plus", "growth"]
DISTRICTS = ["stuttgart", "boeblingen", "esslingen", "goeppingen", "ludwigsburg", "rems-murr"]
THEMES = [
    "automotive_mobility",
    "mechanical_engineering_production",
    "green_tech",
    "it_ai",
    "it_hardware",
    "quantum",
    "aerospace",
    "security_defence",
    "creative_industries",
    "health_life_sciences",
    "logistics",
]
OFFER_KINDS = ["funding", "cooperation", "space", "program", "talent"]


def make_org(
    lang,
    kind,
    stage,
    loc,
    name,
    themes,
    need,
    give,
    desc,
    offers,
    needs,
    founded,
    employees,
    verified,
    investment=None,
    roles=(),
):
    """One organisation: need/give are the hidden codes, the rest is public.

    ``investment`` (investors of the second batch only) is the public thesis
    ``{"stages", "themes", "ticket_eur_min", "ticket_eur_max"}``; ``roles``
    are hand-set report tags (only ``"unfit"``; the others are derived).
    """
    return dict(
        lang=lang,
        kind=kind,
        stage=stage,
        loc=loc,
        name=name,
        themes=themes,
        need=need,
        give=give,
        desc=desc,
        offers=offers,
        needs=needs,
        founded=founded,
        employees=employees,
        verified=verified,
        investment=investment,
        roles=tuple(roles),
    )


def thesis(stages, themes, ticket_min, ticket_max):
    """An investment thesis; an empty list means any."""
    return {
        "stages": list(stages),
        "themes": list(themes),
        "ticket_eur_min": ticket_min,
        "ticket_eur_max": ticket_max,
    }


# ---------------------------------------------------------------------------
# Organisations (order defines eval-org-001 .. eval-org-139)
# ---------------------------------------------------------------------------
ORGS = [
    # ---------------- start-ups ----------------
    make_org(
        "de",
        "startup",
        "seed",
        "esslingen",
        "Voltaris Mobility GmbH",
        ["automotive_mobility", "green_tech"],
        ["testing.battery_cells", "funding.seed"],
        ["energy.stationary_storage"],
        "Wir entwickeln Wechselakkus für Lastenräder und leichte Nutzfahrzeuge. Nach dem "
        "Einsatz im Fahrzeug bekommen unsere Akkupacks ein zweites Leben als Pufferspeicher "
        "in Gewerbegebäuden.",
        [
            "Ausgemusterte Fahrzeugakkus als stationäre Pufferspeicher für Gewerbedächer mit "
            "Photovoltaik"
        ],
        [
            "Prüflabor, das unsere Lithium-Ionen-Zellen über Hunderte Lade- und Entladezyklen "
            "vermisst (Alterung, Innenwiderstand, Temperaturverhalten)",
            "Erste Finanzierungsrunde über Business Angels oder einen Frühphasenfonds, Ticket rund "
            "800.000 €",
        ],
        2022,
        7,
        True,
    ),
    make_org(
        "en",
        "startup",
        "pre_seed",
        "stuttgart-vaihingen",
        "Lumeon Vision",
        ["it_ai", "mechanical_engineering_production"],
        ["pilot.automotive_oem", "funding.seed"],
        ["ai.vision_inspection"],
        "University spin-off building camera systems with neural networks that spot scratches, "
        "pores and burrs on machined and die-cast parts while the line keeps running.",
        [
            "In-line optical defect detection for metal parts, trained from a few hundred sample "
            "images"
        ],
        [
            "A car maker's plant willing to run our system on a real assembly line for a "
            "three-month "
            "trial",
            "A first outside investment round (up to 1 M€) to hire two engineers",
        ],
        2024,
        4,
        False,
    ),
    make_org(
        "de",
        "startup",
        "seed",
        "sindelfingen",
        "Kollisio Simulation UG",
        ["automotive_mobility", "it_ai"],
        ["space.office", "talent.working_students"],
        ["testing.crash_sim"],
        "Kollisio berechnet, wie sich Leichtbaustrukturen beim Aufprall verformen – virtuell, "
        "bevor ein einziges Bauteil gefertigt ist. Unsere Kunden sind Zulieferer und "
        "Entwicklungsdienstleister.",
        [
            "Virtuelle Aufprallberechnung mit Finite-Elemente-Modellen für Karosserieteile und "
            "Batteriegehäuse",
            "Abgleich von Crashmodellen mit Versuchsdaten",
        ],
        [
            "Kleine Bürofläche für drei bis vier Schreibtische, gern in einem Gemeinschaftsbüro im "
            "Raum "
            "Sindelfingen",
            "Studierende aus Maschinenbau oder Informatik, die neben dem Studium 15 Stunden pro "
            "Woche "
            "mitarbeiten",
        ],
        2021,
        9,
        True,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "ludwigsburg",
        "Quantix Sense GmbH",
        ["quantum", "health_life_sciences"],
        ["space.lab", "funding.grant_rd"],
        ["quantum.sensing"],
        "We build compact magnetometers based on colour centres in diamond, sensitive enough to "
        "record heart and brain signals without contact and without a shielded room.",
        [
            "Magnetic field measurement down to picotesla with nitrogen-vacancy diamond sensors",
            "Sensor heads for non-destructive testing of welds and steel components",
        ],
        [
            "Vibration-damped rooms of 40–80 m² with optical tables and clean air, close to a "
            "university",
            "Public co-funding for a two-year research project together with an academic partner",
        ],
        2023,
        11,
        True,
    ),
    make_org(
        "de",
        "startup",
        "idea",
        "stuttgart-mitte",
        "Amtsklar",
        ["it_ai"],
        ["pilot.municipal_testbed", "funding.seed"],
        ["ai.document_llm"],
        "Amtsklar fasst Bescheide, Anträge und Satzungen mit großen Sprachmodellen zusammen und "
        "beantwortet Rückfragen von Sachbearbeiterinnen und Sachbearbeitern – datensparsam und "
        "auf Servern in Deutschland.",
        [
            "KI-Assistent, der lange Verwaltungsakten und Anträge zusammenfasst und "
            "Antwortentwürfe "
            "formuliert"
        ],
        [
            "Eine Stadt- oder Gemeindeverwaltung, die unser Werkzeug ein halbes Jahr im Bürgerbüro "
            "ausprobiert",
            "Startkapital für die Gründung, gern aus einem Angel-Netzwerk",
        ],
        2025,
        2,
        False,
    ),
    make_org(
        "en",
        "startup",
        "series_a",
        "ostfildern",
        "Gridlet Energy GmbH",
        ["green_tech"],
        ["recycling.battery_materials", "space.production_hall"],
        ["energy.stationary_storage"],
        "Gridlet turns retired electric-vehicle battery modules into containerised storage for "
        "factories, farms and municipal utilities.",
        [
            "Container storage systems from 200 kWh to 2 MWh for peak shaving and buffering "
            "rooftop "
            "solar"
        ],
        [
            "A partner that takes back modules at end of life and recovers lithium, nickel and "
            "cobalt "
            "from them",
            "1,500–3,000 m² of industrial floor space with a crane and heavy floor load for "
            "assembling "
            "containers",
        ],
        2019,
        38,
        True,
    ),
    make_org(
        "de",
        "startup",
        "pre_seed",
        "waiblingen",
        "Lauschwerk GmbH",
        ["it_ai", "mechanical_engineering_production"],
        ["pilot.machine_builder", "cyber.ot_security"],
        ["ai.predictive_maintenance"],
        "Lauschwerk hört Maschinen zu: Körperschallsensoren und eine lernende Auswertung erkennen "
        "Lagerschäden an Pumpen, Spindeln und Getrieben Wochen vor dem Stillstand.",
        [
            "Früherkennung von Lager- und Getriebeschäden aus Schwingungsdaten mit Prognose der "
            "Restlebensdauer"
        ],
        [
            "Ein Maschinen- oder Anlagenhersteller, der unsere Sensorik in eine Serienmaschine "
            "einbaut "
            "und bei seinen Kunden erprobt",
            "Härtung unserer Funk-Gateways gegen Angriffe in Fabriknetzen (Steuerungsebene, "
            "Feldbus)",
        ],
        2024,
        5,
        False,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "stuttgart-feuerbach",
        "Forgeprint Labs",
        ["aerospace", "mechanical_engineering_production"],
        ["testing.durability_rig", "funding.grant_rd"],
        ["manufacturing.additive_metal"],
        "We print titanium and aluminium parts by laser powder-bed fusion – mostly "
        "topology-optimised brackets for aircraft cabins and small satellites.",
        [
            "Laser powder-bed fusion of titanium and aluminium, from single prototypes to small "
            "series, "
            "heat treatment included"
        ],
        [
            "Fatigue testing on a servo-hydraulic rig: several million load cycles on printed "
            "brackets",
            "Grant money for a joint research project on qualifying printed flight hardware",
        ],
        2021,
        14,
        True,
    ),
    make_org(
        "de",
        "startup",
        "seed",
        "boeblingen",
        "Nahtblick GmbH",
        ["it_ai", "automotive_mobility"],
        ["cyber.tisax_audit", "talent.working_students"],
        ["ai.vision_inspection"],
        "Nahtblick prüft Schweißnähte im Karosseriebau mit Kameras und lernenden Algorithmen – "
        "jede Naht, im Takt der Linie.",
        [
            "Kamerabasierte Qualitätskontrolle von Schweiß- und Klebenähten direkt in der "
            "Fertigungslinie"
        ],
        [
            "Begleitung bis zum Informationssicherheits-Nachweis, den Autohersteller von ihren "
            "Lieferanten verlangen (VDA-ISA-Assessment)",
            "Werkstudentinnen und Werkstudenten für Bildannotation und Python-Entwicklung",
        ],
        2022,
        12,
        True,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "nuertingen",
        "Cellcycle Materials",
        ["green_tech", "automotive_mobility"],
        ["space.production_hall", "funding.seed"],
        ["recycling.battery_materials"],
        "Cellcycle recovers lithium, nickel and cobalt from spent battery black mass with a "
        "low-temperature hydrometallurgical process.",
        [
            "Take-back and material recovery for end-of-life lithium-ion batteries and cell "
            "production "
            "scrap"
        ],
        [
            "An industrial unit of about 2,000 m² permitted for chemical processing",
            "Seed investment to build our first demonstration plant",
        ],
        2023,
        10,
        False,
    ),
    make_org(
        "de",
        "startup",
        "pre_seed",
        "goeppingen",
        "Wasserstoffwerk Fils UG",
        ["green_tech"],
        ["manufacturing.cnc_prototyping", "pilot.municipal_testbed"],
        ["energy.electrolysis"],
        "Wir bauen kompakte PEM-Elektrolyseure im Containerformat, die Überschussstrom aus Solar- "
        "und Windanlagen in grünen Wasserstoff umwandeln.",
        ["Elektrolyseure von 100 kW bis 1 MW zur Erzeugung von grünem Wasserstoff vor Ort"],
        [
            "Zerspanungsbetrieb, der Bipolarplatten- und Gehäuseprototypen aus Edelstahl in "
            "kleinen "
            "Losen fräst",
            "Eine Kommune, die einen Elektrolyseur an ihrer Kläranlage oder ihrem Bauhof testweise "
            "betreibt",
        ],
        2024,
        6,
        False,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "stuttgart-bad-cannstatt",
        "Shieldgrid OT",
        ["security_defence", "it_ai"],
        ["pilot.machine_builder", "talent.working_students"],
        ["cyber.ot_security"],
        "Shieldgrid protects factory networks: we monitor PLC traffic, segment control networks "
        "and detect manipulation of machine controllers.",
        [
            "Intrusion detection and network segmentation for PLCs, robots and SCADA systems on "
            "the "
            "shop floor"
        ],
        [
            "A machinery manufacturer that embeds our monitoring agent in its controllers and "
            "pilots it "
            "with end customers",
            "Computer-science students who work with us part-time during their degree",
        ],
        2022,
        13,
        True,
    ),
    make_org(
        "de",
        "startup",
        "idea",
        "ditzingen",
        "Formfreund Studio",
        ["creative_industries", "mechanical_engineering_production"],
        ["funding.seed", "space.office"],
        ["design.ux_product"],
        "Formfreund gestaltet Bedienoberflächen für Maschinen und Industrie-Software: Touchpanels, "
        "Apps und Serviceportale, die auch Schichtarbeiter ohne Handbuch verstehen.",
        [
            "Gestaltung von Bedienoberflächen und Nutzerführung für Maschinen-HMI und "
            "Industrie-Apps, "
            "inklusive Nutzertests"
        ],
        [
            "Anschubfinanzierung für die ersten 18 Monate",
            "Ein bezahlbarer Büroraum für vier Personen in Ditzingen oder Leonberg",
        ],
        2025,
        3,
        False,
    ),
    make_org(
        "en",
        "startup",
        "pre_seed",
        "fellbach",
        "Ionvault Quantum",
        ["quantum", "it_hardware"],
        ["funding.grant_rd", "space.lab", "talent.international_recruiting"],
        ["quantum.computing_access"],
        "Ionvault builds trapped-ion quantum processors and lets companies run optimisation and "
        "chemistry workloads on them through a cloud interface.",
        [
            "Cloud time on our trapped-ion quantum processor, with help porting optimisation "
            "problems"
        ],
        [
            "Public research funding for a three-year hardware development project",
            "Laboratory rooms with vibration isolation and a stable climate for ultra-high-vacuum "
            "set-ups",
            "Help hiring physicists from outside the EU, including visa and relocation",
        ],
        2024,
        8,
        True,
    ),
    make_org(
        "de",
        "startup",
        "seed",
        "stuttgart-zuffenhausen",
        "Polymerkreis GmbH",
        ["green_tech", "automotive_mobility"],
        ["pilot.automotive_oem", "funding.grant_rd"],
        ["recycling.plastics"],
        "Polymerkreis zerlegt gemischte Kunststoffabfälle aus Altfahrzeugen chemisch in ihre "
        "Grundbausteine und macht daraus neues Granulat in Neuwarequalität.",
        ["Aufbereitung von Misch-Kunststoffen aus Altfahrzeugen zu hochwertigem Rezyklat"],
        [
            "Ein Fahrzeughersteller, der unser Rezyklat in einem Serienbauteil erprobt und "
            "freigibt",
            "Zuschüsse für ein Forschungsvorhaben zur Skalierung unserer Pyrolyse",
        ],
        2022,
        15,
        True,
    ),
    make_org(
        "en",
        "startup",
        "series_a",
        "herrenberg",
        "Drivetrace Analytics",
        ["it_ai", "mechanical_engineering_production"],
        ["talent.international_recruiting", "funding.growth_equity"],
        ["ai.predictive_maintenance"],
        "Drivetrace forecasts breakdowns of machine tools and conveyor drives from motor current "
        "and vibration data and schedules service before parts break.",
        [
            "Breakdown forecasting software for CNC machines and conveyors, connected through "
            "existing "
            "drive controllers"
        ],
        [
            "Recruiting data engineers from India and Latin America, including work-permit support",
            "A later-stage round of 10–15 M€ to expand into the US",
        ],
        2019,
        45,
        True,
    ),
    make_org(
        "de",
        "startup",
        "seed",
        "leinfelden-echterdingen",
        "Prüfraum Mobil GmbH",
        ["it_hardware", "automotive_mobility"],
        ["space.lab", "funding.seed"],
        ["testing.emc"],
        "Prüfraum Mobil bringt eine Messkabine für elektromagnetische Verträglichkeit direkt zum "
        "Kunden und spürt Störaussendungen von Elektronik früh in der Entwicklung auf.",
        [
            "EMV-Vormessungen vor Ort: Störaussendung und Störfestigkeit von Steuergeräten und "
            "Ladeelektronik"
        ],
        [
            "Laborräume mit Schirmkabine oder Platz für eine eigene kleine Absorberhalle",
            "Frühphasenkapital für eine zweite mobile Messkabine",
        ],
        2023,
        6,
        False,
    ),
    make_org(
        "en",
        "startup",
        "pre_seed",
        "stuttgart-mitte",
        "Ledgerly Docs",
        ["it_ai"],
        ["funding.seed", "talent.working_students"],
        ["ai.document_llm"],
        "Ledgerly reads contracts, delivery notes and invoices with language models and turns "
        "them into structured data for mid-sized firms.",
        [
            "Extraction and summarisation of contracts and invoices with large language models, "
            "hosted "
            "in Germany"
        ],
        [
            "Pre-seed to seed money from angels who know B2B software",
            "Students who can code a few days a week alongside their degree",
        ],
        2024,
        4,
        False,
    ),
    make_org(
        "de",
        "startup",
        "seed",
        "bietigheim-bissingen",
        "Zellwerk Analytik GmbH",
        ["automotive_mobility", "green_tech"],
        ["space.lab", "advisory.ip_patents"],
        ["testing.battery_cells"],
        "Zellwerk vermisst Lithium-Ionen- und Natrium-Ionen-Zellen im Auftrag: Zyklisierung, "
        "Impedanzspektroskopie und Alterungsprognosen für Entwickler von Akkusystemen.",
        [
            "Zyklen- und Alterungstests an Akkuzellen im Auftrag, inklusive Impedanzspektroskopie",
            "Prüfstand für Zellen mit Klimakammern von −40 bis +80 °C",
        ],
        [
            "Zusätzliche Laborräume mit Abzug und Brandschutz",
            "Unterstützung beim Schutz unseres Alterungsmodells durch Patente",
        ],
        2022,
        9,
        True,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "geislingen",
        "Hydroflux Mobility",
        ["automotive_mobility", "green_tech"],
        ["testing.durability_rig", "pilot.automotive_oem"],
        ["energy.fuel_cell_systems"],
        "Hydroflux develops 30 kW hydrogen range extenders for delivery vans and small buses.",
        ["Hydrogen fuel-cell range-extender modules (30 kW) with vehicle integration support"],
        [
            "Endurance testing of our stack mounts and compressor on a vibration and load rig",
            "A vehicle manufacturer that fits our module into a test fleet",
        ],
        2021,
        19,
        True,
    ),
    make_org(
        "de",
        "startup",
        "pre_seed",
        "stuttgart-vaihingen",
        "Quantenkompass UG",
        ["quantum", "aerospace"],
        ["funding.grant_rd", "advisory.ip_patents"],
        ["quantum.sensing"],
        "Quantenkompass entwickelt Navigation ohne Satellitensignal: Atominterferometer messen "
        "Beschleunigung und Drehung so genau, dass Flugzeuge und Schiffe ihre Position selbst "
        "bestimmen.",
        [
            "Quantenbasierte Trägheitsmesstechnik (Atominterferometrie) für GNSS-unabhängige "
            "Navigation"
        ],
        [
            "Öffentliche Forschungsmittel für ein Verbundprojekt mit Luftfahrtpartnern",
            "Patentanwaltliche Beratung zu Anmeldestrategie und Schutzrechten in den USA und der "
            "EU",
        ],
        2024,
        5,
        False,
    ),
    make_org(
        "en",
        "startup",
        "idea",
        "kirchheim",
        "Brandforge Studio",
        ["creative_industries"],
        ["space.office", "network.market_entry"],
        ["design.brand_campaign"],
        "A Lisbon-based creative studio opening its first German base; we build brands and launch "
        "campaigns for industrial technology companies.",
        ["Brand identity, campaign concepts and trade-fair communication for B2B tech firms"],
        [
            "A small studio or office for 3–5 people from next spring",
            "Guidance on setting up a GmbH, registering with the authorities and opening a bank "
            "account "
            "in Germany",
        ],
        2025,
        3,
        False,
    ),
    make_org(
        "de",
        "startup",
        "seed",
        "schorndorf",
        "Druckfest Additiv GmbH",
        ["mechanical_engineering_production", "aerospace"],
        ["talent.skilled_technicians", "space.production_hall"],
        ["manufacturing.additive_metal"],
        "Druckfest fertigt Metallbauteile im 3D-Druck – Werkzeugeinsätze mit konturnaher Kühlung, "
        "Ersatzteile und Leichtbauteile für die Luftfahrt.",
        ["Metall-3D-Druck im Pulverbett (Edelstahl, Werkzeugstahl) inklusive Nachbearbeitung"],
        [
            "Industriemechaniker und Zerspanungsmechanikerinnen für die Nachbearbeitung",
            "Fertigungsfläche mit Starkstrom und Kran, 800–1.200 m², im Rems-Murr-Kreis",
        ],
        2020,
        22,
        True,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "stuttgart-feuerbach",
        "Circuitry Labs",
        ["it_hardware"],
        ["testing.emc", "funding.seed"],
        ["manufacturing.pcb_assembly"],
        "Circuitry Labs populates printed circuit boards in small quantities within five days, for "
        "hardware founders and R&D departments.",
        [
            "Quick-turn SMT placement and soldering of electronics prototypes and small batches "
            "(1–500 "
            "boards)"
        ],
        [
            "Pre-compliance measurement of electromagnetic emissions for our customers' boards",
            "Angel investment to add a second pick-and-place line",
        ],
        2023,
        8,
        False,
    ),
    make_org(
        "de",
        "startup",
        "pre_seed",
        "renningen",
        "Aufprall.ai",
        ["automotive_mobility", "it_ai"],
        ["pilot.automotive_oem", "talent.working_students"],
        ["testing.crash_sim"],
        "Aufprall.ai ersetzt stundenlange Crashberechnungen durch lernende Ersatzmodelle, die das "
        "Verformungsverhalten in Sekunden vorhersagen.",
        [
            "KI-Ersatzmodelle für Crashberechnungen: Deformation und Intrusion in Sekunden statt "
            "Stunden"
        ],
        [
            "Entwicklungsabteilung eines Autobauers, die unsere Modelle in einem echten "
            "Fahrzeugprojekt "
            "einsetzt",
            "Studentische Teilzeitkräfte mit Kenntnissen im maschinellen Lernen",
        ],
        2024,
        4,
        False,
    ),
    make_org(
        "en",
        "startup",
        "seed",
        "filderstadt",
        "Sparkline Fuel Cells",
        ["green_tech", "mechanical_engineering_production"],
        ["pilot.machine_builder", "funding.seed", "manufacturing.cnc_prototyping"],
        ["energy.fuel_cell_systems"],
        "Sparkline designs hydrogen power units that replace diesel engines in compact "
        "construction "
        "and agricultural machines.",
        ["Hydrogen power packs (20–80 kW) based on PEM stacks for off-road machinery"],
        [
            "A construction-equipment or machinery OEM to integrate our power pack into a "
            "prototype "
            "machine",
            "A seed round of around 1.5 M€",
            "Precision-milled housings and manifold blocks in batches of 5–20",
        ],
        2022,
        11,
        True,
    ),
    make_org(
        "de",
        "startup",
        "idea",
        "backnang",
        "KI-Lotse",
        ["it_ai"],
        ["space.office", "talent.working_students"],
        ["ai.strategy_consulting"],
        "KI-Lotse begleitet mittelständische Betriebe beim Einstieg in künstliche Intelligenz: "
        "Potenzialanalyse, Fahrplan, Schulung der Führungskräfte.",
        [
            "Workshops und Potenzialanalysen, wo KI im Unternehmen Nutzen stiftet, plus "
            "Umsetzungsfahrplan"
        ],
        [
            "Ein Büro mit Besprechungsraum in Backnang",
            "Studierende der Wirtschaftsinformatik als Teilzeitkräfte",
        ],
        2025,
        2,
        False,
    ),
    make_org(
        "en",
        "startup",
        "pre_seed",
        "stuttgart-wangen",
        "Certiva Compliance",
        ["security_defence", "automotive_mobility"],
        ["funding.seed", "space.office"],
        ["cyber.tisax_audit"],
        "Certiva gets automotive suppliers through the information-security assessment that car "
        "makers require, with templates, gap analysis and coaching.",
        ["Readiness checks and coaching for the VDA ISA / TISAX label demanded by car makers"],
        ["First outside capital from angels", "Two desks in a coworking space in Stuttgart"],
        2024,
        3,
        False,
    ),
    # ---------------- scale-ups ----------------
    make_org(
        "de",
        "scaleup",
        "series_b_plus",
        "sindelfingen",
        "Akkutec Systems GmbH",
        ["automotive_mobility", "green_tech"],
        ["testing.battery_cells", "space.production_hall", "funding.growth_equity"],
        ["energy.stationary_storage"],
        "Akkutec baut Batteriesysteme für Elektrobusse und Baumaschinen und liefert daraus "
        "abgeleitete Großspeicher für Industriebetriebe.",
        ["Stationäre Batteriespeicher für Industrie und Gewerbe, 0,5 bis 5 MWh"],
        [
            "Externe Zellcharakterisierung: Zyklenfestigkeit und Sicherheitsverhalten neuer "
            "Zelltypen",
            "Fertigungshalle ab 5.000 m² für eine zweite Montagelinie",
            "Wachstumskapital von 20–30 Mio. € in einer späten Finanzierungsrunde",
        ],
        2016,
        180,
        True,
    ),
    make_org(
        "en",
        "scaleup",
        "growth",
        "stuttgart-vaihingen",
        "Visionary Inspect AG",
        ["it_ai", "mechanical_engineering_production"],
        ["talent.international_recruiting", "network.export_partners"],
        ["ai.vision_inspection"],
        "Visionary Inspect sells AI-based visual quality control to electronics, automotive and "
        "packaging plants in twelve countries.",
        ["Turnkey camera inspection cells that learn to detect surface and assembly defects"],
        [
            "Hiring machine-learning engineers from abroad and handling their relocation",
            "Distribution partners and introductions to manufacturers in Japan and Korea",
        ],
        2014,
        210,
        True,
    ),
    make_org(
        "de",
        "scaleup",
        "series_a",
        "eislingen",
        "Fils Hydrogen Systems GmbH",
        ["green_tech", "mechanical_engineering_production"],
        ["space.production_hall", "talent.skilled_technicians"],
        ["energy.electrolysis"],
        "Fils Hydrogen Systems fertigt alkalische Elektrolyseanlagen im Megawattbereich für "
        "Stadtwerke und Industrie.",
        ["Elektrolyseanlagen im Megawattmaßstab für die Wasserstofferzeugung inklusive Service"],
        [
            "Montagehalle mit Hallenkran (10 t) im Filstal, ab 3.000 m²",
            "Mechatronikerinnen, Elektriker und Anlagenmonteure",
        ],
        2018,
        85,
        True,
    ),
    make_org(
        "en",
        "scaleup",
        "series_b_plus",
        "ludwigsburg",
        "Neuromaint B.V. – German branch",
        ["it_ai", "mechanical_engineering_production"],
        ["funding.growth_equity", "talent.international_recruiting", "network.market_entry"],
        ["ai.predictive_maintenance"],
        "Dutch scale-up opening its German subsidiary in Ludwigsburg. Our platform predicts when "
        "pumps, compressors and presses will fail and plans the service visit accordingly.",
        ["Machine-failure prediction platform for process and manufacturing plants"],
        [
            "Growth capital (Series C) to finance the German expansion",
            "Support bringing engineers from outside the EU to Germany",
            "Help founding the German entity, finding a tax adviser and understanding local rules",
        ],
        2017,
        120,
        False,
    ),
    make_org(
        "de",
        "scaleup",
        "growth",
        "esslingen",
        "Kreislaufkunststoff GmbH",
        ["green_tech", "automotive_mobility"],
        ["ai.vision_inspection", "funding.growth_equity"],
        ["recycling.plastics"],
        "Wir verarbeiten jährlich 40.000 Tonnen Kunststoffabfälle aus Industrie und "
        "Fahrzeugrückbau "
        "zu sortenreinem Rezyklat.",
        ["Sortenreine Kunststoff-Rezyklate (PP, PA, ABS) in technischer Qualität"],
        [
            "Kamerasystem mit KI, das Fremdpartikel und Farbfehler im Mahlgut automatisch erkennt",
            "Wachstumskapital für ein zweites Werk",
        ],
        2012,
        140,
        True,
    ),
    make_org(
        "en",
        "scaleup",
        "series_a",
        "winnenden",
        "Aerolith Space",
        ["aerospace", "mechanical_engineering_production"],
        ["manufacturing.additive_metal", "quantum.sensing"],
        ["testing.durability_rig"],
        "Aerolith builds structures and deployable mechanisms for small satellites and runs its "
        "own "
        "shaker and thermal-vacuum test facility.",
        ["Vibration and shock qualification on our electrodynamic shaker, also for third parties"],
        [
            "Printed titanium brackets and lattice structures from a qualified supplier",
            "Miniature quantum magnetometers for attitude determination in orbit",
        ],
        2018,
        60,
        True,
    ),
    make_org(
        "de",
        "scaleup",
        "series_b_plus",
        "stuttgart-feuerbach",
        "Docuflow KI GmbH",
        ["it_ai"],
        ["funding.growth_equity", "design.brand_campaign"],
        ["ai.document_llm"],
        "Docuflow automatisiert Posteingang und Aktenbearbeitung für Versicherer und Behörden mit "
        "Sprachmodellen.",
        [
            "Automatische Klassifikation, Auswertung und Zusammenfassung von Dokumenten mit "
            "Sprachmodellen"
        ],
        [
            "Finanzierungsrunde ab 15 Mio. € für die Expansion",
            "Eine Agentur für Markenauftritt und Werbekampagne zur Internationalisierung",
        ],
        2017,
        95,
        True,
    ),
    make_org(
        "en",
        "scaleup",
        "growth",
        "leonberg",
        "Chargetronic GmbH",
        ["it_hardware", "automotive_mobility"],
        ["testing.emc", "talent.skilled_technicians", "cyber.tisax_audit"],
        ["manufacturing.pcb_assembly"],
        "Chargetronic designs and manufactures power electronics for wallboxes and DC fast "
        "chargers, "
        "with its own SMT production in Leonberg.",
        ["Free capacity on our SMT lines to populate third-party boards"],
        [
            "Accredited measurements of electromagnetic compatibility for new charger generations",
            "Electronics technicians for production and repair",
            "Preparing for the information-security assessment our automotive customers ask for",
        ],
        2013,
        260,
        True,
    ),
    make_org(
        "de",
        "scaleup",
        "series_a",
        "vaihingen-enz",
        "ReCell Recycling GmbH",
        ["green_tech"],
        ["space.production_hall", "funding.growth_equity"],
        ["recycling.battery_materials"],
        "ReCell zerlegt Traktionsbatterien, entlädt sie sicher und gewinnt Schwarzmasse für die "
        "Rückgewinnung von Batterierohstoffen.",
        [
            "Rücknahme, Entladung und Zerlegung von Altbatterien aus Fahrzeugen, Herstellung von "
            "Schwarzmasse"
        ],
        [
            "Genehmigungsfähige Halle für Batterielagerung und Zerlegung",
            "Kapital für eine Series-B-Runde",
        ],
        2020,
        48,
        False,
    ),
    make_org(
        "en",
        "scaleup",
        "series_b_plus",
        "stuttgart-zuffenhausen",
        "SecuPlant Technologies",
        ["security_defence", "it_ai"],
        ["talent.international_recruiting", "design.brand_campaign"],
        ["cyber.ot_security", "cyber.tisax_audit"],
        "SecuPlant secures production networks for manufacturers and utilities and prepares "
        "suppliers for mandatory security assessments.",
        [
            "Managed security monitoring for industrial control systems and plant networks",
            "Assessment preparation for automotive information-security labels (TISAX)",
        ],
        [
            "Hiring security analysts from abroad",
            "Rebranding and a launch campaign for our entry into France",
        ],
        2015,
        150,
        True,
    ),
    # ---------------- established firms ----------------
    make_org(
        "de",
        "established",
        None,
        "esslingen",
        "Neckar Zellprüfzentrum GmbH",
        ["automotive_mobility", "green_tech"],
        ["talent.skilled_technicians", "recycling.battery_materials"],
        ["testing.battery_cells"],
        "Unabhängiges Prüflabor für Batteriezellen und -module: Lebensdauer-, Sicherheits- und "
        "Missbrauchstests nach Norm.",
        [
            "Batteriezellprüfung: Zyklisierung, kalendarische Alterung, Überladung und "
            "Nagelpenetration"
        ],
        [
            "Elektrotechnikerinnen und Laboranten für den Schichtbetrieb",
            "Entsorgungspartner, der zerstörte Prüflinge abholt und die Rohstoffe zurückgewinnt",
        ],
        2009,
        70,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "sindelfingen",
        "Stratos Engineering Services GmbH",
        ["automotive_mobility", "aerospace"],
        ["quantum.computing_access", "talent.international_recruiting"],
        ["testing.crash_sim", "advisory.tech_due_diligence"],
        "Engineering service provider with 400 engineers working on vehicle structures, occupant "
        "safety and lightweight design.",
        [
            "Full-vehicle and component impact simulation (LS-DYNA, PAM-CRASH)",
            "Technology assessments of start-ups and acquisition targets for investors",
        ],
        [
            "Time on quantum hardware to try out optimisation of meshes and material models",
            "Hiring simulation engineers from abroad",
        ],
        1998,
        400,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "goeppingen",
        "Filstal Präzisionsteile GmbH",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["ai.vision_inspection", "talent.skilled_technicians"],
        ["manufacturing.cnc_prototyping"],
        "Familienbetrieb mit 5-Achs-Fräszentren und Drehmaschinen; wir fertigen Prototypen und "
        "Kleinserien für Maschinenbau und Automobilzulieferer.",
        ["Fräs- und Drehteile als Prototypen und Kleinserien, Lieferzeit ab drei Tagen"],
        [
            "Automatische Sichtprüfung unserer Drehteile auf Kratzer und Maßabweichungen per "
            "Kamera",
            "Zerspanungsmechaniker und Fachkräfte für CNC-Maschinen",
        ],
        1987,
        65,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "waiblingen",
        "Remstal Machine Works GmbH",
        ["mechanical_engineering_production"],
        ["ai.predictive_maintenance", "cyber.ot_security", "design.ux_product"],
        ["pilot.machine_builder"],
        "Manufacturer of special-purpose machines and assembly lines for the automotive and "
        "medical "
        "industries.",
        [
            "We try out promising start-up technology on our machines and take it to our customers "
            "as "
            "pilot partner"
        ],
        [
            "Condition monitoring that warns our customers before spindles and bearings fail",
            "Protecting our machine controllers and remote-service access against attacks",
            "A redesign of the operator touch panels of our machines",
        ],
        1962,
        320,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "stuttgart-zuffenhausen",
        "Südstern Automotive Systems GmbH",
        ["automotive_mobility"],
        ["testing.crash_sim", "recycling.plastics", "ai.vision_inspection"],
        ["pilot.automotive_oem"],
        "Tier-1-Zulieferer für Sitzstrukturen und Innenraummodule; wir öffnen unsere Werke für "
        "Pilotprojekte mit Start-ups.",
        [
            "Pilotprojekte in unseren Serienwerken und Zugang zu den Entwicklungsabteilungen der "
            "Autohersteller"
        ],
        [
            "Simulation des Insassenschutzes und des Sitzverhaltens beim Aufprall",
            "Rezyklat für Innenraum-Kunststoffteile mit Automobilfreigabe",
            "Kamerabasierte Endkontrolle von Nähten und Oberflächen an Sitzbezügen",
        ],
        1975,
        2300,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "boeblingen",
        "Autonova Group – Open Innovation Unit",
        ["automotive_mobility", "green_tech"],
        ["network.dealflow", "energy.fuel_cell_systems", "testing.crash_sim"],
        ["pilot.automotive_oem"],
        "The open-innovation unit of a vehicle manufacturer, scouting start-ups and running "
        "proofs of concept in our plants and R&D centres.",
        ["Proof-of-concept projects with our vehicle development and production teams"],
        [
            "A steady pipeline of vetted, investable start-ups in mobility and energy",
            "Hydrogen drive modules for a light-truck prototype",
            "Extra capacity for virtual impact analysis of new body structures",
        ],
        1952,
        5000,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "ditzingen",
        "Werkzeugmaschinen Glems GmbH",
        ["mechanical_engineering_production"],
        ["ai.predictive_maintenance", "network.export_partners", "design.ux_product"],
        ["pilot.machine_builder", "manufacturing.cnc_prototyping"],
        "Hersteller von Werkzeugmaschinen für die Blechbearbeitung; im eigenen Technikum fertigen "
        "wir auch Musterteile für Kunden.",
        [
            "Erprobung neuer Technologien auf unseren Maschinen – wir sind Pilotpartner für junge "
            "Firmen",
            "Musterteile und Prototypen aus unserem Technikum (Fräsen, Drehen)",
        ],
        [
            "Ausfallvorhersage für Antriebe und Führungen unserer Maschinen im Feld",
            "Kontakte zu Vertriebspartnern und Händlern in Südostasien",
            "Neue Bedienoberfläche für unsere Maschinensteuerung",
        ],
        1955,
        900,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "plochingen",
        "Neckar EMC Testhouse GmbH",
        ["it_hardware", "automotive_mobility"],
        ["talent.working_students", "ai.document_llm"],
        ["testing.emc"],
        "Accredited laboratory for electromagnetic compatibility, radio and electrical safety "
        "testing.",
        [
            "Accredited EMC testing in anechoic chambers: emissions, immunity, automotive "
            "component "
            "standards"
        ],
        [
            "Electrical-engineering students who help prepare tests part-time",
            "Software that drafts test reports from measurement data and standard texts",
        ],
        2001,
        55,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "stuttgart-wangen",
        "Kanzlei Patentwerk",
        ["mechanical_engineering_production", "it_ai"],
        ["ai.document_llm"],
        ["advisory.ip_patents"],
        "Patentanwaltskanzlei für Maschinenbau, Elektrotechnik und Software; wir betreuen "
        "Start-ups ebenso wie Konzerne.",
        [
            "Patentrecherche, Anmeldung und Verteidigung von Schutzrechten in Deutschland, Europa "
            "und "
            "den USA"
        ],
        [
            "Ein Sprachmodell-Werkzeug, das Patentschriften und Bescheide des Patentamts "
            "zusammenfasst"
        ],
        1990,
        30,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "kornwestheim",
        "Ostring Logistik GmbH",
        ["logistics", "green_tech"],
        ["energy.fuel_cell_systems", "quantum.computing_access"],
        ["space.production_hall"],
        "Contract logistics provider with 180,000 m² of warehouses in the Ludwigsburg district.",
        ["Leasing of warehouse and light-industrial halls from 1,000 m², with loading docks"],
        [
            "Hydrogen-powered forklifts and trucks for our yard fleet",
            "Experiments with quantum computers for routing and warehouse slotting",
        ],
        1979,
        850,
        False,
    ),
    make_org(
        "de",
        "established",
        None,
        "schorndorf",
        "Rems Elektronikfertigung GmbH",
        ["it_hardware"],
        ["ai.vision_inspection", "talent.skilled_technicians"],
        ["manufacturing.pcb_assembly"],
        "Elektronikfertiger (EMS) für Industrie- und Medizintechnik mit SMD- und THT-Bestückung.",
        ["Leiterplattenbestückung von Prototypen bis Großserie, inklusive Test und Verguss"],
        [
            "KI-gestützte optische Kontrolle der bestückten Baugruppen",
            "Elektronikerinnen und Elektroniker für Geräte und Systeme",
        ],
        1994,
        180,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "stuttgart-mitte",
        "Kestrel AI Advisory",
        ["it_ai"],
        ["talent.working_students"],
        ["ai.strategy_consulting"],
        "Management consultancy helping boards and SMEs decide where artificial intelligence pays "
        "off, and how to govern it under the EU AI Act.",
        ["AI roadmaps, use-case prioritisation and governance under the EU AI Act"],
        ["Business students supporting our projects part-time"],
        2018,
        25,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "leinfelden-echterdingen",
        "Sicherheitsberatung Filder GmbH",
        ["security_defence", "automotive_mobility"],
        ["talent.working_students", "ai.document_llm"],
        ["cyber.tisax_audit"],
        "Beratung für Informationssicherheit in der Automobil-Lieferkette; wir bereiten Zulieferer "
        "auf die Prüfung nach VDA ISA vor und begleiten das Assessment.",
        ["Vorbereitung und Begleitung des TISAX-Assessments für Zulieferer"],
        [
            "Studierende der Informatik oder Wirtschaftsinformatik, die uns neben dem Studium "
            "unterstützen",
            "Werkzeug, das Sicherheitsrichtlinien und Nachweisdokumente automatisch auswertet",
        ],
        2011,
        18,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "ehningen",
        "Ehningen Test Rigs GmbH",
        ["automotive_mobility", "mechanical_engineering_production"],
        ["talent.skilled_technicians", "energy.stationary_storage"],
        ["testing.durability_rig"],
        "Test centre for endurance and fatigue testing of chassis, drivetrain and e-drive "
        "components.",
        ["Multi-axis endurance and fatigue tests on servo-hydraulic rigs, 24/7"],
        [
            "Mechatronics technicians for rig operation and maintenance",
            "A large battery buffer to shave the power peaks of our rigs",
        ],
        1996,
        110,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "donzdorf",
        "Donzdorfer Kunststofftechnik GmbH",
        ["automotive_mobility", "mechanical_engineering_production"],
        ["recycling.plastics", "energy.stationary_storage", "cyber.tisax_audit"],
        ["manufacturing.cnc_prototyping"],
        "Spritzgießer für Automobil-Innenraumteile mit eigenem Werkzeugbau.",
        ["Unser Werkzeugbau fräst Prototypenteile und Formeinsätze auch für externe Kunden"],
        [
            "Hochwertiges Kunststoff-Rezyklat in gleichbleibender Qualität",
            "Batteriespeicher für unser Werk, um Lastspitzen zu kappen und Solarstrom zu nutzen",
            "Unterstützung beim Informationssicherheits-Nachweis, den unsere OEM-Kunden fordern",
        ],
        1971,
        240,
        True,
    ),
    make_org(
        "en",
        "established",
        None,
        "stuttgart-vaihingen",
        "Brightline Design Studio",
        ["creative_industries"],
        ["space.office"],
        ["design.ux_product", "design.brand_campaign"],
        "Design studio for digital products and brands, working for mechanical engineering and "
        "mobility clients.",
        [
            "User research, interaction design and usability testing for industrial software and "
            "apps",
            "Brand strategy, corporate design and advertising campaigns",
        ],
        ["A larger studio and office space (about 300 m²) in central Stuttgart"],
        2008,
        28,
        True,
    ),
    make_org(
        "de",
        "established",
        None,
        "marbach",
        "Marbacher Gewerbeimmobilien GmbH",
        ["logistics", "mechanical_engineering_production"],
        ["energy.stationary_storage", "design.brand_campaign"],
        ["space.production_hall", "space.office"],
        "Wir entwickeln und vermieten Gewerbeimmobilien im Landkreis Ludwigsburg – von Büroetagen "
        "bis zu Produktions- und Lagerhallen.",
        [
            "Produktions- und Lagerhallen von 500 bis 8.000 m² zur Miete",
            "Büroflächen und ganze Büroetagen ab 150 m²",
        ],
        [
            "Quartiersspeicher für unsere Gewerbeparks, um PV-Strom zwischenzuspeichern",
            "Vermarktungskampagne für einen neuen Gewerbepark",
        ],
        1999,
        20,
        False,
    ),
    make_org(
        "en",
        "established",
        None,
        "weinstadt",
        "Weinstadt Gear Systems GmbH",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["network.export_partners", "talent.international_recruiting", "cyber.ot_security"],
        ["manufacturing.cnc_prototyping"],
        "Mid-sized maker of precision gearboxes for robots and e-bikes, with its own gear-cutting "
        "and milling shop.",
        ["Machining of prototype gears, shafts and housings for external customers"],
        [
            "Introductions to distributors and customers in the US and India",
            "Recruiting skilled machinists from abroad",
            "Securing our networked production against ransomware",
        ],
        1968,
        280,
        True,
    ),
    # ---------------- research ----------------
    make_org(
        "de",
        "research",
        None,
        "stuttgart-vaihingen",
        "Institut für Fahrzeugsicherheit und Leichtbau",
        ["automotive_mobility"],
        ["funding.grant_rd"],
        ["testing.crash_sim", "talent.working_students"],
        "Universitätsinstitut für passive Sicherheit, Crashmechanik und Leichtbau mit eigener "
        "Crashanlage und Simulationscluster.",
        [
            "Numerische und experimentelle Crashanalysen für Industriepartner",
            "Vermittlung von Studierenden als Werkstudenten und für Abschlussarbeiten",
        ],
        ["Fördermittel für Verbundforschung mit Zulieferern"],
        1970,
        120,
        True,
    ),
    make_org(
        "en",
        "research",
        None,
        "esslingen",
        "Neckar Institute for Electrochemical Storage",
        ["green_tech", "automotive_mobility"],
        ["recycling.battery_materials", "funding.grant_rd"],
        ["testing.battery_cells", "advisory.tech_due_diligence"],
        "Applied research institute for electrode chemistry, cell design and battery safety.",
        [
            "Cell characterisation and abuse testing in our climate chambers and bunker",
            "Independent expert opinions on battery technologies for investors",
        ],
        [
            "Industrial partner for closed-loop recovery of cathode materials",
            "Grant funding for a project on sodium-ion cells",
        ],
        2005,
        160,
        True,
    ),
    make_org(
        "de",
        "research",
        None,
        "stuttgart-vaihingen",
        "Quantenlabor Pfaffenwald",
        ["quantum", "it_hardware"],
        ["manufacturing.pcb_assembly", "talent.international_recruiting"],
        ["quantum.computing_access", "quantum.sensing", "space.lab"],
        "Forschungszentrum für Quantentechnologien: Quantenrechner, Quantensensorik und "
        "Reinraumfertigung.",
        [
            "Zugang zu unserem supraleitenden Quantenrechner für Forschungs- und Industrieprojekte",
            "Gemeinsame Entwicklung von Quantensensoren für Medizin- und Materialanalytik",
            "Untervermietung von Reinraum- und Laborflächen an junge Firmen",
        ],
        [
            "Bestückung von Steuer- und Ausleseelektronik in Kleinserie",
            "Anwerbung internationaler Forschender inklusive Visum",
        ],
        2019,
        90,
        True,
    ),
    make_org(
        "en",
        "research",
        None,
        "ludwigsburg",
        "Institute for Industrial AI Ludwigsburg",
        ["it_ai", "mechanical_engineering_production"],
        ["pilot.machine_builder", "funding.grant_rd"],
        ["ai.vision_inspection", "ai.predictive_maintenance"],
        "Applied research institute for machine learning in production: image-based quality "
        "control, machine health and robotics.",
        [
            "Joint projects on image-based defect detection in manufacturing",
            "Data-driven prognosis of machine breakdowns",
        ],
        [
            "Machinery manufacturers who provide test machines and field data",
            "Public funding for transfer projects with SMEs",
        ],
        2016,
        75,
        True,
    ),
    make_org(
        "de",
        "research",
        None,
        "herrenberg",
        "Hochschule für Technik Gäu",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["pilot.automotive_oem"],
        ["talent.working_students", "space.lab"],
        "Hochschule für angewandte Wissenschaften mit Studiengängen in Fahrzeugtechnik, "
        "Mechatronik "
        "und Informatik.",
        [
            "Studierende für Teilzeitjobs, Praxissemester und Abschlussarbeiten",
            "Labore und Prüffelder für Gründungsteams aus der Hochschule",
        ],
        ["Zusammenarbeit mit Fahrzeugherstellern für Studierendenprojekte im Werk"],
        1971,
        400,
        True,
    ),
    make_org(
        "en",
        "research",
        None,
        "goeppingen",
        "Fils Institute for Production Technology",
        ["mechanical_engineering_production", "aerospace"],
        ["funding.grant_rd", "talent.skilled_technicians"],
        [
            "manufacturing.cnc_prototyping",
            "manufacturing.additive_metal",
            "advisory.tech_due_diligence",
        ],
        "Research institute for machining, additive manufacturing and production planning.",
        [
            "Prototype machining on 5-axis centres",
            "Laser melting of metal powders and process qualification",
            "Technology assessments of manufacturing start-ups for investors",
        ],
        ["Research grants for joint projects with SMEs", "Lab technicians and machine operators"],
        1992,
        140,
        True,
    ),
    make_org(
        "de",
        "research",
        None,
        "stuttgart-feuerbach",
        "Institut für Elektromagnetische Verträglichkeit Feuerbach",
        ["it_hardware", "automotive_mobility"],
        ["funding.grant_rd", "manufacturing.pcb_assembly"],
        ["testing.emc"],
        "Forschungsinstitut für elektromagnetische Verträglichkeit von Fahrzeug- und "
        "Energieelektronik.",
        ["EMV-Messungen und Störsimulation in Absorberhallen und TEM-Zellen"],
        [
            "Förderprogramme für Forschungsprojekte zur EMV von Hochvoltbordnetzen",
            "Fertigung von Testplatinen in kleinen Stückzahlen",
        ],
        1985,
        60,
        True,
    ),
    make_org(
        "en",
        "research",
        None,
        "ostfildern",
        "Hydrogen Research Centre Filder",
        ["green_tech"],
        ["pilot.municipal_testbed", "funding.grant_rd"],
        ["energy.electrolysis", "energy.fuel_cell_systems"],
        "Research centre for electrolysers, fuel cells and hydrogen infrastructure.",
        [
            "Development and testing of electrolyser stacks",
            "Fuel-cell drive development for vehicles and stationary power",
        ],
        [
            "A municipality to host a demonstration hydrogen filling station",
            "Public research money for scale-up projects",
        ],
        2010,
        130,
        True,
    ),
    make_org(
        "de",
        "research",
        None,
        "fellbach",
        "Forschungsstelle Kreislaufwirtschaft Rems",
        ["green_tech"],
        ["ai.vision_inspection", "funding.grant_rd"],
        ["recycling.plastics", "advisory.tech_due_diligence"],
        "Forschungsstelle für Kunststoffrecycling, Sortierung und Materialkreisläufe.",
        [
            "Verfahren zum werkstofflichen Recycling von Kunststoffen gemeinsam entwickeln und "
            "erproben",
            "Technische Gutachten zu Recyclingtechnologien für Investoren",
        ],
        [
            "Bildverarbeitung mit KI zur Sortierung von Kunststoffflakes",
            "Fördermittel für Verbundprojekte",
        ],
        2003,
        45,
        True,
    ),
    make_org(
        "en",
        "research",
        None,
        "stuttgart-mitte",
        "Centre for Industrial Cybersecurity Stuttgart",
        ["security_defence", "it_ai"],
        ["pilot.machine_builder", "funding.grant_rd"],
        ["cyber.ot_security"],
        "University research centre on the security of control systems, industrial networks and "
        "embedded devices.",
        [
            "Security analyses and hardening of industrial control systems, including "
            "remote-access "
            "paths"
        ],
        [
            "Machinery manufacturers who open their controllers for joint research",
            "Public research grants",
        ],
        2014,
        40,
        True,
    ),
    make_org(
        "de",
        "research",
        None,
        "bietigheim-bissingen",
        "Institut für Mensch-Technik-Interaktion",
        ["creative_industries", "it_ai"],
        ["funding.grant_rd", "pilot.municipal_testbed"],
        ["design.ux_product"],
        "Forschungsinstitut für nutzerzentrierte Gestaltung von Maschinen, Fahrzeugen und "
        "digitalen "
        "Diensten.",
        [
            "Nutzerstudien und Gestaltung von Bedienkonzepten für Maschinen und digitale "
            "Bürgerdienste"
        ],
        [
            "Fördermittel für ein Projekt zu barrierefreien Verwaltungsdiensten",
            "Eine Kommune als Reallabor für digitale Bürgerdienste",
        ],
        2000,
        35,
        False,
    ),
    make_org(
        "en",
        "research",
        None,
        "boeblingen",
        "Böblingen Transfer Institute",
        ["it_ai", "automotive_mobility"],
        ["ai.document_llm", "design.brand_campaign"],
        ["advisory.ip_patents", "network.dealflow"],
        "Technology transfer office of the regional universities: patents, licensing and spin-off "
        "support.",
        [
            "Patent filing support and licensing of university inventions",
            "Introductions to our spin-off pipeline for investors and corporates",
        ],
        [
            "Language-model tools to screen invention disclosures and patent literature",
            "A campaign that makes our spin-offs visible",
        ],
        2012,
        22,
        True,
    ),
    # ---------------- investors ----------------
    make_org(
        "de",
        "investor",
        None,
        "stuttgart-mitte",
        "Neckar Business Angels e.V.",
        ["it_ai", "green_tech", "automotive_mobility"],
        ["network.dealflow", "advisory.tech_due_diligence"],
        ["funding.seed"],
        "Netzwerk von 60 Business Angels aus der Region, die in junge Technologieunternehmen "
        "investieren.",
        ["Beteiligungen von 50.000 bis 500.000 € in der Frühphase, dazu Mentoring"],
        [
            "Zugang zu vorqualifizierten Gründungsteams",
            "Fachliche Bewertung von Technologien vor dem Investment",
        ],
        2004,
        3,
        True,
    ),
    make_org(
        "en",
        "investor",
        None,
        "stuttgart-mitte",
        "Kessel Growth Partners",
        ["it_ai", "mechanical_engineering_production"],
        ["advisory.tech_due_diligence", "network.dealflow"],
        ["funding.growth_equity"],
        "Growth-stage fund investing 10–40 M€ in profitable or fast-growing technology companies. "
        "We do not invest in seed or pre-seed start-ups.",
        ["Expansion capital (Series B and later) for technology scale-ups"],
        [
            "Independent technology assessments of investment targets",
            "Access to scale-ups preparing a late-stage round",
        ],
        2015,
        12,
        True,
    ),
    make_org(
        "de",
        "investor",
        None,
        "boeblingen",
        "Gäu Seed Fonds GmbH",
        ["automotive_mobility", "it_ai", "it_hardware"],
        ["network.dealflow"],
        ["funding.seed"],
        "Frühphasenfonds von Sparkassen und Unternehmen im Kreis Böblingen für "
        "technologieorientierte Gründungen.",
        [
            "Erstfinanzierung von 100.000 bis 1 Mio. € für Gründungen in der Pre-Seed- und "
            "Seed-Phase"
        ],
        ["Hochschulen und Acceleratoren, die uns Gründungsteams vorstellen"],
        2017,
        5,
        True,
    ),
    make_org(
        "en",
        "investor",
        None,
        "ludwigsburg",
        "Cleanvolt Ventures",
        ["green_tech", "automotive_mobility"],
        ["advisory.tech_due_diligence"],
        ["funding.growth_equity"],
        "Climate-tech venture fund. We lead Series B and growth rounds for battery, hydrogen and "
        "recycling companies that already have revenue; no seed or idea-stage investments.",
        ["Lead investments of 8–25 M€ in later-stage climate-tech rounds"],
        ["Expert assessment of battery and electrolyser technologies in our deals"],
        2020,
        9,
        True,
    ),
    make_org(
        "de",
        "investor",
        None,
        "esslingen",
        "Mittelstandsbeteiligungen Neckar GmbH",
        ["mechanical_engineering_production"],
        ["network.dealflow"],
        ["funding.growth_equity"],
        "Beteiligungsgesellschaft für Wachstums- und Nachfolgefinanzierungen im Mittelstand.",
        [
            "Minderheitsbeteiligungen und Wachstumskapital ab 2 Mio. € für etablierte und "
            "wachsende "
            "Unternehmen"
        ],
        ["Kontakte zu wachstumsstarken Unternehmen mit Kapitalbedarf"],
        2001,
        14,
        True,
    ),
    make_org(
        "en",
        "investor",
        None,
        "stuttgart-vaihingen",
        "Deeptech Angels Stuttgart",
        ["quantum", "it_hardware", "aerospace"],
        ["advisory.tech_due_diligence", "advisory.ip_patents"],
        ["funding.seed"],
        "Angel syndicate for hardware, quantum and space start-ups coming out of the universities.",
        ["First cheques of 100–750 k€ for deep-tech founders, often before the first product"],
        [
            "Scientific assessment of a start-up's technology before we invest",
            "Freedom-to-operate and patent portfolio reviews for our deals",
        ],
        2019,
        2,
        False,
    ),
    make_org(
        "de",
        "investor",
        None,
        "waiblingen",
        "Remstal Ventures GmbH",
        ["mechanical_engineering_production", "it_ai"],
        ["network.dealflow"],
        ["funding.seed", "pilot.machine_builder"],
        "Corporate-Venture-Einheit eines Maschinenbauers: Wir investieren früh in "
        "Industrie-Software "
        "und Sensorik und bringen die Teams in unsere Fabriken.",
        [
            "Frühphasen-Beteiligungen bis 1 Mio. €",
            "Erprobung an Maschinen und Anlagen unserer Muttergesellschaft",
        ],
        ["Regelmäßiger Zugang zu Gründungen aus Produktion und Industrie-IT"],
        2021,
        6,
        True,
    ),
    # ---------------- intermediaries ----------------
    make_org(
        "de",
        "intermediary",
        None,
        "stuttgart-mitte",
        "Gründerhaus Stuttgart",
        ["it_ai", "creative_industries"],
        ["funding.seed", "design.brand_campaign"],
        ["space.office", "network.dealflow"],
        "Accelerator und Coworking für technologieorientierte Gründungen mitten in Stuttgart.",
        [
            "Flexible Arbeitsplätze und Teambüros für Gründungsteams",
            "Demo Days, bei denen Investoren unsere Teams kennenlernen",
        ],
        [
            "Business Angels und Frühphasenfonds als Partner unseres Programms",
            "Kampagne, um das Programm international bekannt zu machen",
        ],
        2015,
        12,
        True,
    ),
    make_org(
        "en",
        "intermediary",
        None,
        "esslingen",
        "Esslingen Technology Park",
        ["green_tech", "it_hardware"],
        ["design.brand_campaign"],
        ["space.lab", "space.office"],
        "Technology park with 25,000 m² of labs, offices and workshops for young technology "
        "companies.",
        [
            "Chemistry and electronics lab units from 30 m², fully fitted",
            "Furnished offices on flexible terms",
        ],
        ["A marketing campaign to attract tenants from abroad"],
        2006,
        15,
        True,
    ),
    make_org(
        "de",
        "intermediary",
        None,
        "ludwigsburg",
        "Cluster Elektromobilität Region Stuttgart",
        ["automotive_mobility", "green_tech"],
        ["funding.grant_rd"],
        ["network.export_partners", "network.dealflow"],
        "Branchennetzwerk von über 150 Unternehmen und Forschungseinrichtungen der "
        "Elektromobilität.",
        [
            "Delegationsreisen und Kontakte zu Abnehmern in China, den USA und Skandinavien",
            "Start-up-Pitches für Mitgliedsunternehmen und Investoren",
        ],
        ["Fördermittel für Cluster-Verbundprojekte"],
        2010,
        10,
        True,
    ),
    make_org(
        "en",
        "intermediary",
        None,
        "stuttgart-mitte",
        "International Welcome Centre Region Stuttgart",
        ["it_ai", "mechanical_engineering_production"],
        ["ai.document_llm"],
        ["talent.international_recruiting", "network.market_entry"],
        "One-stop service for international professionals and companies coming to the Stuttgart "
        "region.",
        [
            "Recruiting support, visa guidance and onboarding for skilled workers from abroad",
            "Soft-landing service for foreign companies: registration, legal form, first contacts",
        ],
        ["Multilingual AI assistant that answers questions about forms and residence permits"],
        2014,
        20,
        True,
    ),
    make_org(
        "de",
        "intermediary",
        None,
        "goeppingen",
        "Bildungszentrum Metall Fils",
        ["mechanical_engineering_production"],
        ["talent.international_recruiting"],
        ["talent.skilled_technicians"],
        "Überbetriebliche Ausbildungsstätte für Metall- und Elektroberufe, Umschulungen und "
        "Meisterkurse.",
        [
            "Qualifizierung und Vermittlung von Facharbeitern für Zerspanung, Mechatronik und "
            "Elektrotechnik"
        ],
        ["Partner für die Anwerbung von Auszubildenden aus dem Ausland"],
        1978,
        45,
        True,
    ),
    make_org(
        "en",
        "intermediary",
        None,
        "sindelfingen",
        "Automotive Supplier Network Böblingen",
        ["automotive_mobility"],
        ["ai.strategy_consulting"],
        ["network.export_partners", "cyber.tisax_audit"],
        "Association of 90 automotive suppliers in the Böblingen district.",
        [
            "Joint trade-fair stands and contacts to buyers abroad",
            "Group programme that takes members through the automotive information-security "
            "assessment "
            "together",
        ],
        ["Advisers who help our member firms work out where AI fits their business"],
        2003,
        6,
        False,
    ),
    make_org(
        "de",
        "intermediary",
        None,
        "backnang",
        "Wirtschaftsforum Rems-Murr",
        ["mechanical_engineering_production"],
        ["ai.document_llm"],
        ["talent.skilled_technicians", "network.export_partners"],
        "Unternehmensnetzwerk und Ausbildungsverbund im Rems-Murr-Kreis.",
        [
            "Vermittlung von Fachkräften aus Ausbildungsverbund und Umschulung",
            "Außenwirtschaftsberatung und Kontakte zu Auslandshandelskammern",
        ],
        ["KI-Werkzeug, das Förderrichtlinien und Ausschreibungen für Mitglieder auswertet"],
        1998,
        9,
        False,
    ),
    make_org(
        "en",
        "intermediary",
        None,
        "stuttgart-bad-cannstatt",
        "AI Alliance Stuttgart",
        ["it_ai"],
        ["funding.grant_rd", "space.office"],
        ["ai.strategy_consulting"],
        "Non-profit network of AI companies and researchers; we run meetups and help firms take "
        "their first steps with AI.",
        ["Free AI orientation sessions and use-case workshops for SMEs"],
        ["Public funding for our SME transfer programme", "Desks and a meeting room for our team"],
        2019,
        5,
        True,
    ),
    # ---------------- public bodies ----------------
    make_org(
        "de",
        "public",
        None,
        "stuttgart-mitte",
        "Stadt Stuttgart – Stabsstelle Digitale Verwaltung",
        ["it_ai"],
        ["ai.document_llm", "ai.strategy_consulting"],
        ["pilot.municipal_testbed"],
        "Die Stabsstelle treibt die Digitalisierung der Stadtverwaltung voran und öffnet Ämter für "
        "Erprobungen mit jungen Unternehmen.",
        ["Erprobung neuer digitaler Lösungen in Ämtern und im öffentlichen Raum (Reallabor)"],
        [
            "Werkzeuge, die Anträge und Akten mit Sprachmodellen auswerten",
            "Beratung zu einer KI-Strategie für die gesamte Verwaltung",
        ],
        2020,
        25,
        True,
    ),
    make_org(
        "en",
        "public",
        None,
        "filderstadt",
        "City of Filderstadt – Business Development",
        ["green_tech", "logistics"],
        ["energy.stationary_storage", "energy.electrolysis"],
        ["space.production_hall", "pilot.municipal_testbed"],
        "Business development office of the city of Filderstadt, next to the airport and the trade "
        "fair.",
        [
            "Commercial plots and a new 6,000 m² manufacturing hall in the Bonlanden industrial "
            "estate",
            "City facilities as a test site for new mobility and energy solutions",
        ],
        [
            "Battery storage for municipal buildings and the local heat network",
            "On-site production of green hydrogen for the city fleet",
        ],
        1975,
        12,
        True,
    ),
    make_org(
        "de",
        "public",
        None,
        "bietigheim-bissingen",
        "Stadt Bietigheim-Bissingen – Wirtschaftsförderung",
        ["automotive_mobility", "logistics"],
        ["design.brand_campaign", "energy.fuel_cell_systems"],
        ["space.production_hall", "space.office"],
        "Die Wirtschaftsförderung vermarktet Gewerbeflächen und unterstützt Ansiedlungen.",
        [
            "Gewerbegrundstücke und Hallenflächen für produzierende Betriebe",
            "Büroflächen im Gründerzentrum am Bahnhof",
        ],
        [
            "Standortkampagne zur Gewinnung von Unternehmen und Fachkräften",
            "Brennstoffzellenbusse für den Stadtverkehr erproben",
        ],
        1975,
        8,
        False,
    ),
    make_org(
        "en",
        "public",
        None,
        "stuttgart-mitte",
        "Regional Innovation Funding Office",
        ["it_ai", "green_tech", "automotive_mobility"],
        ["advisory.tech_due_diligence"],
        ["funding.grant_rd"],
        "Public agency administering state and EU innovation grants for companies and research "
        "institutions in the region.",
        ["Non-repayable grants for research and development projects, alone or in consortia"],
        ["External technical reviewers to evaluate grant applications"],
        2002,
        40,
        True,
    ),
    make_org(
        "de",
        "public",
        None,
        "waiblingen",
        "Stadtwerke Remstal",
        ["green_tech"],
        ["cyber.ot_security", "ai.predictive_maintenance", "energy.electrolysis"],
        ["pilot.municipal_testbed"],
        "Kommunales Versorgungsunternehmen für Strom, Wasser und Wärme im Remstal.",
        ["Unsere Netze, Wasserwerke und Liegenschaften als Testfeld für neue Technologien"],
        [
            "Schutz der Leittechnik unserer Wasserwerke gegen Cyberangriffe",
            "Ausfallvorhersage für Pumpen und Netzkomponenten",
            "Elektrolyseur zur Wasserstofferzeugung mit Überschussstrom",
        ],
        1950,
        310,
        True,
    ),
    make_org(
        "en",
        "public",
        None,
        "goeppingen",
        "District of Göppingen – Economic Development",
        ["mechanical_engineering_production", "logistics"],
        ["design.brand_campaign"],
        ["network.market_entry", "space.office", "talent.international_recruiting"],
        "Economic development office of the Göppingen district, supporting companies that want to "
        "settle in the Fils valley.",
        [
            "Settlement support for companies from abroad: permits, sites, contacts",
            "Offices in the district's innovation centre",
            "Welcome service that helps employers hire skilled workers from other countries",
        ],
        ["A location-marketing campaign for the Fils valley"],
        1973,
        10,
        False,
    ),
    make_org(
        "de",
        "public",
        None,
        "boeblingen",
        "Innovationsförderung Landkreis Böblingen",
        ["automotive_mobility", "it_ai"],
        ["ai.document_llm"],
        ["funding.grant_rd"],
        "Förderstelle des Landkreises für Innovationsprojekte kleiner und mittlerer Unternehmen.",
        ["Zuschüsse für Forschungs- und Entwicklungsvorhaben von KMU und Gründungen"],
        ["Software, die Förderanträge vorprüft und zusammenfasst"],
        2012,
        7,
        True,
    ),
    # =====================================================================
    # Second batch (eval-org-091 ..). Appended only; the records above keep
    # their order, ids and texts so that earlier results stay comparable.
    # =====================================================================
    # ---------------- investors with a public thesis (091-098) ----------------
    # 091
    make_org(
        "de",
        "investor",
        None,
        "stuttgart-feuerbach",
        "Hardware-Angels Region Stuttgart e.V.",
        ["it_hardware", "aerospace"],
        ["network.dealflow"],
        ["funding.seed"],
        "Rund 40 Ingenieurinnen, Gründer und ehemalige Entwicklungsleiter aus der Region "
        "investieren gemeinsam in Hardware-Teams – bevor es ein fertiges Produkt oder eine "
        "Seed-Runde gibt.",
        [
            "Erste Beteiligungen von 25.000 bis 250.000 € für Hardware-Gründungen in der Ideen- "
            "und "
            "Pre-Seed-Phase, dazu Mentoring durch erfahrene Entwickler"
        ],
        [
            "Hochschulen, Makerspaces und Inkubatoren, die uns Hardware-Teams vorstellen, lange "
            "bevor "
            "sie eine Finanzierungsrunde planen"
        ],
        2018,
        2,
        True,
        investment=thesis(["idea", "pre_seed"], ["it_hardware", "aerospace"], 25000, 250000),
    ),
    # 092
    make_org(
        "en",
        "investor",
        None,
        "leinfelden-echterdingen",
        "Sentinel Dual-Use Ventures",
        ["security_defence", "aerospace"],
        ["advisory.tech_due_diligence"],
        ["funding.seed"],
        "Seed fund for dual-use technology: we back young companies whose products serve civil "
        "customers and European defence and security forces alike – drones, sensing, secure "
        "communications.",
        [
            "Seed investments of 250 k€ to 2 M€ for dual-use start-ups, plus introductions to "
            "procurement offices and defence primes"
        ],
        [
            "Independent engineers who assess a target's technology readiness and export-control "
            "risks before we invest"
        ],
        2023,
        6,
        True,
        investment=thesis(["pre_seed", "seed"], ["security_defence", "aerospace"], 250000, 2000000),
    ),
    # 093
    make_org(
        "en",
        "investor",
        None,
        "esslingen",
        "Greenfield Climate Ventures",
        ["green_tech"],
        ["advisory.tech_due_diligence", "network.dealflow"],
        ["funding.early_venture"],
        "Climate-tech venture fund leading first institutional rounds. We come in when a team has "
        "paying pilot customers and needs to industrialise – not before, and not for late-stage "
        "growth.",
        ["Series A funding of 3–6 M€ for climate-tech companies with first customers"],
        [
            "Technical reviews of the electrolyser, storage and recycling processes in our deals",
            "A flow of climate-tech teams that are about to raise their first institutional round",
        ],
        2021,
        8,
        True,
        investment=thesis(["series_a"], ["green_tech"], 2000000, 8000000),
    ),
    # 094
    make_org(
        "de",
        "investor",
        None,
        "stuttgart-mitte",
        "Wachstumskapital Württemberg GmbH",
        ["mechanical_engineering_production", "it_ai", "green_tech"],
        ["network.dealflow"],
        ["funding.growth_equity"],
        "Unabhängiger Wachstumsfonds für Technologieunternehmen aller Branchen ab der Series B. "
        "Wir "
        "investieren nicht in Seed- oder Frühphasenrunden – auch nicht in vielversprechende "
        "Wasserstoff- oder KI-Start-ups.",
        [
            "Wachstumsfinanzierungen von 10 bis 50 Mio. € für Unternehmen mit belegtem "
            "Umsatzwachstum, ab der Series B"
        ],
        [
            "Kontakte zu Scale-ups, die in den nächsten zwölf Monaten eine große "
            "Finanzierungsrunde "
            "planen"
        ],
        2016,
        18,
        True,
        investment=thesis(["series_b_plus", "growth"], [], 10000000, 50000000),
    ),
    # 095
    make_org(
        "en",
        "investor",
        None,
        "stuttgart-vaihingen",
        "Qubit Seed Partners",
        ["quantum", "it_hardware"],
        ["advisory.ip_patents"],
        ["funding.seed"],
        "Specialist seed investor for quantum technologies. Our entry ticket is a working lab "
        "demonstrator: we do not fund teams at the idea stage. We also organise patent protection "
        "for our portfolio companies.",
        [
            "Pre-seed and seed investments of 150 k€ to 1.5 M€ in quantum sensing, computing and "
            "communication start-ups"
        ],
        ["Patent searches, filings and defence of IP rights in Germany, Europe and the US"],
        2022,
        4,
        False,
        investment=thesis(["pre_seed", "seed"], ["quantum"], 150000, 1500000),
    ),
    # 096
    make_org(
        "de",
        "investor",
        None,
        "ludwigsburg",
        "Klimaengel – Business Angels für Klimaschutz e.V.",
        ["green_tech"],
        ["advisory.tech_due_diligence"],
        ["funding.seed"],
        "Business-Angels-Netzwerk, das ausschließlich in junge Klimaschutz-Technologien "
        "investiert: Energie, Kreislaufwirtschaft, Wasserstoff.",
        [
            "Beteiligungen von 50.000 bis 400.000 € in der Pre-Seed- und Seed-Phase für "
            "Klimatechnik-Gründungen"
        ],
        [
            "Fachgutachten zur technischen Reife von Recycling-, Speicher- und "
            "Wasserstoffverfahren "
            "vor einer Beteiligung"
        ],
        2020,
        3,
        True,
        investment=thesis(["pre_seed", "seed"], ["green_tech"], 50000, 400000),
    ),
    # 097
    make_org(
        "en",
        "investor",
        None,
        "stuttgart-feuerbach",
        "Axlewerk Ventures",
        ["automotive_mobility", "logistics"],
        ["network.dealflow"],
        ["funding.early_venture", "pilot.automotive_oem"],
        "Corporate venture arm of a tier-1 automotive supplier. We invest in mobility and "
        "logistics start-ups and open our plants to them.",
        [
            "Minority stakes of 0.5–5 M€ in seed and Series A rounds of mobility and logistics "
            "start-ups",
            "Pilot projects in our brake and steering plants",
        ],
        ["A steady stream of mobility and logistics start-ups preparing a funding round"],
        2019,
        7,
        True,
        investment=thesis(
            ["seed", "series_a"], ["automotive_mobility", "logistics"], 500000, 5000000
        ),
    ),
    # 098
    make_org(
        "de",
        "investor",
        None,
        "stuttgart-mitte",
        "Softwarefonds Neckar GmbH",
        ["it_ai"],
        ["advisory.tech_due_diligence"],
        ["funding.seed"],
        "Frühphasenfonds für Software und künstliche Intelligenz. Hardware, Sensorik und "
        "Fertigung finanzieren wir bewusst nicht.",
        [
            "Pre-Seed- und Seed-Beteiligungen von 200.000 bis 1,2 Mio. € für Software- und "
            "KI-Gründungen"
        ],
        [
            "Code- und Architektur-Reviews der Software unserer Beteiligungskandidaten durch "
            "unabhängige Fachleute"
        ],
        2021,
        5,
        True,
        investment=thesis(["pre_seed", "seed"], ["it_ai"], 200000, 1200000),
    ),
    # ---------------- start-ups and scale-ups with funding needs (099-109) ----------------
    # 099
    make_org(
        "de",
        "startup",
        "pre_seed",
        "kirchheim",
        "Funkenflug Sensorik UG",
        ["it_hardware", "mechanical_engineering_production"],
        ["funding.seed", "manufacturing.pcb_assembly"],
        ["ai.predictive_maintenance"],
        "Funkenflug baut batterielose Schwingungssensoren, die ihre Energie aus der Maschine "
        "selbst gewinnen. Eine KI-Auswertung in der Cloud meldet, wenn ein Lager oder ein Getriebe "
        "nachlässt.",
        [
            "Nachrüstbare, batterielose Sensorknoten, die Lagerschäden an Motoren und Pumpen "
            "Wochen im "
            "Voraus ankündigen"
        ],
        [
            "Business Angels, die an Hardware glauben und eine erste Runde von 150.000 € vor dem "
            "fertigen Prototypen mittragen",
            "Schnelle SMD-Bestückung und Lötung von Elektronik-Prototypen und Kleinserien "
            "(1–500 Platinen)",
        ],
        2025,
        3,
        False,
    ),
    # 100
    make_org(
        "en",
        "startup",
        "seed",
        "renningen",
        "Skyward Sentinel Robotics",
        ["aerospace", "security_defence"],
        ["funding.seed", "testing.emc"],
        ["aerial.drones"],
        "Skyward builds autonomous drones that patrol industrial perimeters, critical "
        "infrastructure and disaster zones – the same hardware serves civil protection and the "
        "armed forces.",
        [
            "Autonomous surveillance drones with thermal cameras and encrypted radio links, "
            "including "
            "ground station and operator training"
        ],
        [
            "A seed round of about 1.5 M€ from investors comfortable with dual-use hardware",
            "EMC pre-compliance measurements for flight controllers, radio modules and charging "
            "electronics",
        ],
        2023,
        14,
        True,
    ),
    # 101
    make_org(
        "de",
        "startup",
        "series_a",
        "wendlingen",
        "Anodyne Elektrolyse GmbH",
        ["green_tech", "mechanical_engineering_production"],
        ["funding.early_venture", "talent.skilled_technicians"],
        ["energy.electrolysis"],
        "Anodyne entwickelt Elektrolyseure mit Anionenaustauschmembran, die ohne Iridium und "
        "Platin "
        "auskommen, und hat die ersten drei Anlagen an Industriekunden ausgeliefert.",
        [
            "AEM-Elektrolyseure von 50 bis 500 kW für die Wasserstofferzeugung am Standort des "
            "Kunden"
        ],
        [
            "Series-A-Finanzierung von 3 bis 6 Mio. € für ein Klimatechnik-Unternehmen mit ersten "
            "Kunden",
            "Anlagenmechaniker und Elektronikerinnen für Endmontage und Inbetriebnahme",
        ],
        2021,
        26,
        True,
    ),
    # 102
    make_org(
        "en",
        "startup",
        "series_a",
        "kornwestheim",
        "Loopfreight GmbH",
        ["logistics", "it_ai"],
        ["funding.early_venture", "talent.working_students"],
        ["ai.document_llm"],
        "Loopfreight digitises the paperwork of road freight – consignment notes, delivery notes, "
        "customs forms – and uses it to fill empty return trips, saving forwarders fuel and CO2.",
        [
            "Language-model software that reads consignment notes, delivery notes and customs "
            "papers "
            "and books them into the forwarder's system"
        ],
        [
            "A Series A round of 4–7 M€ from investors who understand logistics software",
            "Business-informatics students who support our data team part-time during their "
            "studies",
        ],
        2021,
        30,
        True,
    ),
    # 103
    make_org(
        "en",
        "startup",
        "seed",
        "bietigheim-bissingen",
        "Recharge Loop GmbH",
        ["green_tech", "automotive_mobility"],
        ["funding.seed", "testing.battery_cells"],
        ["recycling.battery_materials"],
        "Recharge Loop refurbishes cathode material from cell-production scrap by direct "
        "recycling, without melting or leaching, and sells it back to cell makers.",
        [
            "Direct recycling of cathode scrap from cell production into ready-to-use active "
            "material"
        ],
        [
            "A seed round of around 1 M€ from climate-focused angels",
            "Cycle-life and ageing tests of cells built with our recycled cathode material",
        ],
        2024,
        9,
        False,
    ),
    # 104
    make_org(
        "en",
        "startup",
        "idea",
        "stuttgart-vaihingen",
        "Tessera Quantum",
        ["quantum", "aerospace"],
        ["funding.seed", "funding.grant_rd", "space.lab"],
        ["quantum.sensing"],
        "Three physicists from the university want to turn a diamond-based quantum gyroscope into "
        "a product for drones and satellites. We have a concept and first measurements, but no "
        "demonstrator and no company yet.",
        [
            "Rotation sensing with nitrogen-vacancy centres in diamond, for navigation without "
            "satellite signals"
        ],
        [
            "Pre-founding money to build a first demonstrator",
            "Public funding for a joint research project with the university",
            "Optical lab space with vibration isolation near the Vaihingen campus",
        ],
        2026,
        3,
        False,
    ),
    # 105
    make_org(
        "de",
        "startup",
        "pre_seed",
        "weil-der-stadt",
        "Qumodul GmbH",
        ["quantum", "it_hardware"],
        ["funding.seed", "advisory.ip_patents"],
        ["quantum.sensing"],
        "Qumodul baut kompakte Quantenmagnetometer-Module, mit denen Hersteller Ströme in "
        "Akkuzellen und Leistungselektronik berührungslos sichtbar machen.",
        [
            "Quantensensor-Module auf Diamantbasis zur berührungslosen Strommessung in Akkuzellen "
            "und "
            "Leistungselektronik"
        ],
        [
            "Eine Pre-Seed-Runde von 300.000 € mit Investoren, die Quantentechnologie verstehen",
            "Strategie für Patentanmeldungen in Europa und den USA",
        ],
        2025,
        4,
        False,
    ),
    # 106
    make_org(
        "en",
        "startup",
        "seed",
        "stuttgart-mitte",
        "Paperpilot AI",
        ["it_ai"],
        ["funding.seed", "talent.working_students"],
        ["ai.document_llm"],
        "Paperpilot answers public tenders for SMEs: our language-model agent reads the tender "
        "documents, checks the formal requirements and drafts the bid.",
        ["An AI agent that reads tender documents and drafts complete bids"],
        [
            "A seed round of 1 M€ led by a software-focused fund",
            "Computer-science and engineering students for part-time jobs alongside their degree",
        ],
        2024,
        7,
        True,
    ),
    # 107
    make_org(
        "en",
        "scaleup",
        "series_b_plus",
        "remseck",
        "Sichtwerk Robotics GmbH",
        ["it_ai", "mechanical_engineering_production"],
        ["funding.growth_equity", "talent.international_recruiting"],
        ["ai.vision_inspection"],
        "Sichtwerk builds robot cells that pick, measure and check castings and forgings; more "
        "than 150 cells run at foundries across Europe.",
        ["AI-based visual inspection for cast parts"],
        [
            "A growth round of 20 M€ to open a US subsidiary",
            "Recruiting robotics engineers from India and Brazil, including visas",
        ],
        2015,
        160,
        True,
    ),
    # 108
    make_org(
        "de",
        "startup",
        "series_a",
        "uhingen",
        "Präzisa Prozess-KI GmbH",
        ["mechanical_engineering_production", "it_ai"],
        ["funding.growth_equity", "pilot.machine_builder"],
        ["ai.predictive_maintenance"],
        "Präzisa sagt aus Maschinendaten voraus, wann Spritzgießmaschinen, Pressen und Werkzeuge "
        "ausfallen. Die Series A ist gerade abgeschlossen – wir suchen schon jetzt Kapital für die "
        "große Wachstumsrunde.",
        [
            "Ausfallprognose für Spritzgießmaschinen, Pressen und Werkzeuge aus vorhandenen "
            "Steuerungsdaten"
        ],
        [
            "Eine Wachstumsrunde von rund 15 Mio. € für die Expansion nach Nordamerika",
            "Ein Maschinenbauer, der unsere Software ab Werk in seine Anlagen integriert",
        ],
        2020,
        35,
        True,
    ),
    # 109
    make_org(
        "de",
        "startup",
        "pre_seed",
        "backnang",
        "Brennwerk H2 UG",
        ["green_tech", "mechanical_engineering_production"],
        ["funding.seed", "manufacturing.cnc_prototyping"],
        ["energy.fuel_cell_systems"],
        "Brennwerk H2 entwickelt mobile Wasserstoff-Stromaggregate für Baustellen und "
        "Veranstaltungen, die Dieselgeneratoren leise und emissionsfrei ersetzen.",
        ["Mobile Brennstoffzellen-Aggregate von 10 bis 50 kW als Ersatz für Diesel-Stromerzeuger"],
        [
            "Pre-Seed-Kapital von 200.000 € von Angels mit Klimaschutz-Fokus",
            "Gefräste Prototypenteile aus Aluminium und Edelstahl in Losgrößen von 1 bis 50",
        ],
        2025,
        4,
        False,
    ),
    # ---------------- public bodies that offer sites (110-114) ----------------
    # 110
    make_org(
        "de",
        "public",
        None,
        "leonberg",
        "Stadt Leonberg – Wirtschaftsförderung",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["location.settlement_leads", "design.brand_campaign"],
        ["space.plot", "space.office"],
        "Die Wirtschaftsförderung der Stadt Leonberg vermarktet Gewerbeflächen am "
        "Autobahndreieck und begleitet Unternehmen von der ersten Anfrage bis zur Baugenehmigung.",
        [
            "Erschlossene Gewerbegrundstücke von 3.000 bis 25.000 m² im Gewerbegebiet "
            "Leonberg-Ost, "
            "zum Kauf oder im Erbbaurecht",
            "Büroflächen im städtischen Gründer- und Technologiezentrum",
        ],
        [
            "Standortberater und Makler, die uns ansiedlungswillige Unternehmen vermitteln",
            "Eine Imagekampagne, die Leonberg als Wirtschaftsstandort bekannt macht",
        ],
        1975,
        6,
        True,
    ),
    # 111
    make_org(
        "en",
        "public",
        None,
        "herrenberg",
        "City of Herrenberg – Economic Development",
        ["mechanical_engineering_production", "logistics"],
        ["location.settlement_leads"],
        ["space.plot", "support.regional_intros"],
        "Business development office of the city of Herrenberg at the southern end of the Gäu, "
        "between the A81 motorway and the end of the S-Bahn line.",
        [
            "Serviced plots for production and logistics companies in the new Gäu business park",
            "Introductions to local employers, the chamber's district office and the mayor's "
            "business "
            "round table",
        ],
        ["Location consultants and brokers who bring us companies searching for a site"],
        1976,
        5,
        False,
    ),
    # 112
    make_org(
        "de",
        "public",
        None,
        "kirchheim",
        "Stadt Kirchheim unter Teck – Wirtschaftsförderung",
        ["mechanical_engineering_production", "green_tech"],
        ["location.settlement_leads", "energy.stationary_storage"],
        ["space.plot", "space.production_hall"],
        "Kirchheim unter Teck entwickelt an der A8 ein klimaneutrales Industriegebiet und sucht "
        "produzierende Unternehmen, die dort bauen.",
        [
            "Erschlossene Industriegrundstücke von 2 bis 4 Hektar mit Bahn- oder Autobahnanschluss "
            "für "
            "den Bau einer eigenen Fabrik",
            "Eine leerstehende Fertigungshalle mit 4.500 m² und Kranbahn zur Miete",
        ],
        [
            "Vermittler, die uns Unternehmen mit konkretem Flächenbedarf zuführen",
            "Ein Quartiersspeicher, der den Solarstrom des neuen Industriegebiets puffert",
        ],
        1972,
        7,
        True,
    ),
    # 113
    make_org(
        "en",
        "public",
        None,
        "vaihingen-enz",
        "Enz Valley Joint Industrial Park Association",
        ["logistics", "mechanical_engineering_production"],
        ["location.settlement_leads", "design.brand_campaign"],
        ["space.plot", "space.production_hall"],
        "Public association of four municipalities on the Enz that jointly develop and market a "
        "60-hectare industrial park.",
        [
            "Large plots from one hectare for factories and logistics centres, with all permits "
            "handled by one office",
            "Build-to-suit halls that the association erects and leases to the user",
        ],
        [
            "Brokers and site-selection consultants who present our park to companies planning a "
            "new "
            "plant",
            "A marketing campaign for the industrial park in German and English",
        ],
        2008,
        4,
        False,
    ),
    # 114
    make_org(
        "de",
        "public",
        None,
        "stuttgart-mitte",
        "Landeshauptstadt Stuttgart – Wirtschaftsförderung",
        ["it_ai", "creative_industries", "automotive_mobility"],
        ["location.settlement_leads", "ai.document_llm"],
        ["space.office", "space.lab"],
        "Die Wirtschaftsförderung der Landeshauptstadt unterstützt Unternehmen bei Ansiedlung und "
        "Wachstum und vermittelt städtische Büro- und Laborflächen.",
        [
            "Möblierte Büros für 10 bis 15 Personen in der Stuttgarter Innenstadt, innerhalb von "
            "drei "
            "Monaten bezugsfertig",
            "Labor- und Werkstattflächen im städtischen Innovationscampus im Neckarpark",
        ],
        [
            "Standortberatungen, die internationale Unternehmen mit Flächenbedarf an uns "
            "vermitteln",
            "Ein Sprachmodell-Werkzeug, das eingehende Ansiedlungsanfragen auswertet und "
            "vorsortiert",
        ],
        1973,
        40,
        True,
    ),
    # ---------------- firms looking for a site or space (115-122) ----------------
    # 115
    make_org(
        "en",
        "scaleup",
        "growth",
        "stuttgart-bad-cannstatt",
        "Fjordvolt AB – German project office",
        ["green_tech", "automotive_mobility"],
        ["space.plot", "network.market_entry", "support.regional_intros"],
        ["energy.stationary_storage"],
        "Swedish maker of containerised battery storage, opening its first production site outside "
        "Scandinavia to serve German industrial customers.",
        [
            "Grid-scale and industrial battery storage from 1 to 20 MWh, including "
            "energy-management "
            "software"
        ],
        [
            "A serviced industrial plot of 2–4 hectares with rail or motorway access to build our "
            "own "
            "factory",
            "Guidance on founding the German company, on permits and on registering with the "
            "authorities",
            "Introductions to local suppliers, mayors and business associations around our future "
            "site",
        ],
        2016,
        22,
        True,
    ),
    # 116
    make_org(
        "en",
        "established",
        None,
        "ostfildern",
        "Keystone Additive GmbH",
        ["mechanical_engineering_production", "aerospace"],
        ["space.production_hall", "network.market_entry", "talent.skilled_technicians"],
        ["manufacturing.additive_metal"],
        "German subsidiary of a US service bureau for industrial metal 3D printing with plants in "
        "Ohio and Texas, now setting up its European production near Stuttgart.",
        [
            "Series production of laser-melted metal parts in titanium, Inconel and aluminium, "
            "qualified for aerospace"
        ],
        [
            "A 2,000–3,000 m² hall with a high-power supply and a crane, leased from next year",
            "Advice on incorporating the German company and on the permits our plant needs",
            "Trained machine operators and mechatronics technicians for a new production site",
        ],
        2009,
        35,
        True,
    ),
    # 117
    make_org(
        "de",
        "established",
        None,
        "gerlingen",
        "Schwab Präzisionsdrehteile GmbH",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["space.plot", "support.growth_coaching"],
        ["manufacturing.cnc_prototyping"],
        "Familienunternehmen in dritter Generation: Wir drehen und fräsen Präzisionsteile für "
        "Medizintechnik und Fahrzeugbau und platzen am jetzigen Standort aus allen Nähten.",
        ["Gefräste Prototypenteile aus Aluminium und Edelstahl in Losgrößen von 1 bis 50"],
        [
            "Ein Grundstück von etwa 8.000 m², auf dem wir eine neue Fertigung bauen können, im "
            "Strohgäu oder im Gäu",
            "Begleitung der nächsten Generation bei Strategie, Organisation und Wachstum des "
            "Betriebs",
        ],
        1961,
        95,
        True,
    ),
    # 118
    make_org(
        "en",
        "startup",
        "seed",
        "esslingen",
        "Photonic Sort GmbH",
        ["it_hardware", "green_tech"],
        ["space.lab", "funding.seed"],
        ["ai.vision_inspection"],
        "Photonic Sort builds hyperspectral cameras with trained models that recognise plastics, "
        "textiles and metals on sorting belts in real time.",
        ["Hyperspectral camera systems that identify and reject wrong materials on conveyor belts"],
        [
            "An optics lab of 60–100 m² with a darkroom and stable temperature",
            "A seed round of 1.2 M€ with investors focused on the circular economy",
        ],
        2023,
        11,
        False,
    ),
    # 119
    make_org(
        "en",
        "scaleup",
        "growth",
        "stuttgart-mitte",
        "Northbyte Technologies – German branch",
        ["it_ai", "automotive_mobility"],
        ["space.office", "network.market_entry", "support.regional_intros"],
        ["ai.document_llm"],
        "Bengaluru-based software company with 1,200 staff that automates engineering "
        "documentation for car makers; we are opening our first German office to be close to our "
        "customers.",
        [
            "Language-model tools that draft, check and translate engineering specifications and "
            "test "
            "reports"
        ],
        [
            "Furnished offices for 10–15 people in central Stuttgart, ready to move in within "
            "three "
            "months",
            "Support with founding the German entity, the commercial register and tax registration",
            "Introductions to business associations, chambers and other firms in the region",
        ],
        2011,
        12,
        False,
    ),
    # 120
    make_org(
        "de",
        "scaleup",
        "series_a",
        "sindelfingen",
        "Rigtec Prüfsysteme GmbH",
        ["automotive_mobility", "mechanical_engineering_production"],
        ["space.production_hall", "funding.early_venture"],
        ["testing.durability_rig"],
        "Rigtec baut kompakte elektromechanische Prüfstände für Dauerlauf- und Schwingungstests "
        "und betreibt ein eigenes Prüffeld für Kunden.",
        [
            "Dauerlauf- und Schwingungsprüfungen an E-Antrieben und Fahrwerksteilen in unserem "
            "Prüffeld"
        ],
        [
            "Eine Montagehalle von 1.500 bis 2.500 m² für den Bau der Prüfstände",
            "Eine Series-A-Runde von 5 Mio. € mit einem Investor aus der Mobilitätsbranche",
        ],
        2019,
        42,
        True,
    ),
    # 121
    make_org(
        "en",
        "startup",
        "pre_seed",
        "stuttgart-vaihingen",
        "Verdant Enzymes",
        ["green_tech"],
        ["space.lab", "funding.grant_rd"],
        ["recycling.plastics"],
        "Verdant engineers enzymes that break PET and polyamide waste down into their monomers, "
        "which we purify into feedstock of virgin quality.",
        ["Enzymatic depolymerisation of PET and polyamide waste into monomers for new plastics"],
        [
            "A wet lab of 80–120 m² with fume hoods and approval for biosafety level 1 work",
            "Public grants for a pilot reactor built together with a university partner",
        ],
        2025,
        5,
        False,
    ),
    # 122
    make_org(
        "en",
        "established",
        None,
        "stuttgart-wangen",
        "Tatra Precision – German branch",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["space.plot", "network.market_entry"],
        ["manufacturing.cnc_prototyping"],
        "Czech contract manufacturer of machined housings and shafts for gearboxes, moving part of "
        "its production closer to its German customers.",
        ["Machining of housings, shafts and flanges in medium series on 40 CNC centres"],
        [
            "Help founding our German subsidiary: legal form, trade registration, bank account",
            "A plot of 1–2 hectares to build a plant within an hour of Stuttgart",
        ],
        1994,
        25,
        False,
    ),
    # ---------------- providers of the new codes (123-128) ----------------
    # 123
    make_org(
        "de",
        "established",
        None,
        "stuttgart-mitte",
        "Standortberatung Neckar GmbH",
        ["logistics", "mechanical_engineering_production"],
        ["design.brand_campaign"],
        ["location.settlement_leads", "network.market_entry"],
        "Standort- und Ansiedlungsberatung für internationale Unternehmen: Wir suchen Grundstücke "
        "und Hallen für unsere Mandanten und begleiten ihre Gründung in Deutschland.",
        [
            "Vermittlung ansiedlungswilliger Unternehmen aus dem Ausland an Kommunen und "
            "Gewerbeparks",
            "Gründung der deutschen Tochtergesellschaft: Rechtsform, Gewerbeanmeldung, Bankkonto",
        ],
        ["Eine Kampagne, mit der wir unsere Beratung in den USA und in Asien bekannt machen"],
        2012,
        14,
        True,
    ),
    # 124
    make_org(
        "en",
        "established",
        None,
        "sindelfingen",
        "Neckar Industrial Realty GmbH",
        ["logistics", "mechanical_engineering_production"],
        ["support.sustainability_reporting"],
        ["location.settlement_leads", "space.production_hall"],
        "Commercial real-estate broker specialising in industrial and logistics property in the "
        "Stuttgart region.",
        [
            "We bring companies searching for land or a factory to municipalities and industrial "
            "parks",
            "Brokerage of leased manufacturing and warehouse halls from 1,000 m²",
        ],
        [
            "Carbon accounting and an ESG report for the portfolio we manage, as our institutional "
            "clients demand"
        ],
        2005,
        22,
        True,
    ),
    # 125
    make_org(
        "de",
        "intermediary",
        None,
        "stuttgart-bad-cannstatt",
        "Unternehmernetzwerk Region Stuttgart e.V.",
        ["mechanical_engineering_production", "it_ai"],
        ["design.brand_campaign"],
        ["support.regional_intros", "support.growth_coaching"],
        "Branchenübergreifendes Netzwerk von 400 Unternehmerinnen und Unternehmern aus "
        "Mittelstand, "
        "Handwerk und Start-ups.",
        [
            "Persönliche Kontakte zu Entscheiderinnen und Entscheidern aus Mittelstand, Verwaltung "
            "und "
            "Verbänden der Region",
            "Mentoring durch erfahrene Unternehmer zu Strategie, Geschäftsmodell und "
            "Unternehmensnachfolge",
        ],
        ["Ein neuer Markenauftritt und eine Kampagne zur Mitgliedergewinnung"],
        1989,
        6,
        False,
    ),
    # 126
    make_org(
        "en",
        "established",
        None,
        "stuttgart-nord",
        "Scaleway Advisors GmbH",
        ["it_ai", "mechanical_engineering_production"],
        ["talent.working_students"],
        ["support.growth_coaching", "support.sustainability_reporting"],
        "Boutique consultancy for owner-led mid-sized companies and scale-ups: strategy, "
        "organisation, and the sustainability disclosures that banks and customers now ask for.",
        [
            "Strategy and organisation coaching for founders and owners whose company has outgrown "
            "its structures",
            "Carbon footprint, ESG data collection and sustainability reports that meet the new EU "
            "disclosure rules",
        ],
        ["Business students who support our project teams part-time"],
        2014,
        18,
        True,
    ),
    # 127
    make_org(
        "de",
        "established",
        None,
        "esslingen",
        "Klimabilanz Neckar GmbH",
        ["green_tech"],
        ["ai.document_llm"],
        ["support.sustainability_reporting"],
        "Beratung für CO2-Bilanzen und Nachhaltigkeitsberichte im Mittelstand.",
        [
            "CO2-Bilanz nach GHG Protocol und Nachhaltigkeitsbericht nach ESRS, inklusive "
            "Datenerhebung in Ihren Werken"
        ],
        [
            "Ein Sprachmodell-Werkzeug, das Lieferantenfragebögen und Nachweisdokumente "
            "automatisch "
            "auswertet"
        ],
        2019,
        12,
        False,
    ),
    # 128
    make_org(
        "de",
        "established",
        None,
        "geislingen",
        "Eisengießerei Geislingen GmbH",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["ai.vision_inspection", "support.sustainability_reporting"],
        ["manufacturing.cnc_prototyping"],
        "Gießerei für Gusseisen und Stahlguss mit eigener mechanischer Bearbeitung; wir liefern "
        "Gehäuse und Bremsteile an Nutzfahrzeug- und Maschinenbauer.",
        [
            "Mechanische Bearbeitung von Prototypen- und Vorserien-Gussteilen auf "
            "Bearbeitungszentren"
        ],
        [
            "KI-gestützte optische Qualitätsprüfung für Gussteile",
            "Unterstützung bei CO2-Bilanz und Nachhaltigkeitsbericht, die unsere Kunden und Banken "
            "verlangen",
        ],
        1898,
        310,
        True,
    ),
    # ---------------- peers and providers of their own offers (129-132) ----------------
    # 129
    make_org(
        "de",
        "research",
        None,
        "remseck",
        "Institut für Batteriesicherheit Remseck",
        ["green_tech", "automotive_mobility"],
        ["testing.durability_rig", "talent.working_students"],
        ["testing.battery_cells"],
        "Anwendungsnahes Forschungsinstitut für die Sicherheit von Akkuzellen und -modulen mit "
        "eigenem Prüfbunker.",
        [
            "Prüfprogramm für Zellsicherheit: Überladung, Kurzschluss, Nagelpenetration und "
            "thermisches Durchgehen nach UN 38.3 und ECE R100"
        ],
        [
            "Schwingprüfstände, auf denen wir komplette Batteriemodule rütteln können, bevor sie "
            "in "
            "den Bunker gehen",
            "Studierende der Elektrotechnik, die neben dem Studium Prüfungen vorbereiten",
        ],
        2013,
        85,
        True,
    ),
    # 130
    make_org(
        "de",
        "established",
        None,
        "filderstadt",
        "EMV-Prüfzentrum Filder GmbH",
        ["it_hardware", "aerospace"],
        ["talent.skilled_technicians"],
        ["testing.emc"],
        "Akkreditiertes Prüflabor für elektromagnetische Verträglichkeit und Funk mit Schwerpunkt "
        "Luftfahrt, Drohnen und Ladetechnik.",
        [
            "EMV-Vormessungen für Flugsteuerungen, Funkmodule und Ladeelektronik",
            "Akkreditierte Funk- und EMV-Prüfungen nach DO-160 und Funkanlagenrichtlinie",
        ],
        ["Elektroniker und Messtechnikerinnen für den Laborbetrieb"],
        2004,
        48,
        True,
    ),
    # 131
    make_org(
        "en",
        "research",
        None,
        "esslingen",
        "Neckar University of Applied Sciences – Careers & Transfer",
        ["mechanical_engineering_production", "it_ai", "automotive_mobility"],
        ["talent.international_recruiting", "funding.grant_rd"],
        ["talent.working_students", "space.lab"],
        "Career and transfer office of a university of applied sciences with 12,000 students in "
        "engineering, computing and business.",
        [
            "Computer-science and engineering students for part-time jobs alongside their degree",
            "Lab and workshop space for founding teams from our faculties",
        ],
        [
            "Support recruiting professors and lab engineers from abroad, including visas and "
            "relocation",
            "Public grants for transfer projects with regional SMEs",
        ],
        1868,
        900,
        True,
    ),
    # 132
    make_org(
        "de",
        "intermediary",
        None,
        "boeblingen",
        "Hardware-Accelerator Böblingen",
        ["it_hardware", "mechanical_engineering_production"],
        ["funding.grant_rd", "manufacturing.pcb_assembly"],
        ["network.dealflow", "space.lab"],
        "Sechsmonatiges Accelerator-Programm für Hardware-Gründungen mit Werkstatt, "
        "Elektroniklabor und Demo Day vor Investoren.",
        [
            "Demo Days, auf denen Investoren und Konzerne unsere Hardware-Teams kennenlernen",
            "Elektroniklabor und Werkstattplätze für die Teams im Programm",
        ],
        [
            "Landes- oder Bundesfördermittel für den Betrieb des Programms",
            "Ein Bestückungspartner, der Prototypenplatinen unserer Teams zu Sonderkonditionen "
            "fertigt",
        ],
        2020,
        9,
        True,
    ),
    # ---------------- organisations that nothing in the set fits (133-139) ----------------
    # Their codes (UNFIT_CODES) are used by no other organisation or offer.
    # Their texts deliberately share words with the rest of the set.
    # 133
    make_org(
        "en",
        "startup",
        "pre_seed",
        "stuttgart-vaihingen",
        "Tidewise Marine Analytics",
        ["it_ai", "logistics"],
        ["maritime.shipping_pilot"],
        ["maritime.hull_inspection"],
        "Tidewise is an AI platform for sustainable shipping: underwater robots film ship hulls "
        "during port calls, and our models measure the fouling so that owners clean before fuel "
        "consumption rises.",
        [
            "Camera-based assessment of biofouling on ship hulls during port stays, with an "
            "estimate "
            "of the fuel saved by cleaning"
        ],
        [
            "A shipping line or port operator in Hamburg, Rotterdam or Antwerp that lets us survey "
            "its "
            "vessels for a season"
        ],
        2025,
        4,
        False,
        roles=["unfit"],
    ),
    # 134
    make_org(
        "de",
        "startup",
        "seed",
        "weinstadt",
        "Rebenwerk Digital GmbH",
        ["it_ai", "green_tech"],
        ["viticulture.grower_coops"],
        ["viticulture.disease_forecast"],
        "Rebenwerk ist eine KI-Plattform für nachhaltigen Weinbau: Wetterdaten und Blattsensoren "
        "sagen voraus, wann Pilzkrankheiten an den Reben drohen, damit Winzer seltener spritzen.",
        [
            "Warnungen vor Mehltau und Peronospora für einzelne Weinberglagen, mit Empfehlung für "
            "den "
            "Spritztermin"
        ],
        [
            "Weingärtnergenossenschaften an Rems und Neckar, die unser System ihren Mitgliedern "
            "anbieten"
        ],
        2023,
        8,
        False,
        roles=["unfit"],
    ),
    # 135
    make_org(
        "de",
        "established",
        None,
        "stuttgart-mitte",
        "Modehaus Königsbau GmbH",
        ["creative_industries"],
        ["fashion.textile_sourcing"],
        ["fashion.popup_retail"],
        "Traditionsreiches Modehaus in der Stuttgarter Innenstadt, das Digitalisierung und "
        "nachhaltige Mode verbindet – mit eigener Online-Plattform und Kundenclub.",
        [
            "Schaufenster und Verkaufsflächen im Erdgeschoss für Pop-up-Stores junger Modelabels, "
            "monatsweise"
        ],
        ["Hersteller fair produzierter Stoffe und Strickwaren aus Europa für unsere Eigenmarke"],
        1921,
        140,
        True,
        roles=["unfit"],
    ),
    # 136
    make_org(
        "en",
        "startup",
        "idea",
        "ludwigsburg",
        "Pawtrail",
        ["it_ai"],
        ["petcare.vet_practices"],
        ["petcare.walker_marketplace"],
        "Pawtrail is an AI-powered matchmaking platform that connects dog owners with vetted local "
        "dog walkers and sitters.",
        [
            "Booking of insured dog walkers and pet sitters by the hour, matched by location and "
            "the "
            "dog's temperament"
        ],
        [
            "Veterinary clinics in Ludwigsburg and Stuttgart that recommend our walkers to their "
            "clients"
        ],
        2026,
        2,
        False,
        roles=["unfit"],
    ),
    # 137
    make_org(
        "de",
        "established",
        None,
        "stuttgart-nord",
        "Killesberg Events & Catering GmbH",
        ["creative_industries"],
        ["hospitality.service_staff"],
        ["hospitality.event_catering"],
        "Wir richten Firmenfeiern, Netzwerkabende und Messeempfänge aus – vom Fingerfood bis zum "
        "Galadinner für 1.500 Gäste, mit regionalen und nachhaltigen Zutaten.",
        ["Catering und Ausrichtung von Firmenveranstaltungen, Netzwerkabenden und Messeempfängen"],
        ["Köchinnen, Köche und Servicekräfte für die Saison von Mai bis Dezember"],
        1987,
        60,
        True,
        roles=["unfit"],
    ),
    # 138
    make_org(
        "en",
        "startup",
        "seed",
        "ludwigsburg",
        "Pixelhain Games",
        ["creative_industries", "it_ai"],
        ["games.publisher_deal"],
        ["games.art_outsourcing"],
        "Independent game studio founded by film-school graduates; we are finishing a cosy farming "
        "game for PC and consoles and use AI tools to generate our worlds.",
        [
            "3D characters, environments and animation for other studios' games, on a "
            "work-for-hire "
            "basis"
        ],
        [
            "A games publisher that pays for the console ports, the marketing and the release of "
            "our "
            "first title"
        ],
        2022,
        9,
        False,
        roles=["unfit"],
    ),
    # 139
    make_org(
        "de",
        "startup",
        "pre_seed",
        "marbach",
        "Haferwerk UG",
        ["green_tech"],
        ["food.retail_listing"],
        ["food.oat_drinks"],
        "Haferwerk stellt nachhaltige Haferdrinks aus Alb-Hafer her und verbackt den Trester zu "
        "Keksen – regional, kreislauffähig und plastikfrei in Mehrwegflaschen abgefüllt.",
        ["Barista-Haferdrinks in Mehrwegflaschen für Cafés, Kantinen und Büros"],
        ["Listung in Supermärkten und Getränkemärkten der Region"],
        2025,
        3,
        False,
        roles=["unfit"],
    ),
]


def make_offer(
    lang,
    kind,
    title,
    themes,
    provides,
    kinds,
    stages,
    districts,
    amount,
    deadline,
    desc,
    provider=None,
    roles=(),
):
    """One offer: provides are the hidden codes, the rest is public.

    ``provider`` is the external_id of the organisation that runs the offer
    (or None); ``roles`` are hand-set report tags (only ``"generic_offer"``).
    """
    return dict(
        lang=lang,
        kind=kind,
        title=title,
        themes=themes,
        provides=provides,
        kinds=kinds,
        stages=stages,
        districts=districts,
        amount=amount,
        deadline=deadline,
        desc=desc,
        provider=provider,
        roles=tuple(roles),
    )


# ---------------------------------------------------------------------------
# Offers (order defines eval-off-001 .. eval-off-064)
# ---------------------------------------------------------------------------
OFFERS = [
    make_offer(
        "de",
        "funding",
        "Startkapital-Programm für Hightech-Gründungen",
        ["it_ai", "it_hardware", "green_tech"],
        ["funding.seed"],
        ["startup"],
        ["idea", "pre_seed", "seed"],
        [],
        150000,
        "2027-09-30",
        "Wandeldarlehen bis 150.000 € für junge Technologieunternehmen in der Gründungsphase, um "
        "den "
        "ersten Prototyp und die ersten Mitarbeitenden zu finanzieren.",
    ),
    make_offer(
        "en",
        "funding",
        "Seed co-investment with regional angels",
        ["it_ai", "quantum", "green_tech"],
        ["funding.seed"],
        ["startup"],
        ["pre_seed", "seed"],
        [],
        500000,
        None,
        "The public early-stage fund matches every euro that business angels put into a young "
        "technology company, up to 500,000 euros per company.",
    ),
    make_offer(
        "de",
        "funding",
        "Innovationsgutschein für KMU und Gründungen",
        ["mechanical_engineering_production", "it_ai", "green_tech"],
        ["funding.grant_rd"],
        ["startup", "scaleup", "established"],
        [],
        [],
        20000,
        "2027-10-31",
        "Zuschuss für Entwicklungsaufträge an Forschungseinrichtungen, etwa Machbarkeitsstudien, "
        "Materialuntersuchungen oder Software-Prototypen.",
    ),
    make_offer(
        "en",
        "funding",
        "Collaborative R&D projects: industry meets science",
        ["automotive_mobility", "green_tech", "quantum"],
        ["funding.grant_rd"],
        [],
        [],
        [],
        400000,
        "2027-12-31",
        "Grants covering up to 70 % of the cost of joint research and development projects between "
        "companies and research institutes.",
    ),
    make_offer(
        "de",
        "funding",
        "Wachstumsfonds Region Stuttgart",
        ["it_ai", "mechanical_engineering_production", "green_tech"],
        ["funding.growth_equity"],
        ["scaleup"],
        ["series_a", "series_b_plus", "growth"],
        [],
        5000000,
        None,
        "Beteiligungskapital für wachsende Technologieunternehmen mit nachgewiesenem Umsatz, als "
        "Co-Investment in späteren Finanzierungsrunden.",
    ),
    make_offer(
        "en",
        "funding",
        "Climate-tech expansion fund",
        ["green_tech"],
        ["funding.growth_equity"],
        ["startup", "scaleup"],
        ["series_b_plus", "growth"],
        [],
        10000000,
        None,
        "Expansion capital for climate-tech companies with proven revenues – batteries, hydrogen, "
        "recycling. Companies at seed stage are not eligible.",
    ),
    make_offer(
        "de",
        "funding",
        "Esslinger Gründungsprämie",
        ["it_ai", "green_tech", "mechanical_engineering_production"],
        ["funding.seed"],
        ["startup"],
        [],
        ["esslingen"],
        25000,
        "2027-07-15",
        "Prämie für junge Unternehmen mit Sitz im Landkreis Esslingen, die im ersten Geschäftsjahr "
        "Startkapital für Ausstattung und erste Einstellungen brauchen.",
    ),
    make_offer(
        "en",
        "funding",
        "Hydrogen valley pilot grants",
        ["green_tech"],
        ["funding.grant_rd"],
        [],
        [],
        [],
        250000,
        "2025-10-31",
        "Grants for research and pilot projects along the hydrogen value chain. Applications until "
        "31 October 2025.",
    ),
    make_offer(
        "de",
        "space",
        "Laborflächen im Technologiepark Vaihingen",
        ["quantum", "health_life_sciences", "green_tech"],
        ["space.lab"],
        ["startup", "scaleup", "research"],
        [],
        [],
        None,
        None,
        "Voll ausgestattete Chemie-, Physik- und Elektroniklabore ab 25 m² mit flexiblen "
        "Laufzeiten, "
        "direkt am Universitätscampus.",
    ),
    make_offer(
        "en",
        "space",
        "Coworking desks for founders",
        ["it_ai", "creative_industries"],
        ["space.office"],
        ["startup"],
        [],
        [],
        None,
        None,
        "Fixed and flexible desks, meeting rooms and a community programme for start-up teams; the "
        "first three months are rent-free.",
    ),
    make_offer(
        "de",
        "space",
        "Neue Halle im Gewerbegebiet Bonlanden",
        ["mechanical_engineering_production", "logistics"],
        ["space.production_hall"],
        [],
        [],
        [],
        None,
        None,
        "Neu errichtete Halle mit 6.000 m², Kranbahn, 10 m Traufhöhe und Anbindung an die A8; "
        "teilbar ab 1.500 m².",
    ),
    make_offer(
        "en",
        "space",
        "Manufacturing sites for growing firms in the Fils valley",
        ["mechanical_engineering_production", "green_tech"],
        ["space.production_hall"],
        ["scaleup", "established"],
        [],
        [],
        None,
        None,
        "Serviced industrial plots and factory buildings for growing manufacturers moving to the "
        "Göppingen district, with fast-track permitting.",
    ),
    make_offer(
        "de",
        "program",
        "Investoren-Demo-Day: vorgeprüfte Start-ups",
        ["it_ai", "green_tech", "automotive_mobility"],
        ["network.dealflow"],
        ["investor", "established"],
        [],
        [],
        None,
        None,
        "Viermal im Jahr stellen zwanzig ausgewählte Gründungsteams Investoren und Konzernen ihre "
        "Finanzierungsvorhaben vor.",
    ),
    make_offer(
        "en",
        "space",
        "Electrochemistry and wet-lab benches",
        ["green_tech", "health_life_sciences"],
        ["space.lab"],
        ["startup", "research"],
        [],
        ["esslingen", "stuttgart"],
        None,
        None,
        "Rent a bench, a fume hood or a glovebox by the month in our shared laboratory.",
    ),
    make_offer(
        "de",
        "talent",
        "Werkstudierenden-Börse Technik",
        ["it_ai", "mechanical_engineering_production"],
        ["talent.working_students"],
        [],
        [],
        [],
        None,
        None,
        "Vermittlung von Studierenden aus Ingenieur- und Informatikstudiengängen für "
        "Teilzeitstellen "
        "neben dem Studium.",
    ),
    make_offer(
        "en",
        "talent",
        "Upskilling and placement programme for technicians",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["talent.skilled_technicians"],
        ["established", "scaleup"],
        [],
        [],
        None,
        None,
        "Retraining and placement of mechatronics, machining and electronics technicians for "
        "regional employers.",
    ),
    make_offer(
        "de",
        "talent",
        "Welcome-Paket Fachkräfte aus dem Ausland",
        ["it_ai", "mechanical_engineering_production"],
        ["talent.international_recruiting"],
        [],
        [],
        [],
        None,
        "2027-12-31",
        "Unterstützung bei Anwerbung, Visum, Anerkennung der Abschlüsse und Ankommen "
        "internationaler "
        "Fachkräfte.",
    ),
    make_offer(
        "en",
        "talent",
        "Global talent fast track for scale-ups",
        ["it_ai"],
        ["talent.international_recruiting"],
        ["scaleup"],
        [],
        [],
        None,
        None,
        "Accelerated visa procedure and relocation services for engineers hired from outside the "
        "EU.",
    ),
    make_offer(
        "de",
        "cooperation",
        "Zelltests zum Gründungstarif",
        ["automotive_mobility", "green_tech"],
        ["testing.battery_cells"],
        ["startup"],
        [],
        [],
        None,
        None,
        "Das Batterielabor des Landes bietet jungen Unternehmen Lade-Entlade-Zyklen, Alterungs- "
        "und "
        "Sicherheitstests an Akkuzellen zu vergünstigten Konditionen.",
    ),
    make_offer(
        "en",
        "cooperation",
        "Impact simulation vouchers",
        ["automotive_mobility"],
        ["testing.crash_sim"],
        [],
        [],
        [],
        15000,
        None,
        "Subsidised computing time and engineering support for virtual impact and occupant-safety "
        "analyses.",
    ),
    make_offer(
        "de",
        "cooperation",
        "EMV-Vorprüfung im Messlabor",
        ["it_hardware"],
        ["testing.emc"],
        [],
        [],
        [],
        None,
        None,
        "Messung von Störaussendung und Störfestigkeit elektronischer Baugruppen vor der "
        "offiziellen "
        "Zulassung.",
    ),
    make_offer(
        "en",
        "cooperation",
        "Shared fatigue-rig time",
        ["mechanical_engineering_production", "aerospace"],
        ["testing.durability_rig"],
        ["startup", "scaleup", "research"],
        [],
        [],
        None,
        None,
        "Book hours on servo-hydraulic and shaker rigs for endurance, fatigue and vibration tests "
        "of "
        "components.",
    ),
    make_offer(
        "de",
        "program",
        "Pilotprogramm Fahrzeughersteller und Start-ups",
        ["automotive_mobility"],
        ["pilot.automotive_oem"],
        ["startup", "scaleup"],
        ["seed", "series_a", "series_b_plus"],
        [],
        None,
        "2027-06-30",
        "Ausgewählte junge Unternehmen erproben ihre Lösung sechs Monate lang in Werken und "
        "Entwicklungszentren von Autoherstellern und Tier-1-Zulieferern.",
    ),
    make_offer(
        "en",
        "program",
        "Smart city living lab Stuttgart",
        ["it_ai", "logistics", "green_tech"],
        ["pilot.municipal_testbed"],
        ["startup", "scaleup", "research"],
        [],
        ["stuttgart"],
        None,
        None,
        "Test your product in city offices, streets and public buildings of Stuttgart for up to "
        "twelve months.",
    ),
    make_offer(
        "de",
        "program",
        "Maschinenbau trifft Start-up",
        ["mechanical_engineering_production", "it_ai"],
        ["pilot.machine_builder"],
        ["startup"],
        [],
        [],
        None,
        None,
        "Maschinen- und Anlagenbauer der Region öffnen ihre Versuchsfelder: Junge Firmen testen "
        "ihre "
        "Technologie ein halbes Jahr an realen Maschinen.",
    ),
    make_offer(
        "en",
        "cooperation",
        "Rapid machining for founders",
        ["mechanical_engineering_production"],
        ["manufacturing.cnc_prototyping"],
        ["startup", "research"],
        [],
        [],
        None,
        None,
        "Milled and turned prototype parts within five working days at cost price, from the "
        "regional "
        "network of machine shops.",
    ),
    make_offer(
        "de",
        "cooperation",
        "Machbarkeitsstudie Metall-3D-Druck",
        ["mechanical_engineering_production", "aerospace"],
        ["manufacturing.additive_metal"],
        [],
        [],
        [],
        None,
        None,
        "Prüfung, ob sich ein Bauteil für das Laserstrahlschmelzen eignet, inklusive Testdruck und "
        "Werkstoffprüfung.",
    ),
    make_offer(
        "en",
        "cooperation",
        "Small-batch electronics assembly service",
        ["it_hardware"],
        ["manufacturing.pcb_assembly"],
        [],
        [],
        [],
        None,
        None,
        "Populating printed circuit boards from one piece upwards, including component sourcing "
        "and "
        "automated optical inspection.",
    ),
    make_offer(
        "de",
        "program",
        "KI-Sichtprüfung in der Produktion",
        ["it_ai", "mechanical_engineering_production"],
        ["ai.vision_inspection"],
        ["established", "scaleup"],
        [],
        ["goeppingen", "rems-murr", "esslingen"],
        None,
        None,
        "Umsetzungsprogramm: Forschungsinstitute richten mit Ihnen eine kamerabasierte, lernende "
        "Qualitätsprüfung an einer Fertigungslinie ein.",
    ),
    make_offer(
        "en",
        "program",
        "Machine health pilot for SMEs",
        ["mechanical_engineering_production", "it_ai"],
        ["ai.predictive_maintenance"],
        ["established"],
        [],
        [],
        None,
        None,
        "Retrofit sensors and breakdown-forecasting software on one of your machines for six "
        "months, "
        "co-financed by the region.",
    ),
    make_offer(
        "de",
        "program",
        "Sprachmodelle für Verwaltung und Verbände",
        ["it_ai"],
        ["ai.document_llm"],
        ["public", "intermediary"],
        [],
        [],
        None,
        None,
        "Kommunen und Verbände erproben KI-Assistenten, die Anträge, Akten und Richtlinien "
        "auswerten.",
    ),
    make_offer(
        "en",
        "program",
        "AI readiness check",
        ["it_ai"],
        ["ai.strategy_consulting"],
        ["established", "public", "intermediary"],
        [],
        [],
        None,
        "2025-03-31",
        "Two-day assessment of where artificial intelligence could help your organisation, with a "
        "written roadmap.",
    ),
    make_offer(
        "de",
        "cooperation",
        "Rücknahme und Verwertung von Altbatterien",
        ["green_tech"],
        ["recycling.battery_materials"],
        [],
        [],
        [],
        None,
        None,
        "Sammlung, Transport und stoffliche Verwertung von Lithium-Ionen-Batterien und "
        "Produktionsausschuss.",
    ),
    make_offer(
        "en",
        "cooperation",
        "Recyclate supply partnership",
        ["green_tech", "automotive_mobility"],
        ["recycling.plastics"],
        ["established", "scaleup"],
        [],
        [],
        None,
        None,
        "Long-term supply of quality-assured post-consumer plastic recyclates for technical parts.",
    ),
    make_offer(
        "de",
        "program",
        "Wasserstoff-Modellregion: Brennstoffzellenfahrzeuge erproben",
        ["green_tech", "logistics"],
        ["energy.fuel_cell_systems"],
        ["public", "established"],
        [],
        [],
        None,
        "2027-08-31",
        "Kommunen und Flottenbetreiber leasen Brennstoffzellen-Busse, -Lkw und -Stapler für einen "
        "zwölfmonatigen Praxistest.",
    ),
    make_offer(
        "en",
        "funding",
        "Electrolyser deployment support",
        ["green_tech"],
        ["energy.electrolysis", "funding.grant_rd"],
        ["public", "established"],
        [],
        [],
        2000000,
        "2025-12-15",
        "Investment grant for on-site electrolysers at municipal utilities and industrial sites.",
    ),
    make_offer(
        "de",
        "cooperation",
        "Rechenzeit auf Quantencomputern",
        ["quantum"],
        ["quantum.computing_access"],
        [],
        [],
        [],
        None,
        None,
        "Unternehmen und Hochschulen erhalten kostenlose Kontingente auf supraleitenden und "
        "Ionenfallen-Quantenrechnern samt Einstiegsberatung.",
    ),
    make_offer(
        "en",
        "cooperation",
        "Quantum sensor evaluation kits",
        ["quantum", "health_life_sciences"],
        ["quantum.sensing"],
        [],
        [],
        [],
        None,
        None,
        "Borrow a diamond-based magnetometer or an atomic gravimeter for three months and evaluate "
        "it "
        "in your application.",
    ),
    make_offer(
        "de",
        "program",
        "OT-Sicherheitscheck für Produktion und Versorgung",
        ["security_defence", "mechanical_engineering_production"],
        ["cyber.ot_security"],
        ["established", "public"],
        [],
        ["boeblingen", "rems-murr", "stuttgart"],
        None,
        None,
        "Sicherheitsexperten prüfen Steuerungen, Fernwartungszugänge und Netzsegmentierung Ihrer "
        "Anlagen und erstellen einen Maßnahmenplan.",
    ),
    make_offer(
        "en",
        "program",
        "Supplier security label: group assessment",
        ["security_defence", "automotive_mobility"],
        ["cyber.tisax_audit"],
        ["startup", "scaleup", "established"],
        [],
        [],
        None,
        None,
        "Suppliers prepare together for the automotive information-security assessment (TISAX) and "
        "share the audit costs.",
    ),
    make_offer(
        "de",
        "program",
        "Technologiebewertung für Investoren",
        ["it_ai", "green_tech", "quantum"],
        ["advisory.tech_due_diligence"],
        ["investor"],
        [],
        [],
        None,
        None,
        "Forschungsinstitute der Region bewerten im Auftrag von Investoren die technische Reife "
        "und "
        "die Risiken von Zielunternehmen.",
    ),
    make_offer(
        "en",
        "program",
        "Patent voucher",
        ["it_ai", "quantum", "mechanical_engineering_production"],
        ["advisory.ip_patents"],
        ["startup", "research"],
        [],
        [],
        10000,
        None,
        "Covers 80 % of the cost of a prior-art search and a first filing by a patent attorney.",
    ),
    make_offer(
        "de",
        "program",
        "Soft-Landing für internationale Unternehmen",
        ["it_ai", "automotive_mobility", "creative_industries"],
        ["network.market_entry"],
        [],
        [],
        [],
        None,
        None,
        "Kostenloses Ansiedlungspaket: Beratung zu Rechtsform, Behördengängen, Standortsuche und "
        "ersten Geschäftskontakten in der Region.",
    ),
    make_offer(
        "en",
        "program",
        "Trade mission to Japan and Korea",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["network.export_partners"],
        ["established", "scaleup"],
        [],
        [],
        None,
        "2027-09-15",
        "Joint stand at a major trade fair plus matchmaking meetings with distributors and buyers.",
    ),
    make_offer(
        "de",
        "program",
        "Designförderung für Mittelstand und Gründungen",
        ["creative_industries"],
        ["design.ux_product", "design.brand_campaign"],
        ["startup", "scaleup", "established"],
        [],
        [],
        30000,
        None,
        "Zuschuss für die Zusammenarbeit mit Designbüros: Bedienkonzept, Produktgestaltung oder "
        "Markenauftritt – bis zu 50 % der Kosten.",
    ),
    # =====================================================================
    # Second batch (eval-off-046 ..). Appended only; earlier offers unchanged.
    # provider= names the organisation that runs the offer (its own offer is
    # never relevant to it, and it is never a match for its own offer).
    # =====================================================================
    # ---------------- offers run by thesis investors (046-049) ----------------
    # Offers carry no thesis (eligibility has no themes), so their texts are
    # theme-neutral; the grade follows eligibility and codes only.
    # 046
    make_offer(
        "de",
        "funding",
        "Pre-Seed-Runde mit Business Angels",
        ["it_hardware", "aerospace"],
        ["funding.seed"],
        ["startup"],
        ["idea", "pre_seed"],
        [],
        250000,
        None,
        "Business Angels aus der Region beteiligen sich mit 25.000 bis 250.000 € an Gründungsteams "
        "in der Ideen- und Pre-Seed-Phase, bevor der erste Prototyp steht – mit Mentoring durch "
        "erfahrene Entwicklerinnen und Entwickler.",
        provider="eval-org-091",
    ),
    # 047
    make_offer(
        "en",
        "funding",
        "Open seed call 2027",
        ["security_defence", "aerospace"],
        ["funding.seed"],
        ["startup"],
        ["pre_seed", "seed"],
        [],
        2000000,
        "2027-09-30",
        "Seed investments of 250 k€ to 2 M€ for start-ups at pre-seed or seed stage, with a "
        "decision within six weeks of the pitch.",
        provider="eval-org-092",
    ),
    # 048
    make_offer(
        "en",
        "funding",
        "Series A lead investments",
        ["green_tech"],
        ["funding.early_venture"],
        ["startup", "scaleup"],
        ["series_a"],
        [],
        6000000,
        None,
        "Lead investments of 3–6 M€ in first institutional rounds of companies that have paying "
        "pilot customers and are ready to industrialise.",
        provider="eval-org-093",
    ),
    # 049
    make_offer(
        "de",
        "funding",
        "Wachstumskapital ab Series B",
        ["it_ai", "mechanical_engineering_production", "green_tech"],
        ["funding.growth_equity"],
        ["startup", "scaleup"],
        ["series_b_plus", "growth"],
        [],
        50000000,
        None,
        "Beteiligungen von 10 bis 50 Mio. € für Technologieunternehmen mit belegtem "
        "Umsatzwachstum. Keine Seed- oder Frühphasenfinanzierung.",
        provider="eval-org-094",
    ),
    # ---------------- sites run by public bodies (050-054) ----------------
    # 050
    make_offer(
        "de",
        "space",
        "Gewerbegrundstücke Leonberg-Ost",
        ["mechanical_engineering_production", "automotive_mobility"],
        ["space.plot"],
        [],
        [],
        [],
        None,
        None,
        "Erschlossene Grundstücke von 3.000 bis 25.000 m² direkt am Autobahndreieck Leonberg, zum "
        "Kauf oder im Erbbaurecht, mit Begleitung bis zur Baugenehmigung.",
        provider="eval-org-110",
    ),
    # 051
    make_offer(
        "en",
        "space",
        "Plots in the Herrenberg Gäu business park",
        ["logistics", "mechanical_engineering_production"],
        ["space.plot"],
        [],
        [],
        [],
        None,
        None,
        "Serviced plots from 5,000 m² for production and logistics next to the A81, with a single "
        "contact person at the city for all permits.",
        provider="eval-org-111",
    ),
    # 052
    make_offer(
        "de",
        "space",
        "Fertigungshalle an der A8 in Kirchheim",
        ["mechanical_engineering_production", "green_tech"],
        ["space.production_hall"],
        [],
        [],
        [],
        None,
        None,
        "4.500 m² Halle mit Kranbahn, 8 m Traufhöhe und Photovoltaik auf dem Dach, kurzfristig "
        "beziehbar.",
        provider="eval-org-112",
    ),
    # 053
    make_offer(
        "en",
        "space",
        "Build-to-suit sites in the Enz valley industrial park",
        ["logistics", "mechanical_engineering_production"],
        ["space.plot", "space.production_hall"],
        ["established", "scaleup"],
        [],
        [],
        None,
        None,
        "Plots from one hectare, or a hall built to your specification and leased to you, in a "
        "60-hectare park run by four municipalities.",
        provider="eval-org-113",
    ),
    # 054
    make_offer(
        "de",
        "space",
        "Büro- und Laborflächen der Landeshauptstadt",
        ["it_ai", "creative_industries"],
        ["space.office", "space.lab"],
        ["startup", "scaleup", "established", "research"],
        [],
        [],
        None,
        None,
        "Möblierte Büros und Laborflächen in städtischen Gebäuden für Unternehmen, die sich in "
        "Stuttgart ansiedeln oder hier wachsen.",
        provider="eval-org-114",
    ),
    # ---------------- own programmes of labs, a university, an accelerator (055-058) --------
    # 055
    make_offer(
        "de",
        "cooperation",
        "Prüfprogramm Zellsicherheit",
        ["green_tech", "automotive_mobility"],
        ["testing.battery_cells"],
        [],
        [],
        [],
        None,
        None,
        "Überladung, Kurzschluss, Nagelpenetration und thermisches Durchgehen von Zellen und "
        "Modulen "
        "im Prüfbunker – für Hersteller, Zulieferer und junge Unternehmen.",
        provider="eval-org-129",
    ),
    # 056
    make_offer(
        "en",
        "cooperation",
        "EMC test days for hardware start-ups",
        ["it_hardware", "aerospace"],
        ["testing.emc"],
        ["startup"],
        [],
        [],
        None,
        None,
        "One day in an accredited EMC chamber at half price: emission and immunity pre-scans for "
        "drones, chargers and control units.",
        provider="eval-org-130",
    ),
    # 057
    make_offer(
        "en",
        "talent",
        "Student talent pool for companies",
        ["mechanical_engineering_production", "it_ai"],
        ["talent.working_students"],
        [],
        [],
        [],
        None,
        None,
        "Companies post part-time jobs, thesis topics and internships; we match them with "
        "engineering and computing students.",
        provider="eval-org-131",
    ),
    # 058
    make_offer(
        "de",
        "program",
        "Hardware-Accelerator: Programm 2027",
        ["it_hardware", "mechanical_engineering_production"],
        ["space.lab", "support.growth_coaching"],
        ["startup"],
        ["idea", "pre_seed", "seed"],
        [],
        None,
        "2027-10-15",
        "Sechs Monate Werkstatt und Elektroniklabor, Coaching zu Geschäftsmodell und Teamaufbau, "
        "Demo Day vor Investoren.",
        provider="eval-org-132",
    ),
    # ---------------- generic offers that tempt every list (059-063) ----------------
    # Open to everyone, vague wording; the substance is one narrow code.
    # 059
    make_offer(
        "de",
        "program",
        "Innovation, Digitalisierung, Wachstum – für alle Branchen",
        ["mechanical_engineering_production", "it_ai", "green_tech"],
        ["support.growth_coaching"],
        [],
        [],
        [],
        None,
        None,
        "Unterstützung für Unternehmen aller Branchen bei Innovation, Digitalisierung und "
        "Wachstum: Erfahrene Unternehmerinnen und Unternehmer begleiten Sie ein Jahr lang bei "
        "Strategie, Geschäftsmodell und Organisation.",
        provider="eval-org-125",
        roles=["generic_offer"],
    ),
    # 060
    make_offer(
        "en",
        "program",
        "Soft landing in the Stuttgart region",
        ["automotive_mobility", "it_ai", "mechanical_engineering_production"],
        ["network.market_entry"],
        [],
        [],
        [],
        None,
        None,
        "Everything you need to get started here: we help companies from abroad with the legal "
        "form, registration, banking and first business contacts in the region – free of charge, "
        "whatever your sector.",
        provider="eval-org-079",
        roles=["generic_offer"],
    ),
    # 061
    make_offer(
        "de",
        "program",
        "Netzwerkabend Wirtschaft Region Stuttgart",
        ["mechanical_engineering_production", "it_ai", "automotive_mobility"],
        ["support.regional_intros"],
        [],
        [],
        [],
        None,
        None,
        "Einmal im Quartal treffen sich Unternehmen, Start-ups, Forschung, Verwaltung und "
        "Investoren zu Vorträgen, Austausch und neuen Kontakten – offen für alle Branchen.",
        provider="eval-org-125",
        roles=["generic_offer"],
    ),
    # 062
    make_offer(
        "de",
        "funding",
        "Innovationsgutschein Digital",
        ["it_ai", "mechanical_engineering_production", "security_defence"],
        ["cyber.ot_security"],
        [],
        [],
        [],
        10000,
        None,
        "Zuschuss bis 10.000 € für Innovations- und Digitalisierungsvorhaben von Unternehmen aller "
        "Branchen – gefördert wird die Absicherung vernetzter Maschinen, Steuerungen und "
        "Fernwartungszugänge gegen Cyberangriffe.",
        roles=["generic_offer"],
    ),
    # 063
    make_offer(
        "en",
        "program",
        "Sustainable business programme for all sectors",
        ["green_tech", "mechanical_engineering_production", "logistics"],
        ["support.sustainability_reporting"],
        [],
        [],
        [],
        None,
        None,
        "Make your company fit for the future: workshops and individual support for firms of every "
        "size and sector on their carbon footprint, ESG data and the sustainability report that "
        "customers and banks ask for.",
        roles=["generic_offer"],
    ),
    # ---------------- public Series A co-investment (064) ----------------
    # 064
    make_offer(
        "de",
        "funding",
        "Series-A-Koinvestment des Landes",
        ["green_tech", "it_hardware", "automotive_mobility"],
        ["funding.early_venture"],
        ["startup", "scaleup"],
        ["series_a"],
        [],
        2000000,
        "2027-12-31",
        "Der Landesfonds beteiligt sich mit bis zu 2 Mio. € an der ersten institutionellen "
        "Finanzierungsrunde von Technologieunternehmen, wenn ein privater Leadinvestor mitgeht.",
    ),
]

# Pairs that share vocabulary but not substance; each must be grade 0.
# (query, candidate, why)
HARD_NEGATIVES = [
    ("eval-org-001", "eval-org-070", "needs seed money vs. growth-only fund that says 'no seed'"),
    (
        "eval-org-001",
        "eval-org-072",
        "battery seed start-up vs. climate VC naming batteries and seed",
    ),
    ("eval-org-001", "eval-org-010", "needs cell testing vs. battery recycler"),
    ("eval-org-001", "eval-org-037", "needs cell testing vs. battery dismantler"),
    ("eval-org-029", "eval-org-010", "needs cell testing vs. battery recycler"),
    ("eval-org-029", "eval-org-037", "needs cell testing vs. battery dismantler"),
    ("eval-org-053", "eval-org-039", "'Batteriespeicher' need vs. battery cell test lab"),
    ("eval-org-003", "eval-org-085", "needs office desks vs. city offering a manufacturing hall"),
    ("eval-org-003", "eval-org-048", "needs office desks vs. warehouse/hall landlord"),
    ("eval-org-031", "eval-org-077", "needs assembly hall vs. park with labs and offices"),
    (
        "eval-org-023",
        "eval-org-076",
        "needs 'Fertigungsfläche' vs. coworking desks ('Arbeitsplätze')",
    ),
    ("eval-org-041", "eval-org-050", "needs camera inspection vs. AI strategy consultancy"),
    ("eval-org-041", "eval-org-027", "needs camera inspection vs. AI strategy start-up"),
    ("eval-org-041", "eval-org-083", "needs camera inspection vs. AI network doing workshops"),
    ("eval-org-042", "eval-org-050", "needs failure prediction vs. AI strategy consultancy"),
    ("eval-org-085", "eval-org-020", "needs electrolyser vs. fuel-cell range extender"),
    ("eval-org-044", "eval-org-031", "needs fuel-cell drive vs. electrolyser maker"),
    ("eval-org-034", "eval-org-014", "needs quantum magnetometers vs. quantum computer access"),
    ("eval-org-048", "eval-org-004", "needs quantum computing vs. quantum magnetometers"),
    ("eval-org-048", "eval-org-021", "needs quantum computing vs. quantum navigation sensors"),
    ("eval-org-009", "eval-org-012", "needs automotive infosec label vs. OT network security"),
    ("eval-org-042", "eval-org-028", "needs OT security vs. TISAX coaching"),
    ("eval-org-020", "eval-org-042", "needs car-maker pilot vs. machinery pilot partner"),
    ("eval-org-026", "eval-org-043", "needs 'machinery OEM' pilot vs. automotive tier-1 pilot"),
    (
        "eval-org-041",
        "eval-off-028",
        "needs camera inspection vs. PCB service mentioning optical inspection",
    ),
    (
        "eval-org-001",
        "eval-off-006",
        "seed battery start-up vs. expansion fund naming batteries (ineligible)",
    ),
    (
        "eval-org-002",
        "eval-off-023",
        "pre-seed start-up vs. OEM pilot programme for seed+ (ineligible)",
    ),
    (
        "eval-org-029",
        "eval-off-019",
        "scale-up needing cell tests vs. start-up-only cell test offer",
    ),
    ("eval-org-029", "eval-off-033", "needs cell testing vs. battery take-back offer"),
    ("eval-org-016", "eval-off-005", "start-up (Series A) vs. growth fund for scale-ups only"),
    # ---- second batch ----
    # generic offers (open to all, vague wording) vs organisations that do not need them
    (
        "eval-org-001",
        "eval-off-059",
        "battery start-up vs 'innovation, digitalisation, growth for all sectors' (coaching)",
    ),
    (
        "eval-org-005",
        "eval-off-061",
        "idea-stage start-up needing money vs networking evening that mentions investors",
    ),
    (
        "eval-org-002",
        "eval-off-060",
        "local pre-seed start-up vs soft landing for firms from abroad",
    ),
    (
        "eval-org-018",
        "eval-off-062",
        "software start-up needing seed money vs 'Innovationsgutschein' that pays for OT security",
    ),
    (
        "eval-org-006",
        "eval-off-063",
        "climate-tech start-up vs 'sustainable business' ESG programme",
    ),
    (
        "eval-org-135",
        "eval-off-059",
        "fashion house talking 'Digitalisierung' vs generic programme",
    ),
    ("eval-org-137", "eval-off-061", "caterer of networking evenings vs a networking evening"),
    # funding: stage or code outside what an investor or a funding offer does
    (
        "eval-org-101",
        "eval-org-094",
        "Series A hydrogen start-up vs growth fund that names hydrogen start-ups (no early stage)",
    ),
    ("eval-org-103", "eval-org-093", "seed battery recycler vs Series-A-only climate fund"),
    ("eval-org-101", "eval-off-049", "Series A start-up vs growth-capital offer from Series B on"),
    ("eval-org-100", "eval-off-046", "seed-stage drone start-up vs pre-seed hardware round"),
    # sites: the wrong kind of space
    ("eval-org-119", "eval-org-112", "needs furnished offices vs city offering plots and a hall"),
    ("eval-org-121", "eval-org-110", "needs a wet lab vs city offering plots and offices"),
    ("eval-org-116", "eval-org-114", "needs a hall vs city offering offices and labs"),
    ("eval-org-114", "eval-org-084", "two offices of the city of Stuttgart, nothing to exchange"),
    # unfit organisations vs profiles that share their words
    ("eval-org-133", "eval-org-030", "AI camera survey of ship hulls vs AI visual inspection"),
    (
        "eval-org-134",
        "eval-org-007",
        "AI platform forecasting vine diseases vs machine-failure prediction",
    ),
    ("eval-org-134", "eval-org-088", "winegrowers as customers vs utility offering a test site"),
    ("eval-org-135", "eval-org-055", "pop-up sales floor vs landlord of halls and offices"),
    ("eval-org-136", "eval-org-050", "'AI-powered matchmaking platform' vs AI consultancy"),
    ("eval-org-137", "eval-org-080", "cooks and waiting staff vs training centre for technicians"),
    (
        "eval-org-137",
        "eval-off-017",
        "cooks and waiting staff vs welcome package for skilled workers",
    ),
    ("eval-org-138", "eval-org-054", "game art studio vs design studio"),
    ("eval-org-138", "eval-off-045", "game studio needing a publisher vs design grant"),
    ("eval-org-139", "eval-org-033", "'plastic-free, circular' oat drinks vs plastics recycler"),
]

# Organisations that offer the same thing and need nothing from each other
# (grade 0; added to HARD_NEGATIVES below). (a, b, why)
PEERS = [
    ("eval-org-129", "eval-org-039", "two battery test labs"),
    ("eval-org-129", "eval-org-058", "two institutes that test battery cells"),
    ("eval-org-130", "eval-org-046", "two accredited EMC labs"),
    ("eval-org-132", "eval-org-076", "two accelerators with demo days for investors"),
    ("eval-org-091", "eval-org-074", "two angel groups for hardware and deep tech"),
    ("eval-org-095", "eval-org-074", "two seed investors for quantum start-ups"),
    ("eval-org-093", "eval-org-097", "two Series A investors"),
    ("eval-org-110", "eval-org-111", "two cities offering plots"),
    ("eval-org-112", "eval-org-113", "two public bodies offering plots and halls"),
    ("eval-org-112", "eval-org-085", "two cities offering industrial halls"),
    ("eval-org-110", "eval-org-086", "two cities offering offices and commercial space"),
    ("eval-org-117", "eval-org-122", "two machining firms, both looking for a plot"),
    ("eval-org-123", "eval-org-124", "two firms that bring settlement leads to municipalities"),
    ("eval-org-126", "eval-org-127", "two consultancies for sustainability reports"),
]

# Funding needs that an investor's thesis excludes although the code matches
# and the texts share words. (seeker, investor, failing part, why)
THESIS_TRAPS = [
    (
        "eval-org-099",
        "eval-org-098",
        "theme",
        "pre-seed hardware start-up whose text says 'KI' vs software-only seed fund",
    ),
    (
        "eval-org-118",
        "eval-org-098",
        "theme",
        "seed camera start-up with 'trained models' vs software-only seed fund",
    ),
    (
        "eval-org-102",
        "eval-org-093",
        "theme",
        "Series A logistics start-up talking about CO2 vs climate-only Series A fund",
    ),
    (
        "eval-org-100",
        "eval-org-091",
        "stage",
        "seed-stage drone start-up ('hardware') vs angels for idea/pre-seed hardware",
    ),
    (
        "eval-org-104",
        "eval-org-095",
        "stage",
        "idea-stage quantum team vs quantum seed fund that requires a demonstrator",
    ),
    (
        "eval-org-108",
        "eval-org-094",
        "stage",
        "Series A start-up asking for a growth round vs growth fund from Series B on",
    ),
    (
        "eval-org-005",
        "eval-org-098",
        "stage",
        "idea-stage language-model start-up vs software seed fund from pre-seed on",
    ),
]

HARD_NEGATIVES += [(a, b, f"peers: {why}") for a, b, why in PEERS]
HARD_NEGATIVES += [(s, i, f"outside thesis ({part}): {why}") for s, i, part, why in THESIS_TRAPS]
HARD_NEGATIVES += [
    (f["provider"], f"eval-off-{i:03d}", "own offer of the provider")
    for i, f in enumerate(OFFERS, 1)
    if f["provider"]
]

# A need of one organisation and an offer text of another that say the same
# thing: six-plus across languages, two with identical text in one language.
# (need organisation, need text, offering organisation, offer text)
EXACT_PAIRS = [
    (
        "eval-org-128",
        "KI-gestützte optische Qualitätsprüfung für Gussteile",
        "eval-org-107",
        "AI-based visual inspection for cast parts",
    ),
    (
        "eval-org-099",
        "Schnelle SMD-Bestückung und Lötung von Elektronik-Prototypen und "
        "Kleinserien (1–500 Platinen)",
        "eval-org-024",
        "Quick-turn SMT placement and soldering of electronics prototypes and "
        "small batches (1–500 boards)",
    ),
    (
        "eval-org-101",
        "Series-A-Finanzierung von 3 bis 6 Mio. € für ein Klimatechnik-Unternehmen "
        "mit ersten Kunden",
        "eval-org-093",
        "Series A funding of 3–6 M€ for climate-tech companies with first customers",
    ),
    (
        "eval-org-100",
        "EMC pre-compliance measurements for flight controllers, radio modules and "
        "charging electronics",
        "eval-org-130",
        "EMV-Vormessungen für Flugsteuerungen, Funkmodule und Ladeelektronik",
    ),
    (
        "eval-org-119",
        "Furnished offices for 10–15 people in central Stuttgart, ready to move in "
        "within three months",
        "eval-org-114",
        "Möblierte Büros für 10 bis 15 Personen in der Stuttgarter Innenstadt, "
        "innerhalb von drei Monaten bezugsfertig",
    ),
    (
        "eval-org-115",
        "A serviced industrial plot of 2–4 hectares with rail or motorway access to "
        "build our own factory",
        "eval-org-112",
        "Erschlossene Industriegrundstücke von 2 bis 4 Hektar mit Bahn- oder "
        "Autobahnanschluss für den Bau einer eigenen Fabrik",
    ),
    (
        "eval-org-122",
        "Help founding our German subsidiary: legal form, trade registration, bank account",
        "eval-org-123",
        "Gründung der deutschen Tochtergesellschaft: Rechtsform, Gewerbeanmeldung, Bankkonto",
    ),
    (
        "eval-org-095",
        "Patent searches, filings and defence of IP rights in Germany, Europe and the US",
        "eval-org-047",
        "Patentrecherche, Anmeldung und Verteidigung von Schutzrechten in "
        "Deutschland, Europa und den USA",
    ),
    # identical text, same language
    (
        "eval-org-109",
        "Gefräste Prototypenteile aus Aluminium und Edelstahl in Losgrößen von 1 bis 50",
        "eval-org-117",
        "Gefräste Prototypenteile aus Aluminium und Edelstahl in Losgrößen von 1 bis 50",
    ),
    (
        "eval-org-106",
        "Computer-science and engineering students for part-time jobs alongside their degree",
        "eval-org-131",
        "Computer-science and engineering students for part-time jobs alongside their degree",
    ),
]


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
# The first batch (eval-org-001..090, eval-off-001..045) must stay exactly as
# it was published: same records, and the same grades among themselves. The
# fingerprints are SHA-256 of the canonical JSON (sorted keys) of the first
# batch's records and of its qrels restricted to first-batch ids.
LEGACY_ORGS, LEGACY_OFFERS = 90, 45
LEGACY_SHA256 = {
    "organizations": "dcb605b11ecf4d607ad9d9607ee88e51d1dbcfdbc436c65a653543279c488586",
    "offers": "8be1b54d39501b63ec9d08b604f56082cac4af79c5c7a8b3f104e8966cbdd561",
    "qrels": "52b30ed373b8ed0305b621f468dea6ec041e917378a898a7ec89e1a0fff42258",
}
# New deadlines may not shorten the window in which the qrels are valid.
FIRST_FUTURE_DEADLINE = "2027-06-30"
# A generic offer may be relevant to at most this share of organisations.
GENERIC_MAX_SHARE = 0.15
EQUITY_CODES = ("funding.seed", "funding.early_venture", "funding.growth_equity")
ORG_ROLE_ORDER = [
    "unfit",
    "thesis_investor",
    "funding_seeker",
    "site_offering_public",
    "site_seeker",
    "provider",
    "peer",
    "exact_pair",
]
OFFER_ROLE_ORDER = ["generic_offer", "provided_by_org", "site_offer", "expired"]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = re.sub(r"-(gmbh|ug|ag|e-v|b-v)\b", "", text)
    return text[:40].strip("-")


def org_id(i: int) -> str:
    return f"eval-org-{i:03d}"


def offer_id(i: int) -> str:
    return f"eval-off-{i:03d}"


def build_records():
    rng = random.Random(20261127)  # only for a few metres of coordinate jitter
    orgs, offers, labels = [], [], {}
    for i, o in enumerate(ORGS, 1):
        district, municipality, postal, lat, lon = LOCATIONS[o["loc"]]
        ext = org_id(i)
        rec = {
            "external_id": ext,
            "name": o["name"],
            "kind": o["kind"],
            "description": o["desc"],
            "offers": list(o["offers"]),
            "needs": list(o["needs"]),
            "themes": list(o["themes"]),
            "stage": o["stage"],
        }
        if o["investment"] is not None:  # investors of the second batch only
            rec["investment"] = dict(o["investment"])
        rec.update(
            {
                "location": {
                    "district": district,
                    "municipality": municipality,
                    "postal_code": postal,
                    "lat": round(lat + rng.uniform(-0.008, 0.008), 5),
                    "lon": round(lon + rng.uniform(-0.008, 0.008), 5),
                },
                "founded_year": o["founded"],
                "employees": o["employees"],
                "website": f"https://www.{slug(o['name'])}.example",
                "languages": [o["lang"]],
                "status": "published",
                "verified": o["verified"],
            }
        )
        orgs.append(rec)
        labels[ext] = {
            "lang": o["lang"],
            "need_codes": list(o["need"]),
            "offer_codes": list(o["give"]),
            "role": list(o["roles"]),
        }
    for i, f in enumerate(OFFERS, 1):
        ext = offer_id(i)
        offers.append(
            {
                "external_id": ext,
                "title": f["title"],
                "kind": f["kind"],
                "description": f["desc"],
                "provider_external_id": f["provider"],
                "themes": list(f["themes"]),
                "eligibility": {
                    "kinds": list(f["kinds"]),
                    "stages": list(f["stages"]),
                    "districts": list(f["districts"]),
                },
                "amount_eur_max": f["amount"],
                "deadline": f["deadline"],
                "location": None,
                "url": None,
                "status": "published",
            }
        )
        labels[ext] = {
            "lang": f["lang"],
            "provides_codes": list(f["provides"]),
            "role": list(f["roles"]),
        }
    return orgs, offers, labels


def assign_roles(orgs, offers, labels):
    """Report tags in labels.json. Only "unfit" and "generic_offer" are set by
    hand; the others follow from the data."""
    providers = {f["provider_external_id"] for f in offers if f["provider_external_id"]}
    peers = {x for a, b, _ in PEERS for x in (a, b)}
    paired = {x for n, _, o, _ in EXACT_PAIRS for x in (n, o)}
    for o in orgs:
        ext, lab = o["external_id"], labels[o["external_id"]]
        roles = set(lab["role"])
        if "investment" in o:
            roles.add("thesis_investor")
        if o["kind"] in ("startup", "scaleup") and set(lab["need_codes"]) & set(EQUITY_CODES):
            roles.add("funding_seeker")
        if o["kind"] == "public" and any(family(c) == "space" for c in lab["offer_codes"]):
            roles.add("site_offering_public")
        if any(family(c) == "space" for c in lab["need_codes"]):
            roles.add("site_seeker")
        if ext in providers:
            roles.add("provider")
        if ext in peers:
            roles.add("peer")
        if ext in paired:
            roles.add("exact_pair")
        lab["role"] = [r for r in ORG_ROLE_ORDER if r in roles]
    for f in offers:
        lab = labels[f["external_id"]]
        roles = set(lab["role"])
        if f["provider_external_id"]:
            roles.add("provided_by_org")
        if any(family(c) == "space" for c in lab["provides_codes"]):
            roles.add("site_offer")
        if f["deadline"] and date.fromisoformat(f["deadline"]) < REFERENCE_DATE:
            roles.add("expired")
        lab["role"] = [r for r in OFFER_ROLE_ORDER if r in roles]


# ---------------------------------------------------------------------------
# Grading
# ---------------------------------------------------------------------------
def eligible(org: dict, offer: dict) -> bool:
    el = offer["eligibility"]
    if el["kinds"] and org["kind"] not in el["kinds"]:
        return False
    if el["stages"] and org["stage"] not in el["stages"]:
        return False
    if el["districts"] and org["location"]["district"] not in el["districts"]:
        return False
    if offer["deadline"] is not None and date.fromisoformat(offer["deadline"]) < REFERENCE_DATE:
        return False
    return True


def thesis_fit(investor: dict, seeker: dict) -> tuple[bool, bool]:
    """(stage fits, theme fits) of seeker for investor's thesis; an empty list
    means any, an organisation without a stage is in no non-empty list."""
    inv = investor["investment"]
    stage_ok = not inv["stages"] or seeker["stage"] in inv["stages"]
    theme_ok = not inv["themes"] or bool(set(inv["themes"]) & set(seeker["themes"]))
    return stage_ok, theme_ok


def meets(a: dict, la: dict, b: dict, lb: dict) -> bool:
    """Does B meet a need of A? A needs a code that B offers; for a code of
    family funding offered by an investor with a thesis, A must also be inside
    that thesis (stage and themes)."""
    for c in sorted(set(la["need_codes"]) & set(lb["offer_codes"])):
        if family(c) == "funding" and "investment" in b and not all(thesis_fit(b, a)):
            continue
        return True
    return False


def partner_grade(a: dict, la: dict, b: dict, lb: dict) -> int:
    a_gets, b_gets = meets(a, la, b, lb), meets(b, lb, a, la)
    if a_gets and b_gets:
        return 2
    if a_gets or b_gets:
        return 1
    return 0


def offer_grade(org: dict, lorg: dict, offer: dict, loff: dict) -> int:
    if offer["provider_external_id"] == org["external_id"]:
        return 0  # an organisation never sees its own offers
    if not eligible(org, offer):
        return 0
    needs = set(lorg["need_codes"])
    provides = set(loff["provides_codes"])
    if needs & provides:
        return 2
    if {family(c) for c in needs} & {family(c) for c in provides}:
        return 1
    return 0


def build_qrels(orgs, offers, labels):
    partners, off_q = {}, {}
    offer_orgs = {f["external_id"]: {} for f in offers}
    for a in orgs:
        la = labels[a["external_id"]]
        row = {}
        for b in orgs:
            if b is a:
                continue
            g = partner_grade(a, la, b, labels[b["external_id"]])
            if g:
                row[b["external_id"]] = g
        partners[a["external_id"]] = row
        row = {}
        for f in offers:
            g = offer_grade(a, la, f, labels[f["external_id"]])
            if g:
                row[f["external_id"]] = g
                if f["provider_external_id"] != a["external_id"]:
                    offer_orgs[f["external_id"]][a["external_id"]] = g
        if row:
            off_q[a["external_id"]] = row
    return {"partners": partners, "offers": off_q, "offer_orgs": offer_orgs}


def exact_pair_records(labels):
    out = []
    for need_id, need_text, offer_id_, offer_text in EXACT_PAIRS:
        ln, lo = labels[need_id]["lang"], labels[offer_id_]["lang"]
        out.append(
            {
                "need_external_id": need_id,
                "need_lang": ln,
                "need_text": need_text,
                "offer_external_id": offer_id_,
                "offer_lang": lo,
                "offer_text": offer_text,
                "cross_language": ln != lo,
                "identical_text": need_text == offer_text,
            }
        )
    return out


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
def sha256_json(obj) -> str:
    raw = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def legacy_qrels(qrels):
    old_orgs = {org_id(i) for i in range(1, LEGACY_ORGS + 1)}
    old_offers = {offer_id(i) for i in range(1, LEGACY_OFFERS + 1)}
    partners = {
        a: {b: g for b, g in row.items() if b in old_orgs}
        for a, row in qrels["partners"].items()
        if a in old_orgs
    }
    offers = {}
    for a, row in qrels["offers"].items():
        if a in old_orgs:
            row = {f: g for f, g in row.items() if f in old_offers}
            if row:
                offers[a] = row
    return {"partners": partners, "offers": offers}


def validate(orgs, offers, labels, qrels):
    errors = []
    assert len(orgs) == 139 and len(offers) == 64, (len(orgs), len(offers))
    by_id = {o["external_id"]: o for o in orgs}
    offer_by_id = {f["external_id"]: f for f in offers}
    P, Q, T = qrels["partners"], qrels["offers"], qrels["offer_orgs"]

    # -- the first batch is unchanged -------------------------------------
    if sha256_json(orgs[:LEGACY_ORGS]) != LEGACY_SHA256["organizations"]:
        errors.append("first-batch organisations changed")
    if sha256_json(offers[:LEGACY_OFFERS]) != LEGACY_SHA256["offers"]:
        errors.append("first-batch offers changed")
    if sha256_json(legacy_qrels(qrels)) != LEGACY_SHA256["qrels"]:
        errors.append("grades among first-batch records changed")

    # -- contract and text checks ------------------------------------------
    names = [o["name"] for o in orgs]
    if len(set(names)) != len(names):
        errors.append("duplicate organisation names")
    forbidden = []
    for code in CODES:
        forbidden.append(re.compile(re.escape(code), re.I))
        spec = code.split(".", 1)[1]
        if "_" in spec:  # multi-word specific parts, e.g. "battery cells"
            forbidden.append(re.compile(r"\b" + re.escape(spec.replace("_", " ")) + r"\b", re.I))
            forbidden.append(re.compile(re.escape(spec), re.I))
    contact = re.compile(r"@|\+49|\b0\d{3,4}[ /-]?\d{4,}")
    website = re.compile(
        r"^https?://([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
        r"[A-Za-z]{2,63}(:[0-9]{1,5})?([/?#][!-~]*)?$"
    )

    def texts_of(rec):
        if "name" in rec:
            return [rec["name"], rec["description"], *rec["offers"], *rec["needs"]]
        return [rec["title"], rec["description"]]

    for rec in orgs + offers:
        ext = rec["external_id"]
        for t in texts_of(rec):
            for pat in forbidden:
                if pat.search(t):
                    errors.append(f"{ext}: text copies a code name ({pat.pattern}): {t[:60]}")
            if contact.search(t):
                errors.append(f"{ext}: looks like contact data: {t[:60]}")
        for th in rec["themes"]:
            if th not in THEMES:
                errors.append(f"{ext}: unknown theme {th}")
        if not 1 <= len(rec["themes"]) <= 3:
            errors.append(f"{ext}: 1-3 themes expected")
    for o in orgs:
        ext, lab = o["external_id"], labels[o["external_id"]]
        unfit = "unfit" in lab["role"]
        if o["kind"] not in KINDS:
            errors.append(f"{ext}: kind")
        if o["kind"] in ("startup", "scaleup"):
            if o["stage"] not in STAGES:
                errors.append(f"{ext}: stage required")
        elif o["stage"] is not None:
            errors.append(f"{ext}: stage must be null")
        if o["location"]["district"] not in DISTRICTS:
            errors.append(f"{ext}: district")
        if not website.match(o["website"]) or len(o["website"]) > 300:
            errors.append(f"{ext}: website")
        if not 1800 <= o["founded_year"] <= 2027:
            errors.append(f"{ext}: founded_year")
        if any(len(t) > 300 for t in o["needs"] + o["offers"]):
            errors.append(f"{ext}: a needs/offers text is longer than 300 characters")
        for key in ("need_codes", "offer_codes"):
            if not 1 <= len(lab[key]) <= 3:
                errors.append(f"{ext}: 1-3 {key}")
            for c in lab[key]:
                if c not in CODES:
                    errors.append(f"{ext}: unknown code {c}")
        if set(lab["need_codes"]) & set(lab["offer_codes"]):
            errors.append(f"{ext}: needs what it offers")
        if len(o["needs"]) < 1 or len(o["offers"]) < 1:
            errors.append(f"{ext}: needs/offers texts missing")
        if not unfit and len(P[ext]) < 2:
            errors.append(f"{ext}: fewer than 2 relevant partners")
    for f in offers:
        ext, lab = f["external_id"], labels[f["external_id"]]
        if f["kind"] not in OFFER_KINDS:
            errors.append(f"{ext}: kind")
        for c in lab["provides_codes"]:
            if c not in CODES:
                errors.append(f"{ext}: unknown code {c}")
        el = f["eligibility"]
        if (
            any(k not in KINDS for k in el["kinds"])
            or any(s not in STAGES for s in el["stages"])
            or any(d not in DISTRICTS for d in el["districts"])
        ):
            errors.append(f"{ext}: eligibility enum")
        if el["stages"] and (not el["kinds"] or set(el["kinds"]) - {"startup", "scaleup"}):
            errors.append(f"{ext}: stage-restricted offers must be limited to start-ups/scale-ups")
        if f["deadline"] and not re.fullmatch(r"20(25|27)-\d\d-\d\d", f["deadline"]):
            errors.append(f"{ext}: deadline must be 2025-.. (past) or 2027-..")
        if (
            int(ext[-3:]) > LEGACY_OFFERS
            and f["deadline"]
            and (not f["deadline"].startswith("2027-") or f["deadline"] < FIRST_FUTURE_DEADLINE)
        ):
            errors.append(
                f"{ext}: new deadlines must be null or in 2027 from {FIRST_FUTURE_DEADLINE} on"
            )

    # -- every needed code is offered by >= 2 organisations (except unfit) --
    offered = Counter(c for o in orgs for c in labels[o["external_id"]]["offer_codes"])
    for o in orgs:
        for c in labels[o["external_id"]]["need_codes"]:
            if c in UNFIT_CODES:
                continue
            if offered[c] < 2:
                errors.append(f"{o['external_id']}: need {c} offered by {offered[c]} orgs")

    # -- hard negatives must be grade 0 ------------------------------------
    for q, c, why in HARD_NEGATIVES:
        table = P if c.startswith("eval-org") else Q
        if table.get(q, {}).get(c, 0) != 0:
            errors.append(f"hard negative {q}->{c} has grade > 0 ({why})")
    past = [
        f for f in offers if f["deadline"] and date.fromisoformat(f["deadline"]) < REFERENCE_DATE
    ]
    if len(past) != 3:
        errors.append(f"expected 3 past deadlines, got {len(past)}")

    # -- investment theses ---------------------------------------------------
    for i, o in enumerate(orgs, 1):
        ext, inv = o["external_id"], o.get("investment")
        if inv is None:
            if o["kind"] == "investor" and i > LEGACY_ORGS:
                errors.append(f"{ext}: new investors must carry an investment thesis")
            continue
        if o["kind"] != "investor":
            errors.append(f"{ext}: only investors carry 'investment'")
        if (
            set(inv) != {"stages", "themes", "ticket_eur_min", "ticket_eur_max"}
            or any(s not in STAGES for s in inv["stages"])
            or any(t not in THEMES for t in inv["themes"])
            or not isinstance(inv["ticket_eur_min"], int)
            or not isinstance(inv["ticket_eur_max"], int)
            or not 0 < inv["ticket_eur_min"] <= inv["ticket_eur_max"]
        ):
            errors.append(f"{ext}: malformed investment thesis")
        if not {family(c) for c in labels[ext]["offer_codes"]} & {"funding"}:
            errors.append(f"{ext}: thesis investor offers no funding code")
        live = [
            a
            for a in orgs
            if a is not o
            and set(labels[a["external_id"]]["need_codes"])
            & set(labels[ext]["offer_codes"])
            & set(EQUITY_CODES)
            and all(thesis_fit(o, a))
        ]
        if not live:
            errors.append(f"{ext}: thesis meets no funding need in the set")
    for s, i, part, why in THESIS_TRAPS:
        a, b = by_id[s], by_id[i]
        shared = set(labels[s]["need_codes"]) & set(labels[i]["offer_codes"])
        if not any(family(c) == "funding" for c in shared) or "investment" not in b:
            errors.append(f"thesis trap {s}->{i}: no funding code in common ({why})")
            continue
        stage_ok, theme_ok = thesis_fit(b, a)
        if (part == "stage") != (not stage_ok) or (part == "theme") != (not theme_ok):
            errors.append(f"thesis trap {s}->{i}: expected only the {part} to fail ({why})")
        if P[s].get(i, 0) != 0:
            errors.append(f"thesis trap {s}->{i} has grade > 0 ({why})")

    # -- providers and own offers ---------------------------------------------
    for f in offers:
        ext, prov = f["external_id"], f["provider_external_id"]
        if prov is None:
            continue
        if prov not in by_id:
            errors.append(f"{ext}: unknown provider {prov}")
            continue
        if set(labels[prov]["need_codes"]) & set(labels[ext]["provides_codes"]):
            errors.append(f"{ext}: provider {prov} needs what its own offer provides")
        if Q.get(prov, {}).get(ext, 0) != 0:
            errors.append(f"{ext}: own offer is relevant to its provider {prov}")
        if prov in T[ext]:
            errors.append(f"{ext}: provider {prov} listed among the offer's organisations")
    transpose = {f["external_id"]: {} for f in offers}
    for a in orgs:
        for f_id, g in Q.get(a["external_id"], {}).items():
            if offer_by_id[f_id]["provider_external_id"] != a["external_id"]:
                transpose[f_id][a["external_id"]] = g
    if transpose != T:
        errors.append("offer_orgs is not the transpose of offers (minus the provider)")

    # -- organisations that nothing fits --------------------------------------
    use = Counter()
    for o in orgs:
        lab = labels[o["external_id"]]
        for c in lab["need_codes"] + lab["offer_codes"]:
            use[c] += 1
    for f in offers:
        for c in labels[f["external_id"]]["provides_codes"]:
            if family(c) in UNFIT_FAMILIES:
                errors.append(f"{f['external_id']}: offer provides a code of an unfit family")
    for c in sorted(UNFIT_CODES):
        if use[c] != 1:
            errors.append(f"unfit code {c} used {use[c]} times (expected exactly once)")
    unfit_orgs = [o["external_id"] for o in orgs if "unfit" in labels[o["external_id"]]["role"]]
    for o in orgs:
        ext, lab = o["external_id"], labels[o["external_id"]]
        codes = set(lab["need_codes"] + lab["offer_codes"])
        if (ext in unfit_orgs) != (codes <= UNFIT_CODES) or (
            codes & UNFIT_CODES and not codes <= UNFIT_CODES
        ):
            errors.append(f"{ext}: 'unfit' role and unfit codes disagree")
    for ext in unfit_orgs:
        if P[ext] or any(ext in row for row in P.values()):
            errors.append(f"{ext}: unfit organisation has a relevant partner")
        if ext in Q or any(ext in row for row in T.values()):
            errors.append(f"{ext}: unfit organisation has a relevant offer")
    if len(unfit_orgs) < 6:
        errors.append("fewer than 6 unfit organisations")

    # -- generic offers ---------------------------------------------------------
    generic = [f for f in offers if "generic_offer" in labels[f["external_id"]]["role"]]
    for f in generic:
        ext = f["external_id"]
        if any(f["eligibility"].values()) or f["deadline"] is not None:
            errors.append(f"{ext}: a generic offer must be open to all, without deadline")
        n = len(T[ext])
        if not 1 <= n <= GENERIC_MAX_SHARE * len(orgs):
            errors.append(f"{ext}: generic offer relevant to {n} organisations")
    if len(generic) < 5:
        errors.append("fewer than 5 generic offers")

    # -- peers and peer municipalities -----------------------------------------
    for a, b, why in PEERS:
        if not set(labels[a]["offer_codes"]) & set(labels[b]["offer_codes"]):
            errors.append(f"peers {a}/{b} offer nothing in common ({why})")
    sites = [
        o["external_id"] for o in orgs if "site_offering_public" in labels[o["external_id"]]["role"]
    ]
    for x in sites:
        for y in sites:
            if x < y and P[x].get(y, 0):
                errors.append(f"site-offering public bodies {x} and {y} are relevant partners")

    # -- exact pairs -------------------------------------------------------------
    for rec in exact_pair_records(labels):
        n, o = rec["need_external_id"], rec["offer_external_id"]
        if rec["need_text"] not in by_id[n]["needs"]:
            errors.append(f"exact pair: need text not found in {n}")
        if rec["offer_text"] not in by_id[o]["offers"]:
            errors.append(f"exact pair: offer text not found in {o}")
        if rec["cross_language"] == rec["identical_text"]:
            errors.append(f"exact pair {n}/{o}: must be cross-language or identical text")
        if not meets(by_id[n], labels[n], by_id[o], labels[o]):
            errors.append(f"exact pair {n}/{o}: the offering organisation does not meet the need")
    pairs = exact_pair_records(labels)
    if sum(r["cross_language"] for r in pairs) < 6 or sum(r["identical_text"] for r in pairs) < 2:
        errors.append("need at least 6 cross-language and 2 identical exact pairs")
    return errors


# ---------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------
def statistics(orgs, offers, labels, qrels):
    s = {}
    lang = {r["external_id"]: labels[r["external_id"]]["lang"] for r in orgs + offers}
    by_id = {o["external_id"]: o for o in orgs}
    s["organisations"] = len(orgs)
    s["organisations_first_batch"] = LEGACY_ORGS
    s["offers"] = len(offers)
    s["offers_first_batch"] = LEGACY_OFFERS
    s["org_kinds"] = dict(Counter(o["kind"] for o in orgs))
    s["org_kinds_second_batch"] = dict(Counter(o["kind"] for o in orgs[LEGACY_ORGS:]))
    s["offer_kinds"] = dict(Counter(f["kind"] for f in offers))
    s["org_languages"] = dict(Counter(lang[o["external_id"]] for o in orgs))
    s["offer_languages"] = dict(Counter(lang[f["external_id"]] for f in offers))
    s["org_districts"] = dict(Counter(o["location"]["district"] for o in orgs))
    s["codes"] = len(CODES)
    s["code_families"] = len({family(c) for c in CODES})
    s["unfit_codes"] = len(UNFIT_CODES)
    used = {
        c
        for lab in labels.values()
        for k in ("need_codes", "offer_codes", "provides_codes")
        for c in lab.get(k, [])
    }
    s["codes_used"] = len(used)
    for side in ("need_codes", "offer_codes"):
        total = sum(len(labels[o["external_id"]][side]) for o in orgs)
        s[f"mean_{side}_per_org"] = total / len(orgs)
    roles = Counter(r for lab in labels.values() for r in lab["role"])
    s["roles"] = {r: roles[r] for r in ORG_ROLE_ORDER + OFFER_ROLE_ORDER if roles[r]}

    P = qrels["partners"]
    pairs = {tuple(sorted((a, b))): g for a, row in P.items() for b, g in row.items()}
    s["partner_pairs_unordered"] = len(pairs)
    s["partner_pairs_grade2"] = sum(1 for g in pairs.values() if g == 2)
    s["partner_pairs_grade1"] = sum(1 for g in pairs.values() if g == 1)
    cross_p = sum(1 for a, b in pairs if lang[a] != lang[b])
    s["partner_pairs_cross_language_share"] = cross_p / len(pairs)
    counts = [len(P[o["external_id"]]) for o in orgs]
    s["relevant_partners_per_org_mean"] = sum(counts) / len(counts)
    s["relevant_partners_per_org_min_excluding_unfit"] = min(
        len(P[o["external_id"]]) for o in orgs if "unfit" not in labels[o["external_id"]]["role"]
    )
    s["relevant_partners_per_org_median"] = sorted(counts)[len(counts) // 2]
    s["relevant_partners_per_org_max"] = max(counts)
    s["orgs_with_no_relevant_partner"] = sum(1 for c in counts if c == 0)
    s["orgs_with_more_than_10_relevant_partners"] = sum(1 for c in counts if c > 10)
    s["grade2_partners_per_org_mean"] = sum(
        sum(1 for g in P[o["external_id"]].values() if g == 2) for o in orgs
    ) / len(orgs)

    Q = qrels["offers"]
    off_pairs = [(a, f, g) for a, row in Q.items() for f, g in row.items()]
    s["offer_pairs"] = len(off_pairs)
    s["offer_pairs_grade2"] = sum(1 for *_, g in off_pairs if g == 2)
    s["offer_pairs_grade1"] = sum(1 for *_, g in off_pairs if g == 1)
    cross_o = sum(1 for a, f, _ in off_pairs if lang[a] != lang[f])
    s["offer_pairs_cross_language_share"] = cross_o / len(off_pairs)
    ocounts = [len(Q.get(o["external_id"], {})) for o in orgs]
    s["relevant_offers_per_org_mean"] = sum(ocounts) / len(ocounts)
    s["orgs_with_at_least_one_relevant_offer"] = sum(1 for c in ocounts if c)
    s["orgs_with_a_grade2_offer"] = sum(
        1 for o in orgs if 2 in Q.get(o["external_id"], {}).values()
    )
    s["all_true_pairs"] = len(pairs) + len(off_pairs)
    s["all_true_pairs_cross_language_share"] = (cross_p + cross_o) / (len(pairs) + len(off_pairs))

    T = qrels["offer_orgs"]
    tcounts = [len(T[f["external_id"]]) for f in offers]
    s["relevant_orgs_per_offer_mean"] = sum(tcounts) / len(tcounts)
    s["offers_relevant_to_nobody"] = sum(1 for c in tcounts if c == 0)

    # how often eligibility removes an exact topical fit
    blocked = 0
    for f in offers:
        prov = set(labels[f["external_id"]]["provides_codes"])
        for o in orgs:
            if prov & set(labels[o["external_id"]]["need_codes"]) and not eligible(o, f):
                blocked += 1
    s["exact_topical_fits_made_grade0_by_eligibility_or_deadline"] = blocked
    s["offers_with_restrictions"] = sum(1 for f in offers if any(f["eligibility"].values()))
    s["offers_past_deadline"] = sum(
        1 for f in offers if f["deadline"] and date.fromisoformat(f["deadline"]) < REFERENCE_DATE
    )

    # second-batch features
    investors = [o for o in orgs if "investment" in o]
    s["investors_with_thesis"] = len(investors)
    code_match = thesis_out = grade_lost = 0
    for inv in investors:
        li = labels[inv["external_id"]]
        for a in orgs:
            if a is inv:
                continue
            la = labels[a["external_id"]]
            if {
                c for c in set(la["need_codes"]) & set(li["offer_codes"]) if family(c) == "funding"
            }:
                code_match += 1
                if not all(thesis_fit(inv, a)):
                    thesis_out += 1
                    if not meets(a, la, inv, li):
                        grade_lost += 1
    s["thesis_investor_funding_code_matches"] = code_match
    s["thesis_investor_matches_outside_thesis"] = thesis_out
    s["thesis_investor_directions_removed_by_thesis"] = grade_lost
    s["thesis_traps_listed"] = len(THESIS_TRAPS)
    provided = [f for f in offers if f["provider_external_id"]]
    s["offers_with_provider"] = len(provided)
    s["providers"] = len({f["provider_external_id"] for f in provided})
    would = 0
    for f in provided:
        prov = by_id[f["provider_external_id"]]
        tmp = dict(f, provider_external_id=None)
        if offer_grade(prov, labels[prov["external_id"]], tmp, labels[f["external_id"]]):
            would += 1
    s["own_offers_that_would_be_relevant_without_the_own_offer_rule"] = would
    s["unfit_organisations"] = sum(1 for o in orgs if "unfit" in labels[o["external_id"]]["role"])
    generic = [
        f["external_id"] for f in offers if "generic_offer" in labels[f["external_id"]]["role"]
    ]
    s["generic_offers"] = len(generic)
    s["generic_offers_relevant_orgs"] = {g: len(T[g]) for g in generic}
    s["site_offering_public_bodies"] = roles["site_offering_public"]
    s["site_seekers"] = roles["site_seeker"]
    s["site_seekers_second_batch"] = sum(
        1 for o in orgs[LEGACY_ORGS:] if "site_seeker" in labels[o["external_id"]]["role"]
    )
    s["funding_seekers_second_batch"] = sum(
        1 for o in orgs[LEGACY_ORGS:] if "funding_seeker" in labels[o["external_id"]]["role"]
    )
    ep = exact_pair_records(labels)
    s["exact_pairs_cross_language"] = sum(r["cross_language"] for r in ep)
    s["exact_pairs_identical_text"] = sum(r["identical_text"] for r in ep)
    s["peer_pairs"] = len(PEERS)
    s["hard_negative_pairs_checked"] = len(HARD_NEGATIVES)
    future = sorted(
        f["deadline"]
        for f in offers
        if f["deadline"] and date.fromisoformat(f["deadline"]) >= REFERENCE_DATE
    )
    pastd = sorted(
        f["deadline"]
        for f in offers
        if f["deadline"] and date.fromisoformat(f["deadline"]) < REFERENCE_DATE
    )
    s["qrels_valid_for_evaluation_dates"] = f"after {pastd[-1]} and before {future[0]}"
    return s


def main() -> int:
    orgs, offers, labels = build_records()
    assign_roles(orgs, offers, labels)
    qrels = build_qrels(orgs, offers, labels)
    errors = validate(orgs, offers, labels, qrels)
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        return 1

    def dump(name, obj):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, ensure_ascii=False, indent=2, sort_keys=False)
            fh.write("\n")

    dump("dataset.json", {"organizations": orgs, "offers": offers})
    dump("labels.json", labels)
    dump("qrels.json", qrels)
    dump("exact_pairs.json", exact_pair_records(labels))

    s = statistics(orgs, offers, labels, qrels)
    print("wrote dataset.json, labels.json, qrels.json, exact_pairs.json to", HERE)
    for k, v in s.items():
        if isinstance(v, float):
            v = f"{v:.3f}" if v < 1 else f"{v:.2f}"
        print(f"  {k}: {v}")
    if s["all_true_pairs_cross_language_share"] < 0.40:
        print("ERROR: cross-language share of true pairs below 40 %", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
