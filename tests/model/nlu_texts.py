"""The training examples of data/nlu as plain, comparable texts: the held-out sets of tests/model/test_nlu_quality.py
and tests/model/test_in_context.py must stay separate from them."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)).strip().lower()


def training_texts() -> set[str]:
    """Every training example of data/nlu, normalised (for checks that held-out sets stay separate)."""
    training = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in block:
                training |= {normalised(line[2:]) for line in block["examples"].splitlines() if line.strip()}
    return training
