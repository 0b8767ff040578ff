"""Corpus-wide entity resolution at scale: synthetic mentions (no spaCy), so the number is the
resolver's own cost. Usage: python benchmarks/entities_scale.py [ARTICLES] [MENTIONS_PER_ARTICLE]"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import report  # noqa: E402

from storyline.annotate.canonical import resolve_entities  # noqa: E402
from storyline.model import Mention, Span  # noqa: E402


def synthetic_corpus(articles: int, per_article: int, seed: int = 7) -> list[tuple[str, list[Mention]]]:
    """Zipf-like names: 20k persons (full name or surname only) and 5k organisations/places."""
    rng = random.Random(seed)
    firsts = [f"First{i}" for i in range(400)]
    lasts = [f"Last{i}" for i in range(8000)]
    persons = [f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(20000)]
    others = [(f"Org{i}", "ORG") for i in range(3000)] + [(f"Place{i}", "GPE") for i in range(2000)]
    corpus = []
    for a in range(articles):
        mentions = []
        for _ in range(per_article):
            if rng.random() < 0.5:
                name = persons[min(int(rng.paretovariate(1.1)) - 1, len(persons) - 1)]
                surface = name if rng.random() < 0.4 else name.split()[-1]
                mentions.append(Mention(Span(0, len(surface), surface), "PERSON", f"PERSON:{name}", name))
            else:
                name, etype = others[min(int(rng.paretovariate(1.1)) - 1, len(others) - 1)]
                mentions.append(Mention(Span(0, len(name), name), etype, f"{etype}:{name}", name))
        corpus.append((f"a{a}", mentions))
    return corpus


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    per_article = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    corpus = synthetic_corpus(articles, per_article)
    start = time.perf_counter()
    entities = resolve_entities(corpus)
    seconds = time.perf_counter() - start
    report("Entity resolution at scale (synthetic mentions)", ["articles", "mentions", "entities", "seconds"],
           [[articles, articles * per_article, len(entities), round(seconds, 1)]])


if __name__ == "__main__":
    main()
