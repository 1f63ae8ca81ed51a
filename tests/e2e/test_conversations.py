"""Long conversations as people hold them, checked on what was stored (issue 39; tests/conversations/README.md).

Every file in tests/conversations/ is played over the REST channel of the real servers (trained model, tokens
on), then the database is compared with the file's ``stored``: the whole truth, so a value stored where the
person did not mean it fails as surely as a value lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
import yaml
from sqlalchemy import select

from bot import identity
from bot.settings import get_settings
from bot.storage import db
from bot.storage.db import session_scope
from bot.storage.models import Organisation, Person, Pop
from ops import processes

pytestmark = pytest.mark.e2e

FOLDER = Path(__file__).resolve().parents[1] / "conversations"
FILES = sorted(FOLDER.glob("*.yml"))
SECRET = "gesprekken-test-geheim-met-minstens-32-tekens"


def _start(tmp_path_factory, name: str, secret: str | None):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp(name)
    for key, value in {
        "LEERKOERS_VAR_DIR": str(tmp), "LEERKOERS_DATABASE_URL": f"sqlite:///{tmp / 'leerkoers.db'}",
        "LEERKOERS_TRACKER_DB": str(tmp / "tracker.db"), "LEERKOERS_RASA_PORT": str(processes.free_port()),
        "LEERKOERS_ACTION_PORT": str(processes.free_port()),
    }.items():
        mp.setenv(key, value)
    if secret:
        mp.setenv("LEERKOERS_JWT_SECRET", secret)
    else:
        mp.delenv("LEERKOERS_JWT_SECRET", raising=False)
    mp.delenv("LEERKOERS_ACTION_URL", raising=False)
    settings = get_settings()
    db.upgrade(settings.database_url)
    return mp, tmp, settings


def _running(tmp_path_factory, name: str, secret: str | None):
    mp, tmp, settings = _start(tmp_path_factory, name, secret)
    with open(tmp / "servers.log", "w") as log, processes.running(settings, log=log) as srv:
        mp.undo()
        yield srv
    db.dispose_all()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Tokens on: who someone is, their role, organisation and manager come from the token."""
    yield from _running(tmp_path_factory, "conversations", SECRET)


@pytest.fixture(scope="module")
def dev_servers(tmp_path_factory):
    """Development mode: the organisation is typed in the chat (the only way it can be renamed)."""
    yield from _running(tmp_path_factory, "conversations-dev", None)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class Conversation:
    """One file played over REST: a token per person, the turns in order, a transcript for the failure message."""

    def __init__(self, srv, path: Path, dev: bool = False):
        self.srv, self.data, self.stem, self.dev = srv, load(path), path.stem, dev
        self.people = self.data["people"]
        self.first = next(iter(self.people))
        self.transcript: list[str] = []

    def person_id(self, name: str) -> str:
        return f"{self.stem}-{name}"[:120]

    def token(self, name: str) -> str:
        spec = self.people[name] or {}
        org = spec.get("org")
        manager = spec.get("manager")
        return identity.mint(self.person_id(name), spec.get("name") or name.title(), spec.get("role", "employee"),
                             org, key=SECRET, organisation_id=f"{self.stem}-{org}" if org else None,
                             manager_id=self.person_id(manager) if manager else None)

    def say(self, name: str, text: str) -> None:
        if self.dev:  # development mode: the sender is the person
            response = requests.post(self.srv.webhook, json={"message": text, "sender": self.person_id(name)},
                                     timeout=60)
        else:
            response = requests.post(self.srv.webhook, json={"message": text},
                                     headers={"Authorization": f"Bearer {self.token(name)}"}, timeout=60)
        assert response.status_code == 200, (text, response.status_code, response.text[:300])
        self.transcript.append(f"{name}> {text}")
        for reply in response.json():
            buttons = [b.get("title") for b in reply.get("buttons") or []]
            self.transcript.append("   bot: " + (reply.get("text") or "").replace("\n", " | ")[:400]
                                   + (f"  {buttons}" if buttons else ""))

    def play(self) -> None:
        for turn in self.data["turns"]:
            if isinstance(turn, str):
                self.say(self.first, turn)
            elif "later" in turn:  # gone for a while: Rasa starts a new session when the person comes back
                name = turn.get("as", self.first)
                self.say(name, "/session_start")
                # coming back is no fault: no "er ging iets mis" (the REST channel's reply to an empty turn)
                assert not any("ging iets mis" in line for line in self.transcript[-3:]), self.transcript[-3:]
                self.transcript.append(f"   ({name} komt {turn['later']} later terug)")
            else:
                (name, text), = turn.items()
                self.say(name, str(text))


def _euros(cents):
    if cents is None:
        return None
    return cents // 100 if cents % 100 == 0 else cents / 100


def _clean(values: dict) -> dict:
    """Only what holds an answer: no empty values; a list that is complete or an agreement that is confirmed says
    so, an open one says nothing."""
    return {k: v for k, v in values.items()
            if v is not None and v != [] and v != {} and not (k in ("complete", "confirmed") and v is False)}


def _activity(act) -> dict:
    return _clean({"title": act.title, "target_group": act.target_group, "kind": act.kind,
                   "speerpunt": act.speerpunt_text, "goal": act.goal, "form": act.form, "period": act.period,
                   "provider": act.provider, "cooperation": act.cooperation, "cost": _euros(act.cost_cents),
                   **(act.extra or {}),
                   "evaluation": _clean({"status": act.eval_status, "cost": _euros(act.eval_cost_cents),
                                         "effect": act.eval_effect})})


def _organisation(org: Organisation) -> dict:
    plan = org.strategic_plan
    strategy = _clean({"future_vision": plan.future_vision, "speerpunten": [sp.text for sp in plan.speerpunten],
                       "competences": plan.competences, "role_of_learning": plan.role_of_learning,
                       "support_base": plan.support_base, "works_council_involved": plan.works_council_involved,
                       **(plan.extra or {})}) if plan else {}
    years = [_clean({"year": yp.year, "budget": _euros(yp.budget_cents), "complete": yp.activities_complete,
                     "activities": [_activity(a) for a in sorted(yp.activities, key=lambda a: a.position)
                                    if _activity(a)],
                     "evaluation": _clean({"policy_changes": yp.eval_policy_changes,
                                           "works_council": yp.eval_works_council,
                                           "carry_over": yp.eval_carry_over})})
             for yp in sorted(org.year_plans, key=lambda p: p.year)]
    return _clean({"sector": org.sector, "employees": org.employees, "works_council": org.has_works_council,
                   "strategy": strategy, "year_plans": years, **(org.extra or {})})


def _pop(pop: Pop) -> dict:
    fields = ("function", "team", "looking_back", "contribution", "strengths", "development_points",
              "ambition_short", "ambition_long", "wish_strategisch", "wish_loopbaan", "wish_vakgebied",
              "support_needed")
    goals = [_clean({"text": g.text, "kind": g.kind, "deadline": g.deadline, "result": g.result,
                     "activity": g.activity, **(g.extra or {})}) for g in sorted(pop.goals, key=lambda g: g.position)]
    agreements = [_clean({"goal": a.position, "decision": a.decision, "activity": a.activity, "period": a.period,
                          "cost": _euros(a.cost_cents), "payer": a.payer, "speerpunt": a.speerpunt_text,
                          "confirmed": a.employee_confirmed_at is not None})
                  for a in sorted(pop.agreements, key=lambda a: a.position)]
    content = _clean({f: getattr(pop, f) for f in fields} | {"goals": [g for g in goals if g],
                                                            "agreements": agreements, **(pop.extra or {})})
    return _clean({"year": pop.year, "complete": pop.goals_complete, **content}) if content else {}


def snapshot(url: str, conversation: Conversation) -> dict:
    with session_scope(url) as s:
        people = {name: s.get(Person, conversation.person_id(name)) for name in conversation.people}
        orgs = {p.organisation.id: p.organisation for p in people.values() if p is not None and p.organisation}
        organisations = {org.name: _organisation(org) for org in orgs.values()}
        pops = {}
        for name, person in people.items():
            if person is None:
                continue
            for pop in s.execute(select(Pop).where(Pop.person_id == person.id)).scalars():
                if _pop(pop):
                    pops[name] = _pop(pop)
        return _clean({"organisations": organisations, "pops": pops})


def _normal(value):
    """Expected values as YAML gives them: numbers stay numbers, everything else compared as text."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, bool) or isinstance(value, int | float) or value is None:
        return value
    return str(value)


def typed_organisation(path: Path) -> bool:
    """Someone in the conversation types the organisation's name: development mode (tokens carry one)."""
    return any(not (spec or {}).get("org") for spec in load(path)["people"].values())


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_conversation_stores_what_the_person_meant(request, path):
    dev = typed_organisation(path)
    srv = request.getfixturevalue("dev_servers" if dev else "servers")
    conversation = Conversation(srv, path, dev)
    conversation.play()
    got = snapshot(srv.settings.database_url, conversation)
    expected = _normal(conversation.data.get("stored") or {})
    if got != expected:
        transcript = "\n".join(conversation.transcript[-120:])
        pytest.fail(f"stored:\n{yaml.safe_dump(got, allow_unicode=True, sort_keys=False)}\n"
                    f"expected:\n{yaml.safe_dump(expected, allow_unicode=True, sort_keys=False)}\n"
                    f"conversation:\n{transcript}")


def test_there_are_forty_long_conversations_each_with_its_stored_state():
    assert len(FILES) >= 40
    for path in FILES:
        data = load(path)
        said = [t for t in data["turns"] if not (isinstance(t, dict) and "later" in t)]
        assert 15 <= len(said) <= 80, (path.name, len(said))
        assert data.get("stored"), path.name
