"""Match answers are sent without a marshmallow dump (matches/views.py `match_body`): the body
the engine builds must already be what the MatchList schema would make of it, in plain JSON
types, for every kind of answer and language."""

from __future__ import annotations

import json

import pytest

from matchmaker.access.principal import SYSTEM
from matchmaker.matches import service
from matchmaker.matches.schemas import MatchListSchema
from matchmaker.matches.views import match_body, match_options


def _assert_already_dumped(body: dict) -> None:
    json.dumps(body)  # plain JSON types only (a numpy scalar would fail here)
    assert MatchListSchema().dump(body) == body


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_answer_is_already_in_the_schema_shape(app, ecosystem, lang):
    e = ecosystem
    with app.test_request_context():
        startup = service.get_organization(e["startup"]["id"], SYSTEM)
        for target in ("organizations", "offers"):
            options = match_options({"limit": 10, "target": target}, target=target, lang=lang)
            answer = service.matches_for_organization(organization=startup, options=options)
            assert answer.items
            _assert_already_dumped(
                match_body(answer, lang, target=target, organization_id=startup.id)
            )
        for offer in (e["fund"], e["growth"], e["expired"], e["gp"]):
            offer_row = service.get_offer(offer["id"], SYSTEM)
            options = match_options({"limit": 10}, target="organizations", lang=lang)
            answer = service.matches_for_offer(offer=offer_row, options=options)
            _assert_already_dumped(match_body(answer, lang, offer_id=offer_row.id))
        for direction in ("providers", "seekers"):
            options = service.MatchOptions(limit=10, lang=lang, direction=direction)
            answer = service.search(text="Batteriezellen testen", options=options)
            _assert_already_dumped(match_body(answer, lang, target="organizations"))
        # An empty answer carries its message and the gap analysis.
        options = service.MatchOptions(limit=10, lang=lang, min_score=0.999)
        answer = service.search(text="Bäckerei", options=options)
        body = match_body(answer, lang, target="organizations")
        assert body["items"] == [] and body["message"]
        _assert_already_dumped(body)
