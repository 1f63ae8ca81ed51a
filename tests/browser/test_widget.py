"""The intranet set-up: tokens on, the real servers, the demo page with the widget in headless Chromium."""

from __future__ import annotations

import threading
import time

import pytest
import requests
import socketio
from sqlalchemy import select

from bot import identity
from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, Person, Pop
from tests.browser.widget_helpers import ARTIFACTS, bot_texts, say_in_widget, wait_for_bot_text
from tests.helpers import downloads
from tests.stack_helpers import post, texts, tok

pytestmark = pytest.mark.e2e


# ------------------------------------------------------------------------------------------ tokens over REST

def test_greeting_and_help_fit_the_role_in_the_token(stack):
    """Issue 17, item 4, over the real servers: the role comes from the token, not from what is typed."""
    servers, _ = stack

    def buttons(response):
        return {b["payload"] for m in response.json() for b in m.get("buttons", [])}

    employee = tok("gids-eva", role="employee")
    greeting = post(servers, employee, "hallo")
    assert "POP-gesprek" in " ".join(texts(greeting))
    assert "/start_pop" in buttons(greeting) and "/start_jaarplan" not in buttons(greeting)
    assert "/gedeelde_pops" not in buttons(post(servers, employee, "/help"))
    manager = tok("gids-mark", role="manager")
    assert {"/start_strategie", "/start_jaarplan"} <= buttons(post(servers, manager, "hallo"))
    assert {"/gedeelde_pops", "/overzicht_bekijken"} <= buttons(post(servers, manager, "/help"))


@pytest.mark.parametrize("case", ["missing", "expired", "wrong signature", "wrong audience"])
def test_bad_tokens_are_refused_and_nothing_is_stored(stack, case):
    servers, _ = stack
    token = {
        "missing": None,
        "expired": tok("intruder", ttl_seconds=-3600),
        "wrong signature": identity.mint("intruder", "X", "employee", None, key="een-ander-geheim-0123456789abcdef"),
        "wrong audience": tok("intruder", audience="iets-anders"),
    }[case]
    response = post(servers, token, "/start_pop", sender="intruder")
    assert response.status_code == 401
    assert "aangemeld" in response.json()["error"] or "niet geldig" in response.json()["error"] \
        or "verlopen" in response.json()["error"]
    with session_scope(servers.settings.database_url) as s:
        assert s.get(Person, "intruder") is None


def test_the_client_cannot_choose_whose_conversation_it_is(stack):
    servers, _ = stack
    anna = tok("anna")
    assert post(servers, anna, "/start_pop").status_code == 200
    replies = texts(post(servers, anna, "jurist"))
    assert replies[-1] == "In welk team of op welke afdeling werk je?"
    # Bram tries to write into Anna's conversation by sending her id as sender
    bram = tok("bram")
    replies = texts(post(servers, bram, "wat heb ik ingevuld?", sender="anna"))
    assert not any("jurist" in t for t in replies)
    with session_scope(servers.settings.database_url) as s:
        anna_log = [a.text for a in s.execute(select(AnswerLog).where(AnswerLog.person_id == "anna")).scalars()]
        assert anna_log == ["jurist"]
        assert s.get(Person, "anna").organisation.name == "Gemeente Zeist"  # from the token, not asked
    # Bram's history endpoint shows only Bram's messages
    history = requests.get(servers.rasa_url + "/webhooks/socketio/history",
                           headers={"Authorization": f"Bearer {bram}"}, timeout=30).json()
    assert not any("jurist" in m["text"] for m in history["messages"])
    assert requests.get(servers.rasa_url + "/webhooks/socketio/history", timeout=30).status_code == 401


def test_employees_cannot_open_the_organisation_plans(stack):
    servers, _ = stack
    replies = texts(post(servers, tok("emp1"), "/start_strategie"))
    assert any("leidinggevenden en HR-adviseurs" in t for t in replies)
    replies = texts(post(servers, tok("mgr1", role="manager"), "/start_strategie"))
    assert any("strategisch opleidingsbeleid" in t for t in replies)


def test_pop_is_visible_to_the_manager_only_when_shared(stack):
    servers, _ = stack
    eva, mark = tok("eva2", name="Eva", manager_id="mark2"), tok("mark2", role="manager", name="Mark")
    other = tok("olga2", role="manager", name="Olga")
    sanne = tok("sanne2", role="hr", org="Kunstencentrum De Vonk", name="Sanne")
    post(servers, eva, "/start_pop")
    post(servers, eva, "beleidsmedewerker")
    post(servers, eva, "stop")
    assert any("nog geen POP" in t for t in texts(post(servers, mark, "welke pops zijn met mij gedeeld?")))
    assert any("leidinggevenden en HR" in t for t in texts(post(servers, tok("emp3"), "/gedeelde_pops")))
    assert any("je eigen leidinggevende, en voor niemand anders" in t for t in texts(post(servers, eva, "/pop_delen")))
    replies = post(servers, mark, "/gedeelde_pops").json()
    shown = " ".join(r.get("text", "") for r in replies)
    assert "De POP van Eva" in shown and "beleidsmedewerker" not in shown  # a button, not the text in the chat
    [(label, link)] = downloads(replies)
    assert label == "POP van Eva"
    def opened_by(token):
        return requests.get(link, timeout=30, headers={"Authorization": f"Bearer {token}"} if token else {})

    page = opened_by(mark)
    assert page.status_code == 200 and "beleidsmedewerker" in page.text
    # issue 29, item 2: the link is bound to the manager it was made for; a forwarded link shows nothing
    for stranger in (None, other, eva):
        refused = opened_by(stranger)
        assert refused.status_code in (401, 403) and "beleidsmedewerker" not in refused.text, stranger
    assert "eigen aanmelding" in opened_by(None).text
    for viewer in (other, sanne):
        assert "van Eva" not in " ".join(texts(post(servers, viewer, "/gedeelde_pops")))
    post(servers, eva, "/pop_niet_delen")
    assert opened_by(mark).status_code == 403  # the link stops working at once
    assert "van Eva" not in " ".join(texts(post(servers, mark, "/gedeelde_pops")))
    with session_scope(servers.settings.database_url) as s:
        assert s.execute(select(Pop).where(Pop.person_id == "eva2")).scalar_one().shared_with_manager is False


def test_socketio_refuses_a_connection_without_a_valid_token(stack):
    servers, _ = stack
    for auth in ({}, {"token": "onzin"}, {"token": tok("x", ttl_seconds=-100)}):
        client = socketio.Client(reconnection=False)
        refused, accepted = threading.Event(), threading.Event()
        client.on("connect_error", lambda *data, done=refused: done.set())
        client.on("connect", accepted.set)
        # not waiting inside connect(): after a refusal it closes the polling transport by waiting for the
        # long-poll under way to end (about 20 s each)
        client.connect(servers.rasa_url, auth=auth, transports=["polling"], wait=False)
        try:
            assert refused.wait(10) and not accepted.is_set() and not client.namespaces
        finally:
            client.eio.disconnect(abort=True)


def test_socketio_polling_answers_with_one_cors_origin(stack):
    """Rasa's --cors and engine.io both added the header: two values, which browsers refuse (issue 19, item 4)."""
    servers, _ = stack
    origin = "http://intranet.example"
    reply = requests.get(servers.rasa_url + "/socket.io/?EIO=4&transport=polling", headers={"Origin": origin},
                         timeout=10)
    assert reply.status_code == 200 and reply.text.startswith("0{")
    assert reply.headers["Access-Control-Allow-Origin"] == origin
    rest = requests.options(servers.webhook, headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
                            timeout=10)
    assert rest.headers.get("Access-Control-Allow-Origin") == origin  # the rest of the API keeps Rasa's CORS


class Chat:
    """A socket.io client as the widget is one: the token in `auth`, messages as user_uttered."""

    def __init__(self, servers, token) -> None:
        self.replies: list[str] = []
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", lambda data: self.replies.append(data.get("text", "")))
        self.client.connect(servers.rasa_url, auth={"token": token}, transports=["polling"],
                            socketio_path="socket.io", wait_timeout=10)

    def say(self, message: str, quiet: float = 1.5, timeout: float = 60) -> list[str]:
        before = len(self.replies)
        self.client.emit("user_uttered", {"message": message})
        deadline, last, count = time.monotonic() + timeout, time.monotonic(), before
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if len(self.replies) != count:
                count, last = len(self.replies), time.monotonic()
            elif count > before and time.monotonic() - last > quiet:
                break
        return self.replies[before:]

    def close(self) -> None:
        # without waiting for the long-poll under way to end (about 25 s each: most of this module's time)
        self.client.eio.disconnect(abort=True)


def test_a_socket_whose_token_expires_while_connected_is_closed(stack):
    servers, _ = stack
    # expired 25 s ago: still accepted for the 30 s of clock leeway, so it runs out during this test
    chat = Chat(servers, tok("kort", ttl_seconds=-25))
    try:
        assert any("POP" in t for t in chat.say("/start_pop"))
        time.sleep(6)
        replies = chat.say("jurist", quiet=1.0, timeout=20)
        assert any("verlopen" in t for t in replies)
        deadline = time.monotonic() + 10
        while chat.client.connected and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not chat.client.connected
    finally:
        chat.close()
    with session_scope(servers.settings.database_url) as s:  # the answer after expiry was not stored
        assert s.execute(select(AnswerLog).where(AnswerLog.person_id == "kort")).first() is None


def test_over_socketio_organisation_b_reaches_nothing_of_organisation_a(stack):
    servers, _ = stack
    a_manager = Chat(servers, tok("zeist-mgr", role="manager", name="Mark", org="Gemeente Zeist",
                                  organisation_id="gm-zeist"))
    b_manager = Chat(servers, tok("bunnik-mgr", role="manager", name="Bea", org="Gemeente Bunnik",
                                  organisation_id="gm-bunnik"))
    a_employee = Chat(servers, tok("zeist-emp", name="Eva", org="Gemeente Zeist", organisation_id="gm-zeist",
                                   manager_id="zeist-mgr"))
    try:
        answers = {"voor organisatie": "gemeente", "mensen werken": "300", "ondernemingsraad": "ja", "budget": "€ 77.777",
                   "jaar": "2031"}
        replies = a_manager.say("/start_jaarplan")
        for _ in range(8):
            question = replies[-1]
            answer = next((a for key, a in answers.items() if key in question), None)
            if answer is None:
                break
            replies = a_manager.say(answer)
        a_employee.say("/start_pop")
        a_employee.say("toezichthouder")
        a_employee.say("/pop_delen")
        # B's manager sees neither A's budget nor A's shared POP, and cannot claim A's organisation
        shown = " ".join(b_manager.say("/start_jaarplan") + b_manager.say("wat heb ik ingevuld?")
                         + b_manager.say("/gedeelde_pops") + b_manager.say("ik werk bij Gemeente Zeist"))
        assert "77.777" not in shown and "77777" not in shown and "Eva" not in shown
        assert "toezichthouder" not in shown
        with session_scope(servers.settings.database_url) as s:
            assert s.get(Person, "bunnik-mgr").organisation.external_id == "gm-bunnik"
        # what B could not see is there for A
        filled = " ".join(a_manager.say("wat heb ik ingevuld?"))
        assert "77.777" in filled, filled
        assert any("POP van Eva" in t for t in a_manager.say("/gedeelde_pops"))
    finally:
        for chat in (a_manager, b_manager, a_employee):
            chat.close()


# ------------------------------------------------------------------------------------------ the browser

def test_widget_in_a_real_browser(stack, browser):
    _, demo = stack
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(demo.url + "?user=eva")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    assert page.get_by_role("dialog", name="Leerkoers").is_visible()
    wait_for_bot_text(page, "Waar wil je mee beginnen?")
    page.get_by_role("button", name="POP voorbereiden").click()
    wait_for_bot_text(page, "Wat is je functie?")  # the organisation came from the token
    page.get_by_label("Je bericht aan Leerkoers").fill("beleidsadviseur")
    page.keyboard.press("Enter")
    wait_for_bot_text(page, "In welk team of op welke afdeling werk je?")

    page.reload()  # the widget opens again and shows the conversation so far
    page.wait_for_selector(".lk-msg-user")
    assert "beleidsadviseur" in " ".join(page.locator(".lk-msg-user").all_inner_texts())
    assert "In welk team" in bot_texts(page)[-1]
    page.get_by_label("Je bericht aan Leerkoers").fill("Team Sociaal Domein")
    page.keyboard.press("Enter")
    wait_for_bot_text(page, "Kijk eens terug op het afgelopen jaar")

    attack = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    page.get_by_label("Je bericht aan Leerkoers").fill(attack)
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.lk-msg-user').length >= 3")
    assert attack in page.locator(".lk-msg-user").last.inner_text()
    assert page.locator(".lk-log img, .lk-log script").count() == 0
    time.sleep(2)
    assert dialogs == []
    page.screenshot(path=str(ARTIFACTS / "widget-desktop.png"))
    page.set_viewport_size({"width": 375, "height": 740})
    box = page.locator(".lk-panel").bounding_box()
    assert box["width"] == 375  # full screen on a phone
    page.screenshot(path=str(ARTIFACTS / "widget-phone.png"))
    page.close()


def test_widget_with_keyboard_only(stack, browser):
    _, demo = stack
    page = browser.new_page()
    page.goto(demo.url + "?user=mark")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "lk-launcher":
            break
    assert page.evaluate("document.activeElement.className") == "lk-launcher"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "lk-input"
    assert page.get_by_role("log").count() == 1
    wait_for_bot_text(page, "Waar wil je mee beginnen?")
    page.keyboard.type("wat is een opleidingsjaarplan?")
    page.keyboard.press("Enter")
    wait_for_bot_text(page, "praktische plan voor één jaar")
    page.keyboard.press("Escape")
    assert page.locator(".lk-panel").is_hidden()
    assert page.evaluate("document.activeElement.className") == "lk-launcher"
    assert page.get_by_role("button", name="Chat met Leerkoers").get_attribute("aria-expanded") == "false"
    page.close()


def test_manager_overview_page_in_the_browser(stack, browser):
    servers, _ = stack
    mark = tok("ov-mark", role="manager", org="Gemeente Renswoude", name="Mark")
    post(servers, mark, "/start_strategie")
    for text in ("120", "nee", "Over drie jaar werken we digitaal en dicht bij de inwoners",
                 "Digitaal werken; Vitaliteit", "klaar", "Digitale vaardigheden en samenwerken",
                 "Leren helpt bij de omslag naar digitaal", "We bespreken het in het MT en de teams"):
        post(servers, mark, text)
    post(servers, mark, "/start_jaarplan")
    for text in ("2027", "€ 3.000", "Training digitaal", "Iedereen", "strategisch", "speerpunt 1",
                 "Iedereen kan digitaal werken", "training", "Q2", "Bureau", "alleen", "€ 3.500", "nee"):
        post(servers, mark, text)
    [(_label, link)] = downloads(post(servers, mark, "laat het dashboard zien").json())
    assert "leidinggevenden" in " ".join(texts(post(servers, tok("ov-eva", org="Gemeente Renswoude"),
                                                    "laat het dashboard zien")))
    page = browser.new_page(extra_http_headers={"Authorization": f"Bearer {mark}"})  # as the widget fetches it
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text().endswith("Gemeente Renswoude")
    assert page.locator("svg[role=img]").count() == 2
    assert "€ 500 boven het budget" in page.inner_text("main")
    assert "Vitaliteit" in page.inner_text("main")  # a speerpunt without an activity
    assert "Nog te weinig gedeelde POP" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    page.close()


def test_the_manager_opens_a_shared_pop_in_the_widget_with_the_own_token(stack, browser):
    """Issue 29, item 2: the widget fetches another person's POP with the viewer's token and shows it; the same
    link without that token shows nothing."""
    servers, demo = stack
    eva, mark = tok("eva4", name="Eva Vier", manager_id="mark4"), tok("mark4", role="manager", name="Mark")
    for message in ("/start_pop", "beleidsmedewerker", "stop", "/pop_delen"):
        post(servers, eva, message)
    page = say_in_widget(browser, demo, mark, "welke pops zijn met mij gedeeld?")
    button = page.get_by_role("link", name="POP van Eva Vier")
    button.wait_for(timeout=60_000)
    assert requests.get(button.get_attribute("href"), timeout=30).status_code == 401  # a forwarded link
    with page.expect_popup(timeout=30_000) as popup:
        button.click()
    shown = popup.value
    shown.wait_for_load_state()
    assert "beleidsmedewerker" in shown.content()
    page.close()
