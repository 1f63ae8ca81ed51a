"""The widget in the browser, shared by the tests of tests/browser: where screenshots go, the Chromium that the
``browser`` fixture (tests/browser/conftest.py) starts, what the bot shows on the page, a message typed into the
widget, and axe-core's WCAG check."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "widget" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def bot_texts(page):
    return page.locator(".lk-msg-bot").all_inner_texts()


def wait_for_bot_text(page, text, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(text in t for t in bot_texts(page)):
            return
        time.sleep(0.3)
    raise AssertionError(f"{text!r} not shown; bot said: {bot_texts(page)[-3:]}")


WITH_TOKEN = """(token) => {
  let value;
  Object.defineProperty(window, 'LeerkoersConfig', {configurable: true, get: () => value,
    set: (v) => { value = Object.assign({}, v, {token: token, getToken: undefined}); }});
}"""


def say_in_widget(browser, demo, token, message, **page_options):
    """Open the demo page's widget as the person of ``token`` and send ``message``; the page."""
    import json

    page = browser.new_page(**page_options)
    page.add_init_script(f"({WITH_TOKEN})({json.dumps(token)})")
    page.goto(demo.url + "?user=mark")
    page.get_by_role("button", name="Chat met Leerkoers").click()
    page.get_by_label("Je bericht aan Leerkoers").fill(message)
    page.keyboard.press("Enter")
    return page


# ------------------------------------------------------------------------------------------ axe-core

def axe_violations(page) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("""async (tags) => {
      const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
      return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""", WCAG)


def say(page, text):
    before = page.locator(".lk-msg-bot").count()
    page.get_by_label("Je bericht aan Leerkoers").fill(text)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.lk-msg-bot').length > {before}", timeout=60_000)
