"""Questions outside Leerkoers' field (pay, leave, sickness, travel and expenses, pension, contracts, conflicts at
work, IT, private matters): where to go instead, for the person's role, never an answer as if they were about
training, POPs or funding. Outside an interview the fallback action refers; inside one the interview waits at its
question and the same referral is given (found over make run: "hoeveel vakantiedagen heb ik nog" at a POP
question was "Daar weet ik helaas geen antwoord op", and a complaint about a colleague was stored as a deadline).
"""

from __future__ import annotations

import re

OUTSIDE = "buiten_bereik"  # the NLU's intent for a question outside the field
SURE = 0.8  # inside an interview the NLU must be this sure: an answer may well name a contract or hours
MIN_WORDS = 3  # "30", "privaat bedrijf": answers the NLU may call outside the field

HR_TOPICS = re.compile(r"\b(verlof\w*|\w+verlof|vakantie\w*|vrije? dag\w*|ziek\w*|\w*arts|re-?integr\w*|salaris\w*|"
                       r"\w*loon\w*|\w*strook\w*|schaal|periodiek|ikb|keuzebudget|eindejaars\w*|declar\w*|"
                       r"\w*reiskosten|kilometer\w*|ov|vergoed\w*|pensioen\w*|ontslag\w*|\w*contract\w*|proeftijd|"
                       r"opzeg\w*|aanstelling|uren|werktijd\w*|overuren|thuiswerk\w*|klacht\w*|vertrouwenspersoon|"
                       r"conflict\w*|ruzie|gepest|pesten|integriteit\w*|misstand\w*|beoordeling|bezwaar)\b", re.I)
NAMES_A_SCHEME = re.compile(r"\b(?:regeling\w*|subsidie\w*|\w*fonds\w*|\w*beurs|\w*krediet|\w*budget|potjes?|ikb)\b",
                            re.I)
_IT = re.compile(r"\b(laptop|computer|pc|wachtwoord|inloggen|printer|wifi|wi-fi|outlook|mailbox|telefoon|scherm)\b", re.I)
# Words of training and development: "mag ik mijn studieverlof gebruiken voor de cursus?" is in the field
_ABOUT_LEARNING = re.compile(r"\b(studie\w*|opleiding\w*|cursus\w*|training\w*|scholing\w*|leren|leerdoel\w*|pop\w*|"
                             r"ontwikkel\w*|loopbaan\w*|coach\w*|workshop\w*)\b", re.I)


def about_hr(text: str) -> bool:
    """Pay, leave, sickness ...: a question for HR, unless it names a scheme ("kan ik mijn ikb ... gebruiken")."""
    return bool(HR_TOPICS.search(text or "")) and not NAMES_A_SCHEME.search(text or "")


def response(role: str | None, text: str) -> str:
    """The referral: HR matters to HR (to one's manager or colleagues for an HR adviser), the rest in general."""
    if not HR_TOPICS.search(text or ""):
        return OUTSIDE
    return "andere_hr_vraag_hr" if role == "hr" else \
        "andere_hr_vraag_leidinggevende" if role == "manager" else "andere_hr_vraag"


def outside_during_interview(text: str, ranking: list[tuple[str, float]] | None, asks: bool) -> bool:
    """A question (``asks``) at an open question that the NLU is sure lies outside the field and that names pay,
    leave, IT and the like, and no learning and no scheme: referred, not stored. A statement is an answer, also
    when it names complaints, a holiday or a hospital ("minder klachten over het KCC", "voor de zomervakantie")."""
    top, confidence = ranking[0] if ranking else (None, 0.0)
    t = text or ""
    return (asks and top == OUTSIDE and confidence >= SURE and len(t.split()) >= MIN_WORDS
            and (HR_TOPICS.search(t) is not None or _IT.search(t) is not None)
            and not NAMES_A_SCHEME.search(t) and not _ABOUT_LEARNING.search(t))
