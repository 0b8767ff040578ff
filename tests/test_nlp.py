"""The spaCy pipeline as Storyline loads it: same annotations as the shipped model, faster."""
from __future__ import annotations

import subprocess
import sys

import pytest

from storyline.annotate import nlp

# Written to hit the attribute ruler's special cases: contractions spread over two tokens
# ("gonna", "let's", "y'all", "ain't", "c'mon"), "there is", modals, pronouns, determiners.
TEXT = ("Y'all ain't gonna believe it, but the minister said there is nothin' left to negotiate. "
        "Let's wait, c'mon, she told reporters on Tuesday; they would not say whether anyone could "
        "come. I think that these talks must end, and those who gotta leave should go now! "
        "The ceasefire, which everybody wanted, collapsed at 3 a.m. after 12 rockets hit Darrowfield.")


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


def test_the_networks_multiply_with_numpy_and_label_as_blis_does():
    ours, shipped = nlp.load(), nlp.load_model()
    for ours_pipe, shipped_pipe in ((ours.get_pipe("tok2vec"), shipped.get_pipe("tok2vec")),
                                    (ours.get_pipe("storyline_ner").ner, shipped.get_pipe("ner")),
                                    (ours.get_pipe("parser"), shipped.get_pipe("parser"))):
        assert isinstance(ours_pipe.model.ops, nlp.MatmulOps)
        assert not isinstance(shipped_pipe.model.ops, nlp.MatmulOps)
    text = " ".join([TEXT] * 4)  # a longer batch exercises bigger matrix products
    assert annotations(ours(text)) == annotations(shipped(text))


# Curly apostrophes in possessives, contractions and a name: the model was trained on straight ones.
CURLY = ("Ostland\u2019s Foreign Ministry said the drills were a provocation. Brennor\u2019s shares fell after "
         "the company\u2019s chief, Dara O\u2019Malley, said the deal wasn\u2019t dead. The Harbour "
         "Authority\u2019s pilots\u2019 union called a strike.")


def entities(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_curly_apostrophes_get_the_entities_of_straight_ones_at_the_same_offsets():
    ours = nlp.load()
    curly, straight = ours(CURLY), ours(CURLY.replace("\u2019", "'"))
    assert curly.text == CURLY and entities(curly) == entities(straight)
    assert [t.ent_iob_ for t in curly] == [t.ent_iob_ for t in straight]
    ministry = CURLY.index("Foreign Ministry")
    assert (ministry, ministry + len("Foreign Ministry"), "ORG") in entities(curly)  # not "Ostland’s Foreign Ministry"
    # batches (``nlp.pipe``) and texts with no curly apostrophe read as one text alone
    docs = list(nlp.parse([CURLY, TEXT, CURLY]))
    assert [entities(d) for d in docs] == [entities(curly), entities(ours(TEXT)), entities(curly)]


def test_table_attribute_ruler_matches_the_shipped_one():
    ours, shipped = nlp.load(), nlp.load_model()
    assert "storyline_attribute_ruler" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    for text in (TEXT, TEXT.lower(), TEXT.upper()):
        assert annotations(ours(text)) == annotations(shipped(text))


def test_memo_lemmatizer_matches_the_shipped_one():
    """Lemmas are memoised on (text, POS, morphology), including the base-form exits that spaCy
    recomputes for every token; a repeated word with another POS keeps its own lemma."""
    ours, shipped = nlp.load(), nlp.load_model()
    assert "storyline_lemmatizer" in ours.pipe_names and "lemmatizer" not in ours.pipe_names
    text = TEXT + " Talks talked of talking; the talks' talk was the best of the better offers, best left unsaid."
    for _ in range(2):  # the second round reads the memo
        for variant in (text, text.lower(), text.upper()):
            assert annotations(ours(variant)) == annotations(shipped(variant))


PINNED_SPACY = "3.8.7"  # pyproject.toml: the later 3.8 wheels parse 1.6x slower and reorder lemma candidates


@pytest.mark.skipif(__import__("spacy").__version__ != PINNED_SPACY, reason="another spaCy than the pinned one")
def test_the_pinned_spacy_lemmatizes_by_the_first_rule_that_gives_a_known_word():
    """spaCy 3.8.8+ put every known candidate first as it finds it, so the last suffix rule wins
    ("hoped" -> "hop", "staged" -> "stag"); the pinned 3.8.7 keeps the rules' order."""
    doc = nlp.load()("She hoped the staged talks would go on, hoping for the best.")
    assert {t.text: t.lemma_ for t in doc if t.text in ("hoped", "staged", "hoping")} == {
        "hoped": "hope", "staged": "stage", "hoping": "hope"}


def test_the_lemmatizers_word_lists_answer_membership_as_lists_do():
    """The rule lemmatizer's known-word lists (``form in index`` for every suffix rule) are looked
    up in a set: same answers, and still the same lists otherwise."""
    from storyline.annotate import lemmas

    lemmatizer = nlp.load().get_pipe("storyline_lemmatizer").lemmatizer
    nouns = lemmatizer.lookups.get_table("lemma_index").get("noun")
    assert isinstance(nouns, lemmas.WordIndex) and len(nouns) > 1000
    plain = list(nouns)
    for word in [*plain[:50], *plain[-50:], "ceasefire", "darrowfield", "talks", "", "Official"]:
        assert (word in nouns) == (word in plain)
    lemmas.index_words(lemmatizer)  # idempotent: a second pipeline on the same tables
    assert lemmatizer.lookups.get_table("lemma_index").get("noun") is nouns

def test_importing_storyline_keeps_blas_single_threaded_unless_told_otherwise():
    """Workers parse faster with no BLAS thread in the process; a user's own setting wins."""
    import os
    import subprocess
    import sys

    code = ("import storyline, numpy, os; from threadpoolctl import threadpool_info; "
            "print(os.environ['OPENBLAS_NUM_THREADS'], [i['num_threads'] for i in threadpool_info()])")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    default = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert default.stdout.split()[0] == "1" and "[1]" in default.stdout
    told = subprocess.run([sys.executable, "-c", code], env={**env, "OPENBLAS_NUM_THREADS": "2"},
                          capture_output=True, text=True, check=True)
    assert told.stdout.split()[0] == "2"


FREED_BLOCKS = """
import resource, sys
import numpy
from storyline.annotate import nlp
if sys.argv[1] == "keep":
    assert nlp.keep_freed_memory()
faults = []
for _ in range(5):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    block = numpy.ones(4 << 20, dtype=numpy.float32)  # 16 MB, as a batch's activations
    del block
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(sum(faults[1:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_worker_reuses_freed_blocks_instead_of_faulting_them_in_again():
    """After ``keep_freed_memory`` (called by ``init_worker``) a block freed and allocated again
    costs no new page faults; by default glibc unmaps it and the next one is faulted in afresh."""
    def faults(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", FREED_BLOCKS, mode], capture_output=True, text=True, check=True)
        return int(out.stdout.strip())

    kept, default = faults("keep"), faults("default")
    assert kept < 10 < default


def test_is_parse_of_tells_the_doc_of_a_text_from_another():
    ours = nlp.load()
    text = "  Rebels attacked the base on Monday.\nOfficials said 12 died. "
    doc = ours(text)
    assert nlp.is_parse_of(doc, text)
    assert not nlp.is_parse_of(doc, text.strip())
    assert not nlp.is_parse_of(doc, text.replace("Rebels", "Rebbls"))  # the first word after the spaces
    assert not nlp.is_parse_of(doc, text.replace("died. ", "died! "))  # the last token
    assert not nlp.is_parse_of(doc, text.replace("Monday.", "Monday!"))  # the middle one
    assert not nlp.is_parse_of(doc, "Other text.")
    assert nlp.is_parse_of(ours(""), "") and not nlp.is_parse_of(ours(""), "x")


SETTLE = """
import gc
from storyline.annotate import nlp
kept = [[k] for k in range(1000)]
nlp.settle_collector()
frozen = gc.get_freeze_count()
more = [[k] for k in range(1000)]
nlp.settle_collector()  # Spark's next partition: nothing more is frozen
print(frozen >= 1000, gc.get_freeze_count() == frozen, gc.get_threshold()[0] == nlp.YOUNG_THRESHOLD)
"""


def test_a_worker_freezes_what_it_loaded_once():
    """``init_worker`` leaves what is loaded to the permanent generation, once per process, and
    collects the young generation less often (in a subprocess: it changes the collector)."""
    out = subprocess.run([sys.executable, "-c", SETTLE], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]
