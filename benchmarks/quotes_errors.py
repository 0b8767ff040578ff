"""Where PolNeAR contents are lost: a grouped cross-validated error breakdown on the train split.

Each gold attribution with a Content is put in one class, from the held-out fold's predictions of
a model fitted on the other folds (``train_quotes.fit``): content exact; cue missed (no predicted
attribution has the gold cue's head word), split by whether the gold content is among the cue's
candidates; cue found but the ranker chose another candidate; cue found but no candidate equals
the gold content. Predicted cues with no gold cue are counted as false positives. Read it to pick
what to work on next; dev stays the held-out check.

    python benchmarks/quotes_errors.py --folds 5
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._report import report  # noqa: E402
from benchmarks.quotes_polnear import normalise, predicted_attributions  # noqa: E402
from benchmarks.train_quotes import fit, gold_head, train_examples  # noqa: E402


def classify(counts: Counter, missed: Counter, doc, text: str, gold, model) -> None:
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes import extract_quotes
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    p, quotes = Parsed(doc), scan_quotes(text)
    predicted = {}
    for att in predicted_attributions(extract_quotes(doc, text, "a", None, model=model)):
        head = gold_head(doc, att.roles["Cue"]) if "Cue" in att.roles else None
        if head is not None:
            predicted[head.i] = att
    gold_heads = set()
    for att in gold:
        head = gold_head(doc, att.roles["Cue"]) if "Cue" in att.roles else None
        if head is not None:
            gold_heads.add(head.i)
        if "Content" not in att.roles:
            continue
        counts["gold contents"] += 1
        if head is None:
            counts["no gold cue"] += 1
            continue
        want = normalise(text, att.roles["Content"])
        cands = C.content_candidates(p, head.i, text, quotes) if C.is_cue_candidate(p, head.i) else {}
        in_cands = any(normalise(text, o) == want for o in cands)
        found = predicted.get(head.i)
        if found is None:
            counts["cue missed, content " + ("among" if in_cands else "not among") + " candidates"] += 1
            missed[p.lemma[head.i]] += 1
        elif normalise(text, found.roles["Content"]) == want:
            counts["content exact"] += 1
        else:
            counts["cue found, " + ("ranker chose another candidate" if in_cands else "no candidate equals gold")] += 1
    counts["false positive cues"] += sum(1 for i in predicted if i not in gold_heads)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    articles, docs, ex = train_examples(args.limit)
    counts, missed = Counter(), Counter()
    for k in range(args.folds):
        model = fit(ex, {i for i in range(len(articles)) if i % args.folds != k})
        for i in range(k, len(articles), args.folds):
            classify(counts, missed, docs[i], articles[i][1], articles[i][2], model)
    total = counts["gold contents"]
    rows = [[name, n, f"{n / total:.3f}"] for name, n in counts.most_common() if name != "gold contents"]
    notes = (f"PolNeAR train, {len(articles)} articles, {args.folds}-fold grouped CV, {total} gold contents; "
             "share = count / gold contents. Most missed cue words: "
             + ", ".join(f"{w} {n}" for w, n in missed.most_common(25)) + ".")
    report(f"Quotes: where contents are lost (train {args.folds}-fold CV)", ["class", "count", "share"], rows, notes,
           write=not args.no_write)


if __name__ == "__main__":
    main()
