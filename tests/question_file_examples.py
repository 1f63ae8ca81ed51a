"""An organisation's own question in its questions file: the repeating group with buttons of docs/interviews.md,
used on a real database (tests/integration/test_question_files.py) and over the real servers
(tests/e2e/test_own_forms.py)."""

from __future__ import annotations

CERTIFICATES = {
    "group": "certificaten", "label": "Certificaten", "maximum": 3,
    "start": "Heb je het afgelopen jaar een certificaat of diploma gehaald?",
    "more": "Heb je nog een certificaat of diploma gehaald?",
    "questions": [
        {"key": "cert_naam", "label": "Certificaat", "kind": "short", "stored_in": "item.naam",
         "text": "Welk certificaat of diploma was dat?", "topic_words": ["certificaat"]},
        {"key": "cert_niveau", "label": "Niveau", "kind": "choice", "stored_in": "item.niveau",
         "text": "Op welk niveau was het?",
         "buttons": [{"title": "Mbo", "value": "mbo"}, {"title": "Hbo", "value": "hbo"},
                     {"title": "Wo", "value": "wo"}, {"title": "Geen niveau", "value": "geen niveau"}]},
    ]}


def add_certificates(data) -> None:
    """docs/interviews.md, third example: a repeating group with buttons, after the learning goals."""
    keys = [q.get("key") for q in data["questions"]]
    data["questions"].insert(keys.index("pop_steun"), CERTIFICATES)
