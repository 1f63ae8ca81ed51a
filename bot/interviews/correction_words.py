"""The words of a correction: where its new value starts ("... klopt niet, het is X", "... moet X zijn"), a
message with more than one correction, and a change that names no answer ("iets wijzigen")."""

from __future__ import annotations

import re

from bot.dutch import parsing

_STRONG = (r"\bklop(?:t|pen|te) (?:ook |echt |helemaal |toch )?niet[,.:;]|\bis (?:niet goed|verkeerd|fout)[,.:;]|"
           r"\bniet\s+[^,.:;]{1,40}?\s+maar\b|\b(?:veranderen|wijzigen|aanpassen) in\b|"
           r"\bnaar\b|\bmoet(?:en)?\s+(?:zijn|worden)\b|"
           r"\bmoet(?:en)?\b")
_WEAK = r"\bwordt\b|\bworden\b|\bis\b|\bzijn\b|:"
_VALUE = re.compile(rf"(?i)(?:{_STRONG}|{_WEAK})\s*:?\s+(?P<value>.+)$")
_STRONG_VALUE = re.compile(rf"(?i)(?:{_STRONG})(?:\s+(?:zijn|worden))?\s*:?\s+(?P<value>.+)$")


# A marker with a colon introduces the whole new value, also when it holds "moet" or "naar" itself (found over
# make run: "... dat moet zijn: de nieuwe omgevingswet, ik moet beter snappen ..." kept only its end).
_EXPLICIT = re.compile(r"(?i)\b(?:moet(?:en)?\s+(?:zijn|worden|anders)|wordt|worden|maak\s+er\s*van|"
                       r"(?:veranderen|wijzigen|aanpassen|verander|wijzig|pas)\s+(?:het\s+|dat\s+)?(?:in|naar)|is)\s*:\s*"
                       r"(?P<value>\S.*)$")
_COMPLAINT = re.compile(r"^(?:(?:dat|het|dit) (?:was|is) )?(?:geen antwoord|fout|verkeerd|niet goed|onzin|een vergissing|"
                        r"niet wat ik bedoelde|per ongeluk|een foutje)\b")


def first_of_several(text: str) -> tuple[str, bool]:
    """"De kosten van activiteit 2 moeten 4.900 zijn, en de naam moet 'X' zijn": the first correction, and whether
    more were asked (one is made at a time, and the person hears so)."""
    from bot.understanding import sounds_like_a_correction

    clauses = [c for c in re.split(r"\.\s+|,?\s+en\s+(?=(?:de|het|die|dat|mijn|ons|onze)\b)", text or "") if c.strip()]
    asked = [c for c in clauses if sounds_like_a_correction(c)]
    return (asked[0], True) if len(asked) >= 2 else (text, False)


def value_part(text: str) -> str | None:
    """The new value named in a correction, as typed: "... naar 30.000", "... moeten 2500 zijn", "... klopt niet, we
    gaan samen met Eemsdorp", "...: het secretariaat". After the last strong marker ("naar", "moet", "klopt niet,"),
    else after the last weak one ("is", "wordt", ":")."""
    flat = " ".join(text.split())
    explicit = _EXPLICIT.search(flat)  # "... klopt niet, dat moet zijn: X, ik moet Y": all of "X, ik moet Y"
    found = [explicit] if explicit else [m for m in _finditer(_STRONG_VALUE, flat)] or [m for m in _finditer(_VALUE, flat)]
    found = [m for m in found if not _naar_in_the_value(flat, m)] or found
    if not found:
        return None
    value = re.sub(r"\s+(zijn|worden)$", "", found[-1].group("value").strip(" .!")).strip(" .!")
    first, _, after = value.partition(". ")
    if after and _COMPLAINT.match(parsing.normalize(first).strip(" .!")):
        value = after.strip()  # "..., dat was geen antwoord. Leren is voor ons ...": the sentence after it
    value = re.sub(r"(?i)^(het|dat|die|dit)\s+(is|moet|was|wordt)(\s+zijn)?\s+", "", value)  # "..., het is X"
    value = re.sub(r"(?i)^(?:ik ben|ik werk als|wij zijn|we zijn)\s+(?=\w)", "", value)  # "..., ik ben docent viool"
    value = re.sub(r"(?i)^(?:gewoon|dan|eigenlijk|toch|dus|wel|natuurlijk|alleen|alleen maar)\s*:?\s+", "", value)
    value = re.sub(r"^['\"„“‘](.+)['\"”’]$", r"\1", value).strip()  # "moet alleen 'regionale samenwerking' zijn"
    value = re.sub(r"[\s\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]+$", "", value) or value  # "... marketing 😅"
    norm = parsing.normalize(value).strip(" .!")
    if norm in _NO_VALUE or re.search(r"\b(aanpassen|wijzigen|veranderen|klopt niet|ik wil)\b", norm):
        return None  # "het tweede leerdoel moet anders", "... klopt niet: er staat ..., ik wil die aanpassen"
    return value if value and (not parsing.says_nothing(value) or re.search(r"\d", value)) else None


_CHANGES = re.compile(r"\b(?:verhoog\w*|verlaag\w*|zet\w*|verander\w*|wijzig\w*|pas\w*|breng\w*|moet\w*|gaat|gaan|"
                      r"aanpassen|veranderen|wijzigen|omhoog|omlaag|terug|schuif\w*|verschuif\w*|verplaats\w*)\b")


def _naar_in_the_value(text: str, match: re.Match) -> bool:
    """"... het is geduld en goed luisteren naar leerlingen": this "naar" belongs to the value, not to a change
    ("het budget moet naar 30.000", "verander de periode naar maart")."""
    marker = text[match.start():match.start("value")].strip().lower()
    return marker == "naar" and not _CHANGES.search(text[max(0, match.start() - 40):match.start()].lower())


_NO_VALUE = {"anders", "aangepast", "gewijzigd", "veranderd", "veranderen", "beter", "gecorrigeerd", "weg", "eruit",
             "worden", "zijn", "iets anders", "echt anders", "helemaal anders", "nog anders"}


def _finditer(pattern: re.Pattern, text: str) -> list[re.Match]:
    """Every match of ``pattern`` that starts at a word, also overlapping ones (the last marker wins)."""
    found = []
    for start in (m.start() for m in re.finditer(r"\b\w|:", text)):
        m = pattern.match(text, start)
        if m:
            found.append(m)
    return found


_ANY_CHANGE = re.compile(r"^(?:ik wil |ik zou |kan ik |mag ik |graag |nog )*(?:graag )?(?:iets|wat|een antwoord|"
                         r"mijn antwoorden?|een paar dingen|dingen)?\s*(?:wijzig\w*|aanpass\w*|aan passen|verander\w*|"
                         r"corriger\w*)(?:\s+(?:graag|aub|alsjeblieft|alstublieft|nog|even))*$")


def names_nothing(text: str) -> bool:
    """"iets wijzigen", "ik wil iets aanpassen": a change that names no answer (the button 'Iets wijzigen', typed)."""
    return _ANY_CHANGE.match(parsing.normalize(text).strip(" .!?")) is not None


# "laat maar, niks wijzigen", "toch niet aanpassen", "hoeft niet meer": the person lets the change go
_LETS_GO = re.compile(r"\b(?:laat (?:maar|het|dat|alles)(?: maar)?(?: zo| staan)?|laat maar|(?:niks|niets|toch niet|"
                      r"maar niet|liever niet|niet meer) (?:meer )?(?:wijzig\w*|aanpass\w*|aan te passen|verander\w*|"
                      r"corriger\w*)|hoeft (?:toch |al )?niet(?: meer)?(?= *[.!]* *$)|geen wijziging\w*)\b")


def lets_go(text: str) -> bool:
    """The message lets a change go instead of naming one (the NLU hears "wijzigen" in "niks wijzigen")."""
    return _LETS_GO.search(parsing.normalize(text)) is not None
