"""Nothing a person typed reaches the logs (issue 29, item 7)."""

from __future__ import annotations


def test_a_message_rasa_cannot_parse_is_not_quoted_in_its_warning():
    """Issue 29: '/start_pop{...' that Rasa could not parse was written in full to the log by a warning."""
    import warnings

    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.training_data.message import Message

    from rasa_addons.launcher import keep_messages_out_of_warnings

    keep_messages_out_of_warnings()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        YAMLStoryReader.unpack_regex_message(Message(data={"text": "/start_pop@0.9 mijn burn-out geheim"}))
    assert caught and not any("burn-out" in str(w.message) for w in caught)
