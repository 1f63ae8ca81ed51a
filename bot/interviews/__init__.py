"""The guided interviews: questions as data (questions/*.yml), the engine that asks them, the summaries.

    specs.py      the form of a question file; catalogue.py loads it: Q, INTERVIEW_QUESTIONS, the field maps, steps
    named.py      the names a question file may use for buttons, conditions and hooks; parts.py their code
    engine.py     InterviewEngine, the one engine of every interview: prompt, answer, corrections, restart
    navigation.py which question comes next and which item an answer is about, from what is stored
    places.py     where a single question's answer is kept; items.py the items of the built-in repeating groups;
                  groups.py an organisation's own repeating groups
    answers.py    reading an answer of a given kind
    popgesprek.py the manager's side of the POP-gesprek (agreements.py: its rules)
    evaluation.py the evaluation of a yearly plan, with carrying over to next year
    reading.py    how a message at an open question reads before it is stored (a yes to what was kept aside, ...)
    remarks.py    a remark at an open question that only says what the organisation is
    flow.py       what an activity says (open activity, funding situations); summaries.py "Dit heb je tot nu toe"
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

__all__ = ["ACT_FIELDS", "GOAL_FIELDS", "INTERVIEW_LABELS", "INTERVIEW_QUESTIONS", "LABELS_KIND", "MAX_GOALS",
           "ORG_FIELDS", "PLAN_FIELDS", "POP_FIELDS", "RESTART", "TOPIC_WORDS", "WHY_KEYS", "Ctx", "InterviewEngine",
           "Message", "Q", "Question", "Reply", "max_answer_length"]
