"""Adapters for funding advice: 'welke subsidies passen?' and questions about one scheme."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    call,
    latest_text,
    message_facts,
    not_understood,
    recent_facts,
    send_all,
    synced_identity,
)
from bot.dutch.facts import Facts, about_us, extract, sentence
from bot.funding import advice
from bot.funding.aspects import aspect_of
from bot.services import funding as funding_profile
from bot.understanding import decide, plausible, ranking_of

STOPPED = "gestopt"
NOT_UNDERSTOOD = "niet_begrepen"
NOT_NEEDED = "nvt"  # someone who pays a course themselves: the organisation does not matter
UNKNOWN_PURPOSE = "onbekend"  # 'weet ik nog niet': every scheme may fit (not 'a training for a group')
SLOTS = ("subsidie_sector", "subsidie_medewerkers", "subsidie_doel")


class ActionFundingStart(Action):
    """Fill in what is known (the message itself, the stored profile); the form asks only the rest."""

    def name(self) -> str:
        return "action_subsidie_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        facts = message_facts(tracker)
        if facts.empty and not plausible("subsidie_zoeken", latest_text(tracker)):
            not_understood(tracker, dispatcher)
            return [SlotSet(slot, NOT_UNDERSTOOD) for slot in SLOTS]
        person = await synced_identity(tracker)
        known_sector, known_employees = await call(funding_profile.known_profile, person.person_id)
        facts = about_us(recent_facts(tracker), known_sector)  # also what was said just before; the own sector decides
        text = latest_text(tracker)
        scheme = advice.named_scheme(text, tracker.get_slot("laatste_regeling"))
        if scheme is not None and aspect_of(text):  # "wie kan de subsidie praktijkleren aanvragen?": that part
            send_all(dispatcher, await call(advice.funding_replies, text, facts, known_sector, known_employees, True,
                                            scheme.id))
            return [SlotSet(slot, NOT_UNDERSTOOD) for slot in SLOTS] + [SlotSet("laatste_regeling", scheme.id)]
        dispatcher.utter_message(response="utter_subsidie_start")
        understood = sentence(facts)
        if understood:
            dispatcher.utter_message(response="utter_feiten_begrepen", feiten=understood)
        return start_events(facts, advice.message_purposes(latest_text(tracker), facts), known_sector, known_employees)


def start_events(facts: Facts, purposes: set[str], known_sector: str | None,
                 known_employees: int | None) -> list[EventType]:
    individual = facts.payer == "zelf" or "zzp" in facts.purposes
    sector = (facts.sector or known_sector or NOT_NEEDED) if individual else facts.sector or known_sector
    if "zzp" in facts.purposes:  # someone who works for themselves: no organisation to ask about
        sector = NOT_NEEDED
    employees = NOT_NEEDED if individual else facts.employees or known_employees
    return [SlotSet("subsidie_sector", sector),
            SlotSet("subsidie_medewerkers", str(employees) if employees else None),
            SlotSet("subsidie_doel", ",".join(sorted(purposes)) if purposes else None),
            SlotSet("subsidie_leeftijd", facts.age)]


class ValidateFundingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_subsidie_form"

    def _check(self, slot: str, value: Any, tracker: Tracker, dispatcher: CollectingDispatcher,
               known: Callable[[str], bool], parse: Callable[[str], str | None], error: str) -> dict[str, Any]:
        """One answer in the subsidy form: reset (None) is asked again, stored values pass, 'stop' ends it.

        Other facts in the same answer ("een gemeente met 300 medewerkers") fill their questions too.
        """
        if value is None:  # reset by action_subsidie_start, not typed: the form asks
            return {slot: None}
        text = str(value)
        if text in (STOPPED, NOT_UNDERSTOOD, NOT_NEEDED) or known(text):
            return {slot: text}
        own = extract(text)
        if "zzp" in own.purposes:  # "ik heb geen personeel, ik ben zzp'er": no organisation to ask about
            doel = {p for p in (tracker.get_slot("subsidie_doel") or "").split(",") if p in advice.PURPOSES}
            return {"subsidie_sector": NOT_NEEDED, "subsidie_medewerkers": NOT_NEEDED,
                    "subsidie_doel": ",".join(sorted(doel | own.purposes))}
        parsed = parse(text)
        decision = decide(text, ranking_of(tracker.latest_message), closed_answer=parsed is not None)
        if decision.kind == "request" and decision.intent == "stoppen":
            return {s: STOPPED for s in SLOTS}
        if parsed is None:
            dispatcher.utter_message(response=error)
        result = {slot: parsed}
        facts = extract(text)
        if facts.sector and not tracker.get_slot("subsidie_sector"):
            result.setdefault("subsidie_sector", facts.sector)
        if facts.employees and not tracker.get_slot("subsidie_medewerkers") and slot != "subsidie_medewerkers":
            result.setdefault("subsidie_medewerkers", str(facts.employees))
        if facts.age:
            result["subsidie_leeftijd"] = facts.age
        return result

    async def validate_subsidie_sector(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> dict[str, Any]:
        return self._check("subsidie_sector", value, tracker, dispatcher, lambda t: t in advice.funding.SECTORS,
                           advice.parse_sector, "utter_geen_sector")

    async def validate_subsidie_medewerkers(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                            domain: DomainDict) -> dict[str, Any]:
        def parse(text: str) -> str | None:
            number = advice.parse_employees(text)
            return None if number is None else str(number)

        return self._check("subsidie_medewerkers", value, tracker, dispatcher, lambda _t: False, parse,
                           "utter_geen_aantal")

    async def validate_subsidie_doel(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> dict[str, Any]:
        def known(text: str) -> bool:
            return text == UNKNOWN_PURPOSE or bool(text) and all(p in advice.PURPOSES for p in text.split(","))

        def parse(text: str) -> str | None:
            situations = advice.parse_doel(text)
            return None if situations is None else (",".join(sorted(situations)) or UNKNOWN_PURPOSE)

        return self._check("subsidie_doel", value, tracker, dispatcher, known, parse, "utter_geen_doel")


def _optional_int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "", NOT_NEEDED) else None
    except (TypeError, ValueError):
        return None


class ActionFundingAdvice(Action):
    def name(self) -> str:
        return "action_subsidie_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        sector = tracker.get_slot("subsidie_sector")
        reset = [SlotSet(slot, None) for slot in SLOTS] + [SlotSet("subsidie_leeftijd", None)]
        if sector == STOPPED:
            dispatcher.utter_message(response="utter_subsidie_gestopt")
            return reset
        if sector == NOT_UNDERSTOOD:  # the fallback reply was already sent
            return reset
        sector = None if sector == NOT_NEEDED else sector
        employees = _optional_int(tracker.get_slot("subsidie_medewerkers"))
        doel = tracker.get_slot("subsidie_doel") or ""
        purposes = {s for s in doel.split(",") if s in advice.PURPOSES}
        if sector or employees:
            await call(funding_profile.remember_profile, (await synced_identity(tracker)).person_id, sector, employees)
        result = await call(advice.advise, sector, employees, purposes,
                            age=_optional_int(tracker.get_slot("subsidie_leeftijd")))
        send_all(dispatcher, result.messages())
        return reset


class ActionSchemeInfo(Action):
    """A question about a scheme ("bestaat de WVA nog?"), or a funding question that carries facts."""

    def name(self) -> str:
        return "action_regeling_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        person = await synced_identity(tracker)
        sector, employees = await call(funding_profile.known_profile, person.person_id)
        text, last = latest_text(tracker), tracker.get_slot("laatste_regeling")
        replies = await call(advice.funding_replies, text, message_facts(tracker), sector, employees, True, last)
        send_all(dispatcher, replies)
        scheme = advice.named_scheme(text, last)
        return [SlotSet("laatste_regeling", scheme.id)] if scheme is not None else []


async def scheme_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A second look at a message the NLU could not place or put outside the field: when it names a scheme of the
    knowledge base ("wat zijn de voorwaarden van de lerarenbeurs?"), or asks about a part of the scheme the
    conversation was just about ("en tot wanneer kan dat?"), it is a question about that scheme. None otherwise."""
    text, last = latest_text(tracker), tracker.get_slot("laatste_regeling")
    scheme = advice.named_scheme(text, last)
    if scheme is None and advice.names_an_unknown_scheme(text):  # "wat is de Brabantse leerrekening?"
        dispatcher.utter_message(response="utter_regeling_onbekend")
        return []
    if scheme is None or not (aspect_of(text) or text.rstrip().endswith("?")):  # "ik ben niet zo slim": no SLIM
        return None
    person = await synced_identity(tracker)
    sector, employees = await call(funding_profile.known_profile, person.person_id)
    send_all(dispatcher, await call(advice.funding_replies, text, message_facts(tracker), sector, employees, True, last))
    return [SlotSet("laatste_regeling", scheme.id)]
