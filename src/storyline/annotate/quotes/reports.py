"""Where a found attribution's content starts and ends and who its source is, once all attributions
of the article are known: the time of the saying before the content ("said on Monday it had ..."), a
report set after a content ("..., according to Radio Tarn"), a sibling report of the same source
("..., adding that ..."), a dateline taken for the source, the outlet that quoted someone ("X was quoted
by Y as saying") taken for the source. These passes read
the other attributions of the sentence, which the per-cue attribution model does not see.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.annotate.quotes import rules
from storyline.annotate.quotes.candidates import lexicon_class
from storyline.annotate.quotes.marks import QuotedSpan
from storyline.annotate.quotes.rules import Attribution
from storyline.annotate.quotes.speaker import dateline_end
from storyline.model import Mention, Speaker


def past_datelines(attributions: list[Attribution], text: str) -> None:
    """A source that is only the dateline opening its paragraph ("SEOUL/OSLO (Reuters) - Nordair
    said ...", "TARNBY, Vt. — The ferry, blasting ..."): the place and wire say where the story
    was filed, not who speaks, though the parse may take them for the cue's subject. The source
    is the cue's subject after the dateline, else there is none."""
    for att in attributions:
        end = dateline_end(text, att.source[0]) if att.source else None
        if end is None or end < att.source[1]:
            continue  # no dateline, or one joined to the name after it (``speaker``'s to cut)
        subject = next((c for c in att.cue_token.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= end), None)
        att.source_token = subject
        att.source = rules.trim(text, (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))) \
            if subject is not None else None


def quoted_as_saying(attributions: list[Attribution], text: str) -> None:
    """"X was quoted by Y as saying ...", "Y quoted X as saying ...", "..., quoting X as saying ...": X
    is the speaker and Y, when it names a news outlet ("Tass news agency", "Reuters"), the medium. The
    verb "quote" reports that Y passed on what X said, and "as saying" predicates the saying of its
    object, so the parse's subject or agent, which the cue model takes for the source, is the one who
    passed it on. A content that took in the quoted phrase ("him as saying, ...") starts after "saying"."""
    for att in attributions:
        verb, saying = _quoting_verb(att.cue_token)
        if verb is None:
            continue
        quoted, quoter = _quoted_and_quoter(verb)
        if quoted is None:
            continue
        att.source_token = quoted
        att.source = rules.trim(text, (quoted.left_edge.idx, quoted.right_edge.idx + len(quoted.right_edge)))
        att.medium = (rules.addressed_medium(quoter) if quoter is not None else None) or att.medium
        cut = saying.idx + len(saying)
        att.contents = [rules.trim(text, (cut, end)) if start <= saying.idx < end else (start, end)
                        for start, end in att.contents]
        att.contents = [c for c in att.contents if c[0] < c[1]]


def _quoting_verb(cue: Token) -> tuple[Token | None, Token | None]:
    """The verb "quote" of a cue and its "saying" ("quoted ... as saying", "quoted ... saying"): the cue
    itself or the verb its "saying" hangs from; (None, None) when the cue is no such report."""
    if cue.lemma_ == "quote":
        saying = _saying_of(cue)
        return (cue, saying) if saying is not None else (None, None)
    if cue.lemma_ == "say" and cue.tag_ == "VBG":
        verb = cue.head.head if cue.dep_ == "pcomp" and cue.head.lower_ == "as" else cue.head
        if verb.lemma_ == "quote" and _saying_of(verb) == cue:
            return verb, cue
    return None, None


def _saying_of(verb: Token) -> Token | None:
    """The "saying" that says what the quoted one said: right on the verb or after its "as"."""
    direct = [c for c in verb.children if c.dep_ == "advcl" and c.lemma_ == "say" and c.tag_ == "VBG"]
    after_as = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children if p.dep_ == "pcomp" and p.lemma_ == "say"]
    return next(iter(direct + after_as), None)


def _quoted_and_quoter(verb: Token) -> tuple[Token | None, Token | None]:
    """Who is quoted and who quotes: the passive's subject and agent, or the active verb's object and
    subject (none for a participle, "..., quoting him as saying", whose quoter is the clause's)."""
    children = {c.dep_: c for c in verb.children}
    if "nsubjpass" in children:
        agent = children.get("agent")
        quoter = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
        return children["nsubjpass"], quoter
    return children.get("dobj"), children.get("nsubj")


def across_false_sentence_ends(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """Carry a content with no verb on over the sentence the parser split it from ("said PM | Ada
    Lund was outraged ...", the title read as the time "p.m."): a sentence ends at its final
    punctuation, so where nothing but a space stands between the content and the next sentence on
    its line, the split is the segmenter's, and a title or a name alone is no statement; what was
    said is the clause it opens. Never for a quotation, which keeps its own marks."""
    for att in attributions:
        att.contents = [_over_false_end(att.cue_token.doc, text, content, quotes) for content in att.contents]


# Marks that end a sentence, or close a quotation that may end one.
_FINAL_MARKS = frozenset(".!?…;:" + rules.QUOTE_CHARS)


def _over_false_end(doc, text: str, content: tuple[int, int], quotes: list[QuotedSpan]) -> tuple[int, int]:
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span) or span.sent.end >= len(doc) \
            or any(q.start <= content[0] < q.end for q in quotes):
        return content
    following = doc[span.sent.end].sent
    gap = text[content[1]:following.start_char]
    if span.end != span.sent.end or text[content[1] - 1] in _FINAL_MARKS or gap.strip() or "\n" in gap \
            or not following.text[:1].isupper():
        return content
    return rules.trim(text, (content[0], following.end_char))


def past_time_of_saying(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """Start a content after the time of the saying set right after the cue ("Nordair said on
    Monday it had ...", "the ministry said this morning it opposed ...", "the airline claimed at
    the time it ..."): news style sets when a statement was made right after its verb, and such a
    modifier says when it was said, not what. The parse often hangs it on the complement's verb
    when no "that" follows; but a time phrase of the complement itself comes after its "that"
    ("said that on Monday it had ..."), so one between the cue and the complement's subject, with
    no "that" before it, is the saying's. The content is the complement after it (a following
    "that" goes too, as after "said"), and the cue ends before it. Never inside a quotation."""
    for att in attributions:
        cue = att.cue_token
        heads = [cue] + [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i
                         and not any(m.dep_ == "mark" and m.i < c.i for m in c.children)]
        times = [(m.left_edge, last) for verb in heads for m in verb.children
                 if m.i > cue.i and m.dep_ in ("prep", "npadvmod") and _before_subject(m, verb)
                 for last in [_time_phrase_end(m)] if last is not None]
        contents = [_after_time(text, content, times, quotes) for content in att.contents]
        att.contents = [c for c in contents if c is not None]
        att.cue = _cue_before_time(text, att.cue, times)


def _before_subject(modifier: Token, verb: Token) -> bool:
    """The modifier comes before the verb's subject (none: the cue itself, whose subject precedes
    it, before its complement)."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > modifier.i]
    return not subjects or modifier.right_edge.i < min(subjects)


def _time_phrase_end(modifier: Token) -> Token | None:
    """The last word of a phrase of time opened by ``modifier``, None when it is none: the tagger's
    date or time expression throughout ("on Monday", "this morning"), or "at the time", a fixed
    phrase for "then" whose noun the parser often takes for the head of the clause after it ("at
    the time it does not ..." read as "the time when it does not ...")."""
    words = [t for t in modifier.subtree if not t.is_punct]
    if all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep" and t.i == modifier.i for t in words) \
            and any(t.ent_type_ for t in words):
        return modifier.right_edge
    noun = next((c for c in modifier.children if c.dep_ == "pobj"), None)
    if modifier.lower_ == "at" and noun is not None and noun.lower_ == "time" \
            and all(c.dep_ == "relcl" or c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            and any(c.dep_ == "det" for c in noun.children):
        return noun
    return None


def _after_time(text: str, content: tuple[int, int], times: list[tuple[Token, Token]],
                quotes: list[QuotedSpan]) -> tuple[int, int] | None:
    """The content after a time phrase it starts inside (the cue may have taken the phrase's "at");
    None when nothing but the time is left ("said at the time."): when something was said is not
    what was said."""
    start, end = content
    for first, last in times:
        if first.idx <= start <= last.idx and not any(q.start <= start < q.end for q in quotes):
            rest = _LEADING_THAT.match(text, min(last.idx + len(last), end), end)
            return (rest.end(), end) if _WORD.search(text, rest.end(), end) else None
    return content


_WORD = re.compile(r"\w")


def _cue_before_time(text: str, cue: tuple[int, int], times: list[tuple[Token, Token]]) -> tuple[int, int]:
    """The cue without the opening words of a time phrase it ends inside ("claimed at" of "claimed
    at the time"): a cue that splits a phrase holds a piece of no word group of its own (a cue
    that holds the whole phrase, "said Friday", is left as it is)."""
    for first, last in times:
        if cue[0] < first.idx < cue[1] < last.idx + len(last):
            return rules.trim(text, (cue[0], first.idx))
    return cue


_LEADING_THAT = re.compile(r"[\s,]*(?:that\b\s*)?")


def content_before_postposed_clauses(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """A reporting clause set after its content with a phrase after the cue ("..., Ada Lund, the
    ferry's captain, said in a statement."; "..., Tor Vik said during a news conference."): what
    was said is the clause before the reporting clause, and its speaker the noun phrase between
    that clause's comma and the cue. A phrase hung on the cue ("in a statement", "during a news
    conference") says where or how it was said, never what (PolNeAR: the content is what is
    attributed, the source who it is attributed to); the parser, joining the cue to the clause
    before as a coordinated verb, gives it no subject, and the model then takes the phrase's object
    for the content and the clause's subject for the source. Only when nothing but such phrases
    follows the cue in its sentence, and the words before the speaker form a clause of their own."""
    for att in attributions:
        cue = att.cue_token
        if not _only_phrases_follow(cue) or not all(_inside_a_phrase_of(cue, content) for content in att.contents):
            continue
        speaker = _postposed_speaker(cue)
        quotation = _quotation_closed_before(text, speaker[0], quotes) if speaker is not None else None
        if quotation is not None:
            _claim_the_quotation(att, attributions, text, quotation, _speaker_next_to(cue, speaker))
            continue
        speaker = _speaker_next_to(cue, speaker) if speaker is not None else None
        clause = _clause_before(text, cue, speaker[0]) if speaker is not None else None
        if clause is None:
            if _drop_circumstance_contents(att):
                _content_from_the_sentence_before(att, attributions, text, speaker)
            continue
        att.contents = [clause]
        if not _own_subject(cue):
            att.source, att.source_token = _source_phrase(text, speaker)


# Prepositions of where, when and through what something was said ("in an interview", "during a
# news conference", "at a rally", "via a spokesman"); "on", "about", "of", "for" also head what a
# verb is about ("commented on the plan", "warned of a crisis"), so they are left out.
_CIRCUMSTANCE_PREPOSITIONS = frozenset({"in", "during", "at", "via", "through", "after", "before", "from"})


def cue_before_circumstance_clauses(attributions: list[Attribution], text: str) -> None:
    """End the cue before a phrase of its own that tells of another happening ("said after gloving
    the ball", "revealed after the game", "has said amid fears it could ...", "said in statements that
    apologized ..."): the cue is the reporting word with its auxiliaries and the words of how it was
    said (PolNeAR's cue); a phrase that sets the saying after, amid or despite something, or holds a
    predicate of its own, tells when or why it was said, not the saying. A clause on the phrase's
    noun ends the cue before that clause only ("said in a statement released by the club": the
    phrase up to its noun still says how); a participle before the noun is an adjective, no
    predicate ("said in an emailed statement"). Not a phrase that holds the source or a content
    ("according to a report published ...", "responded to the profile, in which ..."): its
    preposition belongs to the reporting verb."""
    for att in attributions:
        cue = att.cue_token
        if cue.lower_ == "according":
            continue  # "according to" is one preposition: its "to" is the cue's own
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):
            cut = _circumstance_start(prep, att.cue[1]) if att.cue[0] < prep.idx < att.cue[1] else None
            if cut is not None and not any(_touches_phrase(prep, span) for span in [att.source, *att.contents] if span):
                att.cue = rules.trim(text, (att.cue[0], cut))
                break


# Prepositions that set the saying against another happening in time, cause or concession ("after
# the game", "amid fears", "despite the ban", "following the vote", "before the match"): such a
# phrase says when or why something was said, never how, so no cue holds it.
_CIRCUMSTANCE_OF_SAYING = frozenset("after amid amidst despite following before".split())


def _circumstance_start(prep: Token, cue_end: int) -> int | None:
    """Where the cue ending at ``cue_end`` should end for the phrase ``prep`` opens: at the phrase for
    a circumstance of the saying or a predicate inside the cue, at the clause for one on the
    phrase's noun; None when the phrase stays in the cue."""
    if prep.lower_ in _CIRCUMSTANCE_OF_SAYING:
        return prep.idx
    predicate = next((t for t in prep.subtree if t.pos_ == "VERB" and t.dep_ != "amod" and t.idx < cue_end), None)
    if predicate is None:
        return None
    if predicate.dep_ in ("acl", "relcl") and predicate.head.i > prep.i:
        return predicate.left_edge.idx
    return prep.idx


def _touches_phrase(phrase: Token, span: tuple[int, int]) -> bool:
    last = phrase.right_edge
    return span[0] < last.idx + len(last) and phrase.idx < span[1]


def _drop_circumstance_contents(att: Attribution) -> bool:
    """"Tor Vik said in an interview." with no clause before the reporting clause in its sentence:
    the phrase says where it was said, never what (PolNeAR's content is what is attributed); what
    was said stands in an earlier sentence or nowhere, so no content is shown from the phrase. Not
    when a phrase holds a finite verb: a clause there is what was said, misparsed ("said at the
    time that it ...", the clause read as one on "time"; "hints at why it ...")."""
    cue = att.cue_token
    if lexicon_class(cue.lemma_.lower()) == "thought":
        return False  # a verb of thought takes what is thought with a preposition: "believe in", "think of"
    preps = [c for c in cue.children if c.dep_ == "prep" and c.i > cue.i]
    if preps and all(p.lower_ in _CIRCUMSTANCE_PREPOSITIONS and not _holds_a_clause(p) for p in preps):
        att.contents = []
        return True
    return False


def _content_from_the_sentence_before(att: Attribution, attributions: list[Attribution], text: str,
                                      speaker: tuple[Token, Token] | None) -> None:
    """"The mill closed last spring. Its owner, Ada Lund, said in an interview.": a reporting clause
    that is a whole sentence, with nothing said in it, reports the sentence before it (PolNeAR
    annotates that sentence as the content, across the sentence boundary, when it carries no
    attribution of its own; news style sets the source after a statement, its own sentence when
    the statement is long). Only when the reporting clause opens its sentence, the sentence before
    is in the same paragraph (a new paragraph opens a new stretch of reporting), holds a finite
    verb and ends a statement (not a question), and no other attribution has its cue or a content
    there (a sentence already attributed is another's report, and the clause then repeats where
    that one was said, or names a second source)."""
    cue = att.cue_token
    if speaker is None or not _opens_its_sentence(speaker[0]):
        return
    previous = _sentence_before(cue)
    if previous is None:
        return
    span = rules.trim(text, (previous.start_char, previous.end_char))
    if span[0] >= span[1] or "\n" in text[span[1]:speaker[0].idx]:
        return
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in previous) or _ends_a_question(previous):
        return
    if any(_touches(other, span) for other in attributions if other is not att):
        return
    att.contents = [span]


def _opens_its_sentence(first: Token) -> bool:
    """Only punctuation (an opening quotation mark, a dash) stands before ``first`` in its sentence."""
    return all(t.is_punct or t.is_space for t in first.doc[first.sent.start:first.i])


def _sentence_before(cue: Token):
    """The sentence before the cue's, None at the start of the text."""
    start = cue.sent.start
    return cue.doc[start - 1].sent if start > 0 else None


def _ends_a_question(sentence) -> bool:
    last = [t for t in sentence if not t.is_space and t.text not in rules.QUOTE_CHARS]
    return bool(last) and last[-1].text == "?"


def _touches(att: Attribution, span: tuple[int, int]) -> bool:
    """The attribution has its cue or a content within ``span``."""
    start, end = span
    return start <= att.cue[0] < end or any(s < end and start < e for s, e in att.contents)


def _holds_a_clause(phrase: Token) -> bool:
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in phrase.subtree)


def _only_phrases_follow(cue: Token) -> bool:
    """The cue is a finite verb of speech or thought after which its sentence holds only its own
    prepositional phrases, the hearer of "tell" and punctuation ("said in a statement.", "told
    Radio Tarn.", "has said amid fears it could ...")."""
    if not _is_finite(cue) or lexicon_class(cue.lemma_.lower()) not in ("speech", "thought"):
        return False
    phrases = [t for c in _phrases_after(cue) for t in c.subtree]
    after = [t for t in cue.doc[cue.i + 1:cue.sent.end] if not t.is_punct and not t.is_space]
    return bool(after) and all(t in phrases for t in after)


def _is_finite(verb: Token) -> bool:
    """A verb in a tense: a past or present form, or a participle with a perfect's auxiliary ("has
    said", "had warned": the auxiliary carries the tense; a passive's "was said" has a subject that
    is no speaker, so it is left out)."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children)


def _phrases_after(cue: Token) -> list[Token]:
    """The heads of the cue's prepositional phrases after it, of its object when the cue is "tell":
    "tell" takes whom it is told to as its object ("told Radio Tarn", "told reporters"), the hearer,
    never what was told, which is the clause; and of a passive report opened by "as" ("said as cited
    by Radio Tarn"), a comment on who relayed the saying (``_is_passive_report``)."""
    hearer = ("dobj", "dative") if cue.lemma_.lower() == "tell" else ()
    return [c for c in cue.children
            if c.i > cue.i and (c.dep_ == "prep" or c.dep_ in hearer or _is_passive_report(c))] \
        + _clauses_of_circumstances(cue)


def _clauses_of_circumstances(cue: Token) -> list[Token]:
    """A clause the parser hung on the cue right after a circumstance phrase ("..., the minister has
    said amid fears it could leave"), when the cue's own complement stands before it: a verb takes
    one complement, so the clause after "amid fears" says what the fears are of, the noun's content
    clause, and belongs to the phrase."""
    if not any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children):
        return []
    ends = {c.right_edge.i for c in cue.children
            if c.dep_ == "prep" and c.i > cue.i and c.lower_ in _CIRCUMSTANCE_OF_SAYING}
    return [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and c.left_edge.i - 1 in ends]


def _inside_a_phrase_of(cue: Token, content: tuple[int, int]) -> bool:
    """The content lies within a prepositional phrase hung on the cue (its object, "a statement"),
    or is the hearer of "tell" (``_phrases_after``)."""
    for phrase in _phrases_after(cue):
        first, last = phrase.left_edge, phrase.right_edge
        if first.idx <= content[0] and content[1] <= last.idx + len(last) + 1:
            return True
    return False


def _own_subject(cue: Token) -> Token | None:
    return next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)


def _subjects_after_quotations(cue: Token) -> list[Token]:
    """The cue's subjects before it with no quotation mark between them and the cue: a quotation's
    last words the parser took for a subject ("... One of the ablest people on the council," Tor
    Vik said) are what was said, not who said it."""
    doc = cue.doc
    return [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i
            and not any(t.text in rules.QUOTE_CHARS for t in doc[c.right_edge.i + 1:cue.i])]


def _speaker_next_to(cue: Token, speaker: tuple[Token, Token]) -> tuple[Token, Token]:
    """Of two subjects of the cue side by side, one noun phrase the parser split ("the legal firm"
    and "J.P. Lund" of "the legal firm J.P. Lund said"), the one next to the verb: the name."""
    subjects = _subjects_after_quotations(cue)
    return (subjects[-1].left_edge, subjects[-1].right_edge) if len(subjects) > 1 else speaker


def _quotation_closed_before(text: str, first: Token, quotes: list[QuotedSpan]) -> QuotedSpan | None:
    """The quotation that closes with a comma right before the speaker starting at ``first``
    ("\"..., one of the ablest people on the council,\" Tor Vik said in an interview."):
    the comma inside the closing mark says the sentence goes on into the quotation's reporting
    clause, so the quotation is what that clause reports (the parser may split the quotation into
    sentences and take its last words for the cue's subject)."""
    for quote in quotes:
        closed_by_comma = text[quote.start:quote.end].rstrip().endswith(",")
        if quote.closed and closed_by_comma and quote.outer_end <= first.idx \
                and not text[quote.outer_end:first.idx].strip():
            return quote
    return None


def _claim_the_quotation(att: Attribution, attributions: list[Attribution], text: str, quotation: QuotedSpan,
                         speaker: tuple[Token, Token]) -> None:
    """Make the quotation the attribution's content and the noun phrase after it its source; another
    attribution that took the quotation by position gives it up (``_quotation_closed_before``)."""
    content = rules.trim(text, (quotation.start, quotation.end))
    for other in attributions:
        if other is not att:
            other.contents = [c for c in other.contents if not (c[0] < content[1] and content[0] < c[1])]
    att.contents = [content]
    att.source, att.source_token = _source_phrase(text, speaker)


def _source_phrase(text: str, phrase: tuple[Token, Token]) -> tuple[tuple[int, int], Token]:
    """The source span of the phrase from its first to its last token, and the phrase's head (the
    token whose head lies outside it)."""
    first, last = phrase
    head = next(t for t in first.doc[first.i:last.i + 1] if not (first.i <= t.head.i <= last.i) or t.head == t)
    return rules.trim(text, (first.idx, last.idx + len(last))), head


def _postposed_speaker(cue: Token) -> tuple[Token, Token] | None:
    """First and last token of the reporting clause's subject: the cue's own subject when the parse
    gives it one, else the noun phrases set off by commas right before the cue ("Ada Lund, the
    ferry's captain,"): in a reporting clause the subject stands next to its verb. None when no
    noun phrase stands there. A subject inside a quotation is none (``_subjects_after_quotations``)."""
    subjects = _subjects_after_quotations(cue)
    if subjects:
        return subjects[0].left_edge, subjects[0].right_edge
    segments = _comma_segments(cue)
    speaker = []
    for segment in segments[:3]:
        if not _is_noun_phrase(segment):
            break
        speaker = segment + speaker
    if not speaker or not any(t.pos_ in ("PROPN", "NOUN") for t in speaker):
        return None
    return speaker[0], speaker[-1]


def _comma_segments(cue: Token) -> list[list[Token]]:
    """The words of the cue's sentence before it, split at commas, nearest the cue first."""
    return _split_at_commas(cue.doc[cue.sent.start:cue.i])[::-1]


def _split_at_commas(tokens: Iterable[Token], keep_punct: bool = True) -> list[list[Token]]:
    """The tokens in runs between commas, in text order, empty runs left out (other punctuation
    kept or left out by ``keep_punct``)."""
    segments, current = [], []
    for tok in tokens:
        if tok.text == ",":
            if current:
                segments.append(current)
            current = []
        elif keep_punct or not tok.is_punct:
            current.append(tok)
    if current:
        segments.append(current)
    return segments


def _is_noun_phrase(segment: list[Token]) -> bool:
    """Every word whose head lies outside the segment is a noun, a name, a pronoun or a number (a
    name, an apposition "the ferry's captain", an age "45"), and no verb heads part of it."""
    ids = {t.i for t in segment}
    roots = [t for t in segment if t.head.i not in ids or t.head == t]
    return all(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in roots) \
        and not any(t.text in rules.QUOTE_CHARS for t in segment)


def _clause_before(text: str, cue: Token, speaker_start: Token) -> tuple[int, int] | None:
    """The sentence before the reporting clause, when it ends in a comma right before the speaker
    and holds a finite verb of its own (a clause, not a list of names)."""
    doc = cue.doc
    before = doc[cue.sent.start:speaker_start.i]
    while len(before) and before[-1].text in rules.QUOTE_CHARS:  # ',"' closes a quotation before the clause
        before = before[:-1]
    if len(before) < 2 or before[-1].text != ",":
        return None
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before):
        return None
    start = before[0].idx
    dateline = dateline_end(text, start)
    start, end = rules.trim(text, (dateline or start, before[-1].idx))
    return (start, end) if start < end else None


def content_before_inverted_clauses(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """An inverted reporting clause after its content ("..., reported The Daily Planet."; ""...,"
    said local baker Tom Reed, 41, hours after ..."): English puts the subject after the verb of
    saying only in a reporting clause that follows (or interrupts) what was said (quotative
    inversion), so the noun phrase after the cue is the source and the content is the clause before
    the comma. The parser reads that noun phrase as the cue's object or as the subject of a clause
    after it, and the model then shows the source as the content. Only for a finite verb of speech
    set off by a comma, with no subject of its own before it, whose content the model took from
    after it, when the words right after the cue are a definite or named noun phrase ("said
    nothing", "reported a loss" are objects, not sources)."""
    for att in attributions:
        cue = att.cue_token
        if not _inverted_after_comma(cue) or not all(start >= att.cue[1] for start, _ in att.contents):
            continue
        speaker = _inverted_speaker(cue)
        if speaker is None:
            continue
        clause = _clause_before(text, cue, cue)
        if clause is None:
            continue
        att.contents = [clause]
        att.source, att.source_token = _source_phrase(text, speaker)
        for other in attributions:
            if other is not att and _participle_right_after(other.cue_token, speaker[1]):
                other.source, other.source_token = att.source, att.source_token


def _participle_right_after(verb: Token, last: Token) -> bool:
    """Is ``verb`` a speech participle with no subject of its own that follows the inverted source
    ending at ``last`` with nothing but punctuation between ("..., reported local media, adding that
    ...")? An adjunct participle takes its subject from the clause it modifies, here the inverted
    reporting clause, whose subject is the source after its verb; the parser hangs it on the clause
    before and the model takes that clause's subject, who reported nothing."""
    doc = verb.doc
    return verb.tag_ == "VBG" and lexicon_class(verb.lemma_.lower()) == "speech" and verb.sent == last.sent \
        and last.i < verb.left_edge.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and all(t.is_punct for t in doc[last.i + 1:verb.left_edge.i])


def _inverted_after_comma(cue: Token) -> bool:
    """The cue is a finite verb of speech right after a comma (or a comma and a closing quotation
    mark) with no subject of its own before it."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or lexicon_class(cue.lemma_.lower()) != "speech" or _own_subject(cue):
        return False
    before = [t for t in cue.doc[cue.sent.start:cue.i] if t.text not in rules.QUOTE_CHARS]
    return bool(before) and before[-1].text == ","


def _inverted_speaker(cue: Token) -> tuple[Token, Token] | None:
    """First and last token of the noun phrases set off by commas right after the cue ("The Daily
    Planet"; "local baker Tom Reed, 41"), when the first is named or definite: an indefinite or
    pronoun object ("a loss", "nothing") is what was said, not who said it."""
    segments = _comma_segments_after(cue)
    speaker = []
    for segment in segments[:3]:
        if not _is_noun_phrase(segment):
            break
        speaker.extend(segment)
    if not speaker or not _named_or_definite(segments[0]):
        return None
    return speaker[0], speaker[-1]


def _named_or_definite(segment: list[Token]) -> bool:
    ids = {t.i for t in segment}
    root = next(t for t in segment if t.head.i not in ids or t.head == t)
    if root.pos_ == "PROPN":
        return True
    return root.pos_ == "NOUN" and not any(t.dep_ == "det" and t.lower_ not in ("the", "this", "that") for t in segment)


def _comma_segments_after(cue: Token) -> list[list[Token]]:
    """The words of the cue's sentence after it, split at commas, nearest the cue first."""
    return _split_at_commas(cue.doc[cue.i + 1:cue.sent.end], keep_punct=False)


def end_before_sibling_reports(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """End a content where a report of the same source begins that is the cue's sibling, not part
    of its complement ("recalled the ferry speeding up, adding that ...", "described X but said Y"):
    the participle or coordinated verb sharing the cue's subject reports a statement of its own
    (its own attribution), which the first cue's content does not include. A report inside the
    complement ("said that Ada had said ...") is nested and stays; a cut inside a quotation is
    never made. So does any predicate coordinated with the cue, reporting or not ("Investigators
    said the ferry was late, and are checking whether ...", "accused them of theft and the crew were
    asked to leave"): a conjunct of the cue is the sentence's next predicate, outside the cue's
    complement, which is what was said."""
    for att in attributions:
        siblings = [o.cue_token for o in attributions
                    if o is not att and _shares_the_subject(o.cue_token, att.cue_token)]
        siblings += [c for c in att.cue_token.children if _coordinated_predicate(c, att.cue_token)]
        for sibling in siblings:
            cut = sibling.left_edge.idx
            att.contents = [_ended_at(text, content, cut, quotes) for content in att.contents]


def participles_of_the_reporter(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """A speech participle set off by a comma at the end of a reported clause ("Ada told reporters
    that the parties could reach a deal, while reiterating that ...", "..., adding that ...") reports
    again for the reporter: an adjunct participle takes its subject from the clause it modifies,
    and news style sets it after the whole report, whose subject is the one who speaks on. The
    parser hangs it on the content's verb, whose subject ("the parties") never reiterated
    anything; so the participle's source is the outer report's, and the outer content ends before
    ", while ...". Only for a report that opens its sentence, content after the cue: a reporting
    clause set after its content (", Reuters reported") reports the whole sentence before it,
    participle and all ("X claimed the attack, saying ..., Reuters reported": X's saying). Never
    inside a quotation."""
    for outer in attributions:
        for other in attributions:
            if other is not outer and _continues_the_report(other.cue_token, outer, quotes):
                other.source, other.source_token = outer.source, outer.source_token
                cut = other.cue_token.left_edge.idx  # "while" of ", while reiterating" too
                outer.contents = [_ended_at(text, content, cut, quotes) for content in outer.contents]


def _continues_the_report(verb: Token, outer: Attribution, quotes: list[QuotedSpan]) -> bool:
    """Is ``verb`` a speech participle with no subject of its own, set off by a comma, inside the
    complement of ``outer``'s cue and in one of its contents after the cue, outside any quotation?"""
    doc, cue = verb.doc, outer.cue_token
    before = verb.left_edge.i - 1
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and lexicon_class(verb.lemma_.lower()) == "speech" \
        and verb.head.i != cue.i and cue.is_ancestor(verb) and before >= 0 and doc[before].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(cue.idx < start < verb.idx < end for start, end in outer.contents) \
        and not any(q.start <= verb.idx < q.end for q in quotes)


def end_before_trailing_reports(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """End a content where a report set after what it reports begins ("Ines Varn says the ferry left
    at noon, according to Radio Tarn"; "Ada said the talks failed, the agency reported"): a
    postposed reporting clause names who reports the sentence before it, so it is outside what the
    nested source said. Another attribution's cue inside the content, whose own content lies
    before that cue, is such a clause; the cut is never made inside a quotation."""
    for att in attributions:
        for other in attributions:
            if other is not att and _reports_what_precedes(other) and _is_reporting_clause(other):
                att.contents = [_ended_at(text, content, cut, quotes) if _set_off(text, cut) else content
                                for content in att.contents for cut in [_clause_start(other, content)]]


def _set_off(text: str, cut: int) -> bool:
    """A comma closes what comes before the clause at ``cut`` (also inside a closing quotation
    mark, ",” the agency reported"): a postposed reporting clause is set off so; a verb
    reached without one ("fares that were opposed by the union") is inside the
    sentence's own clause."""
    return bool(_SET_OFF.search(text[max(0, cut - 12):cut]))


_SET_OFF = re.compile(r",[\s\"'”’]*(?:as\s+)?$")


def _is_reporting_clause(att: Attribution) -> bool:
    """The attribution's cue opens a clause that reports: "according to X", or a verb of speech or
    thought with a subject of its own (", the agency reported", ", as many first claimed"). A verb
    with its own subject heads a finite clause (the tagger's past participle for "claimed" after
    "many" is a past tense); a participle has none: set off by commas it modifies the noun before
    it (", known as the Falcon", ", named Ada by the press", ", expected to fly in May"), inside the
    sentence whose content it is, so nothing is cut there. A passive report after its content is
    one when "as" opens it (", as reported by Radio Tarn": ``_is_passive_report``)."""
    cue = att.cue_token
    if cue.lower_ == "according":
        return True
    if lexicon_class(cue.lemma_.lower()) not in ("speech", "thought"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) or _is_passive_report(cue)


def _is_passive_report(cue: Token) -> bool:
    """A passive verb of speech with its agent, opened by "as" (", as reported by Radio Tarn", ", as
    cited by the agency"): "as" makes the clause comment on the whole sentence before it, whose
    reporter the agent is. Without "as" a participle after a noun is a reduced relative clause on
    that noun (", cited by the union": the thing the union cited), no report of the sentence."""
    children = {c.dep_: c for c in cue.children}
    return "agent" in children and children.get("mark") is not None and children["mark"].lower_ == "as"


def is_bare_participle_report(att: Attribution) -> bool:
    """The cue is a participle with an agent but no subject and no "as", set after its content
    ("the strikes in the valley, cited by the union"): a reduced relative clause on the noun before
    it, whose agent cited that noun, not the sentence before it (``_is_passive_report``)."""
    cue = att.cue_token
    deps = {c.dep_ for c in cue.children}
    return cue.tag_ == "VBN" and "agent" in deps and not deps & {"nsubj", "nsubjpass", "mark"} \
        and _reports_what_precedes(att)


def _reports_what_precedes(att: Attribution) -> bool:
    """The attribution's contents all end before its cue: its reporting clause follows them."""
    return bool(att.contents) and all(end <= att.cue[0] for _, end in att.contents)


def _clause_start(att: Attribution, content: tuple[int, int]) -> int:
    """Where a reporting clause begins within ``content``: its source, when the source comes
    first ("the agency reported"), else its cue ("according to Reuters")."""
    starts = [att.cue[0]] + ([att.source[0]] if att.source and content[0] < att.source[0] else [])
    return min(starts)


def _shares_the_subject(verb: Token, cue: Token) -> bool:
    """A participle or coordinated verb after the cue with no subject of its own: the same source
    reporting again ("adding", "but said"), not another clause ("and the players were asked": a
    passive's subject is who undergoes it, found or not)."""
    return verb.head.i == cue.i and verb.dep_ in ("advcl", "conj") and verb.i > cue.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)


_FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())


def _coordinated_predicate(verb: Token, cue: Token) -> bool:
    """A verb coordinated with the cue after it, with no subject of its own, as a second predicate
    of the source: coordinated predicates are alike in form (coordination of likes), so the verb
    has the cue's form ("accused ... and forced") or a finite auxiliary of its own ("said ..., and
    are probing"). A participle or an infinitive the parser hung on the cue (", themed ... and
    timed to ...") modifies a word inside the content; a passive ("and the players were asked")
    has a subject the parse may have put elsewhere (``_shares_the_subject``)."""
    if not _shares_the_subject(verb, cue) or verb.dep_ != "conj":
        return False
    return verb.tag_ == cue.tag_ or any(c.dep_ == "aux" and c.tag_ in _FINITE_TAGS for c in verb.children)


def _ended_at(text: str, content: tuple[int, int], cut: int, quotes: list[QuotedSpan]) -> tuple[int, int]:
    """``content`` ended before ``cut`` and the comma or conjunction joining the next clause, when the cut
    falls inside it and outside any quotation."""
    start, end = content
    if not start < cut < end or any(q.start <= cut < q.end for q in quotes):
        return content
    new_end = start + len(_JOINING_TAIL.sub("", text[start:cut]))
    return (start, new_end) if new_end > start else content


_JOINING_TAIL = re.compile(r"(?:[\s,;]|\b(?:and|but|while|as)\b)+$")


def join_around_parenthetical_reports(att: Attribution, text: str, quotes: list[QuotedSpan]) -> None:
    """One content for a sentence that its own reporting clause interrupts as a parenthetical ("Later,
    she alleged, she arranged a meeting ..."; "When the ferry docked, Ada Lund said, the crew left"):
    a comment clause inserted into its host clause leaves that clause one statement, and the part
    before it is an adjunct of the part after (a phrase or a subordinate clause), no statement of
    its own, so a reader is shown the host sentence whole, the parenthetical inside it. Two
    independent clauses ("He left years ago, she said, and they never met again") stay two
    contents; so do quotations, which are shown as their fragments."""
    contents = sorted(att.contents)
    joined = []
    for content in contents:
        if joined and _interrupted_by_own_report(att, text, joined[-1], content, quotes):
            joined[-1] = (joined[-1][0], content[1])
        else:
            joined.append(content)
    att.contents = joined


def _interrupted_by_own_report(att: Attribution, text: str, before: tuple[int, int], after: tuple[int, int],
                               quotes: list[QuotedSpan]) -> bool:
    """Only the attribution's own source and cue, set off by commas, stand between ``before`` and
    ``after``, neither is quoted, and ``before`` is an adjunct (``_is_adjunct``)."""
    if att.source is None or not before[1] <= att.source[0] < att.cue[1] <= after[0]:
        return False
    gap = text[before[1]:after[0]]
    if not _PARENTHETICAL.fullmatch(text[before[1]:att.source[0]] + "|" + text[att.cue[1]:after[0]]):
        return False
    if any(q.start < before[1] and before[0] < q.end or q.start <= after[0] < q.end for q in quotes) or "\n" in gap:
        return False  # an interrupted quotation: its fragments are shown as they are
    return _is_adjunct(att.cue_token.doc, before)


_PARENTHETICAL = re.compile(r"\s*,\s*\|\s*,\s*")


def _is_adjunct(doc, content: tuple[int, int]) -> bool:
    """The words of ``content`` form a phrase or a subordinate clause, not a clause of their own:
    no verb heads them with a subject of its own unless a subordinating word opens it ("once", "when":
    the parser's "mark", or a wh-adverb)."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
    return not any(r.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in r.children)
                   and not any(c.dep_ == "mark" or c.tag_ == "WRB" and c.i < r.i for c in r.children) for r in roots)


# ------------------------------------------------------------------ media told before

# Cues that go on with the act just told, whatever its kind: additive conjunction in Halliday and
# Hasan's account of cohesion ("It added ...", "he continued").
GOING_ON = frozenset("add continue".split())
# Cues of one kind of act: a bare "said" goes on with a saying or a telling ("told CNN ... he said"),
# "wrote" with a writing or a posting ("wrote on Facebook ... He wrote"); a "said" after a tweet
# may be words spoken anywhere, so the kinds do not mix.
SPOKEN = frozenset("say tell".split())
WRITTEN = frozenset("write tweet post".split())
# Adverbs that put the saying on another occasion than the one told before ("he said later").
OTHER_OCCASIONS = frozenset("later earlier afterwards previously subsequently since yesterday today tonight".split())
# Phrases of a cue that only say what it is about ("said of the scene"), no occasion of its own.
TOPIC_PREPOSITIONS = frozenset("of about".split())


@dataclass(slots=True)
class _Act:
    """One act of communication told with its medium: who, through what, by which verb, where its
    report ends (so the next report can be seen to follow it)."""
    speaker: Speaker
    medium: str
    lemma: str
    end: int
    told_by_a_cue: bool = True


def media_told_before(attributions: list[Attribution], speakers: list[Speaker], text: str,
                      mentions: list[Mention]) -> None:
    """A report with no medium of its own takes the medium of the act of communication just told,
    while the text goes on telling that one act: "X told CNN ... . "...," he said." or "X took to
    Twitter. "...," he wrote." (the reference and conjunction that make a text cohesive, Halliday and
    Hasan: the same speaker, a cue of the same kind or one that adds, the next sentence at most).
    It stops at another speaker, at a report of another kind or with an occasion of its own ("said
    in a conference call", "said on Friday", "told reporters"), and at a new paragraph unless that
    paragraph goes on with a quotation or an added remark; a verb that reports nothing tells an act
    only through a known medium ("took to Twitter", not "went to the festival"). ``attributions`` in
    text order, ``speakers`` theirs."""
    if not attributions:
        return
    sentences = _sentence_starts(attributions[0].cue_token.doc)
    act: _Act | None = None
    for att, speaker in zip(attributions, speakers):
        if att.medium is None:
            before = act if act is not None and _same_speaker(act.speaker, speaker) else \
                _medium_act_before(att, speaker, mentions, attributions)
            if before is not None and _goes_on_with(att, before, text, sentences):
                att.medium = before.medium
        if _reported_inside_another(att, attributions):
            continue
        # a report with a medium is the act told now; any other report (another speaker's, or
        # another act of the same speaker) ends the one told before
        act = _Act(speaker, att.medium, att.cue_token.lemma_.lower(), _report_end(att)) if att.medium else None


def _same_speaker(one: Speaker, other: Speaker) -> bool:
    if one.key or other.key:
        return one.key == other.key
    return bool(one.text) and one.text.lower() == other.text.lower()


def _report_start(att: Attribution) -> int:
    return min([att.cue[0], *(s for s, _ in att.contents)])


def _report_end(att: Attribution) -> int:
    return max([att.cue[1], *(e for _, e in att.contents)])


def _sentence_starts(doc) -> list[int]:
    return [sent.start_char for sent in doc.sents]


def _sentence_index(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _goes_on_with(att: Attribution, act: _Act, text: str, sentences: list[int]) -> bool:
    """Whether ``att`` goes on telling ``act``: its report starts in the act's last sentence or the
    next, across a paragraph break only with a quotation or an added remark, by a cue of the act's
    kind, with no occasion of its own."""
    start = _report_start(att)
    if start < act.end or _sentence_index(sentences, start) - _sentence_index(sentences, act.end - 1) > 1:
        return False
    lemma = att.cue_token.lemma_.lower()
    gap = text[act.end:start]
    if "\n" in gap and lemma not in GOING_ON and text[start - 1:start + 1].strip()[:1] not in rules.QUOTE_CHARS:
        return False
    return _of_the_act_kind(lemma, act) and not _has_its_own_occasion(att.cue_token)


def _of_the_act_kind(lemma: str, act: _Act) -> bool:
    """Whether a cue of ``lemma`` reports the same kind of act as ``act`` (``SPOKEN``, ``WRITTEN``)."""
    if lemma in GOING_ON or lemma == act.lemma:
        return True
    if not act.told_by_a_cue:  # "took to Twitter", "appeared on CNN": any saying or writing goes on
        return lemma in SPOKEN | WRITTEN
    return (act.lemma in SPOKEN and lemma in SPOKEN) or (act.lemma in WRITTEN and lemma in WRITTEN)


def _has_its_own_occasion(cue: Token) -> bool:
    """A cue with a place, time, hearer or occasion of its own tells another act ("said in a
    conference call", "said Monday", "told reporters", "said later")."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ not in TOPIC_PREPOSITIONS:
            return True
        if child.dep_ in ("npadvmod", "dative", "agent") or (child.dep_ == "dobj" and cue.lemma_ == "tell"):
            return True
        if child.dep_ == "advmod" and child.lower_ in OTHER_OCCASIONS:
            return True
    return False


def _reported_inside_another(att: Attribution, attributions: list[Attribution]) -> bool:
    """A report inside another's content ("He said he told X ...") recounts an earlier act; it is
    not the act the text is telling."""
    return any(other is not att and any(s <= att.cue[0] < e for s, e in other.contents) for other in attributions)


def _medium_act_before(att: Attribution, speaker: Speaker, mentions: list[Mention],
                       attributions: list[Attribution]) -> _Act | None:
    """An act with a medium the sentence before tells of the same speaker with no reporting cue
    ("X took to Twitter on Friday.", "X appeared on CNN."): its verb's medium, its subject a mention
    of the speaker (or one of coordinated subjects: "X and Y took to Twitter")."""
    if not speaker.key:
        return None
    cue = att.cue_token
    first = cue.doc[cue.sent.start]
    if first.i == 0:
        return None
    cues = {a.cue_token.i for a in attributions}
    for verb in first.nbor(-1).sent:
        if verb.pos_ != "VERB" or verb.i in cues or not _subject_is(verb, speaker.key, mentions):
            continue
        medium = rules.find_medium(verb)
        if medium and rules.is_known_medium(medium):
            return _Act(speaker, medium, verb.lemma_.lower(), verb.sent.end_char, told_by_a_cue=False)
    return None


def _subject_is(verb: Token, key: str, mentions: list[Mention]) -> bool:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    return any(m.key == key and m.span.start <= s.idx < m.span.end for s in subjects for m in mentions)
