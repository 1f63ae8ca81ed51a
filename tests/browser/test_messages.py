"""Rich but safe messages (issue 19, item 3) and a second client speaking Rasa's socket.io protocol (item 4).

The second client does what RasaHQ's chat widget (`@rasahq/chat-widget-ui` with `@rasahq/chat-widget-sdk`,
v0.1.19) does on the wire: `io(url, {auth: {token}})`, `session_request`, `user_uttered {message, session_id}`,
and it sorts every `bot_uttered` event by the same rules as that SDK's `determineMessageType`; an event none of
those rules accepts is one that widget cannot show (it throws "Message type not implemented").
"""

from __future__ import annotations

import re
import time

import pytest
import requests

from tests.browser.widget_helpers import ARTIFACTS, axe_violations, say, wait_for_bot_text
from tests.stack_helpers import tok

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

TYPING = """() => {
  window.__typing = [];
  new MutationObserver(() => window.__typing.push(document.querySelector('.lk-typing').textContent))
    .observe(document.querySelector('.lk-typing'), {childList: true, characterData: true, subtree: true});
}"""


def open_chat(stack, browser, user, width=1280, height=860):
    _, demo = stack
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(demo.url + f"?user={user}")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    page.locator(".lk-msg-bot").first.wait_for(timeout=60_000)
    return page


FOLLOW_UP = {"medewerkers": "500", "mensen werken": "500", "Waarvoor": "weet ik niet", "sector": "weet ik niet"}


def ask_for_funding(page, question):
    """Ask, and answer the bot's questions about the organisation until the suggestions come."""
    say(page, question)
    for _ in range(4):
        time.sleep(1.5)  # the whole answer
        if page.locator(".lk-card").count():
            return
        last = page.locator(".lk-msg-bot").last.inner_text()
        say(page, next((a for key, a in FOLLOW_UP.items() if key in last), "weet ik niet"))
    raise AssertionError(f"no suggestions; the bot said: {page.locator('.lk-msg-bot').last.inner_text()}")


def test_funding_suggestions_are_compact_cards_with_meer_uitleg(stack, browser):
    page = open_chat(stack, browser, "mark")
    ask_for_funding(page, "welke subsidies passen bij een gemeente?")
    cards = page.locator(".lk-card")
    assert 1 <= cards.count() <= 3
    first = cards.first
    title = first.locator(".lk-card-title").inner_text()
    labels = first.locator("dt").all_inner_texts()
    assert title and labels[0] == "Waarom" and labels[-2:] == ["Aanvragen", "Bron"]
    assert all(v.strip() for v in first.locator("dd").all_inner_texts())
    assert "Waarom:" not in first.inner_text()  # the card, not the plain text version
    more = first.get_by_role("button", name=re.compile("^Meer uitleg"))
    assert more.count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "widget-funding-cards.png"))
    more.click()
    wait_for_bot_text(page, "Aanvragen: ")  # 'meer uitleg' as text (the card has no colons)
    page.get_by_role("button", name=re.compile("^Voorwaarden van")).last.click()
    wait_for_bot_text(page, "Bronnen:")
    assert page.locator(".lk-msg-bot").last.locator("ul.lk-list > li").count() >= 1
    page.reload()  # the history shows the cards again
    page.locator(".lk-card").first.wait_for(timeout=30_000)
    assert page.locator(".lk-card .lk-card-title").first.inner_text() == title
    page.close()


def test_funding_cards_on_a_phone(stack, browser):
    page = open_chat(stack, browser, "sanne", 390, 780)
    ask_for_funding(page, "welke subsidies zijn er voor kunsteducatie?")
    card = page.locator(".lk-card").first.bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "widget-funding-cards-phone.png"))
    page.close()


def test_a_typing_indicator_shows_while_the_bot_works(stack, browser):
    page = open_chat(stack, browser, "eva")
    page.evaluate(TYPING)
    say(page, "wat is een POP?")
    seen = page.evaluate("window.__typing")
    assert "Leerkoers typt…" in seen, seen
    assert page.locator(".lk-typing").inner_text() == ""  # gone once the answer is there
    assert page.locator(".lk-typing").get_attribute("aria-live") == "polite"
    page.close()


# ------------------------------------------------------------------ a client speaking RasaHQ's widget protocol

SECOND_CLIENT = """({url, token, sessionId}) => new Promise((resolve) => {
  // the rules of @rasahq/chat-widget-sdk's determineMessageType, in its order
  window.kindOf = (m) => {
    if (m?.attachment?.type === 'image') return 'image';
    if (m?.type === 'accordion') return 'accordion';
    if (m?.type === 'carousel') return 'carousel';
    if (m?.quick_replies?.length > 0) return 'quickReply';
    if (m?.type === 'file_download') return 'fileDownload';
    if (m?.type === 'video') return 'video';
    if (m?.type === 'csat') return 'csat';
    if (m?.text && m.type === undefined) return 'text';
    if (m?.type === 'rating') return 'rating';
    return null;
  };
  window.second = {events: [], confirmed: false, errors: []};
  const opts = {autoConnect: false, reconnectionDelay: 4000, reconnectionDelayMax: 4000};
  if (token) opts.auth = {token};
  const socket = io(url, opts);
  window.second.socket = socket;
  socket.on('connect', () => socket.emit('session_request', {session_id: sessionId}));
  socket.on('session_confirm', () => { window.second.confirmed = true; resolve('confirmed'); });
  socket.on('bot_uttered', (m) => window.second.events.push({kind: window.kindOf(m), message: m}));
  socket.on('connect_error', (e) => { window.second.errors.push(e.message); resolve('refused'); });
  socket.connect();
})"""


def second_say(page, message, session_id, quiet=1.5, timeout=60):
    before = page.evaluate("window.second.events.length")
    page.evaluate("([m, s]) => window.second.socket.emit('user_uttered', {message: m, session_id: s})",
                  [message, session_id])
    deadline, last, count = time.monotonic() + timeout, time.monotonic(), before
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = page.evaluate("window.second.events.length")
        if now != count:
            count, last = now, time.monotonic()
        elif count > before and time.monotonic() - last > quiet:
            break
    return page.evaluate(f"window.second.events.slice({before})")


def test_a_client_speaking_the_rasahq_widget_protocol_completes_a_conversation(stack, browser):
    servers, demo = stack
    page = browser.new_page()
    page.goto(demo.url + "?user=eva")  # the intranet page; its own widget stays closed
    page.wait_for_function("typeof window.io === 'function'")
    person = "rasa-widget-gebruiker"
    token = tok(person, role="manager", name="Rik", org="Gemeente Zeist")
    assert page.evaluate(SECOND_CLIENT, {"url": servers.rasa_url, "token": "onzin", "sessionId": "x"}) == "refused"
    page.evaluate("window.second.socket.disconnect()")
    # the session id the client makes up is ignored: who someone is comes from the token
    session_id = "iemand-anders"
    assert page.evaluate(SECOND_CLIENT, {"url": servers.rasa_url, "token": token, "sessionId": session_id}) \
        == "confirmed", page.evaluate("window.second.errors")

    greeting = second_say(page, "/groet", session_id)
    assert greeting and all(e["kind"] for e in greeting), greeting
    replies = [r for e in greeting for r in e["message"].get("quick_replies", [])]
    assert replies and all(r["content_type"] == "text" and r["title"] and r["payload"] for r in replies)
    # the person taps "Subsidies zoeken" and then answers every question with a quick reply, as in that widget
    funding = second_say(page, next(r["payload"] for r in replies if r["title"] == "Subsidies zoeken"), session_id)
    for _ in range(4):
        assert funding and all(e["kind"] for e in funding), funding
        if any(e["message"].get("card") for e in funding):
            break
        options = funding[-1]["message"].get("quick_replies") or []
        assert options, funding[-1]
        wanted = next((a for k, a in FOLLOW_UP.items() if k in funding[-1]["message"]["text"]), None)
        pick = next((o for o in options if o["payload"] == wanted), options[-1])
        funding = second_say(page, pick["payload"], session_id)
    cards = [e for e in funding if e["message"].get("card")]
    assert cards and all(e["kind"] == "quickReply" and e["message"]["text"] for e in cards)  # text for this widget

    data = second_say(page, "welke gegevens heb je van mij?", session_id)
    assert all(e["kind"] for e in data), data
    files = [e["message"] for e in data if e["kind"] == "fileDownload"]
    assert files and files[0]["file_name"] == "Al mijn gegevens in één bestand"
    assert requests.get(files[0]["file_url"], timeout=30).json()["person_id"] == person
    assert not any("http" in (e["message"].get("text") or "") for e in data)
    page.evaluate("window.second.socket.disconnect()")
    page.close()


REST_CLIENT = """async ({url, token, message}) => {
  // @rasahq/chat-widget-sdk's HTTPConnection (rest-enabled): no Content-Type, the token as a Bearer header
  const headers = new Headers();
  headers.append('Authorization', 'Bearer ' + token);
  const r = await fetch(url + '/webhooks/rest/webhook',
                        {method: 'POST', headers, body: JSON.stringify({sender: 'iemand-anders', message})});
  if (!r.ok) return {status: r.status, events: []};
  const custom = ['carousel', 'video', 'accordion', 'file_download', 'rating', 'csat'];
  const normal = (m) => {
    if (m.buttons !== undefined) return {text: m.text, quick_replies: m.buttons.map(
      (b) => ({content_type: 'text', payload: b.payload, title: b.title}))};
    if (m.custom !== undefined && custom.includes(m.custom.type)) return m.custom;
    if (m.image !== undefined) return {attachment: {payload: {alt: '', src: m.image}, type: 'image'}};
    if (m.text !== undefined) return {text: m.text};
    return m;
  };
  return {status: 200, events: (await r.json()).map(normal).map((m) => ({kind: window.kindOf(m), message: m}))};
}"""


def test_the_rasahq_widget_protocol_over_rest_too(stack, browser):
    """RasaHQ's widget with `rest-enabled`: the REST webhook with a Bearer token, every reply one it can show."""
    servers, demo = stack
    page = browser.new_page()
    page.goto(demo.url + "?user=eva")
    page.wait_for_function("typeof window.io === 'function'")
    page.evaluate(SECOND_CLIENT, {"url": servers.rasa_url, "token": "onzin", "sessionId": "x"})  # kindOf
    person = "rasa-widget-rest"
    token = tok(person, role="manager", name="Roos", org="Gemeente Zeist")

    def rest(message):
        reply = page.evaluate(REST_CLIENT, {"url": servers.rasa_url, "token": token, "message": message})
        assert reply["status"] == 200 and reply["events"], reply
        assert all(e["kind"] for e in reply["events"]), reply["events"]
        return reply["events"]

    assert page.evaluate(REST_CLIENT, {"url": servers.rasa_url, "token": "onzin", "message": "hoi"})["status"] == 401
    assert any(e["kind"] == "quickReply" for e in rest("/groet"))
    funding = rest("/subsidie_zoeken")
    for _ in range(4):
        if any("Waarom" in (e["message"].get("text") or "") for e in funding):
            break
        options = funding[-1]["message"].get("quick_replies") or []
        wanted = next((a for k, a in FOLLOW_UP.items() if k in (funding[-1]["message"].get("text") or "")), None)
        funding = rest(next((o["payload"] for o in options if o["payload"] == wanted),
                            wanted or (options[0]["payload"] if options else "weet ik niet")))
    assert any(e["kind"] == "quickReply" and "Waarom" in e["message"]["text"] for e in funding), funding
    files = [e["message"] for e in rest("welke gegevens heb je van mij?") if e["kind"] == "fileDownload"]
    assert files and requests.get(files[0]["file_url"], timeout=30).json()["person_id"] == person
    page.close()
