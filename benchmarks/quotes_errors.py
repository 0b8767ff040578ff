"""Where PolNeAR contents and sources are lost: a grouped cross-validated error breakdown on train.

Each gold attribution with a Content is put in one class, from the held-out fold's predictions of
a model fitted on the other folds (``train_quotes.fit``, with the stacked cue model): (a) cue missed
(no predicted attribution has the gold cue's head word), split by whether the gold content is among
the cue's candidates; for found cues, (b) no candidate equals the gold content (the candidates the
final pick is made from: the parse's and, where it runs, the boundary tagger's spans), (c) the gold
is a candidate but neither the content ranker's first pick nor the final pick is it, (d) the first
pick was the gold and the final pick (tagger-aware ranker, span scorer) moved it, (e) exact (split
by whether the first pick was exact too). Predicted cues with no gold cue are counted as false
positives. ``--encoder``: the accurate mode, as it runs: out-of-fold encoder probabilities and states,
the accurate linear models, and per fold the neural content-span and cue scorers
(``train_quote_spans``) at the packaged weights; the source scorer is left out (it moves Source, not
where contents are lost). With
``--detail``, further tables: missed and false-positive cues by the word's lexicon class and
first-stage cue probability, how wrong contents differ from the gold (the prediction, or the
nearest candidate when no candidate is exact), and where gold sources are lost. Read it to pick
what to work on next; dev stays the held-out check.

    python benchmarks/quotes_errors.py --folds 5
    python benchmarks/quotes_errors.py --folds 5 --limit 300 --detail --examples /tmp/errors.jsonl
    python benchmarks/quotes_errors.py --folds 5 --limit 300 --encoder
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
from benchmarks.quotes_polnear import (  # noqa: E402
    ROLES, Scores, chars, jaccard, normalise, predicted_attributions, prf, score_article)
import benchmarks.train_quotes as TQ  # noqa: E402
from benchmarks.train_quotes import gold_head  # noqa: E402

# the accurate mode's packaged mixing (spans.MIX_KEY of span_scorer / cue_scorer), as the fold models are
# scored with it (the fold model carries the accurate gate, train_quotes.default_gate)
CONTENT_MIX = 0.5
CUE_MIX, CUE_THRESHOLD = 0.5, 0.4
SCORER_EPOCHS = 4
CONTENT_DROPOUT, CUE_DROPOUT = 0.1, 0.3


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
        self.scores = {"all": Scores(), "speech verbs": Scores()}  # the benchmark's scoring of the same predictions

    def exact_f1(self) -> str:
        f1 = {role: prf(exact, gold, pred)[2] for role, (gold, pred, exact, _) in self.scores["all"].counts.items()}
        return " / ".join(f"{f1[role]:.3f}" for role in ROLES)

    def add(self, table: str, key: str) -> None:
        self.tables.setdefault(table, Counter())[key] += 1


def classify(t: Tally, doc, text: str, gold, model, detail: bool = False) -> None:
    from storyline.annotate.quotes import candidates as C
    from storyline.annotate.quotes import extract_quotes
    from storyline.annotate.quotes.marks import scan_quotes
    from storyline.annotate.quotes.parsed import Parsed

    p, quotes = Parsed(doc), scan_quotes(text)
    index = C.QuoteIndex(quotes)
    predicted, atts = {}, predicted_attributions(extract_quotes(doc, text, "a", None, model=model))
    score_article(t.scores, doc, text, gold, atts)
    for att in atts:
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
        cands, first = content_stages(p, head.i, text, quotes, index, model) if is_cand else ([], None)
        in_cands = want in cands
        lex = f"{C.lexicon_class(p.lemma[head.i])} {p.pos[head.i]}"
        if found is None:
            t.counts["(a) cue missed, content " + ("among" if in_cands else "not among") + " candidates"] += 1
            t.missed[p.lemma[head.i]] += 1
            if detail:
                t.add("missed cue: word class", lex)
                t.add("missed cue: first-stage probability", prob(head.i))
            got = None
        elif normalise(text, found.roles["Content"]) == want:
            t.counts["(e) content exact" + (", first pick exact too" if first == want else
                                            ", first pick was not")] += 1
            got = "exact"
        else:
            got = normalise(text, found.roles["Content"])
            t.counts[found_loss(in_cands, first == want)] += 1
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


def found_loss(in_cands: bool, first_exact: bool) -> str:
    """The class of a found cue's wrong content: (b) no candidate is the gold, (c) a candidate is
    but no pick took it, (d) the content ranker's first pick was the gold and the final pick moved it."""
    if not in_cands:
        return "(b) cue found, no candidate equals gold"
    if first_exact:
        return "(d) cue found, first pick exact, final pick moved it"
    return "(c) cue found, gold among candidates, not picked"


def content_stages(p, i: int, text: str, quotes, index, model) -> tuple[list, object]:
    """The normalised content candidates the final pick of word ``i`` is made from (the parse's
    and the boundary tagger's spans, as ``learned.content_step`` builds them) and the content
    ranker's first pick (normalised; None without candidates)."""
    from storyline.annotate.quotes import boundary as B
    from storyline.annotate.quotes import learned as L

    chosen = L.choose_content(p, i, text, quotes, index, model)
    contents = chosen.contents
    if model.tagged and not L._sure(model, chosen):
        tags = B.tag(p, i, text, model.start, model.end)
        contents = L.tagger_candidates(p, i, text, index, chosen.contents, chosen.rows, tags, chosen.dropped)[0]
    first = normalise(text, chosen.content) if chosen.content is not None else None
    return [normalise(text, o) for o in contents], first


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


def fold_models(articles, docs, ex, folds: int, accurate: bool):
    """The model of each fold (fitted without it), as ``train_quotes.cross_validate`` fits it; in
    the accurate mode with the content-span and cue scorers of ``train_quote_spans`` trained
    without the fold too, mixed at the packaged weights."""
    from dataclasses import replace

    if not accurate:
        TQ.tagged_content_examples(ex, articles, docs, folds)
        stacked = TQ.stacked_cue_rows(ex, articles, docs, folds, list(range(folds)))
        for k in range(folds):
            yield TQ.fit(ex, {g for g in range(len(articles)) if g % folds != k}, stacked[k])
        return
    import torch

    import benchmarks.train_quote_spans as S

    torch.set_num_threads(1)
    S.attach_states(articles, docs)
    records: list = []
    TQ.tagged_content_examples(ex, articles, docs, folds, records)
    content_queries = S.span_queries(records, articles, docs, "content")
    recorder = S.CueRecorder(ex, len(articles), folds)
    stacked = TQ.stacked_cue_rows(ex, articles, docs, folds, list(range(folds)), record=recorder)
    for k in range(folds):
        groups = {g for g in range(len(articles)) if g % folds != k}
        S.DROPOUT = CONTENT_DROPOUT
        content = S.train([q for q in content_queries if q[0] in groups], SCORER_EPOCHS, log=f"content fold {k}: ")
        S.DROPOUT = CUE_DROPOUT
        cue = S.train([q for q in recorder.queries if q[0] in groups], SCORER_EPOCHS, log=f"cue fold {k}: ",
                      binary=True)
        model = TQ.fit(ex, groups, stacked[k])
        yield replace(model, spans=(content, CONTENT_MIX), cue_spans=(cue, CUE_MIX, CUE_THRESHOLD))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--detail", action="store_true", help="breakdown tables by cue class, boundary and source")
    ap.add_argument("--examples", type=Path, help="write the wrong contents and sources here (JSON lines)")
    ap.add_argument("--encoder", action="store_true", help="the accurate mode (encoder features and scorers)")
    args = ap.parse_args(argv)
    TQ.ENCODER = args.encoder
    articles, docs, ex = TQ.train_examples(args.limit)
    t = Tally()
    for k, model in enumerate(fold_models(articles, docs, ex, args.folds, args.encoder)):
        for i in range(k, len(articles), args.folds):
            classify(t, docs[i], articles[i][1], articles[i][2], model, args.detail)
    total = t.counts["gold contents"]
    rows = [[name, n, f"{n / total:.3f}"] for name, n in t.counts.most_common() if name != "gold contents"]
    for table, counter in t.tables.items():
        rows += [[f"{table}: {key}", n, f"{n / total:.3f}"] for key, n in counter.most_common(12)]
    mode = ("accurate mode: encoder features, content-span and cue scorers" if args.encoder else "fast mode")
    notes = (f"PolNeAR train, {len(articles)} articles, {args.folds}-fold grouped CV ({mode}, stacked cue model), "
             f"{total} gold contents; share = count / gold contents. The same predictions scored as the benchmark, "
             f"exact F1 {' / '.join(ROLES)}: {t.exact_f1()}. Most missed cue words: "
             + ", ".join(f"{w} {n}" for w, n in t.missed.most_common(25)) + ".")
    report(f"Quotes: where contents are lost (train {args.folds}-fold CV{', accurate' if args.encoder else ''})", ["class", "count", "share"], rows, notes,
           write=not args.no_write)
    if args.examples:
        args.examples.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in t.examples), encoding="utf-8")


if __name__ == "__main__":
    main()
