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

# Evidence that must occur for an NLU intent to count as a command inside an interview, and the longest
# message that can still be that command. Answers such as "Later wil ik teamleider worden", "In mijn vorige
# baan ..." or "Ik help mee aan ..." must stay answers.
EVIDENCE: dict[str, str] = {
    "stoppen": r"^(stop|stoppen|pauze|pauzeer)\b|\b(later verder|ik wil (nu )?stoppen|even (stoppen|pauze)|"
               r"geen tijd|moet (nu )?(weg|gaan)|genoeg voor (nu|vandaag)|ga (straks|later) verder)\b",
    "hervatten": r"^((ga|gaan|we gaan|laten we|ik wil|kunnen we) )?(maar )?(verder|doorgaan|hervatten)\b|"
                 r"\bwaar was ik\b",
    "terug": r"^(terug|vorige( vraag)?|ga terug|een (vraag|stap) terug)\b|\b(ik wil terug(?! naar)|"
             r"ik heb me vergist|typte iets fout|dat was fout|vorige? antwoord|vorige vraag)\b",
    "wijzig_antwoord": r"\b(wijzig|wijzigen|verander|aanpassen|pas .{1,30} aan|corrigeer|klopt niet|moet anders)\b",
    "toon_antwoorden": r"\b(wat heb ik (allemaal |tot nu toe )?(ingevuld|ingevult|gezegd)|overzicht|samenvatting|"
                       r"mijn antwoorden|laat .{0,20}zien|wat weet je (al )?van mij|wat staat er al)\b",
    "waarom_vraag": r"^(waarom|waarvoor)\b|\b(nut van deze vraag|waar is dit voor|wat doe je met dit antwoord|"
                    r"waarom vraag je)\b",
    "opnieuw_beginnen": r"^(opnieuw|reset|helemaal opnieuw|overnieuw)\b|\b(opnieuw (beginnen|starten|invullen)|"
                        r"begin (maar )?opnieuw|van voren af|vooraf aan|alles (wissen|overnieuw|opnieuw))",
    "help": r"^(help|hulp|hellup)\b|\b(ik snap het niet|hoe werkt (dit|het)|wat kun je|wat kan je|welke opties)",
    "faq": r"\?\s*$|^(wat is|wat zijn|wat betekent|wat houdt|wat staat|hoe werkt|hoe zit|leg uit|uitleg|moet de|"
           r"heeft de|waar staat)\b",
    "subsidie_zoeken": r"(subsidie|subsidy|fonds|regeling|financier|geld|vergoed|potje|betalen|kosten)",
    "regeling_vraag": r"\?\s*$|^(wat is|wat doet|bestaat|is de|is het|hoe zit|kan ik|ken je)\b",
    "pop_downloaden": r"(download|\bpdf\b|printen|exporteer|stuur (mij |me )?mijn|mail mijn|als document|"
                      r"in word|als word)",
    "jaarplan_downloaden": r"(download|exporteer|(als|in|naar) (een )?(excel|csv|spreadsheet)|spreadsheet van)",
    "strategie_downloaden": r"(download|\bpdf\b|exporteer|printen|als document|in word|als word)",
    "overzicht_bekijken": r"(dashboard|managementoverzicht|overzicht voor leidinggevenden|grafiek|budgetverdeling)",
    "gegevens_inzien": r"(gegevens|persoonsgegevens|\bdata\b|wat weet je van mij|opgeslagen|inzage)",
    "gegevens_verwijderen": r"(verwijder|wis |wissen|vergeet mij|vergetelheid|delete|gooi .* weg|haal mijn gegevens)",
    "pop_delen": r"(deel (mijn|het|dit)|pop delen|delen met (mijn )?(leidinggevende|manager|baas|teamleider)|"
                 r"mag mijn .{0,20}(zien|lezen)|zichtbaar maken|toestemming)",
    "pop_niet_delen": r"(niet meer delen|stop met delen|privé|prive|niet delen|verberg|intrekken|trek)",
    "gedeelde_pops": r"(gedeeld|pops|pop's|ontwikkelplannen)",
    "start_strategie": r"(opleidingsbeleid|opleidings beleid|strategi|stratigi|beleidsplan|beleid|speerpunt)",
    "start_jaarplan": r"(jaarplan|jaarpaln|opleidingsplan|scholingsplan|opleidingsactiviteit|opleidingsbudget|"
                      r"training|opleidingen|budget|activiteiten)",
    "start_pop": r"\b(pop|p\.o\.p|ontwikkelplan|ontwikkeldoel|ontwikkelingsplan|ontwikkel plan|popgesprek|leerdoel|ontwikkeling|"
                 r"ontwikkelgesprek)",
}
MAX_WORDS: dict[str, int] = {"hervatten": 6, "help": 8, "faq": 14}
# Starting another interview also needs a verb: "strategisch" alone is an answer, not a command.
_START_VERB = r"\b(wil|wilt|start|starten|begin|beginnen|maken|voorbereiden|invullen|doen|werken|naar|gaan)\b"

COMMANDS = set(EVIDENCE)
# Requests that other parts of the bot answer; during an interview the interview waits for them.
HANDOFF = {"pop_downloaden", "jaarplan_downloaden", "strategie_downloaden", "overzicht_bekijken",
           "gegevens_inzien", "gegevens_verwijderen", "pop_delen", "pop_niet_delen", "gedeelde_pops"}


def detect_command(text: str, intent: str | None, confidence: float | None) -> str | None:
    """Return the command intent if this message is a command, else None (it is an answer)."""
    t = normalize(text).strip(" .!?")
    if t in EXACT:
        return EXACT[t]
    if intent not in COMMANDS or (confidence or 0.0) < MIN_CONFIDENCE:
        return None
    if word_count(text) > MAX_WORDS.get(intent, MAX_COMMAND_WORDS):
        return None
    if not re.search(EVIDENCE[intent], normalize(text)):
        return None
    if intent.startswith("start_") and not (text.startswith("/") or re.search(_START_VERB, normalize(text))):
        return None
    return intent


# Outside an interview a topic word is enough (nothing is being answered that could be misread).
TOPIC: dict[str, str] = {
    "pop_downloaden": r"(pop|ontwikkelplan|ontwikkelingsplan)",
    "jaarplan_downloaden": r"(jaarplan|opleidingsplan|excel|csv|spreadsheet|opleidingen|download|budget)",
    "strategie_downloaden": r"(beleid|strategi|speerpunt)",
    "overzicht_bekijken": r"(overzicht|dashboard|budget|grafiek|speerpunt|leerwens|verdeling|verdeeld|jaarplan)",
    "gegevens_inzien": r"(gegevens|\bdata\b|over mij|van mij|opgeslagen|bewaar|inzage)",
    "gegevens_verwijderen": r"(verwijder|\bwis|vergeet|delete|\bweg\b|vergetelheid)",
    "pop_delen": r"(pop|ontwikkelplan|deel|delen|zien|lezen|toegang|zichtbaar)",
    "pop_niet_delen": r"(pop|ontwikkelplan|deel|delen|zien|ziet|privé|prive|verberg|alleen voor mij|toestemming)",
    "gedeelde_pops": r"(pop|ontwikkelplan|gedeeld|delen)",
    "start_strategie": r"(opleidingsbel|opleidings beleid|strategi|stratgi|stratigi|beleid|speerpunt|"
                       r"opleidingsplan|meerjarig|opleiden|opleiding)",
    "start_jaarplan": r"(jaarplan|jaar plan|jaarpaln|opleidingsplan|scholingsplan|opleidingsactiviteit|budget|"
                      r"training|opleiding|activiteiten)",
}


def plausible(intent: str | None, text: str) -> bool:
    """Outside an interview: does the text back up the NLU's guess for an intent that starts something?

    Buttons send "/intent" and are always plausible. "<script>alert(1)</script>" is not a request to start
    the POP interview, whatever the classifier says.
    """
    if text.strip().startswith("/") or intent not in EVIDENCE:
        return True
    return bool(re.search(TOPIC.get(intent, EVIDENCE[intent]), normalize(text)))
