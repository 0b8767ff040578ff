"""Which subjects a subject pronoun ("he", "she", "it") may take up, and in which order: shared by
quote speakers and event participants, which each decide what counts as a right antecedent.

The order follows centering (Grosz, Joshi and Weinstein 1995; grammatical parallelism): the
subjects of the clauses that hold the pronoun's clause and come before it, the innermost first
("Portnow walked back his comments, saying he regretted"); then the subjects of the other clauses
before it in its sentence, the nearest first; then the main-clause subjects of the previous
utterance, the nearest earlier sentence with a third-person subject, passing over a few headings
and captions (lines without a closing mark) and sentences with only "I", "you", "we" as subjects (a
quotation, whose center is its speaker). Words inside quotation marks are what someone says, not
who is talked about: they are passed over too.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Span, Token

from storyline.annotate.syntax import relative_antecedent
from storyline.model import Mention

# Sentences passed over, at most, to find the previous sentence with a third-person subject.
PREVIOUS_SENTENCES = 3
# A chain of subject pronouns ("He noted ... He called ...") is followed this many sentences back.
PRONOUN_CHAIN = 3
SPEECH_PERSONS = frozenset("i you we".split())  # first and second persons: who speaks and who is spoken to
# The marks running text closes a sentence with; a heading or a photo caption ends without one.
TERMINAL_MARKS = frozenset(".!?:;'\"”’)…")
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "nsubjpass", "csubjpass"})
# How far up the parse the clauses holding the pronoun's are looked for.
_CLAUSE_LEVELS = 12

Quotations = Sequence[tuple[int, int]]


def centering_subjects(pronoun: Token, quoted: Quotations = (), speech: Quotations = ()) -> list[Token]:
    """The subjects ``pronoun`` may take up, in centering order, none inside a ``quoted`` span; a
    relative pronoun that is a subject stands for the name it follows ("the United States, which
    says it"). ``speech``: quotations whose sentences of pronoun subjects only are passed over, though
    their subjects may be taken up (``is_speakers_talk``; the sentences of a ``quoted`` span are
    passed over whatever their subjects)."""
    governing = [s for s in governing_subjects(pronoun) if not in_quotation(s.idx, quoted)]
    earlier = [s for s in earlier_subjects(pronoun, governing) if not in_quotation(s.idx, quoted)]
    previous = previous_subjects(pronoun, quoted, speech)
    return [_named(s) for s in [*governing, *earlier, *previous]]


def _named(subject: Token) -> Token:
    """A relative pronoun subject as the proper name its clause modifies, else the subject itself."""
    named = relative_antecedent(subject)
    return named if named is not None and named.pos_ == "PROPN" else subject


def governing_subjects(token: Token) -> list[Token]:
    """Subjects before the pronoun of the clauses that hold its clause, the innermost first."""
    found, node = [], token.head
    for _ in range(_CLAUSE_LEVELS):
        found += sorted((s for s in clause_subjects(node) if s.i < token.i), key=lambda s: -s.i)
        if node.head.i == node.i:
            break
        node = node.head
    return found


def earlier_subjects(token: Token, governing: list[Token]) -> list[Token]:
    """Subjects of the other clauses before the pronoun in its sentence, the nearest first ("The
    attacker was killed; he pledged", parsed with the first clause below the second)."""
    before = [t for t in token.sent if t.i < token.i and t.dep_ in CLAUSE_SUBJECT_DEPS]
    return [t for t in reversed(before) if t not in governing]


def previous_subjects(token: Token, quoted: Quotations = (), speech: Quotations = ()) -> list[Token]:
    """The main-clause subjects of the nearest earlier sentence whose subject is a third person
    outside quotation marks (the previous utterance's center), passing over a few headings or
    captions and sentences whose subjects are only "I", "you", "we" (an imperative's too) or
    quoted. None when a sentence of running text with no subject comes first (a fragment, a subject
    the parse missed): its center is unknown, and the sentences before it are no longer the
    previous utterance."""
    doc, start, passed = token.doc, token.sent.start, 0
    while start > 0 and passed < PREVIOUS_SENTENCES:
        sent = doc[start - 1].sent
        # the speaker's own words: one utterance with the sentence reporting them
        if _is_quoted(sent, quoted) or is_speakers_talk(sent, speech):
            start = sent.start
            continue
        passed += 1
        if _is_utterance(sent):
            subjects = clause_subjects(sent.root)
            if not subjects and sent.root.tag_ != "VB":  # no imperative ("you"): the parse missed its subject
                return []
            third = [s for s in subjects if s.lower_ not in SPEECH_PERSONS and not in_quotation(s.idx, quoted)]
            if third:
                return third
        start = sent.start
    return []


def _is_quoted(sent: Span, quoted: Quotations) -> bool:
    """Is every word of the sentence inside a quotation? The sentences of a quotation ("There is
    nothing left to say. The boats are gone," he said.) are what its speaker says, part of the
    utterance that reports them, not utterances of the text: the previous utterance of the "he
    said" is the sentence before the quotation."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and bool(quoted) and all(in_quotation(t.idx, quoted) for t in words)


def is_speakers_talk(sent: Span, speech: Quotations) -> bool:
    """Is the sentence wholly inside a quotation, with only pronouns as subjects ("He pushed me.
    He left.")? Pronouns in quoted speech point from its speaker's place (deixis), they set no
    center of the narrator's: however long, such a quotation is passed over as one utterance,
    leaving its speaker ("..., she said") within reach. A quoted sentence naming its subject ("The
    attacker converted") does introduce whom the narrator may take up next."""
    if not _is_quoted(sent, speech):
        return False
    subjects = clause_subjects(sent.root)
    return bool(subjects) and all(s.pos_ == "PRON" for s in subjects)


def _is_utterance(sent: Span) -> bool:
    """Does the sentence close as running text does? A line without a full stop is a heading or a
    photo caption (news style sets neither as a sentence), whose subject is no center."""
    return is_utterance_line(sent.text)


def is_utterance_line(text: str) -> bool:
    """Does the text close as running text does (``_is_utterance``)?"""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL_MARKS


def clause_subjects(verb: Token) -> list[Token]:
    """Active and passive subjects of a verb, also those the parser hangs on its auxiliary."""
    auxiliaries = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    return [s for v in [verb, *auxiliaries] for s in v.children if s.dep_ in CLAUSE_SUBJECT_DEPS]


def in_quotation(offset: int, quoted: Quotations) -> bool:
    """Is the text at ``offset`` inside a quotation (start, end)? Words someone says, not whom the
    text is about."""
    return any(start <= offset < end for start, end in quoted)


# ------------------------------------------------------------------ salience of earlier referents

# How salient a referent is made by one word realizing it, by the word's grammatical role: Lappin
# and Leass's (1994) salience factors, a graded form of centering's ranking of forward-looking
# centers (subject > existential > object > indirect object or oblique; a noun phrase standing on
# its own over one embedded in another; a complement over an adverbial). The sum over a referent's
# realizations is halved at each sentence boundary going back (their recency factor), so the
# referent an article keeps talking about stays salient across the sentences that leave it out.
RECENCY_WEIGHT = 100.0
ROLE_WEIGHTS = {"nsubj": 80.0, "nsubjpass": 80.0, "expl": 70.0, "dobj": 50.0, "dative": 40.0}
HEAD_NOUN_WEIGHT = 80.0
NON_ADVERBIAL_WEIGHT = 50.0
# Dependencies that embed a noun in another noun phrase: it is no head noun of its own.
EMBEDDED_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod", "appos"})


def realization_salience(word: Token, at: Token, decay: float = 0.5) -> float:
    """The salience the word (the head of an earlier noun phrase) gives its referent at ``at``, a
    later word: recency, role and embedding weights, times ``decay`` per sentence between them
    (Lappin and Leass halve it)."""
    role = word
    while role.dep_ == "conj" and role.head.i != role.i:  # "China and Russia": each has the first's role
        role = role.head
    weight = RECENCY_WEIGHT + ROLE_WEIGHTS.get(role.dep_, 0.0)
    if role.dep_ == "attr" and any(c.dep_ == "expl" for c in role.head.children):  # "there is a war"
        weight += ROLE_WEIGHTS["expl"]
    if role.dep_ not in EMBEDDED_DEPS and not (role.dep_ == "pobj" and role.head.head.pos_ in ("NOUN", "PROPN")):
        weight += HEAD_NOUN_WEIGHT
    if not _in_adverbial(role):
        weight += NON_ADVERBIAL_WEIGHT
    return weight * decay ** sentences_between(word, at)


def _in_adverbial(word: Token) -> bool:
    """Is the word inside a prepositional phrase that modifies a verb ("fired over Japan")?"""
    node = word
    for _ in range(_CLAUSE_LEVELS):
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            return True
        if node.head.i == node.i or node.dep_ in CLAUSE_SUBJECT_DEPS | {"dobj"}:
            return False
        node = node.head
    return False


def sentences_between(word: Token, at: Token) -> int:
    """How many sentence boundaries lie between an earlier word and a later one."""
    doc, count, start = at.doc, 0, at.sent.start
    while start > word.i:
        count += 1
        start = doc[start - 1].sent.start
    return count


def commanding_subjects(word: Token) -> set[int]:
    """Indices of the subjects of the clauses that hold the word and come before it: they
    c-command it, and a full noun phrase never takes up a noun phrase that c-commands it (binding
    theory's Principle C: in "Moon said the sanctions fail to restrain the despot", the despot is not
    Moon)."""
    found = set()
    for subject in governing_subjects(word):
        found |= {t.i for t in subject.subtree if t.dep_ in ("compound", "flat") or t.i == subject.i}
    return found


def most_salient(candidates: dict[str, list[Mention]], head: Token, unbarred: frozenset[int] = frozenset()) -> str | None:
    """The referent the description takes up: one realized earlier in its own sentence if any (the
    clauses before it are its previous utterance, as centering reads a complex sentence: "South
    Korea's president said the country could"), the most salient of them by the sum over its
    realizations (``realization_salience``); a tie goes to the one realized higher in the parse (the
    less oblique: "North Korea's firing of a missile over Japan"). Never one that c-commands it
    (but for the ``unbarred`` words: a realization that is not the referent itself)."""
    doc, barred = head.doc, commanding_subjects(head) - unbarred
    # per sentence, a referent counts its most salient realization (Lappin and Leass count each
    # factor once per sentence: "the Japanese island of Hokkaido" realizes Japan once)
    by_sentence: dict[tuple[str, int], float] = defaultdict(float)
    here: dict[str, int] = {}  # referents realized before the description in its sentence: their least depth
    for referent, realizations in candidates.items():
        for m in realizations:
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None or span.root.i in barred or in_heading(doc.text, m.span.start, head.idx):
                continue
            key = (referent, span.root.sent.start)
            by_sentence[key] = max(by_sentence[key], realization_salience(span.root, head))
            if span.root.sent.start == head.sent.start and "\n" not in doc.text[m.span.end:head.idx]:
                here[referent] = min(here.get(referent, 99), _depth(span.root))
    scores: dict[str, float] = defaultdict(float)
    for (referent, _), weight in by_sentence.items():
        scores[referent] += weight
    pool = list(here) or list(scores)
    return max(pool, key=lambda r: (scores[r], -here.get(r, 0))) if pool else None


def in_heading(text: str, offset: int, at: int) -> bool:
    """Is the offset in a line of its own before ``at`` that does not close as running text does (a
    heading, a photo caption)? News style sets neither as a sentence: what it names is no center of
    the text (``centering.is_utterance_line``), though the parser may join it to the next sentence."""
    end = text.find("\n", offset)
    if end == -1 or end >= at:
        return False
    return not is_utterance_line(text[text.rfind("\n", 0, offset) + 1:end])


def _depth(word: Token) -> int:
    """How many dependency edges lie between the word and its sentence's root."""
    depth = 0
    while word.head.i != word.i and depth < 50:
        word, depth = word.head, depth + 1
    return depth
