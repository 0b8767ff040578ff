"""Duplicate detection: exact and near copies, first copy wins, rebuild from signatures."""
from __future__ import annotations

import pytest

from storyline.clean.dedup import DuplicateIndex, exact_hash, shingles

PARAGRAPHS = [
    "The harbour authority of Valdora said on Monday that container traffic through the northern "
    "terminal fell by a fifth in the first quarter, the steepest drop since the terminal opened, as "
    "a dispute with neighbouring Ostmark over customs fees kept dozens of ships waiting offshore.",
    "Officials blamed the decline on a two-month pause in talks between the two governments, which "
    "share the terminal under a treaty signed more than thirty years ago. Shipping companies rerouted "
    "cargo to smaller ports along the coast, where cranes and storage yards quickly filled up.",
    "Harbour Minister Ana Velez told parliament that the government would offer to split inspection "
    "duties with Ostmark customs officers, a proposal that trade unions at the port have opposed "
    "because they fear it would cost local jobs in the long run.",
    "Trade envoy Tomas Brandt, who leads the Ostmark delegation, said his side was ready to return "
    "to the table if Norland dropped a surcharge on refrigerated containers introduced in January. "
    "Fruit importers say the surcharge has raised the price of bananas and citrus by several percent.",
    "Analysts at a regional bank estimated that the standoff had already cost both economies more "
    "than two hundred million crowns in lost fees, storage charges and delayed deliveries, and warned "
    "that the summer season, when ferry traffic peaks, would make the queues far worse.",
    "Port workers, meanwhile, have been told to expect longer shifts once the backlog starts to clear, "
    "and the authority has hired extra pilots to guide the waiting ships into the harbour one by one.",
    "A first meeting between the two delegations is expected later this month in the border town of "
    "Ostburg. Both parliaments will have to approve any deal.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)
# the same article with its closing sentence rewritten
EDITED = ARTICLE.replace("Both parliaments will have to approve any deal.",
                         "Officials said a joint commission would publish its findings in the autumn.")
UNRELATED = (
    "The national football league of Norland announced on Sunday that the new season will start two "
    "weeks later than planned because the pitch at the main stadium in Valdora has to be relaid after "
    "heavy spring rains. Club owners welcomed the delay, saying it gives injured players more time to "
    "recover, while supporters groups complained that ticket prices had gone up again this year."
)
FOLLOW_UP = (
    "Norland and Ostmark resumed talks over their shared container terminal on Thursday in Ostburg, "
    "ending a pause that left ships queuing offshore for weeks. Minister Ana Velez said the proposal to "
    "share inspection duties was on the table, and envoy Tomas Brandt repeated that the refrigerated "
    "container surcharge had to go. Unions staged a small protest outside the meeting hall."
)


def test_exact_copy_points_to_first():
    index = DuplicateIndex()
    assert index.check_and_add("a", ARTICLE) is None
    assert index.check_and_add("b", ARTICLE) == "a"
    assert index.check_and_add("c", "  " + ARTICLE.upper().replace("\n\n", "\n") + "\n") == "a"


def test_small_edit_at_the_end_is_a_near_duplicate():
    index = DuplicateIndex()
    index.check_and_add("a", ARTICLE)
    assert exact_hash(EDITED) != exact_hash(ARTICLE)
    assert index.check_and_add("b", EDITED) == "a"


def test_unrelated_and_follow_up_articles_are_not_duplicates():
    index = DuplicateIndex()
    index.check_and_add("a", ARTICLE)
    assert index.check_and_add("b", UNRELATED) is None
    assert index.check_and_add("c", FOLLOW_UP) is None


def test_first_copy_wins_through_chains():
    index = DuplicateIndex()
    assert index.check_and_add("first", ARTICLE) is None
    assert index.check_and_add("second", EDITED) == "first"
    assert index.check_and_add("third", EDITED) == "first"


def test_same_id_again_is_not_its_own_duplicate():
    index = DuplicateIndex()
    assert index.check_and_add("a", ARTICLE) is None
    assert index.check_and_add("a", ARTICLE) is None
    assert index.check_and_add("b", ARTICLE) == "a"
    assert index.check_and_add("b", ARTICLE) == "a"
    assert len(index) == 2 and "a" in index


def test_rebuild_from_signatures_gives_the_same_answers():
    texts = [("a", ARTICLE), ("b", UNRELATED), ("c", EDITED), ("d", FOLLOW_UP), ("e", UNRELATED)]
    original = DuplicateIndex()
    answers = [original.check_and_add(article_id, text) for article_id, text in texts]
    assert answers == [None, None, "a", None, "b"]
    keys = [original.keys(text) for _, text in texts]
    persisted = [(article_id, sig, exact) for (article_id, _), (exact, sig) in zip(texts, keys, strict=True)]

    rebuilt = DuplicateIndex()
    replayed = [rebuilt.add_signature(article_id, sig, exact) for article_id, sig, exact in persisted]
    assert replayed == answers
    probe = EDITED.replace("autumn", "spring")
    assert rebuilt.check_and_add("f", probe) == original.check_and_add("f", probe) == "a"
    assert rebuilt.check_and_add("g", UNRELATED) == "b"


def test_keys_are_the_exact_hash_and_compact_minhash_bytes_empty_without_words():
    index = DuplicateIndex()
    exact, sig = index.keys("  " + ARTICLE.upper())
    assert exact == exact_hash(ARTICLE) and len(sig) == 128 * 4
    assert index.keys(ARTICLE) == (exact, sig)  # case and spacing do not count
    assert index.keys("  ... ") == (exact_hash("  ... "), b"")


def test_texts_without_words_only_match_exactly():
    index = DuplicateIndex()
    assert index.check_and_add("a", "...") is None
    assert index.check_and_add("b", "!!!") is None
    assert index.check_and_add("c", "...") == "a"


def test_signature_of_another_size_is_rejected():
    small = DuplicateIndex(num_perm=64)
    with pytest.raises(ValueError):
        DuplicateIndex().add_signature("a", small.keys(ARTICLE)[1], exact_hash(ARTICLE))


def test_shingles_are_word_five_grams_of_the_normalised_text():
    assert shingles("One two three four five six") == {b"one two three four five", b"two three four five six"}
    assert shingles("Short text") == {b"short text"}
    assert shingles("") == set()

