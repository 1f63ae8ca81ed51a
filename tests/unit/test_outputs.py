"""What the channels send for one bot message (rasa_addons/outputs.py): one event per card, downloads in the
shape of Rasa's socket.io protocol, and nothing that RasaHQ's widget cannot show."""

from __future__ import annotations

import asyncio

from rasa_addons.outputs import RestOutput, WidgetOutput, card_of

CARD = {"type": "card", "title": "SLIM-regeling", "fields": [["Waarom", "Voor het mkb."], ["Aanvragen", "Nu."]]}
BUTTON = {"title": "Meer uitleg: SLIM-regeling", "payload": '/regeling_vraag{"regeling": "slim"}'}


class Recorder(WidgetOutput):
    def __init__(self) -> None:
        super().__init__(None, "bot_uttered")
        self.events: list[dict] = []

    async def _send_message(self, socket_id, response) -> None:  # the emit itself is tested over a real server
        self.sent += 1
        self.events.append(response)


def widget_events(message: dict) -> list[dict]:
    out = Recorder()
    asyncio.run(out.send_response("p1", message))
    assert out.sent == len(out.events)
    return out.events


def test_a_card_is_one_event_with_its_text_buttons_and_card():
    events = widget_events({"text": "SLIM-regeling\nWaarom: Voor het mkb.", "buttons": [BUTTON], "custom": CARD})
    assert events == [{"text": "SLIM-regeling\nWaarom: Voor het mkb.", "card": CARD,
                       "quick_replies": [{"content_type": "text", **BUTTON}]}]


def test_downloads_are_file_download_events_after_the_text():
    events = widget_events({"text": "Hier is je POP.", "attachment": {"type": "downloads", "files": [
        {"label": "PDF", "url": "https://x/bestand/a"}, {"label": "Word", "url": "https://x/bestand/b"},
        {"label": 3, "url": "https://x/bestand/c"}]}})
    assert events == [{"text": "Hier is je POP."},
                      {"type": "file_download", "file_url": "https://x/bestand/a", "file_name": "PDF"},
                      {"type": "file_download", "file_url": "https://x/bestand/b", "file_name": "Word"}]


def test_unknown_custom_json_is_not_emitted_as_keyword_arguments():
    assert widget_events({"text": "Hallo", "custom": {"type": "iets", "room": "someone-else"}}) == [{"text": "Hallo"}]


def test_a_malformed_card_is_shown_as_text():
    for bad in ({"type": "card", "title": 1, "fields": []}, {"type": "card", "title": "x", "fields": [["a"]]},
                {"type": "card", "title": "x", "fields": "<b>"}):
        assert card_of({"custom": bad}) is None
        assert widget_events({"text": "Tekst", "custom": bad}) == [{"text": "Tekst"}]


def test_rest_downloads_are_file_download_messages():
    out = RestOutput()
    asyncio.run(out.send_response("p1", {"text": "Hier is je POP.", "attachment": {"type": "downloads", "files": [
        {"label": "PDF", "url": "https://x/bestand/a"}]}}))
    assert out.messages == [{"recipient_id": "p1", "text": "Hier is je POP."},
                            {"recipient_id": "p1", "custom": {"type": "file_download", "file_url": "https://x/bestand/a",
                                                              "file_name": "PDF"}}]


def test_rest_keeps_a_card_as_one_message():
    out = RestOutput()
    asyncio.run(out.send_response("p1", {"text": "SLIM", "buttons": [BUTTON], "custom": CARD}))
    asyncio.run(out.send_response("p1", {"text": "Klaar."}))
    assert out.messages == [{"recipient_id": "p1", "text": "SLIM", "custom": CARD, "buttons": [BUTTON]},
                            {"recipient_id": "p1", "text": "Klaar."}]


def test_a_link_to_another_persons_pop_says_it_needs_the_viewers_token():
    """Issue 29, item 2: our widget fetches such a link with the token; other clients ignore the field."""
    events = widget_events({"text": "De POP van Eva.", "attachment": {"type": "downloads", "files": [
        {"label": "POP van Eva", "url": "https://x/bestand/a", "needs_token": True}]}})
    assert events[1] == {"type": "file_download", "file_url": "https://x/bestand/a", "file_name": "POP van Eva",
                         "needs_token": True}


class PlainRecorder(WidgetOutput):
    """A plain client's output (rasa-webchat): what reaches the socket after the turn's flush."""

    def __init__(self) -> None:
        super().__init__(None, "bot_uttered", plain=True)
        self.emitted: list[dict] = []


def plain_turn(*messages: dict) -> list[dict]:
    out = PlainRecorder()

    async def turn() -> None:
        from rasa.core.channels.socketio import SocketIOOutput

        async def emit(self, socket_id, response):  # what SocketIOOutput would emit
            self.emitted.append(response)

        original = SocketIOOutput._send_message
        SocketIOOutput._send_message = emit
        try:
            for message in messages:
                await out.send_response("p1", message)
            assert out.emitted == []  # held until the turn is complete
            await out.flush()
        finally:
            SocketIOOutput._send_message = original

    asyncio.run(turn())
    return out.emitted


def test_a_plain_client_gets_cards_as_text_and_every_button_under_the_last_message():
    other = {"title": "Meer uitleg: STAP", "payload": '/regeling_vraag{"regeling": "stap"}'}
    events = plain_turn({"text": "Deze passen:"},
                        {"text": "SLIM-regeling Waarom: Voor het mkb.", "buttons": [BUTTON], "custom": CARD},
                        {"text": "STAP", "buttons": [other], "custom": {**CARD, "title": "STAP"}},
                        {"text": "Kijk altijd op de pagina van de regeling."})
    assert events[0] == {"text": "Deze passen:"}
    assert events[1] == {"text": "**SLIM-regeling**\n\n- Waarom: Voor het mkb.\n- Aanvragen: Nu."}
    assert events[3] == {"text": "Kijk altijd op de pagina van de regeling.",
                         "quick_replies": [{"content_type": "text", **BUTTON}, {"content_type": "text", **other}]}
    assert all(set(e) <= {"text", "quick_replies"} for e in events)  # the shapes rasa-webchat shows


def test_a_plain_client_gets_downloads_as_links_and_says_which_need_our_widget():
    events = plain_turn({"text": "Hier is je POP.", "attachment": {"type": "downloads", "files": [
        {"label": "PDF", "url": "https://x/bestand/a"},
        {"label": "Jaarplan", "url": "https://x/bestand/b", "needs_token": True}]}})
    assert events[:2] == [{"text": "Hier is je POP."}, {"text": "[PDF](https://x/bestand/a)"}]
    assert "opent alleen in de chat van Leerkoers" in events[2]["text"] and "https://x" not in events[2]["text"]


def test_a_plain_client_shows_someones_words_as_words_and_no_script_link():
    """Issue 43, L3: rasa-webchat rendered a speerpunt's markdown link with a javascript: address as a link."""
    from bot.dutch.formatting import quoted

    [event] = plain_turn({"text": "Welk speerpunt past? " + quoted("[Lees meer](javascript:alert(1)) **nu**")
                          + " of [klik](javascript:alert(2))"})
    assert "\\[Lees meer\\]\\(javascript:alert\\(1\\)\\) \\*\\*nu\\*\\*" in event["text"]
    assert "(javascript:" not in event["text"].replace("\\(javascript:", "")
