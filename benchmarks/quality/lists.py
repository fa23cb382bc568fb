"""Every list the service answers with, for every query of the labelled set, unthresholded.

Shared by `calibrate.py` (fits the relevance curves) and `evaluate.py` (measures them). Lists:
partners and offers for each organisation, organisations for each offer, search for each
organisation's needs (the text as a need: who offers it) and for each offer's text (the text
as an offer: who seeks it). Grades come from the hidden codes (labels.json, qrels.json).
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("MATCHMAKER_LOG_LEVEL", "WARNING")

MODES = ("partners", "offers", "offer_orgs", "search", "seekers")
DEPTH = 50  # candidates kept per list (the API's largest limit)


@dataclass
class LabelledSet:
    data: dict
    qrels: dict
    labels: dict

    @classmethod
    def load(cls, folder: Path = HERE) -> LabelledSet:
        read = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))  # noqa: E731
        return cls(read("dataset.json"), read("qrels.json"), read("labels.json"))

    def grades(self, mode: str) -> dict[str, dict[str, int]]:
        """query external_id -> {candidate external_id: grade > 0}, for every query asked."""
        orgs, offers = self.data["organizations"], self.data["offers"]
        if mode in ("partners", "offers"):
            return {o["external_id"]: self.qrels[mode].get(o["external_id"], {}) for o in orgs}
        if mode == "offer_orgs":
            if "offer_orgs" in self.qrels:
                return {
                    o["external_id"]: self.qrels["offer_orgs"].get(o["external_id"], {})
                    for o in offers
                }
            out: dict[str, dict[str, int]] = {o["external_id"]: {} for o in offers}
            for org, row in self.qrels["offers"].items():
                for offer, grade in row.items():
                    out[offer][org] = grade
            return out
        if mode == "search":  # an organisation's needs as one text: who offers any of them
            out = {}
            for o in orgs:
                wanted = set(self.labels[o["external_id"]]["need_codes"])
                out[o["external_id"]] = {
                    c["external_id"]: 1
                    for c in orgs
                    if c is not o and wanted & set(self.labels[c["external_id"]]["offer_codes"])
                }
            return out
        out = {}  # seekers: an offer's text, who needs what it provides
        for offer in offers:
            given = set(self.labels[offer["external_id"]]["provides_codes"])
            out[offer["external_id"]] = {
                c["external_id"]: 1
                for c in orgs
                if given & set(self.labels[c["external_id"]]["need_codes"])
                and c["external_id"] != offer.get("provider_external_id")
            }
        return out

    def language(self, external_id: str) -> str:
        return self.labels[external_id]["lang"]

    def kind(self, external_id: str) -> str:
        record = next(
            r
            for r in self.data["organizations"] + self.data["offers"]
            if r["external_id"] == external_id
        )
        return record["kind"]


@dataclass
class Lists:
    """mode -> query external_id -> [(candidate external_id, raw score, cites evidence)],
    best first."""

    runs: dict[str, dict[str, list[tuple[str, float]]]] = field(default_factory=dict)


def build_app(workdir: Path, **config):
    from matchmaker.app import create_app
    from matchmaker.migrations import upgrade_database

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / f'eval-{uuid.uuid4().hex[:6]}.db'}",
            "MATCHMAKER_REDIS_PREFIX": f"mmeval{uuid.uuid4().hex[:6]}",
            "RATELIMIT_ENABLED": False,
            **config,
        }
    )
    upgrade_database(app)
    return app


def load(app, labelled: LabelledSet) -> dict[str, str]:
    """Import the set; return external_id -> id."""
    from matchmaker.access.principal import SYSTEM
    from matchmaker.imports import service as imports
    from matchmaker.imports.schemas import validate_records

    with app.app_context():
        valid = validate_records(labelled.data)
        report = imports.import_records(
            valid.organizations, valid.offers, errors=valid.errors, principal=SYSTEM
        )
        assert not report.errors, report.errors[:3]
        records = imports.export_records(include_contact=False)
    return {r["external_id"]: r["id"] for r in records["organizations"] + records["offers"]}


def run_lists(app, ids: dict[str, str], labelled: LabelledSet, weights=None, modes=MODES) -> Lists:
    """Every list of the set, unthresholded (min_score=0), DEPTH deep."""
    from matchmaker.engine.calibration import has_evidence
    from matchmaker.extensions import db
    from matchmaker.matches import service as matches
    from matchmaker.offers.models import Offer
    from matchmaker.organizations.models import Organization

    back = {v: k for k, v in ids.items()}
    extra = {} if weights is None else {"weights": weights}
    out = Lists({mode: {} for mode in modes})

    def options(**kwargs):
        return matches.MatchOptions(limit=DEPTH, min_score=0.0, **extra, **kwargs)

    def keep(mode: str, query: str, answer) -> None:
        out.runs[mode][query] = [
            (back[i["id"]], i["raw_score"], has_evidence(i)) for i in answer.items
        ]

    with app.app_context():
        for record in labelled.data["organizations"]:
            ext = record["external_id"]
            org = db.session.get(Organization, ids[ext])
            if "partners" in modes:
                keep(
                    "partners",
                    ext,
                    matches.matches_for_organization(
                        organization=org, options=options(target="organizations")
                    ),
                )
            if "offers" in modes:
                keep(
                    "offers",
                    ext,
                    matches.matches_for_organization(
                        organization=org, options=options(target="offers")
                    ),
                )
            if "search" in modes and record.get("needs"):
                keep(
                    "search",
                    ext,
                    matches.search(
                        text="; ".join(record["needs"]), options=options(target="organizations")
                    ),
                )
        for record in labelled.data["offers"]:
            ext = record["external_id"]
            if "offer_orgs" in modes:
                offer = db.session.get(Offer, ids[ext])
                keep(
                    "offer_orgs",
                    ext,
                    matches.matches_for_offer(offer=offer, options=options(target="organizations")),
                )
            if "seekers" in modes:
                text = f"{record['title']}. {record.get('description', '')}"
                keep(
                    "seekers",
                    ext,
                    matches.search(
                        text=text, options=options(target="organizations", direction="seekers")
                    ),
                )
        db.session.remove()
    return out
