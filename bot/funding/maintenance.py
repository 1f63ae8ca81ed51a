"""The rules a maintainer of bot/data/funding.yml keeps, as checks (`leerkoers subsidies controleer`, issue 30).

Two rules, besides "compare every entry with its source at least every N days" (KnowledgeBase.stale):

- **Every condition has an official source, or is marked not sure.** Official is the law or regulation itself
  (wetten.overheid.nl, the Staatscourant), the government body that runs the scheme (RVO, DUO, DUS-I, UVB, the
  Belastingdienst, rijksoverheid.nl) or the fund's or cao's own live site. A summary by an adviser, a news site,
  a union's or helpdesk page or a staging copy of a site is not: such a condition gets `certain: false`, and the
  bot then says it is not sure.
- **A time-bound fact is not said as sure when its source is too old.** Amounts and application windows change
  every year or round. When the entry's `source_date` is older than LEERKOERS_FUNDING_MAX_SOURCE_AGE_DAYS
  (standard 365 days; a bare year counts from 31 December of that year), or missing, the entry must mark them
  not sure (`amounts.certain: false`, `windows_certain: false`), so that the bot says "niet opnieuw bevestigd".
  The same holds when the entry's `source` names no official source at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.dutch.parsing import normalize
from bot.dutch.values import MONTHS
from bot.funding.knowledge_base import Condition, KnowledgeBase, Scheme

# Hosts and names of official sources. A condition whose source names at least one of them is official.
OFFICIAL_HOSTS = ("wetten.overheid.nl", "officielebekendmakingen.nl", "rijksoverheid.nl", "rijksfinancien.nl",
                  "rvo.nl", "duo.nl", "dus-i.nl", "uitvoeringvanbeleidszw.nl", "belastingdienst.nl", "uwv.nl",
                  "aeno.nl", "caruwo.vng.nl", "vng.nl", "cultuurconnectie.nl", "stichtingoak.nl",
                  "rotterdam.nl")  # a fund's, a cao's or a gemeente's own site, for its own scheme
OFFICIAL_NAMES = re.compile(r"^(?:Wet |Burgerlijk Wetboek|Regeling |Besluit |Staatscourant|Cao )|BWBR\d+|stcrt-\d{4}")
NOT_OFFICIAL_HOSTS = re.compile(r"\b(?:staging|test|acc)\.")  # copies of a site that are not the live page


@dataclass(frozen=True)
class Finding:
    scheme_id: str
    problem: str  # one Dutch sentence for the maintainer


def is_official(source: str) -> bool:
    """Does this source text name at least one official source (not a staging copy)?"""
    for part in re.split(r"[;,]\s*", source):
        part = part.strip()
        if NOT_OFFICIAL_HOSTS.search(part):
            continue
        host = re.sub(r"^https?://(?:www\.)?", "", part).split("/")[0].lower()
        if any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS) or OFFICIAL_NAMES.search(part):
            return True
    return False


def source_day(scheme: Scheme) -> date | None:
    """The date of the entry's source: '2022' is 31 December 2022, '17 juli 2023' that day; None when unknown."""
    text = (scheme.source_date or "").strip().lower()
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 31)
    found = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text)
    if found and found.group(2) in MONTHS:
        return date(int(found.group(3)), MONTHS.index(found.group(2)) + 1, int(found.group(1)))
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    return date(*map(int, found.groups())) if found else None


def has_amount_fact(scheme: Scheme) -> bool:
    """An amount with a number in it ('€ 2.700', '60 %') is a fact that changes; 'geen geld, wel advies' is not."""
    return bool(scheme.amount_text and re.search(r"\d", scheme.amount_text))


def unofficial_conditions(scheme: Scheme) -> list[Condition]:
    return [c for c in scheme.conditions if c.certain and not is_official(c.source)]


def sure_facts(scheme: Scheme) -> list[str]:
    """The time-bound facts of an open entry that the bot says as sure."""
    facts = []
    if has_amount_fact(scheme) and scheme.amount_certain:
        facts.append("het bedrag")
    if scheme.windows and scheme.windows_certain and not scheme.always_open:
        facts.append("wanneer je kunt aanvragen")
    return facts if scheme.available else []


def outdated_facts(scheme: Scheme, today: date, max_source_age_days: int) -> list[str]:
    """The time-bound facts said as sure while the source is too old or undated."""
    day = source_day(scheme)
    return [] if day is not None and (today - day).days <= max_source_age_days else sure_facts(scheme)


def findings(kb: KnowledgeBase, today: date, max_source_age_days: int) -> list[Finding]:
    """Every broken rule of the knowledge base, in the order of the file."""
    out: list[Finding] = []
    for scheme in kb.schemes.values():
        for condition in unofficial_conditions(scheme):
            out.append(Finding(scheme.id, f"De voorwaarde „{condition.text[:60]}” heeft geen officiële bron "
                                          f"({condition.source}). Zoek de officiële bron of zet certain: false."))
        facts = outdated_facts(scheme, today, max_source_age_days)
        if facts:
            age = f"van {scheme.source_date}" if scheme.source_date else "zonder datum"
            out.append(Finding(scheme.id, f"De bron is {age}, maar {' en '.join(facts)} staat als zeker in de "
                                          "kennisbank. Controleer de bron of zet het op certain: false."))
        facts = [] if is_official(scheme.source) else sure_facts(scheme)
        if facts:
            out.append(Finding(scheme.id, f"Geen officiële bron ({scheme.source}), maar {' en '.join(facts)} staat "
                                          "als zeker in de kennisbank. Zoek de officiële bron of zet het op "
                                          "certain: false."))
    return out


NLU_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "nlu" / "regelingen.yml"


def nlu_training_data(kb: KnowledgeBase) -> str:
    """data/nlu/regelingen.yml: a lookup table of every scheme name and alias (entity 'regeling'), and synonyms
    that map each of them to the scheme's id. Written by `leerkoers subsidies nlu`; a test keeps it current."""
    lines = ['version: "3.1"',
             "# Gemaakt met `leerkoers subsidies nlu` uit bot/data/funding.yml. Niet met de hand wijzigen.",
             "nlu:", "- lookup: regeling", "  examples: |"]
    names = sorted({normalize(n) for s in kb.schemes.values() for n in (s.name, *s.aliases)})
    lines += [f"    - {n}" for n in names]
    for scheme in sorted(kb.schemes.values(), key=lambda s: s.id):
        variants = sorted({normalize(n) for n in (scheme.name, *scheme.aliases)} - {scheme.id})
        if variants:
            lines += [f"- synonym: {scheme.id}", "  examples: |"] + [f"    - {v}" for v in variants]
    return "\n".join(lines) + "\n"
