"""Issue 30, item 2: one rule for the ondernemingsraad in every text (bot/dutch/law.py). The OR consents to a
*regeling* on training of the staff, unless the cao settles it; nietigheid is invoked by the OR itself."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.dutch import law

ROOT = Path(__file__).resolve().parents[2]
WRONG = ("instemmingsrecht op het opleidingsbeleid", "instemmingsrecht op het beleid", "nietig laten verklaren",
         "nietig verklaren")


def _domain_texts() -> dict[str, str]:
    texts = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}).items():
            for variant in variants:
                texts[f"{path.name}:{name}"] = variant.get("text") or ""
    return texts


def _all_files() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "domain").glob("*.yml"))]
    files += sorted((ROOT / "bot").rglob("*.py")) + sorted((ROOT / "bot").rglob("*.yml"))
    return files


def test_no_text_says_the_or_consents_to_the_policy_or_has_decisions_declared_void():
    found = [(path.name, wrong) for path in _all_files() for wrong in WRONG
             if wrong in path.read_text(encoding="utf-8").lower()]
    assert found == []


def test_every_text_about_the_or_consenting_names_the_regeling_and_the_cao_exception():
    about_consent = {name: text for name, text in _domain_texts().items()
                     if re.search(r"\bOR\b|ondernemingsraad", text) and re.search(r"instem", text)
                     and "PVT" not in text}
    assert len(about_consent) >= 4, about_consent
    for name, text in about_consent.items():
        assert "regeling over de opleiding van het personeel" in text, name
        assert "cao" in text, name
    for name, text in about_consent.items():
        if "nietig" in text:
            assert "binnen een maand schriftelijk beroepen op de nietigheid" in text, name


def test_the_rule_itself():
    assert "artikel 27 lid 1 onder f" in law.OR_RULE and "tenzij de cao" in law.OR_RULE
    assert "binnen een maand schriftelijk" in law.OR_NULLITY and "lid 5" in law.OR_NULLITY
