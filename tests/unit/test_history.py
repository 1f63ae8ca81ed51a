"""The widget's history (rasa_addons/intranet.conversation): what a reloaded widget shows."""

from __future__ import annotations

from rasa.shared.core.events import BotUttered, UserUttered

from rasa_addons.intranet import conversation


def test_download_buttons_are_not_shown_again_as_empty_bubbles():
    events = [UserUttered("welke gegevens heb je van mij?"),
              BotUttered("Dit bewaar ik van jou.", {"buttons": []}),
              BotUttered(None, {"attachment": {"type": "downloads",
                                               "files": [{"label": "PDF", "url": "http://x/bestand/abc"}]}}),
              BotUttered("Wil je verder?", {"buttons": [{"title": "Ja", "payload": "/bevestigen"}]}),
              UserUttered("/bevestigen")]
    shown = conversation(events)
    assert [m["text"] for m in shown] == ["welke gegevens heb je van mij?", "Dit bewaar ik van jou.",
                                          "Wil je verder?", "Ja"]
    assert all("bestand" not in m["text"] for m in shown)
