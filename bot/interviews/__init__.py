"""The guided interviews: questions as data (questions/*.yml), the engine that asks them, the summaries.

    catalogue.py  the question files, validated; Q, INTERVIEW_QUESTIONS and the field maps
    flow.py       which question comes next, from what is stored
    answers.py    reading an answer of a given kind
    storing.py    storing an accepted answer, with its messages (budget, tips)
    engine.py     InterviewEngine: prompt, answer, corrections, restart
    popgesprek.py the manager's side of the POP-gesprek (agreements.py: its rules)
    evaluation.py the evaluation of a yearly plan, with carrying over to next year
    summaries.py  "Dit heb je tot nu toe ingevuld"
"""

from bot.interviews.catalogue import (
    ACT_FIELDS,
    GOAL_FIELDS,
    INTERVIEW_LABELS,
    INTERVIEW_QUESTIONS,
    LABELS_KIND,
    ORG_FIELDS,
    PLAN_FIELDS,
    POP_FIELDS,
    TOPIC_WORDS,
    WHY_KEYS,
    Q,
    Question,
)
from bot.interviews.context import MAX_GOALS, RESTART, Ctx, Message, Reply, max_answer_length
from bot.interviews.engine import InterviewEngine
from bot.interviews.evaluation import EvaluationEngine
from bot.interviews.popgesprek import PopGesprekEngine


def engine_for(interview: str) -> type[InterviewEngine]:
    """The engine class of an interview: the cycle's interviews have their own."""
    return {"popgesprek": PopGesprekEngine, "evaluatie": EvaluationEngine}.get(interview, InterviewEngine)


__all__ = ["ACT_FIELDS", "GOAL_FIELDS", "INTERVIEW_LABELS", "INTERVIEW_QUESTIONS", "LABELS_KIND", "MAX_GOALS",
           "ORG_FIELDS", "PLAN_FIELDS", "POP_FIELDS", "RESTART", "TOPIC_WORDS", "WHY_KEYS", "Ctx", "InterviewEngine",
           "Message", "Q", "Question", "Reply", "engine_for", "max_answer_length"]
