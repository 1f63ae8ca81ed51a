"""Issue 40, item 1: identity is synced in one place, once per message, however many actions a turn runs; the
funding actions sync it too (they synced none)."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker

from actions import common
from bot.identity import Identity
from bot.services import interviews
from tests.integration.action_helpers import run

EVA = Identity("eva", "Eva", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")


def _tracker(person: Identity, message_id: str | None, text: str = "hallo", intent: str = "begroeting") -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [],
               "metadata": {"identity": person.to_dict()}, "message_id": message_id}
    return Tracker(person.person_id, {}, message, [{"event": "user", "text": text, "parse_data": message}], False,
                   None, {}, "action_listen")


def _count_syncs(monkeypatch) -> list[Identity]:
    from collections import OrderedDict

    monkeypatch.setattr(common, "_SYNCED", OrderedDict())  # nothing synced yet in this process
    synced: list[Identity] = []
    real = interviews.sync_identity

    def counting(person: Identity) -> None:
        synced.append(person)
        real(person)

    monkeypatch.setattr(interviews, "sync_identity", counting)
    return synced


def test_one_message_is_synced_once_and_a_new_message_or_token_again(db_url, monkeypatch):
    synced = _count_syncs(monkeypatch)
    for _ in range(3):  # three actions of one turn
        asyncio.run(common.synced_identity(_tracker(EVA, "m-1")))
    assert synced == [EVA]
    asyncio.run(common.synced_identity(_tracker(EVA, "m-2")))  # the next message
    manager = Identity("eva", "Eva", "manager", "Gemeente Zeist", organisation_id="gm0355")
    asyncio.run(common.synced_identity(_tracker(manager, "m-2")))  # what the token says changed: synced again
    assert synced == [EVA, EVA, manager]


def test_a_funding_question_syncs_the_identity(db_url, monkeypatch):
    from actions.subsidies import ActionFundingStart

    synced = _count_syncs(monkeypatch)
    run(ActionFundingStart(), _tracker(EVA, "m-9", "welke subsidies passen bij ons?", "subsidie_zoeken"))
    assert synced == [EVA]
