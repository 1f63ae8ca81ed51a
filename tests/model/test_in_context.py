"""The in-context held-out set (tests/nlu/in_context.yml): answers stay answers, requests are requests (issue 13).

The thresholds are those of `make nlu-report` (bench/context_report.py); a failing threshold fails the build.
"""

from __future__ import annotations

import re

import pytest

from bench import context_report
from bot.interviews import INTERVIEW_QUESTIONS, Q
from tests.model.nlu_texts import normalised, training_texts


@pytest.fixture(scope="module")
def result(nlu_agent):
    return context_report.evaluate(nlu_agent)


@pytest.mark.model
def test_in_context_held_out_set_meets_the_targets(result):
    problems = context_report.failures(result)
    details = "\n".join("  " + ", ".join(f"{k}: {v}" for k, v in f.items()) for f in result["failures"])
    assert not problems, "; ".join(problems) + "\n" + details
    assert result["answers_misplaced"] == 0 and result["destructive_from_answers"] == 0


def test_the_set_has_200_cases_and_every_kind_of_question():
    cases = context_report.load_cases()
    total = sum(len(v) for v in cases["answers"].values()) + len(cases["requests"]) + len(cases["facts"]) + \
        len(cases["activities"])
    assert total >= 200
    asked = set(cases["answers"]) | {c["at"] for c in cases["requests"]}
    every = {k for keys in INTERVIEW_QUESTIONS.values() for k in keys}
    assert {Q[k].kind for k in every} <= {Q[k].kind for k in asked}
    assert {k for k in every if Q[k].kind in ("open", "short")} <= set(cases["answers"])
    words = r"subsidie|verwijder|help|download|stop|overzicht|gegevens|terug|verder|opnieuw|delen"
    with_words = [t for texts in cases["answers"].values() for t in map(str, texts) if re.search(words, t, re.I)]
    assert len(with_words) >= 60


def test_the_set_is_separate_from_the_training_data():
    cases = context_report.load_cases()
    texts = {normalised(str(t)) for texts in cases["answers"].values() for t in texts}
    texts |= {normalised(c["text"]) for c in cases["requests"] + cases["facts"] + cases["activities"]}
    assert not texts & training_texts()
