"""Start Rasa's command line with two fixes for Rasa 3.6; everything else is Rasa's own `rasa` command.

1. A --logging-config-file stays in force. Rasa applies the logging file and then always installs its coloured
   console logging on top of it, so the structured (JSON) production logs would be lost.
2. Responses of the action server are validated against Rasa's schema with a validator built once. Rasa calls
   `jsonschema.validate()` for every custom action call, which checks the schema itself again each time: that
   was 28 % of the Rasa server's CPU time during interviews (measured with py-spy, see README "Benchmark").
   The validation itself, and Rasa's error for an invalid response, are unchanged.
"""

from __future__ import annotations

import sys


def validate_action_responses_with_one_validator() -> None:
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    rasa_validation = RemoteAction._validate_action_result

    def validate(self: RemoteAction, result: dict) -> bool:
        if exceptions.best_match(validator.iter_errors(result)) is None:
            return True
        return rasa_validation(self, result)  # raises Rasa's own ValidationError with its explanation

    RemoteAction._validate_action_result = validate


def main() -> None:
    validate_action_responses_with_one_validator()
    if "--logging-config-file" in sys.argv:
        import rasa.utils.io

        rasa.utils.io.configure_colored_logging = lambda *_args, **_kwargs: None
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
