"""Fixtures of the end-to-end tests: the real Rasa and action servers, once per test module that asks for them
(tests/e2e/test_e2e.py, test_e2e_context.py, test_e2e_trust.py; a module with servers of its own defines its own
``servers``)."""

from __future__ import annotations

import pytest

from bot.storage import db
from ops import processes
from tests.e2e.rest import server_settings


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp("e2e")
    settings = server_settings(tmp, mp)
    with open(tmp / "servers.log", "w") as log, processes.running(settings, log=log) as srv:
        yield srv
    mp.undo()
    db.dispose_all()
