"""Where PolNeAR contents and sources are lost: a grouped cross-validated error breakdown on train.

Each gold attribution with a Content is put in one class, from the held-out fold's predictions of
a model fitted on the other folds (``train_quotes.fit``): content exact; cue missed (no predicted
attribution has the gold cue's head word), split by whether the gold content is among the cue's
candidates; cue found but the ranker chose another candidate; cue found but no candidate equals
the gold content. Predicted cues with no gold cue are counted as false positives. With
``--detail``, further tables: missed and false-positive cues by the word's lexicon class and
first-stage cue probability, how wrong contents differ from the gold (the prediction, or the
nearest candidate when no candidate is exact), and where gold sources are lost. Read it to pick
what to work on next; dev stays the held-out check.

    python benchmarks/quotes_errors.py --folds 5
    python benchmarks/quotes_errors.py --folds 5 --limit 300 --detail --examples /tmp/errors.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._report import report  # noqa: E402
from benchmarks.quotes_polnear import chars, jaccard, normalise, predicted_attributions  # noqa: E402
from benchmarks.train_quotes import fit, gold_head, train_examples  # noqa: E402


def relation(pred, gold) -> str:
    """How a predicted span (fragments) differs from the gold one, by its outer edges."""
    if not pred:
        return "none"
    if len(gold) != len(pred):
        return f"fragments {len(pred)} vs gold {len(gold)}"
    (ps, pe), (gs, ge) = (pred[0][0], pred[-1][1]), (gold[0][0], gold[-1][1])
    if pe <= gs or ge <= ps:
        return "disjoint"
    start = "same start" if ps == gs else "starts earlier" if ps < gs else "starts later"
    end = "same end" if pe == ge else "ends later" if pe > ge else "ends earlier"
    return f"{start}, {end}" if (ps, pe) != (gs, ge) else "inner fragments differ"


def nearest(options, want):
    """The option (normalised) with the largest character Jaccard to ``want``."""
    got = [(jaccard(chars(o), chars(want)), o) for o in options if o]
    return max(got)[1] if got else ()


class Tally:
    def __init__(self) -> None:
        self.counts, self.missed = Counter(), Counter()
        self.tables: dict[str, Counter] = {}
        self.examples: list[dict] = []

    def add(self, table: str, key: str) -> None:
        self.tables.setdefault(table, Counter())[key] += 1


def classify(t: Tally, doc, text: str, gold, model, detail: bool = False) -> None:
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes import extract_quotes
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    p, quotes = Parsed(doc), scan_quotes(text)
    index = C.QuoteIndex(quotes)
    predicted = {}
    for att in predicted_attributions(extract_quotes(doc, text, "a", None, model=model)):
        head = gold_head(doc, att.roles["Cue"]) if "Cue" in att.roles else None
        if head is not None:
            predicted[head.i] = att

    def prob(i: int) -> str:
        if not (C.is_cue_candidate(p, i) and model.may_be_cue(p, i)):
            return "not scored"
        pr = model.cue.probs([C.cue_features(p, i, index)])[0]
        return "<0.05" if pr < 0.05 else "0.05-0.25" if pr < 0.25 else f"0.25-{model.threshold}" if \
            pr < model.threshold else f">={model.threshold}"

    gold_heads = set()
    for att in gold:
        head = gold_head(doc, att.roles["Cue"]) if "Cue" in att.roles else None
        if head is not None:
            gold_heads.add(head.i)
        found = predicted.get(head.i) if head is not None else None
        if detail and "Source" in att.roles:
            _source(t, p, text, att, head, found)
        if "Content" not in att.roles:
            continue
        t.counts["gold contents"] += 1
        if head is None:
            t.counts["no gold cue"] += 1
            continue
        want = normalise(text, att.roles["Content"])
        is_cand = C.is_cue_candidate(p, head.i)
        cands = [normalise(text, o) for o in C.content_candidates(p, head.i, text, quotes)] if is_cand else []
        in_cands = want in cands
        lex = f"{C.lexicon_class(p.lemma[head.i])} {p.pos[head.i]}"
        if found is None:
            t.counts["cue missed, content " + ("among" if in_cands else "not among") + " candidates"] += 1
            t.missed[p.lemma[head.i]] += 1
            if detail:
                t.add("missed cue: word class", lex)
                t.add("missed cue: first-stage probability", prob(head.i))
            got = None
        elif normalise(text, found.roles["Content"]) == want:
            t.counts["content exact"] += 1
            got = "exact"
        else:
            got = normalise(text, found.roles["Content"])
            t.counts["cue found, " + ("ranker chose another candidate" if in_cands else "no candidate equals gold")] += 1
            if detail:
                t.add("cue found, ranker chose another: prediction vs gold" if in_cands else
                      "cue found, no exact candidate: nearest candidate vs gold",
                      relation(got if in_cands else nearest(cands, want), want))
        if detail and got != "exact" and not in_cands:
            near = nearest(cands, want)
            t.add("no exact candidate (found or missed cue): nearest candidate vs gold", relation(near, want))
            t.examples.append({"kind": "no candidate", "cue": text[p.idx[head.i]:p.end[head.i]],
                               "gold": [text[s:e] for s, e in want], "nearest": [text[s:e] for s, e in near],
                               "relation": relation(near, want), "found": found is not None})
        elif detail and got not in (None, "exact"):
            t.examples.append({"kind": "ranker", "cue": text[p.idx[head.i]:p.end[head.i]],
                               "gold": [text[s:e] for s, e in want], "pred": [text[s:e] for s, e in got],
                               "relation": relation(got, want)})
    fps = [i for i in predicted if i not in gold_heads]
    t.counts["false positive cues"] += len(fps)
    if detail:
        for i in fps:
            t.add("false-positive cue: word class", f"{C.lexicon_class(p.lemma[i])} {p.pos[i]}")


def _source(t: Tally, p, text: str, att, head, found) -> None:
    """Where one gold source is lost (per attribution; the benchmark scores a set per article)."""
    from storyline.annotate.quotes import candidates as C

    table = "gold sources"
    want = normalise(text, att.roles["Source"])
    if head is None or found is None:
        t.add(table, "cue missed")
        if head is not None:
            t.add("gold sources, cue missed: cue word class", f"{C.lexicon_class(p.lemma[head.i])} {p.pos[head.i]}")
        return
    got = normalise(text, found.roles.get("Source", ()))
    if got == want:
        t.add(table, "exact")
        return
    options = [normalise(text, (o,)) for o in C.source_candidates(p, head.i, text) if o]
    t.add("gold sources, cue found, not exact: where the gold source is", source_place(p, text, want, head.i))
    if not got:
        t.add(table, "predicted none, gold " + ("among" if want in options else "not among") + " candidates")
    elif want in options:
        t.add(table, "ranker chose another: " + relation(got, want))
    else:
        t.add(table, "no exact candidate: nearest " + relation(nearest(options, want), want))
        t.examples.append({"kind": "source", "cue": text[p.idx[head.i]:p.end[head.i]],
                           "gold": [text[s:e] for s, e in want], "pred": [text[s:e] for s, e in got]})


def source_place(p, text: str, want, cue: int) -> str:
    """Where a gold source stands relative to its cue: same sentence (before or after it) or
    another sentence, and whether its last word is a pronoun."""
    if not want:
        return "gold span empty"
    first = p.token_at(want[0][0])
    last = p.token_at(want[-1][1] - 1)
    side = "before" if last < cue else "after" if first > cue else "around"
    sent = "same sentence" if p.sent(first) == p.sent(cue) else "other sentence"
    kind = "pronoun" if p.pos[last] == "PRON" else p.pos[last]
    return f"{sent}, {side}, {kind}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--detail", action="store_true", help="breakdown tables by cue class, boundary and source")
    ap.add_argument("--examples", type=Path, help="write the wrong contents and sources here (JSON lines)")
    args = ap.parse_args(argv)
    articles, docs, ex = train_examples(args.limit)
    t = Tally()
    for k in range(args.folds):
        model = fit(ex, {i for i in range(len(articles)) if i % args.folds != k})
        for i in range(k, len(articles), args.folds):
            classify(t, docs[i], articles[i][1], articles[i][2], model, args.detail)
    total = t.counts["gold contents"]
    rows = [[name, n, f"{n / total:.3f}"] for name, n in t.counts.most_common() if name != "gold contents"]
    for table, counter in t.tables.items():
        rows += [[f"{table}: {key}", n, f"{n / total:.3f}"] for key, n in counter.most_common(12)]
    notes = (f"PolNeAR train, {len(articles)} articles, {args.folds}-fold grouped CV (first-stage cue model), "
             f"{total} gold contents; share = count / gold contents. Most missed cue words: "
             + ", ".join(f"{w} {n}" for w, n in t.missed.most_common(25)) + ".")
    report(f"Quotes: where contents are lost (train {args.folds}-fold CV)", ["class", "count", "share"], rows, notes,
           write=not args.no_write)
    if args.examples:
        args.examples.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in t.examples), encoding="utf-8")


if __name__ == "__main__":
    main()
