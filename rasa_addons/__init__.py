"""Everything Rasa loads by dotted path, and nothing else.

    intranet.py       the REST and socket.io input channels (credentials.yml): identity from the signed token
    rate_limit.py     messages per minute per person, for the channels
    action_server.py  rasa-sdk's action server, bound to loopback and answering only with the shared secret
    tracker_store.py  Rasa's SQL tracker store with its database work off the event loop (endpoints*.yml)
    patterns.py       regex and lookup entities (config.yml)
    facts.py          organisation facts from any message as entities (config.yml; the Dutch in bot/dutch)
    logformat.py      one JSON object per log line (logging.prod.yml)
    launcher.py       `rasa` with four measured fixes for Rasa 3.6 (started by ops/processes.py)
"""
