"""Main-text extraction on the Zyte/Scrapinghub article-extraction benchmark.

Reads every ``html/<id>.html.gz`` through ``storyline.sources.read_inputs`` (the same path
the pipeline uses) and, for comparison, through plain ``trafilatura.extract`` with default
settings. Scoring is the benchmark's own (its ``evaluate.py``): word 4-gram shingles counted
with multiplicity, tp/fp/fn normalised per page, precision and recall averaged over pages, F1
from the averaged P and R. Tokens are ``\\w+`` runs; ``--lowercase`` folds case first (the
official script does not, so the default matches the published figures).

    python benchmarks/extraction.py [--lowercase] [--no-write]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from benchmarks._report import report, require_shared  # noqa: E402
from storyline.model import RawDocument  # noqa: E402
from storyline.sources import read_inputs  # noqa: E402

TOKEN = re.compile(r"\w+")
SHINGLE = 4
PUBLISHED_TRAFILATURA_F1 = 0.958


def shingles(text: str, lowercase: bool) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text.lower() if lowercase else text)
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))
                   if tokens[i:i + SHINGLE])


def page_counts(truth: str, predicted: str, lowercase: bool) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page, so long pages do not weigh more."""
    true, pred = shingles(truth, lowercase), shingles(predicted, lowercase)
    tp, fp, fn = sum((true & pred).values()), sum((pred - true).values()), sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))


def page_recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Averaged precision (pages with any prediction), recall (pages with any truth), F1."""
    precision = statistics.mean(page_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(page_recall(*c) for c in counts if c[0] + c[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def ours(path: Path) -> str:
    return "\n".join(r.text for r in read_inputs([str(path)]) if isinstance(r, RawDocument))


def plain_trafilatura(path: Path) -> str:
    with gzip.open(path, "rb") as fh:
        return trafilatura.extract(fh.read()) or ""


def evaluate(extract: Callable[[Path], str], pages: dict[str, Path], truth: dict[str, dict],
             lowercase: bool) -> tuple[tuple[float, float, float], int]:
    counts, empty = [], 0
    for page_id, path in pages.items():
        text = extract(path)
        empty += not text.strip()
        counts.append(page_counts(truth[page_id].get("articleBody", ""), text, lowercase))
    return score(counts), empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lowercase", action="store_true", help="fold case before shingling")
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")
    args = parser.parse_args()
    root = require_shared("data", "extraction", "scrapinghub")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {page_id: root / "html" / f"{page_id}.html.gz" for page_id in sorted(truth)}
    rows = []
    for name, extract in (("storyline read_inputs", ours), ("trafilatura.extract (defaults)", plain_trafilatura)):
        (precision, recall, f1), empty = evaluate(extract, pages, truth, args.lowercase)
        rows.append([name, precision, recall, f1, empty])
    rows.append(["trafilatura 2.0 (published)", "", "", PUBLISHED_TRAFILATURA_F1, ""])
    report(
        f"Article extraction (Scrapinghub, {len(pages)} pages)",
        ["extractor", "precision", "recall", "F1", "pages without text"],
        rows,
        notes=f"Word 4-gram shingle P/R averaged over pages (official evaluate.py metric"
              f"{', lowercased' if args.lowercase else ''}); trafilatura {trafilatura.__version__}. "
              "Ours: comments off, precision mode, balanced mode when precision keeps under a fifth "
              "of its words.",
        write=not args.no_write,
    )


if __name__ == "__main__":
    main()
