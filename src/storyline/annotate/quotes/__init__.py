"""Quotes: who said what, direct and indirect.

``extract_quotes`` is a pure per-article function: it pairs quotation marks (``marks``), finds
attributions with a model trained on PolNeAR (``learned``: cue, content, source and cue span chosen
among parse-derived ``candidates``), or with the dependency-parse ``rules`` when the packaged model
is absent, and resolves speakers to the article's mentions (``speaker``). An interrupted quotation ("If it can," he said,
"then...") gives one Quote per fragment, sharing speaker and cue.
"""
from __future__ import annotations


from spacy.tokens import Doc

from storyline.annotate.agreement import ArticlePersons
from storyline.annotate.quotes import encoder, learned, rules
from storyline.annotate.quotes.candidates import lexicon_class
from storyline.annotate.quotes.lexicon import SPEECH_VERBS
from storyline.annotate.quotes.galleries import gallery_titles, in_gallery_title
from storyline.annotate.quotes.marks import QuotedSpan, quote_kind, scan_quotes
from storyline.annotate.quotes.reports import (across_false_sentence_ends, content_before_inverted_clauses,
                                              content_before_postposed_clauses,
                                              cue_before_circumstance_clauses,
                                              end_before_sibling_reports,
                                              end_before_trailing_reports, join_around_parenthetical_reports,
                                              media_told_before, participles_of_the_reporter, past_datelines,
                                              past_time_of_saying, quoted_as_saying)
from storyline.annotate.quotes.rules import Attribution
from storyline.annotate.quotes.speaker import resolve_speaker
from storyline.annotate.quotes.statements import states_something
from storyline.model import Mention, Quote, Span, Speaker, stable_id

__all__ = ["extract_quotes", "scan_quotes", "states_something", "quote_kind", "QuotedSpan", "SPEECH_VERBS"]


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
    mentions = mentions or []
    persons = ArticlePersons(text, mentions)  # what every pronoun of the article asks, found once
    for att in attributions:
        # every source is resolved, shown or not: one who "declined to comment" is still the
        # person a following "he said" may stand for
        speaker = resolve_speaker(text, att.source, att.source_token, mentions, speakers,
                                  [(q.start, q.end) for q in quotes], persons)
        speakers.append(speaker)
        if statements_only:
            join_around_parenthetical_reports(att, text, quotes)
            att.contents = [c for c in att.contents if states_something(att, c, text, quotes)]
    media_told_before(attributions, speakers, text, mentions)
    for att, speaker in zip(attributions, speakers):
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
    content_before_postposed_clauses(attributions, text, quotes)
    content_before_inverted_clauses(attributions, text, quotes)
    past_time_of_saying(attributions, text, quotes)
    across_false_sentence_ends(attributions, text, quotes)
    participles_of_the_reporter(attributions, text, quotes)
    end_before_sibling_reports(attributions, text, quotes)
    end_before_trailing_reports(attributions, text, quotes)
    past_datelines(attributions, text)
    quoted_as_saying(attributions, text)
    cue_before_circumstance_clauses(attributions, text)
    titles = gallery_titles(text)  # a gallery's title is a heading: no reporting verb in it
    return [a for a in attributions if a.contents and not in_gallery_title(a.cue[0], titles)]


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


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quote per content span (two cues claiming one content keep the first)."""
    seen, result = set(), []
    for q in quotes:
        if q.id not in seen:
            seen.add(q.id)
            result.append(q)
    return result
