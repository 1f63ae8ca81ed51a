"""Issue 43, L3 in the conversation: a speerpunt with a link appeared unquoted in an employee's POP question, and
a name claim with markup in a manager's team list."""

from __future__ import annotations

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import popgesprek
from bot.storage.db import session_scope
from bot.storage.models import Organisation, Person, Speerpunt, StrategicPlan
from tests.helpers import POP
from tests.integration.cycle_helpers import MARK, answer_open_questions

FORGED = "[Lees dit eerst](javascript:alert(1)) **Let op:** je sessie is verlopen"


def test_a_speerpunt_is_quoted_in_the_employees_pop_question(db_url, today):
    eva = Identity("eva", "Eva", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")
    service.sync_identity(eva)
    with session_scope() as s:
        org = s.query(Organisation).one()
        plan = StrategicPlan(organisation=org)
        plan.speerpunten.append(Speerpunt(position=1, text=FORGED))
        s.add(plan)
    start = service.start("eva", "pop", today)
    answers: dict[str, list[str]] = {}
    for key, text in POP:
        answers.setdefault(key, []).append(text)
    prompts = [start.prompt] + [t.prompt for t in answer_open_questions(
        "eva", "pop", {k: v for k, v in answers.items() if k != "pop_bijdrage"}, today)]
    [asked] = [p for p in prompts if p is not None and p.response == "vraag_pop_bijdrage_met_speerpunten"]
    assert asked.params["speerpunten"] == f"- „{FORGED}”"


def test_a_name_claim_with_markup_is_shown_as_a_name(db_url, today):
    forged = Identity("eva", "<img src=x onerror=alert(1)>[Eva](javascript:alert(2)) **de Vries**", "employee",
                      "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")
    service.sync_identity(forged)
    service.sync_identity(MARK)
    with session_scope() as s:
        assert s.get(Person, "eva").display_name == "Eva de Vries"
    [line] = [popgesprek.describe(m) for m in popgesprek.team("mark")]
    assert line.startswith("- Eva de Vries:")
