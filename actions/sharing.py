"""Adapters for sharing a POP: the employee shares it (or stops), a manager or HR sees the POPs shared with them."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    call,
    latest_intent,
    latest_text,
    person_id,
    send_downloads,
    synced_identity,
    understood,
)
from bot.documents import links
from bot.services import popgesprek, sharing


class ActionSharePop(Action):
    """'deel mijn POP met mijn leidinggevende' (and 'ook met HR'), and 'stop met delen'."""

    def name(self) -> str:
        return "action_pop_delen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker).lower()
        asks = _ASKS.search(text) and not sharing.SHARE_WORDS.search(text.partition("?")[2])  # not "…? graag delen"
        if asks and await answer_who_sees(dispatcher, tracker, always=True):
            return []  # "Mag HR mijn POP zien?": a question, answered; nothing is shared or hidden
        if not understood(tracker, dispatcher):
            return []
        share, with_hr, with_manager = sharing.what_to_share(latest_text(tracker), latest_intent(tracker) == "pop_delen")
        person = await synced_identity(tracker)
        owner, _ = sharing.of_whom(latest_text(tracker), [])
        if owner is not None:  # "deel de pop van joris met hr": only Joris decides who reads his POP
            dispatcher.utter_message(response="utter_pop_alleen_eigenaar_deelt", naam=owner[:1].upper() + owner[1:])
            return []
        if share and await call(sharing.someone_else, person.person_id, latest_text(tracker)):
            dispatcher.utter_message(response="utter_pop_alleen_leidinggevende")  # nothing shared, nothing changed
            return []
        result = await call(sharing.share_pop, person.person_id, share, with_hr=bool(with_hr),
                            not_hr=sharing.not_with_hr(latest_text(tracker)), with_manager=with_manager)
        if result == "gedeeld" and sharing.not_with_hr(latest_text(tracker)):
            result = "gedeeld_niet_hr"  # "… maar niet met HR hoor": HR is not offered again
        dispatcher.utter_message(response={
            "gedeeld_niet_hr": "utter_pop_gedeeld_niet_hr",
            "geen_pop": "utter_geen_pop", "geen_leidinggevende": "utter_geen_leidinggevende",
            "gedeeld": "utter_pop_gedeeld", "gedeeld_met_hr": "utter_pop_gedeeld_met_hr",
            "alleen_hr": "utter_pop_gedeeld_alleen_hr", "niet_gedeeld": "utter_pop_niet_gedeeld"}[result])
        return []


# a question about sharing, not an order: "Mag HR mijn POP zien?", "Kan mijn leidinggevende dit lezen" (also without "?")
_ASKS = re.compile(r"^\s*(?:mag|mogen|kan|kunnen|ziet|zien|heeft|wie|wat)\b[^.!?]*(?:\?|$)")


async def answer_who_sees(dispatcher: CollectingDispatcher, tracker: Tracker, always: bool = False) -> bool:
    """"wie kan mijn pop zien?", "wat ziet Petra van mijn pop?", "mag mijn collega het ook zien?": who may read the
    POP now (True when said). When someone other than the manager or HR is named: that this cannot be chosen here."""
    text = latest_text(tracker)
    if not always and not sharing.asks_who_sees(text):
        return False
    readers = await call(sharing.who_sees, person_id(tracker))
    other = await call(sharing.someone_else, person_id(tracker), text)
    if readers is not None:
        dispatcher.utter_message(response="utter_pop_wie_ziet", wie=readers)
    if other:
        dispatcher.utter_message(response="utter_pop_niet_met_collega")  # a question: nothing shared, no button
    return readers is not None or other


class ActionSharedPops(Action):
    """A manager sees the POPs of their own employees who shared them; HR those shared with HR. As links."""

    def name(self) -> str:
        return "action_gedeelde_pops"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        person = await synced_identity(tracker)
        pops = await call(sharing.shared_pops, person.person_id)
        asked, pops_asked = sharing.of_whom(tracker.latest_message.get("text") or "", pops or [])
        if pops is not None and asked and not pops_asked:  # "laat de pop van sanne zien": none shared by Sanne
            dispatcher.utter_message(response="utter_geen_pop_van", naam=asked[:1].upper() + asked[1:])
            return []
        pops = pops_asked if pops is not None else None
        if person.role == "manager" and not asked:
            try:
                members = await call(popgesprek.team, person.person_id)
            except popgesprek.NotAllowed:  # a manager without an organisation (yet): no team to show
                members = []
            if members:
                dispatcher.utter_message(response="utter_team_pop_stand",
                                         stand="\n".join(popgesprek.describe(m) for m in members))
        if pops is None:
            dispatcher.utter_message(response="utter_alleen_voor_leidinggevenden")
        elif not pops:
            dispatcher.utter_message(response="utter_geen_gedeelde_pops")
        else:
            for name, owner in pops:
                link = await call(links.make, "pop_gedeeld", person.person_id, owner=owner)
                send_downloads(dispatcher, "utter_gedeelde_pop", [(f"POP van {name}", link)], needs_token=True,
                               naam=name)
        return []
