import random
import re
import sys
import unicodedata

import pytest

from framing.text import DecodeFailure, decode, normalize


def reference_normalize(text: str) -> str:
    """The rules written the plain way (translate, then one regex per rule): a second
    implementation the fast `normalize` must agree with on any input."""
    table = str.maketrans({
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02"},
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"},
        **{c: "-" for c in "\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d\u05be"},
        **{c: "\u2014" for c in "\u2013\u2015\u2e3a\u2e3b\ufe58"},
        **{c: None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0640"},
    })
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).translate(table))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[^\S\n]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def test_normalize_agrees_with_the_plain_rules_on_random_text():
    rng = random.Random(7)
    alphabet = list("ab '\"-.\n\r\t`\x0b\x1c") + [chr(c) for c in (
        0xa0, 0x85, 0x0b, 0x0c, 0x1c, 0x1680, 0x2002, 0x2028, 0x2029, 0x202f, 0x3000, 0x2033, 0x2019, 0x201c,
        0x2010, 0x2013, 0x2014, 0x200b, 0xad, 0xfeff, 0xfb01, 0xe9, 0x65, 0x301)]
    ascii_only = [c for c in alphabet if c.isascii()]  # normalize takes a faster path for ASCII text
    for _ in range(3000):
        chars = alphabet if rng.random() < 0.5 else ascii_only
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 40)))
        assert normalize(text) == reference_normalize(text), repr(text)


def test_no_whitespace_character_after_u3000():
    # normalize lists whitespace characters up to U+3000 only.
    assert not [c for c in range(0x3001, sys.maxunicode + 1) if chr(c).isspace()]


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
