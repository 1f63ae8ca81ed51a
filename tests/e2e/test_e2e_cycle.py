"""Issue 17 end to end, over the real servers with intranet tokens: an employee prepares and shares a POP; their
manager records the agreements; the employee confirms; the activity is in the yearly plan and its budget; the
overview counts it; the evaluation at year end produces a document and carries the unfinished activity to next
year. Managers of another team or organisation see none of it."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from bot import clock
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import Organisation
from tests.helpers import downloads
from tests.stack_helpers import answer_all, post, prepare_and_share_pop, texts, tok

pytestmark = pytest.mark.e2e

ORG = {"org": "Gemeente Zeist", "organisation_id": "gm0355"}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}  # organisation documents open with the own token (issue 29)


def _links(response) -> list[str]:
    return [url for _label, url in downloads(response.json())]


def test_the_whole_cycle_over_the_real_servers(stack):
    servers, _ = stack
    year = clock.today().year
    eva = tok("cyclus-eva", name="Eva de Vries", manager_id="cyclus-mark", **ORG)
    mark = tok("cyclus-mark", role="manager", name="Mark", **ORG)

    # the employee prepares the POP and shares it with her own manager
    replies = prepare_and_share_pop(servers, eva, "cyclus-eva")
    assert any("Klaar!" in t for t in replies), replies
    assert any("zichtbaar voor je eigen leidinggevende" in t for t in replies), replies

    # the manager sees the team, records the agreement question by question
    replies = texts(post(servers, mark, "/gedeelde_pops"))
    assert any("Eva de Vries: POP gedeeld, nog geen afspraken" in t for t in replies)
    replies = texts(post(servers, mark, "/start_popgesprek"))
    assert replies[-1] == "Met wie had je het POP-gesprek? Kies de medewerker."
    replies = answer_all(servers, mark, "cyclus-mark", "popgesprek", {
        "gesprek_medewerker": ["Eva"], "afspraak_besluit": ["afgesproken"],
        "afspraak_activiteit": ["Training presenteren bij De Baak"], "afspraak_wanneer": ["in december"],
        "afspraak_kosten": ["€ 1.250"], "afspraak_betaalt": ["de werkgever"]})
    summary = " ".join(replies)
    assert "Training presenteren bij De Baak" in summary and "€ 1.250" in summary and "wacht op de medewerker" in summary

    # the employee is told in the greeting, sees the agreement and confirms it
    assert any("jullie afspraken vastgelegd" in t for t in texts(post(servers, eva, "hallo")))
    replies = texts(post(servers, eva, "welke afspraken hebben we gemaakt?"))
    assert any("Training presenteren bij De Baak" in t and "Kloppen ze?" in t for t in replies)
    assert any("bevestigd" in t for t in texts(post(servers, eva, "/afspraken_bevestigen")))
    assert any("bevestigd door de medewerker" in t for t in texts(post(servers, eva, "/afspraken_bekijken")))

    # the activity is in the yearly plan and its budget; the overview counts it per team
    with session_scope(servers.settings.database_url) as s:
        org = s.execute(select(Organisation).where(Organisation.external_id == "gm0355")).scalar_one()
        plan = repo.get_year_plan(s, org, year)
        assert [(a.title, a.cost_cents, a.kind) for a in plan.activities] == \
            [("Training presenteren bij De Baak", 125000, "vakgebied")]
    [overview] = _links(post(servers, mark, "/overzicht_bekijken"))
    page = requests.get(overview, timeout=30, headers=_bearer(mark)).text
    assert "POP-gesprekken per team" in page and "Afspraken bevestigd: 1" in page and "€ 1.250" in page

    # the evaluation at year end: the training moved, so it goes to next year's plan; a document comes out
    replies = texts(post(servers, mark, "/start_evaluatie"))
    assert replies[-1] == "Welk jaar wil je evalueren?"
    replies = answer_all(servers, mark, "cyclus-mark", "evaluatie", {
        "evaluatie_jaar": [str(year)], "eval_status": ["verschoven"],
        "eval_beleid": ["We hebben een speerpunt over presenteren toegevoegd"], "eval_or": ["ja"],
        "eval_meenemen": ["ja"]})
    assert any(f"opleidingsjaarplan van {year + 1}" in t for t in replies)
    assert any("Klaar! Dit is de evaluatie" in t for t in replies)
    pdf, docx = _links(post(servers, mark, "/evaluatie_downloaden"))
    assert requests.get(pdf, timeout=30, headers=_bearer(mark)).content.startswith(b"%PDF")
    assert requests.get(docx, timeout=30, headers=_bearer(mark)).content[:2] == b"PK"
    with session_scope(servers.settings.database_url) as s:
        org = s.execute(select(Organisation).where(Organisation.external_id == "gm0355")).scalar_one()
        [carried] = repo.get_year_plan(s, org, year + 1).activities
        assert carried.title == "Training presenteren bij De Baak" and carried.carried_from_id is not None

    # a manager of another team, or of another organisation, sees none of it
    for other in (tok("cyclus-nora", role="manager", name="Nora", **ORG),
                  tok("cyclus-houten", role="manager", name="Mark", org="Gemeente Houten", organisation_id="gm0321")):
        replies = texts(post(servers, other, "/start_popgesprek"))
        assert any("Nog niemand uit je team" in t for t in replies)
        assert not any("Eva" in t for t in replies + texts(post(servers, other, "Eva de Vries")))
        assert not any("Eva" in t for t in texts(post(servers, other, "/gedeelde_pops")))
    # and an employee cannot record agreements or evaluate
    replies = texts(post(servers, eva, "/start_popgesprek")) + texts(post(servers, eva, "/start_evaluatie"))
    assert any("legt de eigen leidinggevende van de medewerker vast" in t for t in replies)
    assert any("voor leidinggevenden en HR-adviseurs" in t for t in replies)

    # issue 29, item 3: Eva reads who was given, opened or used her POP, and when
    shown = " ".join(texts(post(servers, eva, "welke gegevens heb je van mij?")))
    for line in ("Je deelde je POP met Mark (leidinggevende).", "Mark (leidinggevende) begon het POP-gesprek",
                 "Mark (leidinggevende) legde een afspraak over leerdoel 1 vast."):
        assert line in shown, shown
    assert "Nora" not in shown
