"""Per-article annotation: parse once with spaCy, then run small components over the Doc.

Like a spaCy pipeline, each component has one job and fills its part of ``Annotations``;
later components may read what earlier ones produced (quotes read mentions, events read
mentions, timexes and quotes: a quotation's "I" is its speaker). ``annotate_batch`` is a pure function of its articles, so it runs the same
in-process, in a process pool and inside Spark tasks.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc

from storyline.annotate import nlp as nlp_mod
from storyline.model import Annotations, Article, Span

Component = Callable[[Article, Doc, Annotations], None]


def add_sentences(article: Article, doc: Doc, ann: Annotations) -> None:
    """Sentence spans without trailing space (read from the text: ``Span.text`` joins tokens)."""
    text = article.text
    ann.sentences = [Span.of(text, s.start_char, s.start_char + len(t.rstrip()))
                     for s in doc.sents if (t := text[s.start_char:s.end_char]).strip()]


def add_entities(article: Article, doc: Doc, ann: Annotations) -> None:
    from storyline.annotate.entities import extract_mentions

    ann.mentions = extract_mentions(doc, article.text, article.title, article.published)


def add_timexes(article: Article, doc: Doc, ann: Annotations) -> None:
    from storyline.annotate.time import find_timexes

    ann.timexes = find_timexes(article.text, article.published, doc, article.id)


def add_quotes(article: Article, doc: Doc, ann: Annotations, mode: str = "fast") -> None:
    from storyline.annotate.quotes import extract_quotes

    ann.quotes = extract_quotes(doc, article.text, article.id, ann.mentions, mode=mode, statements_only=True)


def add_events(article: Article, doc: Doc, ann: Annotations) -> None:
    from storyline.annotate.events import extract_events

    ann.events = extract_events(doc, article.text, article.id, ann.mentions, ann.timexes, article.published,
                                quotes=ann.quotes)


# name -> component, in run order. Only capabilities that are built and measured are listed;
# export writes a file for each of them and nothing else.
COMPONENTS: dict[str, Component] = {
    "sentences": add_sentences,
    "entities": add_entities,
    "time": add_timexes,
    "quotes": add_quotes,
    "events": add_events,
}

# the accurate mode's replacements (slower components, better results: see ``MODES``)
ACCURATE: dict[str, Component] = {"quotes": functools.partial(add_quotes, mode="accurate")}
# "fast": the components above, on the spaCy parse only; "accurate": quotes also read with a
# transformer encoder (``quotes.encoder``, when installed), several times slower
MODES = ("fast", "accurate")

# store table -> the component that fills it
COMPONENT_OF_TABLE = {"mentions": "entities", "timexes": "time", "quotes": "quotes", "events": "events"}


def enabled_components() -> list[str]:
    return list(COMPONENTS)


def annotate_batch(articles: Sequence[Article], components: Sequence[str] | None = None,
                   mode: str = "fast") -> list[Annotations]:
    """Parse the batch once (``nlp.pipe``) and run every component on each article; the parse is
    kept with the annotations so later corpus-wide steps need not parse again."""
    docs = nlp_mod.parse([a.text for a in articles])
    return annotate_docs(articles, docs, components, keep_parse=True, mode=mode)


def annotate_docs(articles: Sequence[Article], docs: Iterable[Doc], components: Sequence[str] | None = None,
                  keep_parse: bool = False, given: Sequence[Annotations] | None = None,
                  mode: str = "fast") -> list[Annotations]:
    """Run the components on already parsed articles (e.g. a stored parse, when only the date
    changed). ``given``: one Annotations per article to fill in, holding what earlier components
    made (e.g. the stored mentions, which later components read), instead of empty ones."""
    if mode not in MODES:
        raise ValueError(f"unknown annotation mode {mode!r} (one of {', '.join(MODES)})")
    table = {**COMPONENTS, **ACCURATE} if mode == "accurate" else COMPONENTS
    run = [table[name] for name in (components or COMPONENTS)]
    model = nlp_mod.parse_version() if keep_parse else None
    results = []
    for i, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        ann = given[i] if given is not None else Annotations(
            article_id=article.id, parse=nlp_mod.doc_to_bytes(doc) if keep_parse else None, parse_model=model)
        for component in run:
            component(article, doc, ann)
        results.append(ann)
    return results
