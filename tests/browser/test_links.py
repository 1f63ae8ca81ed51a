"""Issue 29, items 2 and 7, over the real servers with intranet tokens: a link is bound to the person it was made
for. Links to the overview, the organisation's documents and another person's POP open only with that person's own
token, with the role of that moment; a link to one's own document opens with the own token as often as needed and
without a token once. The widget fetches downloads with its token and saves them under their own name."""

from __future__ import annotations

import json

import pytest
import requests

from tests.browser.widget_helpers import say_in_widget
from tests.helpers import downloads
from tests.stack_helpers import post, tok

pytestmark = pytest.mark.e2e


def opened(link, token=None):
    return requests.get(link, timeout=30, headers={"Authorization": f"Bearer {token}"} if token else {})


def test_a_link_to_the_own_data_opens_with_the_own_token_and_without_a_token_once(stack):
    servers, _ = stack
    eva, olga = tok("lk-eva", name="Eva"), tok("lk-olga", name="Olga")
    [(_label, link)] = downloads(post(servers, eva, "welke gegevens heb je van mij?").json())
    assert [opened(link, eva).status_code for _ in range(2)] == [200, 200]
    refused = opened(link, olga)
    assert refused.status_code == 403 and "lk-eva" not in refused.text
    first = opened(link)
    assert first.status_code == 200 and first.json()["person_id"] == "lk-eva"
    again = opened(link)  # a forwarded link, used before: nothing
    assert again.status_code == 410 and "al gebruikt" in again.text and "lk-eva" not in again.text
    assert opened(link, eva).status_code == 200  # its person still opens it with her token


def test_organisation_links_need_the_token_and_the_role_it_says_now(stack):
    servers, _ = stack
    mark = tok("lk-mark", role="manager", org="Gemeente Lopik", name="Mark")
    reply = post(servers, mark, "laat het dashboard zien").json()
    [(_label, link)] = downloads(reply)
    assert any((m.get("custom") or {}).get("needs_token") is True for m in reply)  # the widget sends its token
    without = opened(link)
    assert without.status_code == 401 and "eigen aanmelding" in without.text and "Lopik" not in without.text
    assert opened(link, mark).status_code == 200 and "Gemeente Lopik" in opened(link, mark).text
    nora = tok("lk-nora", role="manager", org="Gemeente Lopik", name="Nora")
    assert opened(link, nora).status_code == 403
    demoted = tok("lk-mark", role="employee", org="Gemeente Lopik", name="Mark")  # the intranet changed his role
    refused = opened(link, demoted)
    assert refused.status_code == 403 and "Lopik" not in refused.text
    assert opened(link, mark).status_code == 200  # manager again: the link of a quarter of an hour works again


def test_the_widget_saves_a_file_it_fetched_with_its_token(stack, browser):
    servers, demo = stack
    eva = tok("lk-eva2", name="Eva Twee")
    page = say_in_widget(browser, demo, eva, "welke gegevens heb je van mij?", accept_downloads=True)
    button = page.get_by_role("link", name="Al mijn gegevens in één bestand")
    button.wait_for(timeout=60_000)
    with page.expect_download(timeout=30_000) as saved:
        button.click()
    assert saved.value.suggested_filename == "mijn-gegevens-leerkoers.json"
    assert json.loads(open(saved.value.path(), encoding="utf-8").read())["person_id"] == "lk-eva2"
    assert opened(button.get_attribute("href")).status_code == 200  # the widget's own fetch did not use it up
    page.close()
