import pytest

from framing.text import DecodeFailure, decode, normalize


def test_normalize_quotes_apostrophes_dashes_and_spaces():
    raw = "\u201cHamas\u2019s\u201d  hostage\u2010taking \u2013 the\u00a0war\u2014now\u200b."
    assert normalize(raw) == "\"Hamas's\" hostage-taking \u2014 the war\u2014now."


def test_normalize_nfkc_and_line_endings_keep_paragraphs():
    assert normalize("\ufb01rst\r\nline  \r\n\r\n\r\n\r\nnext") == "first\nline\n\nnext"


def test_decode_utf8_with_and_without_bom():
    assert decode("caf\u00e9".encode("utf-8")).text == "caf\u00e9"
    d = decode(b"\xef\xbb\xbf" + "caf\u00e9".encode("utf-8"))
    assert (d.text, d.fallback) == ("caf\u00e9", False)


def test_decode_utf16_with_bom():
    d = decode("hostages \u201cheld\u201d".encode("utf-16"))
    assert d.text == "hostages \u201cheld\u201d" and d.encoding == "utf-16"


def test_decode_windows_1252_fallback_is_reported():
    d = decode("caf\u00e9 \u201cquote\u201d".encode("cp1252"))
    assert d.text == "caf\u00e9 \u201cquote\u201d"
    assert d.fallback is True and d.encoding == "cp1252"


def test_binary_and_undecodable_bytes_fail_with_reason():
    with pytest.raises(DecodeFailure, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(DecodeFailure, match="undecodable bytes at byte 1"):
        decode(b"a\x81\x8d\x90")  # bytes undefined in Windows-1252 and invalid in UTF-8
