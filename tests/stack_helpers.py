"""The intranet set-up of tests/browser and tests/e2e/test_e2e_cycle.py: tokens on, the real servers and the demo
page with the widget (the ``stack`` fixture, tests/conftest.py). Its secret, tokens for people, messages over REST
with a token, and the steps of the yearly cycle taken that way."""

from __future__ import annotations

import requests
from sqlalchemy import select

from bot import identity
from bot.storage.db import session_scope
from bot.storage.models import InterviewState
from tests.helpers import POP

SECRET = "test-geheim-voor-de-widget-tests-0123456789"


def tok(person_id, role="employee", org="Gemeente Zeist", name=None, **kw):
    return identity.mint(person_id, name or person_id.title(), role, org, key=SECRET, **kw)


def post(servers, token, message, sender=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = {"message": message}
    if sender:
        body["sender"] = sender
    return requests.post(servers.webhook, json=body, headers=headers, timeout=60)


def texts(response):
    return [m.get("text", "") for m in response.json()]


def asked(servers, person_id: str, interview: str) -> str | None:
    with session_scope(servers.settings.database_url) as s:
        state = s.execute(select(InterviewState).where(InterviewState.person_id == person_id,
                                                       InterviewState.interview == interview)).scalar_one()
        return state.asked_question


def answer_all(servers, token, person_id: str, interview: str, answers: dict[str, list[str]]) -> list[str]:
    """Answer the question the person sees (from the stored state) until the interview has no more."""
    said = []
    for _ in range(40):
        key = asked(servers, person_id, interview)
        if key is None:
            return said
        said = texts(post(servers, token, answers[key].pop(0)))
    raise AssertionError("the interview did not end")


def prepare_and_share_pop(servers, token, person_id: str) -> list[str]:
    """The employee answers every POP question she sees and shares the POP with her manager; the last replies."""
    post(servers, token, "/start_pop")
    answers: dict[str, list[str]] = {}
    for key, text in POP[1:]:  # the organisation comes from the token
        answers.setdefault(key, []).append(text)
    replies = answer_all(servers, token, person_id, "pop", answers)
    return replies + texts(post(servers, token, "/pop_delen"))
