"""GDPR: export everything stored about an organisation (art. 20), erase it (art. 17).

Erasure starts in the organisations room (`DELETE /organizations/{id}?erase=true`), which sends
its `erasing` signal inside the unit of work; the receiver below erases what every other room
holds, in this order, before the organisation row goes. Nothing commits here.
"""

from __future__ import annotations

from typing import Any

from matchmaker.access import service as access
from matchmaker.access.principal import Principal
from matchmaker.audit import service as audit
from matchmaker.core.db import after_commit, checkpoint
from matchmaker.core.time import jsonable
from matchmaker.errors import Forbidden
from matchmaker.feedback import service as feedback
from matchmaker.introductions import service as introductions
from matchmaker.matches import indexing
from matchmaker.matches import service as matches
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations


def get_organization(organization_id: str, principal: Principal) -> organizations.Organization:
    """The organisation to export, if the caller may: staff, or its own members."""
    org = organizations.get_organization(organization_id, principal)
    if not principal.is_staff and principal.organization_id != org.id:
        raise Forbidden("Members may export only their own organisation.")
    return org


def export_organization(org: organizations.Organization) -> dict[str, Any]:
    """Everything stored about the organisation, as JSON-ready data."""
    return jsonable(
        {
            "organization": organizations.to_api(org, show_contact=True),
            "offers": [offers.to_api(o) for o in offers.offered_by(org.id)],
            "introductions": [
                {
                    "id": i.id,
                    "from_organization_id": i.from_organization_id,
                    "to_organization_id": i.to_organization_id,
                    "message": i.message,
                    "status": i.status,
                    "created_at": i.created_at,
                    "updated_at": i.updated_at,
                }
                for i in introductions.involving(org.id)
            ],
            "feedback": [
                {
                    "organization_id": f.organization_id,
                    "candidate_type": f.candidate_type,
                    "candidate_id": f.candidate_id,
                    "verdict": f.verdict,
                    "created_at": f.created_at,
                }
                for f in feedback.given_by(org.id)
            ],
            "audit": [
                {"action": e.action, "actor": e.actor, "at": e.at, "changes": e.changes}
                for e in audit.events_for(org.id)
            ],
            "embeddings": [
                {"field": f, "position": p, "model_id": m}
                for f, p, m in matches.stored_vectors("organization", org.id)
            ],
        }
    )


@organizations.erasing.connect
def erase_organization(org: organizations.Organization, *, principal: Principal) -> bool:
    """Erase what the other rooms hold about `org` (its own row is deleted by the sender).

    Its vectors (and their cached copies, after the commit), the names of its keys wherever
    they acted, personal fields in its history, its introductions and feedback, its keys; its
    offers stay, without a provider.
    """
    indexing.forget_entity(org, erase_cached_texts=True)
    keys = access.keys_of(org.id)
    audit.scrub_actors([key.id for key in keys])
    introductions.scrub_actor_labels([key.label for key in keys], audit.ERASED)
    # The organisation and every record ever merged into it: their histories hold the
    # personal data they had before the merge.
    for entity_id in [org.id, *audit.merged_into(org.id)]:
        audit.scrub_fields(entity_id, organizations.PERSONAL_FIELDS)
        introductions.erase_for(entity_id)
        feedback.erase_for(entity_id)
    offers.move_provider(from_id=org.id, to_id=None)
    access.delete_keys_of(org.id)
    # SQLite keeps changed pages in its write-ahead log until a checkpoint: fold them in.
    after_commit("checkpoint", checkpoint)
    return True
