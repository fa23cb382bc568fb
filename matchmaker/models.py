"""Every room's tables in one place, for migrations and tests (the rooms own their models)."""

from __future__ import annotations


def register_all() -> list[type]:
    """Import each room's models so that their tables are on the metadata; return them."""
    from matchmaker.access.models import ApiKey
    from matchmaker.audit.models import AuditEvent
    from matchmaker.feedback.models import Feedback
    from matchmaker.introductions.models import Introduction
    from matchmaker.jobs.models import Job
    from matchmaker.matches.models import Embedding, IndexChange
    from matchmaker.offers.models import Offer
    from matchmaker.organizations.models import Organization

    return [
        ApiKey,
        AuditEvent,
        Embedding,
        Feedback,
        IndexChange,
        Introduction,
        Job,
        Offer,
        Organization,
    ]
