"""A message of the bot: a response of the domain, its parameters and buttons. Shared by every part of the core.

A message may also carry a card: a title and labelled lines that a chat widget shows as one compact block. The
text of the response always says the same, for channels that show only text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Message:
    response: str
    params: dict = field(default_factory=dict)
    buttons: list[dict] = field(default_factory=list)
    card: dict | None = None
