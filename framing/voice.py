"""Whose words are counted: one type, checked once where an option enters the library."""
from __future__ import annotations

from typing import Literal, cast, get_args

Voice = Literal["all", "own", "quoted"]
VOICES: tuple[Voice, ...] = get_args(Voice)
VOICE_LABELS: dict[Voice, str] = {
    "all": "all text, quotations included",
    "own": "the reporter's own words (quotations left out)",
    "quoted": "quotations only",
}


def check_voice(voice: str) -> Voice:
    """`voice` as a `Voice`, or a ValueError naming the allowed values."""
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {VOICES}, not {voice!r}")
    return cast(Voice, voice)
