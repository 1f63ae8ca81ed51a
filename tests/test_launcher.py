"""bot/rasa_launcher.py: Rasa's validation of action-server responses, with the validator built once."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import rasa_launcher


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
