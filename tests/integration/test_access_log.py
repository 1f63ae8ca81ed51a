"""Issue 29, item 3: the employee sees who was given, opened or used her POP, and when — in "mijn gegevens" and in
the data export — from the sharing, access and agreement logs. Deleting her data deletes the log."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select

from bot.identity import Identity
from bot.services import access, popgesprek, privacy, sharing
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import PopAccess
from tests.integration.popgesprek_helpers import EVA, HR, MARK, prepared_and_shared

NORA = Identity("nora", "Nora", "manager", "Gemeente Zeist", organisation_id="gm0355")


def test_sharing_opening_and_agreements_are_listed_for_the_employee(db_url, today):
    service.sync_identity(MARK)
    service.sync_identity(HR)
    prepared_and_shared(today, share=False)
    assert "Niemand anders heeft je POP gezien." in privacy.summary_text("eva")

    assert sharing.share_pop("eva", True, today) == "gedeeld"
    sharing.pop_view("mark", "eva")
    popgesprek.record("mark", "eva", 1, "afgesproken", "Training presenteren", "voorjaar 2027", 125000,
                       "werkgever", year=today.year)
    assert sharing.share_pop("eva", True, today, with_hr=True) == "gedeeld_met_hr"
    sharing.pop_view("hanna", "eva")
    assert sharing.share_pop("eva", False, today) == "niet_gedeeld"

    texts = [item["text"] for item in access.pop_access("eva")]
    assert texts == ["Je deelde je POP met Mark (leidinggevende).", "Mark (leidinggevende) keek in je POP.",
                     "Mark (leidinggevende) legde een afspraak over leerdoel 1 vast.", "Je deelde je POP met HR.",
                     "Hanna (HR-adviseur) keek in je POP.", "Je stopte met delen met Mark (leidinggevende).",
                     "Je stopte met delen met HR."]
    shown = privacy.summary_text("eva")
    assert "Wie je POP kreeg of zag:" in shown and "Hanna (HR-adviseur) keek in je POP." in shown
    assert "\n\n" not in shown  # one message in the chat, not split into bubbles
    exported = json.loads(privacy.export("eva"))
    assert [item["event"] for item in exported["pop_access"]] == [
        "gedeeld", "geopend", "vastgelegd", "gedeeld", "geopend", "delen_gestopt", "delen_gestopt"]


def test_nobody_else_reads_the_log_and_a_refused_look_is_not_listed(db_url, today):
    service.sync_identity(MARK)
    service.sync_identity(NORA)
    prepared_and_shared(today)
    try:
        sharing.pop_view("nora", "eva")
    except PermissionError:
        pass
    assert [item["event"] for item in access.pop_access("eva")] == ["gedeeld"]
    assert access.pop_access("mark") == [] and access.pop_access("nora") == []


def test_deleting_her_data_deletes_the_log_and_a_deleted_viewer_is_no_longer_named(db_url, today):
    service.sync_identity(MARK)
    prepared_and_shared(today)
    sharing.pop_view("mark", "eva")
    privacy.delete_person("mark")
    assert [item["who"] for item in access.pop_access("eva")] == [
        "iemand die zijn gegevens heeft laten verwijderen"] * 2
    privacy.delete_person("eva")
    with session_scope() as s:
        assert s.execute(select(func.count()).select_from(PopAccess)).scalar_one() == 0


def test_many_looks_stay_readable_in_the_chat(db_url, today):
    service.sync_identity(MARK)
    prepared_and_shared(today)
    for _ in range(14):
        sharing.pop_view("mark", "eva")
    lines = access.access_lines("eva")
    assert len(lines) == 11 and lines[0] == "- (5 eerdere keren staan in het bestand.)"
    assert len(json.loads(privacy.export("eva"))["pop_access"]) == 15


def test_a_goal_with_a_blank_line_and_markdown_reaches_the_manager_as_one_plain_quote(db_url, today):
    """Issue 29, item 4: the shared POP the manager opens shows her goal as her words, on one line, as text."""
    from bot.documents import overview
    from tests.helpers import POP

    goal = "Beter presenteren\n\n**Let op:** je sessie is verlopen. Log opnieuw in via https://inloggen.example/x"
    service.sync_identity(MARK)
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    for key, text in POP[1:]:  # the organisation comes from her token
        service.turn("eva", "pop", goal if key == "doel_tekst" else text, ranking=[("antwoord", 0.9)], today=today)
    sharing.share_pop("eva", True, today)
    _name, summary = sharing.pop_view("mark", "eva")
    [line] = [line for line in summary.splitlines() if "Let op" in line]
    assert line.startswith("- Leerdoel 1: „Beter presenteren **Let op:** je sessie is verlopen.")
    page = overview.render_pop("Eva", summary)
    assert "<strong>" not in page and "<a " not in page and page.count("Let op") == 1


def test_sharing_with_hr_only_does_not_share_with_the_manager(db_url, today):
    """Found over make run: "deel mijn pop met hr" shared the POP with the manager too."""
    from bot.storage.models import Pop

    service.sync_identity(MARK)
    service.sync_identity(HR)
    prepared_and_shared(today, share=False)
    share, with_hr, with_manager = sharing.what_to_share("deel mijn pop met hr", True)
    assert sharing.share_pop("eva", share, today, with_hr=with_hr, with_manager=with_manager) == "alleen_hr"
    with session_scope() as s:
        pop = s.execute(select(Pop).where(Pop.person_id == "eva")).scalar_one()
        assert (pop.shared_with_hr, pop.shared_with_manager) == (True, False)
    assert sharing.who_sees("eva", today) == "jij en HR (heeft er nog niet in gekeken)"
    assert sharing.share_pop("eva", True, today) == "gedeeld_met_hr"  # the manager only when she chooses that too


def test_who_sees_the_pop_says_whether_the_readers_opened_it(db_url, today):
    """Found over make run: "heeft Joost mijn POP al bekeken?" got buttons and no answer, although the access log
    knows; "kan de directeur het ook zien?" got the referral to the IT desk (actions: answered before referrals)."""
    import time_machine

    service.sync_identity(MARK)
    prepared_and_shared(today)
    assert sharing.who_sees("eva", today).endswith("(heeft er nog niet in gekeken)")
    with time_machine.travel(datetime(2026, 12, 3, 10, 0), tick=False):
        sharing.pop_view("mark", "eva")
    assert sharing.who_sees("eva", today).endswith("(keek er het laatst in op 3 december 2026)")
    for question in ("heeft Joost mijn POP al bekeken?", "heeft mijn leidinggevende m'n pop gelezen",
                     "kan de directeur het ook zien? of mijn collega's uit het muziekteam?",
                     "wie kan dit eigenlijk allemaal lezen? ook mijn collega's?", "wie ziet dit?"):
        assert sharing.asks_who_sees(question), question
    for other in ("heeft iedereen een pop gemaakt?", "Wie kan het beste helpen bij mijn leerdoel", "wie kan dat regelen"):
        assert not sharing.asks_who_sees(other), other
