"""Helpers shared by the action adapters."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dutch.facts import Facts, extract
from bot.identity import Identity, token_settings
from bot.interviews import Message
from bot.vocabulary import plans

logger = logging.getLogger(__name__)
T = TypeVar("T")

INTERVIEW_FOR_INTENT = {"start_strategie": "strategie", "start_jaarplan": "jaarplan", "start_pop": "pop",
                        "start_popgesprek": "popgesprek", "start_evaluatie": "evaluatie"}


def person_id(tracker: Tracker) -> str:
    """Who is talking. The channels set the conversation id to the person id from the verified token.

    With tokens on, a turn without the verified identity of that same person does nothing personal: the action
    fails before it reads or writes anything.
    """
    identity(tracker)
    return tracker.sender_id


def identity(tracker: Tracker) -> Identity:
    """The verified identity the channel attached to the latest message.

    Without one (the terminal chat of `make chat`) the conversation id is used as a development identity.
    """
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    person = Identity.from_dict(metadata.get("identity"))
    if person is None or person.person_id != tracker.sender_id:
        if token_settings().enabled:
            # tokens are on, but this message carries no verified identity of this person: nothing personal
            raise PermissionError("no verified identity for this conversation")
        return Identity(tracker.sender_id, "Testgebruiker (ontwikkelmodus)", "manager", None, dev=True)
    return person


_SYNCED: OrderedDict[tuple, None] = OrderedDict()  # (identity, message id) stored already, most recent last
SYNCED_REMEMBERED = 2000


async def synced_identity(tracker: Tracker) -> Identity:
    """The verified identity of this turn, after storing what its token says (role, organisation, manager):
    the token decides at every turn, so a manager whose token now says "employee" is an employee now.

    The one place where identity is synced: once per message, however many actions the turn runs (the message id
    and everything the token says make the key; a message without an id is synced every time)."""
    from bot.services import interviews

    person = identity(tracker)
    message_id = (tracker.latest_message or {}).get("message_id")
    key = (person, message_id)
    if message_id and key in _SYNCED:
        _SYNCED.move_to_end(key)
        return person
    await call(interviews.sync_identity, person)
    if message_id:
        _SYNCED[key] = None
        while len(_SYNCED) > SYNCED_REMEMBERED:
            _SYNCED.popitem(last=False)
    return person


RETRIES = 3


async def call(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run blocking core code (database) in a worker thread, so the action server stays responsive.

    A lost database connection is retried a few times (each call is one transaction, so a retry never
    stores an answer twice); if the database stays away the action fails and the channel says so in Dutch.
    A unique-key conflict is retried too: two people who name the same new organisation at the same moment
    both try to insert it; the retry finds the row the other one committed.
    """
    from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

    for attempt in range(RETRIES):
        try:
            return await asyncio.to_thread(functools.partial(func, *args, **kwargs))
        except IntegrityError:
            if attempt == RETRIES - 1:
                raise
            logger.info("concurrent insert of the same row, retrying (%s/%s)", attempt + 1, RETRIES)
            continue
        except (OperationalError, DBAPIError) as exc:
            if attempt == RETRIES - 1 or not getattr(exc, "connection_invalidated", True) and not isinstance(
                    exc, OperationalError):
                raise
            logger.warning("database unavailable, retrying (%s/%s)", attempt + 1, RETRIES)
            await asyncio.sleep(0.5 * (attempt + 1))
    raise RuntimeError("unreachable")


def send(dispatcher: CollectingDispatcher, message: Message | None, **extra: Any) -> None:
    if message is None:
        return
    dispatcher.utter_message(response=f"utter_{message.response}", buttons=message.buttons or None,
                             json_message=message.card, **message.params, **extra)


def send_downloads(dispatcher: CollectingDispatcher, response: str, files: list[tuple[str, str]],
                   needs_token: bool = False, **params: Any) -> None:
    """A message with download buttons: the text says what it is, the files come as a structured attachment
    ({"type": "downloads", "files": [{"label", "url"}]}). The channels send each file as Rasa's `file_download`
    message (rasa_addons/outputs.py); the widget shows them as labelled buttons."""
    extra = {"needs_token": True} if needs_token else {}  # with tokens on, opens only with the person's own token
    dispatcher.utter_message(response=response, attachment={"type": "downloads", "files": [
        {"label": label, "url": url, **extra} for label, url in files]}, **params)


def send_all(dispatcher: CollectingDispatcher, messages: list[Message]) -> None:
    for message in messages:
        send(dispatcher, message)


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def understood(tracker: Tracker, dispatcher: CollectingDispatcher) -> bool:
    """False (and a 'not understood' reply) when the words do not back up the NLU's guess.

    "spelen jullie ook voetbal?" must not show someone their stored data because the classifier guessed so.
    """
    from bot.understanding import plausible

    if plausible(latest_intent(tracker), latest_text(tracker)):
        return True
    not_understood(tracker, dispatcher)
    return False


def role_of(tracker: Tracker) -> str:
    """The role in the verified token; without one, the employee's (it offers nothing that needs a role)."""
    try:
        return identity(tracker).role
    except PermissionError:
        return "employee"


def not_understood(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """Never a bare 'sorry': the one or two most likely meanings as buttons ("Bedoel je: POP voorbereiden?"),
    then 'Iets anders' for the topics; without a likely meaning, the topics of this person's role."""
    from bot import requests
    from bot.understanding import ranking_of

    role = role_of(tracker)
    offers = requests.likely(ranking_of(tracker.latest_message), role, latest_text(tracker))
    if len(offers) == 1:
        dispatcher.utter_message(response="utter_bedoel_je", bedoeling=offers[0].button,
                                 buttons=requests.offer_buttons(offers))
    elif offers:
        dispatcher.utter_message(response="utter_bedoel_je_twee", buttons=requests.offer_buttons(offers))
    else:
        dispatcher.utter_message(response="utter_fallback" if plans(role) else "utter_fallback_medewerker")


def message_facts(tracker: Tracker) -> Facts:
    """The facts of the latest message: the entities of rasa_addons.facts, else the text itself."""
    message = tracker.latest_message or {}
    found = Facts.from_entities([e for e in message.get("entities") or [] if e.get("extractor") == "FactsEntityExtractor"])
    return found if not found.empty else extract(message.get("text") or "")


def recent_facts(tracker: Tracker, turns: int = 4) -> Facts:
    """The facts of the person's last few messages together, the latest winning: "ik ben zzp'er en zoek een
    cursus" followed by a click on "Subsidies zoeken" still tells who is asking."""
    from bot.dutch.facts import merge

    said = [e for e in tracker.events if e.get("event") == "user"][-turns:]
    found = Facts()
    for event in said:
        entities = ((event.get("parse_data") or {}).get("entities")) or []
        found = merge(found, Facts.from_entities([e for e in entities if e.get("extractor") == "FactsEntityExtractor"]))
    return merge(found, message_facts(tracker))


def menu_buttons(tracker: Tracker) -> list[dict]:
    """The start buttons this person may use (the role from the token; without one, an employee's)."""
    from bot import requests

    return requests.menu_buttons(role_of(tracker))
