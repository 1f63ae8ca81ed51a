"""Issue 40, item 4: the interviews are wholly in their question files. Every question key renamed in the files
(and, for people halfway, in the database by the migration helper) and the whole yearly cycle gives the same
questions, the same stored answers, summaries and documents: no key is named in Python."""

from __future__ import annotations

import shutil
from datetime import date

import yaml
from sqlalchemy import select

from bot.interviews import catalogue
from bot.services import documents, popgesprek, sharing
from bot.services import interviews as service
from bot.storage import db
from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, InterviewState, Pop
from bot.storage.renames import rename_questions
from tests.helpers import JAARPLAN, POP, STRATEGIE
from tests.integration.cycle_helpers import ANSWER, EVA, MARK, SECOND_GOAL

PREFIX = "eigen_"


def _renamed_files(folder) -> dict[str, str]:
    """Copy the built-in question files to ``folder`` with every key renamed; returns old -> new."""
    shutil.copytree(catalogue.DEFAULT_DIR, folder)
    renames: dict[str, str] = {}
    for path in folder.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for q in data["questions"]:
            for member in q.get("questions", [q]):
                renames[member["key"]] = PREFIX + member["key"]
                member["key"] = PREFIX + member["key"]
        data["profile"] = [PREFIX + key for key in data.get("profile", [])]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return renames


def _back(text: str | None) -> str | None:
    return text.replace(PREFIX, "") if text else text


def _answers(script, key) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for old, text in script:
        found.setdefault(key(old), []).append(text)
    return found


def _interview(person_id: str, interview: str, script, key, today: date) -> list:
    """Start an interview and answer every question it asks from ``script``; returns (asked, replies) per turn."""
    answers = _answers(script, key)
    seen = [_back(service.start(person_id, interview, today).prompt.response)]
    turn = None
    for _ in range(80):
        asked = service.current_question(person_id, interview, today)
        if asked is None:
            break
        assert answers.get(asked), (interview, asked)
        turn = service.turn(person_id, interview, answers[asked].pop(0), ranking=ANSWER, today=today)
        assert turn.accepted, (asked, turn.messages)
        seen.append((_back(turn.prompt.response) if turn.prompt else None,
                     [(m.response, m.params) for m in turn.messages]))
    assert turn is not None and turn.done, (interview, seen[-1])
    return [*seen, _back(turn.summary)]


def _cycle(today: date, key) -> dict:
    """Policy, yearly plan, POP, POP-gesprek, confirmation and evaluation; what was asked, said and stored."""
    service.sync_identity(MARK)
    service.sync_identity(EVA)
    plan = [(k, "2026" if k == "jaarplan_jaar" else text) for k, text in JAARPLAN]
    seen = {"strategie": _interview("mark", "strategie", STRATEGIE, key, today),
            "jaarplan": _interview("mark", "jaarplan", plan, key, today),
            "pop": _interview("eva", "pop", POP[:-2] + SECOND_GOAL + POP[-1:], key, today)}
    assert sharing.share_pop("eva", True, today) == "gedeeld"
    seen["popgesprek"] = _interview("mark", "popgesprek", [
        ("gesprek_medewerker", "eva"), ("afspraak_besluit", "afgesproken"), ("afspraak_besluit", "niet nu"),
        ("afspraak_activiteit", "Training presenteren bij De Baak"), ("afspraak_wanneer", "in december"),
        ("afspraak_kosten", "€ 1.250"), ("afspraak_betaalt", "werkgever"), ("afspraak_speerpunt", "speerpunt 1")],
        key, today)
    assert popgesprek.confirm("eva", today.year) == 2
    seen["evaluatie"] = _interview("mark", "evaluatie", [
        ("evaluatie_jaar", "2026"), *[("eval_status", "gedaan")] * 4, ("eval_kosten", "€ 7.500"), ("eval_kosten", "€ 2.400"),
        ("eval_kosten", "€ 1.250"), ("eval_kosten", "€ 1.300"),
        *[("eval_effect", "Het werkt goed")] * 4, ("eval_beleid", "Geen wijzigingen"), ("eval_or", "ja"),
        ("eval_meenemen", "nee")], key, today)
    seen["documents"] = [str(documents.pop_document("eva", today=today).__dict__),
                         str(documents.strategy_document("mark", today=today).__dict__),
                         str(documents.year_plan_rows("mark", 2026)),
                         str(documents.evaluation_document("mark", 2026, today=today).__dict__)]
    with session_scope() as s:
        seen["logged"] = [(a.person_id, _back(a.question), a.text, a.value)
                          for a in s.execute(select(AnswerLog).order_by(AnswerLog.id)).scalars()]
    return seen


def test_every_key_renamed_in_the_files_gives_the_same_cycle(tmp_path, monkeypatch, today):
    results = []
    for name, key in (("ingebouwd", lambda k: k), ("hernoemd", lambda k: PREFIX + k)):
        url = f"sqlite:///{tmp_path / name}.db"
        monkeypatch.setenv("LEERKOERS_DATABASE_URL", url)
        monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
        if name == "hernoemd":
            renames = _renamed_files(tmp_path / "vragen")
            monkeypatch.setenv("LEERKOERS_INTERVIEWS_DIR", str(tmp_path / "vragen"))
            assert set(catalogue.current().questions) == set(renames.values())
        db.upgrade(url)
        try:
            results.append(_cycle(today, key))
        finally:
            db.dispose_all()
    built_in, renamed = results
    assert len(built_in["logged"]) > 80 and built_in["pop"][-1]
    for part in built_in:
        assert renamed[part] == built_in[part], part


def test_a_person_halfway_goes_on_after_the_keys_are_renamed(db_url, tmp_path, monkeypatch, today):
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    script = dict(POP)
    while (asked := service.current_question("eva", "pop", today)) != "pop_ontwikkelpunten":
        assert service.turn("eva", "pop", script[asked], ranking=ANSWER, today=today).accepted
    service.correct("eva", "pop", "mijn sterke punten", today)  # a correction open when the files change

    renames = _renamed_files(tmp_path / "vragen")
    monkeypatch.setenv("LEERKOERS_INTERVIEWS_DIR", str(tmp_path / "vragen"))
    with db.get_engine(db_url).begin() as connection:  # what the migration with the renamed files runs
        rename_questions(connection, renames)

    assert service.current_question("eva", "pop", today) == "eigen_pop_sterk"
    assert service.turn("eva", "pop", "samenwerken en plannen", ranking=ANSWER, today=today).accepted
    assert service.current_question("eva", "pop", today) == "eigen_pop_ontwikkelpunten"
    while (asked := service.current_question("eva", "pop", today)) is not None:
        assert service.turn("eva", "pop", script[_back(asked)], ranking=ANSWER, today=today).accepted
    with session_scope() as s:
        pop = s.execute(select(Pop)).scalar_one()
        assert (pop.function, pop.strengths, pop.support_needed) == ("beleidsmedewerker", "samenwerken en plannen",
                                                                     "Tijd en budget van mijn leidinggevende")
        assert s.execute(select(InterviewState.status)).scalar_one() == "done"
        logged = set(s.execute(select(AnswerLog.question)).scalars())
    assert logged == {renames[k] for k in script if k != "org_naam"} and "Sociaal Domein" in service.summary("eva", "pop", today)
