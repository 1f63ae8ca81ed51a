"""The questions as data (bot/interviews/questions): validated when loaded, and an organisation's own POP form."""

from __future__ import annotations

import shutil

import pytest
import yaml
from sqlalchemy import select

from bot import service
from bot.db import session_scope
from bot.interviews import catalogue
from bot.models import AnswerLog
from tests.helpers import POP


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
    assert "- Afdeling: Sociaal Domein" in summary and "Leerwens strategisch" not in summary
    with session_scope() as s:
        stored = set(s.execute(select(AnswerLog.question).where(AnswerLog.person_id == "eva")).scalars())
    assert stored == {key for key, _ in POP} - {"pop_wens_strategisch"}


@pytest.mark.parametrize("change, message", [
    (lambda d: d["questions"][0].update(kind="essay"), "kind"),
    (lambda d: d["questions"][0].update(stored_in="pop.salary"), "onbekende plek"),
    (lambda d: d["questions"].append(dict(d["questions"][0], key="pop_functie_twee")), "allebei bewaard"),
    (lambda d: d.update(questions=[q for q in d["questions"] if q["key"] != "doel_tekst"]), "doel_tekst"),
    (lambda d: d["questions"][0].update(kleur="rood"), "kleur"),
])
def test_a_wrong_questions_file_is_refused_with_its_name(own_forms, change, message):
    _edit(own_forms, "pop", change)
    with pytest.raises(catalogue.CatalogueError, match=message) as raised:
        catalogue.load(own_forms)
    assert "pop.yml" in str(raised.value)
