"""Issue 43, L6: the HR import accepted manager cycles and raw escape and bidi control characters in names, ended
in tracebacks on UTF-16, NUL bytes and a 200 kB field, and read a file of hundreds of MB into memory before
refusing it. Each is now a Dutch error with its line number, and nothing is stored."""

from __future__ import annotations

import pytest

from bot.services import org_chart
from ops import cli

HEADER = "id;naam;team;leidinggevende;rol\n"


def _read(text: str, encoding: str = "utf-8") -> tuple[list, list[str]]:
    return org_chart.read(text.encode(encoding))


def test_managers_in_a_circle_are_refused_with_their_lines():
    lines, errors = _read(HEADER + "anne;Anne;A;bas;leidinggevende\nbas;Bas;A;cor;leidinggevende\n"
                          "cor;Cor;A;anne;leidinggevende\neva;Eva;A;anne;medewerker\n")
    assert [e.split(":")[0] for e in errors] == ["Regel 2", "Regel 3", "Regel 4"]
    assert all("kring" in e for e in errors) and "Regel 5" not in " ".join(errors)


@pytest.mark.parametrize("name", ["Eva\x1b[31m Rood", "Eva\u202eskooR", "Eva\u2066x\u2069", "Eva\x07"])
def test_control_and_bidi_characters_in_a_name_are_refused(name):
    _lines, errors = _read(HEADER + "mark;Mark;A;;leidinggevende\n" + f"eva;{name};A;mark;medewerker\n")
    assert errors == ["Regel 3: er staat een onzichtbaar teken in (een stuurteken of een teken dat de tekst "
                      "omdraait)."]


def test_utf16_from_excel_is_read():
    lines, errors = _read(HEADER + "mark;Mark Öztürk;A;;leidinggevende\n", encoding="utf-16")
    assert errors == [] and lines[0].name == "Mark Öztürk"


def test_nul_bytes_are_an_error_with_the_line_number():
    _lines, errors = org_chart.read((HEADER + "mark;Ma\x00rk;A;;leidinggevende\n").encode())
    assert errors and errors[0].startswith("Regel 2:")


def test_a_field_of_200_kb_is_an_error_not_a_traceback():
    _lines, errors = _read(HEADER + "mark;" + "M" * 200_000 + ";A;;leidinggevende\n")
    assert errors and errors[0].startswith("Regel 2:") and "niet te lezen" in errors[0]


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path, capsys, monkeypatch):
    path = tmp_path / "export.csv"
    with path.open("wb") as handle:
        handle.write(HEADER.encode())
        handle.seek(org_chart.MAX_BYTES * 3)  # sparse: large on paper, nothing on disk
        handle.write(b"\n")
    read_sizes = []
    real = org_chart.read

    def spy(data: bytes):
        read_sizes.append(len(data))
        return real(data)

    monkeypatch.setattr(org_chart, "read", spy)
    assert cli.main(["medewerkers", "importeer", str(path), "--organisatie", "gm0355"]) == 1
    assert "groter dan 20 MB" in capsys.readouterr().out
    assert read_sizes == [org_chart.MAX_BYTES + 1]
