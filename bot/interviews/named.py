"""The names a question file may use for what only code can do (docs/interviews.md, "Knoppen, voorwaarden en
haakjes"): sources of buttons, conditions and hooks after an answer is stored.

Only the names live here, so that loading a question file can check them without importing the engine; the
parts themselves are in bot/interviews/parts.py, under the same names (a unit test keeps the two equal).
"""

from __future__ import annotations

# buttons_from / params_from: buttons (and the values the question's text may use) made from stored data
SOURCES = {
    "sectors": "de soorten organisaties (bot/vocabulary.py)",
    "organisation_speerpunten": "de speerpunten van de organisatie, genummerd",
    "years_ahead": "dit jaar en volgend jaar",
    "years_back": "dit jaar en vorig jaar",
    "team_members": "de teamleden die hun POP met jou deelden",
    "unfinished_count": "hoeveel activiteiten niet zijn afgerond, en het volgende jaar",
}
# ask_if and variant.when: a question is asked only while its condition holds
CONDITIONS = {
    "speerpunten_known": "de organisatie heeft speerpunten",
    "adding_speerpunten": "er zijn al speerpunten en de lijst wordt aangevuld (niet opnieuw ingevuld)",
    "works_council": "de organisatie heeft een ondernemingsraad",
    "works_council_not_denied": "het is niet bekend dat de organisatie geen ondernemingsraad heeft",
    "activity_done": "de activiteit is uitgevoerd",
    "not_postponed": "het besluit over het leerdoel is niet 'niet nu'",
    "agreed_with_speerpunten": "het besluit is niet 'niet nu' en de organisatie heeft speerpunten",
    "unfinished_activities": "er zijn activiteiten die niet zijn afgerond",
    "nobody_to_choose": "geen teamlid deelde een POP met leerdoelen met jou",
    "for_an_organisation": "het geld is voor (mensen van) een organisatie, niet voor iemand die zelf betaalt of zzp'er is",
}
# after: what happens once the answer is stored
HOOKS = {
    "profile_facts": "een antwoord dat ook andere vragen over de organisatie beantwoordt, vult die in",
    "or_tip": "een tip over de ondernemingsraad",
    "budget_saved": "het budget en wat er nog over is",
    "smart_check": "een korte SMART-check van het leerdoel",
    "activity_parts": "een activiteit in één bericht vult alle vragen die het beantwoordt",
    "forget_result_unless_done": "kosten en effect vervallen als de activiteit niet is uitgevoerd",
    "carry_over": "niet afgeronde activiteiten gaan naar het jaarplan van volgend jaar",
    "next_period": "een verschoven activiteit neemt de periode mee die erbij is genoemd",
    "plan_without_activities": "een melding als het gekozen jaarplan geen activiteiten heeft",
    "funding_facts": "een antwoord dat ook andere vragen over subsidies beantwoordt (of zegt dat je zzp'er bent), vult die in",
}
# at_end: what an interview says when its last question is answered, instead of a summary
AT_END = {
    "funding_advice": "de regelingen die passen bij de antwoorden (bot/funding/advice.py)",
}


def unknown_names(q) -> str | None:
    """What in a question's specification names something that does not exist (in Dutch), or None."""
    wrong = []
    for source in filter(None, [q.buttons_from, q.params_from, q.variant.params_from if q.variant else None]):
        if source not in SOURCES:
            wrong.append(f"onbekende bron '{source}' (kies uit {', '.join(SOURCES)})")
    for condition in filter(None, [q.ask_if, q.variant.when if q.variant else None]):
        if condition not in CONDITIONS:
            wrong.append(f"onbekende voorwaarde '{condition}' (kies uit {', '.join(CONDITIONS)})")
    for hook in q.after:
        if hook not in HOOKS:
            wrong.append(f"onbekende stap na het antwoord '{hook}' (kies uit {', '.join(HOOKS)})")
    return "; ".join(wrong) or None
