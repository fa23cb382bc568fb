"""What the engine is handed: frozen records of organisations and offers, never database rows.

`matches/loader.py` builds them from the database; tests and benchmarks build them directly.
A record carries everything a match needs: the filters and structured signals, the lexical
terms and vectors of its texts, and the fields a result shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from matchmaker.taxonomy import DISTRICTS, ORGANIZATION_KINDS, STAGES, THEMES

ORG, OFFER = 0, 1
ENTITY_TYPES = {"organization": ORG, "offer": OFFER}
TYPE_NAMES = {ORG: "organization", OFFER: "offer"}

THEME_BITS = {code: 1 << i for i, code in enumerate(THEMES)}
KIND_BITS = {code: 1 << i for i, code in enumerate(ORGANIZATION_KINDS)}
STAGE_BITS = {code: 1 << i for i, code in enumerate(STAGES)}
DISTRICT_BITS = {code: 1 << i for i, code in enumerate(DISTRICTS)}
STAGE_ORDER = {code: i for i, code in enumerate(STAGES)}
NO_DEADLINE = int(np.iinfo(np.int32).max)

#: field -> ((position of the text, variant, unit vector), ...)
Vectors = Mapping[str, tuple[tuple[int, int, np.ndarray], ...]]


def bits(codes: tuple[str, ...] | list[str] | None, table: dict[str, int]) -> int:
    return sum(table.get(code, 0) for code in set(codes or ()))


@dataclass(frozen=True)
class EntityRecord:
    """One organisation or offer as the engine sees it.

    `title` is an organisation's name or an offer's title; `kind` its organisation kind or
    offer kind. `terms` holds the lexical terms of each text per field (profile, offer, need),
    `vectors` their embeddings. The organisation-only and offer-only fields keep their empty
    defaults on the other type.
    """

    etype: int
    id: str
    published: bool
    title: str
    kind: str
    themes: tuple[str, ...] = ()
    district: str | None = None
    municipality: str | None = None
    lat: float | None = None
    lon: float | None = None
    updated: float = 0.0  # POSIX seconds
    terms: Mapping[str, list[list[str]]] = field(default_factory=dict)
    vectors: Vectors = field(default_factory=dict)
    # organisations
    stage: str | None = None
    verified: bool = False
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # investors: the thesis (empty lists: any stage, any theme) and ticket range in euros
    invest_stages: tuple[str, ...] = ()
    invest_themes: tuple[str, ...] = ()
    ticket_eur_min: int | None = None
    ticket_eur_max: int | None = None
    # where lat/lon come from: "given", "municipality" (its GeoNames point), or None
    located_by: str | None = None
    # offers
    deadline: date | None = None
    amount_eur_max: int | None = None
    provider_id: str | None = None
    eligible_kinds: tuple[str, ...] = ()
    eligible_stages: tuple[str, ...] = ()
    eligible_districts: tuple[str, ...] = ()
    # organisations: the candidates it marked not relevant, as (etype, id)
    dismissed: tuple[tuple[int, str], ...] = ()
    # English renderings of the quoted texts ("offer", "need", an offer's "title"), aligned
    # with them, None where a text is not German (engine/texts.EntityTexts.english); None
    # for a record written before they were kept (explanations then render them on demand).
    english: Mapping[str, tuple[str | None, ...]] | None = None

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.etype]

    def card(self) -> EntityRecord:
        """The record without its vectors and terms: what a result shows (kept per slot)."""
        return replace(self, vectors={}, terms={}, dismissed=())


@dataclass(frozen=True)
class Facets:
    """A record's filters and structured signals as bits and numbers (one row of the index)."""

    kind_bit: int = 0
    stage_idx: int = -1
    district_bit: int = 0
    theme_bits: int = 0
    lat: float = float("nan")
    lon: float = float("nan")
    verified: bool = False
    deadline: int = NO_DEADLINE
    elig_kinds: int = 0
    elig_stages: int = 0
    elig_districts: int = 0
    thesis_stages: int = 0
    thesis_themes: int = 0
    has_thesis: bool = False

    @classmethod
    def of(cls, record: EntityRecord) -> Facets:
        common = {
            "district_bit": DISTRICT_BITS.get(record.district or "", 0),
            "theme_bits": bits(record.themes, THEME_BITS),
            "lat": record.lat if record.lat is not None else float("nan"),
            "lon": record.lon if record.lon is not None else float("nan"),
        }
        if record.etype == ORG:
            return cls(
                kind_bit=KIND_BITS.get(record.kind, 0),
                stage_idx=STAGE_ORDER.get(record.stage or "", -1),
                verified=bool(record.verified),
                thesis_stages=bits(record.invest_stages, STAGE_BITS),
                thesis_themes=bits(record.invest_themes, THEME_BITS),
                has_thesis=bool(
                    record.invest_stages
                    or record.invest_themes
                    or record.ticket_eur_min is not None
                    or record.ticket_eur_max is not None
                ),
                **common,
            )
        return cls(
            verified=True,
            deadline=record.deadline.toordinal() if record.deadline else NO_DEADLINE,
            elig_kinds=bits(record.eligible_kinds, KIND_BITS),
            elig_stages=bits(record.eligible_stages, STAGE_BITS),
            elig_districts=bits(record.eligible_districts, DISTRICT_BITS),
            **common,
        )
