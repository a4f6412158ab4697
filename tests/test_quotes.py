import json
import re
from pathlib import Path

import pytest

from framing.quotes import QuoteIndex, quote_spans, voice_text
from framing.text import normalize

TEXT = 'Officials said "the captives are alive" today.\n\n"They will return\n\nNo more.'


def test_quote_spans_close_at_paragraph_breaks():
    # Hand-placed: the first quotation is marks included; the second opens at '"They' and
    # closes at the paragraph break, as a quotation running on would reopen with a mark.
    first = TEXT.index('"the')
    second = TEXT.index('"They')
    assert quote_spans(TEXT) == [(first, TEXT.index("today") - 1), (second, TEXT.index("\n\nNo"))]


def test_voice_text_cuts_quotations_out_or_keeps_only_them():
    assert voice_text(TEXT, "all") == TEXT
    assert voice_text(TEXT, "quoted") == '"the captives are alive"\n"They will return'
    assert voice_text(TEXT, "own") == "Officials said \n today.\n\n\n\n\nNo more."
    assert voice_text("no quotes here", "quoted") == ""
    with pytest.raises(ValueError):
        voice_text(TEXT, "mine")


# --- Exact spans, counted by hand -------------------------------------------------------------

def test_closing_mark_only_quotes_from_the_paragraph_start():
    # The Breach sentence: 30 letters, spaces and the comma, then the mark at offset 31.
    text = 'We killed dozens of terrorists," Mr. Netanyahu told reporters.'
    assert quote_spans(text) == [(0, 32)]
    # In a later paragraph it starts at that paragraph: "A.\n\n" is 4 characters.
    assert quote_spans('A.\n\nB," he said.') == [(4, 7)]


def test_stray_closing_mark_after_a_quotation_is_ignored():
    assert quote_spans('"A," he said. B" c') == [(0, 4)]


def test_unclosed_opening_mark_runs_to_the_paragraph_end():
    assert quote_spans('He said "we won.') == [(8, 16)]
    assert quote_spans('He said "we won.\n\nNo.') == [(8, 16)]


def test_single_marks_in_headlines():
    # "Biden says Israel's " is 20 characters; the quotation 24, marks included.
    assert quote_spans("Biden says Israel's 'indiscriminate bombing' is costing support") == [(20, 44)]
    assert quote_spans("'Genocide' claims are baseless") == [(0, 10)]
    for own in ("Israel's army", "Gazans' homes", "don't", "the '90s", "rock 'n' roll", "O'Brien's 'a' grade"):
        assert quote_spans(own) == [], own


def test_single_marks_stay_in_one_line_and_sentence():
    assert quote_spans("the 'first line\nsecond' line") == []
    assert quote_spans("the 'war. Then peace' came") == []
    assert quote_spans("the 'U.S. plan' failed") == [(4, 15)]


def test_single_marks_inside_a_double_quotation_are_part_of_it():
    text = "He said \"captives are 'safe'\" today."
    assert quote_spans(text) == [(8, 29)]
    text = "The word 'ceasefire' means nothing," + '" he said.'
    assert quote_spans(text) == [(0, 36)]


def test_hebrew_gershayim_and_geresh_are_not_marks():
    # צה"ל is 4 characters, then " הודיע כי ": the quotation opens at 14 and is 15 long.
    assert quote_spans('צה"ל הודיע כי "הכוחות פועלים".') == [(14, 29)]
    assert quote_spans('ח"כ ורמטכ"ל וש"ח') == []
    assert quote_spans("ג'ורג' ופרופ' כהן") == []
    # The real gershayim and geresh survive normalisation and are never marks.
    text = normalize("צה\u05f4ל וג\u05f3 כהן")
    assert "\u05f4" in text and quote_spans(text) == []


def test_hebrew_prefix_before_a_quoted_name_opens_only_if_it_closes():
    assert quote_spans('אמר ל"הארץ" כי') == [(5, 11)]
    assert quote_spans('מש"קים אמרו') == []  # an acronym with a plural suffix, never closed
    assert quote_spans('מש"קים אמרו "די"') == [(12, 16)]


def test_guillemets_and_german_marks_through_normalize():
    assert quote_spans(normalize("\u00bbpr\u00e4zise\u00ab, sagte er")) == [(0, 9)]
    assert quote_spans(normalize("\u201eWir\u201c, sagte sie, \u201eSie\u201c")) == [(0, 5), (18, 23)]
    # French spaced guillemets: `" une punition "` after normalisation (NBSP becomes a space).
    text = normalize("une \u00ab\u00a0punition\u00a0\u00bb \u00e0 Gaza")
    assert quote_spans(text) == [(4, 16)]


def test_mark_kinds_from_context():
    # `said,"We`: neither side says which way it faces, so it opens (nothing is open).
    assert quote_spans('She said,"We won."') == [(9, 18)]
    # A mark after a digit may be an inch mark: it closes only an open quotation.
    assert quote_spans('a 12" screen') == []
    assert quote_spans('he said "it was 12" then') == [(8, 19)]
    # Interrupted speech: a dash before a space closes.
    assert quote_spans('"but\u2014" he paused') == [(0, 6)]


# --- Precision and recall on a labelled set -------------------------------------------------------
#
# tests/data/quotes_labelled.jsonl: sentences and short documents written for these tests, one
# convention each, with the substrings that are quoted (marks included; a quotation that its
# paragraph starts inside, from the paragraph start). Items marked "held_out" were written after
# the implementation was tuned on the others and were not tuned on. Scoring is over word
# characters (letters and digits), so where a span begins or ends around a mark or a space does
# not count, only which words are quoted: precision = quoted-and-predicted / predicted,
# recall = quoted-and-predicted / quoted, pooled over a convention's items.

LABELLED = Path(__file__).parent / "data" / "quotes_labelled.jsonl"
_WORD = re.compile(r"\w")

# (precision, recall) each convention must reach. The apostrophe set has few quoted characters,
# so one wrong span costs much precision there; what it mostly checks is own text staying own
# (see test_apostrophes_are_own_voice).
THRESHOLDS = {
    "english-double": (0.95, 0.95),
    "closing-only": (0.95, 0.95),
    "single-headline": (0.95, 0.90),
    "apostrophe": (0.80, 0.95),
    "hebrew": (0.95, 0.95),
    "guillemets-german": (0.95, 0.95),
    "multi-paragraph": (0.95, 0.95),
}


def _labelled() -> list[dict]:
    with LABELLED.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _gold(text: str, quoted: list[str]) -> set[int]:
    """Offsets of the word characters inside the labelled quotations, found in order."""
    out: set[int] = set()
    at = 0
    for q in map(normalize, quoted):
        i = text.index(q, at)  # a label that is not in its text is a broken data file
        at = i + len(q)
        out.update(k for k in range(i, at) if _WORD.match(text[k]))
    return out


def _predicted(text: str, spans) -> set[int]:
    return {k for s, e in spans for k in range(s, e) if _WORD.match(text[k])}


def _scores(spans_of) -> dict[str, tuple[float, float, int]]:
    """convention -> (precision, recall, false-quoted word characters)."""
    tallies: dict[str, list[int]] = {}
    for item in _labelled():
        text = normalize(item["text"])
        gold, pred = _gold(text, item["quoted"]), _predicted(text, spans_of(text))
        t = tallies.setdefault(item["convention"], [0, 0, 0])
        t[0] += len(gold & pred)
        t[1] += len(pred - gold)
        t[2] += len(gold - pred)
    return {c: (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, fp)
            for c, (tp, fp, fn) in tallies.items()}


def _pairing_order(text: str) -> list[tuple[int, int]]:
    """The rule this module had before: '"' marks pair in order, a blank line closes; no singles."""
    spans, opened = [], None
    for m in re.finditer(r'"|\n\s*\n', text):
        if m.group() == '"':
            if opened is None:
                opened = m.start()
            else:
                spans.append((opened, m.end()))
                opened = None
        elif opened is not None:
            spans.append((opened, m.start()))
            opened = None
    return spans + ([(opened, len(text))] if opened is not None else [])


def test_labelled_set_is_large_and_covers_every_convention():
    items = _labelled()
    assert len(items) >= 60
    counts = {c: sum(i["convention"] == c for i in items) for c in THRESHOLDS}
    assert min(counts.values()) >= 10, counts
    assert {i["convention"] for i in items} == set(THRESHOLDS)


@pytest.mark.parametrize("convention", sorted(THRESHOLDS))
def test_precision_and_recall_per_convention(convention):
    precision, recall, _ = _scores(quote_spans)[convention]
    p_min, r_min = THRESHOLDS[convention]
    assert precision >= p_min and recall >= r_min, f"{convention}: P={precision:.3f} R={recall:.3f}"


def test_apostrophes_are_own_voice():
    items = [i for i in _labelled() if i["convention"] == "apostrophe" and not i["quoted"]]
    quoted = sum(bool(quote_spans(normalize(i["text"]))) for i in items)
    assert len(items) >= 10 and quoted <= len(items) // 10, f"{quoted} of {len(items)} quoted"


def test_the_measure_can_fail():
    # The old pairing rule must miss the thresholds wherever this change was needed: otherwise
    # the labelled set would not be testing the conventions it names.
    old = _scores(_pairing_order)
    failing = {c for c, (p, r, _) in old.items() if p < THRESHOLDS[c][0] or r < THRESHOLDS[c][1]}
    assert {"closing-only", "single-headline", "hebrew", "multi-paragraph"} <= failing, old


def test_spans_are_sorted_disjoint_and_agree_with_the_index():
    for item in _labelled():
        text = normalize(item["text"])
        spans = quote_spans(text)
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
        index = QuoteIndex(text)
        inside = {k for s, e in spans for k in range(s, e)}
        assert all((k in index) == (k in inside) for k in range(len(text)))
