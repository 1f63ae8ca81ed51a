"""Eva prepares her POP and shares it with Mark, her manager: the start of the POP-gesprek tests
(tests/integration/test_popgesprek.py, test_access_log.py)."""

from __future__ import annotations

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import sharing
from tests.helpers import POP

EVA = Identity("eva", "Eva", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")
MARK = Identity("mark", "Mark", "manager", "Gemeente Zeist", organisation_id="gm0355")
HR = Identity("hanna", "Hanna", "hr", "Gemeente Zeist", organisation_id="gm0355")


def prepared_and_shared(today, person=EVA, share=True):
    service.sync_identity(person)
    service.start(person.person_id, "pop", today)
    for _key, text in POP:
        service.turn(person.person_id, "pop", text, ranking=[("antwoord", 0.9)], today=today)
    if share:
        assert sharing.share_pop(person.person_id, True, today) == "gedeeld"
