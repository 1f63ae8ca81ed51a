"""A request made while a question of an interview is open ("waarom vraag je dit?", "wijzig mijn antwoord over
...", "welke subsidies passen?"): carried out on the person's engine, inside the transaction of
bot/services/interviews.turn. The interview stays at its question.
"""

from __future__ import annotations

import re

from bot import referral
from bot.dutch import formatting
from bot.dutch.facts import about_us
from bot.dutch.facts import extract as extract_facts
from bot.dutch.parsing import normalize
from bot.funding.advice import funding_replies
from bot.interviews import INTERVIEW_LABELS, WHY_KEYS, InterviewEngine, Message, Q, corrections, progress
from bot.services.funding import org_profile
from bot.services.roles import MANAGERS, PLANNING, refusal, role_may_start
from bot.understanding import QUESTION, stopped_with_more


def carry_out(engine: InterviewEngine, command: str, text: str, faq_response: str | None, topic: str | None,
             can_plan: bool) -> tuple[list[Message], dict]:
    """Carry out a request made during an interview; the interview stays at its question."""
    messages: list[Message] = []
    extra: dict = {}
    interview = engine.interview
    if command == "stoppen":
        engine.pause()
        messages.append(Message("gepauzeerd_niet_bewaard" if stopped_with_more(text) else "gepauzeerd"))
        extra["paused"] = True
    elif command == "terug":
        key = engine.go_back()
        messages.append(Message("correctie_start", {"vraag_label": formatting.in_sentence(Q[key].label)}) if key
                        else Message("correctie_niets"))
    elif command == "wijzig_antwoord" and corrections.lets_go(text):  # "laat maar, niks wijzigen"
        messages += _let_go(engine)
    elif command == "wijzig_antwoord":
        first, more = corrections.first_of_several(text)
        found = corrections.apply(engine, corrections.PAYLOAD if corrections.names_nothing(text) else first)
        messages += found if found is not None else [Message("correctie_onbekend")]
        if more and found is not None:  # two changes in one message: the first now, the next is asked for
            messages.append(Message("correctie_een_tegelijk"))
    elif command == "terugzetten":
        messages.append(engine.undo())
    elif command == "verduidelijking":
        key = corrections.named_question(engine, text) or engine.current_key()
        uitleg = Q[key].uitleg if key in Q else ""
        messages.append(Message("uitleg_vraag", {"uitleg": uitleg}) if uitleg else Message(f"waarom_{interview}"))
    elif command == "voortgang":
        messages += progress.messages(engine)
    elif command == "toon_antwoorden":
        messages.append(Message("antwoorden_tot_nu", {"samenvatting": engine.summary(),
                                                      "interview_naam": INTERVIEW_LABELS[interview]}))
    elif command == "waarom_vraag":
        key = engine.current_key()
        messages.append(Message(f"waarom_{key}" if key in WHY_KEYS else f"waarom_{interview}"))
    elif command == "faq":
        messages.append(Message(_in_context(interview, faq_response, text)))
    elif command == referral.OUTSIDE:  # pay, leave, IT ...: where to go; the question waits
        messages.append(Message(referral.response(engine.person.role, text)))
    elif command == "help":
        messages.append(Message("help_interview"))
    elif command == "subsidie_zoeken":  # a question about one scheme is handed to its adapter (it knows the slots)
        sector, employees = org_profile(engine.ctx.org)
        messages += funding_replies(text, about_us(extract_facts(text), sector), sector, employees, False)
    elif command == QUESTION:
        messages.append(Message("vraag_onbekend"))
    elif command == "hervatten":  # already here: the question is asked again; a correction is let go
        messages += _let_go(engine)
    elif command == "opnieuw_beginnen":
        engine.ask_restart()
    elif command.startswith("start_"):
        other = command.removeprefix("start_")
        if (other in PLANNING + MANAGERS and not can_plan
                or other in MANAGERS and not role_may_start(engine.person.role, other)):
            messages.append(Message(refusal(other)))
        elif other != interview:
            engine.pause()
            extra["switched"] = other
    return messages, extra


_NAMES_THE_POP = re.compile(r"\bpop|ontwikkel(plan|gesprek)|functionering")


def _in_context(interview: str, faq_response: str | None, text: str) -> str | None:
    """'Is dit verplicht?' while making a policy, a yearly plan or its evaluation asks about that plan, not about
    the POP conversation the words alone suggest (found over make run)."""
    if (faq_response == "faq/pop_gesprek_verplicht" and interview in PLANNING
            and not _NAMES_THE_POP.search(normalize(text))):
        return "plan_verplicht"
    return faq_response


def _let_go(engine: InterviewEngine) -> list[Message]:
    """A correction asked for is let go (nothing changes); the open question is asked again."""
    item = engine.state.pending_item
    key = engine.cancel_correction()
    return [Message("correctie_gestopt", {"vraag_label": engine.label_of(key, item)})] if key is not None else []
