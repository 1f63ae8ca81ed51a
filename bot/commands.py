"""Telling a command ("stop", "terug", "waarom vraag je dit?") from an answer during an interview.

During an interview everything the person types reaches the interview first. A message counts as a
command only when the NLU is confident, the message is short, and it contains a word that belongs to
that command. Long free-text answers are therefore never mistaken for a command.
"""

from __future__ import annotations

import re

from bot.parsing import normalize, word_count

MIN_CONFIDENCE = 0.6
MAX_COMMAND_WORDS = 12

# Exact phrases that are always a command, whatever the NLU says.
EXACT: dict[str, str] = {
    "stop": "stoppen", "stoppen": "stoppen", "pauze": "stoppen", "later verder": "stoppen", "pauzeer": "stoppen",
    "ga verder": "hervatten", "verder": "hervatten", "doorgaan": "hervatten", "hervatten": "hervatten",
    "terug": "terug", "vorige": "terug", "vorige vraag": "terug", "ga terug": "terug",
    "wat heb ik ingevuld": "toon_antwoorden", "overzicht": "toon_antwoorden", "samenvatting": "toon_antwoorden",
    "mijn antwoorden": "toon_antwoorden",
    "waarom vraag je dit": "waarom_vraag", "waarom": "waarom_vraag", "waarom vraag je dat": "waarom_vraag",
    "opnieuw beginnen": "opnieuw_beginnen", "begin opnieuw": "opnieuw_beginnen", "reset": "opnieuw_beginnen",
    "help": "help", "hulp": "help",
}

# A word that must occur for an NLU intent to count as a command inside an interview.
EVIDENCE: dict[str, str] = {
    "stoppen": r"\b(stop|stoppen|pauze|pauzeer|later|geen tijd|moet (weg|gaan)|genoeg|straks|iets anders)",
    "hervatten": r"\b(verder|doorgaan|hervat)",
    "terug": r"\b(terug|vorige|vergis|fout)",
    "wijzig_antwoord": r"\b(wijzig|verander|aanpas|pas .* aan|corrigeer|verbeter|klopt niet|moet anders)",
    "toon_antwoorden": r"\b(ingevuld|ingevult|overzicht|samenvatting|antwoorden|wat weet je|wat staat er|wat hebben we)",
    "waarom_vraag": r"\b(waarom|waarvoor|nut van|waar is dit voor|wat doe je met|wat heb je daaraan)",
    "opnieuw_beginnen": r"\b(opnieuw|reset|overnieuw|voren af|vooraf aan)",
    "help": r"\b(help|hulp|hellup|snap het niet|hoe werkt|wat kun|wat kan je|menu|opties)",
    "faq": r"(\?\s*$|^(wat|hoe|waar|wie|welke|moet|heeft|hebben|is|zijn|kan|leg|uitleg)\b)",
    "start_strategie": r"(opleidingsbeleid|strategi|beleidsplan)",
    "start_jaarplan": r"(jaarplan|jaarpaln|opleidingsplan|scholingsplan)",
    "start_pop": r"\b(pop|ontwikkelplan|ontwikkelingsplan|popgesprek)",
}

COMMANDS = set(EVIDENCE)


def detect_command(text: str, intent: str | None, confidence: float | None) -> str | None:
    """Return the command intent if this message is a command, else None (it is an answer)."""
    t = normalize(text).strip(" .!?")
    if t in EXACT:
        return EXACT[t]
    if intent not in COMMANDS or (confidence or 0.0) < MIN_CONFIDENCE:
        return None
    if word_count(text) > MAX_COMMAND_WORDS:
        return None
    if not re.search(EVIDENCE[intent], normalize(text)):
        return None
    return intent
