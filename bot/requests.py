"""One registry of requests: everything the bot knows about each thing a person can ask it to do.

The decision "answer or request" (bot/understanding.py), the "bedoel je ...?" buttons, the labels of the
buttons "is dit je antwoord, of wil je ...?" and who may make a request all read this table; nothing about a
request is listed anywhere else. Which Rasa action carries a request out is Rasa's business: its rule in data/rules,
and for a request made during an interview actions/interview.py (HANDOFF_ACTIONS); a test keeps the two equal.

Fields of a request:
- ``intent``: the NLU intent (data/nlu) and the payload of its button ("/intent");
- ``label``: how a question names it ("Is dit je antwoord, of wil je <label>?");
- ``button``: the title of its button ("Bedoel je: <button>?");
- ``evidence``: words that must occur before the request counts inside an interview (a regular expression on the
  normalised text); "Later wil ik teamleider worden" is no request to stop;
- ``topic``: outside an interview a topic word is enough (default: the evidence);
- ``max_words``: the longest message that can still be this request;
- ``leaves``: it leaves the question or destroys something: never without the explicit form of a request;
- ``handoff``: another part of the bot answers it during an interview; the interview waits at its question;
- ``phrase_ok``: a short fixed phrase may make it without the form of a request ("even pauze");
- ``roles``: who may make it (the role comes from the intranet's token).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dutch.parsing import normalize
from bot.vocabulary import PLANNERS, ROLES

EVERYONE = tuple(ROLES)
# the organisation's plans, the overview and shared POPs: "manager or HR" (bot/vocabulary.py)


@dataclass(frozen=True)
class Request:
    intent: str
    label: str
    button: str
    evidence: str
    topic: str | None = None
    max_words: int = 12
    leaves: bool = False
    handoff: bool = False
    phrase_ok: bool = False
    roles: tuple[str, ...] = EVERYONE

    def allowed(self, role: str | None) -> bool:
        return (role or "employee") in self.roles

    def backed_by(self, text: str) -> bool:
        """Outside an interview: do the words of the message back up this request (a topic word)?"""
        return bool(re.search(self.topic or self.evidence, normalize(text)))


REQUESTS: tuple[Request, ...] = (
    Request("stoppen", "stoppen", "Stoppen",
            evidence=r"^(stop|stoppen|pauze|pauzeer|pauzeren)\b|\b(pauzeren|later verder|ik wil (nu )?(stoppen|pauzeren)|even (stoppen|pauze|pauzeren)|(nu )?geen tijd meer|heb nu geen tijd|moet (nu )?(weg|gaan)|genoeg voor (nu|vandaag)|ga (straks|later|morgen) verder|tot straks|tot later|kom (hier |er )?(zo|morgen|later|straks)( op)? terug|spreek (je|u|jullie) (later|straks|morgen)|ik moet (nu |zo )?(naar|weg)\b.{0,40}\b(later|straks|morgen))\b",
            phrase_ok=True, roles=EVERYONE),
    Request("hervatten", "verder gaan", "Verder gaan",
            evidence=r"^((ga|gaan|we gaan|laten we|ik wil|kunnen we) )?(maar )?(verder|doorgaan|hervatten)\b|\bwaar was ik\b",
            max_words=6, phrase_ok=True, roles=EVERYONE),
    Request("terug", "terug naar de vorige vraag", "Terug naar de vorige vraag",
            evidence=r"^(terug|vorige( vraag)?|ga terug|een (vraag|stap) terug)\b|\b(ik wil terug(?! naar)|ik heb me vergist|typte iets fout|dat was fout|vorige? antwoord|vorige vraag)\b",
            phrase_ok=True, roles=EVERYONE),
    Request("wijzig_antwoord", "een antwoord wijzigen", "Een antwoord wijzigen",
            evidence=r"\b(wijzig|wijzigen|verander|aanpassen|pas .{1,30} aan|corrigeer|klopt niet|moet(en)? .{0,30}anders)\b",
            roles=EVERYONE),
    Request("toon_antwoorden", "je antwoorden zien", "Mijn antwoorden zien",
            evidence=r"\b(wat heb ik (allemaal |tot nu toe )?(ingevuld|ingevult|gezegd)|overzicht|samenvatting|mijn antwoorden|laat .{0,20}zien|wat staat er al)\b",
            phrase_ok=True, roles=EVERYONE),
    Request("waarom_vraag", "weten waarom ik dit vraag", "Waarom deze vraag?",
            evidence=r"^(waarom|waarvoor)\b|\b(nut van deze vraag|waar is dit voor|wat doe je met dit antwoord|waarom vraag je)\b|"
                     r"\bwaarom (je|jij|u) (dit|dat|deze vraag|ernaar) (vraagt|wilt weten)\b",
            phrase_ok=True, roles=EVERYONE),
    Request("opnieuw_beginnen", "opnieuw beginnen", "Opnieuw beginnen",
            evidence=r"^(opnieuw|reset|helemaal opnieuw|overnieuw)\b|\b(opnieuw (beginnen|starten|invullen)|begin (maar )?opnieuw|van voren af|vooraf aan|alles (wissen|overnieuw|opnieuw))",
            leaves=True, roles=EVERYONE),
    Request("verduidelijking", "uitleg over deze vraag", "Wat bedoel je?",
            evidence=r"bedoel|voorbeeld|snap|begrijp|betekent|betekenis|verstaan|verstaat|uitleg|leg .{0,20}uit|invullen|"
                     r"wat moet ik hier|wat wordt .{0,20}bedoeld|wat houdt",
            max_words=16, phrase_ok=True, roles=EVERYONE),
    Request("voortgang", "weten hoe ver je bent", "Hoe ver ben ik?",
            evidence=r"hoe ver|hoever|hoeveel (vragen|nog|heb ik)|bijna klaar|(nog )?lang (nog|duren|duurt)|"
                     r"waar (ben|zijn|zitten|was|waren) (ik|we|wij)|voortgang|budget .{0,20}over|nog over|"
                     r"hoeveel .{0,20}(gedaan|af|te gaan)",
            max_words=12, phrase_ok=True, roles=EVERYONE),
    Request("terugzetten", "het oude antwoord terugzetten", "Zet het terug",
            evidence=r"terug ?(zetten|draaien)|zet .{0,25}terug|draai .{0,20}terug|ongedaan|(oude|vorige|eerste) .{0,25}(was|is) "
                     r"(toch |wel )?(goed|juist)|dat was (toch |wel )?goed|laat (het |maar )*zoals|weer (het|de) (oude|vorige)|"
                     r"zoals het was",
            max_words=14, phrase_ok=True, roles=EVERYONE),
    Request("opmerking", "iets anders zeggen", "Even nadenken",
            evidence=r"\w", max_words=14, roles=EVERYONE),
    Request("help", "uitleg krijgen", "Wat kun je?",
            evidence=r"^(help|hulp|hellup)\b|\b(ik snap het niet|hoe werkt (dit|het)|wat kun je|wat kan je|welke opties)",
            max_words=10, phrase_ok=True, roles=EVERYONE),
    Request("faq", "een antwoord op je vraag", "Uitleg",
            evidence=r"\?\s*$|^(wat is|wat zijn|wat betekent|wat houdt|wat staat|hoe werkt|hoe zit|leg uit|uitleg|moet de|heeft de|waar staat)\b",
            max_words=16, roles=EVERYONE),
    Request("subsidie_zoeken", "subsidies zoeken", "Subsidies zoeken",
            evidence=r"(subsidie|subsidy|fonds|regeling|financier|geld|vergoed|potje|betalen|betaalt|kosten|bijdrage)",
            topic=r"(subsidie|subsidy|fonds|regeling|financier|geld|vergoed|potje|betaal|betal|kosten|bijdrage|duur|\bhulp\b.{0,20}(studie|opleiding|cursus)|(studie|opleiding|cursus).{0,40}\bhulp\b)",
            leaves=True, roles=EVERYONE),
    Request("regeling_vraag", "informatie over een regeling", "Uitleg over een regeling",
            evidence=r"\?\s*$|^(wat is|wat doet|bestaat|is de|is het|hoe zit|kan ik|ken je)\b",
            handoff=True, roles=EVERYONE),
    Request("pop_downloaden", "je POP downloaden", "Mijn POP downloaden",
            evidence=r"(download|\bpdf\b|printen|exporteer|stuur (mij |me )?mijn|mail mijn|als document|in word|als word)",
            topic=r"(pop|ontwikkelplan|ontwikkelingsplan)",
            handoff=True, roles=EVERYONE),
    Request("jaarplan_downloaden", "het jaarplan downloaden", "Jaarplan downloaden",
            evidence=r"(download|exporteer|(als|in|naar) (een )?(excel|csv|spreadsheet)|spreadsheet van)",
            topic=r"(jaarplan|opleidingsplan|excel|csv|spreadsheet|opleidingen|download|budget)",
            handoff=True, roles=PLANNERS),
    Request("strategie_downloaden", "het opleidingsbeleid downloaden", "Opleidingsbeleid downloaden",
            evidence=r"(download|\bpdf\b|exporteer|printen|als document|in word|als word)",
            topic=r"(beleid|strategi|speerpunt)",
            handoff=True, roles=PLANNERS),
    Request("overzicht_bekijken", "het overzicht bekijken", "Overzicht",
            evidence=r"(dashboard|managementoverzicht|overzicht voor leidinggevenden|grafiek|budgetverdeling)",
            topic=r"(overzicht|dashboard|budget|grafiek|speerpunt|leerwens|verdeling|verdeeld|jaarplan|opleidingen|hoe staan we)",
            handoff=True, roles=PLANNERS),
    Request("gegevens_inzien", "je gegevens bekijken", "Mijn gegevens",
            evidence=r"(gegevens|persoonsgegevens|\bdata\b|wat weet je (al |allemaal )?van mij|opgeslagen|inzage)",
            topic=r"(gegevens|\bdata\b|over mij|van mij|opgeslagen|bewaar|inzage)",
            handoff=True, roles=EVERYONE),
    Request("gegevens_verwijderen", "je gegevens verwijderen", "Mijn gegevens verwijderen",
            # not one part: "hoe kan ik een activiteit verwijderen?" is no request to delete everything
            evidence=r"^(?!.*\b(?:activiteit|speerpunt|leerdoel|afspraak|budget)).*"
                     r"(verwijder|\bwis\b|\bwist\b|wissen|vergeet mij|vergetelheid|delete|gooi .* weg|haal mijn gegevens)",
            topic=r"^(?!.*\b(?:activiteit|speerpunt|leerdoel|afspraak|budget)).*"
                  r"(verwijder|\bwis|gewist|vergeet|delete|\bweg\b|vergetelheid|verdwijn)",
            leaves=True, handoff=True, roles=EVERYONE),
    Request("pop_delen", "je POP delen", "Mijn POP delen",
            evidence=r"(deel (mijn|het|dit)|pop delen|delen met (mijn )?(leidinggevende|manager|baas|teamleider)|mag mijn .{0,20}(zien|lezen)|zichtbaar maken|toestemming)",
            topic=r"(pop|ontwikkelplan|deel|delen|zien|lezen|toegang|zichtbaar)",
            leaves=True, handoff=True, roles=EVERYONE),
    Request("pop_niet_delen", "je POP niet meer delen", "Mijn POP niet meer delen",
            evidence=r"(niet meer delen|stop met delen|privé|prive|niet delen|verberg|intrekken|\btrek\b)",
            topic=r"(pop|ontwikkelplan|deel|delen|zien|ziet|privé|prive|verberg|alleen voor mij|toestemming)",
            leaves=True, handoff=True, roles=EVERYONE),
    Request("gedeelde_pops", "gedeelde POP's zien", "POP-gesprekken van mijn team",
            evidence=r"(gedeeld|pops|pop's|ontwikkelplannen)",
            topic=r"(pop|ontwikkelplan|gedeeld|delen)",
            handoff=True, roles=PLANNERS),
    Request("start_strategie", "naar het strategisch opleidingsbeleid", "Strategisch opleidingsbeleid",
            evidence=r"(opleidingsbeleid|opleidings beleid|strategi|stratigi|beleidsplan|beleid|speerpunt)",
            topic=r"(opleidingsbel|opleidings beleid|strategi|stratgi|stratigi|beleid|speerpunt|opleidingsplan|meerjarig|opleiden|opleiding|competenties|leren en ontwikkelen|over (drie|3|een paar|vijf|5) jaar|komende jaren|visie|(onze|de) doelen)",
            leaves=True, roles=PLANNERS),
    Request("start_jaarplan", "naar het opleidingsjaarplan", "Opleidingsjaarplan",
            evidence=r"(jaarplan|jaarpaln|opleidingsplan|scholingsplan|opleidingsactiviteit|opleidingsbudget|training|opleidingen|budget|activiteiten)",
            topic=r"(jaarplan|jaar plan|jaarpaln|opleidingsplan|scholingsplan|opleidingsactiviteit|budget|training|opleiding|activiteiten|cursus|scholing)",
            leaves=True, roles=PLANNERS),
    Request("start_pop", "naar je POP", "POP voorbereiden",
            evidence=r"\b(pop|p\.o\.p|ontwikkelplan|ontwikkeldoel|ontwikkelingsplan|ontwikkel plan|popgesprek|leerdoel|ontwikkeling|ontwikkelgesprek)",
            topic=r"(pop|p\.o\.p|ontwikkel|leerdoel|leren|groeien|jaargesprek|functioneringsgesprek|over (een paar|drie|vijf|\d) jaar)",
            leaves=True, roles=EVERYONE),
    Request("start_popgesprek", "afspraken van een POP-gesprek vastleggen", "Afspraken van een POP-gesprek vastleggen",
            evidence=r"(afspraken? .{0,30}(vastleggen|vast te leggen|invoeren|noteren)|popgesprek(ken)? (van|met) (mijn )?(team|medewerker)|(vastleggen|invoeren|noteren) .{0,30}afspraken?|pop-?gesprek(ken)? (vastleggen|voeren|afronden)|pop-?gesprekken van mijn team)",
            topic=r"(afspra|popgesprek|pop-gesprek|pop gesprek|team|gesprek .{0,40}vastleggen|vastleggen|medewerker)",
            leaves=True, roles=("manager",)),
    Request("start_evaluatie", "het jaarplan evalueren", "Jaarplan evalueren",
            evidence=r"(evalu|terugkijken op het (jaarplan|jaar)|jaarplan (evalueren|nabespreken))",
            topic=r"(evalu|terugkijk|terug kijk|terugblik|nabesprek|opgeleverd|doorgegaan|gelukt)",
            leaves=True, roles=PLANNERS),
    Request("afspraken_bekijken", "je afspraken zien", "Mijn afspraken",
            evidence=r"(mijn afspraken|welke afspraken|afspraken (bekijken|zien|inzien|tonen)|afspraken uit (het|mijn) pop|wat (hebben|is) .{0,20}afgesproken)",
            topic=r"(afspra|afgespro|vastgelegd)",
            handoff=True, roles=EVERYONE),
    Request("afspraken_bevestigen", "je afspraken bevestigen", "Mijn afspraken bevestigen",
            evidence=r"(bevestig|akkoord met (de|mijn|onze) afspraken|ik ga akkoord|afspraken kloppen|eens met de afspraken)",
            topic=r"(afspra|bevestig|akkoord)",
            leaves=True, handoff=True, roles=EVERYONE),
    Request("evaluatie_downloaden", "de evaluatie downloaden", "Evaluatie downloaden",
            evidence=r"(download|\bpdf\b|exporteer|printen|als document|in word|als word)",
            topic=r"(evalu)",
            handoff=True, roles=PLANNERS),
)

BY_INTENT: dict[str, Request] = {r.intent: r for r in REQUESTS}


def get(intent: str | None) -> Request | None:
    return BY_INTENT.get(intent or "")


# Intents that are no request to offer as "bedoel je ...?": small talk, answers and the fallback itself.
NOT_OFFERED = {"faq", "regeling_vraag", "wijzig_antwoord", "terug", "stoppen", "waarom_vraag", "verduidelijking",
               "voortgang", "terugzetten", "opmerking",
               "opnieuw_beginnen", "gegevens_verwijderen", "afspraken_bevestigen"}
MIN_OFFER_CONFIDENCE = 0.08  # a meaning the NLU gives less than this is not worth a button
OFFERS = 2


def likely(ranking: list[tuple[str, float]], role: str | None, text: str) -> list[Request]:
    """The one or two requests a message not understood most likely meant, best first (Rasa's two-stage
    fallback): in the NLU's ranking, backed by a topic word of the message, allowed for this person, and none
    that destroys something or needs an open question. A request whose own words are in the message comes before
    one backed only by a topic word ("die pop van mij": the POP before "mijn gegevens")."""
    offers: list[Request] = []
    for intent, confidence in ranking:
        request = BY_INTENT.get(intent)
        if (request is None or intent in NOT_OFFERED or confidence < MIN_OFFER_CONFIDENCE
                or not request.allowed(role) or request in offers or not request.backed_by(text)):
            continue
        offers.append(request)
    said = normalize(text)
    offers.sort(key=lambda r: re.search(r.evidence, said) is None)  # stable: the NLU's order within each group
    return offers[:OFFERS]


def offer_buttons(offers: list[Request]) -> list[dict]:
    """'Bedoel je ...?' buttons: each likely request, then the topics."""
    return [{"title": r.button, "payload": "/" + r.intent} for r in offers] + [
        {"title": "Iets anders", "payload": "/help"}]


MENU = ("start_strategie", "start_jaarplan", "start_pop", "subsidie_zoeken")


def menu_buttons(role: str | None) -> list[dict]:
    """What someone with ``role`` may start: the policy and the yearly plan only for managers and HR (found over
    make run: an employee was offered them and refused after clicking)."""
    return [{"title": r.button, "payload": "/" + r.intent} for r in map(BY_INTENT.get, MENU) if r and r.allowed(role)]
