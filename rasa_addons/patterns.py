"""An NLU component: Rasa's RegexEntityExtractor for entities that only exist as regexes and lookup tables.

Rasa's own extractor uses a regex or lookup table only when its name also occurs as an annotated entity in the
training examples; then DIET learns the same entity and finds it a second time, less precisely. Years, amounts,
periods, kinds of learning and funding schemes (data/nlu/entiteiten.yml, data/nlu/regelingen.yml) are defined
completely by their patterns, so this subclass uses every regex and lookup table of the training data.
Configured in config.yml as `rasa_addons.patterns.PatternEntityExtractor`.
"""

from __future__ import annotations

import rasa.nlu.utils.pattern_utils as pattern_utils
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.extractors.regex_entity_extractor import RegexEntityExtractor
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class PatternEntityExtractor(RegexEntityExtractor):
    def train(self, training_data: TrainingData) -> Resource:
        self.patterns = pattern_utils.extract_patterns(
            training_data, use_lookup_tables=self._config["use_lookup_tables"],
            use_regexes=self._config["use_regexes"], use_only_entities=False,
            use_word_boundaries=self._config["use_word_boundaries"])
        self.persist()
        return self._resource
