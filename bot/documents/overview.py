"""The manager overview: budget use, the three kinds of learning, and shared learning wishes.

Only managers and HR of the organisation see it; only POPs the employee chose to share count, and no group
smaller than LEERKOERS_OVERVIEW_MIN_GROUP (default 3) is shown, to protect individuals. The figures come from
bot/services/documents.py (`overview_data`); this module writes the page.
"""

from __future__ import annotations

from html import escape

from bot.dutch.formatting import count, format_euro
from bot.interviews import LABELS_KIND
from bot.storage.models import KINDS_OF_LEARNING

KINDS = KINDS_OF_LEARNING


def _bars(title: str, items: list[tuple[str, float, str]]) -> str:
    """A small accessible SVG bar chart: (label, value, shown value)."""
    top = max([v for _, v, _ in items] + [1])
    height = 34 * len(items) + 10
    rows = []
    for i, (label, value, shown) in enumerate(items):
        y = 10 + i * 34
        width = 0 if value <= 0 else max(2, int(300 * value / top))
        rows.append(f'<text x="0" y="{y + 17}" font-size="14">{escape(label)}</text>'
                    f'<rect x="170" y="{y + 4}" width="{width}" height="20" fill="#14527a"></rect>'
                    f'<text x="{178 + width}" y="{y + 19}" font-size="14">{escape(shown)}</text>')
    desc = "; ".join(f"{label}: {shown}" for label, _, shown in items)
    return (f'<figure><figcaption>{escape(title)}</figcaption>'
            f'<svg role="img" aria-label="{escape(title)}: {escape(desc)}" width="600" height="{height}" '
            f'viewBox="0 0 600 {height}">{"".join(rows)}</svg></figure>')


NO_BUDGET = "Het budget is nog niet bekend."


def render(info: dict) -> str:
    parts = [f"<h1>Overzicht leren en ontwikkelen — {escape(info['organisation'])}</h1>"]
    if info["year"] is None:
        parts.append("<p>Er is nog geen opleidingsjaarplan.</p>")
    else:
        budget, planned = info["budget"], info["planned"]
        parts.append(f"<h2>Budget {info['year']}</h2>")
        if budget is None:  # said as the chat says it: not "€ 0" and not "boven het budget"
            parts.append(_bars("Gepland", [("Gepland", planned, format_euro(planned))]))
            parts.append(f"<p>{NO_BUDGET}</p>")
        else:
            parts.append(_bars("Budget en gepland", [("Budget", budget, format_euro(budget)),
                                                     ("Gepland", planned, format_euro(planned))]))
            if planned > budget:
                parts.append(f"<p class='warn'>Let op: {format_euro(planned - budget)} boven het budget.</p>")
            else:
                parts.append(f"<p>Nog over: {format_euro(budget - planned)}.</p>")
        parts.append("<h2>Verdeling over de drie soorten leren</h2>")
        parts.append(_bars("Kosten per soort leren", [(LABELS_KIND[k], v, format_euro(v))
                                                      for k, v in info["by_kind"].items()]))
    parts.append("<h2>Speerpunten zonder activiteit</h2>")
    missing = info["speerpunten_without_activity"]
    parts.append("<ul>" + "".join(f"<li>{escape(sp)}</li>" for sp in missing) + "</ul>" if missing
                 else "<p>Elk speerpunt heeft minstens één activiteit.</p>")
    parts.append("<h2>Leerwensen uit gedeelde POP's</h2>")
    if not info["enough_pops"]:
        parts.append(f"<p>Nog te weinig gedeelde POP's om iets te laten zien (minimaal {info['minimum']}), "
                     f"zodat niemand herkenbaar is.</p>")
    else:
        parts.append(f"<p>Gedeelde POP's: {info['shared_pops']}.</p>")
        items = [(LABELS_KIND[k], v or 0, str(v) if v is not None else f"minder dan {info['minimum']}")
                 for k, v in info["goals_by_kind"].items()]
        parts.append(_bars("Leerdoelen per soort leren", items))
        items = [(LABELS_KIND[k], v or 0, str(v) if v is not None else f"minder dan {info['minimum']}")
                 for k, v in info["wishes_by_kind"].items()]
        parts.append(_bars("Leerwensen per soort leren", items))
    parts += _teams(info)
    body = "\n".join(parts)
    return ("<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            "<title>Overzicht — Leerkoers</title><style>body{font:16px/1.5 system-ui,Arial,sans-serif;"
            "max-width:820px;margin:24px auto;padding:0 16px;color:#1b1b1b}figure{margin:8px 0 20px}"
            "figcaption{font-weight:600}.warn{color:#8a1c1c;font-weight:600}</style></head>"
            f"<body><main>{body}<p><small>Alleen voor leidinggevenden en HR. Gegevens uit POP's tellen alleen "
            "mee als de medewerker de POP heeft gedeeld.</small></p></main></body></html>")


def _teams(info: dict) -> list[str]:
    """Per team: how far the POP-gesprekken are, and what the agreements cost against the budget."""
    teams = info.get("teams") or []
    if not teams:
        return []
    parts = ["<h2>POP-gesprekken per team</h2>"]
    for team in teams:
        parts.append(f"<h3>{escape(team['team'])}</h3>")
        if team["prepared"] is None:  # a team smaller than the minimum group: counts would name people
            parts.append(f"<p>Minder dan {info['minimum']} medewerkers: geen aantallen, zodat niemand "
                         "herkenbaar is.</p>")
            continue
        members = count(team["members"], "medewerker", "medewerkers")
        parts.append(f"<ul><li>{members}</li><li>POP voorbereid: {team['prepared']}</li>"
                     f"<li>POP gedeeld: {team['shared']}</li><li>Afspraken bevestigd: {team['agreed']}</li>"
                     f"<li>Gepland uit afspraken: {format_euro(team['planned'])}"
                     + (f" van een budget van {format_euro(team['budget'])} voor de hele organisatie"
                        if team["budget"] is not None else "") + "</li></ul>")
        for title, key in (("Leerdoelen", "goals_by_kind"), ("Leerwensen", "wishes_by_kind")):
            items = [(LABELS_KIND[k], v or 0, str(v) if v is not None else f"minder dan {info['minimum']}")
                     for k, v in team[key].items()]
            parts.append(_bars(f"{title} per soort leren, {team['team']}", items))
    return parts


def render_pop(name: str, summary: str) -> str:
    """A shared POP as a page of its own (opened through a short-lived link, never copied into a chat)."""
    lines = "".join(f"<li>{escape(line.lstrip('- '))}</li>" for line in summary.splitlines() if line.strip())
    return (f"<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>POP van {escape(name)}</title>"
            f"<style>body{{font-family:sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}}</style></head>"
            f"<body><main><h1>POP van {escape(name)}</h1><p>Gedeeld met jou. Deze pagina is 15 minuten "
            f"geldig en toont altijd de laatste versie.</p><ul>{lines}</ul></main></body></html>")
