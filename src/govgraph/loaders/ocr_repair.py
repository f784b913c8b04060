"""Repair OCR damage and encoding damage in Swedish text (the last step of ``clean``).

``repair_document(doc)`` mutates line texts of a :class:`~govgraph.model.CleanDocument`, appends one
:class:`~govgraph.model.Repair` per changed word to ``doc.repairs`` and adds the flags
``"ocr-damage-repaired"`` / ``"encoding-damage-repaired"``. Struck-through spans are shifted with
the text.

What it repairs (precision before recall):

* **Encoding damage** in any document: å/ä/ö written as U+FFFD or ``?`` inside a word
  (``G?teborg`` → ``Göteborg``) when exactly one restoration is a known word/name, UTF-8 read as
  Latin-1 (``mÃ¶tet`` → ``mötet``), and ``?``/``�`` standing for ``§`` before a number.
* **Run-together names** in any document: ``AnitaBohlinNeuman`` → ``Anita Bohlin Neuman`` when
  every part is a known given name or surname and the whole is not itself a name (``AnnaMaj``).
* **OCR garbage** glued to a name: ``Neuman———`` → ``Neuman``.
* **Lost Swedish letters** (ä/å → a, i, d, 3, &; ö → o, é, oé, 6; l → 1, |, I) only on pages that
  are OCR-damaged: long Swedish text with almost no å/ä/ö, confirmed by words that are unknown as
  written but known once the letters are restored. Candidates are looked up in the hunspell-sv word
  forms, SCB names and the municipality/county/region list, and ranked with wordfreq frequencies; a
  word that is itself a dictionary word is only replaced when the restored form is far more
  frequent (``for`` → ``för``, never ``man`` → ``män``). A spelling used elsewhere in the same
  document (``Ångman``) wins, and a place context decides ``Örebro lin`` → ``Örebro län``.
  In an undamaged document a capitalised word is only restored when the same document spells it
  with å/ä/ö elsewhere and the damaged form is no dictionary word.

Damaged pages get two passes. The first restores words that are clear on their own. The second
uses the document as repaired so far: a near-tie ("vard": vård or värd?) goes to the stem the
document uses far more often ("sjukvård", "vårdcentral" ...), and unknown compounds are restored
part by part ("lansgemensamma" → "länsgemensamma") unless they split as well into known words as
written ("vaccinations|tider"). Context rules: "ar" after a number/"per"/"nästa" is "år"; a
restoration making a known place name ("Örebro lin" → "Örebro län", genitive "Örebro läns");
a capitalised word inside a sentence that is a known name stays a name (unless a rare first name
alone among lower-case words: "för Nara samverkan" → "Nära").

More OCR confusions on damaged pages (measured on simulated damage of the held-out protocols,
``tests/ocr_damage.py``): "rn" → "m" and "cl" → "d" for unknown words ("komrnun", "Sunclell"; they
count as two hard readings); a digit or bar inside a word read as its letter (6 → ö, 3 → ä, 1/| → l),
the plain reading first ("Va|" → "Val", not "Väl") and compounds restored in the second pass
("f6rbundschef", "Lans6vergripande"); a capital I ending a word or inside one when that gives a
known word ("individuelI", "HalIefors"); "fort vid" → "fört vid", "at" → "åt"; a place settled by
the next word ("Are kommun" → "Åre kommun"); a function word glued to a known word is split
("Valav" → "Val av", not a capitalised "Kromom"); a word split by a stray space is joined when one
piece is nothing and the whole is a word ("styrn ing"). A page keeping a few å/ä/ö (under one word
in ten) is still suspect; the lexicon confirmation decides.

``Repair.reason`` values: ``lexicon`` (restored from the word lists), ``lexicon-name`` (a first
name before a surname, by SCB bearer counts: "Hakan Persson" → "Håkan"), ``lexicon-compound`` (part by
part), ``lexicon-glyph`` (an OCR glyph in an undamaged document), ``document-name`` (the document's
own spelling), ``document-vote`` (near-tie settled by the document), ``context-place``,
``context-year``, ``context-phrase`` ("fort vid", "at"), ``ocr-glyph`` (``|`` → ``I``, digit/bar/I
glyphs read as letters), ``ocr-garbage`` (dash runs), ``split-run-together``, ``split-glued``, ``join-split``,
``encoding-lexicon``, ``encoding-mojibake``, ``encoding-section-sign``.

Clean documents take a fast path (a few regular expressions and counts, no lexicon load: about
0.7–1 ms for a 2,000-word protocol); a line with a real accent ("Turén", "Linnéa") is first checked
cheaply (names only) for any token that could be repaired. The lexicons (about 1–1.5 s with the
restoration table, ~270 MB) load once per process, only for a document that needs them. Per-document memos (``_Context``)
keep each token's candidates, scores and compound splits for the run; ``bench/bench_pipeline.py``
measures the stage.
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..model import CleanDocument, CleanLine, Repair
from .lexicon import COARSE, name_lexicon, restoration_index, swedish_lexicon, variant_buckets

FLAG_OCR = "ocr-damage-repaired"
FLAG_ENCODING = "encoding-damage-repaired"

_LETTER = r"[^\W\d_]"
_WORD_RE = re.compile(rf"{_LETTER}+")
_DIACRITIC_RE = re.compile(r"[åäöÅÄÖ]")
_DIACRITICS = frozenset("åäöÅÄÖ")
# OCR glyph damage inside words: "Ordférande", "6ppnades", "l&n", "|3n", "1an"
# (the lookahead is implied by every alternative — a glyph first or second — and rejects most
# positions before the letter classes are tried)
_OCR_MARK_RE = re.compile(rf"(?=.?[é6&3|1])(?:{_LETTER}[é6&3|1]{_LETTER}|(?<![\w&|])[6&|1][a-zåäö]{{1,}}"
                          rf"|{_LETTER}[&|3]\b)")
_TOKEN_RE = re.compile(r"(?:[^\W_]|[&|])+")
_SKIP_SPAN_RE = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:se|nu|com|org|net|eu|io|info|gov)\b(?:/\S*)?",
    re.IGNORECASE)
_MOJIBAKE_RE = re.compile(
    "(?:[\u00c2\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])+")
_ENC_WORD_RE = re.compile(
    r"(?:[^\W\d_]|\ufffd|(?<=[^\W\d_])\?(?=[^\W\d_])|(?<![^\s(\"“'])\?(?=[^\W\d_]))+")
_SECTION_HINT_RE = re.compile(r"^[ \t]*[?\ufffd]{1,2} ?\d+[a-z]?(?:\s|$)", re.MULTILINE)
_ENC_SECTION_RE = re.compile(r"(?:(?<=^)|(?<=[\s(]))[?\ufffd]{1,2}(?=\s?\d)")
# (each pattern starts with a letter class and checks what precedes it afterwards, in a lookbehind
# two characters wide: the same matches as a leading lookbehind, but the regex engine scans for the
# class instead of trying the lookbehind at every position, ~5-15 times faster on a clean text)
_CAMEL_RE = re.compile(r"[A-ZÅÄÖ](?<![\w-].)[a-zåäöé]+(?:[A-ZÅÄÖ][a-zåäöé]+)+(?![\w-])")
_CAMEL_HINT_RE = re.compile(r"[a-zåäö][A-ZÅÄÖ]")
_DASH_HINT_RE = re.compile(r"--|——|––|—–|–—|-—|—-|-–|–-|__|~~")
# a run of [—–]{2,}, [—–-]{3,} or [_~]{2,} after a letter, up to a space or the end
_DASH_GARBAGE_RE = re.compile(r"[—–_~-](?<=[^\W\d_].)"
                              r"(?:(?<=[—–])[—–]+|(?<=[—–-])[—–-]{2,}|(?<=[_~])[_~]+)(?=\s|$)")
_SWEDISH_FUNCTION_WORDS = frozenset((
    "och att som det av med till den har inte ett om vid samt ska kommer fran från för for "
    "är ar pa på eller även aven mellan under efter").split())
assert max(map(len, _SWEDISH_FUNCTION_WORDS)) <= 6      # (damage_stats counts on it)

# Character confusions: original glyph -> restorations (lower case). "hard" ones (a real letter read
# for ä/å/l) are only tried on words that are unknown as written.
_SOFT = {"a": "aäå", "A": "aäå", "o": "oö", "O": "oö", "é": "éöäå", "É": "éöäå", "&": "äå",
         "3": "ä", "6": "ö", "1": "l", "|": "l"}
_HARD = {"d": "däåö", "i": "iä", "I": "il"}
_PRE = (("oé", "ö"), ("Oé", "Ö"), ("&a", "ä"), ("&A", "Ä"))
# two glyphs read for one letter ("vdalkomna", "niamnde", "Néasta"): hard
_PRE_HARD = (("da", "ä"), ("ia", "ä"), ("ai", "ä"), ("éa", "ä"), ("ao", "ö"), ("Ld", "Lä"), ("ld", "lä"),
             # one letter read as two: "komrnun" (m), "Sunclell" (d); these cost two hard readings
             ("rn", "m"), ("cl", "d"))
_GARBAGE_CHARS = frozenset("&|136")
_MAX_COMBOS = 512


# --------------------------------------------------------------------------- line edits
@dataclass
class _Edit:
    start: int
    end: int
    new: str
    reason: str
    kind: str = "ocr"       # "ocr" | "encoding"


def _map_pos(pos: int, edits: list[_Edit], is_end: bool) -> int:
    shift = 0
    for e in edits:
        if e.end <= pos and not (e.start == e.end == pos and not is_end):
            shift += len(e.new) - (e.end - e.start)
        elif e.start < pos < e.end:
            return e.start + shift + (len(e.new) if is_end else 0)
    return pos + shift


def _apply_edits(doc: CleanDocument, n: int, edits: list[_Edit], flags: set[str]) -> None:
    """Apply non-overlapping edits to line ``n`` (1-based), record repairs, shift struck spans."""
    if not edits:
        return
    line: CleanLine = doc.lines[n - 1]
    text = line.text
    edits = sorted(edits, key=lambda e: e.start)
    kept: list[_Edit] = []
    last = -1
    for e in edits:
        if e.start >= last and text[e.start:e.end] != e.new:
            kept.append(e)
            last = e.end
    if not kept:
        return
    out, pos = [], 0
    for e in kept:
        out.append(text[pos:e.start])
        out.append(e.new)
        pos = e.end
        doc.repairs.append(Repair(n, text[e.start:e.end], e.new, e.reason))
        flags.add(FLAG_ENCODING if e.kind == "encoding" else FLAG_OCR)
    out.append(text[pos:])
    if line.struck:
        spans = []
        for s, t in line.struck:
            ns, nt = _map_pos(s, kept, False), _map_pos(t, kept, True)
            if nt > ns:
                spans.append((ns, nt))
        line.struck = tuple(spans)
    line.text = "".join(out)


def _skip_spans(text: str) -> list[tuple[int, int]]:
    if "." not in text and "@" not in text and "://" not in text:
        return []           # no address, link or domain can match
    if _SKIP_HINT_RE.search(text) is None:
        return []           # (most lines with a full stop)
    return [m.span() for m in _SKIP_SPAN_RE.finditer(text)]


# a part of every match of _SKIP_SPAN_RE: "@", "://" or "www.", or a domain ending
_SKIP_HINT_RE = re.compile(r"@|://|www\.|\.(?:se|nu|com|org|net|eu|io|info|gov)\b", re.IGNORECASE)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# --------------------------------------------------------------------------- casing
def _case_like(word: str, model: str) -> str:
    if model[:1] in "I|1" and word[:1] == "l" and len(model) > 1:
        rest = _case_like(word[1:], model[1:]) if model[1:2].isalpha() else word[1:]
        return "L" + rest if model[1:].isupper() and any(c.isalpha() for c in model[1:]) else "l" + rest
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if model[:1].isupper() or (model[:1] in "|1I6&" and model[1:2].isupper()):
        return word[:1].upper() + word[1:]
    return word


def _is_title(token: str) -> bool:
    return token[:1].isupper() and token[1:] == token[1:].lower()


# --------------------------------------------------------------------------- damage assessment
@dataclass
class DamageStats:
    """Cheap statistics of a stretch of text (no lexicon needed)."""
    words: int = 0
    diacritic_words: int = 0
    function_words: int = 0
    ocr_marks: int = 0

    @property
    def diacritic_rate(self) -> float:
        return self.diacritic_words / self.words if self.words else 0.0

    @property
    def swedish(self) -> bool:
        return self.words > 0 and self.function_words / self.words >= 0.04

    def suspect_ocr(self) -> bool:
        """Long Swedish text with almost no å/ä/ö, or several OCR glyph marks."""
        if self.ocr_marks >= 3 and self.swedish:
            return True
        return self.words >= 40 and self.swedish and self.diacritic_rate < 0.10


def damage_stats(texts: Iterable[str], marks: bool = True, words: list[str] | None = None) -> DamageStats:
    """Word, å/ä/ö-word, Swedish function-word and damage-mark counts of some text.

    ``marks=False`` skips the OCR-mark count when the å/ä/ö rate already looks normal (fast path).
    ``words``: the text's words (``_WORD_RE``), when the caller has them.
    """
    text = "\n".join(texts)
    st = DamageStats()
    if words is None:
        words = _WORD_RE.findall(text)
    st.words = len(words)
    # counted without a Python loop: a word with å/ä/ö is one not disjoint from them; a function
    # word has at most 6 letters and lower case never shortens a word, so no length test is needed
    st.diacritic_words = len(words) - sum(map(_DIACRITICS.isdisjoint, words))
    st.function_words = sum(map(_SWEDISH_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    if marks or st.diacritic_rate < 0.12:
        st.ocr_marks = len(_OCR_MARK_RE.findall(text))
    return st


# --------------------------------------------------------------------------- candidates
@dataclass
class _Context:
    """Per-document state of one repair run."""
    doc_forms: dict[str, set[str]] = field(default_factory=dict)   # folded word -> spellings with åäö
    cache: dict[tuple, list[tuple[str, float, int]]] = field(default_factory=dict)
    # second pass: the document's text after the first pass (lower case), used to settle near-ties
    # ("vard": "vård" or "värd"?) by which restored stem the document uses more ("sjukvård", ...)
    vote_text: str | None = None
    # memos of pure per-token results (the lexicons do not change during a run)
    orig_scores: dict[str, tuple[float, bool, bool]] = field(default_factory=dict)
    compounds: dict[tuple[str, int, str | None], tuple[str, float, int] | None] = field(default_factory=dict)
    part_forms: dict[tuple[str, str | None], list[tuple[str, float, int]]] = field(default_factory=dict)
    restorable: dict[str, bool] = field(default_factory=dict)     # damage confirmation per token
    doc_forms_by_len: dict[int, list[str]] | None = None           # doc_forms' spellings by length
    glyph_fixed: set[str] = field(default_factory=set)            # tokens made by glyph mapping
    doc_forms_text: str | None = None       # the document text doc_forms was read from
    stats: dict[str, DamageStats] = field(default_factory=dict)     # damage_stats by text
    words_text: str | None = None           # the text ``words`` was read from
    words: list[str] = field(default_factory=list)
    split_text: str | None = None           # the text ``split_words`` (``str.split``) was read from
    split_words: list[str] = field(default_factory=list)
    decisions: dict[tuple, tuple[str, str] | None] = field(default_factory=dict)   # _decide memo
    # _token_info by damaged (False/True) and token
    token_info: tuple[dict, dict] = field(default_factory=lambda: ({}, {}))


def fold(word: str) -> str:
    """Lower case with å/ä → a, ö → o, é → e."""
    return word.lower().replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")


def _variants(token: str, hard: bool) -> list[tuple[str, int]]:
    """Known lower-case restorations of ``token`` (dictionary words, names, places, and plain words
    for glyph damage like "1an" → "lan") with the number of hard substitutions used.

    Each position allows a set of letters (``a`` → a/ä/å, ``é`` → é/ö/ä/å, ``&`` → ä/å, hard:
    ``d`` → ä/å/ö ...). All letters allowed at a position share one coarse symbol
    (:data:`~govgraph.loaders.lexicon.COARSE`), so every known spelling that fits lies in the
    bucket of the token's coarse key (:func:`~govgraph.loaders.lexicon.variant_buckets`): one lookup
    per base instead of one per combination of folded letters; the spellings found there are
    checked position by position. The spellings without å/ä/ö/é are not in the buckets: a glyph
    has at most one plain reading (but a first capital I), looked up in the word lists directly.

    The token's own lower case is never returned (every caller drops it): most tokens are known
    words as written, and then nothing else needs checking.
    """
    if (_PRE_ALL_RE if hard else _PRE_SOFT_RE).search(token) is None:
        bases: dict[str, int] = {token: 0}     # no pattern of ``pre`` occurs: the common case
    else:
        bases = {token: 0}
        for a, b in _PRE + _PRE_HARD if hard else _PRE:
            # every base derives from ``token`` by these replacements, and no replacement creates a
            # new occurrence of a pattern (each yields å/ä/ö or "Lä"/"lä"), so ``a in token`` is
            # the same as "some base contains ``a``"
            if a not in token:
                continue
            # "rn" → "m", "cl" → "d" count twice: never combined with another hard reading
            cost = (2 if a in ("rn", "cl") else 1) if (a, b) in _PRE_HARD else 0
            for base, c0 in list(bases.items()):
                if a in base and base.replace(a, b) not in bases:
                    bases[base.replace(a, b)] = c0 + cost
    buckets, mask = variant_buckets()
    lex = swedish_lexicon()
    words, freq = lex.words, lex.freq
    out: list[tuple[str, int]] = []
    seen: set[str] = {token.lower()}      # (the token as written: left out)
    for base, c0 in bases.items():
        if c0 > 2:
            continue
        low = base.lower()
        n = len(base)
        if len(low) != n:           # a letter lower-cased to two: look up its folded keys
            first, inner = _OPTION_TABLES[hard]
            opts = [first[base[0]], *map(inner.__getitem__, base[1:])]
            if math.prod([len(o[2]) for o in opts]) <= _MAX_COMBOS:
                out.extend(_variants_by_keys(base, c0, opts, seen))
            continue
        coarse = low.translate(COARSE)
        # the spellings with å/ä/ö/é: the bucket of the coarse key (a first capital I may be read
        # as i or l, different coarse symbols: both buckets)
        found = buckets[hash(coarse) & mask]
        forms = found.split("|") if found is not None else []
        if hard and base[0] == "I":
            found = buckets[hash("l" + coarse[1:]) & mask]
            if found is not None:
                forms += found.split("|")
        # the spellings without: each glyph has at most one plain reading ("1"/"|" → l), but for
        # a first capital I (i, or hard: l), and none when a glyph is only read with å/ä/ö/é
        if _NO_PLAIN.isdisjoint(low):
            plain = low.translate(_PLAIN_READING) if "1" in low or "|" in low else low
            for p in (plain, "l" + plain[1:]) if hard and base[0] == "I" else (plain,):
                # a known word (``SwedishLexicon.exists``) in lower case (or with no letters)
                if p not in seen and (p in words or freq.get(p, 0) >= 250) \
                        and (p.islower() or not any(c.isalpha() for c in p)):
                    forms.append(p)
        if not forms:
            continue
        first, inner = _OPTION_TABLES[hard]     # a capital I is a hard "l" only first
        opts = [first[base[0]], *map(inner.__getitem__, base[1:])]
        # more than _MAX_COMBOS combinations of folded letters: too ambiguous (at most 3 per
        # letter, so only a word of 6 letters or more can have that many)
        if n > 5 and math.prod([len(o[2]) for o in opts]) > _MAX_COMBOS:
            continue
        for form in forms:
            if len(form) != n or form in seen:
                continue
            n_hard = _hard_readings(form, opts, c0)
            if n_hard <= 2:
                seen.add(form)
                out.append((form, n_hard))
    return out


def _hard_readings(form: str, opts: list[tuple[str, str, str]], c0: int) -> int:
    """How many hard readings (on top of ``c0``) spell ``form`` from the glyphs whose options are
    ``opts`` (soft, hard, key letters per glyph); 99 when a letter is no reading of its glyph."""
    n_hard = c0
    for c, (sft, hrd, _) in zip(form, opts):
        if c in sft:
            continue
        if c in hrd:
            n_hard += 1
        else:
            return 99
    return n_hard


def _variants_by_keys(base: str, c0: int, opts: list[tuple[str, str, str]],
                      seen: set[str]) -> Iterable[tuple[str, int]]:
    """:func:`_variants` of one base by enumerating its folded lookup keys (for the rare base the
    coarse key does not fit: a letter whose lower case is two letters)."""
    index, lex = restoration_index(), swedish_lexicon()
    words, freq = lex.words, lex.freq
    key_opts = [o[2] for o in opts]
    for key in map("".join, itertools.product(*key_opts)):
        found = index.get(key)
        forms = found.split("|") if found else []
        if key in words or freq.get(key, 0) >= 250:      # lex.exists(key)
            forms.append(key)
        for form in forms:
            if form in seen or len(form) != len(base):
                continue
            n_hard = _hard_readings(form, opts, c0)
            if n_hard <= 2:
                seen.add(form)
                yield form, n_hard


# the glyphs with no reading but å/ä/ö/é (after lower case), and the plain readings of the others
# that differ from their lower case (see ``_SOFT``, ``_HARD``)
_NO_PLAIN = frozenset("åäöé&36")
_PLAIN_READING = str.maketrans("1|", "ll")
_PRE_SOFT_RE = re.compile("|".join(re.escape(a) for a, _ in _PRE))
_PRE_ALL_RE = re.compile("|".join(re.escape(a) for a, _ in _PRE + _PRE_HARD))


class _OptionTable(dict):
    """glyph -> :func:`_char_options` (filled on first use: a constant fact about one character)."""

    def __init__(self, hard: bool, inner: bool) -> None:
        super().__init__()
        self.hard, self.inner = hard, inner

    def __missing__(self, ch: str) -> tuple[str, str, str]:
        opts = self[ch] = _char_options(ch, self.hard and not (self.inner and ch == "I"))
        return opts


# hard -> (options of the first letter, options of the other letters)
_OPTION_TABLES = {hard: (_OptionTable(hard, False), _OptionTable(hard, True)) for hard in (False, True)}


@lru_cache(maxsize=4096)
def _char_options(ch: str, hard: bool) -> tuple[str, str, str]:
    """(soft letters, extra hard letters, folded lookup-key letters) allowed for glyph ``ch``."""
    soft = _SOFT.get(ch) or ch.lower()
    extra = "".join(c for c in _HARD[ch] if c not in soft) if hard and ch in _HARD else ""
    return soft, extra, "".join(sorted({_fold_char(c) for c in soft + extra}))


_SOFT_GLYPHS = frozenset(_SOFT)
_HARD_GLYPHS = frozenset("di")


def _only_itself(token: str, hard: bool) -> bool:
    """Cheap: :func:`_variants` can find no spelling of ``token`` but the token itself, because no
    letter of it has another reading (``_SOFT``; hard: ``_HARD``, the capital I only first) and no
    pattern of ``_PRE``/``_PRE_HARD`` occurs (each contains such a letter, or is "rn"/"cl")."""
    if not _SOFT_GLYPHS.isdisjoint(token):
        return False
    if hard and (not _HARD_GLYPHS.isdisjoint(token) or token[:1] == "I" or "rn" in token or "cl" in token):
        return False
    return len(token.lower()) == len(token)        # (a letter lower-cased to two has two readings)


def _fold_char(c: str) -> str:
    return {"å": "a", "ä": "a", "ö": "o", "é": "e"}.get(c, c)


def _candidates(token: str, hard: bool, ctx: _Context, proper: bool = False,
                orig_is_name: bool = False) -> list[tuple[str, float, int]]:
    """Known restorations of ``token``: (lower-case form, score, hard substitutions), best first.

    Hard substitutions (d/i → ä, I → l) are only used when no ordinary restoration is known.
    ``proper``: a capitalised word inside a sentence — prefer names and places.
    ``orig_is_name``: the word as written is a name, so a candidate needs real frequency evidence.
    """
    key = (token, hard, proper, orig_is_name)
    cached = ctx.cache.get(key)
    if cached is not None:
        return cached
    if _only_itself(token, hard):
        ctx.cache[key] = []
        return []
    low = token.lower()
    variants = _variants(token, hard)
    if not variants or len(variants) == 1 and variants[0][0] == low:
        ctx.cache[key] = []     # no spelling but the token itself (the common case)
        return []
    lex, names = swedish_lexicon(), name_lexicon()
    words, freq, given_names = lex.words, lex.freq, names.given
    title = token[:1].isupper() or token[:1] in "|1"
    found: dict[str, tuple[float, int, bool]] = {}
    for cand, n_hard in variants:
        if cand == low or cand in found:
            continue
        cased = cand[:1].upper() + cand[1:]
        f = freq.get(cand, 0)
        score = f / 100.0                                   # lex.zipf(cand)
        known = f >= 250 or cand in words                   # lex.exists(cand)
        is_proper = title and (cased in given_names or cased in names.surnames or cased in names.places)
        if is_proper:
            known = True
            given = given_names.get(cased, 0)
            if given:
                score = max(score, _count_zipf(given))
            elif score == 0 and not orig_is_name:
                score = 0.8
        elif known and score == 0:
            score = 1.0
        if not known or (orig_is_name and score == 0):
            continue
        if cand in ctx.doc_forms.get(fold(cand), ()):
            score += 2.0
        found[cand] = (score - 0.3 * n_hard, n_hard, is_proper)
    if any(h == 0 for _, h, _ in found.values()):
        # a hard reading stays only when far more frequent than every plain one ("orn": om, not örn)
        top = max(s for s, h, _ in found.values() if h == 0)
        found = {c: v for c, v in found.items() if v[1] == 0 or v[0] >= top + 2.0}
    if proper and any(p for _, _, p in found.values()):
        found = {c: v for c, v in found.items() if v[2]}
    out = sorted(((c, s, h) for c, (s, h, _) in found.items()), key=lambda x: (-x[1], x[0]))
    ctx.cache[key] = out
    return out


def _plain_word(part: str) -> bool:
    lex = swedish_lexicon()
    return len(part) >= 3 and (part in lex.words or lex.freq.get(part, 0) >= 300)     # zipf >= 3.0


def _valid_compound(low: str, depth: int = 0) -> bool:
    """``low`` splits into known words as written (with linking s): "vaccinations|tider"."""
    for i in range(3, len(low) - 2):
        left, right = low[:i], low[i:]
        if not (_plain_word(left) or (left.endswith("s") and _plain_word(left[:-1]))):
            continue
        if _plain_word(right) or (depth == 0 and _valid_compound(right, 1)):
            return True
    return False


def _part_forms(part: str, ctx: _Context) -> list[tuple[str, float, int]]:
    """Spellings of one compound part (memoised per pass; see :func:`_part_forms_uncached`)."""
    key = (part, ctx.vote_text)              # the votes depend on the text of this pass
    forms = ctx.part_forms.get(key)
    if forms is None:
        forms = ctx.part_forms[key] = _part_forms_uncached(part, ctx)
    return forms


def _part_forms_uncached(part: str, ctx: _Context) -> list[tuple[str, float, int]]:
    """Spellings of one compound part: (form, score, change) — as written when it is a word
    (change 0), and its best restoration when there is an unambiguous one (1 = å/ä/ö restored,
    2 = a hard substitution was needed)."""
    lex = swedish_lexicon()
    out: list[tuple[str, float, int]] = []
    plain = _plain_word(part)
    if plain:
        out.append((part, max(lex.zipf(part), 1.0), 0))
    if len(part) < 4 or not plain and _no_hard_variant(part):
        return out
    cands = _candidates(part, not plain, ctx)
    if cands and len(cands) > 1 and cands[0][1] - cands[1][1] < 0.3 and ctx.vote_text is not None:
        voted = _vote_pick(cands[0][0], cands[1][0], ctx)      # "vard|hygien": vård or värd?
        cands = [c for c in cands[:2] if c[0] == voted]
    if cands and (len(cands) == 1 or cands[0][1] - cands[1][1] >= 0.3):
        form, score, n_hard = cands[0]
        if score >= 2.5 and not (n_hard and (score < 3.0 or len(part) < 5)) \
                and not (out and score < out[0][1]):
            out.append((form, score, 2 if n_hard else 1))
    return out


def _no_hard_variant(part: str) -> bool:
    """Cheap, for a lower-case compound part (most are no word and have no restoration): True when
    ``_variants(part, True)`` is empty because no pattern of ``_PRE``/``_PRE_HARD`` occurs (the part
    is its only base), the bucket of its coarse key is empty (no spelling with å/ä/ö/é) and its
    one plain reading is no known word."""
    if _PRE_ALL_RE.search(part):
        return False
    buckets, mask = variant_buckets()
    if buckets[hash(part.translate(COARSE)) & mask] is not None:
        return False
    if not _NO_PLAIN.isdisjoint(part):
        return True
    lex = swedish_lexicon()
    p = part.translate(_PLAIN_READING)
    return not ((p in lex.words or lex.freq.get(p, 0) >= 250)
                and (p.islower() or not any(c.isalpha() for c in p)))


def _restores_to_marked(low: str) -> bool:
    """``fold(low)`` is the folded key of a known spelling with å/ä/ö/é (one of
    :func:`~govgraph.loaders.lexicon.restoration_index`), for a lower-case word. Such a spelling
    differs from ``low`` only by å/ä ~ a, ö ~ o and é ~ e; all but e have the coarse symbol of their
    partners, so it lies in the bucket of one of the coarse keys with each "e"/"é" of ``low`` read
    either way."""
    buckets, mask = variant_buckets()
    key = fold(low)
    coarse = low.translate(COARSE)
    spots = [i for i, c in enumerate(low) if c in "eé"]
    for choice in itertools.product("e*", repeat=len(spots)):
        chars = list(coarse)
        for i, c in zip(spots, choice):
            chars[i] = c
        found = buckets[hash("".join(chars)) & mask]
        if found is not None and any(fold(f) == key for f in found.split("|")):
            return True
    return False


def _compound(token: str, ctx: _Context, depth: int = 0) -> tuple[str, float, int] | None:
    """Part-by-part restoration of an unknown compound (memoised per pass; see below)."""
    key = (token, depth, ctx.vote_text)      # the votes depend on the text of this pass
    try:
        return ctx.compounds[key]
    except KeyError:
        found = ctx.compounds[key] = _compound_uncached(token, ctx, depth)
        return found


def _compound_uncached(token: str, ctx: _Context, depth: int = 0) -> tuple[str, float, int] | None:
    """Restore an unknown compound part by part: ``lansgemensamma`` → ``länsgemensamma``.

    Splits are ranked by their weakest part's frequency (then by the parts' total). Returns
    (form, weakest part's score, change: 1 = å/ä/ö restored, 2 = a hard substitution was needed),
    or None when no split gives known parts or the word splits at least as well into known parts
    as written ("vaccinations|tider"; a hard restoration must win by 1.0).
    """
    low = token.lower()
    if len(low) < 7 or not low.isalpha():
        return None
    first = 3 if depth == 0 else 4
    best: tuple | None = None   # weakest, -hard parts, total, linking s, form, change
    best_plain = -9.0
    plain_splits: list[tuple[str, str]] = []     # scored only when some split restores a part
    for i in range(first, len(low) - 3):
        left, right = low[:i], low[i:]
        lefts = [(f, sc, ch, 0) for f, sc, ch in _part_forms(left, ctx)]
        if left.endswith("s") and len(left) > 4:      # linking s: "nutrition|s|vårds..."
            lefts += [(f + "s", sc, ch, 1) for f, sc, ch in _part_forms(left[:-1], ctx)]
        if not lefts:
            continue
        rights = list(_part_forms(right, ctx))      # a copy: the memo's list is extended below
        if depth == 0 and i >= 4 and not _plain_word(right):
            sub = _compound(right, ctx, 1)      # three parts: "läns|dels|grupperna"
            if sub:
                rights.append(sub)
            if lefts and any(ch for _, _, ch, _ in lefts):
                plain_parts = _plain_parts_score(right)     # "läns|dels|grupp": only the first changed
                if plain_parts > -9.0:
                    rights.append((right, plain_parts, 0))
        for lf in lefts:
            for rf in rights:
                changed = max(lf[2], rf[2])
                score = min(lf[1], rf[1])
                if not changed:
                    best_plain = max(best_plain, score)
                    continue
                key = (score, -(lf[2] == 2) - (rf[2] == 2), lf[1] + rf[1], lf[3], lf[0] + rf[0], changed)
                if best is None or key[:4] > best[:4]:
                    best = key
        if depth == 0:
            plain_splits.append((left, right))
    if best is None:
        return None
    for left, right in plain_splits:
        best_plain = max(best_plain, _plain_split_score(left, right))
    if best[0] < best_plain + (1.0 if best[5] == 2 else 0.0):
        return None
    return best[4], best[0], best[5]


_SPLIT_PAIR_RE = re.compile(r"(?<![\w&|])([A-ZÅÄÖa-zåäöé]{2,}) ([a-zåäöé]{2,})(?![\w&|])")


def _orig_scored(token: str, ctx: _Context) -> tuple[float, bool, bool]:
    """:func:`_orig_score` of a token, memoised for the document run."""
    scored = ctx.orig_scores.get(token)
    if scored is None:
        scored = ctx.orig_scores[token] = _orig_score(token)
    return scored


def _join_edits(text: str, ctx: _Context) -> list[_Edit]:
    """A word split by a stray space ("ers attare", "styrn ing"): two pieces, one of them no word,
    name or restorable word as written, that together are a word (as written or restored; never
    a compound of two words: "kommunstyrelsens forslag")."""
    lex = swedish_lexicon()
    edits: list[_Edit] = []
    pos = 0
    while True:
        m = _SPLIT_PAIR_RE.search(text, pos)
        if not m:
            return edits
        a, b = m.group(1), m.group(2)
        pos = m.start(2)            # the second piece may start the next pair
        if a[1:] != a[1:].lower() or a.lower() in _SWEDISH_FUNCTION_WORDS or b in _SWEDISH_FUNCTION_WORDS:
            continue
        # one piece is nothing: no word, name or restorable word as written (a lost letter is no split);
        # asked first: the pieces are tokens the word repair scores anyway (memoised), and most
        # pairs are two known words
        unknown = []
        for w in (a, b):
            sc = _orig_scored(w, ctx)
            if not (sc[1] or sc[2] or sc[0] >= 2.5):
                unknown.append(w)
        if not unknown:
            continue
        joined = a + b
        low = joined.lower()
        # (both tests are pure; the pieces' candidates first: they are memoised for the word repair)
        if all(_candidates(w, True, ctx) for w in unknown):
            continue
        if not (lex.is_word(low) or _restores_to_marked(low)):     # no word could come of it
            continue
        ok = lex.is_word(low) and lex.zipf(low) >= 2.5
        if not ok:
            cands = _candidates(joined, False, ctx)
            ok = bool(cands) and cands[0][1] >= 3.0
        if ok:
            edits.append(_Edit(m.start(), m.end(), joined, "join-split"))
            pos = m.end()


_GLUE_HEADS = ("att", "och", "ett", "en")
_GLUE_TAILS = ("och", "att", "av", "om")


def _glued_split(token: str, ctx: _Context) -> str | None:
    """An unknown word that is a known word glued to a function word, the space lost in OCR:
    "Valav" → "Val av", "Ansokanom" → "Ansökan om", "Attstyrgruppen" → "Att styrgruppen". The
    other part must be a word as written (or restored, or a compound of known words)."""
    low = token.lower()
    if not low.isalpha() or len(low) < 5:
        return None
    for tail in _GLUE_TAILS:
        if low.endswith(tail) and len(low) - len(tail) >= 3:
            head = _glue_part(token[:-len(tail)], ctx)
            # a capitalised word may be an unknown name ("Kromom"): its head must be a common word
            if head and not (token[:1].isupper() and swedish_lexicon().zipf(head.lower()) < 4.0):
                return f"{head} {token[-len(tail):]}"
    for head in _GLUE_HEADS:
        if low.startswith(head) and len(low) - len(head) >= 4:
            rest = _glue_part(token[len(head):], ctx)
            if rest and rest[:1].islower():
                return f"{token[:len(head)]} {rest}"
    return None


def _glue_part(part: str, ctx: _Context) -> str | None:
    """``part`` as a known word: as written, restored (one clear candidate) or a known compound."""
    lex = swedish_lexicon()
    low = part.lower()
    if lex.is_word(low) and lex.zipf(low) >= 3.0:
        return part
    cands = _candidates(part, False, ctx)
    if cands and cands[0][1] >= 3.0 and (len(cands) == 1 or cands[0][1] - cands[1][1] >= 0.5):
        return _case_like(cands[0][0], part)
    if len(low) >= 8 and _valid_compound(low):
        return part
    return None


def _plain_parts_score(word: str) -> float:
    """Weakest part's frequency when ``word`` splits into two known words as written, with a linking
    s allowed ("dels|grupp"), best split; -9 when it does not."""
    lex = swedish_lexicon()
    best = -9.0
    for j in range(3, len(word) - 2):
        a, b = word[:j], word[j:]
        a = a if _plain_word(a) else (a[:-1] if a.endswith("s") and _plain_word(a[:-1]) else None)
        if a and _plain_word(b):
            best = max(best, min(max(lex.zipf(a), 1.0), max(lex.zipf(b), 1.0)))
    return best


def _plain_split_score(left: str, right: str) -> float:
    """Weakest part's frequency when ``left|right`` are known words as written (else -9)."""
    lex = swedish_lexicon()
    heads = [h for h in (left, left[:-1] if left.endswith("s") else "") if h and _plain_word(h)]
    if not heads:
        return -9.0
    head = max(heads, key=lex.zipf)
    if _plain_word(right):
        return min(max(lex.zipf(head), 1.0), max(lex.zipf(right), 1.0))
    for j in range(3, len(right) - 2):
        a, b = right[:j], right[j:]
        a = a if _plain_word(a) else (a[:-1] if a.endswith("s") and _plain_word(a[:-1]) else None)
        if a and _plain_word(b):
            return min(max(lex.zipf(head), 1.0), max(lex.zipf(a), 1.0), max(lex.zipf(b), 1.0))
    return -9.0


def _count_zipf(count: int) -> float:
    """A rough Zipf value for a name borne by ``count`` people (comparable to word frequencies)."""
    import math
    return max(1.0, min(5.5, math.log10(max(count, 1)) - 0.5))


def _orig_score(token: str) -> tuple[float, bool, bool]:
    """(score, is a dictionary word, is a known name) of the word as written."""
    lex, names = swedish_lexicon(), name_lexicon()
    if not _GARBAGE_CHARS.isdisjoint(token):
        return -1.0, False, False
    low = token.lower()
    is_word = low in lex.words                              # lex.is_word(low)
    score = lex.freq.get(low, 0) / 100.0                    # lex.zipf(low)
    is_name = _is_title(token) and (token in names.given or token in names.surnames or token in names.places)
    if is_name and token in names.given:
        score = max(score, _count_zipf(names.given[token]))
    return score, is_word, is_name


def _given_name_repair(token: str, ctx: _Context) -> tuple[str, str] | None:
    """A first name before a surname ("Hakan Persson", "Osten Berg"): compare how many people bear
    each spelling (SCB), not word frequencies ("hakan" and "osten" are also words)."""
    given = name_lexicon().given
    best = None
    for cand, _, n_hard in _candidates(token, False, ctx):
        cased = cand[:1].upper() + cand[1:]
        if n_hard == 0 and given.get(cased, 0) and (best is None or given[cased] > given[best]):
            best = cased
    if best and _count_zipf(given[best]) >= _count_zipf(given.get(token, 1)) + 1.0 \
            and given[best] >= 1000:
        return best, "lexicon-name"
    return None


def _decide(token: str, damaged: bool, ctx: _Context, proper: bool = False,
            before_name: bool = False, lone: bool = False) -> tuple[str, str] | None:
    """The repaired spelling of one token and the reason, or None to keep it.

    ``before_name``: a capitalised word followed by another capitalised word (a first name?).
    ``lone``: a capitalised word between lower-case words (no name before or after it).

    Memoised for the document run: the answer depends only on the arguments (``before_name`` only
    for a capitalised word in the first pass, ``lone`` only with ``proper``), the pass
    (``ctx.vote_text``) and whether the token came from glyph mapping (``ctx.glyph_fixed``).
    """
    key = (token, damaged, proper, before_name and ctx.vote_text is None and _is_title(token),
           lone and proper, ctx.vote_text, token in ctx.glyph_fixed)
    try:
        return ctx.decisions[key]
    except KeyError:
        decision = ctx.decisions[key] = _decide_uncached(token, damaged, ctx, proper, before_name, lone)
        return decision


def _decide_uncached(token: str, damaged: bool, ctx: _Context, proper: bool = False,
                     before_name: bool = False, lone: bool = False) -> tuple[str, str] | None:
    """:func:`_decide` without the memo."""
    if before_name and damaged and _is_title(token) and ctx.vote_text is None:
        named = _given_name_repair(token, ctx)
        if named:
            return named
    s0, is_word, is_name = _orig_scored(token, ctx)
    garbage = s0 < 0
    if ctx.vote_text is not None and not garbage and (is_word or is_name):
        return None     # the second pass only votes on unknown words and builds compounds of them
    unknown = not garbage and not is_word and not is_name and s0 < 2.5
    cands = _candidates(token, hard=garbage or unknown, ctx=ctx, proper=proper,
                        orig_is_name=is_name and not is_word)
    plain = _glyph_mapped(token) if garbage and damaged else None
    if plain and token[0] in "63" and name_lexicon().is_place(plain[0].upper() + plain[1:]):
        plain = plain[0].upper() + plain[1:]        # "6rebro" is "Örebro"
        return _decide(plain, damaged, ctx, proper) or (plain, "ocr-glyph")
    if plain:
        # a glyph read for a letter ("Va|", "f6rbundschef", "n3mnd"): the plain reading first
        p_score, p_word, p_name = _orig_score(plain)
        if (p_word and p_score >= 3.0 or p_name) and \
                not (cands and cands[0][0] != plain.lower() and cands[0][1] >= p_score + 1.5):
            return plain, "ocr-glyph"           # "Va|" is "Val", not "Väl"
        if not cands:
            ctx.glyph_fixed.add(plain)
            return _decide(plain, damaged, ctx, proper) or (plain, "ocr-glyph")
    if not cands:
        # compounds wait for the second pass, when the document's votes can settle near-ties
        if damaged and unknown and ctx.vote_text is not None and \
                (_DIACRITICS.isdisjoint(token) or token in ctx.glyph_fixed):
            comp = _compound(token, ctx)
            if comp:
                return _case_like(comp[0], token), "lexicon-compound"
            glued = None if proper else _glued_split(token, ctx)     # "Kromom" inside a sentence: a name
            if glued:
                return glued, "split-glued"
        return None
    best, score, _ = cands[0]
    second = cands[1][1] if len(cands) > 1 else -9.0
    if proper and is_name and not _is_proper_form(best) and not (
            damaged and lone and score >= s0 + 2.5 and name_lexicon().given.get(token, 0) < 200):
        # a name inside a sentence stays a name ("Anda Embretzen" is not "Ändå"), unless it is a
        # rare first name alone among lower-case words and the word is far more frequent ("för Nara vård")
        return None
    if ctx.vote_text is not None:
        return _vote(token, cands, s0, is_word, is_name, ctx) if damaged else None
    in_doc = best in ctx.doc_forms.get(fold(best), ())
    if not damaged:
        # undamaged text: a capitalised word the same document spells with å/ä/ö, or an OCR glyph
        # inside a word ("Ordférande", "p&") with one clear known restoration; never a word
        glyph = garbage or ("é" in token and not is_word and not is_name)
        if in_doc and _is_title(token) and not is_word and not swedish_lexicon().is_word(token.lower()):
            reason = "document-name"
        elif glyph and _GLYPH_TOKEN_RE.search(token) and cands[0][2] == 0 and score - second >= 0.5 \
                and score >= 3.0:
            reason = "lexicon-glyph"
        else:
            return None
    elif garbage:
        if score - second < 0.3:
            return None
        reason = "document-name" if in_doc else "lexicon"
    else:
        margin = 1.5 if is_word else (1.0 if is_name else 0.5)
        if score < s0 + margin or score - second < 0.3:
            return None
        reason = "document-name" if in_doc else "lexicon"
    return _case_like(best, token), reason


_GLYPH_LETTERS = str.maketrans({"6": "ö", "3": "ä", "1": "l", "|": "l"})
_GLYPH_INSIDE_RE = re.compile(r"[^\W\d_][6319|]|[6319|][^\W\d_]")


def _glyph_mapped(token: str) -> str | None:
    """``token`` with its digit/bar glyphs read as the letters OCR takes them for (6 → ö, 3 → ä,
    1 and | → l), when that leaves only letters and the glyph touches a letter; else None."""
    if not _GLYPH_INSIDE_RE.search(token):
        return None
    plain = token.translate(_GLYPH_LETTERS)
    return plain if plain.isalpha() and plain[1:].islower() else None


def _is_proper_form(word: str) -> bool:
    names = name_lexicon()
    cased = word[:1].upper() + word[1:]
    return names.is_name(cased) or names.is_place(cased)


def _vote(token: str, cands: list[tuple[str, float, int]], s0: float, is_word: bool, is_name: bool,
          ctx: _Context) -> tuple[str, str] | None:
    """Second pass: settle a near-tie between the two best restorations of an unknown word by how
    often the document (already repaired) uses each as a stem: at least 3 times and 3 times more."""
    if is_word or is_name or len(cands) < 2 or len(cands[0][0]) < 3:
        return None
    (a, sa, _), (b, sb, _) = cands[0], cands[1]
    if sa - sb >= 0.3 or sb < 0.5 * sa or len(cands) > 2 and cands[2][1] > sb - 0.3:
        return None
    voted = _vote_pick(a, b, ctx)
    return (_case_like(voted, token), "document-vote") if voted else None


def _vote_pick(a: str, b: str, ctx: _Context) -> str | None:
    """The one of two spellings the (repaired) document uses at least 3 times and 3 times more."""
    text = ctx.vote_text or ""
    va, vb = text.count(a), text.count(b)
    for form, v, w in ((a, va, vb), (b, vb, va)):
        if v >= 3 and v >= 3 * w:
            return form
    # then as a word or the end of a compound only (inflected: "-en", "-s"): "sjukvården",
    # "primärvård" vote for "vård"; "utvärdering", "värdkommun" do not vote for "värd"
    va, vb = (len(re.findall(rf"{re.escape(f)}(?:en|ens|s)?(?![^\W\d_])", text)) for f in (a, b))
    for form, v, w in ((a, va, vb), (b, vb, va)):
        if v >= 3 and v >= 3 * w:
            return form
    return None


# --------------------------------------------------------------------------- steps
def _mojibake_edits(text: str) -> list[_Edit]:
    edits = []
    for m in _MOJIBAKE_RE.finditer(text):
        try:
            fixed = m.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        edits.append(_Edit(m.start(), m.end(), fixed, "encoding-mojibake", "encoding"))
    return edits


def _encoding_edits(text: str, ctx: _Context) -> list[_Edit]:
    """Words with å/ä/ö/é written as "?" or U+FFFD: the known restoration, if one clearly wins.

    Near-ties wait for the second pass (``ctx.vote_text`` set), where the document's own usage
    decides; "?r" after "per", "nästa", a number ... is "år".
    """
    lex, names = swedish_lexicon(), name_lexicon()
    skip = _skip_spans(text)
    edits = []
    prev = None
    for m in _ENC_WORD_RE.finditer(text):
        tok = m.group()
        bad = [i for i, c in enumerate(tok) if c in "?\ufffd"]
        if not bad or len(bad) > 3 or len(tok) - len(bad) < 1 or _inside(skip, m.start(), m.end()):
            prev = tok
            continue
        letters = [c for c in tok if c.isalpha()]
        shouting = bool(letters) and all(c.isupper() for c in letters) and (len(letters) > 1 or bad[0] == 0)
        if shouting and len(tok) <= 4:      # "?K": an abbreviation (ÖK? ÅK?) cannot be told
            prev = tok
            continue
        before = text[:m.start()].rstrip()
        initial = not before or before[-1] in ".!?"
        scored: list[tuple[float, str]] = []
        for combo in itertools.product("åäöé", repeat=len(bad)):
            chars = list(tok)
            for i, c in zip(bad, combo):
                chars[i] = c
            cand = "".join(chars)
            low = cand.lower()
            cap = low[:1].upper() + low[1:]
            # a capital where the word is a place, or a name that is no common word ("Åsa"), or
            # a name after a given name ("Anna B?rk" → "Björk"; "h?lla ?ver tid" stays "över")
            upper_start = bad[0] == 0 and len(tok) > 1 and tok[1:2].islower() and (
                names.is_place(cap) or names.is_name(cap) and (
                    not lex.is_word(low) or bool(prev and prev in names.given)))
            if lex.exists(low) or (cap == cand or upper_start) and (names.is_name(cap) or names.is_place(cap)):
                score = max(lex.zipf(low), 1.0)
                if low in ctx.doc_forms.get(fold(low), ()):
                    score += 2.0
                if shouting:
                    form = cand.upper()
                elif upper_start or (bad[0] == 0 and initial):
                    form = cand[:1].upper() + cand[1:]
                else:
                    form = cand
                scored.append((score, form))
        scored.sort(key=lambda x: (-x[0], x[1]))
        pick = None
        if scored and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.3):
            pick = scored[0][1]
        elif scored and ctx.vote_text is not None:
            voted = _vote_pick(scored[0][1].lower(), scored[1][1].lower(), ctx)
            pick = next((c for _, c in scored[:2] if c.lower() == voted), None)
        if pick and pick.lower() == "är" and _year_context(prev, text[m.end():]):
            pick = _case_like("år", pick)
        if pick:
            edits.append(_Edit(m.start(), m.end(), pick, "encoding-lexicon", "encoding"))
        prev = pick or tok
    return edits


def _section_edits(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "§", "encoding-section-sign", "encoding")
            for m in _ENC_SECTION_RE.finditer(text)]


def _dash_edits(text: str) -> list[_Edit]:
    edits = []
    for m in _DASH_GARBAGE_RE.finditer(text):
        word = re.search(rf"{_LETTER}+$", text[:m.start()])
        if word and word.group()[:1].isupper():
            edits.append(_Edit(m.start(), m.end(), "", "ocr-garbage"))
    return edits


def _split_name_parts(token: str) -> list[str] | None:
    from .. import reference
    parts = re.findall(r"[A-ZÅÄÖ][a-zåäöé]+", token)
    if len(parts) < 2 or len(parts) > 4 or any(len(p) < 2 for p in parts):
        return None
    if reference.is_given_name(token) or reference.is_surname(token):
        return None
    if not reference.is_given_name(parts[0]):
        return None
    if not all(reference.is_given_name(p) or reference.is_surname(p) for p in parts[1:]):
        return None
    return parts


def _camel_edits(text: str) -> list[_Edit]:
    edits = []
    for m in _CAMEL_RE.finditer(text):
        parts = _split_name_parts(m.group())
        if parts:
            edits.append(_Edit(m.start(), m.end(), " ".join(parts), "split-run-together"))
    return edits


# what _word_edits may do with a token, whatever its context (see _token_info)
_KEEP, _WORD, _HEADING, _BAR = range(4)


def _token_info(tok: str, damaged: bool, ctx: _Context) -> tuple[str, str | None, int, bool, bool]:
    """What :func:`_word_edits` reads from a token alone: (the token, with a capital I read as
    "l" where that applies; that reading or None; the kind — ``_KEEP`` no repair whatever the
    context, ``_WORD`` a word to decide, ``_HEADING`` an upper-case heading word, ``_BAR`` a lone
    "|"; the token is title case; it is one of ``_CONTEXT_WORDS``). Memoised per document in
    ``ctx.token_info``."""
    glyph_l = None
    if damaged and "I" in tok[1:]:
        # a capital I between lower-case letters or ending one is an OCR "l": "individuelI"
        # ("individuelI", "protokoI|"); inside a word only when that gives a known word or name
        # ("HalIefors" → "Hällefors"), never "McIntyre"
        fixed = _INNER_I_RE.sub("l", tok)
        if fixed != tok and not _INNER_CAPITAL_RE.search(fixed) and \
                (_FINAL_I_RE.search(tok) or _known_or_restorable(fixed, ctx)):
            tok = glyph_l = fixed
    if tok.isalpha():
        letters, digits = len(tok), []
    else:
        letters = sum(1 for c in tok if c.isalpha())
        digits = [c for c in tok if c.isdigit()]
    glyphs = letters + len(digits) + tok.count("|") + tok.count("&")
    if damaged and tok == "|":
        kind = _BAR
    elif damaged and len(tok) >= 5 and tok.isalpha() and tok.isupper():
        kind = _HEADING         # (never a _WORD: an upper-case word without digits or "|")
    elif (letters >= 1 and glyphs >= 2
          and all(c in "136" for c in digits) and (not digits or (glyphs >= 3 and letters >= 1))
          and not (len(tok) >= 2 and tok.isupper() and not digits and "|" not in tok)
          and not _INNER_CAPITAL_RE.search(tok)):
        kind = _WORD
    else:
        kind = _KEEP
    return tok, glyph_l, kind, _is_title(tok), tok.lower() in _CONTEXT_WORDS


def _word_edits(text: str, damaged: bool, ctx: _Context) -> list[_Edit]:
    """Lost-letter repairs for one line.

    What depends on a token alone is read once per document (:func:`_token_info`); the line
    around it (addresses, the words before and after) is only looked at for tokens that may change.
    """
    skip = _skip_spans(text)
    infos = ctx.token_info[damaged]
    edits: list[_Edit] = []
    prev: str | None = None
    for m in _TOKEN_RE.finditer(text):
        info = infos.get(m.group())
        if info is None:
            info = infos[m.group()] = _token_info(m.group(), damaged, ctx)
        tok, glyph_l, kind, title, context_word = info
        if kind == _KEEP or skip and kind != _BAR and _inside(skip, m.start(), m.end()):
            prev = tok
            continue
        if kind == _BAR:
            if text.count("|") == 1 and \
                    (not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".:!?") and \
                    _SPACE_LETTER_RE.match(text[m.end():m.end() + 2]):
                edits.append(_Edit(m.start(), m.end(), "I", "ocr-glyph"))
                prev = "I"
            else:
                prev = tok
            continue
        if kind == _HEADING:
            # an upper-case heading word ("NARVARANDE") is repaired as a common word, never a name
            low_decision = _decide(tok.lower(), damaged, ctx)
            if low_decision:
                edits.append(_Edit(m.start(), m.end(), low_decision[0].upper(), low_decision[1]))
            prev = tok
            continue
        # an abbreviation ("dr.", "pa.") is not a damaged word (a place context may still decide)
        abbreviation = len(tok) <= 3 and text[m.end():m.end() + 1] == "." and tok.isalpha()
        if abbreviation:
            decision = None
        elif title:
            # only a capitalised word depends on its place in the sentence (see _decide)
            before = text[:m.start()].rstrip()
            initial = not before or before[-1] in ".!?:;\"”“'«»(–—-" or bool(_LIST_MARK_RE.fullmatch(before))
            before_name = bool(_NEXT_TITLE_RE.match(text, m.end()))
            decision = _decide(tok, damaged, ctx, proper=not initial, before_name=before_name,
                               lone=not before_name and not (prev and prev[:1].isupper()))
        else:
            decision = _decide(tok, damaged, ctx)
        if abbreviation and damaged and tok.lower() == "ar" and _year_context(prev, ""):
            decision = ("år", "context-year")     # "per ar." ends a sentence
        if decision and decision[0].lower() == "är" and _year_context(prev, text[m.end():]):
            decision = (_case_like("år", tok), "context-year")
        if damaged and decision is None and context_word:
            decision = _context_word(tok, prev, text, m.end())
        if damaged and decision is None and title:
            decision = _place_before(tok, text, m.end(), ctx)
        if glyph_l and decision is None:
            decision = (glyph_l, "ocr-glyph")
        # (_place_context needs a capitalised place name before the word)
        if damaged and prev is not None and prev[:1].isupper() and text[m.start() - 1:m.start()] == " ":
            place = _place_context(prev, tok, ctx)
            if place and (decision is None or decision[0] != place):
                decision = (place, "context-place")
        if decision:
            edits.append(_Edit(m.start(), m.end(), decision[0], decision[1]))
            prev = decision[0]
        else:
            prev = tok
    return edits


_NEXT_TITLE_RE = re.compile(r"[ \t]+[A-ZÅÄÖ][a-zåäöé]")
_INNER_I_RE = re.compile(r"(?<=[a-zåäöé])I(?=[a-zåäöé|]|$)")
_FINAL_I_RE = re.compile(r"[a-zåäöé]I\|*$")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-zåäöA-ZÅÄÖ]+)")


_PLACE_TAILS = {"kommun": ("kommun",), "kommuns": ("kommuns",), "lan": ("län",), "lans": ("läns",),
                "län": ("län",), "läns": ("läns",), "stad": ("stad",), "stads": ("stads",)}


def _place_before(tok: str, text: str, end: int, ctx: _Context) -> tuple[str, str] | None:
    """``Are kommun`` → ``Åre kommun``: a restoration that makes a known place phrase with the next
    word ("kommun", "län", "stad"), when the word as written makes none."""
    nxt = _NEXT_WORD_RE.match(text, end)
    tails = _PLACE_TAILS.get(nxt.group(1).lower()) if nxt else None
    if not tails:
        return None
    phrases = name_lexicon().phrases
    if any(f"{tok} {t}".casefold() in phrases for t in tails):
        return None
    for cand, _, _ in _candidates(tok, hard=False, ctx=ctx):
        if any(f"{cand} {t}".casefold() in phrases for t in tails):
            return _case_like(cand, tok), "context-place"
    return None


def _known_or_restorable(token: str, ctx: _Context) -> bool:
    s0, is_word, is_name = _orig_score(token)
    return is_word or is_name or s0 >= 0 and bool(_candidates(token, True, ctx))


_CONTEXT_WORDS = frozenset(("fort", "at"))


def _context_word(tok: str, prev: str | None, text: str, end: int) -> tuple[str, str] | None:
    """Words that are also (rarer or foreign) words as written, settled by the next word:
    "fort vid" is "fört vid" ("Protokoll fört vid sammanträde"), "at" before a word is "åt"
    ("uppdrar åt förvaltningen"; "at" is no Swedish word)."""
    low = tok.lower()
    if low not in _CONTEXT_WORDS:
        return None
    nxt = _NEXT_WORD_RE.match(text, end)
    if not nxt:
        return None
    if low == "fort" and nxt.group(1).lower() == "vid":
        return _case_like("fört", tok), "context-phrase"
    if low == "at" and tok != "AT":
        return _case_like("åt", tok), "context-phrase"
    return None
_INNER_CAPITAL_RE = re.compile(r"[a-zåäöé][A-ZÅÄÖ]")
_SPACE_LETTER_RE = re.compile(r" [A-ZÅÄÖa-zåäö]")
_LIST_MARK_RE = re.compile(r"[\d.)(•*·e\s§-]*")
_YEAR_BEFORE = frozenset("per varje nästa förra samma ett många några flera två tre fyra fem sex "
                         "tio hela innevarande kommande".split())


def _year_context(prev: str | None, after: str) -> bool:
    """"ar"/"&r" means "år" (not "är") after a number or "per", "nästa", "ett" ..., before a year
    ("år 2023") or before "sedan"."""
    p = (prev or "").lower()
    return (p.isdigit() or p in _YEAR_BEFORE or bool(_YEAR_AFTER_RE.match(after)))


_YEAR_AFTER_RE = re.compile(r"\s*(?:(?:19|20)\d\d|sedan)\b")


def _place_context(prev: str, tok: str, ctx: _Context) -> str | None:
    """``Örebro lin`` → ``län``: a restoration that makes a known two-word place name."""
    phrases = name_lexicon().phrases
    if not prev[:1].isupper() or prev.casefold() not in _place_heads():
        return None
    for cand, _, _ in _candidates(tok, hard=True, ctx=ctx):
        if f"{prev} {cand}".casefold() in phrases:
            return _case_like(cand, tok)
    return None


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """First words (casefolded) of the known two-word place names: "örebro" of "örebro län"."""
    return frozenset(p.split(" ")[0] for p in name_lexicon().phrases if p.count(" ") == 1)


# --------------------------------------------------------------------------- document
def _doc_forms(doc: CleanDocument, ctx: _Context | None = None) -> dict[str, set[str]]:
    """Folded word -> the document's spellings of it with å/ä/ö (lower case); with ``ctx``, kept
    while the document's text stays the same."""
    text = doc.text
    if ctx is not None and ctx.doc_forms_text == text:
        return ctx.doc_forms
    forms: dict[str, set[str]] = {}
    words = _WORD_RE.findall(text) if ctx is None else _words_of(text, ctx)
    for w in itertools.filterfalse(_DIACRITICS.isdisjoint, words):     # the words with å/ä/ö
        forms.setdefault(fold(w), set()).add(w.lower())
    if ctx is not None:
        ctx.doc_forms_text = text
    return forms


def _words_of(text: str, ctx: _Context) -> list[str]:
    """``_WORD_RE.findall(text)``, kept while the document's text stays the same."""
    if ctx.words_text != text:
        ctx.words_text, ctx.words = text, _WORD_RE.findall(text)
    return ctx.words


def _damage_stats_of(text: str, ctx: _Context) -> DamageStats:
    """:func:`damage_stats` of ``text``, kept for the document run (asked again of the same text)."""
    st = ctx.stats.get(text)
    if st is None:
        st = ctx.stats[text] = damage_stats([text], words=_words_of(text, ctx))
    return st


def _confirm_damage(texts: list[str], ctx: _Context) -> bool:
    """Words unknown as written but known with å/ä/ö restored: at least 3 and 2 % of the words."""
    lex = swedish_lexicon()
    words = [w for w in _TOKEN_RE.findall("\n".join(texts))      # (no token spans a line break)
             if w.isalpha() or any(c.isalpha() for c in w)]
    need = max(3, 0.02 * min(len(words), 3000))
    hits = 0
    for w in words[:3000]:
        hit = ctx.restorable.get(w)
        if hit is None:
            hit = ctx.restorable[w] = _restorable(w, lex)
        hits += hit
        if hits >= need:
            return True          # confirmed: the rest of the words cannot change the answer
    return False


def _restorable(w: str, lex) -> bool:
    """``w`` is unknown as written (or carries an OCR glyph) but a word once å/ä/ö are restored."""
    low = w.lower()
    if len(low) < 3 or lex.is_word(low) and not any(c in _GARBAGE_CHARS or c == "é" for c in low):
        return False
    return any(lex.is_word(c) for c, _ in _variants(w, False) if c != low and _DIACRITIC_RE.search(c))


def _damaged_pages(doc: CleanDocument, ctx: _Context) -> set[int]:
    """Pages (page numbers) whose text is OCR-damaged; empty for clean documents (cheap path)."""
    whole = _damage_stats_of(doc.text, ctx)
    if whole.suspect_ocr() and _confirm_damage([line.text for line in doc.lines], ctx):
        return {line.page for line in doc.lines}
    pages: dict[int, list[str]] = {}
    for line in doc.lines:
        pages.setdefault(line.page, []).append(line.text)
    if len(pages) < 2:
        return set()
    out = set()
    for page, texts in pages.items():
        st = damage_stats(texts)
        if st.suspect_ocr() and _confirm_damage(texts, ctx):
            out.add(page)
    return out


def repair_document(doc: CleanDocument) -> CleanDocument:
    """Repair OCR and encoding damage in place (see module docstring); returns ``doc``."""
    if not doc.lines:
        return doc
    text = doc.text
    has_mojibake = "\u00c3" in text or "\u00c2" in text
    has_encoding = _has_encoding_damage(text)
    # run-together names, when the text has a lower-case letter before a capital anywhere (asked
    # after the names themselves, cheaper to find, and of them first: most contain such a pair)
    camel = set(_CAMEL_RE.findall(text))
    if camel and (any(map(_CAMEL_HINT_RE.search, camel)) or _CAMEL_HINT_RE.search(text)):
        camel = {t for t in camel if _split_name_parts(t)}
    else:
        camel = set()
    has_dash = bool(_DASH_HINT_RE.search(text)) and bool(_DASH_GARBAGE_RE.search(text))
    ctx = _Context()
    flags: set[str] = set()
    n_repairs = len(doc.repairs)

    if has_mojibake:
        for n, line in enumerate(doc.lines, 1):
            _apply_edits(doc, n, _mojibake_edits(line.text), flags)
        has_encoding = _has_encoding_damage(doc.text)
    if has_encoding:
        ctx.doc_forms = _doc_forms(doc, ctx)
        for n, line in enumerate(doc.lines, 1):
            _apply_edits(doc, n, _encoding_edits(line.text, ctx), flags)
            _apply_edits(doc, n, _section_edits(line.text), flags)
        ctx.vote_text = doc.text.lower()
        for n, line in enumerate(doc.lines, 1):
            if "?" in line.text or "\ufffd" in line.text:
                _apply_edits(doc, n, _encoding_edits(line.text, ctx), flags)
        ctx.vote_text = None
    scan = _needs_lexicon_scan(doc, ctx)     # after the encoding repair, which restores å/ä/ö itself
    if has_encoding or scan:
        ctx.doc_forms = _doc_forms(doc, ctx)
    # (a section sign read as "?" or U+FFFD: the hint needs one of them)
    if not has_encoding and ("?" in text or "\ufffd" in text) and _SECTION_HINT_RE.search(text):
        for n, line in enumerate(doc.lines, 1):
            if _SECTION_HINT_RE.match(line.text):
                _apply_edits(doc, n, _section_edits(line.text)[:1], flags)
    if has_dash or camel:
        for n, line in enumerate(doc.lines, 1):
            if has_dash:
                _apply_edits(doc, n, _dash_edits(line.text), flags)
            if camel and any(t in line.text for t in camel):
                _apply_edits(doc, n, _camel_edits(line.text), flags)

    damaged = _damaged_pages(doc, ctx) if scan else set()
    collisions = _fold_collisions(doc, ctx) if not damaged or len(damaged) < doc_pages(doc) else set()
    text = doc.text
    glyphs = _has_glyph_damage(text)
    if damaged or collisions or glyphs:
        if not ctx.doc_forms:
            ctx.doc_forms = _doc_forms(doc, ctx)
        for n, line in enumerate(doc.lines, 1):
            is_damaged = line.page in damaged
            if not is_damaged and not any(w in collisions for w in _WORD_RE.findall(line.text)) \
                    and not (glyphs and _GLYPH_LINE_RE.search(line.text)):
                continue
            if not is_damaged and not _may_change_undamaged(line.text, ctx):
                continue        # e.g. a name spelt with é ("Turén"): no need to load the lexicon
            if is_damaged and " " in line.text:
                _apply_edits(doc, n, _join_edits(doc.lines[n - 1].text, ctx), flags)
            _apply_edits(doc, n, _word_edits(doc.lines[n - 1].text, is_damaged, ctx), flags)
        if damaged:
            ctx.vote_text = doc.text.lower()
            for n, line in enumerate(doc.lines, 1):
                if line.page in damaged:
                    _apply_edits(doc, n, _word_edits(line.text, True, ctx), flags)
    if len(doc.repairs) > n_repairs:
        doc.repairs[n_repairs:] = sorted(doc.repairs[n_repairs:], key=lambda r: r.line)
        for f in (FLAG_OCR, FLAG_ENCODING):
            if f in flags and f not in doc.flags:
                doc.flags.append(f)
    return doc


def _may_change_undamaged(text: str, ctx: _Context) -> bool:
    """Cheap necessary condition (no word lists loaded) for :func:`_word_edits` on an undamaged
    line to change anything. There :func:`_decide` only repairs a token (a) to a spelling the
    document itself uses ("document-name": a capitalised token with a restoration in
    ``ctx.doc_forms``) or (b) an OCR glyph inside a word that is no known word or name
    ("lexicon-glyph"). False only when no token of the line can meet (a) or (b)."""
    names = None
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        if _GLYPH_TOKEN_RE.search(tok):
            if not _GARBAGE_CHARS.isdisjoint(tok):
                return True
            if "é" in tok:
                names = names or name_lexicon()
                if not (_is_title(tok) and (names.is_name(tok) or names.is_place(tok))):
                    return True
        if _is_title(tok) and _doc_form_fits(tok, ctx):
            return True
    return False


def _doc_form_fits(token: str, ctx: _Context) -> bool:
    """Could a spelling with å/ä/ö that the document uses be a restoration of ``token``? Checks
    every base and glyph option :func:`_variants` may use (a superset: all hard options)."""
    by_len = ctx.doc_forms_by_len
    if by_len is None:
        by_len = ctx.doc_forms_by_len = {}
        for forms in ctx.doc_forms.values():
            for w in forms:
                by_len.setdefault(len(w), []).append(w)
    bases = {token}
    for a, b in _PRE + _PRE_HARD:
        for base in list(bases):
            if a in base:
                bases.add(base.replace(a, b))
    low = token.lower()                 # the spelling as written is never a candidate
    for base in bases:
        words = by_len.get(len(base))
        if not words:
            continue
        opts = [_char_options(ch, not (ch == "I" and i > 0)) for i, ch in enumerate(base)]
        for w in words:
            if w != low and all(c in soft or c in extra for c, (soft, extra, _) in zip(w, opts)):
                return True
    return False


def _has_glyph_damage(text: str) -> bool:
    """Cheap: an "é" between two lower-case letters or an "&" glued to a letter ("p&", "l&n")."""
    for ch in "é&":
        i = text.find(ch)
        while i != -1:
            left = text[i - 1] if i > 0 else " "
            right = text[i + 1] if i + 1 < len(text) else " "
            if (left.isalpha() and left.islower() and right.isalpha() and right.islower()) or \
                    (ch == "&" and left.isalpha() != right.isalpha() and (left.islower() or right.islower())):
                return True
            i = text.find(ch, i + 1)
    return False


def _has_encoding_damage(text: str) -> bool:
    """U+FFFD anywhere, or "?" between two letters ("G?teborg") outside URLs."""
    if "\ufffd" in text:
        return True
    i = text.find("?")
    while i != -1:
        if i < len(text) - 1 and text[i + 1].isalpha() and (i == 0 or text[i - 1].isalpha()
                                                            or text[i - 1] in " \t\n(\"“'"):
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            line = text[start:end if end != -1 else len(text)]
            if not _inside(_skip_spans(line), i - start, i - start + 1):
                return True
        i = text.find("?", i + 1)
    return False


def doc_pages(doc: CleanDocument) -> int:
    return len({line.page for line in doc.lines})


def _needs_lexicon_scan(doc: CleanDocument, ctx: _Context | None = None) -> bool:
    """Cheap test: is there any sign of OCR damage worth loading the lexicon for?"""
    pages: dict[int, list[str]] = {}
    for line in doc.lines:
        pages.setdefault(line.page, []).append(line.text)
    texts = ["\n".join(lines) for lines in pages.values()]
    # fast path: normal Swedish has an å/ä/ö in about every fourth word (the counts of the whole
    # text are the sums of its pages': the pages are joined by a line break, never inside a word)
    splits = [text.split() for text in texts]
    counts = [(sum(map(text.count, "åäöÅÄÖ")), len(words)) for text, words in zip(texts, splits)]
    whole = (sum(c for c, _ in counts), sum(n for _, n in counts))
    doc_text = doc.text
    if ctx is not None:     # kept for _fold_collisions: the whole text's split is its pages'
        ctx.split_text = doc_text
        ctx.split_words = splits[0] if len(splits) == 1 else list(itertools.chain.from_iterable(splits))
    for text, (marks, words) in ([(doc_text, whole)] if len(pages) == 1 else
                                 [(doc_text, whole), *zip(texts, counts)]):
        if marks >= 0.15 * max(words, 1):
            continue
        if (damage_stats([text]) if ctx is None else _damage_stats_of(text, ctx)).suspect_ocr():
            return True
    return False


_PUNCT = ".,:;()[]\"'”“’!?»«"
# an OCR glyph inside a word: "Ordférande", "ledaméter", "p&", "l&n" (not "Liv & hälsa", "R&D")
_GLYPH_TOKEN_RE = re.compile(r"[a-zåäö][é&][a-zåäö]|^[a-zåäö]{1,3}&$|^&[a-zåäö]{1,3}$|[a-zåäö]oé", re.IGNORECASE)
_GLYPH_LINE_RE = re.compile(r"[a-zåäö][é&][a-zåäö]|[a-zåäö]&(?![\w&])|(?<![\w&])&[a-zåäö]")
_CAPWORD_RE = re.compile(r"(?<![\w-])[A-ZÅÄÖ][^\W\d_]{2,}")


def _fold_collisions(doc: CleanDocument, ctx: _Context) -> set[str]:
    """Capitalised words written without å/ä/ö that the same document also spells with them."""
    text = doc.text
    split = ctx.split_words if ctx.split_text == text else text.split()     # (see _needs_lexicon_scan)
    words = {w.strip(_PUNCT) for w in set(split) if w[:1].isupper()}
    words = {w for w in words if len(w) >= 3 and w.isalpha()}
    folded = {fold(w) for w in words if not w.isascii() and not _DIACRITICS.isdisjoint(w)}
    if not folded:
        return set()
    plain = {w for w in words if _DIACRITICS.isdisjoint(w) and fold(w) in folded}
    if plain:   # words inside URLs and e-mail addresses do not count
        seen: set[str] = set()
        for line in doc.lines:
            if any(w in line.text for w in plain):
                skip = _skip_spans(line.text)
                seen.update(m.group() for m in _CAPWORD_RE.finditer(line.text)
                            if m.group() in plain and not _inside(skip, m.start(), m.end()))
        plain = seen
    return plain
