"""Funding: the knowledge base of schemes (knowledge_base.py) and the matcher (matching.py).

The file bot/data/funding.yml is validated when it is loaded; an error names the scheme and the field. It is
read again when it changes, so editing it changes the advice without retraining or restarting.
"""

from bot.funding.knowledge_base import (
    APPLICANT_LABELS,
    APPLICANTS,
    CONFIDENCE,
    DEFAULT_PATH,
    KINDS,
    LEARNING,
    SECTORS,
    SITUATION_LABELS,
    SITUATIONS,
    STATUSES,
    KnowledgeBase,
    KnowledgeBaseError,
    Scheme,
    knowledge_base_path,
    load,
    parse_knowledge_base,
    parse_scheme,
)
from bot.funding.maintenance import NLU_FILE, nlu_training_data
from bot.funding.matching import (
    Fit,
    MatchResult,
    Misfit,
    Need,
    Profile,
    match,
)
from bot.funding.presenting import (
    Card,
    card,
    certainty_line,
    describe_conditions,
    describe_scheme,
    has_conditions,
    short_name,
    who_may_apply,
    window_status,
)

__all__ = ["APPLICANTS", "APPLICANT_LABELS", "CONFIDENCE", "DEFAULT_PATH", "KINDS", "LEARNING", "NLU_FILE", "SECTORS",
           "SITUATIONS", "SITUATION_LABELS", "STATUSES", "Fit", "KnowledgeBase", "KnowledgeBaseError", "MatchResult",
           "Misfit", "Need", "Profile", "Scheme", "Card", "card", "describe_scheme", "describe_conditions", "has_conditions", "short_name", "knowledge_base_path", "load",
           "match", "certainty_line", "nlu_training_data", "parse_knowledge_base", "parse_scheme", "who_may_apply", "window_status"]
