"""Start Rasa's command line with five fixes for Rasa 3.6; everything else is Rasa's own `rasa` command.

1. A --logging-config-file stays in force. Rasa applies the logging file and then always installs its coloured
   console logging on top of it, so the structured (JSON) production logs would be lost.
2. Responses of the action server are validated against Rasa's schema with a validator built once. Rasa calls
   `jsonschema.validate()` for every custom action call, which checks the schema itself again each time: that
   was 28 % of the Rasa server's CPU time during interviews (measured with py-spy, see docs/bench.md).
   The validation itself, and Rasa's error for an invalid response, are unchanged.
3. Trained TensorFlow models (DIETClassifier, ResponseSelector) load without a training step. Rasa 3.6 builds
   a loaded model's weights by training it on one example, which traces the whole training graph: half of the
   Rasa server's start-up (py-spy: 15 of 30 s). Running the prediction graph once creates the same weights that
   prediction uses; then the trained weights are restored, and the label embeddings and the prediction graph
   are made again from them. Predictions are identical (tests/test_launcher.py compares both ways of loading).
4. A custom action gets the events of the current turn only, not the whole conversation. Rasa serialises every
   event of the conversation for every call to the action server, which parses them all again: a tenth of the
   Rasa server's work late in a POP interview (py-spy). Leerkoers' actions read their state from the database,
   and rasa-sdk's forms read only the slots set in this turn (`Tracker.slots_to_validate`); slots, the latest
   message, the active form and the latest action are sent as before. The turn starts at the latest user message
   (with the `action_listen` before it); the person's few messages before it come first, as user events only,
   so that what someone said just before ("ik ben zzp'er", then the button "Subsidies zoeken") still counts
   (actions/common.recent_facts).
5. A typed button title counts as a click on that button (rasa_addons/typed_buttons.py).
6. Nothing a person typed reaches the logs through Rasa's warnings: a message starting with "/" that Rasa cannot
   parse was written in full ("Failed to parse arguments in line '/…'"); the warning now leaves the text out.
7. A server that cannot open its port exits with code 1. Sanic 21.12 logs "Unable to start server" and returns,
   so Rasa ended with 0: a supervisor (systemd's Restart=on-failure) saw a clean stop and did not start it again.
"""

from __future__ import annotations

import sys

from rasa_addons import typed_buttons


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


TURN_EVENTS_MIN = 10  # without a user message (a session start): this many of the latest events
EARLIER_MESSAGES = 3  # the person's messages before this turn, sent as user events (actions/common.recent_facts)


def send_only_the_current_turn_to_actions() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import EventVerbosity

    if getattr(RemoteAction._action_call_format, "_leerkoers", False):
        return
    rasa_format = RemoteAction._action_call_format

    def action_call_format(self: RemoteAction, tracker, domain) -> dict:
        result = rasa_format(self, _NoEvents(tracker), domain)
        result["tracker"]["events"] = [event.as_dict() for event in current_turn(list(tracker.events))]
        return result

    def current_turn(events: list) -> list:
        for index in range(len(events) - 1, -1, -1):
            if isinstance(events[index], UserUttered):
                earlier = [e for e in events[:max(0, index - 1)] if isinstance(e, UserUttered)][-EARLIER_MESSAGES:]
                return earlier + events[max(0, index - 1):]
        return events[-TURN_EVENTS_MIN:]

    class _NoEvents:
        """The tracker as Rasa's own format reads it, but without serialising its events (added afterwards)."""

        def __init__(self, tracker) -> None:
            self._tracker = tracker

        def __getattr__(self, name: str):
            return getattr(self._tracker, name)

        def current_state(self, event_verbosity=EventVerbosity.NONE) -> dict:
            return self._tracker.current_state(EventVerbosity.NONE)

    action_call_format._leerkoers = True
    action_call_format.current_turn = current_turn
    RemoteAction._action_call_format = action_call_format


def load_models_without_a_training_step() -> None:
    import tensorflow as tf
    from rasa.utils.tensorflow.models import RasaModel

    if getattr(RasaModel.load, "_leerkoers", False):
        return
    rasa_load = RasaModel.load.__func__

    def load(cls, model_file_name, model_data_example, predict_data_example=None, finetune_mode=False,
             *args, **kwargs):
        if finetune_mode or predict_data_example is None:  # training continues: Rasa's own way
            return rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                             *args, **kwargs)
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        model.compile(optimizer=tf.keras.optimizers.Adam(config.get("learning_rate", 0.001)),
                      run_eagerly=config.get("run_eagerly"))
        model.run_inference(predict_data_example)  # creates the variables of the prediction graph
        model.load_weights(model_file_name).expect_partial()  # the optimizer's state is not needed
        # The label embeddings again, now from the trained weights, and a new prediction graph: the first one
        # holds the embeddings of the untrained weights as constants.
        model.prepared_for_prediction = False
        model._tf_predict_step = None
        model.run_inference(predict_data_example)
        return model

    load._leerkoers = True
    load.rasa_load = rasa_load
    RasaModel.load = classmethod(load)


PERSONAL_WARNINGS = ("Failed to parse arguments in line",)


def keep_messages_out_of_warnings() -> None:
    """Rasa's warnings about a message someone typed quote the message; say what happened, not what was typed."""
    import rasa.shared.utils.io as rasa_io

    original = rasa_io.raise_warning
    if getattr(original, "_leerkoers", False):
        return

    def raise_warning(message, category=None, docs=None, **kwargs):
        if isinstance(message, str) and message.startswith(PERSONAL_WARNINGS):
            message = "A message starting with '/' could not be parsed completely (its text is left out)."
        return original(message, category, docs, **kwargs)

    raise_warning._leerkoers = True
    rasa_io.raise_warning = raise_warning


START_FAILED = "Unable to start server"
_start_failed: list[bool] = []


def exit_with_an_error_when_the_server_cannot_start() -> None:
    """Remember Sanic's "Unable to start server" (a port in use, an address that is not there)."""
    from sanic.server import runners

    logger = runners.error_logger
    if getattr(logger, "_leerkoers", False):
        return

    class _Watching:
        _leerkoers = True

        def __getattr__(self, name: str):
            return getattr(logger, name)

        def exception(self, message, *args, **kwargs):
            if str(message).startswith(START_FAILED):
                _start_failed.append(True)
            return logger.exception(message, *args, **kwargs)

    runners.error_logger = _Watching()


def main() -> None:
    validate_action_responses_with_one_validator()
    send_only_the_current_turn_to_actions()
    load_models_without_a_training_step()
    typed_buttons.install()
    keep_messages_out_of_warnings()
    exit_with_an_error_when_the_server_cannot_start()
    if "--logging-config-file" in sys.argv:
        import rasa.utils.io

        rasa.utils.io.configure_colored_logging = lambda *_args, **_kwargs: None
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()
    if _start_failed:
        sys.stderr.write("De Rasa-server kon niet starten: de poort is bezet of het adres bestaat niet.\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
