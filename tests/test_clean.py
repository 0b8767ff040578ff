"""clean stage: furniture lines, raw_segments, dates, titles, language. Fixture texts are ours."""
from __future__ import annotations

import pytest

from conftest import shared_path
from storyline.clean import clean_document, headline_candidate, identify_language, normalize_language_code
from storyline.clean.dates import dateline_date, find_date, find_dates
from storyline.clean.furniture import classify_lines, furniture_kind
from storyline.clean.segments import segments_are_exact
from storyline.model import RawDocument, article_id

CAPTION = ("Harbour Minister Ana Velez (R) shakes hands with trade envoy Tomas Brandt (L) at the port "
           "authority in Valdora, capital of Norland, March 3, 2025. /VCG")
BODY = [
    "Norland and Ostmark agreed on Monday to reopen talks on a shared container terminal, the "
    "harbour ministry said, after a two-month pause caused by a dispute over customs fees.",
    '"We have found a way to keep the ships moving," Velez told reporters in Valdora. "Nobody wants '
    'another winter of queues at the quay."',
    "Brandt said the first round would focus on inspection rules and that a draft could be ready "
    "before the summer season.",
]
FOOTER = ["CHOOSE YOUR LANGUAGE", "English 中文 Español Français", "互联网新闻信息许可证10120180008",
          "Disinformation report hotline: 010-85061466"]
SCRAPED = "\n".join([CAPTION, *BODY, *FOOTER]) + "\n"


def clean_txt(text: str, **fields) -> object:
    return clean_document(RawDocument(text=text, source_kind=fields.pop("source_kind", "txt"), **fields))


def assert_segments_exact(article, raw: str) -> None:
    """Every segment is exact, segments ascend without overlap, and they cover all but the joins."""
    segments = article.raw_segments
    assert segments is not None
    assert segments_are_exact(article.text, raw, segments)
    assert all(t0 + n0 < t1 and r0 + n0 < r1 for (t0, r0, n0), (t1, r1, _n1) in zip(segments, segments[1:]))
    covered = {i for t, _r, n in segments for i in range(t, t + n)}
    assert all(i in covered for i, ch in enumerate(article.text) if ch != "\n")


# ------------------------------------------------------------------ scraped page in the seed's style

def test_scraped_page_loses_caption_and_footer_but_keeps_every_paragraph():
    article = clean_txt(SCRAPED)
    assert article.text == "\n".join(BODY)
    for line in [CAPTION, *FOOTER]:
        assert line not in article.text
    assert_segments_exact(article, SCRAPED)


def test_caption_date_becomes_published_when_nothing_better():
    article = clean_txt(SCRAPED)
    assert (article.published, article.published_from) == ("2025-03-03", "caption")


def test_metadata_date_beats_caption_date():
    article = clean_txt(SCRAPED, published="2025-03-04", published_from="metadata")
    assert (article.published, article.published_from) == ("2025-03-04", "metadata")
    option = clean_txt(SCRAPED, published="2025-03-05", published_from="option")
    assert (option.published, option.published_from) == ("2025-03-03", "caption")  # the option only fills a gap


def test_dateline_year_is_completed_from_the_caption_and_beats_it():
    text = CAPTION + "\nVALDORA, March 4 (Nordwire) - " + BODY[0] + "\n" + BODY[1]
    article = clean_txt(text)
    assert (article.published, article.published_from) == ("2025-03-04", "text")
    assert article.text.startswith("VALDORA, March 4 (Nordwire) - ")


def test_dateline_with_year_gives_a_text_date():
    article = clean_txt("OSTBURG, 12 June 2024 - " + BODY[0] + "\n" + BODY[2])
    assert (article.published, article.published_from) == ("2024-06-12", "text")


def test_timestamp_line_is_dropped_and_dated():
    text = "Published: 7 January 2025 09:15 GMT\n" + BODY[0]
    article = clean_txt(text)
    assert article.text == BODY[0]
    assert (article.published, article.published_from) == ("2025-01-07", "text")


def test_undated_text_has_no_published():
    article = clean_txt("\n".join(BODY))
    assert article.published is None and article.published_from is None


# ------------------------------------------------------------------ the two seeds

def test_seed_004_loses_its_furniture():
    path = next(shared_path("seeds").glob("004_*.txt"))
    raw = path.read_text(encoding="utf-8")
    article = clean_txt(raw)
    assert (article.published, article.published_from) == ("2026-02-11", "caption")
    raw_lines = [line for line in raw.splitlines() if line.strip()]
    dropped = [raw_lines[0], *raw_lines[-3:]]
    kept = raw_lines[1:-3]
    assert all(line not in article.text for line in dropped)
    assert article.text.split("\n") == kept
    assert_segments_exact(article, raw)


def test_seed_000_is_unchanged_but_for_edge_whitespace():
    path = next(shared_path("seeds").glob("000_*.txt"))
    raw = path.read_text(encoding="utf-8")
    article = clean_txt(raw)
    assert article.text == raw.strip()
    assert article.raw_segments == [[0, raw.index(raw.strip()[:20]), len(raw.strip())]]
    assert article.language == "en"


# ------------------------------------------------------------------ furniture classifier

@pytest.mark.parametrize("line, kind", [
    (CAPTION, "caption"),
    ("Police officers stand guard outside the court in Ostburg on Tuesday. (Xinhua/Li Wen)", "caption"),
    ("Rescue workers search the debris in Valdora, Norland, 11 Feb 2025. (Photo: Jana Kral, 11 Feb 2025)", "caption"),
    ("A cargo ship leaves the port at dawn. REUTERS/Pia Lund", "caption"),
    ("The ferry reaches Ostburg in the early morning.Pia Lund / Agence France-Presse", "caption"),
    ("Pia Lund / Reuters.", "caption"),
    ("The new terminal seen from the air. Jan Olsen/Getty Images", "caption"),
    ("FILE PHOTO: The container terminal in Valdora, Norland.", "caption"),
    ("Photo: Norland Harbour Authority", "caption"),
    ("Credit: Ostmark Ministry of Trade", "caption"),
    ("Envoy Brandt (C) listens as Minister Velez (2nd L) speaks in Valdora.", "caption"),
    ("Getty Images Rita Moss waves to the crowd after the final lap", "caption"),
    ("Getty - Contributor Ferry passengers were stranded for hours", "caption"),
    ("AP:Associated Press Minister Velez arrives at the port in Valdora", "caption"),
    ("Reuters The ferry was towed back to Ostburg", "caption"),
    ("Facebook Twitter Pinterest Pia Lund greets fans in Ostburg", "caption"),
    ("CHOOSE YOUR LANGUAGE", "language_menu"),
    ("English | Français | Deutsch", "language_menu"),
    ("京ICP备12345678号", "licence"),
    ("Tip hotline: +47 22 33 44 55", "hotline"),
    ("Share this article", "share"),
    ("Subscribe to our newsletter", "subscribe"),
    ("Advertisement", "advertisement"),
    ("Follow us on Twitter", "follow"),
    ("We use cookies to improve your experience on our site.", "cookies"),
    ("© 2025 Norland Daily Media", "copyright"),
    ("Copyright 2025 Nordwire. All rights reserved.", "copyright"),
    ("Related: Ostmark opens a second ferry route", "related"),
    ("Read more: Why the port fees went up", "related"),
    ("Tags: Norland, Ostmark, shipping", "tags"),
])
def test_furniture_lines_are_recognised(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    *BODY,
    "Gov. Rita Moss (R) said on Friday, March 3, 2025, that the state would meet the deadline.",
    "Photographs by Nordwire showed long queues of trucks at the border.",
    "Related measures were announced by the ministry on Tuesday.",
    "Subscribers to the port's alert service were told to expect delays.",
    "Follow the money, the auditor said, and you will find the missing fees.",
    "The picture agency licensed the image to Getty Images.",
    "Copyright law in Norland was last reformed in 2011.",
    "Published in 2020, the report found that customs checks took twice as long as planned.",
    "English is the working language of the talks, the ministry said.",
    "The rate rose to 50/50 odds, traders said.",
    "He shared this article on his own page, his office said.",
    "Second stage: 8 April – Valdora / Ostburg",
    "Languages spoken at the port include Norlandic and Ostish.",
    "Reuters was unable to confirm the figure independently.",
    "Reuters first reported the ferry deal on Sunday.",
    "Facebook said the page broke its rules.",
    "Twitter users shared pictures of the queue at the port.",
    "Reuters Breakingviews columnist Pia Lund wrote that the deal was too expensive.",
])
def test_body_sentences_are_never_furniture(line):
    assert furniture_kind(line) is None


def test_lone_language_names_are_menu_only_beside_a_menu():
    lines = ["CHOOSE YOUR LANGUAGE", "English", "Español", "", "Body text follows here, as usual."]
    assert classify_lines(lines) == ["language_menu", "language_menu", "language_menu", None, None]
    assert classify_lines(["English", "The talks were held in English."]) == [None, None]


# ------------------------------------------------------------------ text layout and raw_segments

def test_blank_line_paragraphs_survive_and_dropped_furniture_leaves_no_hole():
    raw = "\n\n  " + BODY[0] + "  \r\n\n" + "Share this article\n\n" + BODY[1] + "\n\n\n" + BODY[2] + "\n\n"
    article = clean_txt(raw)
    assert article.text == BODY[0] + "\n\n" + BODY[1] + "\n\n" + BODY[2]
    assert_segments_exact(article, raw)


def test_untouched_text_is_one_segment():
    raw = BODY[0] + "\n" + BODY[1]
    assert clean_txt(raw).raw_segments == [[0, 0, len(raw)]]


def test_segments_only_for_txt_and_json():
    assert clean_txt(SCRAPED, source_kind="json").raw_segments is not None
    for kind in ("html", "warc", "feed", "url"):
        article = clean_txt(SCRAPED, source_kind=kind)
        assert article.raw_segments is None
        assert "CHOOSE YOUR LANGUAGE" not in article.text


def test_clean_false_keeps_every_line():
    article = clean_document(RawDocument(text=SCRAPED, source_kind="txt", clean=False))
    assert article.text == SCRAPED.strip()


def test_empty_and_blank_texts_do_not_crash():
    for raw in ("", "   \n\n ", "Share this article\n"):
        article = clean_txt(raw)
        assert article.text == ""
        assert article.raw_segments == []
        assert article.language is None


def test_a_page_of_captions_only_keeps_its_captions():
    gallery = "Photos: Port talks\n" + CAPTION + "\nShare this article\n"
    article = clean_txt(gallery)
    assert article.text == "Photos: Port talks\n" + CAPTION
    assert article.published == "2025-03-03"


def test_id_is_outlet_plus_cleaned_text_and_fields_are_carried():
    article = clean_txt(SCRAPED, outlet="Norland Daily", url="https://example.org/a", path="a.txt",
                        external_id="a")
    assert article.id == article_id("Norland Daily", "\n".join(BODY))
    assert (article.outlet, article.url, article.path, article.external_id) == (
        "Norland Daily", "https://example.org/a", "a.txt", "a")


# ------------------------------------------------------------------ title

def test_headline_first_line_becomes_title_and_stays_in_text():
    raw = "Norland and Ostmark reopen port talks\n\n" + BODY[0]
    article = clean_txt(raw)
    assert article.title == "Norland and Ostmark reopen port talks"
    assert article.text.startswith("Norland and Ostmark reopen port talks")


def test_body_paragraph_first_line_gives_no_title():
    assert clean_txt("\n".join(BODY)).title is None
    assert headline_candidate("Only one line of text") is None
    assert headline_candidate("VALDORA, March 4 (Nordwire) - Talks resume\nBody.") is None


def test_source_title_wins():
    assert clean_txt(SCRAPED, title="  Port talks\nreopen ").title == "Port talks reopen"


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("text, iso", [
    ("in Valdora, March 3, 2025. /VCG", "2025-03-03"),
    ("(Photo: Jana Kral, 11 Feb 2025)", "2025-02-11"),
    ("taken Sept. 9, 2024, in Ostburg", "2024-09-09"),
    ("updated 2025-01-31T10:00Z", "2025-01-31"),
    ("2025年3月3日", "2025-03-03"),
])
def test_find_date(text, iso):
    assert find_date(text).isoformat() == iso


@pytest.mark.parametrize("text", ["Feb. 30, 2025", "May 2025", "Mayor 5, 2025 plan", "the 12 March plan", "no date"])
def test_find_date_rejects_partial_or_impossible_dates(text):
    assert find_date(text) is None


def test_find_dates_lists_every_complete_date_in_order():
    text = "Filed March 3, 2025, about the flood of 11 Feb 2025; talks resume May 2 (no year) or Feb. 30, 2025."
    assert [d.isoformat() for d in find_dates(text)] == ["2025-03-03", "2025-02-11"]


def test_yearless_dateline_takes_the_nearest_year():
    import datetime as dt

    assert dateline_date("VALDORA, Dec. 30 (Nordwire) - x", dt.date(2025, 1, 2)).isoformat() == "2024-12-30"
    assert dateline_date("VALDORA, Dec. 30 (Nordwire) - x") is None
    assert dateline_date("VALDORA (Nordwire) - x", dt.date(2025, 1, 2)) is None


# ------------------------------------------------------------------ language

def test_identify_language():
    assert identify_language(" ".join(BODY)) == "en"
    assert identify_language("Die Gespräche über den gemeinsamen Hafen wurden am Montag wieder aufgenommen.") == "de"
    assert identify_language("Ok.") is None
    assert identify_language("12345 67890 ---") is None


@pytest.mark.parametrize("code, iso", [("en-GB", "en"), ("eng", "en"), ("fre", "fr"), ("zh_CN", "zh"),
                                       ("English", "en"), ("zxx", None), ("", None), (None, None)])
def test_normalize_language_code(code, iso):
    assert normalize_language_code(code) == iso


def test_source_language_is_normalised_and_wins():
    assert clean_txt(SCRAPED, language="de-AT").language == "de"
    assert clean_txt(SCRAPED).language == "en"


def test_published_option_yields_to_a_date_in_the_text():
    from storyline.clean import clean_document
    from storyline.model import RawDocument

    raw = ("Harbour workers cheer at Port Amsel, March 3, 2026. /NHP\n"
           "Dock workers in Port Amsel ended their strike on Tuesday after the council agreed to new rosters.\n")
    with_caption = clean_document(RawDocument(text=raw, source_kind="txt", published="2026-01-01", published_from="option"))
    assert (with_caption.published, with_caption.published_from) == ("2026-03-03", "caption")
    undated = clean_document(RawDocument(text=raw.split("\n", 1)[1], source_kind="txt", published="2026-01-01",
                                         published_from="option"))
    assert (undated.published, undated.published_from) == ("2026-01-01", "option")
