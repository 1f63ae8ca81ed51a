"""Each word Leerkoers uses for a kind of thing, defined once: sectors, kinds of learning and roles.

A term has its key (stored in the database, used in the knowledge base), its label in a sentence, the title of its
button, and the words people type for it. Every other module imports these; none spells them out again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sector:
    key: str
    label: str  # "Soort organisatie: gemeente of gemeentelijke organisatie"
    button: str  # the button's title; its payload is the key
    phrase: str  # "Je werkt bij {phrase} met ongeveer 300 medewerkers."
    group: str  # "niet voor {group}"
    work: str  # "voor wie werkt {work}"
    words: tuple[str, ...]  # what people choose it with (whole message or part of it)
    pattern: str  # words for it inside a longer sentence (regular expression, whole words)


SECTORS: dict[str, Sector] = {s.key: s for s in (
    Sector("gemeente", "gemeente of gemeentelijke organisatie", "Gemeente", "een gemeente",
           "gemeenten en hun organisaties", "bij een gemeente",
           ("gemeente", "gemeentelijk", "municipality", "veiligheidsregio", "omgevingsdienst",
            "gemeenschappelijke regeling", "shared service"),
           r"gemeente|gemeentelijke?|gemeentehuis|stadhuis|cao gemeenten|veiligheidsregio|omgevingsdienst|"
           r"gemeenschappelijke regeling"),
    Sector("kunsteducatie", "kunst- of cultuureducatie", "Kunst- of cultuureducatie",
           "een organisatie voor kunsteducatie", "de kunst- en cultuureducatie", "in de kunst- of cultuureducatie",
           ("kunsteducatie", "cultuureducatie", "kunstencentrum", "muziekschool", "centrum voor de kunsten", "kunst",
            "cultuur", "kunstenschool", "dansschool", "theaterschool", "cultuurhuis"),
           r"kunsteducatie|cultuureducatie|kunstencentrum|kunstcentrum|muziekschool|"
           r"centrum voor de kunsten|centrum voor kunsten|cultuurhuis|dansschool|kunstschool|kunstenschool|theaterschool"),
    Sector("overig_publiek", "andere publieke organisatie", "Andere publieke organisatie",
           "een andere publieke organisatie", "andere publieke organisaties", "bij een andere publieke organisatie",
           ("overig publiek", "andere publieke organisatie", "andere overheid", "overheid", "publiek", "provincie",
            "waterschap", "rijk", "onderwijs", "zorg", "bibliotheek", "museum", "archief", "school", "provinciale",
            "provinciaal"),
           r"provincie|waterschap|rijksoverheid|ministerie|publieke organisatie|[a-z]*zorginstelling|"
           r"ziekenhuis|[a-z]*zorgorganisatie|hogeschool|universiteit|[a-z]*bibliotheek|bieb|museum|archief|provinciale?|"
           r"basisschool|middelbare school|roc|mbo-school|v?mbo-?school|vmbo|havo|vwo|scholengemeenschap|lyceum|"
           r"gymnasium|voortgezet onderwijs|basisonderwijs|primair onderwijs|speciaal onderwijs"),
    # compounds count in a sentence: installatiebedrijf, bouwonderneming, kinderopvangorganisatie
    Sector("privaat", "private organisatie", "Private organisatie", "een bedrijf", "private organisaties",
           "bij een bedrijf",
           ("privaat", "private", "prive", "privé", "bedrijf", "mkb", "een onderneming", "onze onderneming",
            "commercieel", "particulier", "bv",
            "b.v."),
           r"[a-z]*bedrijf|[a-z]*bedrijven|[a-z]*onderneming|mkb|private organisatie|bv|b\.v\.|eigen zaak|"
           r"kinderopvang[a-z]*|[a-z]+winkel|winkel|restaurant|horeca|hotel|caf[eé]|bakkerij|slagerij|kapsalon|"
           r"garage|fabriek|webshop|supermarkt|advocatenkantoor|accountantskantoor|adviesbureau|ingenieursbureau|"
           r"vof|familiebedrijf|start-?up"),
)}


@dataclass(frozen=True)
class KindOfLearning:
    key: str
    label: str  # "soort: strategisch beleid"
    button: str
    words: tuple[str, ...]


# The three kinds of learning of the handreiking: what the organisation needs, the person's career, the craft
KINDS_OF_LEARNING: dict[str, KindOfLearning] = {k.key: k for k in (
    KindOfLearning("strategisch", "strategisch beleid", "Strategisch beleid",
                   ("strategisch", "strategie", "strategisch beleid", "organisatiedoel", "wet", "cao")),
    KindOfLearning("loopbaan", "loopbaan", "Loopbaan",
                   ("loopbaan", "carriere", "carrière", "doorgroei", "eigen ontwikkeling", "loopbaanbeleid")),
    KindOfLearning("vakgebied", "vakgebied", "Vakgebied",
                   ("vakgebied", "vak", "bijblijven", "bij blijven", "vakkennis", "up to date", "vakmanschap")),
)}


@dataclass(frozen=True)
class Role:
    key: str  # as the intranet's token names it (after the claim mapping)
    label: str  # "Mark (leidinggevende) keek in je POP."
    plans: bool  # may make the organisation's plans, see the overview and POPs shared with them


ROLES: dict[str, Role] = {r.key: r for r in (
    Role("employee", "medewerker", False),
    Role("manager", "leidinggevende", True),
    Role("hr", "HR-adviseur", True),
)}
PLANNERS = tuple(key for key, role in ROLES.items() if role.plans)  # "manager or HR"
# A token whose roles map to more than one of ours: the one that may do most counts
ROLE_PRECEDENCE = tuple(reversed(ROLES))


def plans(role: str | None) -> bool:
    """Whether someone with this role may work on the organisation's plans ("manager or HR")."""
    return role in PLANNERS


@dataclass(frozen=True)
class Purpose:
    """What money for learning is for: a situation of the funding knowledge base, or a kind of activity."""

    key: str
    said: str  # repeating what the person asked about: "Je vroeg naar {said}."
    label: str  # a scheme fits: "past bij {label}" (situations only)
    words: tuple[str, ...]  # what people choose it with
    pattern: str | None  # words for it inside a longer sentence (regular expression); None: only chosen
    activity: str | None = None  # the schemes' activity type it asks for ("groepstraining"); None: a situation


PURPOSES: dict[str, Purpose] = {p.key: p for p in (
    Purpose("groep", "een training voor een groep", "", ("groep", "team", "hele organisatie", "afdeling",
                                                          "medewerkers opleiden", "training"),
            r"groepstraining|teamtraining|het hele team|hele organisatie|incompany|training voor (het |ons |onze )?"
            r"(team|teams|afdeling|medewerkers|docenten|personeel)|(medewerkers|docenten|personeel|team) "
            r"(te )?(trainen|opleiden|scholen)|groep medewerkers", activity="groepstraining"),
    Purpose("loopbaanadvies", "advies over loopbaan of ontwikkeling", "",
            ("loopbaanadvies", "ontwikkeladvies", "loopbaangesprek", "loopbaancoach"),
            r"loopbaanadvies|ontwikkeladvies|loopbaangesprek|loopbaancoach|loopbaanbegeleiding|"
            r"loopbaanscan|ontwikkelgesprekken? met een adviseur", activity="loopbaanadvies"),
    Purpose("werkleerplaats", "leerwerkplekken, zoals in de bbl", "leerwerkplekken, zoals in de bbl",
            ("leerwerkplek", "werkleerplaats", "bbl", "stagiair", "leerling", "praktijkleren"),
            r"\bbbl\b|bbl-|leerwerkplek|werkleerplaats|praktijkleren|leerbaan|leerbanen|stagiair|"
            r"mbo-studenten|mbo studenten|leerling(en)? in dienst"),
    Purpose("mbo_samenwerking", "samenwerking met een mbo-school", "samenwerking met een mbo-school",
            ("mbo", "roc", "mbo-school"),
            r"\broc\b|mbo-school|mbo school|samen met (het|een) mbo|samenwerking met (het|een) mbo"),
    Purpose("hbo_samenwerking", "samenwerking met een hogeschool", "samenwerking met een hogeschool",
            ("hbo", "hogeschool"), r"hogeschool|samen met (het|een) hbo"),
    Purpose("laagopgeleid", "medewerkers met weinig opleiding", "mensen met weinig opleiding of een laag loon",
            ("laagopgeleid", "lage opleiding", "laaggeletterd", "basisvaardigheden", "mbo-2", "laag inkomen"),
            r"laagopgeleid|laag opgeleid|lage opleiding|weinig opleiding|laaggeletterd|"
            r"basisvaardigheden|zonder startkwalificatie|taalvaardigheid"),
    Purpose("ontslag_dreiging", "werk naar werk", "mensen die hun baan kunnen verliezen",
            ("ontslag", "boventallig", "van werk naar werk", "baan verliezen", "reorganisatie"),
            r"ontslag|boventallig|van werk naar werk|baan (dreigen te )?verliezen|reorganisatie"),
    Purpose("individueel", "een opleiding die je zelf betaalt", "iemand die een opleiding zelf betaalt",
            ("zelf betalen", "betaal zelf", "ik betaal", "eigen opleiding", "mijn opleiding", "voor mezelf",
             "eigen rekening"), None),  # read from who pays (bot/dutch/facts.py), not from a word
    # read from the words of a course without a degree (bot/funding/advice.situations_from_text), not a pattern
    Purpose("cursus", "een losse cursus", "", ("losse cursus", "cursus"), None, activity="cursus"),
    Purpose("ontwikkelpad", "een ontwikkelpad", "een erkende opleiding in een ontwikkelpad",
            ("ontwikkelpad", "zorg en welzijn", "kinderopvang", "techniek", "groen", "bouw", "energie"),
            r"ontwikkelpad|kinderopvang|zorg en welzijn|[a-z]*techniek|energietransitie"),
    Purpose("leraar", "een opleiding voor een leraar", "leraren van scholen met geld van de overheid",
            ("leraar", "leerkracht", "lerarenbeurs"), r"\bleraa?r(en)?\b|\bleerkracht(en)?\b|lerarenbeurs"),
    Purpose("zzp", "werk als zelfstandige", "zelfstandigen (zzp'ers)",
            ("zzp", "zzp'er", "zelfstandige", "eigen bedrijf", "freelancer"),
            r"\bzzp(-?ers?|'ers?)?\b|zelfstandigen? zonder personeel|\bfreelancer?s?\b|\bfreelance\b|"
            r"\beigen (bedrijf|bedrijfje|zaak|onderneming|praktijk)\b|\beenmanszaak\b|\bwerk(?:t|en)? (?:ik |nu |sinds kort )?voor (?:mezelf|mijzelf)\b|"
            r"\bvoor mezelf begonnen\b|\bzelfstandig ondernemer\b"),
    Purpose("oudere", "medewerkers die ouder zijn", "medewerkers die ouder zijn",
            ("oudere", "ouderen", "55+", "60+", "senior medewerker", "oudere medewerkers"),
            r"oudere medewerkers|oudere werknemers|ouderen|55\+|60\+"),
)}
SITUATIONS = tuple(key for key, p in PURPOSES.items() if p.activity is None)  # those of the knowledge base
