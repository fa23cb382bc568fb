"""The offer's declared fields (from its model)."""

from __future__ import annotations

from matchmaker.core.fields import EntityFields
from matchmaker.offers.models import Offer

FIELDS = EntityFields(Offer)
