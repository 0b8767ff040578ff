"""Which attributions are shown as quotes: what someone said (``states_something``).

The attribution model follows PolNeAR, which also annotates sourceless and non-reporting
attributions ("is expected to", "published a timetable"); a reader of quotes is shown only
statements, by the interchange spec's "content: span of what was said".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.annotate.quotes.candidates import lexicon_class
from storyline.annotate.quotes.lexicon import (AIM_VERBS, DECISION_VERBS, NEEDS_CLAUSE, NON_SPEAKER_NOUNS, PROPOSITION_NOUNS,
                                              PUBLISH_VERBS, QUESTION_VERBS, RECORDING_NOUNS, REFUSAL_VERBS,
                                              SPEECH_VERBS, THOUGHT_VERBS)
from storyline.annotate.quotes.marks import QuotedSpan, quote_kind
from storyline.annotate.quotes.reports import is_bare_participle_report
from storyline.annotate.quotes.rules import Attribution
from storyline.annotate.quotes.turns import turn_label


def states_something(att: Attribution, content: tuple[int, int], text: str, quotes: list[QuotedSpan]) -> bool:
    """Whether a content is shown as a quote: what someone said (the interchange spec's "content:
    span of what was said", its cue "the reporting verb or phrase"). A quotation is, by its marks;
    an unmarked content only with a source (who said it) and a cue that reports speech or thought
    ("said", "believes", "according to", a noun such as "claim") or a that-clause it introduces
    ("reminded him that ..."), and not a bare noun phrase naming what was thought of, described
    or talked about (``_names_no_statement``), nor what a source did not say (``_says_nothing``:
    "declined to comment", "did not respond to messages"), nor what a source tried or meant to do
(``_names_an_aim``: "sought to block ..."). The attribution model, trained on PolNeAR, also finds sourceless
    ("is expected to", "it seems") and non-reporting ones ("walked onto the field for",
    "published a timetable") that a reader of quotes should not be shown. Nor is anything whose source
    is a thing that cannot speak (``_source_is_no_speaker``: "Videos showed ...", "according to plan"),
    quotation or not: a quotation there is someone else's words, not the thing's."""
    if _source_is_no_speaker(att):
        return False
    if quote_kind(content, quotes) != "indirect":
        return True
    if att.source is None or _is_the_writer(att, text, quotes):
        return False
    cue = att.cue_token
    if cue.lower_ in ("according", ":"):
        return True
    if _says_nothing(cue) or _in_a_question(cue, quotes) or is_bare_participle_report(att):
        return False
    if _names_an_aim(cue, content):
        return False
    root = _noun_phrase_root(cue.doc, content)
    if root is not None and (_names_no_statement(root, cue) or _decides_on_a_thing(root, cue)):
        return False
    if _shows_a_recording(cue, content):
        return False
    return lexicon_class(cue.lemma_.lower()) != "other" or _is_that_clause(text, content)


def _source_is_no_speaker(att: Attribution) -> bool:
    """The source's head is a thing that says nothing (``NON_SPEAKER_NOUNS``: a video, data, a plan,
    a test), not a person, a body or a document: the spec's speaker is who said the content."""
    head = att.source_token
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return False
    # a sentence-initial plural may be tagged PROPN and keep its "s" as lemma ("Videos showed ...")
    forms = {head.lemma_.lower(), head.lower_, head.lower_.removesuffix("s")}
    return not forms.isdisjoint(NON_SPEAKER_NOUNS)


def _says_nothing(cue: Token) -> bool:
    """The cue reports that nothing was said (the spec's content is what was said, and there is
    none): a refusal ("declined to comment", "refused to say whether ...": ``REFUSAL_VERBS``, the
    cue itself or the verb it completes) or a negated verb of speech ("did not respond to
    messages", "would not say whether ..."; "not only said" adds, it does not negate). A negated
    verb of thought stays: "does not believe that ..." is a belief; so does a negated denial, which
    concedes ("does not deny spitting on her")."""
    lemma = cue.lemma_.lower()
    if lemma in REFUSAL_VERBS or (cue.dep_ == "xcomp" and cue.head.lemma_.lower() in REFUSAL_VERBS):
        return True
    return lemma in SPEECH_VERBS and lemma != "deny" and any(_negates(child) for child in cue.children)


def _is_the_writer(att: Attribution, text: str, quotes: list[QuotedSpan]) -> bool:
    """The source is "I" or "we" in a sentence that quotes no one and a paragraph no one signs: the
    article's own voice ("I thought he might finish with a ballad", "As we announced last year"),
    the writer, whose words are the article, not a quote of it. Inside a quotation the pronoun is
    the speaker's; a paragraph signed "— Name (@handle)" is an embedded post, whose "we" is its
    author's, and a transcript's turn ("HARLAND: We knew ...", ``turns``) is its labelled speaker's."""
    head = att.source_token
    if head is None or head.lower_ not in ("i", "we"):
        return False
    sentence = head.sent
    if any(q.start < sentence.end_char and sentence.start_char < q.end for q in quotes):
        return False
    start = text.rfind("\n", 0, head.idx) + 1
    end = text.find("\n", head.idx)
    if turn_label(text, head.idx) is not None:
        return False
    return not _SIGNED.search(text[start:end if end >= 0 else len(text)])


_SIGNED = re.compile(r"[—–]\s*[^\n]{1,80}\(@\w+\)")


def _names_an_aim(cue: Token, content: tuple[int, int]) -> bool:
    """The content is the infinitive of a verb of attempt or volition (``AIM_VERBS``: "sought to
    block the shipments", "is seeking to cut arrivals", "hoped to launch in May"): what the source
    tried or meant to do, not something it said. Only the infinitive complement ("to" and its verb,
    inside the content); "hopes that ..." is a belief and stays."""
    if cue.lemma_.lower() not in AIM_VERBS:
        return False
    return any(c.dep_ == "xcomp" and content[0] <= c.idx < content[1]
               and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children) for c in cue.children)


def _in_a_question(cue: Token, quotes: list[QuotedSpan]) -> bool:
    """The cue stands in a question the writer asks ("What would Ada have thought of the new
    ferry?"; the sentence ends with a question mark and quotes no one): a question asks what
    someone said or thought, it reports no statement. A verb whose content is itself a question
    ("wondered why", "asked whether": ``QUESTION_VERBS``) still reports one. On PolNeAR train
    (300 articles) 30 of 39 such cues are not annotated."""
    sentence = cue.sent
    if not sentence.text.rstrip().endswith("?") or cue.lemma_.lower() in QUESTION_VERBS:
        return False
    start, end = sentence.start_char, sentence.end_char
    return not any(q.start < end and start < q.end for q in quotes)


def _negates(token: Token) -> bool:
    """A negation of the verb it depends on ("not", "n't", "never"), not the focus "not only"/"not just"."""
    if token.dep_ != "neg":
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or following.lower_ not in ("only", "just", "merely")


def _noun_phrase_root(doc: Doc, content: tuple[int, int]) -> Token | None:
    """The head of the content when the content is one noun phrase, else None: "the fine a
    punishment" (called ... a punishment) and "them of lying" (accused ... of) say something of
    the object, in words outside its phrase."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    root = span.root
    return root if all(t.is_punct or t == root or root in t.ancestors for t in span) else None


def _names_no_statement(root: Token, cue: Token) -> bool:
    """A noun phrase is what was thought of, described or talked about, not a statement: after a
    verb of thought ("knows the old songs", "hope for a deal"), as the direct object of a cue
    that needs a clause ("describing one of the players": ``NEEDS_CLAUSE``; "called for an end to
    it" is a demand) or of a verb of publishing ("posted three photos": ``PUBLISH_VERBS``), as the
    object of a preposition of topic ("arguing about a contract", "responded to a report"), or of
    "with", which names the means ("responded with a brief statement")."""
    lemma = cue.lemma_.lower()
    if lemma in THOUGHT_VERBS:
        return True
    if (lemma in NEEDS_CLAUSE or lemma in PUBLISH_VERBS) and root.dep_ == "dobj":
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("about", "on", "over", "regarding", "to", "with")


def _decides_on_a_thing(root: Token, cue: Token) -> bool:
    """A verb of deciding on what was offered ("rejected the offer", "accepted the nomination":
    ``DECISION_VERBS``) whose content is a noun phrase naming no proposition: the source acted on a
    thing, it stated nothing (PARC / PolNeAR: an attribution's content is a proposition). "Rejected
    the notion" or "the claim" asserts the proposition false, and stays."""
    return cue.lemma_.lower() in DECISION_VERBS and root.lemma_.lower() not in PROPOSITION_NOUNS \
        and root.lower_ not in PROPOSITION_NOUNS


def _shows_a_recording(cue: Token, content: tuple[int, int]) -> bool:
    """The cue's direct object, inside the content, is a picture or a recording ("revealed new
    footage of the ice", "posted four photos with her sister"; ``RECORDING_NOUNS``) and no clause
    follows the cue: what was shown is an image, not a proposition (as ``PUBLISH_VERBS`` with a
    thing, whatever the verb and whatever phrases follow the object)."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return False
    return any(c.dep_ == "dobj" and content[0] <= c.idx < content[1] and c.lemma_.lower() in RECORDING_NOUNS
               for c in cue.children)


def _is_that_clause(text: str, content: tuple[int, int]) -> bool:
    """The content is a clause opened by "that" (kept inside the content or just before it)."""
    before = text[max(0, content[0] - 6):content[0]].rstrip().lower()
    return before.endswith(("that", "that,")) or text[content[0]:content[0] + 5].lower() == "that "
