"""Signed, short-lived links for downloads and the manager overview (made by bot/documents/links.py).

A link is bound to the person it was made for (issue 29, item 2). With intranet tokens on:
- a link to another person's POP, to the overview or to an organisation document opens only with the token of the
  person it was made for; the role is read from that token at that moment, so a manager who is no longer one
  cannot use an older link (item 7);
- a link to one's own document opens with that person's token as often as needed, and without a token once.
Every route is behind the same rate limit as the channels.
"""

from __future__ import annotations

import asyncio

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.identity import Identity, IdentityError, bearer, token_settings, verify
from rasa_addons.rate_limit import TOO_FAST, shared_limiter

EXPIRED = "Deze link is verlopen of ongeldig. Vraag Leerkoers om een nieuwe link."
USED = "Deze link is al gebruikt. Vraag Leerkoers om een nieuwe link."
NOT_YOURS = "Deze link is voor iemand anders gemaakt. Vraag Leerkoers zelf om de link."
OWN_LOGIN_ONLY = ("Deze link opent alleen in de chat van je intranet, met je eigen aanmelding. Klik daar op de "
                  "knop.")
PAGE_HEADERS = {"Cache-Control": "no-store",
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
HEADERS_FOR_THE_WIDGET = "Content-Disposition"  # the widget saves a file it fetched with the token under its name


async def check_viewer(request: Request, claims: dict) -> tuple[HTTPResponse | None, Identity | None]:
    """(refusal, viewer): who opens this link, and whether they may. Without tokens (development) nobody is known."""
    from bot.documents import links
    from bot.services import interviews
    from bot.services.links import use_once

    kind, person_id = claims["kind"], claims["sub"]
    if token_settings().enabled:
        sent = bearer(request.headers.get("Authorization"))
        if sent is not None:
            try:
                viewer = await asyncio.to_thread(verify, sent)
            except IdentityError as exc:
                return response.text(str(exc), status=401), None
            if viewer.person_id != person_id:
                return response.text(NOT_YOURS, status=403), None
            await asyncio.to_thread(interviews.sync_identity, viewer)  # the role of this moment decides
            return None, viewer
        if links.needs_token(kind):
            return response.text(OWN_LOGIN_ONLY, status=401), None
    if not await asyncio.to_thread(use_once, str(claims["jti"]), int(claims["exp"])):
        return response.text(USED, status=410), None
    return None, None


def add_file_routes(webhook: Blueprint) -> None:
    from bot.documents import links, overview
    from bot.documents.files import FILES
    from bot.services import documents, privacy, sharing
    from bot.services import files as exports
    from rasa_addons.channel_common import conversation

    @webhook.route("/bestand/<token>", methods=["GET", "OPTIONS"])
    async def download(request: Request, token: str) -> HTTPResponse:
        if request.method == "OPTIONS":  # the widget fetches with its token (CORS preflight)
            return response.empty()
        claims = links.read(token)
        if claims is None or claims["kind"] == "overzicht":
            return response.text(EXPIRED, status=403)
        kind, person_id = claims["kind"], claims["sub"]
        if not await shared_limiter().allow(f"link:{claims['jti']}"):  # per link: its holder cannot use up the owner's limit
            return response.text(TOO_FAST, status=429)
        refused, _viewer = await check_viewer(request, claims)
        if refused is not None:
            return refused
        try:
            if kind == "pop_gedeeld":  # read now, checked now: "stop met delen" ends it at once
                name, summary = await asyncio.to_thread(sharing.pop_view, person_id, str(claims.get("owner")))
                return response.html(overview.render_pop(name, summary), headers=PAGE_HEADERS)
            if kind == "gegevens_json":  # everything, including the conversation with the bot
                agent = getattr(request.app.ctx, "agent", None)
                store = getattr(agent, "tracker_store", None)
                tracker = await store.retrieve(person_id) if store else None
                history = conversation(tracker.events) if tracker else []
                body = await asyncio.to_thread(privacy.export, person_id, history)
                filename, content_type = "mijn-gegevens-leerkoers.json", "application/json; charset=utf-8"
            elif kind in FILES:
                body, filename, content_type = await asyncio.to_thread(exports.build, kind, person_id)
            else:
                return response.text("Onbekend bestand.", status=404)
        except exports.NotFound as exc:
            return response.text(str(exc), status=404)
        except PermissionError as exc:
            return response.text(str(exc), status=403)
        return response.raw(body, content_type=content_type, headers={
            "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff", "Access-Control-Expose-Headers": HEADERS_FOR_THE_WIDGET})

    @webhook.route("/overzicht/<token>", methods=["GET", "OPTIONS"])
    async def manager_overview(request: Request, token: str) -> HTTPResponse:
        if request.method == "OPTIONS":
            return response.empty()
        claims = links.read(token)
        if claims is None or claims.get("kind") != "overzicht":
            return response.text(EXPIRED, status=403)
        if not await shared_limiter().allow(f"link:{claims['jti']}"):  # per link, not the owner's limit
            return response.text(TOO_FAST, status=429)
        refused, _viewer = await check_viewer(request, claims)
        if refused is not None:
            return refused
        try:
            info = await asyncio.to_thread(documents.overview_data, claims["sub"])
        except PermissionError as exc:
            return response.text(str(exc), status=403)
        return response.html(overview.render(info), headers=PAGE_HEADERS)
