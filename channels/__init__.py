"""Rasa input channels for the intranet: the conversation id and the person come from a verified token."""
