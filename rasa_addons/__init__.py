"""What only Rasa should know: everything Rasa loads by dotted path (the SQL on its conversation table lives in
bot/storage/conversation_store.py, because deletion and retention in the core must reach it).

    rest_channel.py      the REST input channel (credentials.yml): identity from the signed token, the file routes
    socketio_channel.py  the socket.io input channel for the chat widget (credentials.yml)
    channel_common.py    what both channels share; intranet.py keeps the channels' older dotted names
    file_routes.py       the signed download and overview links
    outputs.py           the shapes of Rasa's messages for each channel
    typed_buttons.py     a typed button title counts as a click
    rate_limit.py        messages per minute per person, for the channels
    action_server.py     rasa-sdk's action server, bound to loopback and answering only with the shared secret
    tracker_store.py     Rasa's SQL tracker store with its database work off the event loop (endpoints*.yml)
    patterns.py          regex and lookup entities (config.yml)
    facts.py             organisation facts from any message as entities (config.yml; the Dutch in bot/dutch)
    logformat.py         one JSON object per log line (logging.prod.yml)
    launcher.py          `rasa` with seven measured fixes for Rasa 3.6 (started by ops/processes.py)
"""
