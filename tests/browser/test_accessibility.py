"""The widget measured against WCAG 2.1 A and AA with axe-core, and its phone layout (issue 19).

axe-core comes from npm, pinned by widget/package-lock.json (`make widget` installs it). Every state a user can
see is checked: closed, open with buttons, a long conversation, a download, on desktop and phone sizes.
"""

from __future__ import annotations

import json

import pytest
import requests

from tests.browser.widget_helpers import ARTIFACTS, axe_violations, bot_texts, say, wait_for_bot_text

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.mark.parametrize("width,height,user", [(1280, 860, "mark"), (390, 780, "sanne")])
def test_every_state_has_no_wcag_a_or_aa_violations(stack, browser, width, height, user):
    _, demo = stack
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(demo.url + f"?user={user}")
    assert axe_violations(page) == [], "gesloten"
    page.get_by_role("button", name="Chat met Leerkoers").click()
    wait_for_bot_text(page, "Waar wil je mee beginnen?")
    assert page.get_by_role("group", name="Keuzes").count() >= 1
    assert axe_violations(page) == [], "open, met knoppen"
    say(page, "welke gegevens heb je van mij?")
    page.get_by_role("link", name="Al mijn gegevens in één bestand").wait_for(timeout=60_000)
    assert axe_violations(page) == [], "met een download"
    for text in ("wat is een POP?", "wat is een opleidingsjaarplan?", "hoi", "help", "🙂", "<b>vet</b>",
                 "welke subsidies passen?", "stop"):
        say(page, text)
    assert page.locator(".lk-msg").count() > 15
    assert axe_violations(page) == [], "lang gesprek"
    page.screenshot(path=str(ARTIFACTS / f"widget-axe-{width}.png"))
    page.close()


OVERLAPS = """() => {
  const seen = [...document.querySelectorAll('.lk-root button, .lk-root input, .lk-root a')]
    .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
    .filter(e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden')
    .map(e => [e.className || e.id, e.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0);
  const out = [];
  for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++) {
    const [a, r] = seen[i], [b, q] = seen[j];
    if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) out.push(a + ' / ' + b);
  }
  return out;
}"""


@pytest.mark.parametrize("width,height", [(320, 640), (375, 740), (390, 780), (430, 900)])
def test_phone_layout_nothing_overlaps(stack, browser, width, height):
    """Issue 19: on a phone the open panel's launcher covered the send button."""
    _, demo = stack
    page = browser.new_page(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True)
    page.goto(demo.url + "?user=eva")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    wait_for_bot_text(page, "Waar wil je mee beginnen?")
    assert page.locator(".lk-launcher").is_hidden()  # the panel has its own close button
    box = page.locator(".lk-panel").bounding_box()
    assert (box["x"], box["y"], box["width"], round(box["height"])) == (0, 0, width, height)
    assert page.evaluate(OVERLAPS) == []
    send = page.get_by_role("button", name="Verstuur").bounding_box()
    assert send["x"] + send["width"] <= width and send["y"] + send["height"] <= height
    if width == 390:
        page.screenshot(path=str(ARTIFACTS / "widget-phone-390.png"))
    page.get_by_role("button", name="Chat sluiten").click()
    assert page.locator(".lk-launcher").is_visible() and page.evaluate(OVERLAPS) == []
    page.close()


def test_downloads_are_labelled_buttons_not_addresses(stack, browser):
    """Issue 18/19: a download arrives as labelled buttons from a structured attachment, not as a raw address."""
    _, demo = stack
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.goto(demo.url + "?user=eva")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    wait_for_bot_text(page, "Waar wil je mee beginnen?")
    page.get_by_label("Je bericht aan Leerkoers").fill("welke gegevens heb je van mij?")
    page.keyboard.press("Enter")
    button = page.get_by_role("link", name="Al mijn gegevens in één bestand")
    button.wait_for(timeout=60_000)
    assert page.get_by_role("group", name="Bestanden om te downloaden").count() >= 1
    assert not any("http" in t for t in bot_texts(page))
    href = button.get_attribute("href")
    assert href.startswith("http") and "/bestand/" in href
    assert requests.get(href, timeout=30).json()["person_id"].endswith("eva")  # the demo intranet's id
    button.focus()
    assert page.evaluate("document.activeElement.textContent") == "Al mijn gegevens in één bestand"
    page.screenshot(path=str(ARTIFACTS / "widget-download.png"))
    page.close()


CUSTOM_COLOUR = """(colors) => {
  let value;
  Object.defineProperty(window, 'LeerkoersConfig', {configurable: true, get: () => value,
    set: (v) => { value = Object.assign({}, v, {colors: colors}); }});
}"""


@pytest.mark.parametrize("colors,accepted", [
    ({"primary": "#0b5d3b"}, True),  # dark green on white: 7.6:1
    ({"primary": "#f5c518"}, False),  # yellow: white text on it is unreadable
    ({"primary": "#14527a", "onPrimary": "#1b1b1b"}, False),  # dark text on the dark primary
    ({"primary": "rood"}, False),
])
def test_a_custom_colour_without_enough_contrast_is_refused(stack, browser, colors, accepted):
    _, demo = stack
    page = browser.new_page()
    warnings = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.add_init_script(f"({CUSTOM_COLOUR})({json.dumps(colors)})")
    page.goto(demo.url + "?user=eva")
    page.wait_for_selector(".lk-launcher")
    primary = page.evaluate("getComputedStyle(document.querySelector('.lk-root')).getPropertyValue('--lk-primary')")
    assert primary.strip() == (colors["primary"] if accepted else "#14527a")
    assert any("te weinig contrast" in w for w in warnings) is not accepted
    page.close()


def test_zoom_to_200_percent_loses_nothing(stack, browser):
    """WCAG 1.4.4 and 1.4.10: a 1280 px screen at 200 % is 640 CSS pixels wide; everything still fits."""
    _, demo = stack
    page = browser.new_page(viewport={"width": 640, "height": 430}, reduced_motion="reduce")
    page.goto(demo.url + "?user=eva")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    wait_for_bot_text(page, "Waar wil je mee beginnen?")
    for name in ("Verstuur", "Chat sluiten"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 640 and box["y"] + box["height"] <= 430, name
    assert page.evaluate("document.documentElement.scrollWidth") <= 640  # no sideways scrolling
    assert page.evaluate(OVERLAPS) == []
    assert page.evaluate("getComputedStyle(document.querySelector('.lk-msg')).transitionDuration") in ("0s", "")
    page.close()


def test_keyboard_only_choose_a_button_and_follow_a_download(stack, browser):
    _, demo = stack
    page = browser.new_page()
    page.goto(demo.url + "?user=mark")
    page.get_by_role("button", name="Chat met Leerkoers").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "lk-input"
    page.locator(".lk-msg-bot").first.wait_for(timeout=60_000)
    say(page, "hallo")  # the greeting with its choices is the latest message
    page.locator(".lk-msg-bot").last.get_by_role("button").first.wait_for(timeout=60_000)
    for _ in range(20):  # Tab and Shift+Tab reach the choice buttons in the log
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.className") == "lk-choice":
            break
    assert page.evaluate("document.activeElement.className") == "lk-choice"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.lk-msg-user').length >= 1")
    page.get_by_label("Je bericht aan Leerkoers").focus()
    page.keyboard.type("stop")
    page.keyboard.press("Enter")
    page.keyboard.type("welke gegevens heb je van mij?")
    page.keyboard.press("Enter")
    link = page.get_by_role("link", name="Al mijn gegevens in één bestand")
    link.wait_for(timeout=60_000)
    link.focus()
    with page.context.expect_event("request", lambda r: "/bestand/" in r.url) as fetched:  # Enter fetches the file
        page.keyboard.press("Enter")
    assert fetched.value.url == link.get_attribute("href")
    page.keyboard.press("Escape")
    assert page.locator(".lk-panel").is_hidden()
    assert page.evaluate("document.activeElement.className") == "lk-launcher"
    page.close()


def test_lists_and_bold_are_rendered_safely(stack, browser):
    """Issue 19: the bot's lists ("- ...") become real lists, built with DOM nodes; what a person types stays text."""
    _, demo = stack
    page = browser.new_page()
    page.goto(demo.url + "?user=sanne")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    page.locator(".lk-msg-bot").first.wait_for(timeout=60_000)
    say(page, "**vet?**\n- <img src=x onerror=alert(1)>")
    say(page, "wat is SLIM?")
    page.get_by_role("button", name="Voorwaarden van SLIM-regeling").click()
    wait_for_bot_text(page, "Voorwaarden van SLIM-regeling:")
    items = page.locator(".lk-msg-bot").last.locator("ul.lk-list > li")
    assert items.count() >= 2 and "Bronnen:" in page.locator(".lk-msg-bot").last.inner_text()
    mine = page.locator(".lk-msg-user", has_text="**vet?**")
    assert mine.locator("strong, ul, img").count() == 0 and "**vet?**" in mine.inner_text()
    assert axe_violations(page) == []
    page.close()
