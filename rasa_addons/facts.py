"""An NLU component: the facts of ``bot.dutch.facts`` as entities of every message.

"wij zijn een centrum voor de kunsten met 40 medewerkers onder de CAO Kunsteducatie" gets the entities
organisatie_soort=kunsteducatie, medewerkers=40 and cao=kunsteducatie. The actions read them from the
message (``Facts.from_entities``); the extraction itself is plain Python in bot/dutch/facts.py.
Configured in config.yml as `rasa_addons.facts.FactsEntityExtractor`.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dutch import scope
from bot.dutch.facts import extract

EXTRACTOR = "FactsEntityExtractor"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP")
class FactsEntityExtractor(GraphComponent):
    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> FactsEntityExtractor:
        return cls()

    def process(self, messages: list[Message], model: SpacyModel | None = None) -> list[Message]:
        if model is not None:  # the sentence's parse (bot/dutch/scope.py) uses the copy SpacyNLP loaded: no second one
            scope.share(model.model)
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            facts = extract(text)
            if facts.empty:
                continue
            found = [{"entity": name, "value": value, "start": 0, "end": len(text), "confidence": 1.0,
                      "extractor": EXTRACTOR} for name, value in facts.as_entities().items()]
            message.set(ENTITIES, (message.get(ENTITIES) or []) + found, add_to_output=True)
        return messages
