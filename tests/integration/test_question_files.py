"""The questions as data (bot/interviews/questions): validated when loaded, and an organisation's own POP form."""

from __future__ import annotations

import shutil

import pytest
import yaml
from sqlalchemy import select

from bot.interviews import catalogue
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, Pop
from tests.helpers import POP
from tests.question_file_examples import CERTIFICATES, add_certificates


@pytest.fixture
def own_forms(tmp_path, monkeypatch):
    folder = tmp_path / "vragen"
    shutil.copytree(catalogue.DEFAULT_DIR, folder)
    monkeypatch.setenv("LEERKOERS_INTERVIEWS_DIR", str(folder))
    return folder


def _edit(folder, name, change) -> None:
    path = folder / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_default_questions_load():
    c = catalogue.load()
    assert c.order["pop"][0] == "org_naam" and "pop_steun" in c.order["pop"]
    assert c.fields("pop")["pop_team"] == "team"
    assert all(q.label for q in c.questions.values())


def test_an_organisation_adapts_its_pop_form_without_code(db_url, today, own_forms):
    """docs/interviews.md, the example: no strategic learning wish, 'Afdeling' instead of 'Team of afdeling'."""
    def change(data):
        data["questions"] = [q for q in data["questions"] if q["key"] != "pop_wens_strategisch"]
        next(q for q in data["questions"] if q["key"] == "pop_team")["label"] = "Afdeling"

    _edit(own_forms, "pop", change)
    service.start("eva", "pop", today)
    asked = []
    for key, text in POP:
        if key == "pop_wens_strategisch":
            continue
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
        assert turn.accepted, (key, turn)
        asked.append(turn.prompt.response if turn.prompt else None)
    assert "vraag_pop_wens_strategisch" not in asked
    summary = service.summary("eva", "pop", today)
    assert "- Afdeling: „Sociaal Domein”" in summary and "Leerwens strategisch" not in summary
    with session_scope() as s:
        stored = set(s.execute(select(AnswerLog.question).where(AnswerLog.person_id == "eva")).scalars())
    assert stored == {key for key, _ in POP} - {"pop_wens_strategisch"}


def test_an_organisation_adds_its_own_questions_without_code_or_training(db_url, today, own_forms):
    """docs/interviews.md, second example: a question of its own about the mentor, and one per learning goal."""
    def change(data):
        keys = [q["key"] for q in data["questions"]]
        data["questions"].insert(keys.index("pop_team") + 1, {
            "key": "pop_mentor", "label": "Mentor", "kind": "short", "optional": True,
            "stored_in": "pop.extra.mentor", "text": "Wie is je mentor of buddy?", "topic_words": ["mentor"]})
        data["questions"].insert(keys.index("doel_tekst") + 2, {
            "key": "doel_uren", "label": "Uren per week", "kind": "int",
            "stored_in": "goal.extra.uren_per_week", "text": "Hoeveel uur per week wil je hieraan besteden?"})

    _edit(own_forms, "pop", change)
    service.start("eva", "pop", today)
    seen = {}
    for key, text in POP:
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
        assert turn.accepted, (key, turn)
        while turn.prompt and turn.prompt.response == "vraag_eigen":  # the own questions, when they come
            question = turn.prompt.params["vraag"]
            seen[question] = True
            answer = "Jan de Vries" if "mentor" in question else "twee"
            turn = service.turn("eva", "pop", answer, ranking=[("antwoord", 0.9)], today=today)
            assert turn.accepted, (question, turn)
    assert set(seen) == {"Wie is je mentor of buddy?", "Hoeveel uur per week wil je hieraan besteden?"}
    summary = service.summary("eva", "pop", today)
    assert "- Mentor: „Jan de Vries”" in summary and "uren per week: 2" in summary
    with session_scope() as s:
        stored = dict(s.execute(select(AnswerLog.question, AnswerLog.text).where(AnswerLog.person_id == "eva")
                                .where(AnswerLog.question.in_(["pop_mentor", "doel_uren"]))).all())
        pop = s.execute(select(Pop).where(Pop.person_id == "eva")).scalar_one()
        assert pop.extra == {"mentor": "Jan de Vries"} and pop.goals[0].extra == {"uren_per_week": 2}
    assert stored == {"pop_mentor": "Jan de Vries", "doel_uren": "twee"}
    from bot.services import documents

    doc = documents.pop_document("eva", today=today)
    assert ("Mentor", ["Jan de Vries"]) in doc.sections


@pytest.mark.parametrize("change, message", [
    (lambda d: d["questions"].append({"key": "pop_eigen", "label": "Eigen", "kind": "short",
                                      "stored_in": "pop.extra.eigen"}), "text"),
    (lambda d: d["questions"].append({"key": "pop_eigen", "label": "Eigen", "kind": "list", "text": "Welke?",
                                      "stored_in": "pop.extra.eigen"}), "soorten"),
    (lambda d: d["questions"].append({"key": "pop_eigen", "label": "Eigen", "kind": "short", "text": "Welke?",
                                      "stored_in": "year_plan.extra.eigen"}), "onbekende plek"),
    (lambda d: d["questions"].append({"key": "pop_eigen", "label": "Eigen", "kind": "short", "text": "Welke?",
                                      "stored_in": "pop.extra.Eigen Veld"}), "onbekende plek"),
])
def test_an_own_question_needs_text_a_simple_kind_and_a_known_record(own_forms, change, message):
    _edit(own_forms, "pop", change)
    with pytest.raises(catalogue.CatalogueError, match=message):
        catalogue.load(own_forms)


def test_an_own_question_with_buttons_reads_a_click_and_a_typed_title(db_url, today, own_forms):
    """An organisation's own choice: its buttons are its choices; free text that is none of them is asked again."""
    def change(data):
        keys = [q["key"] for q in data["questions"]]
        data["questions"].insert(keys.index("pop_team") + 1, {
            "key": "pop_werkplek", "label": "Waar je vooral werkt", "kind": "choice", "stored_in": "pop.extra.werkplek",
            "text": "Waar werk je het meest?", "buttons": [{"title": "Op kantoor", "value": "kantoor"},
                                                          {"title": "Thuis", "value": "thuis"},
                                                          {"title": "Op locatie bij inwoners", "value": "locatie"}]})

    _edit(own_forms, "pop", change)
    service.start("eva", "pop", today)
    turn = None
    for _key, text in POP[:3]:
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
    assert turn.prompt.params["vraag"] == "Waar werk je het meest?"
    assert [b["title"] for b in turn.prompt.buttons] == ["Op kantoor", "Thuis", "Op locatie bij inwoners"]
    wrong = service.turn("eva", "pop", "bij de koffieautomaat", ranking=[("antwoord", 0.9)], today=today)
    assert not wrong.accepted and wrong.messages[0].response == "kies_een_optie"
    typed = service.turn("eva", "pop", "op locatie bij inwoners", ranking=[("antwoord", 0.9)], today=today)
    assert typed.accepted and typed.prompt.response != "vraag_eigen"
    with session_scope() as s:
        assert s.execute(select(Pop).where(Pop.person_id == "eva")).scalar_one().extra == {"werkplek": "locatie"}


@pytest.mark.parametrize("change, message", [
    (lambda d: d["questions"][0].update(buttons_from="afdelingen"), "onbekende bron 'afdelingen'"),
    (lambda d: d["questions"][0].update(ask_if="als_het_regent"), "onbekende voorwaarde 'als_het_regent'"),
    (lambda d: d["questions"][0].update(after=["mail_de_baas"]), "onbekende stap na het antwoord 'mail_de_baas'"),
    (lambda d: d["questions"][0].update(buttons=[{"title": "Ja"}]), "value"),
    (lambda d: d["questions"][0].update(kind="essay"), "kind"),
    (lambda d: d["questions"][0].update(stored_in="pop.salary"), "onbekende plek"),
    (lambda d: d["questions"].append(dict(d["questions"][0], key="pop_functie_twee")), "allebei bewaard"),
    (lambda d: d.update(questions=[q for q in d["questions"] if q["key"] != "doel_tekst"]), "goal.text"),
    (lambda d: d["questions"][0].update(kleur="rood"), "kleur"),
])
def test_a_wrong_questions_file_is_refused_with_its_name(own_forms, change, message):
    _edit(own_forms, "pop", change)
    with pytest.raises(catalogue.CatalogueError, match=message) as raised:
        catalogue.load(own_forms)
    assert "pop.yml" in str(raised.value)


def test_own_answers_are_in_the_data_export(db_url, today, own_forms):
    """Everything stored about a person, also the answers to the organisation's own questions (AVG art. 15)."""
    import json

    from bot.services import privacy

    def change(data):
        keys = [q["key"] for q in data["questions"]]
        data["questions"].insert(keys.index("pop_team") + 1, {
            "key": "pop_mentor", "label": "Mentor", "kind": "short", "stored_in": "pop.extra.mentor",
            "text": "Wie is je mentor?"})

    _edit(own_forms, "pop", change)
    service.start("eva", "pop", today)
    turn = None
    for _key, text in POP[:3]:
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
    assert turn.prompt.params == {"vraag": "Wie is je mentor?"}
    service.turn("eva", "pop", "Ahmed", ranking=[("antwoord", 0.9)], today=today)
    exported = json.loads(privacy.export("eva"))
    assert exported["pops"][0]["extra"] == {"mentor": "Ahmed"}


def test_an_organisation_adds_a_repeating_group_with_buttons(db_url, today, own_forms):
    _edit(own_forms, "pop", add_certificates)
    service.start("eva", "pop", today)
    turn = None
    for key, text in POP:
        if key == "pop_steun":
            break
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
        assert turn.accepted, (key, turn)
    asked = []

    def say(text):
        nonlocal turn
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
        assert turn.accepted, (text, turn)
        asked.append(turn.prompt.params.get("vraag") if turn.prompt else None)

    assert turn.prompt.params["vraag"] == CERTIFICATES["start"]
    assert [b["title"] for b in turn.prompt.buttons] == ["Ja", "Nee"]
    say("ja")
    say("Projectmatig werken (IPMA-D)")
    assert [b["title"] for b in turn.prompt.buttons] == ["Mbo", "Hbo", "Wo", "Geen niveau"]
    say("hbo")
    assert turn.prompt.params["vraag"] == CERTIFICATES["more"]
    say("ja")
    say("BHV")
    wrong = service.turn("eva", "pop", "ergens in het midden", ranking=[("antwoord", 0.9)], today=today)
    assert not wrong.accepted and wrong.messages[0].response == "kies_een_optie"  # nothing lost: asked again
    say("Geen niveau")
    say("nee")
    assert turn.prompt.response == "vraag_pop_steun"
    say("Tijd van mijn leidinggevende")
    summary = service.summary("eva", "pop", today)
    assert ("- Certificaten: 1. certificaat: „Projectmatig werken (IPMA-D)”; niveau: Hbo / "
            "2. certificaat: „BHV”; niveau: Geen niveau") in summary
    with session_scope() as s:
        pop = s.execute(select(Pop).where(Pop.person_id == "eva")).scalar_one()
        assert pop.extra["certificaten"] == {"items": [{"naam": "Projectmatig werken (IPMA-D)", "niveau": "hbo"},
                                                       {"naam": "BHV", "niveau": "geen niveau"}], "klaar": True}
        logged = list(s.execute(select(AnswerLog.question).where(AnswerLog.person_id == "eva")
                                .where(AnswerLog.question.like("cert%"))).scalars())
    assert logged == ["certificaten_start", "cert_naam", "cert_niveau", "certificaten_nog_een", "cert_naam",
                      "cert_niveau", "certificaten_nog_een"]
    from bot.services import documents

    doc = documents.pop_document("eva", today=today)
    assert ("Certificaten", ["1. certificaat: Projectmatig werken (IPMA-D); niveau: Hbo",
                             "2. certificaat: BHV; niveau: Geen niveau"]) in doc.sections


def test_no_items_in_a_group_is_an_answer_too(db_url, today, own_forms):
    _edit(own_forms, "pop", add_certificates)
    service.start("eva", "pop", today)
    for key, text in POP:
        if key == "pop_steun":
            turn = service.turn("eva", "pop", "nee", ranking=[("antwoord", 0.9)], today=today)
            assert turn.accepted and turn.prompt.response == "vraag_pop_steun"
        turn = service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
        assert turn.accepted, (key, turn)
    assert turn.done and "- Certificaten: geen" in service.summary("eva", "pop", today)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["questions"].append(dict(CERTIFICATES, questions=[])), "minstens één vraag"),
    (lambda d: d["questions"].append(dict(CERTIFICATES, questions=[dict(CERTIFICATES["questions"][0],
                                                                        stored_in="pop.extra.naam")])), "item"),
    (lambda d: d["questions"].append({**CERTIFICATES["questions"][0]}), "alleen in een groep"),
])
def test_a_wrong_group_is_refused(own_forms, change, message):
    _edit(own_forms, "pop", change)
    with pytest.raises(catalogue.CatalogueError, match=message):
        catalogue.load(own_forms)
