"""Loading and checking lexicons: the project's YAML format, a two-column CSV, quanteda-style
YAML dictionaries and LIWC-style `.dic` files.

YAML is read node by node (never through implicit typing), so `no`, `null` or `1984` stay the
strings a teacher typed, and every problem carries the line it is on. Nothing invalid loads: all
problems of a file are collected and raised together as one `LexiconError`.

A lexicon in another language can say which lexicon it translates (`translation_of_lexicon:
israel-gaza`) and, term by term, which term of that lexicon an entry renders (`translation_of:
hostages`); the loader then checks that every such term exists there, in the category of the same
name when there is one (see `_check_translations`).
"""
from __future__ import annotations

import csv
import difflib
import hashlib
import io
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import yaml

from .errors import InputError, LexiconError, Problem
from .matcher import contains_form
from .model import Category, Lexicon, Term
from .text import SEPARATORS as _SEPARATORS
from .text import term_key

LEXICON_SUFFIXES = (".yaml", ".yml", ".csv", ".dic")
LOCAL_DIR = "lexicons"  # a copy of a bundled lexicon in ./lexicons/ is used instead of it
_TOP_KEYS = {"name", "language", "description", "references", "categories", "translation_of_lexicon"}
_CATEGORY_KEYS = {"name", "note", "contrast", "terms", "references"}
_TERM_KEYS = {"term", "variants", "case_sensitive", "note", "references", "exceptions", "translation_of"}
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
log = logging.getLogger(__name__)


def bundled_dir() -> Path:
    """Where the bundled lexicons are: inside an installed wheel, or `lexicons/` of a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "_lexicons"
    return installed if installed.is_dir() else here.parent / "lexicons"


def bundled_lexicons() -> list[Path]:
    """The bundled lexicon files (never the local copies; see `local_copy`)."""
    # by name, so that a lexicon comes before its translations (israel-gaza, then israel-gaza-ar)
    return sorted((p for p in bundled_dir().iterdir() if p.suffix in LEXICON_SUFFIXES), key=lambda p: (p.stem, p.name))


def _bundled(name: str) -> Path | None:
    for candidate in bundled_lexicons():
        if candidate.stem == name or candidate.name == name:
            return candidate
    return None


def local_copy(bundled: Path, directory: str | Path = LOCAL_DIR) -> Path | None:
    """The local copy of a bundled lexicon that takes its place, or None.

    A local copy is `<directory>/<name>.yaml` (or `.yml`, `.csv`, `.dic`, tried in that order),
    `directory` being `./lexicons` of the working directory unless given. The bundled file itself
    (in a source checkout, `./lexicons` *is* the bundled folder) is not a copy.
    """
    folder = Path(directory)
    for suffix in LEXICON_SUFFIXES:
        candidate = folder / f"{bundled.stem}{suffix}"
        if candidate.is_file():
            if candidate.resolve() == bundled.resolve():
                return None
            return candidate.absolute()
    return None


def resolve(name_or_path: str | Path) -> Path:
    """A lexicon file: an existing path, or the name of a bundled lexicon (`israel-gaza`).

    A bundled name resolves first to a local copy, `./lexicons/<name>.yaml` (or `.yml`, `.csv`,
    `.dic`) of the working directory, so that edits to it take effect (`framing lexicons copy`
    makes one); a note is logged when it is used. Otherwise it resolves to the bundled file.
    """
    path = Path(name_or_path)
    if path.is_file():
        return path
    bundled = _bundled(str(name_or_path))
    if bundled is not None:
        local = local_copy(bundled)
        if local is not None:
            log.warning("using ./%s/%s (a local copy takes precedence over the bundled one)", LOCAL_DIR, local.name)
            return local
        return bundled
    names = ", ".join(p.stem for p in bundled_lexicons())
    raise LexiconError([Problem(str(name_or_path), f"no such lexicon file, and no bundled lexicon of that name "
                                                   f"(bundled: {names})")])


def copy_bundled(name: str, directory: str | Path = LOCAL_DIR, overwrite: bool = False) -> Path:
    """Copy the bundled lexicon `name` into `directory` (created if missing); the copy's absolute path.

    An existing file there is only replaced with `overwrite=True`; the bundled file itself never is.
    """
    bundled = _bundled(name)
    if bundled is None:
        names = ", ".join(p.stem for p in bundled_lexicons())
        raise InputError(name, f"no bundled lexicon of that name (bundled: {names})")
    dest = Path(directory) / bundled.name
    if dest.exists() and dest.resolve() == bundled.resolve():
        raise InputError(dest, "is the bundled file itself (this is a source checkout): edit it in place")
    if dest.exists() and not overwrite:
        raise InputError(dest, "already exists; not overwritten")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundled, dest)
    return dest.absolute()


def lexicon_checksum(path: str | Path) -> str:
    """The SHA-256 of a lexicon file's bytes, as 64 hex digits (the first 12 are enough to show)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load and validate one lexicon file (any supported format).

    A YAML lexicon that declares `translation_of_lexicon:` has that lexicon loaded too, to check
    its entries' `translation_of:` against it (see `_check_translations`).
    """
    return _load(resolve(name_or_path), follow_translations=True)


def _load(path: Path, follow_translations: bool) -> Lexicon:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError([Problem(str(path), f"cannot read as UTF-8 text: {exc}")]) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        lexicon, problems, lines = _from_csv(raw, str(path))
    elif suffix == ".dic":
        lexicon, problems, lines = _from_dic(raw, str(path))
    elif suffix in {".yaml", ".yml"}:
        lexicon, problems, lines = _from_yaml(raw, str(path), follow_translations)
    else:
        raise LexiconError([Problem(str(path), f"unsupported lexicon type {suffix!r}; use .yaml, .csv or .dic")])
    problems += _check(lexicon, str(path), lines)
    if problems:
        raise LexiconError(sorted(problems, key=lambda p: p.line or 0))
    return lexicon


# --- YAML ---------------------------------------------------------------------------------------

class _Checker:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.lines: dict[int, int] = {}  # id(value) -> line, for checks after construction
        self.translations: dict[int, yaml.Node] = {}  # id(term) -> its translation_of: node

    def error(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(self.path, message, line))

    def scalar(self, node: yaml.Node, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{what} must be a single value, not a list or mapping")
            return None
        return str(node.value).strip()

    def strings(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode):
            return [(node.value.strip(), node)] if node.value.strip() else []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list")
            return []
        out = []
        for item in node.value:
            value = self.scalar(item, f"each entry of {what}")
            if value:
                out.append((value, item))
        return out

    def flag(self, node: yaml.Node, what: str) -> bool:
        value = (self.scalar(node, what) or "").lower()
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.error(node, f"{what} must be true or false, not {value!r}")
        return False

    def opt_scalar(self, fields: dict[str, yaml.Node], key: str) -> str | None:
        return self.scalar(fields[key], key) if key in fields else None

    def opt_strings(self, fields: dict[str, yaml.Node], key: str) -> tuple[str, ...]:
        return tuple(v for v, _ in self.strings(fields[key], key)) if key in fields else ()

    def opt_flag(self, fields: dict[str, yaml.Node], key: str) -> bool:
        return self.flag(fields[key], key) if key in fields else False

    def mapping(self, node: yaml.Node, allowed: set[str], what: str) -> dict[str, yaml.Node]:
        out: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = str(key_node.value)
            if key not in allowed:
                self.error(key_node, f"unknown key {key!r} in {what}; allowed: {', '.join(sorted(allowed))}")
            elif key in out:
                self.error(key_node, f"key {key!r} appears twice in {what}")
            else:
                out[key] = value
        return out


def _compose(raw: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError([Problem(path, f"not valid YAML: {problem}", line)]) from None


def _from_yaml(raw: str, path: str, follow_translations: bool = True) -> tuple[Lexicon, list[Problem], dict[int, int]]:
    root = _compose(raw, path)
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError([Problem(path, "a lexicon must be a YAML mapping (name:, categories:, ...)", 1)])
    keys = {str(k.value) for k, _ in root.value}
    if "categories" not in keys:
        return _from_quanteda(root, path)
    ck = _Checker(path)
    top = ck.mapping(root, _TOP_KEYS, "the lexicon")
    categories = []
    cats_node = top["categories"]
    if not isinstance(cats_node, yaml.SequenceNode):
        ck.error(cats_node, "categories must be a list of categories (each starting with '- name:')")
    else:
        for cnode in cats_node.value:
            category = _category(ck, cnode)
            if category:
                categories.append(category)
    lexicon = Lexicon(
        name=ck.opt_scalar(top, "name") or Path(path).stem,
        categories=tuple(categories),
        # "any": a lexicon of words from several languages, applied to every document
        language=_language(ck.opt_scalar(top, "language")),
        description=ck.opt_scalar(top, "description"),
        references=ck.opt_strings(top, "references"),
        path=path,
    )
    if "translation_of_lexicon" in top:
        target = ck.scalar(top["translation_of_lexicon"], "translation_of_lexicon")
        if target == "":
            ck.error(top["translation_of_lexicon"], "translation_of_lexicon needs the name of a lexicon "
                                                    "(a bundled one such as israel-gaza, or a file)")
        elif target and follow_translations:
            _check_translations(ck, lexicon, target, top["translation_of_lexicon"])
    return lexicon, ck.problems, ck.lines


def _category(ck: _Checker, node: yaml.Node) -> Category | None:
    if not isinstance(node, yaml.MappingNode):
        ck.error(node, "each category must be a mapping with at least name: and terms:")
        return None
    fields = ck.mapping(node, _CATEGORY_KEYS, "a category")
    name = ck.opt_scalar(fields, "name")
    if not name:
        ck.error(node, "a category needs a name:")
        return None
    terms = []
    terms_node = fields.get("terms")
    if terms_node is None or (isinstance(terms_node, yaml.ScalarNode) and not terms_node.value.strip()):
        pass  # an empty category is reported by _check, for every format alike
    elif not isinstance(terms_node, yaml.SequenceNode):
        ck.error(terms_node, f"terms of {name!r} must be a list")
    else:
        for tnode in terms_node.value:
            term = _term(ck, tnode)
            if term:
                terms.append(term)
                ck.lines[id(term)] = tnode.start_mark.line + 1
    category = Category(name=name, terms=tuple(terms), note=ck.opt_scalar(fields, "note"),
                        contrast=ck.opt_flag(fields, "contrast"), references=ck.opt_strings(fields, "references"))
    ck.lines[id(category)] = node.start_mark.line + 1
    return category


def _term(ck: _Checker, node: yaml.Node) -> Term | None:
    if isinstance(node, yaml.ScalarNode):
        return Term(term=node.value.strip()) if node.value.strip() else None
    if not isinstance(node, yaml.MappingNode):
        ck.error(node, "a term is a string, or a mapping with term: and optional variants:")
        return None
    fields = ck.mapping(node, _TERM_KEYS, "a term")
    term = ck.opt_scalar(fields, "term")
    if not term:
        ck.error(node, "a term entry needs term:")
        return None
    translation_of = None
    if "translation_of" in fields:
        translation_of = ck.scalar(fields["translation_of"], f"translation_of of term {term!r}")
        if translation_of == "":
            ck.error(fields["translation_of"], f"translation_of of term {term!r} is empty: give the term: name of "
                                               "the entry it translates (e.g. hostages), or remove the key")
        translation_of = translation_of or None
    entry = Term(term=term, variants=ck.opt_strings(fields, "variants"),
                 case_sensitive=ck.opt_flag(fields, "case_sensitive"), note=ck.opt_scalar(fields, "note"),
                 references=ck.opt_strings(fields, "references"), translation_of=translation_of)
    if "exceptions" in fields:
        exceptions = ck.strings(fields["exceptions"], "exceptions")
        for phrase, item in exceptions:
            _check_exception(ck, item, entry, phrase)
        entry = Term(term=entry.term, variants=entry.variants, case_sensitive=entry.case_sensitive, note=entry.note,
                     references=entry.references, exceptions=tuple(phrase for phrase, _ in exceptions),
                     translation_of=entry.translation_of)
    if entry.translation_of is not None:
        ck.translations[id(entry)] = fields["translation_of"]
    return entry


def _check_exception(ck: _Checker, node: yaml.Node, term: Term, phrase: str) -> None:
    """An exception must be a phrase containing one of the term's forms, and more than the form."""

    what = f"exception {phrase!r} of term {term.term!r}"
    if not any(ch.isalnum() for ch in phrase):
        ck.error(node, f"{what} has no letters or digits, so it can never match")
    elif _wildcard_problem(phrase):
        ck.error(node, f"wildcard in {what}: '*' may only end a word, as in 'prisoner* rights' (one per entry)")
    elif not contains_form(term, phrase):
        forms = ", ".join(repr(f) for f in term.forms)
        ck.error(node, f"{what} does not contain the term or a variant ({forms}) as whole words, so it could "
                       "never drop a match of it")
    elif any(term_key(phrase.replace("*", ""), term.case_sensitive) == term_key(f.replace("*", ""), term.case_sensitive)
             for f in term.forms):
        ck.error(node, f"{what} is the term itself: it would drop every match; remove the term instead")


def _translation_target(name: str, path: str) -> Path:
    """The file `translation_of_lexicon: name` means: a file name or path (beside the lexicon first,
    then from the working directory), else the bundled lexicon of that name itself. A bundled name
    never means a local copy: the translations were written against the bundled file, and a
    teacher's edits to a copy of the English lexicon must not make another lexicon invalid."""
    if Path(name).suffix.lower() in LEXICON_SUFFIXES:
        for candidate in (Path(path).parent / name, Path(name)):
            if candidate.is_file():
                return candidate
    bundled = _bundled(name)
    if bundled is not None:
        return bundled
    names = ", ".join(p.stem for p in bundled_lexicons())
    raise LexiconError([Problem(name, f"no such lexicon file, and no bundled lexicon of that name (bundled: {names})")])


def _check_translations(ck: _Checker, lexicon: Lexicon, target: str, node: yaml.Node) -> None:
    """Every `translation_of:` must name a term (its `term:`, exactly) of the lexicon `target`; if
    `target` has a category of the same name as the entry's, the term must be in that category, so
    that a report can set the two side by side. `target`'s own `translation_of:` are not followed."""
    try:
        other = _load(_translation_target(target, ck.path), follow_translations=False)
    except LexiconError as exc:
        first = exc.problems[0].message if exc.problems else str(exc)
        ck.error(node, f"translation_of_lexicon {target!r} cannot be loaded ({len(exc.problems)} problem(s); "
                       f"first: {first}); check it with: framing lexicons check {target}")
        return
    where = {t.term: c.name for c, t in other.terms()}
    categories = {c.name for c in other.categories}
    for category in lexicon.categories:
        for term in category.terms:
            if term.translation_of is None:
                continue
            tnode = ck.translations.get(id(term))
            what = f"translation_of {term.translation_of!r} of term {term.term!r}"
            if term.translation_of not in where:
                key = term_key(term.translation_of.replace("*", ""))
                near = [n for n in where if term_key(n.replace("*", "")) == key]
                near = near or difflib.get_close_matches(term.translation_of, list(where), n=3, cutoff=0.6)
                hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else \
                    " (name the term by its term:, as listed in that lexicon)"
                ck.error(tnode, f"{what}: {other.name!r} ({target}) has no term of that name{hint}")
            elif category.name in categories and where[term.translation_of] != category.name:
                ck.error(tnode, f"{what}: in {target} that term is in category {where[term.translation_of]!r}, "
                                f"not {category.name!r}; move the entry or point it at a term of {category.name!r}")


def _from_quanteda(root: yaml.MappingNode, path: str) -> tuple[Lexicon, list[Problem], dict[int, int]]:
    """quanteda dictionary YAML: `category: [terms]`, nested mappings give `parent/child` categories."""
    ck = _Checker(path)
    categories: list[Category] = []

    def walk(node: yaml.MappingNode, prefix: str) -> None:
        for key_node, value in node.value:
            name = f"{prefix}{key_node.value}"
            if isinstance(value, yaml.MappingNode):
                walk(value, name + "/")
                continue
            terms = tuple(Term(term=v) for v, _ in ck.strings(value, f"category {name!r}"))
            category = Category(name=name, terms=terms)
            ck.lines[id(category)] = key_node.start_mark.line + 1
            categories.append(category)

    walk(root, "")
    return Lexicon(name=Path(path).stem, categories=tuple(categories), path=path), ck.problems, ck.lines


# --- CSV and LIWC -------------------------------------------------------------------------------

def _from_csv(raw: str, path: str) -> tuple[Lexicon, list[Problem], dict[int, int]]:
    rows = list(csv.reader(io.StringIO(raw)))
    problems: list[Problem] = []
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["term", "category"]:
        raise LexiconError([Problem(path, "a CSV lexicon needs the header line: term,category", 1)])
    by_category: dict[str, list[Term]] = {}
    lines: dict[int, int] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            problems.append(Problem(path, "each line needs a term and a category", n))
            continue
        term = Term(term=row[0].strip())
        lines[id(term)] = n
        by_category.setdefault(row[1].strip(), []).append(term)
    categories = tuple(Category(name=c, terms=tuple(ts)) for c, ts in by_category.items())
    return Lexicon(name=Path(path).stem, categories=categories, path=path), problems, lines


def _from_dic(raw: str, path: str) -> tuple[Lexicon, list[Problem], dict[int, int]]:
    """LIWC-style: a header between two '%' lines maps numbers to category names."""
    lines = raw.splitlines()
    problems: list[Problem] = []
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise LexiconError([Problem(path, "a .dic file starts with a '%' line, category lines, "
                                          "and another '%' line", 1)])
    names: dict[str, str] = {}
    for i in range(marks[0] + 1, marks[1]):
        parts = lines[i].split()
        if len(parts) < 2:
            problems.append(Problem(path, "a category line is: number name", i + 1))
            continue
        names[parts[0]] = " ".join(parts[1:])
    by_category: dict[str, list[Term]] = {n: [] for n in names.values()}
    where: dict[int, int] = {}
    for i in range(marks[1] + 1, len(lines)):
        parts = lines[i].split("\t") if "\t" in lines[i] else lines[i].split()
        parts = [p.strip() for p in parts if p.strip()]
        if not parts:
            continue
        term, numbers = parts[0], parts[1:]
        if not numbers:
            problems.append(Problem(path, f"term {term!r} has no category number", i + 1))
        for number in numbers:
            if number not in names:
                problems.append(Problem(path, f"category number {number!r} is not defined in the header", i + 1))
            else:
                entry = Term(term=term)
                where[id(entry)] = i + 1
                by_category[names[number]].append(entry)
    categories = tuple(Category(name=c, terms=tuple(ts)) for c, ts in by_category.items())
    return Lexicon(name=Path(path).stem, categories=categories, path=path), problems, where


# --- checks shared by all formats ---------------------------------------------------------------

def _forms(lexicon: Lexicon) -> Iterator[tuple[Category, Term, str]]:
    for category in lexicon.categories:
        for term in category.terms:
            for form in term.forms:
                yield category, term, form


def _wildcard_problem(form: str) -> bool:
    """Whether a `*` in `form` is anywhere but at the end of a word, or there is more than one."""
    if "*" not in form:
        return False
    star = form.index("*")
    after = form[star + 1:]
    return form.count("*") > 1 or star == 0 or not form[star - 1].isalnum() or bool(
        after and not _SEPARATORS.match(after))


def _check(lexicon: Lexicon, path: str, lines: dict[int, int]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for category in lexicon.categories:
        line = lines.get(id(category))
        if not category.terms:
            problems.append(Problem(path, f"category {category.name!r} is empty: add at least one term", line))
        elif category.contrast and len(category.terms) < 2:
            problems.append(Problem(path, f"category {category.name!r} is marked contrast: true but has one term; "
                                          "a contrast set needs at least two competing terms", line))
    for category, term, form in _forms(lexicon):
        line = lines.get(id(term))
        where = f"category {category.name!r}"
        if _wildcard_problem(form):
            problems.append(Problem(path, f"wildcard in {form!r} ({where}): '*' may only end a word, "
                                          "as in 'massacre*' (one per entry)", line))
            continue
        if not any(ch.isalnum() for ch in form):
            problems.append(Problem(path, f"{form!r} ({where}) has no letters or digits, so it can never match", line))
            continue
        key = term_key(form, term.case_sensitive)
        if key in seen:
            problems.append(Problem(path, f"{form!r} is listed twice: {seen[key]} and {where} (term {term.term!r}); "
                                          "keep it in one place", line))
        else:
            seen[key] = f"{where} (term {term.term!r})"
    return problems


def _language(value: str | None) -> str:
    """A lexicon's `language:` as stored: an ISO code (default en), or "" for `any`."""
    if value is None:
        return "en"
    return "" if value.strip().lower() in ("any", "*") else value.strip().lower()
