"""The tokens the attribution rules read around a reporting verb: words (with inner hyphens,
apostrophes and full stops), initials and titles with their full stop, and any other character
alone."""
from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(
    r"(?:[A-Z]\.)+"  # U.S., U.N., the initial of David H. Petraeus
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cpl|Rev|St|Jr|Sr|Pres)\."
    r"|\w+(?:[-'.]\w+)*'?"
    r"|[^\w\s]"
)


@lru_cache(maxsize=1 << 16)  # pieces with punctuation repeat ("said,", '"We'): tokenised once each
def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(chunk))


def _tokens(text: str, a: int, b: int) -> list[str]:
    """`_TOKEN.findall(text, a, b)`, in about 60% of the time on news text.

    No token holds whitespace and the pattern looks at no character outside its match, so the
    tokens of a span are those of its whitespace-separated pieces (`str.split` and `\\s` agree on
    what whitespace is). A piece of letters and digits alone is one token; the others ("said,",
    '"We', "U.S.") repeat and are tokenised once. The rules tokenise the words around every
    reporting verb, and the regular expression cost a quarter of the stage."""
    out: list[str] = []
    for chunk in text[a:b].split():
        if chunk.isalnum():
            out.append(chunk)
        else:
            out += _chunk_tokens(chunk)
    return out
