"""Story clustering variants tried and measured against the shipped method (news_cluster, B-cubed
F1 on all stories and on the fit and held-out halves of ``stories_cluster.py``).

Each variant patches one part of ``storyline.stories`` for the run and is undone afterwards; none
is part of the product unless its row is "shipped". Thresholds stay at the ClusterConfig defaults
(no variant is tuned to these labels).

    python benchmarks/stories_variants.py [--no-write]
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import report  # noqa: E402
from stories_cluster import entity_keys, evaluate, load_labelled, subsets  # noqa: E402

from storyline.stories import ClusterConfig, StoryClusterer  # noqa: E402
from storyline.stories import cluster, features  # noqa: E402


ORIGINAL_ADD = StoryClusterer.add
ORIGINAL_PROFILE = StoryClusterer._article_profile
ORIGINAL_ATTACH = StoryClusterer._attach
ORIGINAL_STEM = features.s_stem
ORIGINAL_DECAY = StoryClusterer.time_decay
ORIGINAL_INIT = StoryClusterer.__init__
ORIGINAL_SCORE_CANDIDATES = StoryClusterer._score_candidates


def _wide_merge_test(self, article, keys=(), duplicate_of=None):
    """``add`` with the story-to-story merge test run on every retrieved candidate story, not only
    on those the new article itself fits."""
    if article.id in self._articles or (duplicate_of or article.duplicate_of) in self._articles:
        return ORIGINAL_ADD(self, article, keys, duplicate_of)
    profile = self._article_profile(article, keys)
    index_keys = self._index_keys(profile)
    scored = self._score_candidates(profile, index_keys)
    joined = scored and scored[0][0] >= self.config.join_threshold
    story = self._stories[scored[0][1]] if joined else self._open_story(article)
    self._attach(story, article, profile, duplicate=False)
    self._index(story.id, index_keys)
    self._count_document(profile)
    return self._merge_matching(story, [sid for _, sid in scored if sid != story.id]).id


def _near_copy_score(threshold: float) -> Callable:
    def score(self, a, b, running_days=0.0, norms_a=None, norms_b=None):
        similarity = self.similarity(a, b, norms_a, norms_b)
        return similarity if similarity >= threshold else similarity * self.time_decay(a, b, running_days)
    return score


def _verb_folding(word: str) -> str:
    word = ORIGINAL_STEM(word)
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word



def _lead_boost(self, article, keys, leads=None):
    profile = ORIGINAL_PROFILE(self, article, keys, leads)
    text = dict(profile.text)
    for term, weight in features.unit(features.term_vector(" ".join(features.lead_sentences(article.text, 2)))).items():
        text[term] = text.get(term, 0.0) + 0.5 * weight
    profile.text = features.unit(text)
    return profile



def _named_date_keeps_range(self, story, article, profile, duplicate, leads=None):
    """A member whose stamp is farther from the story than a date it names does not stretch the
    story's date range."""
    day, p = cluster.own_date(article), story.profile
    if profile is not None and profile.named and day is not None and p.start is not None:
        if min(cluster._range_gap(d, d, p.start, p.end) for d in profile.named) < cluster._range_gap(day, day, p.start, p.end):
            undated = dataclasses.replace(article, published=None, published_from=None)
            ORIGINAL_ATTACH(self, story, undated, dataclasses.replace(profile, start=None, end=None), duplicate, leads)
            self._articles[article.id].published = day.isoformat()
            return
    ORIGINAL_ATTACH(self, story, article, profile, duplicate, leads)


def _first_days_gap(a, b) -> float | None:
    """Days between two profiles' first reports (or a date one names, or the day one looks ahead to)."""
    return cluster._gap_days(dataclasses.replace(a, end=a.start), dataclasses.replace(b, end=b.start))


def _reach_of_every_report(days: float) -> Callable:
    """``event_reach`` for every report and merge, its date confirmed or not, on this scale (the
    config's ``event_reach_days`` is not read; no content match overrides it, as in session 22)."""
    def reach(self, a, b):
        gap = _first_days_gap(a, b)
        return 1.0 if gap is None else math.exp(-((gap / days) ** 2))
    return reach


def _late_join_bar(days: int, similarity: float) -> Callable:
    """A report more than ``days`` after the story's first one joins only at this score or more."""
    def score_candidates(self, profile, keys):
        scored = []
        for score, story_id in ORIGINAL_SCORE_CANDIDATES(self, profile, keys):
            gap = _first_days_gap(profile, self._stories[story_id].profile)
            late = gap is not None and gap > days and score < similarity
            scored.append((min(score, self.config.join_threshold / 2) if late else score, story_id))
        return sorted(scored, key=lambda s: (-s[0], self._stories[s[1]].seq))
    return score_candidates


def _fixed_window(self, a, b, running_days=0.0):
    """``time_decay`` with a window that does not widen with the story's duration."""
    return ORIGINAL_DECAY(self, a, b, 0.0)


VARIANTS: dict[str, Callable[[], contextlib.AbstractContextManager]] = {
    "shipped (URL slug + URL date)": contextlib.nullcontext,
    "without URL date": lambda: mock.patch.object(cluster, "url_date", lambda url: None),
    "without URL slug": lambda: mock.patch.object(cluster, "url_slug", lambda url: ""),
    "without both (session 2 method)": lambda: _both(mock.patch.object(cluster, "url_date", lambda url: None),
                                                     mock.patch.object(cluster, "url_slug", lambda url: "")),
    "merge test on every candidate story": lambda: mock.patch.object(StoryClusterer, "add", _wide_merge_test),
    "near copy (similarity >= 0.8) ignores time": lambda: mock.patch.object(StoryClusterer, "score", _near_copy_score(0.8)),
    "verb forms folded (-ed, -ing, -e)": lambda: _fresh_terms(mock.patch.object(features, "s_stem", _verb_folding)),
    "lead sentences counted 0.5 extra": lambda: mock.patch.object(StoryClusterer, "_article_profile", _lead_boost),
    "stamp beaten by a named date keeps range": lambda: mock.patch.object(StoryClusterer, "_attach",
                                                                          _named_date_keeps_range),
    "agency service notes kept as titles (before session 22)": lambda: mock.patch.object(
        cluster, "headline_of", lambda title: title or ""),
    "window not widened by the story's duration": lambda: mock.patch.object(StoryClusterer, "time_decay",
                                                                            _fixed_window),
    "event reach 14 days, a content match of 0.25 overrides it (event_reach_days=14)": lambda: _config(
        event_reach_days=14.0),
    "event reach 14 days, no content match": lambda: _config(event_reach_days=14.0, event_match_similarity=math.inf),
    "event reach 25 days for reports of confirmed date, no content match (session 22)": lambda: _config(
        event_reach_days=25.0, event_match_similarity=math.inf),
    "event reach 25 days, a content match of 0.25 overrides it": lambda: _config(event_reach_days=25.0),
    "event reach for every report and merge, 30 days": lambda: _both(mock.patch.object(
        StoryClusterer, "event_reach", _reach_of_every_report(30)), _config(event_match_similarity=math.inf)),
    "event reach for every report and merge, 60 days": lambda: _both(mock.patch.object(
        StoryClusterer, "event_reach", _reach_of_every_report(60)), _config(event_match_similarity=math.inf)),
    "over 14 days after the first report a join needs 0.3": lambda: mock.patch.object(
        StoryClusterer, "_score_candidates", _late_join_bar(14, 0.3)),
}


def _config(**changes) -> contextlib.AbstractContextManager:
    """The clusterers made during the run take these config values (the others stay the defaults)."""
    return mock.patch.object(StoryClusterer, "__init__", _with_config(dataclasses.replace(ClusterConfig(), **changes)))


def _with_config(config: ClusterConfig) -> Callable:
    def init(self, config_=None, state=None, tables=None):
        ORIGINAL_INIT(self, config, state, tables)
    return init


@contextlib.contextmanager
def _fresh_terms(patch) -> Iterator[None]:
    """A patch of how words become terms, with the memo of terms emptied before and after (a term
    remembered from another run would hide it)."""
    features._TERM_OF.clear()
    try:
        with patch:
            yield
    finally:
        features._TERM_OF.clear()


@contextlib.contextmanager
def _both(*patches) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for patch in patches:
            stack.enter_context(patch)
        yield


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    articles, gold = load_labelled()
    keys = entity_keys(articles, "canonical")
    halves = subsets(articles, gold)
    rows = []
    for name, patch in VARIANTS.items():
        with patch():
            scores = {half: evaluate(subset, gold, keys, ClusterConfig()) for half, subset in halves.items()}
        rows.append([name, scores["all"]["P"], scores["all"]["R"], scores["all"]["F1"], scores["fit"]["F1"],
                     scores["held-out"]["F1"], scores["all"]["stories"]])
        print(rows[-1], flush=True)
    report("Stories: variants tried", ["variant", "all B3 P", "all B3 R", "all B3 F1", "fit B3 F1",
                                       "held-out B3 F1", "predicted"], rows,
           notes="news_cluster, canonical entity keys, ClusterConfig defaults (join 0.15, merge 0.4). Each row "
                 "patches one part of storyline.stories for the run (see the variant's function); only the "
                 "first row is the product.", write=not args.no_write)


if __name__ == "__main__":
    main()
