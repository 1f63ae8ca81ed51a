"""Thin Rasa SDK adapters. They read slots, call ``bot``, and send responses from the domain."""
