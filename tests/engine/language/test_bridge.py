"""Tests of the German-to-English bridge: detection, to_english, terms, loading, fingerprint."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest

from matchmaker.engine.language import (
    DEFAULT_DICTIONARY_PATH,
    Bridge,
    detect_language,
    get_bridge,
    parse_dictionary,
    preparation_fingerprint,
    wordlists,
)
from matchmaker.engine.language import bridge as bridge_module

HAS_DICTIONARY = Path(DEFAULT_DICTIONARY_PATH).is_file()
requires_dictionary = pytest.mark.skipif(
    not HAS_DICTIONARY,
    reason=f"Debian's trans-de-en dictionary ({DEFAULT_DICTIONARY_PATH}) is not installed",
)


@pytest.fixture(scope="module")
def bridge() -> Bridge:
    """A bridge on the real dictionary, with its parsed form cached as in production."""
    if not HAS_DICTIONARY:
        pytest.skip(f"Debian's trans-de-en dictionary ({DEFAULT_DICTIONARY_PATH}) is not installed")
    instance = Bridge()
    assert len(instance.entries) > 100_000
    return instance


@pytest.fixture(autouse=True)
def clean() -> None:
    """Override the suite's autouse database cleanup: these tests need no app."""


def words(text: str) -> list[str]:
    return text.lower().replace("-", " ").split()


# ------------------------------------------------------------------ language detection

GERMAN = [
    "Prüfstand für Batteriezellen",
    "Wasserstoff",
    "Leichtbau",
    "Batteriezellfertigung",
    "Fachkräfte gesucht",
    "Pilotkunde",
    "Förderprogramm",
    "Batteriezellen",
    "Messtechnik",
    "Elektromobilität",
    "Automatisierung und Robotik",
    "Büro zu vermieten",
    "KI-Beratung",
    "Ausgründung aus der Universität Stuttgart",
    "Wir suchen Seed-Finanzierung für unser Batterie-Start-up",
    "Software-Entwicklung und Cloud-Lösungen",
    "Mittelständischer Zulieferer mit 200 Mitarbeitenden sucht Partner für Wasserstoffprojekte.",
    "Design und Marketing Agentur",
    "Innovationsförderung für KMU",
    "Schweißen und Fräsen",
    "Batteriezellfertigungsanlage",
]
ENGLISH = [
    "pilot customer",
    "hydrogen",
    "startup",
    "fuel cell drive",
    "battery cell test bench",
    "We are looking for seed funding for our battery start-up",
    "lightweight construction",
    "office space for rent",
    "Skilled workers wanted",
    "funding programme",
    "AI consulting",
    "maintenance of machine tools",
    "Spin-off from the University of Stuttgart",
    "production hall",
    "venture capital",
    "The company offers 500 square metres of lab space in Esslingen.",
    "Working students in electrical engineering",
    "CNC machining",
    "Design and marketing agency",
    "We offer Industrie 4.0 consulting für SMEs in the Stuttgart region and look for partners.",
]


@pytest.mark.parametrize("text", GERMAN)
def test_detects_german(text: str) -> None:
    assert detect_language(text) == "de"


@pytest.mark.parametrize("text", ENGLISH)
def test_detects_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "   ", "2025", "CNC", "5G / OEM", "?!"])
def test_undecidable_defaults_to_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_mixed_text_leans_to_majority() -> None:
    assert detect_language("Wir bieten Beratung für die Digitalisierung, a.k.a. AI") == "de"
    assert detect_language("We provide consulting on digitalisation and Förderung") == "en"


# ------------------------------------------------------------------ to_english

COMPOUNDS = {
    "Batteriezellfertigung": "battery cell manufacturing",
    "Batteriezellprüfung": "battery cell testing",
    "Produktionshalle": "production hall",
    "Fahrzeugentwicklung": "vehicle development",
    "Wasserstoffspeicherung": "hydrogen storage",
    "Softwareentwicklungsdienstleister": "software development service provider",
}


@requires_dictionary
@pytest.mark.parametrize(("german", "english"), COMPOUNDS.items())
def test_compounds_are_split(bridge: Bridge, german: str, english: str) -> None:
    assert bridge.to_english(german) == english


@requires_dictionary
def test_funding_programme(bridge: Bridge) -> None:
    rendered = bridge.to_english("Förderprogramm")
    assert "funding" in rendered and "program" in rendered


def test_compound_split_works_from_the_glossary_alone() -> None:
    glossary_only = Bridge(None)
    assert glossary_only.to_english("Batteriezellprüfung") == "battery cell testing"
    assert glossary_only.to_english("Brennstoffzellenfertigung") == "fuel cell manufacturing"


@requires_dictionary
@pytest.mark.parametrize(
    ("german", "expected"),
    [
        ("Batterien", "battery"),
        ("Hallen", "hall"),
        ("in Prüfständen", "test benches"),
        ("von Zulieferern", "supplier"),
        ("die geförderten Projekte", "funded project"),
        ("Das Unternehmen entwickelt Sensoren", "develop"),
        ("wachsende Technologieunternehmen", "growing technology company"),
        ("Förderungen", "funding"),
        ("des Unternehmens", "company"),
        ("innovativen Lösungen für künstlicher Intelligenz", "artificial intelligence"),
    ],
)
def test_inflected_forms_are_lemmatised(bridge: Bridge, german: str, expected: str) -> None:
    assert expected in bridge.to_english(german)


@requires_dictionary
def test_numbers_units_names_and_acronyms_are_kept(bridge: Bridge) -> None:
    rendered = bridge.to_english(
        "Die Müller GmbH bietet 800 m² Fläche und 5G-Campus-Netz für OEM-Projekte "
        "mit CNC-Fertigung in Esslingen, Industrie 4.0, Budget 1,5 Mio. Euro."
    )
    for kept in ("Müller", "GmbH", "800", "m²", "5G", "OEM", "CNC", "Esslingen", "4.0", "1,5"):
        assert kept in rendered, (kept, rendered)
    assert "million" in rendered
    assert "AI" in bridge.to_english("Wir entwickeln KI für die Fertigung")


@requires_dictionary
@pytest.mark.parametrize(
    "german, kept",
    [
        ("Pilotanlage in Winterbach", "Winterbach"),
        ("Hallenfläche am Standort Leinfelden-Echterdingen", "Leinfelden-Echterdingen"),
        ("Reinraum in Esslingen am Neckar", "Esslingen am Neckar"),
        ("Büros in Weil der Stadt und Bad Cannstatt", "Weil der Stadt"),
        ("Labor in Kirchheim unter Teck", "Kirchheim unter Teck"),
    ],
)
def test_the_regions_place_names_are_kept(bridge: Bridge, german: str, kept: str) -> None:
    """A municipality is a name: "Winterbach" is not "winter brook"."""
    rendered = bridge.to_english(german)
    assert kept in rendered, rendered


@requires_dictionary
def test_a_one_word_place_name_that_is_a_word_stays_a_word(bridge: Bridge) -> None:
    # "Weil" is a short form of "Weil der Stadt", and first of all the word "because";
    # Kuchen and Kernen are municipalities too, and first of all cake and (plural) cores.
    assert bridge.to_english("Weil wir wachsen, suchen wir Büros").lower().startswith("because")
    assert "cake" in bridge.to_english("Bäckerei sucht Partner für Kuchen und Brot")
    assert "Kernen" not in bridge.to_english("Prozessoren mit vielen Kernen")


@requires_dictionary
def test_word_order_kept_and_function_words_handled(bridge: Bridge) -> None:
    rendered = bridge.to_english("Wir suchen Seed-Finanzierung für unser Batterie-Start-up")
    assert rendered.lower() == "we look for seed-funding for our battery-start-up"
    rendered = bridge.to_english("Der Zulieferer und die Hochschule entwickeln das Labor")
    assert words(rendered) == ["supplier", "and", "university", "develop", "laboratory"]


@requires_dictionary
def test_domain_glossary_beats_general_first_sense(bridge: Bridge) -> None:
    assert bridge.to_english("Förderung") == "funding"
    assert bridge.to_english("Halle") == "hall"
    assert bridge.to_english("Antrieb") == "drive"
    assert bridge.to_english("Fläche") == "space"


@requires_dictionary
def test_idioms_and_gender_forms(bridge: Bridge) -> None:
    assert bridge.to_english("Wir stellen Büroräume zur Verfügung.") == "we provide office space."
    assert bridge.to_english("Wir bieten Räume an.") == "we offer premises."
    assert bridge.to_english("Ingenieur*innen (m/w/d) gesucht") == "engineer wanted"
    assert bridge.to_english("Fläche ab sofort verfügbar, z. B. für Start-ups") == (
        "space immediately available, e.g. for start-ups"
    )


@requires_dictionary
@pytest.mark.parametrize(
    "text",
    [
        "We are looking for seed funding for our battery start-up.",
        "pilot customer",
        "Office space  for rent\nin Stuttgart (500 m²)",
        "",
    ],
)
def test_english_text_is_returned_unchanged(bridge: Bridge, text: str) -> None:
    assert bridge.to_english(text) is text


# ------------------------------------------------------------------ terms

PARAPHRASES = [
    ("Batteriezellprüfung", "battery cell testing"),
    (
        "Wir suchen Seed-Finanzierung für unser Batterie-Start-up",
        "We are looking for seed funding for our battery start-up",
    ),
    ("Produktionshalle zu vermieten", "Production hall for rent"),
    ("Förderprogramm für Digitalisierung", "Funding program for digitalization"),
    ("Fachkräfte für Leistungselektronik gesucht", "Skilled workers wanted for power electronics"),
    (
        "Wir entwickeln Brennstoffzellen für Nutzfahrzeuge",
        "We develop fuel cells for commercial vehicles",
    ),
    ("Prüfstand für Elektromotoren", "Test bench for electric motors"),
    ("Kooperation mit Forschungseinrichtungen", "Cooperation with research institutions"),
    ("Wagniskapital für Ausgründungen", "Venture capital for spin-offs"),
    ("Instandhaltung von Werkzeugmaschinen", "Maintenance of machine tools"),
    ("Laborfläche für Sensorik-Start-ups", "Lab space for sensor technology start-ups"),
]


@requires_dictionary
@pytest.mark.parametrize(("german", "english"), PARAPHRASES)
def test_terms_overlap_across_languages(bridge: Bridge, german: str, english: str) -> None:
    shared = set(bridge.terms(german)) & set(bridge.terms(english))
    assert len(shared) >= 2, (bridge.terms(german), bridge.terms(english))


@requires_dictionary
def test_terms_of_compound_and_phrase(bridge: Bridge) -> None:
    german = set(bridge.terms("Batteriezellprüfung"))
    assert {"batteri", "cell", "test"} <= german
    assert {"batteri", "cell", "test"} <= set(bridge.terms("battery cell testing"))


def test_terms_of_english_are_stemmed_without_stopwords() -> None:
    glossary_only = Bridge(None)
    assert glossary_only.terms("We are looking for the testing of batteries") == [
        "look",
        "test",
        "batteri",
    ]
    # British and American spellings meet
    assert glossary_only.terms("funding programme") == glossary_only.terms("funding program")
    assert glossary_only.terms("digitalisation") == glossary_only.terms("digitalization")


# ------------------------------------------------------------------ loading


def test_missing_dictionary_degrades_to_glossary(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = Bridge(str(tmp_path / "no-such-dictionary"), cache_dir=tmp_path)
    with caplog.at_level(logging.WARNING, logger=bridge_module.__name__):
        assert missing.to_english("Förderprogramm für Wasserstoff") == (
            "funding programme for hydrogen"
        )
        assert missing.to_english("Batteriezellfertigung") == "battery cell manufacturing"
        assert "fund" in missing.terms("Förderung")
        assert missing.to_english("Quatschwort") == "Quatschwort"
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "not found" in warnings[0].getMessage()
    assert missing.entries == {}


def test_no_dictionary_at_all() -> None:
    assert Bridge(None).to_english("Zuschuss für Gründung") == "grant for start-up"


SMALL_DICTIONARY = """\
# Version :: test
Förderung {f} | Förderungen {pl} :: conveyance | conveyances
Zelle {f} [biol.] | Zellen {pl} :: biocell | biocells
Zelle {f} | Zellen {pl} | Speicherzelle {f} :: cell | cells | storage cell
Software {f} [comp.] :: piece of software; software [mass noun]
Hauptbahnhof {m} (Hbf.; HB) | Hauptbahnhöfe {pl} :: main station | main stations
etw. prüfen {vt} | prüfend | geprüft :: to check sth. | checking | checked
Prüfen {n} :: inspection
Geld {n} :: money; geld [obs.]
GmbH {f} :: limited company
"""


def test_parse_dictionary_picks_general_senses(tmp_path: Path) -> None:
    path = tmp_path / "de-en"
    path.write_text(SMALL_DICTIONARY, encoding="utf-8")
    entries = parse_dictionary(path)
    assert entries["Zelle"] == "cell"  # the [biol.] sense is rare
    assert entries["Zellen"] == "cells"
    assert entries["Speicherzelle"] == "storage cell"
    assert entries["Software"] == "software"  # a cognate wins
    assert entries["Hauptbahnhof"] == "main station"  # "(Hbf.; HB)" is a comment
    assert entries["prüfen"] == "check"  # placeholders and "to" dropped
    assert entries["Prüfen"] == "inspection"  # nouns keep their case
    assert entries["geprüft"] == "checked"
    assert entries["Geld"] == "money"  # an obsolete cognate does not win
    assert "GmbH" not in entries and "gmbh" not in entries


def test_parsed_dictionary_is_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "de-en"
    path.write_text(SMALL_DICTIONARY, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    first = Bridge(str(path), cache_dir=cache_dir)
    assert first.to_english("Die Speicherzelle und das Geld") == "storage cell and money"
    assert len(list(cache_dir.iterdir())) == 1

    def fail(_: object) -> dict[str, str]:
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr(bridge_module, "parse_dictionary", fail)
    second = Bridge(str(path), cache_dir=cache_dir)
    assert second.entries == first.entries


def test_dictionary_loads_once_under_concurrency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "de-en"
    path.write_text(SMALL_DICTIONARY, encoding="utf-8")
    calls: list[int] = []
    real = bridge_module.parse_dictionary

    def slow_parse(target: str) -> dict[str, str]:
        calls.append(1)
        time.sleep(0.2)
        return real(target)

    monkeypatch.setattr(bridge_module, "parse_dictionary", slow_parse)
    shared = Bridge(str(path), use_cache=False)
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(shared.to_english("Die Speicherzelle")))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert results == ["storage cell"] * 8


@requires_dictionary
def test_dictionary_load_is_fast(bridge: Bridge) -> None:
    fresh = Bridge(cache_dir=bridge.cache_dir)
    started = time.perf_counter()
    entries = fresh.entries
    elapsed = time.perf_counter() - started
    assert len(entries) == len(bridge.entries)
    assert elapsed < 2.0, f"loading the cached dictionary took {elapsed:.2f} s"


@requires_dictionary
def test_get_bridge_is_a_singleton() -> None:
    assert get_bridge() is get_bridge()
    assert get_bridge().dictionary_path == DEFAULT_DICTIONARY_PATH


# ------------------------------------------------------------------ get_bridge


def test_get_bridge_is_memoised_per_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bridge_module, "_bridges", {})
    path = str(tmp_path / "de-en")
    first = get_bridge(path)
    assert first is get_bridge(path)
    assert first.dictionary_path == path
    assert get_bridge() is get_bridge(DEFAULT_DICTIONARY_PATH)
    assert get_bridge() is not first
    glossary_only = get_bridge(None)
    assert glossary_only.dictionary_path is None
    assert get_bridge("") is glossary_only  # an empty setting means no dictionary
    assert glossary_only.to_english("Zuschuss für Gründung") == "grant for start-up"


def test_get_bridge_builds_one_bridge_under_concurrency(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bridge_module, "_bridges", {})
    created: list[str | None] = []

    class SlowBridge(Bridge):
        def __init__(self, dictionary_path: str | None) -> None:
            created.append(dictionary_path)
            time.sleep(0.1)
            super().__init__(dictionary_path)

    monkeypatch.setattr(bridge_module, "Bridge", SlowBridge)
    start = threading.Barrier(8)
    results: list[Bridge] = []

    def fetch() -> None:
        start.wait()
        results.append(get_bridge("/nowhere/de-en"))

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert created == ["/nowhere/de-en"]
    assert len(results) == 8 and all(result is results[0] for result in results)


# ------------------------------------------------------------------ preparation fingerprint


def test_preparation_fingerprint_is_short_hex_and_stable() -> None:
    fingerprint = preparation_fingerprint()
    assert len(fingerprint) == 12
    assert int(fingerprint, 16) >= 0 and fingerprint == fingerprint.lower()
    assert preparation_fingerprint.__wrapped__() == fingerprint  # not only the cached value


def test_preparation_fingerprint_covers_every_data_file() -> None:
    data_dir = Path(bridge_module.__file__).parent / "data"
    on_disk = sorted(path.name for path in data_dir.iterdir() if path.is_file())
    names = [name for name, _ in wordlists.data_files()]
    assert names == on_disk
    assert "glossary_de_en.txt" in names


def test_preparation_fingerprint_changes_with_data_and_render_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compute = preparation_fingerprint.__wrapped__
    original = compute()
    files = wordlists.data_files()

    monkeypatch.setattr(bridge_module, "RENDER_VERSION", bridge_module.RENDER_VERSION + 1)
    assert compute() != original
    monkeypatch.undo()
    assert compute() == original

    edited = [
        (name, content + b"x = y\n" if index == 0 else content)
        for index, (name, content) in enumerate(files)
    ]
    monkeypatch.setattr(wordlists, "data_files", lambda: edited)
    assert compute() != original


def test_preparation_fingerprint_ignores_the_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    before = preparation_fingerprint.__wrapped__()

    def fail(_: object) -> dict[str, str]:
        raise AssertionError("the fingerprint must not read the dictionary")

    monkeypatch.setattr(bridge_module, "parse_dictionary", fail)
    monkeypatch.setattr(bridge_module, "read_cache", fail)
    assert preparation_fingerprint.__wrapped__() == before


# ------------------------------------------------------------------ word lists


def test_word_lists_load_from_data_files() -> None:
    assert wordlists.glossary()["förderung"] == "funding"
    assert wordlists.de_function_words()["der"] == ""  # dropped
    assert wordlists.de_abbreviations()["z. b."] == "e.g."
    assert wordlists.de_abbreviations()["m/w/d"] == ""
    assert "e. v." in wordlists.legal_forms()
    assert wordlists.separable_prefixes()[:2] == ("ab", "an")  # order kept: tried in order
    assert wordlists.glossary() is wordlists.glossary()  # read once
