"""`leerkoers onbegrepen`: what people asked that Leerkoers did not understand (issue 28, item 7)."""

from __future__ import annotations

import json
import time

from sqlalchemy import create_engine, text

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import privacy, unclear
from ops import cli


def _conversation(conn, sender: str, turns: list[tuple[str, str]], age_days: float = 1) -> None:
    """(what the person typed, the response the bot answered with) as Rasa's tracker store keeps them."""
    at = time.time() - age_days * 86400
    for typed, response in turns:
        at += 1
        conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, :d)"),
                     {"s": sender, "t": at, "d": json.dumps({"event": "user", "text": typed})})
        conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'bot', :t, :d)"),
                     {"s": sender, "t": at + 0.5, "d": json.dumps({"event": "bot", "text": "…",
                                                                   "metadata": {"utter_action": response}})})


def _tracker(tmp_path) -> str:
    path = tmp_path / "tracker.db"
    engine = create_engine(f"sqlite:///{path}", future=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                          "timestamp FLOAT, intent_name TEXT, action_name TEXT, data TEXT)"))
        _conversation(conn, "eva-4711", [("hallo", "utter_groet"),
                                         ("ik heb volgende week mijn pop gesprek", "utter_bedoel_je"),
                                         ("/start_pop", "utter_start_pop")])
        _conversation(conn, "piet-0815", [("ik heb volgende week mijn popgesprek", "utter_bedoel_je"),
                                          ("Eva de Vries zei dat ik hier moest zijn, mail eva@zeist.nl", "utter_fallback"),
                                          ("Beleidsmedewerker subsidies", "utter_antwoord_of_verzoek")])
        _conversation(conn, "oud", [("een vraag van lang geleden", "utter_fallback")], age_days=40)
    engine.dispose()
    return str(path)


def test_unclear_messages_are_grouped_counted_and_name_nobody(db_url, tmp_path):
    service.sync_identity(Identity("eva-4711", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355"))
    tracker = _tracker(tmp_path)
    found = unclear.unclear_messages(tracker, 30)
    assert "hallo" not in found and "/start_pop" not in found and "een vraag van lang geleden" not in found
    groups = unclear.grouped(found)
    assert groups[0].count == 2 and groups[0].text == "ik heb volgende week mijn pop gesprek"
    listed = " ".join(g.text + " ".join(g.variants) for g in groups)
    assert "Beleidsmedewerker subsidies" in listed  # "is dit je antwoord, of ...?" inside an interview
    assert "eva-4711" not in listed and "piet" not in listed
    assert "Eva" not in listed and "Vries" not in listed and "eva@zeist.nl" not in listed and "[naam]" in listed


def test_the_command_lists_them_and_forgets_a_deleted_person(db_url, tmp_path, monkeypatch, capsys):
    tracker = _tracker(tmp_path)
    monkeypatch.setenv("LEERKOERS_TRACKER_DB", tracker)
    assert cli.main(["onbegrepen", "--dagen", "30"]) == 0
    out = capsys.readouterr().out
    assert "    2  ik heb volgende week mijn pop gesprek" in out and "eva-4711" not in out
    privacy.purge_conversation(tracker, "eva-4711")  # what deleting a person does to the conversation store
    privacy.purge_conversation(tracker, "piet-0815")
    assert cli.main(["onbegrepen", "--dagen", "30"]) == 0
    assert "Geen onbegrepen berichten" in capsys.readouterr().out


def test_the_small_words_of_a_surname_stay_ordinary_words(db_url):
    """CI on a clean clone: with "Henk van Dijk" known, "die pop van mij" was listed as "die pop [naam] mij"."""
    service.sync_identity(Identity("henk", "Henk van Dijk", "employee", "Gemeente Zeist", organisation_id="gm0355"))
    [group] = unclear.grouped(["die pop van mij", ])
    assert group.text == "die pop van mij"
    [named] = unclear.grouped(["vraag voor henk dijk"])
    assert named.text == "vraag voor [naam] [naam]"
