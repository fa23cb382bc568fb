"""The organisation's declared fields (from its model) and the one rule between two of them."""

from __future__ import annotations

from matchmaker.core.fields import EntityFields
from matchmaker.organizations.models import Organization

FIELDS = EntityFields(Organization)

#: Only these kinds have a funding stage.
STAGED_KINDS = ("startup", "scaleup")
STAGE_RULE = "Only start-ups and scale-ups have a stage."


def stage_problem(kind: str | None, stage: str | None) -> str | None:
    """What is wrong with this kind and stage together, or None."""
    if stage and kind not in STAGED_KINDS:
        return STAGE_RULE
    return None


THESIS_RULE = "Only investors have an investment thesis."


def thesis_problem(kind: str | None, investment: dict | None) -> str | None:
    """What is wrong with this kind and investment thesis together, or None."""
    if kind != "investor" and investment and any(investment.values()):
        return THESIS_RULE
    return None
