"""Adapters for sharing a POP: the employee shares it (or stops), a manager or HR sees the POPs shared with them."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, latest_intent, latest_text, send_downloads, synced_identity, understood
from bot.documents import links
from bot.services import popgesprek, sharing


class ActionSharePop(Action):
    """'deel mijn POP met mijn leidinggevende' (and 'ook met HR'), and 'stop met delen'."""

    def name(self) -> str:
        return "action_pop_delen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        share, with_hr = sharing.what_to_share(latest_text(tracker), latest_intent(tracker) == "pop_delen")
        person = await synced_identity(tracker)
        result = await call(sharing.share_pop, person.person_id, share, with_hr=bool(with_hr),
                            not_hr=sharing.not_with_hr(latest_text(tracker)))
        dispatcher.utter_message(response={
            "geen_pop": "utter_geen_pop", "geen_leidinggevende": "utter_geen_leidinggevende",
            "gedeeld": "utter_pop_gedeeld", "gedeeld_met_hr": "utter_pop_gedeeld_met_hr",
            "niet_gedeeld": "utter_pop_niet_gedeeld"}[result])
        return []


class ActionSharedPops(Action):
    """A manager sees the POPs of their own employees who shared them; HR those shared with HR. As links."""

    def name(self) -> str:
        return "action_gedeelde_pops"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        person = await synced_identity(tracker)
        pops = await call(sharing.shared_pops, person.person_id)
        if person.role == "manager":
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
