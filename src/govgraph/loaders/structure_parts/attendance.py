"""Attendance: who the protocol lists as present or absent, with role, organisation, title,
party, "tjg för X" and partial attendance.

Works section by section: a label ("Beslutande", "Närvarande ledamöter:", "Ersättare",
"Tjänstepersoner", "Övriga närvarande", "Ej närvarande", …) alone on a line, before a colon
or as the first TAB cell sets the role and presence of the lines that follow, until an
officer label, a new section or the first agenda item. Each line or TAB row is read as
"Name<TAB>Organisation", "Name, title, title", "Name (S), Kommun", "Name Organisation", or a
table row whose cells hold many names / organisations / titles in the same order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import reference
from ...model import Participant, Provenance
from .people import (_ACRONYM, _ORG_START, _TITLE_ACRONYMS, PARTY, is_org, known_place,
                     names_with_parties, normalise_org, split_names,
                     split_orgs, split_titles, split_trailing_org)
from .text import (STOP, Line, is_name_token, leading_name, span_struck, squeeze, strip_markup,
                   struck_fraction)

# label -> (role, present, generic)
_SECTIONS: list[tuple[re.Pattern, str, bool, bool]] = [
    (re.compile(r"^(?:ej|icke|inte)\s+närvarande\s+ersättare$|^frånvarande\s+ersättare$"), "substitute", False, False),
    (re.compile(r"^(?:ej|icke|inte)\s+närvarande(?:\s+(?:ledamöter|beslutande))?$|^frånvarande(?:\s+(?:ledamöter|beslutande))?$|"
                r"^anmält?\s+(?:förhinder|frånvaro)$|^förhinder$|^frånvaro$|^ej\s+deltagande$|^avanmälda$|^anmälda\s+förhinder$"), "member", False, False),
    (re.compile(r"^(?:närvarande\s+|tjänstgörande\s+|ej\s+tjänstgörande\s+|icke\s+tjänstgörande\s+|"
                r"övriga\s+|inkallade\s+)?ersättare(?:\s+närvarande)?$|^suppleanter$|^närvarande\s+suppleanter$"), "substitute", True, False),
    (re.compile(r"^(?:närvarande\s+)?(?:beslutande|ordinarie)(?:\s+ledamöter)?$|^(?:närvarande\s+|ordinarie\s+)?ledamöter(?:\s+närvarande)?$|"
                r"^ledamot$|^närvarande\s+(?:ledamot|ledamöter|beslutande)$|^beslutande\s+ledamöter$"), "member", True, False),
    (re.compile(r"^(?:övriga|övrigt)(?:\s+(?:närvarande|deltagare|deltagande|medverkande|närvarande\s+tjänstepersoner))?$|"
                r"^(?:närvarande\s+)?(?:tjänstepersoner|tjänstemän|tjänstepersonal)$|^adjungerade?$|^adjungerad$|^gäster$|^inbjudna$|"
                r"^(?:inbjudna\s+)?gäster$|^föredragande$|^medverkande$|^från\s+förvaltningen$|^övriga\s+tjänstepersoner$|"
                r"^närvarande\s+övriga$|^dessutom\s+närvarande$|^även\s+närvarande$"), "other", True, False),
    (re.compile(r"^(?:närvarande|deltagare|deltagande|närvarande\s+deltagare|närvarolista|mötesdeltagare|deltog)$"), "member", True, True),
]
_OFFICER_LABEL = re.compile(
    r"^(?:ordf\S{0,2}rande|sekreterare|justerare|justerande|vid\s+protokollet|justerat|antecknare|"
    r"antecknat\s+av|vid\s+anteckningarna|mötesanteckningar\s+förda\s+av|protokollförare|"
    r"justeringens?\s+(?:plats|tid|datum)|underskrifter|paragrafer|utses\s+att\s+justera|"
    r"protokollet\s+justeras|justeringsdatum|sign)\b", re.I)
_STAFF_TITLE = re.compile(
    r"\b(?:utvecklingsledare|utredare|sekreterare|nämndsekreterare|handläggare|administratör|"
    r"assistent|kommunikatör|registrator|controller|analytiker|samordnare|processledare|"
    r"projektledare|utvecklare|praktikant|notarie)\b", re.I)
_PARTIAL = re.compile(
    r"\(\s*((?:§§?|punkt(?:erna)?|p\.|del\s+av|delvis|kl\.?|från|fr\.?o\.?m\.?|t\.?o\.?m\.?|ej\s+§|närvarande)[^)]*)\)"
    r"|(?<![\w(])(§§?\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|och)\s*\d+)*)"
    r"|\b(del\s+av\s+(?:mötet|sammanträdet|dagen))\b", re.I)
_SERVES = re.compile(
    r"(?:,\s*)?\b(?:tjg\.?|tjänstgörande(?:\s+ersättare)?|ersättare|ersätter|i\s+stället\s+för|istället\s+för)"
    r"\s+(?:ers\.?\s+|ersättare\s+)?(?:för\s+)?([A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3})(?:\s*\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\))?", re.I)
_CHAIR = re.compile(r"^(?:ordf\.?|ordförande|mötesordförande|ordförande\s+för\s+mötet|mötets\s+ordförande|"
                    r"ordförande\s+vid\s+mötet|ordf\S{0,2}rande)$", re.I)
_SECRETARY = re.compile(r"^(?:sekreterare|mötessekreterare|protokollförare|sekr\.?|antecknare|nämndsekreterare"
                        r"(?:\s*/\s*sekreterare)?)$", re.I)
# the secretary of this meeting, a role rather than a post (a "nämndsekreterare" keeps the title)
_MEETING_SECRETARY = re.compile(r"^(?:sekreterare|mötessekreterare|protokollförare|sekr\.?|antecknare)$", re.I)
_ADJUSTER = re.compile(r"^(?:justerare|justerande)$", re.I)
_LEADING_ROLE = re.compile(
    r"^((?:\d:e\s+|förste\s+|andre\s+)?vice\s+ordförande|ordförande|ordf\.|sekreterare|"
    r"ersättare|tjg\.?\s+ersättare|ledamot|adjungerad)\s*:?\s+(?=[A-ZÅÄÖ])", re.I)
_TJG = re.compile(r"\(\s*(?:tjg|tjänstgörande)\.?\s*\)|,?\s*\btjg\.?(?=\s*$)", re.I)
_TITLE_HINT = re.compile(r"chef|ordf|ledamot|ersättare|strateg|sekreterare|ansvarig|ledare|direktör|"
                         r"planerare|handläggare|samordnare|utredare|läkare|sköterska|kurator", re.I)
_MARKS = frozenset("xX✓✔•*–-")
# a cell that answers a "Närvarande" column: "Ja", "Nej", "x", "Nej, ersatt av …"
_PRESENCE_ANSWER = re.compile(r"^(?:ja|nej|x|-|–)(?:$|\s*[,;:–-]\s*(?:ersatt|ersätts|ersatts)\s+av\b)", re.I)
_REPLACED_BY = re.compile(r"^(?:nej|frånvarande)\s*[,;:–-]?\s*(?:ersatt|ersätts|ersatts)\s+av\s+(.+)$", re.I)
# column labels of a person's attributes in an attendance table
_ATTR_COLUMN = re.compile(r"^(?:parti|partibeteckning|organisation|kommun|funktion|roll|titel|befattning|"
                          r"anmärkning|närvaro|närv\.?|§§?|paragraf(?:er)?|ja|nej|avstår|n|r|x)$", re.I)
_SEPARATORS = re.compile(r"\t+|\s*[—–―-]{2,}\s*| {3,}")
_PARENS = re.compile(r"\([^()]*\)")
_BRACKETED = re.compile(r"\(([^()]{2,60})\)")
_BEFORE_BRACKET = re.compile(r"^([^()]+?)\s*\(")
_QUALIFIER_OR_NAME = re.compile(r"\b(?:för|ersätter)\b|[A-ZÅÄÖ]")
_LABEL_COLON = re.compile(r"^([^:\t]{3,45}):\s*(.*)$")
_NUMBER_PREFIX = re.compile(r"^\d+[.)]\s+")
_NAME_PARTY_REST = re.compile(r"^([^(),]+?)\s*\(\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)\s*(.*)$")
_DASH_PAIR = re.compile(r"^(.+?)\s+[–—-]\s+(.+)$")
_DASH_SEP = re.compile(r"\s+[–—-]\s+")
_LEAD_DASH = re.compile(r"^[–—-]\s*")
_DOTTED_WORD = re.compile(r"\b\w+\.\w")
_SERVES_REST = re.compile(r"^(?:för|ersätter)\s+([A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3})"
                          r"(?:\s*\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\))?\s*,?\s*(.*)$")
_COMMA_OR_SEMI = re.compile(r",|;")
_PARTY_PART = re.compile(r"\(?\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)?")
_PRESENCE_MARK = re.compile(r"[xX✓✔•*–-]|närv\.?|ja|nej", re.I)
_TABS = re.compile(r"\t+")
_SPACES2 = re.compile(r" {2,}")
_FROM_ORG = re.compile(r"^(?:från|för)\s+(.{3,60}?)\s*:?$", re.I)
_LIST_WORD = re.compile(r",|;|\b(?:och|samt)\b")
_CHIEF = re.compile(r"chef|ordf", re.I)


@dataclass
class Section:
    role: str
    present: bool
    generic: bool
    label_line: int


@dataclass
class Found:
    """A participant and what the attendance line said about officer roles."""
    person: Participant
    section: Section
    line: int
    block: int
    chair: bool = False
    secretary: bool = False
    adjuster: bool = False
    name_only: bool = False


@dataclass
class Attendance:
    participants: list[Participant] = field(default_factory=list)
    chairs: list[tuple[str, Provenance]] = field(default_factory=list)
    secretaries: list[tuple[str, Provenance]] = field(default_factory=list)
    adjusters: list[tuple[str, Provenance]] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    # the first entry of ``found`` for each name key (_name_key): who is listed again
    first_by_name: dict[str, Found] = field(default_factory=dict)


_LABEL_FIRST = frozenset("""närvarande ej icke inte frånvarande anmält anmäl anmälda förhinder frånvaro
avanmälda tjänstgörande ersättare suppleanter beslutande ordinarie ledamöter ledamot övriga övrigt
tjänstepersoner tjänstemän tjänstepersonal adjungerade adjungerad gäster inbjudna föredragande
medverkande från dessutom även deltagare deltagande närvarolista mötesdeltagare deltog
inkallade""".split())


_FOLD = str.maketrans("åäöéèüÅÄÖÉ", "aaooeuaaoo")


def _fold(t: str) -> str:
    """Diacritics folded the way OCR loses them (é is often a damaged ö)."""
    return t.translate(_FOLD)


_FOLDED_FIRST = frozenset(_fold(w) for w in _LABEL_FIRST)
_FOLDED_SECTIONS = [(re.compile(_fold(p.pattern)), r, pr, g) for p, r, pr, g in _SECTIONS]


_LABEL_PREFIXES = [
    ("ej närvarande", ("member", False, False)), ("frånvarande", ("member", False, False)),
    ("beslutande", ("member", True, False)), ("närvarande ledamöter", ("member", True, False)),
    ("närvarande ersättare", ("substitute", True, False)), ("ersättare", ("substitute", True, False)),
    ("tjänstgörande ersättare", ("substitute", True, False)),
    ("övriga närvarande", ("other", True, False)), ("övriga deltagare", ("other", True, False)),
    ("närvarande tjänstepersoner", ("other", True, False)), ("tjänstepersoner", ("other", True, False)),
    ("adjungerade", ("other", True, False)),
]


def section_of(text: str, loose: bool = True) -> tuple[str, bool, bool] | None:
    """(role, present, generic) when ``text`` is an attendance section label. ``loose`` also
    accepts a known label followed by a qualifier ("Beslutande ledamöter och tjänstgörande
    ersättare")."""
    if len(text) > 60:
        return None
    t = squeeze(_PARENS.sub(" ", strip_markup(text))).strip(" :;.").casefold()
    if not t or len(t) > 45:
        return None
    first = t.split(" ", 1)[0]
    if first in _LABEL_FIRST:
        for pat, role, present, generic in _SECTIONS:
            if pat.match(t):
                return role, present, generic
    # OCR-damaged labels: "Narvarande ledaméter", "Ovriga narvarande" (_fold maps letters one
    # to one and keeps spaces: the folded first word is the first word of the folded text)
    if _fold(first) in _FOLDED_FIRST:
        f = _fold(t)
        for pat, role, present, generic in _FOLDED_SECTIONS:
            if pat.match(f):
                return role, present, generic
    if first not in _LABEL_FIRST:
        return None
    # "Beslutande ledamöter och tjänstgörande ersättare", "Ersättare (ej tjänstgörande)"
    if loose:
        for prefix, (role, present, generic) in _LABEL_PREFIXES:
            if t.startswith(prefix + " ") and not _QUALIFIER_OR_NAME.search(text[len(prefix):]) \
                    and len(t.split()) <= len(prefix.split()) + 4:
                return role, present, generic
    return None


def _label_prefix(text: str) -> tuple[tuple[str, bool, bool], str] | None:
    """"Närvarande ledamöter: Anna Ek, …" -> (section, rest); also "Beslutande Anna Ek (C)"."""
    words = strip_markup(text[:40]).split(None, 1)       # (the first word of it squeezed)
    first = (words[0] if words else "").strip(" :;.").casefold()
    if first not in _LABEL_FIRST and _fold(first) not in _FOLDED_FIRST:
        return None
    m = _LABEL_COLON.match(text)
    if m:
        sec = section_of(m.group(1), loose=False)
        if sec:
            return sec, m.group(2)
    words = text.split()
    for k in (3, 2, 1):
        if len(words) > k:
            sec = section_of(" ".join(words[:k]), loose=False)
            if sec and leading_name(words[k:]):
                return sec, " ".join(words[k:])
    return None


def _name_shaped(words: list[str]) -> bool:
    """2–3 capitalised words that are not common words, labels or places (a name whose given
    name is not in the reference list)."""
    return 2 <= len(words) <= 3 and all(is_name_token(w) and w.casefold() not in STOP
                                        for w in words) and \
        not is_org(" ".join(words)) and not any(is_org(w) for w in words) and \
        section_of(" ".join(words)) is None


# Cheap prefilters for the three patterns every attendance row is searched with. Each checks
# for text that every alternative of its (IGNORECASE) pattern holds, in the casefolded text
# (for these letters IGNORECASE matches only what casefolds to them, e.g. "ſ" for "s").
def _search_tjg(t: str) -> re.Match | None:
    """_TJG.search(t): both alternatives hold "tjg" or "tjänstgörande"."""
    low = t.casefold()
    return _TJG.search(t) if "tjg" in low or "tjänstgörande" in low else None


def _search_serves(t: str) -> re.Match | None:
    """_SERVES.search(t): every alternative holds "tjg", "tjänstgörande", "ersätt" (ersättare,
    ersätter) or "stället" (i stället, istället)."""
    low = t.casefold()
    return _SERVES.search(t) if "tjg" in low or "tjänstgörande" in low or "ersätt" in low or \
        "stället" in low else None


def _search_partial(t: str) -> re.Match | None:
    """_PARTIAL.search(t): its alternatives need "(", "§" or "del" (del av mötet)."""
    return _PARTIAL.search(t) if "(" in t or "§" in t or "del" in t.casefold() else None


def _person_from_text(text: str, strong: bool = False) -> tuple[Participant, dict] | None:
    """One person from "Name (S), title, Org" / "Name Org" / "Name tjg för X" text. ``strong``:
    the text is the name cell of a table row, so an unknown given name is accepted."""
    flags = {"chair": False, "secretary": False, "adjuster": False, "name_only": False,
             "substitute": False}
    t = squeeze(text.replace("\t", " ")).strip(" -–•*·")
    t = _NUMBER_PREFIX.sub("", t)
    if not t:
        return None
    lead_title = None
    mrole = _LEADING_ROLE.match(t)
    if mrole:
        word = mrole.group(1).casefold()
        t = t[mrole.end():]
        if _CHAIR.match(word):
            flags["chair"] = True
        elif _SECRETARY.match(word):
            flags["secretary"] = True
        elif word.startswith("ersättare") or word.startswith("tjg"):
            flags["substitute"] = True
        else:
            lead_title = mrole.group(1)
    mt = _search_tjg(t)
    if mt and mt.start() > 0:
        flags["substitute"] = True
        t = squeeze(t[:mt.start()] + " " + t[mt.end():]).strip(" ,")
    items = None
    pm = _search_partial(t)
    if pm:
        items = squeeze(next(g for g in pm.groups() if g))
        t = squeeze(t[:pm.start()] + " " + t[pm.end():]).strip(" ,")
    serves = None
    sm = _search_serves(t)
    if sm and sm.start() > 0:
        serves = sm.group(1)
        t = squeeze(t[:sm.start()] + " " + t[sm.end():]).strip(" ,")
    org_paren = None
    mo = _BRACKETED.search(t)
    if mo and is_org(mo.group(1)) and not _party(mo.group(1)):
        org_paren = normalise_org(mo.group(1))
        t = squeeze(t[:mo.start()] + " " + t[mo.end():]).strip(" ,")
    paren_titles: list[str] = []
    paren_roles: set[str] = set()      # bracketed "(ordförande)", "(sekreterare)": the post, unless
                                       # the line names another ("samordnare, Kalmar kommun (ordförande)")
    for mp_ in reversed(list(_BRACKETED.finditer(t))):
        inner = squeeze(mp_.group(1)).strip(" .,")
        if _party(inner) and len(inner) <= 4:
            continue
        if not _status_word(inner, flags):
            if _CHAIR.match(inner):
                flags["chair"] = True
                paren_roles.add(inner)
            elif _SECRETARY.match(inner):
                flags["secretary"] = True
                if _MEETING_SECRETARY.match(inner):
                    paren_roles.add(inner)
            paren_titles.insert(0, inner)          # "Sten Berg (kassör)": a bracketed post
        t = squeeze(t[:mp_.start()] + " " + t[mp_.end():]).strip(" ,")
    party = None
    m = _NAME_PARTY_REST.match(t)
    if m and _party(m.group(2)):
        head, party, rest = m.group(1), _party(m.group(2)), m.group(3).strip(" ,")
    else:
        parts = t.split(",", 1)
        head, rest = parts[0], (parts[1].strip() if len(parts) > 1 else "")
        md = _DASH_PAIR.match(head)
        if md and leading_name(md.group(1).split(), min_count=3) == len(md.group(1).split()):
            # "Anna Ek – Falu kommun, rektor", "Tim Berg – Region Gotland – ej närvarande"
            head, rest = md.group(1), ", ".join(x for x in (*_DASH_SEP.split(md.group(2)), rest) if x)
    rest = _LEAD_DASH.sub("", rest)
    words = head.split()
    org = org_paren
    n = leading_name(words, min_count=3)
    if not n and (party or strong or org_paren) and _name_shaped(words):
        n = len(words)        # "Xhevdet Berisha (S)": a party marker or a table row vouches for it
    name = None
    if n and n == len(words) and len(words) >= 3:
        # "Olle Isacsson Hallsberg": a municipality / region written after the name
        for k in (3, 2, 1):
            if len(words) - k >= 2 and _strict_org(" ".join(words[-k:])) and \
                    leading_name(words[:-k], min_count=3) == len(words) - k:
                name, org = " ".join(words[:-k]), normalise_org(" ".join(words[-k:]))
                break
    if name is not None:
        pass
    elif n and n == len(words):
        name = " ".join(words)
    else:
        name = None
        for k in (4, 3, 2, 1):
            if len(words) - k >= 2 and _strict_org(" ".join(words[-k:])) and \
                    leading_name(words[:-k], min_count=3) == len(words) - k:
                name, org = " ".join(words[:-k]), normalise_org(" ".join(words[-k:]))
                break
        if name is None:
            tail = " ".join(words[n:])
            if n >= 2 and not rest and not (tail.endswith(".") and tail[:1].islower()
                                            and not _DOTTED_WORD.search(tail)):
                # "Name title words" without a comma (but not a sentence: "Anna Ek informerade.")
                name, rest = " ".join(words[:n]), tail
            else:
                return None
    mfor = _SERVES_REST.match(rest)
    if mfor and serves is None:
        serves, rest = mfor.group(1), mfor.group(2)      # "Anna Ek (S) för Per Holm (M)"
    titles: list[str] = []
    for seg in [s.strip() for s in _COMMA_OR_SEMI.split(rest) if s.strip()]:
        seg = seg.strip(" .")
        if _CHAIR.match(seg):
            flags["chair"] = True
            continue
        if _SECRETARY.match(seg):
            flags["secretary"] = True
            if not _MEETING_SECRETARY.match(seg):
                titles.append(seg)                 # "nämndsekreterare" is a post; "protokollförare" a role
            continue
        if _ADJUSTER.match(seg):
            flags["adjuster"] = True
            continue
        mp = _PARTY_PART.fullmatch(seg)
        if party is None and mp and _party(mp.group(1)) and (
                seg.startswith("(") or mp.group(1).upper() in _known_parties()):
            party = _party(mp.group(1))          # "Anna Ek, S, Mora" / "Anna Ek, (S)"
            continue
        if _status_word(seg, flags):
            continue
        mrole_t = _TRAILING_ROLE.match(seg)
        if org is None and mrole_t and is_org(mrole_t.group(1)):
            org = normalise_org(mrole_t.group(1))      # "Region Västmanland vice ordförande"
            seg = mrole_t.group(2)
            if _CHAIR.match(seg):
                flags["chair"] = True
                continue
        if org is None and is_org(seg):
            org = normalise_org(seg)
            continue
        head_t, tail_org = split_trailing_org(seg)
        if tail_org and org is None:
            org = tail_org
            seg = head_t
        if seg:
            titles.append(seg)
    if not rest and org is None:
        flags["name_only"] = True
    if lead_title:
        titles.insert(0, lead_title)
    titles += [x for x in paren_titles if x not in titles and not (titles and x in paren_roles)]
    title = ", ".join(titles) or None
    return Participant(name=name, organization=org, title=title, party=party,
                       serves_for=serves, items=items), flags


_TRAILING_ROLE = re.compile(r"^(.+?)\s+((?:\d:e\s+|förste\s+|andre\s+)?vice\s+ordförande|ordförande|"
                            r"ledamot|ersättare|sekreterare|kassör|suppleant)$", re.I)
_ABSENT_WORD = re.compile(r"(?:har\s+)?(?:anmält|anmäld)\s+(?:förhinder|frånvaro)|förhinder|frånvarande|"
                          r"ej\s+närvarande|inte\s+närvarande|ej\s+närvarande|frånvaro", re.I)
_PRESENT_WORD = re.compile(r"närvarande|närv\.?|deltar|deltog|ledamot|ordinarie(?:\s+ledamot)?", re.I)
_SUBSTITUTE_WORD = re.compile(r"(?:tjg\.?\s+|tjänstgörande\s+|ej\s+tjänstgörande\s+|icke\s+tjänstgörande\s+)?"
                              r"(?:ersättare|suppleant|adjungerad\s+suppleant)", re.I)


def _status_word(text: str, flags: dict) -> bool:
    """A presence or membership word in a cell, bracket or comma part ("Frånvarande",
    "anmält förhinder", "Ersättare", "suppleant", "Ledamot", "Närvarande"): sets ``flags``
    and says whether the text was only that."""
    if len(text) > 40:
        return False
    t = squeeze(text).strip(" .,;")
    if _ABSENT_WORD.fullmatch(t):
        flags["absent"] = True
        return True
    if _SUBSTITUTE_WORD.fullmatch(t):
        flags["substitute"] = True
        return True
    return bool(_PRESENT_WORD.fullmatch(t))


def _known_parties() -> dict:
    return reference.parties()


def _party(abbr: str) -> str | None:
    """A party abbreviation: a known one (any case: "(s)", "Kd") or 1–4 capitals ("VV")."""
    a = abbr.strip()
    known = reference.parties().get(a.upper())
    if known is not None:
        return known.abbr
    if _CAPS_1_4.fullmatch(a):
        return a
    return None


_CAPS_1_4 = re.compile(r"[A-ZÅÄÖ]{1,4}")


def _strict_org(text: str) -> bool:
    """An organisation by reference data or a clear prefix (for names and organisations written
    without a separator)."""
    t = text.strip(" ,.;:")
    return bool(known_place(t) or _ORG_START.match(t) or (_ACRONYM.match(t) and len(t) <= 10
                                                          and t.upper() not in _TITLE_ACRONYMS))


def _row_people(cells_plain: list[str], cells_raw: list[str]) -> list[tuple[Participant, dict]] | None:
    """A TAB row: one person with org/title cells, or cells that hold many names."""
    if not cells_plain:
        return None
    first = cells_plain[0]
    multi = None if _search_serves(first) else names_with_parties(first)
    names: list[tuple[str, str | None]] | None = None
    inline_orgs: list[str | None] = []
    if multi and len(multi) >= 2:
        names = [(n, p) for n, p, _ in multi]
        inline_orgs = [o for _, _, o in multi]
    elif len(first.split()) >= 5 and "," not in first:
        split = split_names(first.split())
        if split and len(split) >= 2:
            # the organisation cell tells how many people there are when the free split is unsure
            for c in cells_plain[1:2]:
                o = split_orgs(c)
                if o and len(o) != len(split) and sum(1 for x in o if is_org(x)) >= len(o) // 2 + 1:
                    again = split_names(first.split(), count=len(o))
                    if again:
                        split = again
            names = [(" ".join(s), None) for s in split]
    if names:
        n = len(names)
        orgs = titles = None
        for i, c in enumerate(cells_plain[1:], 1):
            if orgs is None:
                o = split_orgs(c, n)
                if o and sum(1 for x in o if is_org(x)) >= max(1, n // 2):
                    orgs = o
                    continue
            if titles is None:
                tt = split_titles(cells_raw[i] if i < len(cells_raw) else c, n)
                if tt:
                    titles = tt
        if orgs is None and len(cells_plain) > 1:
            o = split_orgs(cells_plain[1], n)
            if o:
                orgs = o
        out = []
        for k, (nm, party) in enumerate(names):
            org = normalise_org(orgs[k]) if orgs else (inline_orgs[k] if inline_orgs else None)
            out.append((Participant(name=nm, party=party, organization=org,
                                    title=titles[k] if titles else None),
                        {"chair": False, "secretary": False, "adjuster": False, "name_only": False,
                         "substitute": False}))
        return out
    rest_cells = [c for c in cells_plain[1:] if c.strip()]
    strong = bool(rest_cells) and (is_org(rest_cells[0]) or bool(_TITLE_HINT.search(rest_cells[0])))
    got = _person_from_text(first, strong=strong)
    if got is None:
        return None
    p, flags = got
    out = [(p, flags)]
    last = cells_plain[-1] if len(cells_plain) >= 2 else ""
    mr = _REPLACED_BY.match(last.strip()) if "rsat" in last else None
    if mr:
        # "Nej, ersatt av Lisa Bäck (SD)" in a presence column: absent, and who served instead
        flags["absent"] = True
        sub = _person_from_text(mr.group(1), strong=True)
        if sub is not None:
            sub[1]["substitute"] = True
            sub[0].serves_for = p.name
            out.append(sub)
        cells_plain = cells_plain[:-1]
    if len(cells_plain) >= 3:
        marks = [c for c in (x.strip() for x in cells_plain[1:]) if c in _MARKS]
        if len(marks) >= 2 and all(m in "-–" for m in marks):
            flags["absent"] = True  # a presence grid (one column per §) with no mark at all
        if len(cells_plain[-1]) <= 5 and cells_plain[-1].strip().casefold() == "nej":
            flags["absent"] = True  # a "Närvarande" column answered "Nej"
    for c in cells_plain[1:]:
        c = c.strip()
        if not c or _PRESENCE_MARK.fullmatch(c):
            continue            # presence marks in a närvarolista table
        mt = _search_tjg(c)
        if mt:
            flags["substitute"] = True
            c = squeeze(c[:mt.start()] + " " + c[mt.end():]).strip(" ,")
            if not c:
                continue
        pm = _search_partial(c)
        if pm and p.items is None:
            p.items = squeeze(next(g for g in pm.groups() if g))
            c = squeeze(c[:pm.start()] + " " + c[pm.end():]).strip(" ,")
        sm = _SERVES.match(c)
        if sm:
            p.serves_for = sm.group(1)
            continue
        if _status_word(c, flags):
            continue
        if _CHAIR.match(c.strip(" .")):
            flags["chair"] = True
            continue
        if _SECRETARY.match(c.strip(" .")):
            flags["secretary"] = True
            if c.strip(" .").casefold() not in ("sekreterare", "sekr") and p.title is None:
                p.title = c.strip(" .")          # "nämndsekreterare" is also a title
            continue
        pm2 = PARTY.fullmatch(c.strip())
        if pm2 and _party(pm2.group(1)):
            p.party = _party(pm2.group(1))
            continue
        if p.party is None and c.isupper() and c in _known_parties() and len(c) <= 3:
            p.party = _known_parties()[c].abbr        # a party column: "Anna Ek<TAB>S<TAB>Mora"
            continue
        if not c:
            continue
        if p.organization is None and is_org(c):
            p.organization = normalise_org(c)
            continue
        for seg in ([c] if "," not in c else [x.strip() for x in c.split(",") if x.strip()]):
            if "," in c and _SECRETARY.match(seg.strip(" .")):
                flags["secretary"] = True                # a Funktion cell "samordnare, sekreterare"
                continue
            if "," in c and _CHAIR.match(seg.strip(" .")):
                flags["chair"] = True
                continue
            if p.organization is None and "," in c and is_org(seg):
                p.organization = normalise_org(seg)      # "Socialchef, Mora kommun"
                continue
            if p.organization is None:
                head_t, tail_org = split_trailing_org(seg)
                if tail_org and head_t:
                    p.organization, seg = tail_org, head_t
            p.title = seg if p.title is None else f"{p.title}, {seg}"
    flags["name_only"] = p.organization is None and p.title is None
    return out


def _split_cells(ln: Line) -> tuple[list[str], list[str], int]:
    """Non-empty cells of a line (plain and raw), and how many leading cells were empty."""
    raw_cells = _TABS.split(ln.text.strip("\n"))
    if len(raw_cells) > 1 and "  " in ln.text:
        # a fixed-width table whose columns were only partly turned into TABs: two or more
        # spaces inside a cell also separate columns ("Hans-Åke Lindqvist   SD", "x  x  -")
        raw_cells = [q for r in raw_cells for q in _SPACES2.split(r)]
    plain = [strip_markup(c) for c in raw_cells]
    lead = 0
    while lead < len(plain) and not plain[lead].strip():
        lead += 1
    pairs = [(p.strip(), r) for p, r in zip(plain[lead:], raw_cells[lead:]) if p.strip()]
    if len(pairs) == 1 and "\t" not in ln.text:
        # other separators: long dash runs, 3+ spaces
        parts = [x for x in _SEPARATORS.split(pairs[0][0]) if x.strip()]
        if len(parts) > 1:
            return parts, parts, lead
    return [p for p, _ in pairs], [r for _, r in pairs], lead


def _looks_like_prose(text: str) -> bool:
    """A paragraph, not an attendance line (which starts with a name)."""
    words = text.split()
    if len(words) <= 14 or "\t" in text or PARTY.search(text):
        return False
    n = leading_name(words, min_count=3)
    return not (n and words[n - 1].endswith(",")) and not (n and len(words) > n and words[n] in (",", "–", "-"))


def find_attendance(lines: list[Line], end: int, doc: str,
                    stops: set[int] | None = None, start: int = 0) -> Attendance:
    """Participants listed in lines[start:end] (normally the header before the first item);
    a line number in ``stops`` (an item heading) ends the current section."""
    att = Attendance()
    section: Section | None = None
    columns: list[Section] | None = None
    side_cols: dict[int, Section] | None = None
    default_org: str | None = None
    block = 0
    last_found: Found | None = None
    for ln in lines[start:end]:
        if stops and ln.no in stops:
            section = None
            continue
        if ln.blank:
            block += 1
            continue
        cells, raw_cells, lead = _split_cells(ln)
        if not cells:
            continue
        first = cells[0]
        sec = section_of(first)
        rest_plain, rest_raw = cells[1:], raw_cells[1:]
        if sec is None and lead == 0:
            lp = _label_prefix(first)
            if lp:
                sec, rest = lp
                rest_plain = [rest, *cells[1:]] if rest else cells[1:]
                rest_raw = [rest, *raw_cells[1:]] if rest else raw_cells[1:]
        if sec is not None:
            default_org = None
            # a header row of column labels: "Ledamöter<TAB>Ersättare"
            col_secs = [section_of(c) for c in cells]
            if len(cells) >= 2 and all(col_secs):
                columns = [Section(r, pr, g, ln.no) for r, pr, g in col_secs]   # type: ignore[misc]
                section = columns[0]
                block += 1
                continue
            columns = None
            section = Section(sec[0], sec[1], sec[2], ln.no)
            block += 1
            if lead == 0 and len(cells) >= 3 and any(col_secs[1:]) and \
                    all(c or _ATTR_COLUMN.match(t) for c, t in zip(col_secs[1:], cells[1:])):
                # "Ledamöter<TAB>Parti<TAB>Tjänstgörande ersättare": attribute columns beside
                # a second list of people; a full row holds a person of each list
                side_cols = {k: Section(c[0], c[1], c[2], ln.no) for k, c in enumerate(col_secs) if c and k > 0}
                continue
            side_cols = None
            if rest_plain:
                _take_row(att, ln, rest_plain, rest_raw, section, block, doc)
            last_found = att.found[-1] if att.found else None
            continue
        if section is None:
            continue
        if lead == 0 and _OFFICER_LABEL.match(first):
            # "Ordförande<TAB>Anna Ek (S)" inside the attendance table: a member who chairs
            m = re.match(r"^((?:\d:e\s+)?(?:vice\s+)?ordf\S{0,2}rande|ordf\.?|sekreterare)\s*[:\t]?\s*(.+)$",
                         ln.plain.strip(), re.I)
            rest_words = PARTY.sub(" ", m.group(2)).replace(",", " , ").split() if m else []
            if m and section.present and leading_name(rest_words, min_count=3):
                role = m.group(1).casefold()
                sub = section if section.generic else Section(
                    "other" if role.startswith("sekr") else section.role, True, False, section.label_line)
                for f in _take_row(att, ln, [m.group(2)], [m.group(2)], sub, block, doc)[:1]:
                    if role.startswith("sekr"):
                        f.secretary = True
                    elif "vice" in role:
                        f.person.title = ", ".join(x for x in (m.group(1), f.person.title) if x)
                    else:
                        f.chair = True
                continue
            section = None
            columns = None
            continue
        if columns and len(cells) >= 2 and lead == 0 and len(cells) <= len(columns) \
                and not any(_PRESENCE_ANSWER.match(c) for c in cells[1:]):
            # one person per column cell
            for k, c in enumerate(cells):
                _take_row(att, ln, [c], [c], columns[k], block, doc)
            continue
        if _looks_like_prose(ln.plain):
            section = None
            continue
        mfrom = _FROM_ORG.match(first)
        if mfrom and len(cells) == 1:
            default_org = normalise_org(mfrom.group(1)) if is_org(mfrom.group(1)) else None
            block += 1
            continue
        # an organisation alone on a line after a name-only line: "Jihad Menhem\n\nRegion X"
        if len(cells) == 1 and is_org(first) and not leading_name(first.split()) \
                and last_found is not None and last_found.name_only \
                and last_found.person.organization is None and ln.no - last_found.line <= 3:
            last_found.person.organization = normalise_org(first)
            last_found.name_only = False
            continue
        serving: list[Found] = []
        if side_cols and lead == 0 and max(side_cols) < len(cells):
            for k, sec_k in side_cols.items():
                if leading_name(PARTY.sub(" ", cells[k]).split(), min_count=2):
                    got = _take_row(att, ln, [cells[k]], [raw_cells[k]], sec_k, block, doc)
                    if sec_k.role == "substitute" and sec_k.present:
                        serving += got
            keep = [k for k in range(len(cells)) if k not in side_cols]
            cells, raw_cells = [cells[k] for k in keep], [raw_cells[k] for k in keep]
        touched = _take_row(att, ln, cells, raw_cells, section, block, doc)
        if serving and len(touched) == 1:
            # "Cecilia Nord (SD)<TAB>Dennis Öst (SD)" under "Ledamöter / Tjänstgörande ersättare":
            # the substitute serves for the member, who is absent
            touched[0].person.present = False
            for f in serving:
                f.person.serves_for = f.person.serves_for or touched[0].person.name
        if touched:
            last_found = touched[-1]
            if default_org:
                for f in touched:
                    if f.person.organization is None:
                        f.person.organization = default_org
                        f.name_only = False
    _finish(att)
    return att


_LIST_SEP = re.compile(r",\s*(?:och\s+|samt\s+)?|;\s*|\s+(?:och|samt)\s+")


def _top_level_parts(text: str) -> list[tuple[int, int]]:
    """Spans of the ", " / "; " / " och "-separated parts of ``text``, not splitting inside
    parentheses."""
    spans: list[tuple[int, int]] = []
    start = 0
    paren = "(" in text
    for m in _LIST_SEP.finditer(text):
        if paren:
            before = text[:m.start()]
            if before.count("(") > before.count(")"):
                continue          # inside brackets: "(S, ordförande)"
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _starts_person(part: str) -> bool:
    """The part is a name, optionally with bracketed details: "Anna Ek", "Anna Ek (S)",
    "Amra Hodžić (Helsingborgs stad)", "Per Holm (M) tjg för …" is not."""
    words = _bare(part)
    if not words or _PARENS.sub("", part).strip().endswith(("-", "–")):
        return False
    if leading_name(words) == len(words) or ("(" in part and _name_shaped(words)):
        return True
    # a name right before a bracket, then more: "Anna Ek (S) ordförande", "Per Holm (M) tjg för …"
    mb = _BEFORE_BRACKET.match(part)
    head = mb.group(1).split() if mb else []
    return bool(head) and (leading_name(head) == len(head) or _name_shaped(head))


def comma_people(text: str) -> list[str] | None:
    """Split a comma list of people into one text per person; parts that are not a name
    (a role, title, organisation or party) stay with the person before them. None unless
    the text starts with a person and names at least two."""
    if ";" in text:
        # "A, Luleå kommun (ordf); B, Norrbottens Kommuner (sekr)": semicolons separate the
        # people, commas only their details
        semi = [x.strip() for x in text.split(";") if x.strip()]
        if len(semi) >= 2 and all(_starts_person(x.split(",")[0].strip()) for x in semi):
            return semi
    spans = _top_level_parts(text)
    if len(spans) < 2:
        return None
    starts = [_starts_person(text[a:b].strip()) for a, b in spans]
    if not starts[0] or sum(starts) < 2:
        return None
    groups: list[tuple[int, int]] = []
    for (a, b), is_person in zip(spans, starts):
        if is_person or not groups:
            groups.append((a, b))
        else:
            groups[-1] = (groups[-1][0], b)
    return [text[a:b].strip(" ,;") for a, b in groups]


def _bare(p: str) -> list[str]:
    return _PARTIAL.sub(" ", _PARENS.sub(" ", p)).split()


def _take_row(att: Attendance, ln: Line, cells: list[str], raw_cells: list[str],
              section: Section, block: int, doc: str) -> list[Found]:
    """Read one row into ``att.found``; returns the entries it added or updated (a person
    listed again only adds what the first listing lacked)."""
    # cells that start with a sub-label: "<i>Beslutande</i> Anders Ek (C), Kommun"
    prefixes = [_label_prefix(c) for c in cells]
    if any(prefixes):
        touched: list[Found] = []
        for c, r, lp in zip(cells, raw_cells, prefixes):
            sub = section
            if lp:
                (role, present, generic), c = lp
                sub = Section(role, section.present and present, generic, section.label_line)
            touched += _take_row(att, ln, [c], [c], sub, block, doc)
        return touched
    # "Närvarande: Anna Ek, Per Holm och Eva Lind" (several names after a label), also with
    # details between the names: "Anna Ek (S), ordförande, Per Holm (M)", "Eva Lind, rektor, …"
    if len(cells) == 1 and _LIST_WORD.search(cells[0]):
        groups = comma_people(cells[0])
        if groups:
            touched = []
            for p in groups:
                touched += _take_row(att, ln, [p], [p], section, block, doc)
            return touched
    people = _row_people(cells, raw_cells)
    if not people:
        return []
    touched = []
    for p, flags in people:
        struck = span_struck(ln.raw, p.name) or struck_fraction(ln.raw) > 0.6
        p.role = section.role
        p.present = section.present and not struck and not flags.get("absent")
        if (p.serves_for or flags.get("substitute")) and p.role == "member":
            p.role = "substitute"
        p.prov = Provenance(doc, None, ln.no, ln.no, ln.text)
        key = _name_key(p.name)
        old = att.first_by_name.get(key)          # the first f in att.found with _same(name)
        if old is not None:
            if not p.present:
                old.person.present = False      # listed again under "Frånvarande"
            old.chair |= flags["chair"]
            old.secretary |= flags["secretary"]
            old.adjuster |= flags["adjuster"]
            for attr in ("organization", "title", "party", "serves_for", "items"):
                if getattr(old.person, attr) is None and getattr(p, attr) is not None:
                    setattr(old.person, attr, getattr(p, attr))
            touched.append(old)
            continue
        f = Found(p, section, ln.no, block, flags["chair"], flags["secretary"],
                  flags["adjuster"], flags["name_only"])
        att.found.append(f)
        att.first_by_name.setdefault(key, f)
        touched.append(f)
    return touched


def _name_key(name: str) -> str:
    return name.casefold().replace("-", " ")


def _finish(att: Attendance) -> None:
    seen: dict[str, Found] = {}
    for f in att.found:
        key = f.person.name.casefold().replace("-", " ")
        if key in seen:
            continue
        seen[key] = f
        q = f.person.prov
        if f.chair:
            att.chairs.append((f.person.name, q))
        if f.secretary:
            att.secretaries.append((f.person.name, q))
        if f.adjuster:
            att.adjusters.append((f.person.name, q))
        att.participants.append(f.person)
    _add_replaced(att, seen)


def _add_replaced(att: Attendance, seen: dict[str, Found]) -> None:
    """"Karl Ek (S) tjg för Lena Holm (S)": the member Karl Ek replaces is a member who is
    not present, also when no "Frånvarande" list names her."""
    for f in list(seen.values()):
        p = f.person
        target = p.serves_for
        if not target or not p.present or p.prov is None:
            continue
        words = target.split()
        key = target.casefold().replace("-", " ")
        if key in seen or not (2 <= len(words) <= 4) or not (
                leading_name(words) == len(words) or _name_shaped(words)):
            continue
        mp = re.search(re.escape(target) + r"\s*\(\s*([A-Za-zÅÄÖåäö]{1,4})\s*\)", p.prov.quote)
        party = _party(mp.group(1)) if mp else None
        absent = Participant(name=target, role="member", present=False, party=party, prov=p.prov)
        seen[key] = Found(absent, f.section, f.line, f.block)
        att.participants.append(absent)


def _is_staff(f: Found) -> bool:
    t = f.person.title
    return bool(t and _STAFF_TITLE.search(t) and not _CHIEF.search(t))


def _staff_minority(att: Attendance, section: Section) -> bool:
    """Support staff stand out only when most of the list are not staff (in a network of
    coordinators everyone is a member)."""
    same = [g for g in att.found if g.section is section]
    staff = sum(1 for g in same if _is_staff(g))
    return len(same) >= 3 and staff <= 0.4 * len(same)


def apply_generic_roles(att: Attendance, chairs: set[str], secretaries: set[str]) -> None:
    """In a plain "Närvarande:" list everyone is a member, except support staff (utvecklingsledare,
    utredare, …), the secretary, and the rest of the block the secretary is listed in."""
    def key(n: str) -> str:
        return n.casefold().replace("-", " ")
    chair_keys = {key(n) for n in chairs}
    sec_keys = {key(n) for n in secretaries}
    staff_blocks = set()
    for f in att.found:
        if not (f.section.generic and key(f.person.name) in sec_keys):
            continue
        same = [g for g in att.found if g.section is f.section]
        blocks = sorted({g.block for g in same})
        block_lines = {g.line for g in same if g.block == f.block}
        if len(blocks) >= 2 and f.block == blocks[-1] and len(block_lines) >= 2:
            staff_blocks.add(f.block)
    for f in att.found:
        if not f.section.generic:
            continue
        k = key(f.person.name)
        if k in chair_keys:
            f.person.role = "member"
            continue
        if k in sec_keys:
            # a support secretary is not a member; a board member who keeps the minutes (an
            # association's "sekreterare", a network representative of an organisation) is
            t = (f.person.title or "").casefold()
            member = f.block not in staff_blocks and (t in ("sekreterare", "sekr") or (
                f.person.organization is not None and not _is_staff(f) and
                sum(1 for g in att.found if g.section is f.section and g.person.organization) >= 3))
            f.person.role = "member" if member else "other"
            continue
        block_size = sum(1 for g in att.found if g.block == f.block)
        if f.block in staff_blocks and block_size <= 5:
            f.person.role = "other"
            continue
        if _is_staff(f) and _staff_minority(att, f.section):
            f.person.role = "other"
