"""Which response names the code, the training data and Rasa's forms use: tests/unit/test_domain.py checks them
against the domain, tests/model/test_rasa.py against what the trained model knows."""

from __future__ import annotations

import re
from pathlib import Path

from bot.interviews import INTERVIEW_QUESTIONS, WHY_KEYS, Q
from tests.helpers import domain_yaml

ROOT = Path(__file__).resolve().parents[1]


def responses_in_code() -> set[str]:
    """Response names the Python code can send (literal names plus the generated ones)."""
    names: set[str] = set()
    for path in list((ROOT / "bot").rglob("*.py")) + list((ROOT / "actions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        names |= {f"utter_{m}" for m in re.findall(r'Message\(\s*"([a-z_/]+)"', source)}
        names |= set(re.findall(r'response="(utter_[a-z_/]+)"', source))
        names |= set(re.findall(r'"(utter_[a-z_]+)", "(?:utter_[a-z_]+)", \[', source))
        names |= set(re.findall(r'"utter_[a-z_]+", "(utter_[a-z_]+)", \[', source))
        names |= {f"utter_{m}" for m in re.findall(r'Message\("([a-z_]+)" if', source)}
        names |= {f"utter_{m}" for m in re.findall(r'else Message\("([a-z_]+)"\)', source)}
        names |= {f"utter_{m}" for m in re.findall(r'error="([a-z_]+)"', source)}
        names |= {f"utter_{m}" for m in re.findall(r'None if [^"]+ else "([a-z_]+)"', source)}
        names |= {f"utter_{m}" for m in re.findall(r'Message\("[a-z_]+" if [^"]+ else "([a-z_]+)"\)', source)}
        names |= {f"utter_{m}" for m in re.findall(r'Message\(\w+\.\w+ or "([a-z_]+)"\)', source)}
    interviews = list(INTERVIEW_QUESTIONS)
    names |= {f"utter_vraag_{k}" for k in Q}
    names |= {"utter_vraag_speerpunten_volgende", "utter_vraag_pop_bijdrage_met_speerpunten"}
    names |= {f"utter_waarom_{k}" for k in WHY_KEYS} | {f"utter_waarom_{i}" for i in interviews}
    names |= {f"utter_start_{i}" for i in interviews} | {f"utter_samenvatting_{i}" for i in interviews}
    return names


def responses_in_training_data() -> set[str]:
    used = set()
    for path in (ROOT / "data").rglob("*.yml"):
        used |= set(re.findall(r"action: (utter_[a-z_]+)", path.read_text(encoding="utf-8")))
    return used


def string_literals_in_code() -> set[str]:
    names: set[str] = set()
    for path in list((ROOT / "bot").rglob("*.py")) + list((ROOT / "actions").glob("*.py")):
        names |= {f"utter_{m}" for m in re.findall(r'"([a-z_]+)"', path.read_text(encoding="utf-8"))}
        names |= set(re.findall(r'"(utter_[a-z_]+)"', path.read_text(encoding="utf-8")))
    return names


def form_questions() -> set[str]:
    """utter_ask_<slot>: Rasa's forms send these themselves."""
    return {f"utter_ask_{slot}" for form in domain_yaml()["forms"].values() for slot in form["required_slots"]}
