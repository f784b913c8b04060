"""Recognising people and organisations in attendance lines.

Handles "Given [Middle] Family" names (with the SCB given-name and surname lists),
party markers "(S)", cells that hold many names ("Anna Ek (S) Per Holm (M) …" or
"Anna Ek Per Holm Lena Berg …"), cells that hold many organisations ("Bergs kommun Bräcke
kommun …"), and trailing organisations ("… strategisk planerare Örebro kommun").
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from ... import reference
from .text import STOP, _CAMEL, _given, is_name_token, leading_name, squeeze

PARTY = re.compile(r"\(\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)")
_CAPS_1_4 = re.compile(r"[A-ZÅÄÖ]{1,4}")
_ORG_START = re.compile(
    r"^(?:Region(?:en)?|Länsstyrelsen|Landstinget|Kommunförbundet|Samordningsförbundet|"
    r"Försäkringskassan|Arbetsförmedlingen|Polisen|Polismyndigheten|Socialstyrelsen|SKR|"
    r"Sveriges|Folkhälsomyndigheten|Kriminalvården|Migrationsverket|Skolverket|Kommunal|"
    r"Vision|Akademikerförbundet|Vårdförbundet|Lärarförbundet|Räddningstjänsten|"
    r"Stiftelsen|Föreningen|Riksförbundet|Länsförsäkringar|NSPH|RF[- ]SISU)\b")
_ORG_WORD = re.compile(
    r"\b(?:kommun|kommunen|kommuner|stad|staden|län|region|regionen|\w*förbund(?:et)?|förening(?:en)?|"
    r"myndighet(?:en)?|universitet(?:et)?|högskola(?:n)?|bolag(?:et)?|stiftelse(?:n)?|"
    r"landsting(?:et)?|AB|HB|ek\.\s?för\.?)\b", re.I)
_ROLE_IN_ORG = re.compile(r"\b(?:ordförande|ledamot|ersättare|suppleant|sekreterare)\b", re.I)
_TITLE_ACRONYMS = frozenset({"VD", "HR", "IT", "MAS", "MAR", "MAL", "PA", "SSK", "USK", "AT", "ST",
                             "FOU", "CFO", "CEO", "VO", "IFO", "BUP", "HSL"})
_ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,}(?:[- ][A-ZÅÄÖ]{2,})*$")
_TITLE_WORD = re.compile(
    r"(?:chef|ordf|ordförande|ledamot|ersättare|strateg|sekreterare|ansvarig|ledare|direktör|"
    r"planerare|handläggare|samordnare|rådgivare|utredare|controller|kommunikatör|råd\b|"
    r"konsult|specialist|läkare|sjuksköterska|assistent|administratör|koordinator|analytiker|"
    r"ombud|representant|projekt|verksamhet|enhet|avdelning|förvaltning|staben)", re.I)


@lru_cache(maxsize=1)
def _municipality_names() -> frozenset[str]:
    return frozenset(m.name for m in reference.municipalities())


@lru_cache(maxsize=1)
def _folded_places() -> frozenset[str]:
    """Municipality and region names with diacritics folded ("orebro", "laxa", "region orebro lan")."""
    import unicodedata

    def fold(x: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", x.casefold())
                       if not unicodedata.combining(c))
    names = set(reference.municipality_index()) | set(reference.region_index())
    return frozenset(fold(n) for n in names)


# the combining marks of the Combining Diacritical Marks block (what NFKD splits off å, ä, ö, é …)
_DIACRITICS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c)))
                         + "]")


def known_place(text: str) -> bool:
    """A municipality or region by reference data, also when OCR lost the diacritics."""
    k = " ".join(text.split()).casefold()     # the key find_municipality / find_region look up
    if reference.municipality_index().get(k) or reference.region_index().get(k):
        return True
    n = unicodedata.normalize("NFKD", k)
    f = _DIACRITICS.sub("", n) if not n.isascii() else n
    if not f.isascii():           # other combining marks may be left: drop every one of them
        f = "".join(c for c in n if not unicodedata.combining(c))
    return f in _folded_places()


def is_org(text: str) -> bool:
    """Does the whole text name an organisation (municipality, region, agency, association)?"""
    t = squeeze(text).strip(" ,.;:")
    if not t or len(t) > 80:
        return False
    if known_place(t):
        return True
    if t[:1].islower() or _ROLE_IN_ORG.search(t):
        return False          # "Region X, vice ordförande" is an organisation and a role
    if t.upper() in reference.parties() and len(t) <= 3:
        return False          # a party abbreviation (KD, MP, SD) is never an organisation
    if t[:1].islower():
        return False
    if _ORG_START.match(t):
        return True
    if _ACRONYM.match(t) and len(t) <= 12 and t.upper() not in _TITLE_ACRONYMS:
        return True
    words = t.split()
    if _ORG_WORD.search(t) and len(words) <= 6 and not _TITLE_WORD.search(t):
        return True
    return False


def normalise_org(text: str) -> str:
    t = squeeze(text).strip(" ,.;:")
    if t[:1].islower() and re.match(r"^(?:länsstyrelsen|region|regionen)\b", t):
        t = t[:1].upper() + t[1:]
    return t


def split_trailing_org(text: str) -> tuple[str, str | None]:
    """("strategisk planerare folkhälsa Örebro kommun") -> ("strategisk planerare folkhälsa",
    "Örebro kommun"); ("tf chef länsstyrelsen Örebro län") -> ("tf chef", "Länsstyrelsen Örebro län")."""
    words = text.split()
    if len(words) < 2:
        return text, None
    # "... X kommun" / "... X stad"
    if words[-1].casefold() in ("kommun", "stad", "kommuns"):
        for k in (3, 2):
            if len(words) >= k:
                cand = " ".join(words[-k:])
                if reference.find_municipality(cand):
                    return " ".join(words[:-k]), normalise_org(cand)
    # "... [Länsstyrelsen|Region|RF SISU] X län"
    if words[-1].casefold() == "län" and len(words) >= 2:
        i = len(words) - 2
        if not words[i][:1].isupper():
            return text, None
        i -= 1
        while i >= 0 and (words[i][:1].isupper() or words[i].casefold() in
                          ("länsstyrelsen", "region", "regionen", "i")):
            i -= 1
        head, org = " ".join(words[:i + 1]), " ".join(words[i + 1:])
        if head and org:
            return head, normalise_org(org)
        return text, None
    # "... Region X" / a municipality name at the end
    for k in (3, 2):
        if len(words) > k and words[-k] in ("Region", "Regionen") and reference.find_region(
                " ".join(words[-k:])):
            return " ".join(words[:-k]), normalise_org(" ".join(words[-k:]))
    for k in (2, 1):
        if len(words) > k:
            cand = " ".join(words[-k:])
            if cand in _municipality_names() and words[-k - 1][:1].islower():
                return " ".join(words[:-k]), cand
    return text, None


# --------------------------------------------------------------------------- names
def _given_count(w: str) -> int:
    g = _given()
    if w in g:
        return g[w]
    if "-" in w:
        parts = w.split("-")
        if all(p in g for p in parts):
            return min(g[p] for p in parts)
    if _CAMEL.match(w):
        m = re.match(r"^([A-ZÅÄÖ][a-zåäöé]+)([A-ZÅÄÖ][a-zåäöé]+)$", w)
        if m and m.group(1) in g and m.group(2) in g:
            return min(g[m.group(1)], g[m.group(2)])
    return 0


def _is_surname(w: str) -> bool:
    return w in reference.surnames()


def _start_score(w: str) -> float | None:
    if w.casefold() in STOP or not is_name_token(w):
        return None
    c = _given_count(w)
    if c < 3:
        return None
    return math.log(c + 1)


def _inner_penalty(w: str) -> float:
    """Penalty for a common given name used as a middle/family token."""
    c = _given_count(w)
    if c >= 3000 and not _is_surname(w):
        return 3.0
    if c >= 3000:
        return 1.0
    return 0.0


def split_names(tokens: list[str], count: int | None = None) -> list[list[str]] | None:
    """Split a run of capitalised tokens into person names (2–4 tokens each, each starting
    with a given name). With ``count``, exactly that many names. None when impossible."""
    n = len(tokens)
    if n < 2 or n > 120 or not all((is_name_token(t) and t.casefold() not in STOP)
                                   or t.casefold() in ("af", "von", "van", "de") for t in tokens):
        return None
    NEG = -1e9
    # best[i][k] = best score splitting tokens[:i] into k names
    maxk = count if count is not None else n // 2
    best = [[NEG] * (maxk + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[-1] * (maxk + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    starts = [_start_score(t) for t in tokens]          # per token once, not per (i, k, length)
    penalties = [_inner_penalty(t) for t in tokens]
    for i in range(n):
        s0 = starts[i]
        if s0 is None:
            continue
        for k in range(maxk):
            if best[i][k] == NEG:
                continue
            for ln in (2, 3, 4):
                j = i + ln
                if j > n:
                    break
                v = best[i][k] + s0 - sum(penalties[i + 1:j]) - 0.6 * (ln - 2)
                if v > best[j][k + 1]:
                    best[j][k + 1] = v
                    back[j][k + 1] = i
    if count is not None:
        k = count
        if best[n][k] == NEG:
            return None
    else:
        ks = [k for k in range(1, maxk + 1) if best[n][k] > NEG]
        if not ks:
            return None
        k = max(ks, key=lambda kk: best[n][kk])
    out = []
    j = n
    while k > 0:
        i = back[j][k]
        out.append(tokens[i:j])
        j, k = i, k - 1
    out.reverse()
    return out


def names_with_parties(cell: str) -> list[tuple[str, str, str | None]] | None:
    """"Anna Ek (S) Per Holm (M)" -> [("Anna Ek", "S", None), ("Per Holm", "M", None)];
    "Anna Ek (S), Mora kommun Per Holm (M), Orsa kommun" gives the organisations too.
    None unless the whole cell reads that way."""
    parts = list(PARTY.finditer(cell))
    if not parts:
        return None
    out: list[list] = []
    pos = 0
    for m in parts:
        abbr = m.group(1)
        if not (abbr.upper() in reference.parties() or _CAPS_1_4.fullmatch(abbr)):
            return None
        words = cell[pos:m.start()].strip(" ,;").split()
        best = None
        for k in (2, 3, 4):
            if k > len(words) or leading_name(words[-k:], min_count=3) != k:
                continue
            prefix = " ".join(words[:-k]).strip(" ,;")
            if not prefix or (out and is_org(prefix)):
                best = (k, prefix)
                if not prefix:
                    break
        if best is None:
            return None
        k, prefix = best
        if prefix:
            out[-1][2] = normalise_org(prefix)
        party = reference.parties()[abbr.upper()].abbr if abbr.upper() in reference.parties() else abbr
        out.append([" ".join(words[-k:]), party, None])
        pos = m.end()
    tail = cell[pos:].strip(" ,;")
    if tail:
        if not is_org(tail):
            return None
        out[-1][2] = normalise_org(tail)
    return [(n, p, o) for n, p, o in out]


@lru_cache(maxsize=1)
def _regions_by_first_word() -> dict[str, list[str]]:
    """Region names (longest first) by their first word."""
    out: dict[str, list[str]] = {}
    for name in sorted((r.name for r in reference.regions()), key=len, reverse=True):
        out.setdefault(name.split(" ")[0], []).append(name)
    return out


def split_orgs(cell: str, count: int | None = None) -> list[str] | None:
    """"Bergs kommun Bräcke kommun Region Jämtland Härjedalen Regional utveckling" ->
    ["Bergs kommun", "Bräcke kommun", "Region Jämtland Härjedalen", "Regional utveckling"]."""
    words = cell.split()
    out: list[str] = []
    cur: list[str] = []
    i = 0
    regions = _regions_by_first_word()
    while i < len(words):
        w = words[i]
        # (a region name that starts the rest of the cell starts with its word ``w``)
        hit = None
        if w in regions:
            rest = " ".join(words[i:])
            hit = next((r for r in regions[w] if rest.startswith(r + " ") or rest == r), None)
        if hit:
            if cur:
                out.append(" ".join(cur))
                cur = []
            k = len(hit.split())
            # "Region Örebro län" has the county word; keep a following "län"
            out.append(" ".join(words[i:i + k]))
            i += k
            continue
        if w.casefold() in ("kommun", "stad", "län"):
            cur.append(w)
            out.append(" ".join(cur))
            cur = []
            i += 1
            continue
        if cur and w[:1].isupper() and not cur[-1].endswith("-") and cur[-1].casefold() not in (
                "och", "för", "mot", "i", "av", "på"):
            # a capitalised word starts a new organisation unless the current one is a
            # municipality still waiting for "kommun"
            if not (i + 1 < len(words) and words[i + 1].casefold() in ("kommun", "stad")
                    and len(cur) == 0):
                out.append(" ".join(cur))
                cur = []
        cur.append(w)
        i += 1
    if cur:
        out.append(" ".join(cur))
    out = [o for o in out if o]
    if count is not None and len(out) != count:
        return None
    return out


_TITLE_START = re.compile(
    r"^(?:Ordf\.?|Ordförande|Vice|Ledamot|Ersättare|1:e|2:e|Förste|Andre|Kommunalråd|"
    r"Oppositionsråd|Regionråd|Gruppledare|Tjänstgörande)$")


def split_titles(raw_cell: str, count: int) -> list[str] | None:
    """Titles in one cell, split by <i>…</i> markers or by role words; exactly ``count``."""
    marked = re.findall(r"<(?:i|em)>(.*?)</(?:i|em)>", raw_cell, flags=re.I)
    if len(marked) == count:
        return [squeeze(re.sub(r"<[^>]+>", "", t)) for t in marked]
    plain = squeeze(re.sub(r"<[^>]+>", " ", raw_cell))
    words = plain.split()
    out: list[list[str]] = []
    for w in words:
        if _TITLE_START.match(w) and (not out or out[-1][-1].casefold() not in ("vice",)):
            out.append([w])
        elif out:
            out[-1].append(w)
        else:
            return None
    if len(out) != count:
        return None
    return [" ".join(x) for x in out]
