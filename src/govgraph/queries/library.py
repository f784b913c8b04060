"""Named Cypher queries: discovery, header parsing, dialect choice, parameters, running.

A named query is a ``.cypher`` file whose leading ``//`` comment block declares it::

    // name: who-decided
    // description: Every decision whose subject, agreement or item title matches TEXT.
    // param: text SEARCH — words to look for (case and å/ä/ö insensitive)
    // param: body SEARCH optional — only decisions of this body
    // suggest: Agreement.name, AgendaItem.title
    // example: govgraph ask who-decided utskrivning
    MATCH (d:Decision) ...

Files are found in the package (``govgraph/queries/*.cypher``) and in one user folder
(``--queries-dir``, else ``$GOVGRAPH_QUERIES``, else ``~/.config/govgraph/queries``); a user
query with the same name replaces the packaged one. ``NAME.neo4j.cypher`` and
``NAME.ladybug.cypher`` are dialect variants chosen by the store's ``kind``; ``NAME.cypher``
is the text for every store without its own variant.

Parameter types: ``STRING`` (as given), ``SEARCH`` (words to find: passed as a regular
expression that matches any text containing them, whatever the case and the accents —
"angman" finds "Ångman", "ÖK" finds "ök" — so the query tests ``x.name =~ $name``; both
stores run it in one pass), ``DATE`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``YEAR``
(``YYYY``), ``INT64``, ``BOOLEAN``. An ``optional``
string-like parameter that is not given is passed as ``''`` (so a query tests
``$body = ''``: both stores then see a typed value, never a null); ``= VALUE`` sets a default.

A query may be several statements separated by a line holding only ``;``: each statement but
the last must return one row, whose columns become parameters (``$column``) of the ones after
it; when such a step finds nothing (no row, or only nulls and empty lists), the query has no
rows. (LadybugDB finds shortest paths fast only between endpoints given as parameters, so
``path`` first resolves its two names; the others resolve NAME to ids once.)

Row limits: a query that ends in ``… LIMIT $limit`` (in its last statement) takes the row
limit as that parameter — ``govgraph ask`` passes 50 for a person, ``--limit N`` or nothing
(``--all``: the ``[ORDER BY …] LIMIT $limit`` clause is dropped and every row comes back). The
total is counted by the same statement rewritten to ``count(*)`` (:func:`count_statement`):
the rows reaching a ``WITH … LIMIT $limit`` (so write it where one row is one answer row) or
those a ``RETURN … LIMIT $limit`` returns. A UNION's parts each take ``LIMIT $limit``; the
library merges them, sorts by ``// order:`` and keeps the first rows.

A query may count its rows itself in the same pass — ``// total: COLUMN``: every row carries
the count of all rows in COLUMN (``collect`` the rows at the limit point, ``size()`` of the
list, ``UNWIND`` it, then ``LIMIT $limit``); the library takes it from there and drops the
column, and sends no count statement.

``// limit_per: COLUMN, …`` applies the limit to each combination of values of the columns
(e.g. each section of ``body``: its first 50 members, 50 meetings, 50 decisions) instead of
to all rows; each UNION ALL part's ``LIMIT $limit`` must then cover one such group.

``// no_rows: found $a_name and $b_name, but …`` says what to tell the user when the earlier
steps found everything they look for but the last has no rows (``$column``: their values).

User values only ever reach Cypher as parameters.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..model import GovgraphError

PACKAGE_DIR = Path(__file__).resolve().parent
USER_DIR = Path("~/.config/govgraph/queries")
DIALECTS = ("ladybug", "neo4j")
TYPES = ("STRING", "SEARCH", "DATE", "YEAR", "INT64", "BOOLEAN")
STRINGISH = ("STRING", "SEARCH", "DATE", "YEAR")

# accented letters treated as their base letter (both by fold() and by search patterns)
FOLD_MAP: dict[str, str] = {
    "å": "a", "ä": "a", "á": "a", "à": "a", "â": "a", "ö": "o", "ø": "o", "ó": "o", "ô": "o",
    "é": "e", "è": "e", "ê": "e", "ë": "e", "ü": "u", "ú": "u", "í": "i", "ï": "i",
}
_FOLD_TABLE = str.maketrans(FOLD_MAP)
_VARIANTS: dict[str, str] = {}
for _acc, _base in FOLD_MAP.items():
    _VARIANTS[_base] = _VARIANTS.get(_base, _base) + _acc


class QueryError(GovgraphError):
    """A query file, a query name or an argument is wrong (the message says what to do)."""


# --------------------------------------------------------------------------- folding
def fold(text: str | None) -> str:
    """Lower-case ``text`` and fold the accented letters of :data:`FOLD_MAP` (å→a, ö→o, é→e …)."""
    return " ".join((text or "").lower().translate(_FOLD_TABLE).split())


_SEPARATORS = set(" \t\n-–—_/")


def search_pattern(text: str) -> str:
    """A regular expression matching every text that contains ``text`` case- and
    accent-insensitively (runs of spaces and hyphens match each other).

    Written in the subset Neo4j (Java) and LadybugDB (RE2) agree on: ``(?s)``, character
    classes holding both cases and the accented forms, ``\\s``, backslash-escaped ASCII
    punctuation; ``=~`` must match the whole value, hence ``.*`` on both sides.
    """
    out: list[str] = []
    prev_sep = False
    for ch in fold(text):
        if ch in _SEPARATORS:
            if not prev_sep:
                out.append(r"[\s\-–—_/]+")
            prev_sep = True
            continue
        prev_sep = False
        if ch.isalpha():
            variants = _VARIANTS.get(ch, ch)
            chars = "".join(dict.fromkeys(variants + variants.upper()))
            out.append(f"[{chars}]" if len(chars) > 1 else chars)
        elif ch.isdigit() or not ch.isascii():
            out.append(ch)
        else:
            out.append("\\" + ch)
    return "(?s).*" + "".join(out) + ".*"


# --------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Param:
    """A declared parameter: ``// param: NAME TYPE [optional] [= DEFAULT] — description``."""
    name: str
    type: str
    description: str = ""
    optional: bool = False
    default: Any = None

    def convert(self, value: Any, query: str) -> Any:
        """Check and convert one argument; raise :class:`QueryError` with a hint when bad."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.default is not None:
                return self.default
            if self.optional and self.type in STRINGISH:
                return ""
            raise QueryError(f"{query}: missing {self.name.upper()} ({self.description or self.type})")
        text = str(value).strip()
        if self.type == "STRING":
            return text
        if self.type == "SEARCH":
            return search_pattern(text)
        if self.type == "DATE":
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
                raise QueryError(f"{query}: {self.name} must be a date YYYY-MM-DD (or YYYY, YYYY-MM), got {text!r}")
            return text
        if self.type == "YEAR":
            if not re.fullmatch(r"\d{4}", text):
                raise QueryError(f"{query}: {self.name} must be a year YYYY, got {text!r}")
            return text
        if self.type == "INT64":
            try:
                return int(text.replace(" ", "").replace("_", ""))
            except ValueError:
                raise QueryError(f"{query}: {self.name} must be a whole number, got {text!r}") from None
        if self.type == "BOOLEAN":
            low = text.lower()
            if low in ("1", "true", "yes", "ja", "y"):
                return True
            if low in ("0", "false", "no", "nej", "n"):
                return False
            raise QueryError(f"{query}: {self.name} must be true or false, got {text!r}")
        raise QueryError(f"{query}: unknown parameter type {self.type}")  # pragma: no cover


@dataclass(frozen=True)
class NamedQuery:
    """One named query and its dialect texts (``"any"``, ``"ladybug"``, ``"neo4j"``)."""
    name: str
    description: str
    params: tuple[Param, ...]
    texts: Mapping[str, str]
    files: Mapping[str, str]
    examples: tuple[str, ...] = ()
    suggest: tuple[tuple[str, str], ...] = ()      # (label, property) to draw close names from
    order: tuple[str, ...] = ()                   # columns the rows are sorted by (after UNION ALL)
    origin: str = "package"
    no_rows: str = ""       # message when the earlier steps found all they look for, the last none
    total_column: str = ""  # a column holding the count of all rows (then no count statement)
    limit_per: str = ""     # the row limit applies to each value of these columns ("section")

    @property
    def required(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if not p.optional and p.default is None)

    @property
    def options(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.optional or p.default is not None)

    def dialects(self) -> tuple[str, ...]:
        """The store kinds this query has a text for."""
        return DIALECTS if "any" in self.texts else tuple(d for d in DIALECTS if d in self.texts)

    def text_for(self, kind: str) -> str:
        """The Cypher sent to a store of ``kind``."""
        text = self.texts.get(kind) or self.texts.get("any")
        if text is None:
            raise QueryError(f"query {self.name!r} has no text for a {kind} store "
                             f"(add {self.name}.{kind}.cypher or {self.name}.cypher)")
        return text

    def statements_for(self, kind: str) -> list[str]:
        """The statements (steps) of the query for a ``kind`` store, in order."""
        return split_steps(self.text_for(kind))

    def step_outputs(self, kind: str) -> list[str]:
        """Parameters the steps before the last one produce (their RETURN columns)."""
        out: list[str] = []
        for step in self.statements_for(kind)[:-1]:
            for col in return_columns(step):
                if col not in out:
                    out.append(col)
        return out

    def file_for(self, kind: str) -> str:
        return self.files.get(kind) or self.files.get("any", "")

    def bind(self, args: Mapping[str, Any]) -> dict[str, Any]:
        """Convert ``args`` (by parameter name) into the parameters the Cypher declares."""
        known = {p.name for p in self.params}
        unknown = sorted(k for k, v in args.items() if k not in known and v not in (None, ""))
        if unknown:
            raise QueryError(f"{self.name}: does not take {', '.join('--' + u for u in unknown)}"
                             f" (it takes: {', '.join(p.name for p in self.params) or 'nothing'})")
        return {p.name: p.convert(args.get(p.name), self.name) for p in self.params}

    def usage(self) -> str:
        parts = [self.name] + [p.name.upper() for p in self.required]
        parts += [f"[--{p.name} {p.type if p.type != 'SEARCH' else 'TEXT'}]" for p in self.options]
        return " ".join(parts)


@dataclass
class QueryResult:
    """The rows of one run. ``total`` counts every row the query matches (also when only the
    first ``limit`` are in ``rows``); ``limit`` is the limit asked for (None: all rows)."""
    query: NamedQuery
    params: dict[str, Any]
    rows: list[dict[str, Any]]
    columns: list[str] = field(default_factory=list)
    total: int = 0
    limit: int | None = None
    resolved: dict[str, Any] = field(default_factory=dict)   # what the steps before the last found

    def no_rows_message(self) -> str | None:
        """The query's ``// no_rows:`` text, its ``$column``s filled from what the earlier steps
        found — for when they found everything they look for but the last step has no rows."""
        text = self.query.no_rows
        if self.rows or not text or not self.resolved or any(
                v is None or v == [] for v in self.resolved.values()):
            return None
        return _PARAM_USE.sub(lambda m: str(self.resolved.get(m.group(1), m.group(0))), text)

    @property
    def truncated(self) -> bool:
        """True when more rows match than ``rows`` holds."""
        return self.total > len(self.rows)


# --------------------------------------------------------------------------- parsing
_HEADER = re.compile(r"^\s*//\s*([a-z_]+)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s+([A-Z0-9]+)(\s+optional)?(?:\s*=\s*(\S+))?"
                    r"(?:\s*(?:—|–|--|-|:)\s*(.*))?$")


def parse_header(text: str, path: str) -> dict[str, Any]:
    """Read the leading ``// key: value`` block of a query file."""
    head: dict[str, Any] = {"description": [], "param": [], "example": [], "suggest": [],
                            "order": [], "no_rows": [], "total": [], "limit_per": [], "name": None}
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("//"):
            break
        m = _HEADER.match(line)
        if not m:
            continue          # free comment line
        key, value = m.groups()
        if key == "name":
            head["name"] = value
        elif key in ("description", "example", "suggest", "order", "no_rows", "total", "limit_per"):
            head[key].append(value)
        elif key == "param":
            pm = _PARAM.match(value)
            if not pm or pm.group(2) not in TYPES:
                raise QueryError(f"{path}: bad '// param:' line {value!r} "
                                 f"(write: NAME TYPE [optional] [= DEFAULT] — description; TYPE one of {', '.join(TYPES)})")
            name, typ, opt, default, desc = pm.groups()
            if opt and typ not in STRINGISH and default is None:
                raise QueryError(f"{path}: optional parameter {name} of type {typ} needs '= DEFAULT'")
            conv_default = Param(name, typ).convert(default, path) if default is not None else None
            head["param"].append(Param(name, typ, (desc or "").strip(), bool(opt), conv_default))
    return head


def _split_name(path: Path) -> tuple[str, str]:
    """``who-decided.cypher`` → (who-decided, any); ``path.neo4j.cypher`` → (path, neo4j)."""
    stem = path.name[: -len(".cypher")]
    for d in DIALECTS:
        if stem.endswith("." + d):
            return stem[: -len(d) - 1], d
    return stem, "any"


def _parse_params(params: list[Param], path: str) -> tuple[Param, ...]:
    seen: set[str] = set()
    for p in params:
        if p.name in seen:
            raise QueryError(f"{path}: parameter {p.name} declared twice")
        seen.add(p.name)
    return tuple(params)


def _suggest(values: list[str], path: str) -> tuple[tuple[str, str], ...]:
    from ..schema import NODES
    out = []
    for v in values:
        for part in (x.strip() for x in v.split(",")):
            if not part:
                continue
            label, _, prop = part.partition(".")
            prop = prop or "name"
            if label not in NODES or prop not in NODES[label].stored_properties:
                raise QueryError(f"{path}: '// suggest: {part}' is not a Label.property of the schema")
            out.append((label, prop))
    return tuple(out)


def load_dir(directory: Path, origin: str) -> dict[str, NamedQuery]:
    """Every query in one folder (not recursive)."""
    groups: dict[str, dict[str, tuple[Path, str, dict]]] = {}
    for path in sorted(directory.glob("*.cypher")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{path}: cannot read query file ({e})") from None
        head = parse_header(text, str(path))
        stem, dialect = _split_name(path)
        name = head["name"] or stem
        groups.setdefault(name, {})[dialect] = (path, text, head)
    out: dict[str, NamedQuery] = {}
    for name, variants in groups.items():
        # the generic file's header wins; a variant-only query takes the first variant's
        order = [d for d in ("any", *DIALECTS) if d in variants]
        path, _, head = variants[order[0]]
        if not head["description"]:
            raise QueryError(f"{path}: add a '// description: …' line to the header")
        for d in order[1:]:
            other = variants[d][2]
            if other["param"] and [p.name for p in other["param"]] != [p.name for p in head["param"]]:
                raise QueryError(f"{variants[d][0]}: its parameters differ from {path.name}'s")
        out[name] = NamedQuery(
            name=name, description=" ".join(head["description"]),
            params=_parse_params(head["param"], str(path)),
            texts={d: v[1] for d, v in variants.items()},
            files={d: str(v[0]) for d, v in variants.items()},
            examples=tuple(head["example"]), suggest=_suggest(head["suggest"], str(path)),
            order=tuple(c.strip() for v in head["order"] for c in v.split(",") if c.strip()),
            origin=origin, no_rows=" ".join(head["no_rows"]), total_column=" ".join(head["total"]),
            limit_per=" ".join(head["limit_per"]))
    return out


def user_dir(queries_dir: str | os.PathLike | None = None) -> Path | None:
    """The user's query folder: ``queries_dir``, else ``$GOVGRAPH_QUERIES``, else ~/.config/…"""
    if queries_dir:
        p = Path(queries_dir).expanduser()
        if not p.is_dir():
            raise QueryError(f"{p}: --queries-dir is not a folder")
        return p
    env = os.environ.get("GOVGRAPH_QUERIES")
    if env:
        p = Path(env).expanduser()
        if not p.is_dir():
            raise QueryError(f"{p}: $GOVGRAPH_QUERIES is not a folder")
        return p
    p = USER_DIR.expanduser()
    return p if p.is_dir() else None


def discover(queries_dir: str | os.PathLike | None = None, *, include_user: bool = True
             ) -> dict[str, NamedQuery]:
    """The packaged queries, then the user's (a user query replaces a packaged one of that name)."""
    found = load_dir(PACKAGE_DIR, "package")
    if include_user:
        udir = user_dir(queries_dir)
        if udir is not None:
            found.update(load_dir(udir, str(udir)))
    return dict(sorted(found.items()))


def get(name: str, queries: Mapping[str, NamedQuery]) -> NamedQuery:
    try:
        return queries[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise QueryError(f"unknown query {name!r}; {hint}known: {', '.join(queries)}") from None


# --------------------------------------------------------------------------- running
def _plain(value: Any) -> Any:
    """Store values as plain Python/JSON values (LadybugDB sums come back as Decimal)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_SIMPLE = frozenset({str, int, float, bool, type(None)})


def _plain_row(row: dict[str, Any]) -> dict[str, Any]:
    """A result row with plain values (most rows already are: they are kept as they are)."""
    if all(type(v) in _SIMPLE for v in row.values()):
        return row
    return {k: _plain(v) for k, v in row.items()}


def _natural(value: Any) -> tuple:
    """Sort key: missing values last, numbers by value, '8a' before '10'."""
    if value is None or value == "":
        return (1, ())
    if isinstance(value, bool):
        return (0, ((0, int(value), ""),))
    if isinstance(value, (int, float)):
        return (0, ((0, value, ""),))
    parts = re.findall(r"\d+|\D+", fold(str(value)))
    return (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts))


def sort_rows(rows: list[dict[str, Any]], order: Iterable[str]) -> list[dict[str, Any]]:
    """Rows sorted by the ``order`` columns, each ``col`` or ``col desc`` (stable; missing values
    last either way). The stores cannot ORDER BY over a UNION, hence sorting here."""
    specs = [(col, direction.strip().lower() == "desc")
             for col, _, direction in (spec.partition(" ") for spec in order)]
    if not specs or len(rows) < 2:
        return list(rows)
    cache: dict[tuple[type, Any], tuple] = {}

    def natural(value: Any) -> tuple:
        try:
            key = (type(value), value)
            hit = cache.get(key)
        except TypeError:                       # a list: not hashable, not cached
            return _natural(value)
        if hit is None:
            hit = cache[key] = _natural(value)
        return hit

    if not any(desc for _, desc in specs):      # one pass: (missing, natural) per column
        cols = [col for col, _ in specs]
        return sorted(rows, key=lambda r: tuple(natural(r.get(c)) for c in cols))
    out = list(rows)
    for col, desc in reversed(specs):
        present = [r for r in out if r.get(col) not in (None, "")]
        missing = [r for r in out if r.get(col) in (None, "")]
        present.sort(key=lambda r: natural(r.get(col)), reverse=desc)
        out = present + missing
    return out


_STEP_SPLIT = re.compile(r"^[ \t]*;[ \t]*$", re.MULTILINE)


def split_steps(text: str) -> list[str]:
    """Split a query text at lines holding only ``;`` (empty parts dropped)."""
    return [part.strip() for part in _STEP_SPLIT.split(text) if part.strip()]


def return_columns(step: str) -> list[str]:
    """The column names of a statement's last RETURN clause (``x AS name`` → name, ``name``)."""
    idx = [m.end() for m in re.finditer(r"\bRETURN\b", step, re.IGNORECASE)]
    if not idx:
        return []
    clause = re.split(r"\b(?:ORDER\s+BY|SKIP|LIMIT)\b", step[idx[-1]:], flags=re.IGNORECASE)[0]
    clause = re.sub(r"^\s*DISTINCT\b", "", clause, flags=re.IGNORECASE)
    items, depth, cur = [], 0, ""
    for ch in clause:
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    cols = []
    for item in (i.strip() for i in items if i.strip()):
        m = re.search(r"\bAS\s+`?([A-Za-z_]\w*)`?\s*$", item, re.IGNORECASE)
        cols.append(m.group(1) if m else item)
    return cols


# ----------------------------------------------------------------- row limits and counts
LIMIT_PARAM = "limit"
DEFAULT_LIMIT = 50          # rows a person sees by default (``govgraph ask`` without --limit/--all)
# ``LIMIT $limit`` with the ORDER BY before it (LadybugDB takes ORDER BY in a WITH only
# with a LIMIT; without a limit the rows are sorted here, by the header's ``// order:``)
_LIMIT_CLAUSE = re.compile(r"(?:\s+ORDER\s+BY\s+(?:(?!\b(?:LIMIT|SKIP|RETURN|WITH|MATCH|OPTIONAL|UNWIND|"
                           r"UNION|WHERE|CALL)\b).)+?)?\s+LIMIT\s+\$limit\b", re.IGNORECASE | re.DOTALL)
_UNION = re.compile(r"\bUNION\b(\s+ALL\b)?", re.IGNORECASE)
_CLAUSE = re.compile(r"(?<!STARTS )(?<!ENDS )\b(RETURN|WITH)\b", re.IGNORECASE)   # not STARTS/ENDS WITH


_COMMENT_LINE = re.compile(r"(?m)^[ \t]*//.*(?:\n|$)")


def _code(step: str) -> str:
    """The statement without its whole-line ``//`` comments."""
    return _COMMENT_LINE.sub("", step)


def uses_limit(query: NamedQuery, kind: str) -> bool:
    """True when the query's last statement takes the row limit as ``LIMIT $limit`` (and the
    query does not declare a parameter of that name for its own use)."""
    if any(p.name == LIMIT_PARAM for p in query.params):
        return False
    return bool(_LIMIT_CLAUSE.search(_code(query.statements_for(kind)[-1])))


def without_limit(step: str) -> str:
    """The statement with its ``[ORDER BY …] LIMIT $limit`` clauses removed (every row)."""
    return _LIMIT_CLAUSE.sub("", _code(step))


def count_statement(step: str) -> str | None:
    """The statement rewritten to count what its ``LIMIT $limit`` cuts, in each UNION ALL part:

    * ``WITH … [ORDER BY …] LIMIT $limit`` (a query that picks its first rows early, before
      looking up their details): the rows reaching that WITH — everything after it is replaced
      by ``RETURN count(*) AS total``;
    * ``RETURN … [ORDER BY …] LIMIT $limit``, or no limit in the part: the rows it returns —
      its final RETURN becomes ``RETURN count(*) AS total``.

    The parts' totals add up. None when that would not count the rows (a plain UNION removes
    duplicates across parts)."""
    step = _code(step)
    seps = list(_UNION.finditer(step))
    if any(not m.group(1) for m in seps):
        return None
    parts, start = [], 0
    for m in seps:
        parts.append(step[start:m.start()])
        start = m.end()
    parts.append(step[start:])
    out = []
    for part in parts:
        limit = _LIMIT_CLAUSE.search(part)
        clauses = list(_CLAUSE.finditer(part[:limit.start()] if limit else part))
        if limit and clauses and clauses[-1].group(1).upper() == "WITH":
            out.append(part[:limit.start()].rstrip() + "\nRETURN count(*) AS total")
            continue
        part = without_limit(part)
        returns = [c for c in _CLAUSE.finditer(part) if c.group(1).upper() == "RETURN"]
        if not returns:
            return None
        head, tail = part[:returns[-1].start()], part[returns[-1].end():]
        if re.match(r"\s*DISTINCT\b", tail, re.IGNORECASE):
            head += "WITH" + tail.rstrip() + "\n"
        out.append(head + "RETURN count(*) AS total")
    return "\nUNION ALL\n".join(out)


def run(store: Any, query: NamedQuery, args: Mapping[str, Any], limit: int | None = None
        ) -> QueryResult:
    """Bind ``args``, send the store's dialect text(s) with the parameters, return the rows.

    ``limit``: at most this many rows (None: every row). A query that writes ``LIMIT $limit``
    gets the limit as that parameter (without it, the clause is dropped); the first rows by its
    ``// order:`` are returned, and ``total`` counts every row — from the query's ``// total:``
    column, else by the same statement rewritten to ``count(*)`` (see :func:`count_statement`),
    run only when the limit may have cut something. Sums the query computes before its
    ``LIMIT`` stay true totals. A query without ``LIMIT $limit`` is cut after sorting.
    ``resolved`` holds what the steps before the last found (for ``// no_rows:``).
    """
    if limit is not None and limit < 1:
        raise QueryError(f"the row limit must be at least 1, got {limit}")
    params = query.bind(args)
    steps = query.statements_for(store.kind)
    engine_limit = uses_limit(query, store.kind)
    values: dict[str, Any] = dict(params)
    raw: list[dict[str, Any]] = []
    for n, step in enumerate(steps):
        last = n == len(steps) - 1
        if last and engine_limit:
            if limit is None:
                step = without_limit(step)
            else:
                values[LIMIT_PARAM] = limit
        used = {k: values[k] for k in param_names(step) if k in values}
        raw = store.query(step, used)
        if not last:
            if not raw or all(v is None or v == [] for v in raw[0].values()):
                return QueryResult(query, params, [], [], 0, limit)     # the step found nothing
            values.update(raw[0])
    rows = sort_rows([_plain_row(row) for row in raw], query.order)
    total = len(rows)
    col = query.total_column
    if col and (not rows or col in rows[0]):
        # the query counts its rows itself (one pass): take the count, drop the column
        total = max(int(rows[0][col] or 0), len(rows)) if rows else 0
        rows = [{k: v for k, v in r.items() if k != col} for r in rows]
    elif limit is not None and engine_limit and len(rows) >= limit:
        # a part may have been cut: count what the limit cut (fewer rows than the limit means
        # every part came back whole, and no count is needed)
        counted = _count(store, steps[-1], values)
        if counted is None:                 # cannot be counted in Cypher: take every row
            every = without_limit(steps[-1])
            rows = sort_rows([_plain_row(row) for row in
                              store.query(every, {k: values[k] for k in param_names(every)
                                                  if k in values})], query.order)
            counted = len(rows)
        total = max(counted, len(rows))
    if limit is not None:
        rows = _first_rows(rows, limit, query.limit_per)
    columns = list(rows[0].keys()) if rows else []
    resolved = {k: v for k, v in values.items() if k not in params and k != LIMIT_PARAM}
    return QueryResult(query, params, rows, columns, total, limit, resolved)


def _first_rows(rows: list[dict[str, Any]], limit: int, per: str = "") -> list[dict[str, Any]]:
    """The first ``limit`` rows — of each combination of the ``per`` columns (``a, b``) when
    they are given."""
    cols = [c.strip() for c in per.split(",") if c.strip()]
    if not cols:
        return rows[:limit]
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        key = repr(tuple(row.get(c) for c in cols))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            out.append(row)
    return out


def _count(store: Any, step: str, values: Mapping[str, Any]) -> int | None:
    """Every row the last statement matches (None when it cannot be counted in Cypher)."""
    text = count_statement(step)
    if text is None:
        return None
    rows = store.query(text, {k: values[k] for k in param_names(text) if k in values})
    return sum(int(_plain(r.get("total")) or 0) for r in rows)


def suggest_statement(label: str, prop: str) -> str:
    """The look-up of candidate names; label and property come from the schema (checked at
    load), never from the user."""
    return f"MATCH (n:{label}) WHERE n.{prop} IS NOT NULL RETURN DISTINCT n.{prop} AS v"


def close_names(store: Any, query: NamedQuery, args: Mapping[str, Any], n: int = 5) -> list[str]:
    """Names in the store close to the query's search arguments (for 'nothing matched')."""
    wanted = [fold(str(v)) for p in query.params if p.type in ("SEARCH", "STRING")
              for v in [args.get(p.name)] if v]
    if not wanted or not query.suggest:
        return []
    names: set[str] = set()
    for label, prop in query.suggest:
        for row in store.query(suggest_statement(label, prop)):
            if row.get("v"):
                names.add(str(row["v"]))
    full: dict[str, str] = {}
    words: dict[str, str] = {}
    for nm in sorted(names):
        full.setdefault(fold(nm), nm)
        for word in re.findall(r"\w{4,}", nm):
            words.setdefault(fold(word), nm)
    out: list[str] = []
    for w in wanted:
        hits = [full[h] for h in difflib.get_close_matches(w, list(full), n=n, cutoff=0.6)]
        for term in w.split():
            hits += [words[h] for h in difflib.get_close_matches(term, list(words), n=n, cutoff=0.8)]
        for hit in hits:
            if hit not in out:
                out.append(hit)
    return out[:n]


# --------------------------------------------------------------------------- for the lint
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")


def param_names(text: str) -> list[str]:
    """The ``$names`` a Cypher text uses, in order of first use."""
    out: list[str] = []
    text = re.sub(r"(?m)^\s*//.*$", "", text)          # whole-line comments
    for m in _PARAM_USE.finditer(text):
        if m.group(1) not in out:
            out.append(m.group(1))
    return out


def all_statements(dialect: str = "neo4j", queries: Mapping[str, NamedQuery] | None = None
                   ) -> list[tuple[str, str, list[str]]]:
    """(name, cypher, parameter names) of every statement sent to a ``dialect`` store.

    A query of several steps gives one entry per step (``file#2``); a step's parameters are
    the declared ones it uses plus the columns earlier steps return. A last step that takes
    ``LIMIT $limit`` also gives its forms without the limit (``#all``) and counting (``#count``).
    """
    queries = discover(include_user=False) if queries is None else queries
    out = []
    for q in queries.values():
        if dialect not in q.dialects():
            continue
        steps = q.statements_for(dialect)
        declared = [p.name for p in q.params]
        produced: list[str] = []
        for n, step in enumerate(steps, 1):
            name = q.file_for(dialect) + (f"#{n}" if len(steps) > 1 else "")
            used = param_names(step)
            known = [p for p in declared + produced if p in used] if len(steps) > 1 else declared
            if n == len(steps) and uses_limit(q, dialect):
                out.append((name, step, known + [LIMIT_PARAM]))
                # the same statement without the limit (--all) and counting its rows
                out.append((name + "#all", without_limit(step), known))
                counted = count_statement(step)
                if counted is not None:
                    out.append((name + "#count", counted, known))
            else:
                out.append((name, step, known))
            produced += [c for c in return_columns(step) if c not in produced]
    return out


def describe(queries: Iterable[NamedQuery]) -> list[dict[str, str]]:
    """Rows for ``govgraph ask --list``."""
    return [{"query": q.name, "usage": q.usage(), "description": q.description,
             "from": q.origin} for q in queries]


__all__ = ["DEFAULT_LIMIT", "FOLD_MAP", "NamedQuery", "Param", "QueryError", "QueryResult", "all_statements",
           "close_names", "count_statement", "describe", "discover", "fold", "get", "search_pattern",
           "param_names", "return_columns", "run", "uses_limit", "without_limit", "sort_rows", "split_steps", "suggest_statement"]

