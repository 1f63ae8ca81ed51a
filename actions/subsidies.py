"""Adapters for funding advice: 'welke subsidies passen?' and questions about one scheme."""

from __future__ import annotations

from dataclasses import replace

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    call,
    latest_text,
    message_facts,
    not_understood,
    recent_facts,
    send,
    send_all,
    synced_identity,
)
from bot.dutch.facts import about_us, extract
from bot.funding import advice
from bot.funding.aspects import aspect_of
from bot.services import funding as funding_profile
from bot.services import interviews as service
from bot.understanding import plausible

FUNDING = "subsidie"  # the interview of the funding questions (bot/interviews/questions/subsidie.yml)


class ActionFundingStart(Action):
    """'Welke subsidies passen?': the funding questions open in the interview engine (questions/subsidie.yml), a new
    round each time, filled first with what is known (the organisation's profile, what the person just said); the
    engine asks only the rest and ends with the advice. A question about one part of a named scheme ("wie kan de
    subsidie praktijkleren aanvragen?") gets that part, and no questions."""

    def name(self) -> str:
        return "action_subsidie_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        if message_facts(tracker).empty and not plausible("subsidie_zoeken", text):
            not_understood(tracker, dispatcher)
            return [SlotSet("interview_open", False)]
        person = await synced_identity(tracker)
        scheme = advice.named_scheme(text, tracker.get_slot("laatste_regeling"))
        if scheme is not None and aspect_of(text):  # "wie kan de subsidie praktijkleren aanvragen?": that part
            sector, employees = await call(funding_profile.known_profile, person.person_id)
            facts = about_us(recent_facts(tracker), sector)
            send_all(dispatcher, await call(advice.funding_replies, text, facts, sector, employees, True, scheme.id))
            return [SlotSet("interview_open", False), SlotSet("laatste_regeling", scheme.id)]
        facts = recent_facts(tracker)  # also what was said just before the button
        facts = replace(facts, purposes=frozenset(advice.message_purposes(text, facts)))
        turn = await call(service.start, person.person_id, FUNDING, facts=facts, again=True)
        dispatcher.utter_message(response=f"utter_start_{FUNDING}")
        send_all(dispatcher, turn.messages)  # what was understood; at once the advice when nothing is missing
        send(dispatcher, turn.prompt)
        return [SlotSet("actief_interview", FUNDING), SlotSet("interview_open", not turn.done),
                SlotSet("interview_antwoord", None), *remembered(turn.messages)]


class ActionSchemeInfo(Action):
    """A question about a scheme ("bestaat de WVA nog?"), or a funding question that carries facts."""

    def name(self) -> str:
        return "action_regeling_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        person = await synced_identity(tracker)
        sector, employees = await call(funding_profile.known_profile, person.person_id)
        text, last = latest_text(tracker), tracker.get_slot("laatste_regeling")
        picked = advice.picked_scheme(text, shown(tracker))
        if picked is not None:  # "en de tweede?" after several cards: that card's scheme
            text, last = advice.scheme_payload(picked, aspect_of(text)), picked
        replies = await call(advice.funding_replies, text, message_facts(tracker), sector, employees, True, last,
                             shown(tracker))
        send_all(dispatcher, replies)
        scheme = advice.named_scheme(text, last)
        return [SlotSet("laatste_regeling", scheme.id)] if scheme is not None else remembered(replies)


async def scheme_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A second look at a message the NLU could not place or put outside the field: when it names a scheme of the
    knowledge base ("wat zijn de voorwaarden van de lerarenbeurs?"), or asks about a part of the scheme the
    conversation was just about ("en tot wanneer kan dat?"), it is a question about that scheme. None otherwise."""
    text, last = latest_text(tracker), tracker.get_slot("laatste_regeling")
    picked = advice.picked_scheme(text, shown(tracker))
    if picked is not None:  # "en de tweede?", "hoeveel is de eerste?" after several cards: that card's scheme
        person = await synced_identity(tracker)
        sector, employees = await call(funding_profile.known_profile, person.person_id)
        send_all(dispatcher, await call(advice.funding_replies, advice.scheme_payload(picked, aspect_of(text)),
                                        message_facts(tracker), sector, employees, True, picked))
        return [SlotSet("laatste_regeling", picked)]
    scheme = advice.named_scheme(text, last)
    if scheme is None and advice.names_an_unknown_scheme(text):  # "wat is de Brabantse leerrekening?"
        dispatcher.utter_message(response="utter_regeling_onbekend")
        return []
    if scheme is None and aspect_of(text) and len(shown(tracker)) > 1 and not advice.names_something_else(text):
        dispatcher.utter_message(response="utter_regeling_welke_getoond",  # "wie vraagt dat aan?" after 3 cards
                                 buttons=advice.which_scheme(aspect_of(text), shown(tracker)).buttons)
        return []
    if scheme is None or not (aspect_of(text) or "?" in text or advice.about_a_scheme(text, False)):  # "niet zo slim"
        return None
    person = await synced_identity(tracker)
    sector, employees = await call(funding_profile.known_profile, person.person_id)
    send_all(dispatcher, await call(advice.funding_replies, text, message_facts(tracker), sector, employees, True, last))
    return [SlotSet("laatste_regeling", scheme.id)]


async def money_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A question about money for learning that the NLU read as something else ("we zijn geen gemeente maar een
    bibliotheek, welke fondsen passen?", "en kan ik de kosten aftrekken als zzp'er?"): advice with the facts it
    states, as inside an interview. None for anything else, and for a statement without a question."""
    text = latest_text(tracker)
    after_advice = bool(tracker.get_slot("laatste_regeling") or shown(tracker))
    if not text.rstrip().endswith("?") or not (advice.about_funding(text) or after_advice and not extract(text).empty):
        return None  # after advice, "ik ben tweeënvijftig, maakt dat uit?" asks it again with that fact
    person = await synced_identity(tracker)
    sector, employees = await call(funding_profile.known_profile, person.person_id)
    facts = about_us(recent_facts(tracker), sector)
    replies = await call(advice.funding_replies, text, facts, sector, employees, False,
                         tracker.get_slot("laatste_regeling"), shown(tracker))
    send_all(dispatcher, replies)
    return remembered(replies)


def shown(tracker: Tracker) -> tuple[str, ...]:
    """The schemes of the last advice with several cards."""
    return tuple(tracker.get_slot("getoonde_regelingen") or ())


def remembered(messages) -> list[EventType]:
    """After advice: one card is the scheme the conversation is about ("wie vraagt dat aan?" means that one); with
    several, a question about one of them asks which."""
    found = advice.shown_schemes(messages)
    if not found:
        return []
    if len(found) == 1:
        return [SlotSet("laatste_regeling", found[0]), SlotSet("getoonde_regelingen", None)]
    return [SlotSet("laatste_regeling", None), SlotSet("getoonde_regelingen", list(found))]


async def second_look(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A funding question the NLU placed elsewhere (no interview question open): about a scheme, or about money for
    learning; answered, or None when it is neither."""
    found = await scheme_question(dispatcher, tracker)
    return found if found is not None else await money_question(dispatcher, tracker)


class ActionRemarkOutside(Action):
    """A remark while no question is open; a question about the scheme just discussed that the NLU read as a remark
    ("moet ik dat zelf aanvragen?") is answered instead."""

    def name(self) -> str:
        return "action_opmerking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = await second_look(dispatcher, tracker)
        if events is None:
            dispatcher.utter_message(response="utter_opmerking_algemeen")
        return events or []


class ActionGoodbye(Action):
    """Goodbye; but "en tot wanneer kan dat?" just after a scheme is a question about it, not a goodbye."""

    def name(self) -> str:
        return "action_afscheid"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = await scheme_question(dispatcher, tracker) if "?" in latest_text(tracker) else None
        if events is None:
            dispatcher.utter_message(response="utter_afscheid")
        return events or []
