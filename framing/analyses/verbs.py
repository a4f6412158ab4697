"""The verb file of the attribution analysis: reporting verbs and the class each belongs to
(neutral, distancing, endorsing, denial), loaded from `lexicons/verbs.yaml` or a teacher's copy."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import LexiconError, Problem
from ..lexicon import bundled_dir, load_lexicon, resolve
from ..matcher import compile_forms
from ..model import Lexicon
from ..text import term_key
from .reporting_phrases import _NEEDS_THAT
from .word_boundary import BEFORE_WORD
from .word_scan import WordScan

_THAT = r"\s+that\b"  # what must follow "state" and "states" (`_NEEDS_THAT`)

VERBS_FILE = "verbs.yaml"
REQUIRED_CLASSES = ("neutral", "distancing")

# --- the verb file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbClass:
    name: str
    verbs: tuple[str, ...]  # base forms
    note: str | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerbClasses:
    """The reporting verbs: classes, and each surface form's (base, class, kind)."""

    classes: tuple[VerbClass, ...]
    forms: dict[str, tuple[str, str, str]]  # form (lower case, capitalised, capitals) -> (base, class, kind)
    exceptions: dict[str, tuple[str, ...]]  # base -> phrases in which its forms do not count
    path: str | None = None
    _scanner: re.Pattern[str] = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    _at_start: re.Pattern[str] = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    _scan: WordScan = field(default=None, repr=False, compare=False)  # type: ignore[assignment]  # `_scanner`'s finds, faster
    _exception_rx: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)  # by form
    _exception_reach: int = field(default=0, repr=False, compare=False)  # characters an exception spans

    def verb_class(self, verb: str) -> str | None:
        """The class of a base form or any inflection (`claimed` -> distancing), or None."""
        entry = self.forms.get(" ".join(verb.lower().split()))
        return entry[1] if entry else None


def _kind(form: str, base: str) -> str:
    """How a form is used: `phrase` (the speaker follows: according to), `ing`, `base`, `pres`, `past`."""
    words = form.split()
    if len(base.split()) > 1 and base.split()[-1] in {"to", "of", "by"}:
        return "phrase"
    head = words[0]
    if head.endswith("ing") and head != base.split()[0]:
        return "ing"
    if head == base.split()[0]:
        return "base"
    if head.endswith("s") and not head.endswith("ss"):
        return "pres"
    return "past"


def _trie(words: list[str]) -> str:
    """One regex alternation for `words`, shaped as a trie (a space matches any whitespace)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # the end of a word last: at any start the longest form wins
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(root)


def _from_lexicon(lexicon: Lexicon) -> VerbClasses:
    forms: dict[str, tuple[str, str, str]] = {}
    exceptions: dict[str, tuple[str, ...]] = {}
    classes = []
    for category in lexicon.categories:
        for term in category.terms:
            base = " ".join(term.term.lower().split())
            for form in term.forms:
                key = " ".join(form.lower().split())
                forms[key] = (base, category.name, _kind(key, base))
            if term.exceptions:
                exceptions[base] = term.exceptions
        classes.append(VerbClass(category.name, tuple(" ".join(t.term.lower().split()) for t in category.terms),
                                 category.note, category.references))
    # Every form as it is looked up: lower case, capitalised, capitals (the scanner finds these).
    lookup = {}
    for key, entry in forms.items():
        for surface in (key, key[:1].upper() + key[1:], key.upper()):
            lookup.setdefault(surface, entry)
    # "state" and "states" count only before "that" (the rules say so too): in the scanner, the
    # thousands of "United States" and "the state" never reach Python.
    free = sorted(k for k, (b, _, kd) in lookup.items() if not (b in _NEEDS_THAT and kd in ("base", "pres")))
    bound = sorted(set(lookup) - set(free))
    trie = _trie(free) if not bound else "(?:" + _trie(free) + "|" + _trie(bound) + "(?=" + _THAT + "))"
    # The character before a form is consumed (a space, a quotation mark, a bracket...): a search
    # that must first find one of a few characters runs several times faster than one tried at
    # every position. A form at the very start of a text is found by `_at_start`; a form joined
    # to a word by a hyphen ("self-reported", "say-so") is not a reporting verb.
    scanner = re.compile(BEFORE_WORD + "(" + trie + r")(?![\w-])")
    scan = WordScan(free, bound, re.compile(_THAT))
    at_start = re.compile(r"(" + trie + r")(?![\w-])")
    # Exceptions are looked for only around forms they contain ("have a say": say, not said).
    exception_rx: dict[str, re.Pattern[str]] = {}
    for surface, (base, _, _) in lookup.items():
        phrases = [p for p in exceptions.get(base, ()) if re.search(
            r"(?<!\w)" + re.escape(" ".join(surface.lower().split())) + r"(?!\w)", term_key(p))]
        if phrases:
            exception_rx[surface] = compile_forms(phrases)
    # An exception's words may be separated by any run of spaces: read generously around the hit.
    reach = 2 * max((len(p) for ps in exceptions.values() for p in ps), default=0) + 8
    return VerbClasses(tuple(classes), lookup, exceptions, lexicon.path, scanner, at_start, scan, exception_rx, reach)


def _term_lines(path: Path) -> dict[tuple[str, str], int]:
    """(category, lower-cased term) -> line, read from the YAML nodes (for problems found after loading)."""
    lines: dict[tuple[str, str], int] = {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return lines
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, cats in root.value:
        if key.value != "categories" or not isinstance(cats, yaml.SequenceNode):
            continue
        for cat in cats.value:
            if not isinstance(cat, yaml.MappingNode):
                continue
            fields = {k.value: v for k, v in cat.value}
            name = fields.get("name")
            terms = fields.get("terms")
            if not isinstance(name, yaml.ScalarNode) or not isinstance(terms, yaml.SequenceNode):
                continue
            for node in terms.value:
                term = node
                if isinstance(node, yaml.MappingNode):
                    term = {k.value: v for k, v in node.value}.get("term")
                if isinstance(term, yaml.ScalarNode):
                    lines[(name.value.strip(), term.value.strip().lower())] = node.start_mark.line + 1
    return lines


def load_verb_classes(path: str | Path | None = None) -> VerbClasses:
    """The reporting verbs and their classes, from `path` or the bundled `lexicons/verbs.yaml`.

    `path` may also be a name, as for lexicons: `"verbs"` is `./lexicons/verbs.yaml` when that
    local copy exists (`framing lexicons copy verbs` makes one) and the bundled file otherwise.

    The file is a lexicon (lexicons/README.md): each category a class, each term a verb in its
    base form with its inflections as variants, and exceptions as phrases in which the verb does
    not count. Everything is read as text. Beyond the lexicon checks, the classes `neutral` and
    `distancing` must be present, a form may not use '*' (write each inflection out) and
    `case_sensitive` is not used. Every problem is raised at once as a `LexiconError`.
    """
    file = resolve(path) if path is not None else bundled_dir() / VERBS_FILE
    lexicon = load_lexicon(file)
    lines = _term_lines(file) if file.suffix.lower() in {".yaml", ".yml"} else {}
    problems = []
    for category in lexicon.categories:
        for term in category.terms:
            line = lines.get((category.name, term.term.lower()))
            if any("*" in form for form in term.forms):
                problems.append(Problem(str(file), f"verb {term.term!r} (class {category.name!r}) uses '*': write each "
                                                   "inflection out as a variant (say: says, said, saying)", line))
            if term.case_sensitive:
                problems.append(Problem(str(file), f"verb {term.term!r} (class {category.name!r}) is marked "
                                                   "case_sensitive, which verbs do not use: remove it", line))
    names = {c.name for c in lexicon.categories}
    for required in REQUIRED_CLASSES:
        if required not in names:
            problems.append(Problem(str(file), f"no class named {required!r}: the verb file needs the classes "
                                               f"{' and '.join(REQUIRED_CLASSES)} (it may add others)", 1))
    if problems:
        raise LexiconError(sorted(problems, key=lambda p: p.line or 0))
    return _from_lexicon(lexicon)


_DEFAULT: list[VerbClasses] = []


def _default_verbs() -> VerbClasses:
    if not _DEFAULT:
        _DEFAULT.append(load_verb_classes())
    return _DEFAULT[0]


