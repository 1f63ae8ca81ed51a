"""The texts the bot builds in Python, rendered with sample values, for the readability check (issue 30, item 4).

Two kinds:
- messages rendered as a person sees them: funding advice for the personas of the issue (cards, notes, closing),
  'meer uitleg' and the conditions of every scheme, what the bot understood of a message, the OR rule, the
  sharing log's sentences;
- every other whole sentence written in the code of bot/, actions/ and rasa_addons/ (a string that starts with a
  capital and ends with a full stop, question mark or exclamation mark), with sample values in its placeholders.
Each line of a message is one text; web addresses and source names are left out of the score, since they are
names, not sentences. Texts under five words are skipped by the check, as their score is erratic.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

from bot import funding
from bot.dutch import facts, law
from bot.funding import advice
from bot.services.access import DESCRIPTIONS

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 4)
PERSONAS = {  # the five new users of issue 30's "done when", and more
    "gemeente": ("welke subsidie past bij een gemeente van 300 medewerkers voor een groepstraining?",
                 "gemeente", 300),
    "kunsteducatie": ("wij zijn een centrum voor kunsteducatie met 40 mensen, welke fondsen zijn er?",
                      "kunsteducatie", 40),
    "bedrijf van 30": ("wij zijn een bedrijf met 30 medewerkers en willen loopbaanadvies", "privaat", 30),
    "bbl-werkgever": ("wij hebben drie bbl-leerlingen, is daar subsidie voor?", None, None),
    "zelf betalen": ("ik betaal zelf een hbo-opleiding in deeltijd, kan ik ergens geld voor krijgen?", None, None),
    "oudere": ("is er subsidie voor scholing van oudere medewerkers van 60?", None, 30),
    "cursus zelf": ("ik wil zelf een cursus fotografie betalen, is daar iets voor?", None, None),
    "bedrijf weet niet": ("welke subsidies zijn er voor een bedrijf met 30 mensen?", "privaat", 30),
}
SAMPLE = {"wie": "Mark (leidinggevende)", "nummer": "2"}
CODE_DIRS = ("bot", "actions", "rasa_addons")
ADDRESS = re.compile(r"\S*(?:https?://|www\.|\.nl\b|\.eu\b|\.nu\b|BWBR|stcrt|/)\S*")


def _lines(key: str, text: str) -> dict[str, str]:
    return {f"{key} r{n}": line.lstrip("- ").strip() for n, line in enumerate(text.splitlines()) if line.strip()}


def rendered_messages() -> dict[str, str]:
    kb = funding.load(funding.DEFAULT_PATH)
    out: dict[str, str] = {}
    for name, (text, sector, employees) in PERSONAS.items():
        understood = facts.extract(text)
        sentence = facts.sentence(understood)
        if sentence:
            out[f"begrepen {name}"] = sentence
        situations = understood.purposes | advice.situations_from_text(text)
        if understood.payer == "zelf":
            situations |= {"individueel"}
        result = advice.advise(understood.sector or sector, understood.employees or employees, situations,
                               age=understood.age, today=TODAY)
        for number, message in enumerate(result.messages()):
            for value in message.params.values():
                out.update(_lines(f"advies {name} {number}", value))
    for scheme in kb.schemes.values():
        out.update(_lines(f"uitleg {scheme.id}", funding.describe_scheme(kb, scheme, TODAY)))
        if funding.has_conditions(scheme):
            out.update(_lines(f"voorwaarden {scheme.id}", funding.describe_conditions(kb, scheme, TODAY)))
    out["wet OR_RULE"], out["wet OR_NULLITY"] = law.OR_RULE, law.OR_NULLITY
    out.update({f"toegang {event}": text.format(**SAMPLE) for event, text in DESCRIPTIONS.items()})
    return out


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, kinds) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def _not_for_people(tree: ast.AST) -> set[int]:
    """Strings in log calls, raised errors and patterns: not said to a person."""
    out: set[int] = set()
    for node in ast.walk(tree):
        name = ""
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if isinstance(node, ast.Raise) or name in {"debug", "info", "warning", "error", "exception", "compile",
                                                    "search", "match", "sub", "fullmatch", "findall", "split"}:
            out |= {id(inner) for inner in ast.walk(node)}
    return out


def _rendered(node: ast.JoinedStr) -> str:
    return "".join(str(v.value) if isinstance(v, ast.Constant) else "Mark" for v in node.values)


def code_sentences() -> dict[str, str]:
    out: dict[str, str] = {}
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstrings(tree) | _not_for_people(tree)
            for node in ast.walk(tree):
                if id(node) in skip:
                    continue
                if isinstance(node, ast.JoinedStr):
                    skip |= {id(v) for v in node.values}
                    text = _rendered(node)
                elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value
                else:
                    continue
                for number, line in enumerate(text.splitlines()):
                    line = line.strip().lstrip("-• ").strip()
                    if (re.match(r"[A-ZÀ-Ý]", line) and line.endswith((".", "?", "!")) and " " in line
                            and not re.search(r"[\\|\[\]<>=_{}]|\(\?", line)):
                        out[f"{path.relative_to(ROOT)}:{node.lineno} r{number}"] = line
    return out


def python_texts() -> dict[str, str]:
    return {**code_sentences(), **rendered_messages()}


def _names() -> list[str]:
    kb = funding.load(funding.DEFAULT_PATH)
    names = {n for s in kb.schemes.values()
             for n in (s.name, funding.short_name(s.name), *re.split(r" \(| – ", s.name)) if len(n) > 3}
    return sorted(names, key=len, reverse=True)


def scored_text(text: str) -> str:
    """The text as scored: names of schemes, web addresses and sources are names, not sentences, and left out."""
    if text.startswith("Bronnen:"):
        return ""
    if text.startswith("Bron:"):
        text = "Bron: " + re.split(r"(?= \()|\. ", text[5:], maxsplit=1)[-1].strip()
    for name in _names():
        text = text.replace(name, "Naam")
    return re.sub(r"\s+", " ", ADDRESS.sub("", text)).strip()
