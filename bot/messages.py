"""A message of the bot: a response of the domain, its parameters and buttons. Shared by every part of the core."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Message:
    response: str
    params: dict = field(default_factory=dict)
    buttons: list[dict] = field(default_factory=list)
