"""Leerkoers core: domain model, storage, interviews and helpers, independent of Rasa."""

__version__ = "0.1.0"
