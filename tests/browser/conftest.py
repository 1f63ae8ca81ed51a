"""Fixtures of the browser tests: headless Chromium, once per test module. The servers and the demo page come from
the ``stack`` fixture (tests/conftest.py)."""

from __future__ import annotations

import os

import pytest

from tests.browser.widget_helpers import CHROMIUM


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "Chromium is missing: run `make browser`"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield chromium
        chromium.close()
