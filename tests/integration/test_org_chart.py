"""Issue 32, item 3: the organisation chart from the HR system, where tokens carry no manager claim."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.identity import Identity
from bot.interviews import agreements as rules
from bot.services import interviews as service
from bot.services import org_chart, popgesprek, privacy, sharing
from bot.storage.db import session_scope
from bot.storage.models import OrgChartEntry, Person, Pop
from ops import cli
from tests.helpers import POP

# Tokens as Entra ID gives them: no manager claim
EVA = Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355")
MARK = Identity("mark", "Mark Jansen", "manager", "Gemeente Zeist", organisation_id="gm0355")
NORA = Identity("nora", "Nora Bakker", "manager", "Gemeente Zeist", organisation_id="gm0355")

CHART = ("id;naam;team;leidinggevende;rol\n"
         "mark;Mark Jansen;Sociaal Domein;;leidinggevende\n"
         "eva;Eva de Vries;Sociaal Domein;mark;medewerker\n"
         "nora;Nora Bakker;Ruimte;;leidinggevende\n"
         "joost;Joost Smit;Ruimte;nora;medewerker\n")


def _import(tmp_path, text: str, *more: str, encoding: str = "utf-8") -> int:
    path = tmp_path / "organogram.csv"
    path.write_bytes(text.encode(encoding))
    return cli.main(["medewerkers", "importeer", str(path), "--organisatie", "gm0355", *more])


def _prepared_and_shared(today) -> None:
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    for _key, text in POP:
        service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)], today=today)
    assert sharing.share_pop("eva", True, today) == "gedeeld"


def test_after_the_import_the_manager_sees_the_team_and_records_agreements(db_url, today, tmp_path, capsys):
    for person in (MARK, NORA):
        service.sync_identity(person)
    assert _import(tmp_path, CHART) == 0
    shown = capsys.readouterr().out
    assert "Nieuw: 4" in shown and "nog niets veranderd" in shown and "--ja" in shown
    with session_scope() as s:
        assert s.execute(select(OrgChartEntry)).first() is None  # only shown, not stored
    assert _import(tmp_path, CHART, "--ja") == 0
    _prepared_and_shared(today)
    with session_scope() as s:
        eva = s.get(Person, "eva")
        assert (eva.manager_id, eva.manager_from) == ("mark", "hr")
    [member] = popgesprek.team("mark", today.year)
    assert (member.person_id, member.shared) == ("eva", True)
    popgesprek.record("mark", "eva", 1, "afgesproken", "Training presenteren", "voorjaar 2027", 125000, "werkgever",
                      year=today.year)
    assert popgesprek.team("nora", today.year) == []  # a manager of another line of the file sees nothing
    with pytest.raises(rules.NotAllowed):
        popgesprek.record("nora", "eva", 1, "niet_nu", year=today.year)
    # the same file again: nothing to change
    assert _import(tmp_path, CHART) == 0 and "niets te veranderen" in capsys.readouterr().out


def test_someone_removed_from_the_file_keeps_their_data_and_the_manager_loses_access(db_url, today, tmp_path, capsys):
    service.sync_identity(MARK)
    assert _import(tmp_path, CHART, "--ja") == 0
    _prepared_and_shared(today)
    assert [m.person_id for m in popgesprek.team("mark", today.year)] == ["eva"]
    without_eva = "\n".join(line for line in CHART.splitlines() if not line.startswith("eva;")) + "\n"
    capsys.readouterr()
    assert _import(tmp_path, without_eva, "--ja") == 0
    assert "Niet meer in het bestand" in capsys.readouterr().out
    assert popgesprek.team("mark", today.year) == []
    with pytest.raises(rules.NotAllowed):
        popgesprek.record("mark", "eva", 1, "afgesproken", "Cursus", "2027", 100, "werkgever", year=today.year)
    with session_scope() as s:
        assert s.execute(select(Pop).where(Pop.person_id == "eva")).scalar_one().goals  # her own data stays


def test_a_manager_claim_in_the_token_wins(db_url, today, tmp_path):
    assert _import(tmp_path, CHART, "--ja") == 0
    service.sync_identity(Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355",
                                   manager_id="nora"))
    with session_scope() as s:
        assert (s.get(Person, "eva").manager_id, s.get(Person, "eva").manager_from) == ("nora", "token")
    assert _import(tmp_path, CHART.replace("eva;Eva de Vries;Sociaal Domein;mark", "eva;Eva;Ruimte;mark"), "--ja") == 0
    with session_scope() as s:
        assert s.get(Person, "eva").manager_id == "nora"


def test_excel_files_in_windows_1252_with_commas_are_read(db_url, tmp_path, capsys):
    text = ("Personeelsnummer,Naam,Afdeling,Leidinggevende,Rol\n"
            "mark,Mark Jansen,Sociaal Domein,,Leidinggevende\n"
            "eva,Eva Müller-Çelik,Sociaal Domein,mark,Medewerker\n"
            "hr1,Hélène,P&O,,HR-adviseur\n")
    assert _import(tmp_path, text, "--ja", encoding="cp1252") == 0
    with session_scope() as s:
        names = dict(s.execute(select(OrgChartEntry.person_id, OrgChartEntry.name)).all())
        roles = dict(s.execute(select(OrgChartEntry.person_id, OrgChartEntry.role)).all())
    assert names["eva"] == "Eva Müller-Çelik" and roles == {"mark": "manager", "eva": "employee", "hr1": "hr"}


def test_every_error_with_its_line_number_and_nothing_half_imported(db_url, tmp_path, capsys):
    assert _import(tmp_path, CHART, "--ja") == 0
    wrong = ("id;naam;team;leidinggevende;rol\n"
             "mark;Mark Jansen;Sociaal Domein;;leidinggevende\n"
             "eva;;Sociaal Domein;mark;medewerker\n"           # 3: no name
             "piet;Piet;Ruimte;nora;medewerker\n"              # 4: manager not in the file
             "joost;Joost;Ruimte;eva;directeur\n"              # 5: unknown role (and eva is no manager)
             "mark;Mark Dubbel;Sociaal Domein;;leidinggevende\n"  # 6: id twice
             "ties;Ties;Ruimte;ties;medewerker\n")             # 7: own manager
    capsys.readouterr()
    assert _import(tmp_path, wrong, "--ja") == 1
    out = capsys.readouterr().out
    for number, words in ((3, "naam"), (4, "nora staat niet in het bestand"), (5, "onbekende rol 'directeur'"),
                          (6, "staat ook op regel 2"), (7, "eigen leidinggevende")):
        assert f"Regel {number}:" in out and words in out, (number, out)
    assert "er is niets ingelezen" in out
    with session_scope() as s:  # the earlier chart is untouched
        assert {e.person_id for e in s.execute(select(OrgChartEntry)).scalars()} == {"mark", "eva", "nora", "joost"}


@pytest.mark.parametrize("text, message", [("", "leeg"), ("naam;team\nEva;X\n", "de kolom id, leidinggevende, rol ontbreekt")])
def test_a_file_without_the_columns_is_refused(db_url, tmp_path, capsys, text, message):
    assert _import(tmp_path, text, "--ja") == 1
    assert message in capsys.readouterr().out


def test_deleting_a_person_removes_their_line_and_the_export_shows_it(db_url, today, tmp_path):
    import json

    assert _import(tmp_path, CHART, "--ja") == 0
    service.sync_identity(EVA)
    exported = json.loads(privacy.export("eva"))
    assert exported["org_chart"][0]["team"] == "Sociaal Domein" and exported["person"]["manager_from"] == "hr"
    privacy.delete_person("eva")
    with session_scope() as s:
        assert s.execute(select(OrgChartEntry).where(OrgChartEntry.person_id == "eva")).first() is None
    assert org_chart.read(CHART.encode())[1] == []
