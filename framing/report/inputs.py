"""Everything the report shows, computed once from an `Analysis`.

Every section reads one frozen `ReportInputs`; none calls `analyse`, regroups documents or
tokenizes again. Each table here comes from a public `framing.stats` function on the
analysis's own groups, so `framing stats` prints the same numbers the page shows.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from .. import stats
from ..analyses import agency, attribution
from ..analyses.agency import casualties
from ..analyses.alignment import align
from ..analyses.attribution import attributions
from ..analyses.parallel import per_document_rows
from ..analyses.retellings import retellings
from ..analysis import Analysis
from ..context_sample import sample
from ..contexts import word_contexts
from ..counts import Counts, DocumentProfile, TermIndex
from ..engines.clauses import EXAMPLES, Clauses
from ..meanwhile import meanwhile
from ..model import Category, Corpus, Lexicon, Term
from ..ngrams import NgramCounts
from .discovery_tables import discovery_tables
from .names import renaming, visible_controls
from .options import ReportOptions

MAX_PAIR_GROUPS = 6   # pairwise comparisons among this many of the largest groups
WORD_CONTEXTS = 12   # uses of each discovered word embedded in the page
MAX_PANELS = 8       # retellings aligned in full
APART_WIDTH = 500_000  # n-grams from which the lexicon's tables are made in a process of their own
MAX_RETELLING_DOCS = 25_000  # articles the report pairs into retellings without a story column
# (about 30 s of pairing on two cores: benchmarks/bench_retellings.py; framing retellings has no cap)
SAID_COUNTED = ("speaker", "verb_class")  # what the attribution section counts its clauses by


@dataclass(frozen=True)
class ReportInputs:
    analysis: Analysis                # blinded when options.blind
    options: ReportOptions
    source: Corpus                    # the corpus as read (skipped inputs, notes), never blinded
    groups: tuple[str, ...]           # every group, largest first
    shown: tuple[str, ...]            # the groups drawn in the figures until the reader picks others
    pooled: str | None                # the figures' column for every other group, None if all are shown
    figure_counts: Counts             # shown groups + the pooled one
    frequencies: pd.DataFrame         # per group and term, every group
    categories: pd.DataFrame          # per group and category, every group
    figure_categories: pd.DataFrame   # the same on figure_counts
    shares: pd.DataFrame              # contrast-set shares, every group
    figure_shares: pd.DataFrame
    evidence: pd.DataFrame            # stats.contrast_evidence: the discussion questions' contrasts
    lexicon_comparison: pd.DataFrame | None  # each group vs the rest, with bootstrap intervals
    sensitivity: pd.DataFrame | None
    ngrams: NgramCounts | None        # discovery's counts, on the analysis's groups and voice
    vocabulary: pd.DataFrame          # one-vs-rest rows of the shown groups that the plot can draw
    vocabulary_pairs: pd.DataFrame    # the same for every ordered pair of the pair groups
    discovery: pd.DataFrame           # the top terms of every group (stats.discover), lexicon forms left out
    word_contexts: dict               # a few uses of each discovered word of the shown groups
    headline_categories: pd.DataFrame | None  # category rates on headlines, figure groups
    time: pd.DataFrame | None         # stats.time_frequencies, when documents span two periods
    retellings: pd.DataFrame | None   # analyses.retellings: pairs of tellings of one story
    alignments: tuple = ()            # analyses.alignment of the first MAX_PANELS pairs, in their order
    # analyses.attribution's reporting clauses counted per group, speaker and verb class (group,
    # speaker, verb_class, count: see attribution_tables.WEIGHT)
    attributions: pd.DataFrame | None = None
    casualties: pd.DataFrame | None = None    # analyses.agency: casualty clauses (the same)
    attribution_examples: pd.DataFrame | None = None  # the first EXAMPLES rows of attribution.example_rows
    casualty_examples: pd.DataFrame | None = None     # and of agency.example_rows
    blind_key: tuple[tuple[str, str], ...] = ()
    contexts: tuple = ()              # context_sample: each term's sampled matches (the page lists some)

    @property
    def voice(self):
        return self.options.voice

    @property
    def from_counts(self) -> bool:
        """Whether the report is made from a counts file: counts, no texts."""
        return self.analysis.tally is not None

    @property
    def documents(self) -> int:
        return int(self.analysis.counts.group_documents.sum())

    def pooled_rows(self, rows: pd.DataFrame) -> pd.DataFrame:
        """Rows of an analysis with every group outside the figures renamed to the pooled column."""
        if not self.pooled:
            return rows
        shown = set(self.shown)
        return rows.assign(group=[g if g in shown else self.pooled for g in rows["group"]])

    @property
    def figure_groups(self) -> tuple[str, ...]:
        return self.figure_counts.groups

    @property
    def pair_groups(self) -> tuple[str, ...]:
        return self.shown[:MAX_PAIR_GROUPS] if len(self.groups) > 2 else ()


def _lexicon_tables(analysis: Analysis, voice: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Each group against the rest with bootstrap intervals, and the sensitivity table; none for one group."""
    if len(analysis.counts.groups) < 2:
        return None, None
    counts = analysis.counts
    return (stats.with_bootstrap(stats.lexicon_comparison(counts, voice), stats.bootstrap(analysis, voice)),
            stats.sensitivity(counts, voice))


def _attributions(corpus, labels):
    # Module level, so worker processes can run it; a teacher's ./lexicons/verbs.yaml comes first.
    return attributions(corpus, labels, verbs="verbs")


def blind_mapping(groups: tuple[str, ...]) -> dict[str, str]:
    letters = [chr(ord("A") + i) if i < 26 else f"G{i + 1}" for i in range(len(groups))]
    return {g: f"Source {letter}" for g, letter in zip(groups, letters)}


def blinded(analysis: Analysis, mapping: dict[str, str]) -> Analysis:
    """The same analysis with group names (and ids, which may contain them) replaced."""
    counter: dict[str, int] = {}
    new_ids = {}
    # The documents in corpus order; a counts file's analysis has none, only their groups.
    for doc_id in dict.fromkeys([*(d.id for d in analysis.corpus.documents), *analysis.doc_groups]):
        label = mapping[analysis.doc_groups[doc_id]]
        counter[label] = counter.get(label, 0) + 1
        new_ids[doc_id] = f"{label.split()[-1]}-{counter[label]}"
    docs = tuple(replace(d, id=new_ids[d.id], source=None, url=None, meta={}) for d in analysis.corpus.documents)
    corpus = replace(analysis.corpus, documents=docs, name="blinded corpus", skipped=(), notes=())
    profiles = tuple(replace(p, doc_id=new_ids[p.doc_id], group=mapping[p.group],
                             matches=tuple(m._replace(doc_id=new_ids[p.doc_id]) for m in p.matches))
                     for p in analysis.profiles)

    def rename(c: Counts | None) -> Counts | None:
        return None if c is None else replace(c, groups=tuple(mapping[g] for g in c.groups))

    counts = rename(analysis.counts)
    return replace(analysis, corpus=corpus, groups=counts.groups, profiles=profiles, counts=counts,
                   headlines=rename(analysis.headlines),
                   doc_groups={new_ids[k]: mapping[g] for k, g in analysis.doc_groups.items()})


def with_visible_names(analysis: Analysis) -> Analysis:
    """The same analysis with the bidirectional controls in its names (groups, document ids, the
    grouping column, lexicon, category and term names) written as visible tokens
    (`names.visible_controls`), so that every figure, table, selector and download of the page
    shows them and none reorders the text around it. Titles and article text are not names: they
    are kept as they are (see `names.isolate`). Costs one scan of the names when none has a control."""
    groups = renaming(analysis.groups)
    ids = renaming(d.id for d in analysis.corpus.documents)
    keys = analysis.counts.terms.keys
    lexicons = renaming(k[0] for k in keys)
    categories = {lx: renaming(k[1] for k in keys if k[0] == lx) for lx in dict.fromkeys(k[0] for k in keys)}
    terms = {(lx, c): renaming(k[2] for k in keys if k[:2] == (lx, c)) for lx, c in dict.fromkeys(k[:2] for k in keys)}
    by = visible_controls(analysis.by)
    if not (groups or ids or lexicons or any(categories.values()) or any(terms.values()) or by != analysis.by):
        return analysis

    def key(lx: str, category: str, term: str) -> tuple[str, str, str]:
        return (lexicons.get(lx, lx), categories[lx].get(category, category), terms[(lx, category)].get(term, term))

    labels = {k: key(*k) for k in keys}
    changed = {k: v for k, v in labels.items() if k != v}

    def lexicon(lx: Lexicon) -> Lexicon:
        def term(c: Category, t: Term) -> Term:
            shown = terms.get((lx.name, c.name), {}).get(t.term, t.term)
            # The name it was counted under stays one of its forms (discovery leaves forms out).
            return t if shown == t.term else replace(t, term=shown, variants=(t.term, *t.variants))

        cats = tuple(replace(c, name=categories.get(lx.name, {}).get(c.name, c.name),
                             terms=tuple(term(c, t) for t in c.terms)) for c in lx.categories)
        return replace(lx, name=lexicons.get(lx.name, lx.name), categories=cats)

    def counts(c: Counts | None) -> Counts | None:
        if c is None:
            return None
        return replace(c, groups=tuple(groups.get(g, g) for g in c.groups),
                       terms=TermIndex(tuple(labels.get(k, k) for k in c.terms.keys)))

    def profile(p: DocumentProfile) -> DocumentProfile:
        doc_id, group = ids.get(p.doc_id, p.doc_id), groups.get(p.group, p.group)
        relabel = bool(changed) and any(m[1:4] in changed for m in p.matches)
        if doc_id == p.doc_id and not relabel:
            return p if group == p.group else replace(p, group=group)
        matches = tuple(m._replace(doc_id=doc_id, lexicon=labels[m[1:4]][0], category=labels[m[1:4]][1],
                                   term=labels[m[1:4]][2]) if m[1:4] in changed or doc_id != p.doc_id
                        else m for m in p.matches)
        return replace(p, doc_id=doc_id, group=group, matches=matches)

    docs = tuple(replace(d, id=ids[d.id]) if d.id in ids else d for d in analysis.corpus.documents)
    return replace(analysis, corpus=replace(analysis.corpus, documents=docs), by=by,
                   lexicons=tuple(lexicon(lx) for lx in analysis.lexicons),
                   groups=tuple(groups.get(g, g) for g in analysis.groups),
                   doc_groups={ids.get(k, k): groups.get(g, g) for k, g in analysis.doc_groups.items()},
                   profiles=tuple(profile(p) for p in analysis.profiles),
                   counts=counts(analysis.counts), headlines=counts(analysis.headlines))


def page_group(g: str, visible: dict[str, str], blind: dict[str, str] | None) -> str:
    """A counts file's group name (counted before the page renamed and blinded its groups) as the page names it."""
    g = visible.get(g, g)
    return blind[g] if blind else g


def sampled_contexts(analysis: Analysis, visible: dict[str, str], blind: dict[str, str] | None) -> tuple:
    """Each term's sample of matches (`framing.context_sample`), named as the page names groups.
    A corpus's analysis is sampled as shown (renamed, blinded); a counts file's sample was taken
    when counting, so its group names are renamed here and, blinded, its document names hidden."""
    if analysis.tally is None:
        return sample(analysis.profiles, {d.id: d for d in analysis.corpus.documents}, analysis.doc_groups,
                      analysis.counts.terms.position())

    return tuple(replace(c, group=page_group(c.group, visible, blind), document="" if blind else c.document)
                 for c in analysis.tally.contexts)


def tally_vocabulary(analysis: Analysis, visible: dict[str, str], blind: dict[str, str] | None) -> NgramCounts | None:
    """A counts file's n-gram counts, groups named as the page names them."""
    ngrams = analysis.tally.vocabulary()
    if ngrams is None:
        return None
    return replace(ngrams, groups=tuple(page_group(g, visible, blind) for g in ngrams.groups))


def counted_rows(rows: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """An analysis's rows counted per group and values of `columns`: group, the columns, count."""
    return rows.groupby(["group", *columns], sort=True, dropna=False).size().rename("count").reset_index()


def tally_rows(analysis: Analysis, clauses: Clauses | None, visible: dict[str, str], blind: dict[str, str] | None,
               *, counted: Sequence[str] | None = None) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """A counts file's clauses as the report's rows (or, with `counted`, the rows counted per group
    and those columns, as `counted_rows` gives them) and examples, groups named as the page names
    them (renamed, blinded) and, blinded, documents unnamed; (None, None) for a file written
    before clauses were counted."""
    if clauses is None:
        return None, None
    tally = analysis.tally
    ids = renaming(tally.ids)
    if counted is not None:
        rows = clauses.tabulated(tally.group, [page_group(g, visible, blind) for g in tally.groups], counted)
    else:
        rows = clauses.frame([ids.get(i, i) for i in tally.ids],
                             [page_group(tally.groups[g], visible, blind) for g in tally.group])
    examples = clauses.example_frame()
    examples["group"] = [page_group(g, visible, blind) for g in examples["group"]]
    examples["doc_id"] = ["" if blind else ids.get(i, i) for i in examples["doc_id"]]
    return rows, examples


def gather(analysis: Analysis, options: ReportOptions, progress=None) -> ReportInputs:
    """Compute every table of the report, once."""
    source = analysis.corpus
    visible = renaming(analysis.groups)
    analysis = with_visible_names(analysis)
    blind_key: tuple[tuple[str, str], ...] = ()
    mapping = None
    if options.blind:
        # Letters follow size, so "Source A" is the largest group.
        mapping = blind_mapping(stats.by_size(analysis.counts))
        blind_key = tuple((v, k) for k, v in mapping.items())
        analysis = blinded(analysis, mapping)
    voice = options.voice
    counts = analysis.counts
    groups = stats.by_size(counts)
    shown = groups[: options.groups]
    pooled = stats.pooled_label(groups, analysis.by) if len(groups) > len(shown) else None
    figure_counts = stats.pool_groups(counts, shown, pooled or "")
    several = len(groups) > 1
    labels = [analysis.doc_groups[d.id] for d in analysis.corpus.documents]
    # From a counts file (no texts): only what counts give; the sections that read texts say so.
    texts = analysis.tally is None
    # Each document's language as the analysis found it: discovery's stop words follow it, and it
    # is not detected a second time.
    languages = [p.language for p in analysis.profiles]
    if not several:
        ngrams = None
    elif texts:
        ngrams = stats.count_vocabulary(analysis.corpus, labels=labels, voice=voice, progress=progress,
                                        languages=languages)
    else:  # a counts file keeps the vocabulary of all text (none if written before version 3)
        ngrams = tally_vocabulary(analysis, visible, mapping) if voice == "all" else None
    pair_groups = shown[:MAX_PAIR_GROUPS] if len(groups) > 2 else ()
    # The lexicon's comparison and its bootstrap on the second core while discovery runs here,
    # for a large vocabulary (at a gigabyte of news, about 1 s and 7 s of the page's 15 s); the
    # pools of the texts' analyses start after both.
    apart = several and ngrams is not None and ngrams.width >= APART_WIDTH and (os.cpu_count() or 1) > 1
    with meanwhile(_lexicon_tables, (analysis, voice), apart=apart) as lexicon_tables:
        vocabulary, vocabulary_pairs, discovery = discovery_tables(analysis.corpus, analysis.lexicons, ngrams, shown,
                                                                   pair_groups)
        evidence = stats.contrast_evidence(counts, analysis.lexicons, voice)
        if evidence.empty:  # a class reader of a few articles: one article per group is all there is
            evidence = stats.contrast_evidence(counts, analysis.lexicons, voice, min_documents=1)
        headline_categories = None
        if analysis.headlines is not None:
            head = stats.pool_groups(analysis.headlines, shown, pooled or "")
            headline_categories = stats.category_frequencies(head, voice)
        time = stats.time_frequencies(analysis, voice)
        if time is not None and (time.empty or time["period"].nunique() < 2):
            time = None
        if not texts:
            said, said_examples = tally_rows(analysis, analysis.tally.said, visible, mapping, counted=SAID_COUNTED)
            deaths, death_examples = tally_rows(analysis, analysis.tally.deaths, visible, mapping)
        lex_cmp, sens = lexicon_tables()
    shown_words = set(discovery.loc[discovery["group"].isin(shown), "term"]) if len(discovery) else set()
    words = word_contexts(analysis.corpus, shown_words, labels, per_term=WORD_CONTEXTS)
    story = None
    if options.story:
        story = [d.meta.get(options.story) or None for d in analysis.corpus.documents]
    # Retellings grow linearly with the articles, but at about 1,000 articles a second: past
    # MAX_RETELLING_DOCS the page leaves them out (unless a story column names the pairs) and
    # says so, and framing retellings CORPUS pairs any corpus.
    pairs = None
    if several and texts and (story is not None or len(analysis.corpus) <= MAX_RETELLING_DOCS):
        pairs = retellings(analysis.corpus, labels, story=story)
    bodies = {d.id: d.text for d in analysis.corpus.documents}
    alignments = () if pairs is None else tuple(
        align(bodies[a], bodies[b]) for a, b in zip(pairs["doc_a"][:MAX_PANELS], pairs["doc_b"][:MAX_PANELS]))
    if texts:
        said_rows = per_document_rows(_attributions, analysis.corpus, labels)
        deaths = per_document_rows(casualties, analysis.corpus, labels)
        said = counted_rows(said_rows, SAID_COUNTED)
        said_examples = attribution.example_rows(said_rows).head(EXAMPLES)
        death_examples = agency.example_rows(deaths).head(EXAMPLES)
    return ReportInputs(
        analysis=analysis, options=options, source=source, groups=groups, shown=shown, pooled=pooled,
        figure_counts=figure_counts,
        frequencies=stats.frequencies(counts, voice), categories=stats.category_frequencies(counts, voice),
        figure_categories=stats.category_frequencies(figure_counts, voice),
        shares=stats.contrast_shares(counts, analysis.lexicons, voice),
        figure_shares=stats.contrast_shares(figure_counts, analysis.lexicons, voice),
        evidence=evidence, lexicon_comparison=lex_cmp, sensitivity=sens, ngrams=ngrams, vocabulary=vocabulary,
        vocabulary_pairs=vocabulary_pairs, discovery=discovery, word_contexts=words,
        headline_categories=headline_categories, time=time,
        retellings=pairs, alignments=alignments, attributions=said, casualties=deaths,
        attribution_examples=said_examples, casualty_examples=death_examples,
        blind_key=blind_key, contexts=sampled_contexts(analysis, visible, mapping))
