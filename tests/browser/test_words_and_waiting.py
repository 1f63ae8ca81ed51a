"""In the widget, over the real servers with intranet tokens:
- someone else's words are shown as quoted plain text, never as the bot's own formatted message (issue 29, item 4):
  a manager's agreement text with a blank line, bold and a link reaches the employee as one quote, no new bubble,
  no bold, no link;
- a message typed before the connection is ready is kept and answered (it was dropped with "geen verbinding")."""

from __future__ import annotations

import json

import pytest

from tests.browser.widget_helpers import bot_texts
from tests.stack_helpers import answer_all, post, prepare_and_share_pop, texts, tok

pytestmark = pytest.mark.e2e

ORG = {"org": "Gemeente Zeist", "organisation_id": "gm0355"}
PHISHING = "Training\n\n**Let op:** je sessie is verlopen. Log opnieuw in via https://inloggen.example/x"

LATE_TOKEN = """(token) => {
  let value;
  Object.defineProperty(window, 'LeerkoersConfig', {configurable: true, get: () => value,
    set: (v) => { value = Object.assign({}, v, {token: undefined,
      getToken: () => new Promise((resolve) => setTimeout(() => resolve(token), 2500))}); }});
}"""


def _open(chromium, demo, token):
    page = chromium.new_page()
    page.add_init_script(f"({LATE_TOKEN})({json.dumps(token)})")
    page.goto(demo.url + "?user=eva")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    return page


def test_the_managers_words_reach_the_employee_as_a_plain_quote(stack, browser):
    servers, demo = stack
    eva = tok("quote-eva", name="Eva", manager_id="quote-mark", **ORG)
    mark = tok("quote-mark", role="manager", name="Mark", **ORG)
    prepare_and_share_pop(servers, eva, "quote-eva")
    post(servers, mark, "/start_popgesprek")
    answer_all(servers, mark, "quote-mark", "popgesprek", {
        "gesprek_medewerker": ["Eva"], "afspraak_besluit": ["afgesproken"], "afspraak_activiteit": [PHISHING],
        "afspraak_wanneer": ["in het voorjaar"], "afspraak_kosten": ["€ 100"], "afspraak_betaalt": ["de werkgever"]})
    rest = " ".join(texts(post(servers, eva, "welke afspraken hebben we gemaakt?")))
    assert "„Training **Let op:** je sessie is verlopen. Log opnieuw in via https://inloggen.example/x”" in rest

    page = _open(browser, demo, eva)
    page.get_by_label("Je bericht aan Leerkoers").fill("welke afspraken hebben we gemaakt?")
    page.keyboard.press("Enter")
    quote = page.locator(".lk-msg-bot q.lk-quote", has_text="je sessie is verlopen")
    quote.first.wait_for(timeout=60_000)
    assert quote.first.inner_text().startswith("Training **Let op:**")  # literally, as typed
    assert page.locator(".lk-msg-bot a[href*='inloggen.example']").count() == 0  # no link
    assert page.locator(".lk-msg-bot strong", has_text="Let op").count() == 0  # not the bot's bold
    assert not any(t.startswith(("Let op", "**Let op")) for t in bot_texts(page))  # no bubble of its own
    page.close()


def test_a_message_typed_before_the_connection_is_ready_is_answered(stack, browser):
    _, demo = stack
    page = _open(browser, demo, tok("vroeg-eva", name="Eva"))
    page.get_by_label("Je bericht aan Leerkoers").fill("wat is een opleidingsjaarplan?")  # the token comes later
    page.keyboard.press("Enter")
    page.locator(".lk-msg-bot", has_text="praktische plan voor één jaar").first.wait_for(timeout=60_000)
    assert page.locator(".lk-msg-user").count() == 1
    assert not any("geen verbinding" in t for t in page.locator(".lk-msg").all_inner_texts())
    page.close()


def test_the_widget_stops_at_the_servers_message_limit_and_says_why(stack, browser):
    """Issue 31, item 2: the field's limit is the server's (LEERKOERS_MAX_MESSAGE_LENGTH, 2.000), not 5000."""
    _, demo = stack
    page = _open(browser, demo, tok("lang-eva", name="Eva"))
    field = page.get_by_label("Je bericht aan Leerkoers")
    page.locator(".lk-msg-bot").first.wait_for(timeout=60_000)  # the session is confirmed: the limit is known
    assert field.get_attribute("maxlength") == "2000"
    field.fill("a" * 1999)
    field.press("End")
    field.type("bc")  # the field takes one more character, then stops
    assert len(field.input_value()) == 2000
    page.locator(".lk-msg-system", has_text="Ik kan berichten tot 2.000 tekens lezen").wait_for(timeout=5_000)
    page.close()
