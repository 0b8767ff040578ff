"""Quotes: who said what, direct and indirect.

``extract_quotes`` is a pure per-article function: it pairs quotation marks (``marks``), finds
attributions with a model trained on PolNeAR (``learned``: cue, content, source and cue span chosen
among parse-derived ``candidates``), or with the dependency-parse ``rules`` when the packaged model
is absent, and resolves speakers to the article's mentions (``speaker``). An interrupted quotation ("If it can," he said,
"then...") gives one Quote per fragment, sharing speaker and cue.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.annotate.quotes import encoder, learned, rules
from storyline.annotate.quotes.candidates import lexicon_class
from storyline.annotate.quotes.lexicon import (DECISION_VERBS, NEEDS_CLAUSE, NON_SPEAKER_NOUNS, PROPOSITION_NOUNS,
                                              PUBLISH_VERBS, QUESTION_VERBS, RECORDING_NOUNS, REFUSAL_VERBS,
                                              SPEECH_VERBS, THOUGHT_VERBS)
from storyline.annotate.quotes.marks import QuotedSpan, scan_quotes
from storyline.annotate.quotes.rules import Attribution
from storyline.annotate.quotes.speaker import dateline_end, resolve_speaker
from storyline.annotate.quotes.turns import turn_label
from storyline.model import Mention, Quote, Span, Speaker, stable_id

__all__ = ["extract_quotes", "scan_quotes", "QuotedSpan", "SPEECH_VERBS"]


def extract_quotes(doc: Doc, text: str, article_id: str, mentions: list[Mention] | None = None,
                   model: learned.QuoteModel | None | bool = True, mode: str = "fast",
                   statements_only: bool = False) -> list[Quote]:
    """All attributed statements of one article, in text order; ``doc`` is the parse of ``text``.

    ``model``: True for the packaged model of ``mode`` (rules when it is absent), a QuoteModel
    (training and cross-validation), or None / False for the rules only. ``mode``: "fast" (the
    parse only) or "accurate" (also the quote encoder, when installed; see ``encoder``).
    ``statements_only``: keep only what someone said (``states_something``), as the product shows
    quotes; off, every attribution in PolNeAR's sense (what the PolNeAR benchmark and training
    measure: they also count sourceless and non-reporting attributions).
    """
    quotes = scan_quotes(text)
    attributions = sorted(find_attributions(doc, text, quotes, model, mode), key=lambda a: a.cue[0])
    result, speakers = [], []
    for att in attributions:
        # every source is resolved, shown or not: one who "declined to comment" is still the
        # person a following "he said" may stand for
        speaker = resolve_speaker(text, att.source, att.source_token, mentions or [], speakers,
                                  [(q.start, q.end) for q in quotes])
        speakers.append(speaker)
        if statements_only:
            att.contents = [c for c in att.contents if states_something(att, c, text, quotes)]
        result.extend(_quotes_of(att, speaker, text, article_id, quotes))
    return _dedupe(sorted(result, key=lambda q: (q.content.start, q.content.end)))


def find_attributions(doc: Doc, text: str, quotes: list[QuotedSpan],
                      model: learned.QuoteModel | None | bool = True, mode: str = "fast") -> list[Attribution]:
    if model is True:
        model = learned.load_model(mode) or learned.load_model()
    if model and model.encoder and not encoder.attach(doc, text):
        model = learned.load_model()  # the encoder is not installed: the fast model

    if not model:
        return rules.find_attributions(doc, text, quotes)
    attributions = [a for a in learned.find_attributions(doc, text, quotes, model)]
    rules.resolve_conflicts(attributions)
    attributions = _without_borrowed_quotations(attributions, quotes)
    rules.attach_continuations(text, attributions, quotes)
    _end_before_sibling_reports(attributions, text, quotes)
    _end_before_trailing_reports(attributions, text, quotes)
    _past_datelines(attributions, text)
    return [a for a in attributions if a.contents]


def _past_datelines(attributions: list[Attribution], text: str) -> None:
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


def _end_before_sibling_reports(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
    """End a content where a report of the same source begins that is the cue's sibling, not part
    of its complement ("recalled the ferry speeding up, adding that ...", "described X but said Y"):
    the participle or coordinated verb sharing the cue's subject reports a statement of its own
    (its own attribution), which the first cue's content does not include. A report inside the
    complement ("said that Ada had said ...") is nested and stays; a cut inside a quotation is
    never made."""
    for att in attributions:
        siblings = [o.cue_token for o in attributions
                    if o is not att and _shares_the_subject(o.cue_token, att.cue_token)]
        for sibling in siblings:
            cut = sibling.left_edge.idx
            att.contents = [_ended_at(text, content, cut, quotes) for content in att.contents]


def _end_before_trailing_reports(attributions: list[Attribution], text: str, quotes: list[QuotedSpan]) -> None:
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


def _is_bare_participle_report(att: Attribution) -> bool:
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


def _ended_at(text: str, content: tuple[int, int], cut: int, quotes: list[QuotedSpan]) -> tuple[int, int]:
    """``content`` ended before ``cut`` and the comma or conjunction joining the next clause, when the cut
    falls inside it and outside any quotation."""
    start, end = content
    if not start < cut < end or any(q.start <= cut < q.end for q in quotes):
        return content
    new_end = start + len(_JOINING_TAIL.sub("", text[start:cut]))
    return (start, new_end) if new_end > start else content


_JOINING_TAIL = re.compile(r"(?:[\s,;]|\b(?:and|but|while|as)\b)+$")


def _without_borrowed_quotations(attributions: list[Attribution], quotes: list[QuotedSpan]) -> list[Attribution]:
    """Drop an attribution that only claims a quotation already inside another attribution's
    content, through a cue that is no reporting word: in "According to Trump, the conversation
    touched on "the progress made in Gaza"", the quotation is Trump's, not the conversation's.
    Nested reports with a reporting cue ("X said Y had called it "a disgrace"") stay."""
    def borrowed(att: Attribution) -> bool:
        lemma = att.cue_token.lemma_.lower()
        if lemma == "according" or lexicon_class(lemma) in ("speech", "thought", "noun"):
            return False
        if not all(quote_kind(c, quotes) == "direct" for c in att.contents):
            return False
        return any(other is not att and any(s <= att.cue[0] and att.cue[1] <= e and
                                            all(s <= cs and ce <= e for cs, ce in att.contents)
                                            for s, e in other.contents)
                   for other in attributions)
    return [a for a in attributions if not a.contents or not borrowed(a)]


def _quotes_of(att: Attribution, speaker: Speaker, text: str, article_id: str,
               quotes: list[QuotedSpan]) -> list[Quote]:
    return [Quote(id=stable_id(article_id, str(start), str(end), prefix="q_"), article_id=article_id,
                  kind=quote_kind((start, end), quotes), content=Span.of(text, start, end), speaker=speaker,
                  cue=Span.of(text, *att.cue), medium=att.medium)
            for start, end in att.contents]


def states_something(att: Attribution, content: tuple[int, int], text: str, quotes: list[QuotedSpan]) -> bool:
    """Whether a content is shown as a quote: what someone said (the interchange spec's "content:
    span of what was said", its cue "the reporting verb or phrase"). A quotation is, by its marks;
    an unmarked content only with a source (who said it) and a cue that reports speech or thought
    ("said", "believes", "according to", a noun such as "claim") or a that-clause it introduces
    ("reminded him that ..."), and not a bare noun phrase naming what was thought of, described
    or talked about (``_names_no_statement``), nor what a source did not say (``_says_nothing``:
    "declined to comment", "did not respond to messages"). The attribution model, trained on PolNeAR, also finds sourceless
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
    if _says_nothing(cue) or _in_a_question(cue, quotes) or _is_bare_participle_report(att):
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


def quote_kind(content: tuple[int, int], quotes: list[QuotedSpan]) -> str:
    """direct: the content is a quotation; mixed: it contains or touches one; else indirect."""
    start, end = content
    for q in quotes:
        if q.start <= start and end <= q.end:
            return "direct"
    if any(q.start < end and start < q.end for q in quotes):
        return "mixed"
    return "indirect"


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quote per content span (two cues claiming one content keep the first)."""
    seen, result = set(), []
    for q in quotes:
        if q.id not in seen:
            seen.add(q.id)
            result.append(q)
    return result
