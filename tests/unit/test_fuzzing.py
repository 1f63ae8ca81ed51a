"""Issue 43, item 3: where outsiders feed us (the HR import, claims files, tokens, the REST body), any input ends
in a Dutch error or a correct result: never a traceback, a hang or unbounded memory. Property-based (Hypothesis)."""

from __future__ import annotations

import base64
import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.claims import ClaimMap, ClaimsError, parse
from bot.identity import IdentityError, TokenSettings, verify
from bot.services import org_chart

FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
ROLE = st.sampled_from(["medewerker", "leidinggevende", "hr", "HR-adviseur", "directeur", "", "Manager"])


@st.composite
def hr_exports(draw) -> bytes:
    people = draw(st.lists(st.tuples(st.text("abcdef", min_size=1, max_size=3), CELL, CELL,
                                     st.text("abcdef", max_size=3), ROLE), max_size=12))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    header = draw(st.sampled_from(["id;naam;team;leidinggevende;rol", "Personeelsnummer,Naam,Afdeling,Manager,Rol",
                                   "naam;team", ""]))
    text = header.replace(";", delimiter).replace(",", delimiter) + "\n" + "\n".join(
        delimiter.join(row) for row in people)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace") + draw(st.binary(max_size=20))


@FAST
@given(hr_exports())
def test_an_hr_export_is_read_or_refused_with_line_numbers(data):
    lines, errors = org_chart.read(data)
    assert isinstance(lines, list) and isinstance(errors, list)
    assert all(e.startswith(("Regel ", "Het bestand")) for e in errors)
    if not errors:
        ids = [line.person_id for line in lines]
        assert len(ids) == len(set(ids))
        bosses = {line.person_id: line.manager_id for line in lines}
        for line in lines:  # no circle: every chain of managers ends
            seen, here = set(), line.person_id
            while bosses.get(here):
                assert here not in seen
                seen.add(here)
                here = bosses[here]


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_by_the_hr_import(data):
    _lines, errors = org_chart.read(data)
    assert all(isinstance(e, str) and e for e in errors)


def test_reading_a_large_export_stays_within_a_fixed_memory_bound():
    row = "p{n};Naam {n};Team;;medewerker\n"
    data = ("id;naam;team;leidinggevende;rol\n" + "".join(row.format(n=n) for n in range(40_000))).encode()
    tracemalloc.start()
    lines, errors = org_chart.read(data)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not errors and len(lines) == 40_000
    assert peak < 40 * len(data)  # a fixed multiple of the file, and the file is at most org_chart.MAX_BYTES


YAML_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=15),
                           lambda children: st.lists(children, max_size=3)
                           | st.dictionaries(st.text(max_size=10), children, max_size=3), max_leaves=8)
FIELDS = st.sampled_from(["person_id", "name", "role", "organisation_id", "organisation", "manager", "rol"])


@FAST
@given(st.dictionaries(FIELDS, YAML_VALUES, max_size=5) | YAML_VALUES)
def test_any_claims_file_is_a_mapping_or_a_dutch_error_naming_the_file(data):
    try:
        names = parse(data, Path("claims.yml"))
    except ClaimsError as exc:
        assert str(exc).startswith("claims.yml: ")
        return
    assert isinstance(names, ClaimMap)
    assert names.role_default in (None, "employee")  # never more rights by default
    assert names.person_id.value is None


SETTINGS = TokenSettings("HS256", "s" * 40, "intranet", "leerkoers")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@st.composite
def tokens(draw) -> str:
    kind = draw(st.sampled_from(["text", "parts"]))
    if kind == "text":
        return draw(st.text(max_size=200))
    header = draw(st.dictionaries(st.sampled_from(["alg", "typ", "kid", "jku", "jwk", "crit"]), YAML_VALUES,
                                  max_size=4))
    claims = draw(st.dictionaries(st.sampled_from(["sub", "exp", "iss", "aud", "role", "org_id", "name", "nbf"]),
                                  YAML_VALUES, max_size=8))
    return ".".join([_b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode()),
                     _b64(draw(st.binary(max_size=40)))])


@FAST
@given(tokens())
def test_any_token_is_an_identity_or_a_dutch_refusal(token):
    try:
        person = verify(token, SETTINGS)
    except IdentityError as exc:
        assert str(exc).startswith("Je ")
        return
    pytest.fail(f"a forged token was accepted: {person}")  # nobody can sign with the secret


@FAST
@given(YAML_VALUES | st.text(max_size=10_000))
def test_any_rest_message_body_becomes_a_bounded_text_without_control_characters(value):
    from rasa_addons.channel_common import message_text, too_long

    text = message_text(value)
    assert isinstance(text, str) and len(text) <= 4000
    assert not any(ord(c) < 32 and c not in "\n\r\t" for c in text)
    assert too_long(text) is None or too_long(text).startswith("Je bericht is te lang")

