import pytest

from framing.quotes import quote_spans, voice_text

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
