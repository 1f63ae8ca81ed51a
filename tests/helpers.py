"""Scripted answers for the three interviews, shared by the unit and end-to-end tests, and small helpers that tests
in several folders use: the download buttons of replies, the domain, a button's title as people type it."""

import unicodedata

STRATEGIE = [
    ("org_naam", "Gemeente Zeist"),  # the name says the sector: "gemeente" is not asked (issue 28)
    ("org_medewerkers", "800"),
    ("org_or", "ja"),
    ("strategie_toekomst", "Over drie jaar werken we digitaal en dicht bij de inwoners"),
    ("speerpunten", "Digitale dienstverlening"),
    ("speerpunten", "Inclusief werkgeverschap; Duurzame inzetbaarheid"),
    ("speerpunten", "klaar"),
    ("strategie_competenties", "Digitale vaardigheden, samenwerken en klantgericht denken"),
    ("strategie_rol_leren", "Leren helpt medewerkers om de nieuwe manier van werken te beheersen"),
    ("strategie_draagvlak", "We bespreken het plan in alle teamoverleggen"),
    ("strategie_or", "gepland"),
]

JAARPLAN = [
    ("jaarplan_jaar", "2027"),
    ("jaarplan_budget", "€ 10.000"),
    ("act_wat", "Training digitaal werken"),
    ("act_doelgroep", "Team Burgerzaken"),
    ("act_soort", "strategisch"),
    ("act_speerpunt", "speerpunt 1"),
    ("act_doel", "Medewerkers kunnen inwoners online goed helpen"),
    ("act_vorm", "klassikale training"),
    ("act_wanneer", "in het voorjaar"),
    ("act_aanbieder", "Extern bureau"),
    ("act_samen", "alleen"),
    ("act_kosten", "7500 euro"),
    ("act_nog_een", "ja"),
    ("act_wat", "Coaching leidinggevenden"),
    ("act_doelgroep", "Alle leidinggevenden"),
    ("act_soort", "loopbaan"),
    ("act_speerpunt", "geen"),
    ("act_doel", "Leidinggevenden voeren betere ontwikkelgesprekken"),
    ("act_vorm", "coaching"),
    ("act_wanneer", "Q3"),
    ("act_aanbieder", "Een coach van de regio"),
    ("act_samen", "samen met andere organisaties"),
    ("act_kosten", "tweeduizendvijfhonderd"),
    ("act_nog_een", "ja"),
    ("act_wat", "E-learning privacy"),
    ("act_doelgroep", "Iedereen"),
    ("act_soort", "vakgebied"),
    ("act_speerpunt", "speerpunt 2"),
    ("act_doel", "Iedereen kent de regels van de AVG"),
    ("act_vorm", "e-learning"),
    ("act_wanneer", "september"),
    ("act_aanbieder", "Eigen academie"),
    ("act_samen", "alleen"),
    ("act_kosten", "€ 1.250"),
    ("act_nog_een", "nee"),
]

POP = [
    ("org_naam", "gemeente zeist"),
    ("pop_functie", "beleidsmedewerker"),
    ("pop_team", "Sociaal Domein"),
    ("pop_terugblik", "Het jaar ging goed, ik heb veel geleerd over de Omgevingswet"),
    ("pop_bijdrage", "Ik help mee aan betere digitale dienstverlening"),
    ("pop_sterk", "plannen en organiseren"),
    ("pop_ontwikkelpunten", "presenteren voor groepen"),
    ("pop_ambitie_kort", "Ik wil zelf een project leiden"),
    ("pop_ambitie_lang", "Over vijf jaar wil ik teamleider zijn"),
    ("pop_wens_strategisch", "geen"),
    ("pop_wens_loopbaan", "Een opleiding projectmanagement volgen"),
    ("pop_wens_vakgebied", "Bijblijven in de Omgevingswet"),
    ("doel_tekst", "Ik wil beter presenteren"),
    ("doel_deadline", "voor de zomer"),
    ("doel_resultaat", "Ik geef zelfstandig een presentatie aan het MT"),
    ("doel_soort", "vakgebied"),
    ("doel_activiteit", "Een training presenteren volgen"),
    ("doel_nog_een", "nee"),
    ("pop_steun", "Tijd en budget van mijn leidinggevende"),
]


def downloads(replies: list[dict]) -> list[tuple[str, str]]:
    """The download buttons of the bot's replies (REST), as (label, url): Rasa's file_download messages
    {"custom": {"type": "file_download", "file_url", "file_name"}}, never an address in a text."""
    assert not any("http" in (r.get("text") or "") for r in replies), replies
    return [(r["custom"]["file_name"], r["custom"]["file_url"]) for r in replies
            if (r.get("custom") or {}).get("type") == "file_download"]


def domain_yaml() -> dict:
    """The domain as one dict: every file of domain/ merged, as Rasa merges them."""
    from pathlib import Path

    import yaml

    merged: dict = {}
    for path in sorted((Path(__file__).resolve().parent.parent / "domain").glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            else:
                merged[key] = value
    return merged


# ------------------------------------------------------------- a button's title as people type it

def _no_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _typo(text: str) -> str:
    """One letter left out in the middle of the longest word."""
    word = max(text.split(), key=len)
    return text.replace(word, word[: len(word) // 2] + word[len(word) // 2 + 1:], 1)


def typed_versions(title: str) -> list[str]:
    versions = [title, title.lower(), title.upper(), title.rstrip("?!.") + ".", f"  {title}  ", _no_accents(title),
                title.replace("-", " "), title.replace("-", "")]
    if len(title) >= 8:
        versions.append(_typo(title))
    return versions
