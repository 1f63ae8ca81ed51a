"""The widget's history (rasa_addons/channel_common.conversation): what a reloaded widget shows."""

from __future__ import annotations

from rasa.shared.core.events import BotUttered, UserUttered

from rasa_addons.channel_common import conversation


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


def test_a_funding_card_comes_back_as_a_card_with_its_button():
    card = {"type": "card", "title": "SLIM-regeling", "fields": [["Waarom", "Voor het mkb."], ["Aanvragen", "Nu."]]}
    button = {"title": "Meer uitleg: SLIM-regeling", "payload": '/regeling_vraag{"regeling": "slim"}'}
    events = [UserUttered("welke subsidies passen?"),
              BotUttered("SLIM-regeling\nWaarom: Voor het mkb.\nAanvragen: Nu.", {"buttons": [button], "custom": card}),
              BotUttered("Kijk altijd op de officiële pagina.", {"custom": {"type": "iets anders"}})]
    shown = conversation(events)
    assert shown[1]["card"] == card and shown[1]["buttons"] == [button]
    assert "card" not in shown[2]
