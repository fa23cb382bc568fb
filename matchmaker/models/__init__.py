"""SQLAlchemy 2.0 typed models, one module per aggregate."""

from matchmaker.models.api_key import ApiKey
from matchmaker.models.audit import AuditEvent
from matchmaker.models.embedding import Embedding, IndexChange
from matchmaker.models.feedback import Feedback
from matchmaker.models.introduction import Introduction
from matchmaker.models.offer import Offer
from matchmaker.models.organization import Organization

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Embedding",
    "Feedback",
    "IndexChange",
    "Introduction",
    "Offer",
    "Organization",
]
