"""Where a word stands in its sentence: in which clause, denied or not, said now or about before, said of the
speaker or of someone else, stated or asked. Read from the parse of nl_core_news_sm (tokens, lemmas, tense,
dependencies); bot/dutch/facts.py asks it before it uses a fact word.

"ik werk niet bij de gemeente maar bij een museum": "gemeente" is denied, "museum" is not (the contrast ends the
denial). "Vroeger werkte ik bij de gemeente, nu heb ik een eigen bedrijfje": the gemeente is before. "Mijn zus
werkt bij een bakkerij": said of someone else. "moet ik dat zelf betalen?": asked, not stated.

The model loads on first use (about two seconds) and is shared by the threads of a process. In the Rasa server the
copy that Rasa's SpacyNLP loaded is used (``share``): it runs without its parser, so the parser is run on its own.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

NEGATIONS = frozenset({"niet", "geen", "nooit", "niks", "niets", "allerminst", "nergens"})
# A contrast ends a denial: "geen gemeente maar een stichting", "niet X, wel Y"
CONTRASTS = frozenset({"maar", "wel", "doch", "juist"})
# Words that start a clause of their own (besides punctuation and the parse's clause heads)
_OPENERS = frozenset({"want", "omdat", "dus", "terwijl", "nu", "toen", "sinds", "maar", "en", "of", "als",
                      "hoewel", "zodat"})
# Someone else than the speaker or their organisation, as the subject of a clause
OTHERS = frozenset({"zus", "broer", "collega", "vriend", "vriendin", "partner", "moeder", "vader", "zoon", "dochter",
                    "buurman", "buurvrouw", "iemand", "kennis", "neef", "nicht", "oom", "tante", "echtgenoot",
                    "echtgenote", "vrouw", "man", "schoonzus", "zwager"})
_BEFORE = frozenset({"vroeger", "voorheen", "destijds"})
_QUESTION_START = re.compile(r"^(?:moet|moeten|kan|kunnen|mag|mogen|hoef|hoeven|wil|willen|betaalt|betalen|is|zijn|"
                             r"heeft|hebben|krijg|krijgt|wat|wie|hoe|welke|waarom|wanneer|geldt|vergoedt|betaal|doet|doe)\b")

_lock = threading.Lock()
_model: list = []


def _nlp():
    with _lock:
        if not _model:
            import spacy  # a heavy import: only when a sentence is first read

            _model.append(spacy.load("nl_core_news_sm", exclude=["ner"]))
        return _model[0]


def share(language) -> None:
    """Use nl_core_news_sm as another part of this process loaded it (Rasa's SpacyNLP, without running its parser),
    so that the process holds one copy; a model of another name is not used."""
    if getattr(language, "lang", "") != "nl" or language.meta.get("name") != "core_news_sm":
        return
    with _lock:
        if not _model:
            _model.append(language)


def _parse(text: str):
    nlp = _nlp()
    if "parser" not in nlp.disabled:
        return nlp(text)
    doc = nlp(text, disable=["ner"])  # the parser reads what the shared tok2vec left in doc.tensor
    return nlp.get_pipe("parser")(doc)


def warm_up(after: float = 8.0) -> None:
    """Load the model in the background, so the first fact sentence does not wait for it; a few seconds after the
    server starts, so that start-up itself does not wait for it (measured: about a second more on 2 cores)."""
    timer = threading.Timer(after, _nlp)
    timer.name, timer.daemon = "spacy-warm-up", True
    timer.start()


@dataclass(frozen=True)
class Clause:
    start: int  # character offsets in the text that was read
    end: int
    words: tuple[tuple[int, str, str], ...]  # (offset, word, lemma)
    subject: bool  # has a subject of its own ("en ik werk ..."), or inherits the one before ("en werkt ...")
    before: bool  # about the past: "vroeger werkte ik", "ik heb ... gewerkt"
    other: bool  # said of someone else: "mijn zus werkt bij ..."
    asked: bool  # a question: "moet ik dat zelf betalen?"

    def text(self, full: str) -> str:
        return full[self.start:self.end]


@dataclass(frozen=True)
class Sentence:
    text: str
    clauses: tuple[Clause, ...]
    doc: object = None  # the parse

    def of_someone_else(self, start: int) -> bool:
        """The word belongs to someone else: "een cursus voor iemand van de gemeente" (its heads reach 'iemand')."""
        token = next((t for t in self.doc if t.idx <= start < t.idx + len(t.text)), None) if self.doc else None
        while token is not None and token.dep_ in ("nmod", "obl", "conj", "appos", "det", "amod", "case"):
            token = token.head
            if token.text in OTHERS:
                return True
            if token.head is token:
                break
        return False

    def clause_at(self, offset: int) -> Clause | None:
        return next((c for c in self.clauses if c.start <= offset < c.end), None)

    def denied(self, start: int) -> bool:
        """Is the word at ``start`` denied: a negation before it in its clause, with no contrast in between
        ("niet bij de gemeente"), or a negation right after the clause's verb that it follows."""
        clause = self.clause_at(start)
        if clause is None:
            return False
        before = [w for o, w, _l in clause.words if o < start]
        for word in reversed(before):
            if word in CONTRASTS:
                return False
            if word in NEGATIONS:
                return True
        return False

    def negated(self, clause: Clause) -> bool:
        """A negation anywhere in the clause that no contrast answers: "mijn baas betaalt dat niet"."""
        words = [w for _o, w, _l in clause.words]
        negations = [i for i, w in enumerate(words) if w in NEGATIONS]
        return bool(negations) and not any(w in CONTRASTS for w in words[negations[0]:])

    def stated(self, start: int) -> bool:
        """Said now, of the speaker (or their organisation), as a statement."""
        clause = self.clause_at(start)
        return clause is None or not (clause.before or clause.other or clause.asked)


def read(text: str) -> Sentence:
    """The clauses of ``text`` (lower case, as bot/dutch/parsing.normalize leaves it)."""
    return _read(text)


@lru_cache(maxsize=64)  # within a turn the same text is read more than once; no longer kept
def _read(text: str) -> Sentence:
    doc = _parse(text)
    starts = {0}
    for tok in doc:
        if tok.i and (tok.text in _OPENERS or doc[tok.i - 1].text in ",;:.!?()"):
            starts.add(tok.i)
    bounds = sorted(starts) + [len(doc)]
    clauses = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        span = doc[a:b]
        words = tuple((t.idx, t.text, t.lemma_) for t in span if not t.is_punct)
        if not words:
            continue
        clauses.append(Clause(span.start_char, span.end_char if b < len(doc) else len(text), words,
                              any(t.dep_.startswith("nsubj") or t.text in _PRONOUNS for t in span),
                              _before(span), _other(span), _asked(text, span)))
    return Sentence(text, _shared_subjects(clauses), doc)


_PRONOUNS = frozenset({"ik", "we", "wij", "jij", "je", "u", "hij", "zij", "ze", "het", "dat"})


def _shared_subjects(clauses: list[Clause]) -> tuple[Clause, ...]:
    """"mijn zus is 34 en werkt bij een bakkerij": a clause without a subject of its own shares the one before."""
    out: list[Clause] = []
    for clause in clauses:
        if out and not clause.subject and clause.words[0][1] in ("en", "of"):
            clause = replace(clause, other=clause.other or out[-1].other, before=clause.before or out[-1].before)
        out.append(clause)
    return tuple(out)


def _before(span) -> bool:
    """"vroeger werkte ik bij ...", "ik was toen docent", "ik heb bij een bank gewerkt": not how it is now. Only the
    past forms of working and being count: the small model tags some present forms as past."""
    return any(t.text in _BEFORE or t.text in _PAST_FORMS and "Past" in t.morph.get("Tense")
               or t.text == "gewerkt" for t in span)


_PAST_FORMS = frozenset({"werkte", "werkten", "was", "waren", "zat", "zaten"})


def _other(span) -> bool:
    for i, tok in enumerate(span):
        if tok.text in OTHERS and (i == 0 or span[i - 1].text in ("mijn", "onze", "een", "die", "m'n", "de")):
            after = span[i + 1:i + 3]
            if not any(t.text in ("van", "met") for t in after[:1]) or tok.dep_.startswith("nsubj"):
                return tok.dep_.startswith("nsubj") or i <= 1
    return False


def _asked(text: str, span) -> bool:
    """A clause of a sentence that ends in "?" and that opens as a question ("moet ik ...", "of moet ik ...",
    "wat kost ..."); "ik ben 59, is dat te oud?" states the age and asks the rest."""
    stop = re.search(r"[.!?]", text[span.start_char:])
    if not stop or stop.group(0) != "?":
        return False
    words = [t.text for t in span if not t.is_punct]
    if words and words[0] in _OPENERS and words[0] != "of":
        return False  # "ik ben 60 en betaal zelf, is er iets?": a verb after "en" shares the subject before
    while words and words[0] in _OPENERS:
        words = words[1:]
    verb_first = next((t.pos_ in ("VERB", "AUX") for t in span if not t.is_punct and t.text not in _OPENERS), False)
    return bool(words) and (bool(_QUESTION_START.match(" ".join(words))) or verb_first)
