"""Tables of attributions: counts per group, speaker and verb class, and the asymmetry a group
shows when it gives one speaker neutral verbs and another distancing ones."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

TABLE_COLUMNS = ("group", "speaker", "verb_class", "count")
# Rows may come counted: a `count` column then says how many attributions each row stands for
# (the report's rows of a counts file, tabulated per group, speaker and verb class).
WEIGHT = "count"


_LEADING_DET = re.compile(r"^(?:(?:the|a|an|this|that|these|those)\s+)+", re.IGNORECASE)
_PRONOUNS = ("he", "she", "they", "it", "we", "i", "you", "him", "her", "them")


def normalize_speaker(speakers: pd.Series) -> pd.Series:
    """Speakers as compared across rows: lower-cased, spaces collapsed, leading determiners
    dropped ("The Health Ministry" -> "health ministry"); a missing speaker stays missing. Takes
    and returns a Series (of objects). Each distinct phrase is normalised once, in Python: a
    corpus's millions of clauses name far fewer speakers ("officials", "he", "the ministry")."""
    codes, distinct = pd.factorize(speakers.to_numpy(dtype=object))
    # The last entry stands for a missing speaker (code -1).
    normalized = [_LEADING_DET.sub("", " ".join(str(s).lower().split())) for s in distinct] + [pd.NA]
    return pd.Series(np.array(normalized, dtype=object)[codes], index=speakers.index, name=speakers.name,
                     dtype=object)


def attribution_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Counts per group, speaker (normalised) and verb class: group, speaker, verb_class, count.

    Sorted by group, then by the speaker's total in the group (largest first), then class.
    """
    return _table(_keyed(rows))


def attribution_tables(rows: pd.DataFrame, *, threshold: float = 0.5, min_n: int = 2, include_pronouns: bool = False
                       ) -> tuple[pd.DataFrame, Asymmetry]:
    """`attribution_table(rows)` and `attribution_asymmetry(rows, ...)`, the speakers normalised
    once for both (a corpus's hundreds of thousands of distinct phrases)."""
    keyed = _keyed(rows)
    return _table(keyed), _asymmetry(keyed, threshold=threshold, min_n=min_n, include_pronouns=include_pronouns)


def _keyed(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.assign(speaker=normalize_speaker(rows["speaker"])) if not rows.empty else rows


def _table(keyed: pd.DataFrame) -> pd.DataFrame:
    if keyed.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else "object") for c in TABLE_COLUMNS})
    grouped = keyed.groupby(["group", "speaker", "verb_class"], sort=False)
    table = (grouped[WEIGHT].sum() if WEIGHT in keyed else grouped.size()).rename("count").reset_index()
    total = table.groupby(["group", "speaker"])["count"].transform("sum")
    table = table.assign(_total=total).sort_values(["group", "_total", "speaker", "verb_class"],
                                                   ascending=[True, False, True, True], kind="stable")
    return table.drop(columns="_total").reset_index(drop=True)[list(TABLE_COLUMNS)]


@dataclass(frozen=True)
class Asymmetry:
    """`speakers`: per group and speaker, n attributions, n_distancing, n_neutral, share_distancing,
    share_neutral (most distanced first). `pairs`: per group, each speaker whose share of distancing
    verbs exceeds by at least `threshold` that of the group's least distanced speaker (the one with
    the lowest share, and of those the most attributions), both with at least `min_n` attributions:
    group, more_distanced, less_distanced, share_more, share_less, n_more, n_less, difference. One
    row per distanced speaker, so the table stays as long as the list of speakers."""

    speakers: pd.DataFrame
    pairs: pd.DataFrame

    @property
    def groups(self) -> list[str]:
        """The groups in which some speaker is distanced much more than another."""
        return list(dict.fromkeys(self.pairs["group"]))


def attribution_asymmetry(rows: pd.DataFrame, *, threshold: float = 0.5, min_n: int = 2,
                          include_pronouns: bool = False) -> Asymmetry:
    """Which speakers a group gives distancing verbs and which neutral ones (see `Asymmetry`).

    Pronouns ("he", "they") are left out unless `include_pronouns`: they stand for different
    people in different articles. Rows without a speaker never occur (`attributions` drops them).
    Rows with a `count` column are counted rows (see WEIGHT).
    """
    return _asymmetry(_keyed(rows), threshold=threshold, min_n=min_n, include_pronouns=include_pronouns)


def _asymmetry(keyed: pd.DataFrame, *, threshold: float, min_n: int, include_pronouns: bool) -> Asymmetry:
    if not include_pronouns and not keyed.empty:
        keyed = keyed[~keyed["speaker"].isin(_PRONOUNS)]
    spk_cols = ["group", "speaker", "n", "n_distancing", "n_neutral", "share_distancing", "share_neutral"]
    pair_cols = ["group", "more_distanced", "less_distanced", "share_more", "share_less", "n_more", "n_less",
                 "difference"]
    if keyed.empty:
        return Asymmetry(pd.DataFrame(columns=spk_cols), pd.DataFrame(columns=pair_cols))
    weight = keyed[WEIGHT].to_numpy(np.int64) if WEIGHT in keyed else np.ones(len(keyed), np.int64)
    flags = keyed.assign(_n=weight, n_distancing=(keyed["verb_class"] == "distancing").to_numpy(np.int64) * weight,
                         n_neutral=(keyed["verb_class"] == "neutral").to_numpy(np.int64) * weight)
    speakers = flags.groupby(["group", "speaker"], sort=False).agg(
        n=("_n", "sum"), n_distancing=("n_distancing", "sum"), n_neutral=("n_neutral", "sum")).reset_index()
    speakers["share_distancing"] = speakers["n_distancing"] / speakers["n"]
    speakers["share_neutral"] = speakers["n_neutral"] / speakers["n"]
    speakers = speakers.sort_values(["group", "share_distancing", "n", "speaker"],
                                    ascending=[True, False, False, True], kind="stable").reset_index(drop=True)
    enough = speakers.loc[speakers["n"] >= min_n, ["group", "speaker", "share_distancing", "n"]]
    least = (enough.sort_values(["group", "share_distancing", "n", "speaker"], ascending=[True, True, False, True],
                                kind="stable").drop_duplicates("group"))
    pairs = enough.merge(least, on="group", suffixes=("_a", "_b"))
    pairs = pairs[pairs["share_distancing_a"] - pairs["share_distancing_b"] >= threshold - 1e-12]
    pairs = pd.DataFrame({
        "group": pairs["group"], "more_distanced": pairs["speaker_a"], "less_distanced": pairs["speaker_b"],
        "share_more": pairs["share_distancing_a"], "share_less": pairs["share_distancing_b"],
        "n_more": pairs["n_a"], "n_less": pairs["n_b"],
        "difference": pairs["share_distancing_a"] - pairs["share_distancing_b"],
    }).sort_values(["group", "difference", "more_distanced", "less_distanced"],
                   ascending=[True, False, True, True], kind="stable").reset_index(drop=True)
    return Asymmetry(speakers[spk_cols], pairs[pair_cols])
