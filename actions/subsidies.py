"""Adapters for funding advice: 'welke subsidies passen?' and questions about one scheme."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, latest_text, person_id
from bot import advice
from bot.commands import detect_command, plausible

STOPPED = "gestopt"
NOT_UNDERSTOOD = "niet_begrepen"


class ActionSubsidieStart(Action):
    """Fill in what is already known (stored profile, the question itself); the form asks the rest."""

    def name(self) -> str:
        return "action_subsidie_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not plausible("subsidie_zoeken", latest_text(tracker)):
            dispatcher.utter_message(response="utter_fallback")
            return [SlotSet(slot, NOT_UNDERSTOOD) for slot in ("subsidie_sector", "subsidie_medewerkers",
                                                               "subsidie_doel")]
        sector, employees = await call(advice.known_profile, person_id(tracker))
        situations = advice.situations_from_text(latest_text(tracker))
        dispatcher.utter_message(response="utter_subsidie_start")
        return [
            SlotSet("subsidie_sector", sector),
            SlotSet("subsidie_medewerkers", str(employees) if employees else None),
            SlotSet("subsidie_doel", ",".join(sorted(situations)) if situations else None),
        ]


class ValidateSubsidieForm(FormValidationAction):
    def name(self) -> str:
        return "validate_subsidie_form"

    def _stopped(self, tracker: Tracker) -> dict[str, Any] | None:
        intent = (tracker.latest_message or {}).get("intent") or {}
        if detect_command(latest_text(tracker), intent.get("name"), intent.get("confidence")) == "stoppen":
            return {"subsidie_sector": STOPPED, "subsidie_medewerkers": STOPPED, "subsidie_doel": STOPPED}
        return None

    def _check(self, slot: str, value: Any, tracker: Tracker, dispatcher: CollectingDispatcher,
               known: Callable[[str], bool], parse: Callable[[str], str | None], error: str) -> dict[str, Any]:
        """One answer in the subsidy form: reset (None) is asked again, stored values pass, 'stop' ends it."""
        if value is None:  # reset by action_subsidie_start, not typed: the form asks
            return {slot: None}
        text = str(value)
        if text in (STOPPED, NOT_UNDERSTOOD) or known(text):
            return {slot: text}
        stopped = self._stopped(tracker)
        if stopped:
            return stopped
        parsed = parse(text)
        if parsed is None:
            dispatcher.utter_message(response=error)
        return {slot: parsed}

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
            return bool(text) and all(p in advice.funding.SITUATIONS for p in text.split(","))

        def parse(text: str) -> str | None:
            situations = advice.parse_doel(text)
            return None if situations is None else (",".join(sorted(situations)) or "groep")

        return self._check("subsidie_doel", value, tracker, dispatcher, known, parse, "utter_geen_doel")


class ActionSubsidieAdvies(Action):
    def name(self) -> str:
        return "action_subsidie_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        sector = tracker.get_slot("subsidie_sector")
        reset = [SlotSet("subsidie_sector", None), SlotSet("subsidie_medewerkers", None),
                 SlotSet("subsidie_doel", None)]
        if sector == STOPPED:
            dispatcher.utter_message(response="utter_subsidie_gestopt")
            return reset
        if sector == NOT_UNDERSTOOD:  # the fallback reply was already sent
            return reset
        employees = int(tracker.get_slot("subsidie_medewerkers") or 0) or None
        doel = tracker.get_slot("subsidie_doel") or ""
        situations = {s for s in doel.split(",") if s in advice.funding.SITUATIONS}
        await call(advice.remember_profile, person_id(tracker), sector, employees)
        text = await call(advice.advise, sector, employees, situations)
        dispatcher.utter_message(response="utter_subsidie_advies", advies=text)
        return reset


class ActionRegelingInfo(Action):
    def name(self) -> str:
        return "action_regeling_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        info = await call(advice.scheme_info, latest_text(tracker))
        if info:
            dispatcher.utter_message(response="utter_regeling_info", info=info)
        else:
            dispatcher.utter_message(response="utter_regeling_onbekend", regelingen=await call(advice.known_scheme_names))
        return []
