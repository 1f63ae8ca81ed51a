"""rasa_addons/launcher.py: action responses validated with one validator; models loaded without a training step."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from rasa_addons import launcher as rasa_launcher


@pytest.fixture()
def patched(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    rasa_launcher.validate_action_responses_with_one_validator()
    return RemoteAction("validate_interview_form", None)


def test_valid_responses_pass_without_checking_the_schema_again(patched, monkeypatch):
    from jsonschema import validators

    def no_schema_check(*_args, **_kwargs):
        raise AssertionError("the schema was checked again")

    monkeypatch.setattr(validators.validator_for(RemoteAction.action_response_format_spec()), "check_schema",
                        no_schema_check)
    response = {"events": [{"event": "slot", "name": "interview_antwoord", "value": None}],
                "responses": [{"response": "utter_vraag_pop_functie", "buttons": []}]}
    assert patched._validate_action_result(response) is True


@pytest.mark.parametrize("response", [{"events": "geen lijst"}, {"events": [{"timestamp": 1}]},
                                      {"responses": "geen lijst"}])
def test_invalid_responses_still_fail_with_rasas_explanation(patched, response):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        patched._validate_action_result(response)


def test_actions_get_the_current_turn_with_everything_forms_need(monkeypatch):
    """Only this turn's events go to the action server; slots, latest message and form state stay complete."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa_sdk import Tracker

    monkeypatch.setattr(RemoteAction, "_action_call_format", RemoteAction._action_call_format)
    domain = Domain.load("domain")
    tracker = DialogueStateTracker("eva", domain.slots)
    tracker.update_with_events([ActionExecuted("action_listen"), UserUttered("ik wil mijn POP"),
                                ActionExecuted("action_start_interview"), SlotSet("actief_interview", "pop"),
                                ActionExecuted("interview_form"), ActiveLoop("interview_form"),
                                BotUttered("Bij welke organisatie werk je?"),
                                ActionExecuted("action_listen")], domain)
    tracker.update_with_events([UserUttered("gemeente Zeist", {"name": "antwoord", "confidence": 0.9}),
                                SlotSet("interview_antwoord", "gemeente Zeist")], domain)
    action = RemoteAction("validate_interview_form", None)
    full = action._action_call_format(tracker, domain)

    rasa_launcher.send_only_the_current_turn_to_actions()
    sent = action._action_call_format(tracker, domain)
    # the person's message before this turn (only the message), then this turn
    assert [e["event"] for e in sent["tracker"]["events"]] == ["user", "action", "user", "slot"]
    assert [e["text"] for e in sent["tracker"]["events"] if e["event"] == "user"] == ["ik wil mijn POP", "gemeente Zeist"]
    for key in ("slots", "latest_message", "active_loop", "latest_action_name", "sender_id", "followup_action"):
        assert sent["tracker"][key] == full["tracker"][key], key
    assert sent["domain"] == full["domain"] and sent["next_action"] == "validate_interview_form"
    sdk_tracker = Tracker.from_dict(sent["tracker"])
    assert sdk_tracker.slots_to_validate() == Tracker.from_dict(full["tracker"]).slots_to_validate() == \
        {"interview_antwoord": "gemeente Zeist"}
    assert sdk_tracker.active_loop["name"] == "interview_form"
    assert len(full["tracker"]["events"]) > len(sent["tracker"]["events"])


@pytest.mark.model
def test_models_loaded_without_a_training_step_predict_exactly_as_rasa_loads_them(nlu_agent, monkeypatch):
    import asyncio

    from rasa.utils.tensorflow.models import RasaModel

    from bench import nlu_report

    patched = RasaModel.load.__func__
    assert getattr(patched, "_leerkoers", False), "nlu_agent is loaded the way the Rasa server loads it"
    monkeypatch.setattr(RasaModel, "load", classmethod(patched.rasa_load))
    rasa_agent = nlu_report.load_agent(nlu_report.MODEL)
    monkeypatch.undo()
    texts = [text for text, _ in nlu_report.held_out()][::3] + nlu_report.out_of_scope()[:10]

    async def parse(agent):
        return [await agent.parse_message(text) for text in texts]

    for ours, theirs in zip(asyncio.run(parse(nlu_agent)), asyncio.run(parse(rasa_agent)), strict=True):
        assert ours["intent"]["name"] == theirs["intent"]["name"], ours["text"]
        for a, b in zip(ours["intent_ranking"], theirs["intent_ranking"], strict=True):
            assert a["name"] == b["name"] and a["confidence"] == pytest.approx(b["confidence"], abs=1e-5)
        ours_faq = ours.get("response_selector", {}).get("faq", {}).get("response", {})
        theirs_faq = theirs.get("response_selector", {}).get("faq", {}).get("response", {})
        assert ours_faq.get("utter_action") == theirs_faq.get("utter_action")
        assert ours_faq.get("confidence", 0) == pytest.approx(theirs_faq.get("confidence", 0), abs=1e-5)


def test_a_server_whose_port_is_taken_exits_with_an_error(tmp_path):
    """Sanic 21.12 gives up on a taken port with exit code 0; a supervisor must see a failure and restart it."""
    import socket

    from bot.settings import get_settings
    from ops import processes

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with open(tmp_path / "rasa.log", "w") as log:
            proc = processes.start_rasa_server(get_settings(), log, port=port)
            try:
                code = proc.wait(timeout=240)
            finally:
                processes.stop_process(proc)
    assert code == 1
    assert "De Rasa-server kon niet starten" in (tmp_path / "rasa.log").read_text()
