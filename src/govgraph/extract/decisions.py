"""Decisions per agenda item: one :class:`~govgraph.model.Decision` per distinct act.

Where acts are read:

- decision blocks: "Beslut:", "Ställningstagande <body>:", "<Body> beslutar att:" and the
  paragraphs and bullets after them (until the next sub-heading); there every bullet is an act,
  also in the infinitive ("Att avsätta 6 mkr …", "Avsluta projektet …", "Bifalla förslaget …");
- sentences anywhere in the item with a finite decision verb in any tense
  ("Dagordningen godkändes", "Marie får i uppdrag att …", "ÖK … är godkänd av chefsgruppen",
  "SocSam beslutade 2 september 2021 att …", "Ärendet bordläggs") — but not proposals,
  opinions, questions or plans ("föreslås", "anser", "kommer att", "?").

``by`` is the acting body: the sentence's subject ("Rådets ledamöter", "AU", "PKR"), the agent
of a passive ("godkänd av chefsgruppen", "beslutad i Regionala samverkansrådet"), the body the
block header names, the body whose report the item or section is, else the meeting's own body
for formal acts; ``None`` when a person acted ("fick uppdrag av Rickard Simonsson") or a
passive narrative names no actor ("En styrgrupp tillsattes"). ``reported`` is true for acts of
other bodies, acts with no acting body and this body's acts at an earlier meeting (a date or
"i februari" in the sentence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CleanDocument, Decision, Item, Protocol
from .amounts import find_amounts
from .entities import EntityFinder
from .names import NameIndex, find_names
from .text import Sentence, Unit, cap, fold, lower_for_match, prov

# ----------------------------------------------------------------------------- patterns (folded text)
_V = {
    "note": r"\b(?:lagg(?:er|s|es)|lades|lagts|lagt|lagga)\s+(?:[\w\-]+\s+){0,5}?till handlingarna\b|\binformationsarende\b"
            r"|\b(?:tas|togs|antecknas|antecknades)\s+till protokollet\b"
            r"|\b(?:har tagit|tog|tar|tagit) del av\b|\bnoter(?:ar|as|ades|ats)\b"
            r"|\btack(?:ar|ade)\s+for\s+(?:informationen|redovisningen|rapporten|dragningen|presentationen)\b",
    "approve": r"\b(?:ar|blev|blivit|varit|nu) beslutad\b|\banses?\s+(?:\w+\s+)?besvarad\b|\banses?\s+(?:\w+\s+)?bifallen\b|\bbeslutats\b|\bgodkan(?:ner|de|ns|nes|des|t|d|da|ts)\b|\bfaststall(?:er|de|s|es|des|t|ts|da)\b"
               r"|\b(?:antar|antog|antogs|antas|antagit|antagits)\b|\bbifall(?:er|s|es|it|its)\b|\bbifoll\b"
               r"|\bstall(?:er|de) sig bakom\b|\bstalls sig bakom\b|\btillstyrk(?:er|te|s|tes)\b"
               r"|\bbevilja(?:r|de|s|des|t|ts)\b(?!\s+(?:medel|bidrag|\d))"
               r"|\b(?:lamnar|lamnade|avger|avgav)\s+(?:\w+\s+)?yttrande\b",
    "recommend": r"\brekommender(?:ar|ade|as|ades|at|ats)\b",
    "reject": r"\bavsl(?:ar|og|as|ogs|agit|agits)\b",
    "assign": r"\b(?:ger|gav|gett|givit)\b[^.;]{0,60}?\b(?:i )?\w*uppdrag(?:et)?\b"
              r"|\b(?:far|fick|fatt|ges|gavs|getts|givits)\b(?:[^.;]{0,40}?)\b\w*uppdrag(?:et)?\b"
              r"|\buppdra(?:r|s|gits|des|git|gs)\b|\btilldelas (?:\w+ )?uppdrag|\bombeds\b"
              r"|\bhanskjut(?:s|es|er)\b|\bhanskots\b|\bhanskot\b|\b(?:hanteras|bereds) (?:i|av)\b"
              r"|\bfattas av\b|\bbjuds in (?:att|for att) (?:aterrapportera|redovisa|informera|aterkomma)"
              r"|\buppdrag(?:et)? (?:har )?(?:getts |givits |gavs )?fran\b",
    "allocate": r"\bavsatt(?:er|s|es|a|es)?\b|\bavsatte\b|\bfordela(?:r|s|des|t|ts)?\b|\bfordelning(?:en)? av\b"
                r"|\bbevilja(?:r|de|s|des|t|ts)?\s+(?:medel|bidrag|\d)|\bfinansier(?:as|ades|ingen|ing)\b"
                r"|\banslar\b|\banslas\b|\banslogs\b|\banvis(?:ar|as|ades|at|ats)\s+(?:medel|\d)",
    "establish": r"\b(?:aterupprat(?:tar|tas|tades|tat|tats)|inrattar|inrattas|inrattades|inrattat|tillsatt(?:er|es|s)|tillsattes"
                 r"|tillsatt|bild(?:ar|as|ades|ats)|skapa(?:r|s|des|ts)|upprat(?:tar|tas|tades|tats)"
                 r"|utsett en|utser en|utsag en|utses en)\b|\bingar i en (?:\w+ )?\w*grupp\b",
    "dissolve": r"\b(?:avslut(?:ar|as|ades|ats)|avveckl(?:ar|as|ades|ats)|uppl(?:oser|oses|ostes|osts)"
                r"|lagg(?:s|er) ned|lades ned|nedlaggning\w*|lagg(?:s|er) ner|lades ner)\b",
    "table": r"\bbordlagg(?:er|s|es|ning)\b|\bbordlades\b|\bbordlagts\b",
    "refer_back": r"\baterremi(?:ss|tter\w*|tteras|tterades)\b",
    "appoint": r"\b(?:utses|utsags|utsag|utsett|utser|valj(?:s|es) in|valjs|valdes|valdes in|valts|utsagts)\b",
}


def _at_word_start(pattern: str) -> re.Pattern:
    """``pattern``, every alternative of which begins at a word boundary (``\\b`` or ``^``
    before a letter), with one ``\\b`` in front: the same matches, but ``re`` rejects a
    position inside a word at once instead of trying every alternative there."""
    return re.compile(r"\b(?:" + pattern + ")")


_VRX = {k: _at_word_start(v) for k, v in _V.items()}

# Prefilter for the verb patterns: every alternative of ``_V[kind]`` needs one of the whole
# words ``_KIND_WORDS[kind]`` (a ``\w+`` run of the folded text: in the pattern the word stands
# between ``\b``s, spaces or ``\s+``) or, where the pattern ends a word in ``\w*``, one of the
# substrings ``_KIND_SUBSTRINGS[kind]``. A kind none of whose words and substrings occur in a
# sentence cannot match there, and is not scanned. The word each alternative needs:
_KIND_WORDS = {k: frozenset(v.split()) for k, v in {
    # "… till handlingarna", informationsärende, "… till protokollet", "tagit del av", noterar…,
    # tackar/tackade för
    "note": "handlingarna informationsarende protokollet del noterar noteras noterades noterats tackar tackade",
    # "är beslutad", "anses besvarad", "anses bifallen", beslutats, godkän-, fastställ-, antar…,
    # bifall- (bifaller, bifallit …), bifoll, "ställer sig bakom", tillstyrk-,
    # bevilja-, "lämnar … yttrande"
    "approve": "beslutad besvarad bifallen beslutats godkanner godkande godkanns godkannes godkandes godkant godkand"
               " godkanda godkants faststaller faststallde faststalls faststalles faststalldes faststallt faststallts"
               " faststallda antar antog antogs antas antagit antagits bifaller bifalls bifalles bifallit bifallits"
               " bifoll bakom tillstyrker tillstyrkte tillstyrks tillstyrktes beviljar beviljade beviljas beviljades"
               " beviljat beviljats yttrande",
    "recommend": "rekommenderar rekommenderade rekommenderas rekommenderades rekommenderat rekommenderats",
    "reject": "avslar avslog avslas avslogs avslagit avslagits",
    # "uppdrag…" forms: substrings; ombeds, hänskjut-, hänsköt-, "hanteras i", "bereds av",
    # "fattas av", "bjuds in att"
    "assign": "ombeds hanskjuts hanskjutes hanskjuter hanskots hanskot hanteras bereds fattas bjuds",
    # avsätt-, fördela-, "fördelning av", "bevilja medel", finansier-, anslår…, anvisa-
    "allocate": "avsatt avsatter avsatts avsattes avsatta avsatte fordela fordelar fordelas fordelades fordelat"
                " fordelats fordelning fordelningen bevilja beviljar beviljade beviljas beviljades beviljat beviljats"
                " finansieras finansierades finansieringen finansiering anslar anslas anslogs"
                " anvisar anvisas anvisades anvisat anvisats",
    # återupprätta-, inrätta-, tillsätt-, bilda-, skapa-, upprätta-, "utsett en", "ingår i en … grupp"
    "establish": "aterupprattar aterupprattas aterupprattades aterupprattat aterupprattats inrattar inrattas"
                 " inrattades inrattat tillsatter tillsattes tillsatts tillsatt bildar bildas bildades bildats"
                 " skapar skapas skapades skapats upprattar upprattas upprattades upprattats utsett utser utsag"
                 " utses ingar",
    # avsluta-, avveckla-, upplös-, "läggs/lades ned/ner" (nedläggning…: a substring)
    "dissolve": "avslutar avslutas avslutades avslutats avvecklar avvecklas avvecklades avvecklats upploser"
                " upploses upplostes upplosts laggs lagger lades",
    "table": "bordlagger bordlaggs bordlagges bordlaggning bordlades bordlagts",
    "refer_back": "aterremiss",                 # återremitter…: a substring
    "appoint": "utses utsags utsag utsett utser valjs valjes valdes valts utsagts",
}.items()}
_KIND_SUBSTRINGS = {"assign": ("uppdra",), "dissolve": ("nedlaggning",), "refer_back": ("aterremi",)}
assert _KIND_WORDS.keys() == _V.keys()
_ACT_WORDS = frozenset().union(*_KIND_WORDS.values())
_WORD_KINDS = {w: [k for k, ws in _KIND_WORDS.items() if w in ws] for w in _ACT_WORDS}
_SUBSTRING_KINDS = [(sub, k) for k, subs in _KIND_SUBSTRINGS.items() for sub in subs]
_WORD_RUN = re.compile(r"\w+")
_PUNCT = ".,;:!?()[]\"'”“„’«»-–—/*§%&+="         # none of them is a \w character


def _act_words(ft: str) -> frozenset[str]:
    r"""The words of ``_ACT_WORDS`` that are ``\w+`` runs of ``ft``: a set lookup of the
    words instead of a regex that tries every verb pattern at every word. Words split at white
    space are their one ``\w+`` run when they are all letters, and so are words with
    punctuation around them ("godkändes.", "(bilaga") once stripped of it; the few others
    (digits, inner punctuation) are split into runs."""
    words = ft.split()
    found = _ACT_WORDS.intersection(words)
    cores = [w.strip(_PUNCT) for w in words if not w.isalpha()]
    if cores:
        found |= _ACT_WORDS.intersection(cores)
        odd = [w for w in cores if not w.isalpha()]
        if odd:
            found |= _ACT_WORDS.intersection(_WORD_RUN.findall(" ".join(odd)))
    return found


def _act_kinds(ft: str) -> list[str]:
    """The kinds of ``_V`` (in its order) that can match ``ft``: those with one of their words
    or substrings in it (see ``_KIND_WORDS``)."""
    found = _act_words(ft)
    subs = [k for sub, k in _SUBSTRING_KINDS if sub in ft]
    if not found and not subs:
        return []                        # most sentences
    kinds = {k for w in found for k in _WORD_KINDS[w]}
    kinds.update(subs)
    return [k for k in _V if k in kinds]


# "beslutar", "beslutade", "beslutat" — not "redan/tidigare/nyligen beslutat", "de beslutade
# medlen"; "beslut fattades", "beslutades", "överenskoms", "kom överens om", "enades om".
# Every alternative begins at a word boundary, so one ``\b`` leads; the look-ahead for the verb
# comes before the look-behinds so that other words are rejected at once (the look-behinds
# alone would be tried at every position).
_DECIDE = re.compile(r"\b(?:beslut fattades\b|(?=beslut(?:ar|ade|at)\b)(?<!redan )(?<!tidigare )(?<!nyligen )(?<!\bde )"
                     r"(?<!\bden )(?<!\bdet )beslut(?:ar|ade|at)\b(?! (?:medel|insatser|satsning\w*|beslut\w*|ramar|budget\w*|aktiviteter)\b)"
                     r"|overenskoms\b|kom(?:mer)? overens om\b|kommit overens om\b|enades om\b|beslutades\b|beslut togs\b)")


def _decide(ft: str) -> re.Match | None:
    """``_DECIDE.search(ft)``; every alternative has "beslut", "overens" or "enades" in it."""
    if "beslut" in ft or "overens" in ft or "enades" in ft:
        return _DECIDE.search(ft)
    return None


_INFINITIVE = [
    ("allocate", r"(?:avsatta|fordela|bevilja medel|bevilja|anslå|ansla|anvisa)"),
    ("approve", r"(?:godkanna|anta|faststalla|bifalla|tillstyrka|stalla sig bakom|anse\b.*\bbesvarad"
                r"|(?:enligt|i enlighet med)\b.*\bforslag|bifall\b|avge\b.*\byttrande|lamna\b.*\byttrande)"),
    ("assign", r"(?:ge\b.*\buppdrag|uppdra|tilldela|hemstalla|overlamna\b.*\btill)"),
    ("appoint", r"(?:utse|valja)"),
    ("establish", r"(?:inratta|tillsatta|aterupprat\w*|bilda|skapa|uppratta)"),
    ("dissolve", r"(?:avsluta|avveckla|upplosa|lagga ned|lagga ner)"),
    ("table", r"(?:bordlagga)"),
    ("refer_back", r"(?:aterremittera)"),
    ("reject", r"(?:avsla)"),
    ("note", r"(?:lagga\b.*\btill handlingarna|notera|ta del av)"),
    ("recommend", r"(?:rekommendera)"),
]
_INF_RX = [(k, re.compile(r"^(?:att\s+)?" + v + r"\b")) for k, v in _INFINITIVE]

_HEADER = re.compile(
    r"^(?:(?:beslut|beslutet|ställningstagande|beslutsformulering)\b[^:]{0,80}:|(?:beslut|beslutet)\s*$|"
    r"(?:[\wåäöÅÄÖ]+-\s+(?:och|&)\s+)?[\wåäöÅÄÖ\-]+s\s+beslut\s*:?\s*$|(?:beslutades|beslöts|beslutade[s]?\s+enligt\s+följande)\s*:?\s*$|"
    r"(?:[\wåäöÅÄÖ:\-]+\s+){1,5}(?:beslutar|beslutade|beslöt)(?:\s+enligt följande|\s+att)?\s*(?::|$))\s*", re.I)
# (every alternative has "esl" in it: see ``_tail_header``)
_TAIL_HEADER = re.compile(r"(?<=[.:;!?] )((?:(?:[\wåäöÅÄÖ:\-]+\s+){1,5}(?:beslutar|beslutade|beslöt)|[Bb]eslutades|[Bb]esl[öo]ts)"
                          r"(?:\s+att)?\s*:?)$")
# "anta Tillsynsplan för miljö- och hälsoskydd 2023–2025", "fastställa verksamhetsplan och budget 2024"
_YEARS = r"\d{4}(?:\s*[–-]\s*\d{4})?"
_ADOPT_DOC = re.compile(r"\b(?:anta|antar|antogs|antas|fastställa|fastställer|fastställs|fastställdes)\s+"
                        r"((?:[A-ZÅÄÖa-zåäö]+(?:plan|program))(?:\s+och\s+budget)?"
                        # "Internkontrollplan 2024 för nämnden", "Regionplan och budget 2024 med plan för 2025–2026":
                        # a year right after the head ends the name (a multi-year plan may follow)
                        r"(?:\s+" + _YEARS + r"(?:\s+med\s+plan\s+för\s+" + _YEARS + r")?(?=\s*(?:[,.;:]|$|\s+(?:samt|och|med|för|att)\b))"
                        r"|(?:\s+(?:för|om|inom)\s+[^,.;:]{3,80}?)?(?:\s+" + _YEARS + r")?(?=\s*(?:[,.;:]|$|\s+(?:samt|och att|med)\b))))")
_RELATIVE_ACT = re.compile(r",\s+som\s+(?:(?:har|hade)\s+)?(?:tillstyrkte|tillstyrkt|godkande|godkant|antog|antagit"
                           r"|faststallde|faststallt|beslutade|beslutat)\b")
_PROPOSES_DECISION = re.compile(r"\b(?:föreslår|föreslog)\s+\S+\s+(?:att\s+)?besluta(?:\s+att)?\s*:?$")
_REPORT_FROM = re.compile(r"^(?:rapport(?:er)?|återrapport(?:ering)?|information)\s+från\s+(.+)$", re.I)
_NEUTRAL_HEAD = re.compile(r"^(?:ärendebeskrivning|ärendet|sammanfattning|bakgrund|bedömning|information)\b", re.I)
_LIKASA = re.compile(r"\blikasa\b")


def _header(text: str) -> re.Match | None:
    """``_HEADER.match(text)``. Every alternative of ``_HEADER`` (case-insensitive) has "besl"
    or "ställningstagande" in it: text whose lower case has neither (and no character that
    ``re.I`` folds differently, ``lower_for_match``) cannot match."""
    low = lower_for_match(text)
    if low is not None and "besl" not in low and "ställningstagande" not in low:
        return None
    return _HEADER.match(text)


def _tail_header(text: str) -> re.Match | None:
    """``_TAIL_HEADER.search(text)``; its verbs (beslutar, beslutade, beslöt, beslutades,
    beslöts, beslots) all have "esl" in them."""
    return _TAIL_HEADER.search(text) if "esl" in text else None


_NOT_HEADER = re.compile(r"^(?:förslag|beslutsunderlag|underlag|beslutsgång)", re.I)
# Sections whose points are proposals or motions, not decisions
_PROPOSAL_HEAD = re.compile(r"^(?:förslag till beslut|beslutsförslag|[\wåäöÅÄÖ\-]+s förslag(?: till beslut)?|"
                            r"yrkanden?|beslutsunderlag|underlag|propositionsordning|beslutsgång|omröstning|"
                            r"reservation(?:er)?|protokollsanteckning(?:ar)?|expedieras(?: till)?|skickas till)\s*:?\s*$", re.I)
# "Kommunstyrelsens förslag till kommunfullmäktige": what follows is this body's proposal to the assembly
_PROPOSAL_TO = re.compile(r"^(?:(?P<owner>[\wåäöÅÄÖ\-]+s)\s+)?förslag\s+till\s+(?P<to>[\wåäö\-]*fullmäktige|[\wåäö\-]*styrelsen"
                          r"|[\wåäö\-]*nämnden|direktionen|stämman|årsmötet)\s*:?$", re.I)
_PROPOSAL_INTRO = re.compile(r"\bf[oö]resl\w*|\bf[oö]rsl[aå]s\b|\bf[oö]rslag\b", re.I)

_SKIP_BEFORE = _at_word_start(
    r"\bforesl\w*|\bforsl[aå]s\b|\bforslaget (?:ar|innebar)\b|\bforslag (?:fran|pa|till beslut|om)\b"
    r"|\banser\b|\btycker\b|\bonskar\b|\bonskemal\b|\bkommer att\b|\bkommer\b|\bskulle\b|\bplaner(?:ar|as)\b"
    r"|\bkan\b|\bbor\b|\bska\b|\bskall\b|\bmaste\b|\bbehover\b|\bvill\b|\bfragan om\b|\bom\b(?= \w+ (?:ska|kan))"
    r"|\binget\b|\binga\b|\bingen\b|\binte\b|\bej\b|\baldrig\b|\bpagar\b|\bsyftar\b|\bforvantas\b|\bi samband med att\b"
    r"|\b(?:det|den|de) tidigare\b|\bsom\b|^om\b|^nar\b|^innan\b|^eftersom\b|\byrka\w*|\bproposition\b"
    r"|\bfinner att\b|\bviktigt\b|\bonskvart\b|\bangelaget\b|\bnodvandigt\b|\bmojligt\b|\bbra om\b"
    r"|\bforutsatt att\b|\bi fall\b|\bifall\b|\bhuruvida\b|\bvanta(?:r|s)? pa\b|\binnan\b")
_TIME = re.compile(
    r"\b(?:i|den|under|fran|per)\s+(?:\d{1,2}\s+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september"
    r"|oktober|november|december)\b|\b\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september"
    r"|oktober|november|december)(?:\s+\d{4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:forra|foregaende|tidigare|senaste)"
    r" (?:mote|motet|sammantradet|sammantrade)\b|\bi (?:varas|hostas|fjol)\b|\bfore sommaren\b")
_PROTOCOL_OF = re.compile(r"\b(?:protokoll\w*|\w*anteckningar\w*)\s+(?:fran|for)\s+(?:det\s+)?"
                          r"(?:(?:(?:foregaende|forra|senaste)\s+)?(?:mote\w*|sammantrade\w*)"
                          r"(?:\s+(?:den\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-z]+(?:\s+\d{4})?))?"
                          # "Anteckningarna från 2023-12-07 godkändes": the date names the minutes
                          r"|(?:den\s+)?\d{4}-\d{2}-\d{2})")
_PERSON_ACTOR = re.compile(r"\b(?:av|fran)\s+$")

# "Anna Ek rapporterade att Regionala samverkansgruppen … beslutade …": the body after "att" acted
_REPORTED_THAT = re.compile(r"\b(?:rapporter|informer|beratt|meddel|redovis|namn|uppg|berat)\w*\s+(?:om\s+)?att$")
# "beslutar att inrätta …", also with a date between ("beslutade den 15 april att tillsätta …")
_DECISION_INF_NEXT = re.compile(r"^\s*(?:(?:den|i|på)\s+\d{1,2}(?:\s+|/)[a-z0-9]+(?:\s+\d{4})?\s*,?\s+"
                                r"|(?:den\s+)?\d{4}-\d{2}-\d{2}\s*,?\s+)?att\s+([a-zåäö]+[ae])\b")


_RECOMMEND_TO_MEMBERS = re.compile(
    r"\b(?:foreslar|rekommenderar|rekommenderade)\b[^.]{0,80}?\b(?:kommuner\w*|huvudm\w+|region\w*|medlem\w*|parter\w*)\b"
    r"[^.]{0,80}?\batt (?:anta|godkanna|besluta|ansluta|delta|folja|teckna)\b")


def _propose_to_assembly(verb: str) -> re.Pattern:
    return re.compile(r"^(?:\S+\s+){1,4}?((?:foreslar|foreslog)\s+(?:\w*fullmaktige|\w*styrelsen|\w*namnden|\w*utskott\w*"
                      r"|regionstyrelsen|direktionen|stamman|arsmotet)\s+(?:" + verb + r"))\b")


_PROPOSE_TO_ASSEMBLY = _propose_to_assembly(r"(?:att\s+)?besluta")
_PROPOSE_TO_ASSEMBLY_DIRECT = _propose_to_assembly(
    r"(?:att\s+)?besluta|att\s+(?:anta|godkanna|faststalla|bevilja|anvisa|avsla|uppdra)")


# The assignee of an "assign" act, in order of preference (the first six case-insensitive)
_ASSIGNEE_PATTERNS = [re.compile(p, re.I if i < 6 else 0) for i, p in enumerate([
    r"\b(?:ger|gav|gett|givit|ge)\s+(.+?)\s+(?:ett\s+|i\s+)?\w*uppdrag",
    r"\buppdra(?:r|s|gits|git)?\s+(?:till|åt)\s+(.+?)(?:\s+att\b|[,.]|$)",
    r"\buppdrag(?:et)?\s+(?:har\s+)?(?:getts\s+|givits\s+|gavs\s+)?från\s+(?:(?!(?:om|hur|att|kan|ska)\b)[\wÅÄÖåäö/:\-]+\s+){1,6}?till\s+(.+?)(?:\s+att\b|[,.]|$)",
    r"\b(?:hänskjuts|hänskjutes|hänsköts|hänsköt)\s+till\s+(.+?)(?:\s+att\b|[,.]|$)",
    r"\b(?:hanteras|bereds)\s+(?:i\s+stället\s+|istället\s+)?(?:i|av)\s+(.+?)(?:[,.;]|$)",
    r"\bfattas\s+av\s+(.+?)(?:[,.;]|$)",
    r"(?:^(?:Att\s+)?|,\s+|\batt\s+|\boch\s+(?=[A-ZÅÄÖ]))((?:(?!\batt\b)[^,.;])+?)\s+(?:får|fick|fått|ges|gavs|getts|tilldelas|ombeds|bjuds in)\b",
    r"\benades om att\s+((?:[\wåäöÅÄÖ\-]+\s+){1,5}?)[a-zåäö]+(?:er|ar|r)\b",
    r"^(?:Att\s+)?(.+?)\s+ska\s+\w+",
])]


_PRESENT = re.compile(r"[a-z]+(?:ar|er|ns|as|es|gs|r)")
_PAST_DECIDE = re.compile(r"\b(?:beslutade|beslot|beslutat|beslutades|beslots|enades|kom overens|kommit overens|har \w+t)\b")
_PAST = re.compile(r"[a-z]+(?:des|tes|ades|ats|its|ts|ogs|ags|ots|ade|de|te|dde|tt|it)")


def _present_tense(verb_span: str) -> bool:
    """'godkänns', 'läggs', 'beslutar', 'antar' — the meeting's own act now, never an earlier one."""
    w = verb_span.split()[0] if verb_span.split() else ""
    return bool(_PRESENT.fullmatch(w)) and not _PAST.fullmatch(w)


_CLAUSE_CUT = re.compile(r",\s|;\s|\smen\s|\s(?:och|samt)\s")


def _clause_before(ft: str, pos: int) -> str:
    """The folded text of the clause that leads up to ``pos`` ("…, och rådet beslutade")."""
    if pos == 0:
        return ""
    head = ft[:pos]
    cut = 0
    for m in _CLAUSE_CUT.finditer(head):
        if m.group(0).strip() in ("och", "samt") and pos - m.end() > 25:
            continue                                     # "psykisk hälsa och suicidprevention"
        cut = max(cut, m.end())
    return head[cut:]


def _name_pos(text: str, name: str | None) -> int:
    """Where ``name`` (or its surname) first occurs in ``text``; unknown names last."""
    if not name:
        return len(text)
    i = text.find(name)
    if i < 0 and name.split():
        i = text.find(name.split()[-1])
    return i if i >= 0 else len(text)


def _short(text: str, words: int = 10) -> str | None:
    """At most ``words`` words, no sums of money, first letter upper case."""
    t = text.split("\t")[0]
    for am in reversed(find_amounts(t)):
        t = t[:am.start] + t[am.end:]
    t = re.sub(r"\s+", " ", t).strip(" ,.:;")
    t = re.sub(r"^(?:att|och|om|ett|en)\s+", "", t, flags=re.I)
    w = t.split()
    return cap(" ".join(w[:words]).strip(" ,.:;")) if w else None


@dataclass
class Act:
    kind: str
    pos: int                 # position of the verb in the sentence
    end: int
    infinitive: bool = False  # "Att avsätta …" in a decision block: no actor in the sentence


_GRANT_SUM = re.compile(r"\bbevilja(?:r|de|s|des|t|ts)?\b")


def _acts(ft: str) -> list[Act]:
    out = []
    for kind in _act_kinds(ft):          # only the kinds that can match (most sentences: none)
        for m in _VRX[kind].finditer(ft):
            if kind == "approve" and _GRANT_SUM.match(ft, m.start()) and \
                    any(0 <= am.start - m.end() <= 80 for am in find_amounts(ft[:m.end() + 100])):
                kind_here = "allocate"           # "Styrelsen beviljar Steget vidare 450 000 kronor"
                out.append(Act(kind_here, m.start(), m.end()))
                continue
            out.append(Act(kind, m.start(), m.end()))
    out.sort(key=lambda a: a.pos)
    return out


# ----------------------------------------------------------------------------- the extractor
class DecisionFinder:
    def __init__(self, doc: CleanDocument, protocol: Protocol, item: Item, names: NameIndex,
                 entities: EntityFinder):
        self.doc, self.protocol, self.item, self.names, self.ent = doc, protocol, item, names, entities
        self.own = protocol.body
        self.out: list[Decision] = []
        self.context_body: str | None = self._title_context()
        self.last_actor: str | None = None
        self.proposal_sentences: list[Sentence] = []
        self.heading: str | None = None          # the sub-heading the current text is under

    # ------------------------------------------------------------------ context
    def _title_context(self) -> str | None:
        """'Rapport från X' → X reports in this item."""
        low = lower_for_match(self.item.title)
        m = _REPORT_FROM.match(self.item.title) if low is None or "från" in low else None
        if not m:
            return None
        refs = self.ent.find_bodies(m.group(1), heading=True)
        for r in refs:
            if r.name and not r.own:
                return r.name
        return None

    def _section_context(self, u: Unit) -> str | None:
        """A unit 'Chefsgrupp samverkan … (två möten genomförda):' introduces that body's report."""
        if not u.text.endswith(":") or len(u.text) > 160:
            return None
        refs = [r for r in self.ent.find_bodies(u.text, heading=True) if r.name]
        if refs and refs[0].start <= 2:
            return None if refs[0].own else refs[0].name
        return None

    # ------------------------------------------------------------------ main loop
    def run(self, item_units: list[Unit]) -> list[Decision]:
        in_block = False
        block_by: str | None = None
        proposal_list = False
        section = None
        skip_section = False
        recommend_by: str | None = None     # the units are this body's proposal to another body
        recommend_atts = False              # only the att-points below "X föreslår Y besluta"
        for u in item_units:
            text = u.text
            if recommend_atts and u.kind != "bullet":
                recommend_by, recommend_atts = None, False
            if recommend_by is not None and u.kind != "heading":
                n0 = len(self.out)
                self._unit_sentences(u, in_block=True, block_by=recommend_by, section=None)
                for d in self.out[n0:]:
                    d.kind, d.by, d.reported = "recommend", recommend_by, False
                continue
            if u.kind == "heading" and _PROPOSAL_TO.match(text):
                pm = _PROPOSAL_TO.match(text)
                owner = self._header_body(pm.group("owner")) if pm.group("owner") else self.own
                if owner == self.own and self.own:
                    recommend_by, recommend_atts = self.own, False
                    in_block = proposal_list = False
                    section = None
                    skip_section = False
                    continue
            recommend_by = None
            if u.kind == "heading" and not _header(text):
                if not _PROPOSAL_HEAD.match(text) and not _NEUTRAL_HEAD.match(text):
                    self.heading = text.rstrip(":")
                in_block = False
                proposal_list = False
                section = None
                skip_section = bool(_PROPOSAL_HEAD.match(text))
                continue
            if skip_section and not _header(text):
                continue
            skip_section = False
            tail = _tail_header(text) if u.kind == "para" else None
            if tail and tail.start(1) > 0:
                # "… sedan 2021. Regionala samverkansrådet beslutar" + "att …" lines below
                head_text = text[:tail.start(1)].strip()
                if head_text:
                    self._unit_sentences(u, in_block=False, block_by=block_by, section=section, offset_text=head_text)
                in_block, proposal_list = True, False
                block_by = self._header_body(tail.group(1))
                continue
            hm = _header(text)
            if hm and not _NOT_HEADER.match(text):
                in_block = True
                proposal_list = False
                end = hm.end()
                hm2 = _header(text[end:])
                if hm2:                                  # "Beslut: Chefsgruppen beslutar att:"
                    end += hm2.end()
                block_by = self._header_body(text[:end])
                rest = text[end:].strip()
                if rest:
                    self._unit_sentences(u, in_block=True, block_by=block_by, offset_text=rest)
                continue
            sc = self._section_context(u) or self.ent.member_group(self.item.title, text)
            if sc:
                section = sc
            if u.kind == "para" and "besluta" in text and "föresl" in text and _PROPOSES_DECISION.search(text) \
                    and self._recommend_proposal(fold(text)) is not None:
                proposer = self._header_body(text)
                if self.own and proposer == self.own and (in_block or text.startswith(tuple(self.own.split()[:1]))):
                    # "Regionstyrelsen föreslår regionfullmäktige besluta" + "att …" lines:
                    # every att-point is one recommendation of this body
                    recommend_by, recommend_atts = self.own, True
                    continue
                self._unit_sentences(u, in_block=False, block_by=block_by, section=section)
                proposal_list = True                 # the att-points are what is proposed
                continue
            if u.kind == "para" and text.endswith(":") and _PROPOSAL_INTRO.search(text):
                proposal_list = True
                continue
            if u.kind != "bullet":
                proposal_list = False
            if proposal_list:
                continue
            self._unit_sentences(u, in_block=in_block, block_by=block_by, section=section)
        self._backfill_amounts()
        return self.out

    def _header_body(self, header: str) -> str | None:
        refs = [r for r in self.ent.find_bodies(header) if r.name]
        for r in refs:
            return self.own if r.own else r.name
        return self.own

    # ------------------------------------------------------------------ sentences
    def _unit_sentences(self, u: Unit, in_block: bool, block_by: str | None, section: str | None = None,
                        offset_text: str | None = None) -> None:
        unit_acts: list[Decision] = []
        sentences = u.sentences
        if offset_text is not None:
            sentences = []
            for s in u.sentences:
                if s.text in offset_text:
                    sentences.append(s)
                elif offset_text in s.text:
                    sentences.append(Sentence(offset_text, s.start, s.end, u, s.index))
                else:
                    # "Beslut: Rådet godkänner X. Ansvarig: …": the sentence the header opens
                    k = s.text.find(offset_text[:30])
                    if k > 0 and offset_text.startswith(s.text[k:]):
                        sentences.append(Sentence(s.text[k:], s.start, s.end, u, s.index))
            if not sentences:
                sentences = [Sentence(offset_text, u.start, u.end, u, 0)]
        prev = None
        for s in sentences:
            found = self._sentence(s, in_block, block_by, section, prev=prev)
            for d in found:
                if any(x.text != d.text and x.kind == d.kind and (x.assignee == d.assignee or d.kind in ("note", "allocate", "approve"))
                       and x.by == d.by for x in unit_acts):
                    if d.kind == "allocate" and d.amount_sek and not any(x.amount_sek for x in unit_acts if x.kind == "allocate"):
                        for x in unit_acts:
                            if x.kind == "allocate":
                                x.amount_sek = d.amount_sek
                                x.subject = d.subject or x.subject     # the sentence that names the sum
                                x.text = f"{x.text} {d.text}"
                                if x.prov and d.prov:
                                    x.prov = prov(self.doc, self.item.number, x.prov.start, d.prov.end)
                    continue
                unit_acts.append(d)
            prev = s
        if in_block:
            for d in unit_acts:
                if d.kind == "allocate" and d.amount_sek is None:
                    amts = find_amounts(u.text)
                    if amts:
                        d.amount_sek = amts[0].value
        self.out.extend(unit_acts)

    def _sentence(self, s: Sentence, in_block: bool, block_by: str | None, section: str | None,
                  prev: Sentence | None) -> list[Decision]:
        """The acts of one sentence (none for proposals, opinions, plans and questions)."""
        text = s.text
        if "besluta" in text and _PROPOSES_DECISION.search(text.rstrip(" .")):
            return []     # "Kommunstyrelsen föreslår kommunfullmäktige besluta": a heading; the
                          # att-lines after it are what is proposed
        ft = fold(text)
        acts = _acts(ft)
        decide = _decide(ft)
        first_pos = acts[0].pos if acts else (decide.start() if decide else 0)
        if decide and acts:
            first_pos = min(first_pos, decide.start())
        clause = _clause_before(ft, first_pos) if not in_block else ""
        if clause and _SKIP_BEFORE.search(clause):
            rel = self._relative_act(s, ft)
            if rel is not None:
                return [rel]
            self._proposer(s, ft)
            if not self._recommend_proposal(ft):
                if acts or decide:
                    self.proposal_sentences.append(s)
                return []
        if not in_block and ("?" in text):
            return []
        if not in_block and not acts and not decide:
            rp = self._recommend_proposal(ft)
            if rp:
                acts = [Act("recommend", rp, rp + 1)]
            else:
                # a candidate whatever it says: _backfill_amounts reads only those with a sum
                # (and only when an allocation lacks one), so no sum is looked for here
                self.proposal_sentences.append(s)
                return []
        if in_block and not acts:
            inf = self._infinitive(ft)
            if inf:
                mv = re.match(r"^(?:att\s+)?\S+", ft)
                acts = [Act(inf, 0, mv.end() if mv else 1, True)]
            elif re.search(r"\binga i en (?:\w+ )?\w*grupp\b", ft):
                acts = [Act("establish", 0, 1, True)]   # "… ska ingå i en beredande arbetsgrupp"
            else:
                m = re.match(r"^(?:att\s+)?(.+?)\s+ska\s+\w+", ft)
                if m and len(m.group(1).split()) <= 6:
                    acts = [Act("assign", m.end(1) + 1, m.end(1) + 4, True)]
        # "beslutar att …": the complement decides the kind; alone it is an approval
        if decide:
            dword = ft[decide.start():decide.end()]
            after = ft[decide.end():]
            inside = [a for a in acts if a.pos > decide.start()]
            mi = _DECISION_INF_NEXT.match(after)
            inf_kind = None
            if mi:
                inf_kind = self._infinitive(after[mi.start(1):])
            formal = fold(text[:decide.start()]).strip(" -") in ("", "det", "vidare", "darefter", "dessutom",
                                                                  "slutligen", "sedan", "motet")
            if dword in ("beslutades", "beslut togs", "beslut fattades") and not formal:
                # a narrative passive needs a named body ("På chefsgruppen …", "Vid SocSam:s
                # sammanträde …"); "Beslutades att …" opening the sentence is the meeting's own
                if not self._passive_actor(text, decide.start()) and not self.last_actor:
                    return []
                if dword == "beslutades" and not self._passive_actor(text, decide.start()):
                    return []
            if inf_kind:
                acts = [Act(inf_kind, decide.start(), decide.end())] + [a for a in acts if a.pos > decide.end() + 15]
            elif not inside:
                kind = "approve"
                if dword.startswith("enades") and self._enades_assignee(text, decide.end()):
                    kind = "assign"
                acts = [Act(kind, decide.start(), decide.end())] + acts
            elif mi is None:
                acts = inside if inside else acts
            else:
                acts = [Act("approve", decide.start(), decide.end())] + [a for a in acts if a.pos > decide.start()]
        rp = self._recommend_proposal(ft, direct=in_block)
        if rp is not None and not any(a.kind == "recommend" for a in acts):
            acts.append(Act("recommend", rp, rp + 1))
            acts.sort(key=lambda x: x.pos)
        if not acts:
            return []
        acts = self._merge(acts, ft)
        out = []
        for a in acts:
            d = self._decision(a, s, ft, in_block, block_by, section, prev)
            if d:
                out.append(d)
                co = []
                if d.kind == "appoint":
                    co = self._co_appointees(a, d, text)
                if d.kind == "assign" and d.assignee:
                    co = self._co_assignees(d, text)
                if co:                       # the people in the order the text names them
                    group = [out.pop(), *co]
                    group.sort(key=lambda x: _name_pos(text, x.assignee))
                    out.extend(group)
                if d.kind == "allocate" and d.amount_sek is not None:
                    out.extend(self._co_allocations(a, d, text))
                if d.kind == "establish":
                    m = re.search(r"\bmed\s+([A-ZÅÄÖ][\wåäöé\-]+(?:\s+[A-ZÅÄÖ][\wåäöé\-]+){1,2})\s+som\s+"
                                  r"(sammankallande|ordförande|samordnare|ansvarig|projektledare|vice ordförande)\b", text[a.end:])
                    who = self._np(m.group(1)) if m else None
                    if who:                      # "bilda en festkommitté med Inger Sandström som sammankallande"
                        out.append(Decision("appoint", d.by, cap(m.group(2)), who, None, d.reported, d.text, [], d.prov))
        # "X lades till handlingarna likaså Y": two acts
        if out and "likasa" in ft and _LIKASA.search(ft):
            d0 = out[0]
            out.append(Decision(d0.kind, d0.by, None, None, None, d0.reported, d0.text, [], d0.prov))
        return out

    def _proposer(self, s: Sentence, ft: str) -> None:
        """'Beredningsgruppen föreslår att …': a body that proposes is a body of the protocol."""
        m = re.match(r"^(\S+)\s+(?:foreslar|foreslog|har foreslagit)\b", ft)
        if m is None:
            return
        for r in self.ent.find_bodies(s.text):
            if r.start == 0 and r.end >= m.end(1) and not r.own:
                name = r.name or (cap(r.written) if r.written[:1].isupper() and re.search(r"(?:en|et|n)$", r.written) else None)
                if name:
                    self.ent.add_actor_body(name, r.written, s.start, None)
            break

    def _relative_act(self, s: Sentence, ft: str) -> Decision | None:
        """'… beretts av Ledningsgruppen för X, som tillstyrkte förslaget den 22 september':
        an earlier approval by the named body the relative clause hangs on (reported)."""
        m = _RELATIVE_ACT.search(ft)
        if m is None:
            return None
        for r in self.ent.find_bodies(s.text):
            if r.name and not r.own and 0 <= m.start() - r.end <= 1:
                return Decision(kind="approve", by=r.name, subject=self.item.title or None, reported=True,
                                text=s.text, prov=prov(self.doc, self.item.number, s.start, s.end, s.text))
        return None

    def _co_appointees(self, a: Act, d: Decision, text: str) -> list[Decision]:
        """'A (C) och B (V) utses att justera …': one appoint act per person named as the subject;
        also as the object: 'Fullmäktige utser A (M) och B (C) att justera …'."""
        mo = re.search(r"\b(?:utser|utse|väljer|välja|utsåg|valde)\s+(.+?)\s+(?:att|till|som)\b", text)
        if mo:
            group = re.sub(r"\s*\([^)]*\)", "", mo.group(1)).strip()
            parts = [x.strip() for x in re.split(r",\s*|\s+och\s+", group) if x.strip()]
            people = [self._np(x) for x in parts] if len(parts) >= 2 else []
            if people and all(p and (find_names(x) or self.names.resolve(x, record=False)) for p, x in zip(people, parts)):
                return [Decision(d.kind, d.by, d.subject, p, None, d.reported, d.text, [], d.prov)
                        for p in dict.fromkeys(people) if p != d.assignee]
        head = re.sub(r"\s*\([^)]*\)", "", text[:a.pos]).strip()
        if not re.fullmatch(r"[A-ZÅÄÖ][^.;:]*", head) or not re.search(r"\boch\b|,", head):
            return []
        found = find_names(head)
        if len(found) < 2 or found[0][0] != 0:
            return []
        people = [self._np(n) for _s, _e, n in found]
        rest = head
        for _s, _e, n in found:
            rest = rest.replace(n, "")
        if re.sub(r"[,\s]|\boch\b", "", rest) or any(p is None for p in people):
            return []                        # more than a list of names before the verb
        extra = []
        for p in people:
            if p != d.assignee:
                extra.append(Decision(d.kind, d.by, d.subject, p, None, d.reported, d.text, [], d.prov))
        return extra

    _GIVE_TO = re.compile(r"\b(?:ger|gav|gett|givit|ge|uppdrar\s+åt|uppdrog\s+åt|uppdra\s+åt)\s+(.+?)\s+(?:(?:ett\s+|i\s+)?\w*uppdrag\b|att\b)"
                          r"|^(?:Att\s+)?(.+?)\s+(?:får|fick|ges|gavs)\s+(?:[^.;]{0,30}?)\w*uppdrag\b")

    def _co_assignees(self, d: Decision, text: str) -> list[Decision]:
        """'Nätverket ger A och B i uppdrag att …': one assign act per person named."""
        m = self._GIVE_TO.search(text)
        if m is None:
            return []
        group = re.sub(r"\s*\([^)]*\)", "", m.group(1) or m.group(2) or "")
        parts = [x.strip() for x in re.split(r",\s*|\s+och\s+|\s+samt\s+", group) if x.strip()]
        if len(parts) < 2:
            return []
        people = []
        for part in parts:
            found = find_names(part)
            full = self.names.resolve(part, record=False) or (found[0][2] if found and found[0][2] == part else None)
            if not full:
                return []                    # not a plain list of people
            people.append(self.names.resolve(part) or full)
        return [Decision(d.kind, d.by, d.subject, p, None, d.reported, d.text, [], d.prov)
                for p in dict.fromkeys(people) if p != d.assignee]

    def _co_allocations(self, a: Act, d: Decision, text: str) -> list[Decision]:
        """'fördelar 2,5 mnkr till A och 450 tkr till B': one allocation per sum and recipient."""
        amts = [x for x in find_amounts(text) if x.start >= a.pos]
        if len(amts) < 2 or amts[0].value != d.amount_sek:
            return []
        extra = []
        for prev, cur in zip(amts, amts[1:]):
            gap = text[prev.end:cur.start]
            if not re.fullmatch(r"\s*(?:till|för)\s+[^.;]{3,80}?,?\s+(?:och|samt)\s+", gap):
                break
            mt = re.match(r"\s*(?:till|för)\s+(.+?)(?:[.;]|,\s|\s+(?:och|samt)\s+\d|$)", text[cur.end:])
            extra.append(Decision(d.kind, d.by, _short(mt.group(1)) if mt else d.subject, None, cur.value,
                                  d.reported, d.text, [], d.prov))
        if extra:                            # the first act's recipient ends before "och"
            mt = re.match(r"\s*(?:till|för)\s+(.+?)\s+(?:och|samt)\s+\d", text[amts[0].end:])
            if mt:
                d.subject = _short(mt.group(1))
        return extra

    def _merge(self, acts: list[Act], ft: str) -> list[Act]:
        kinds = [a.kind for a in acts]
        out: list[Act] = []
        for a in acts:
            if a.kind == "note" and "approve" in kinds:
                continue                                  # "godkändes och lades till handlingarna"
            if a.kind == "dissolve" and re.search(r"\b(?:mote|motet|sammantradet|dagens)\b", ft[a.end:a.end + 40] + ft[max(0, a.pos - 30):a.pos]):
                continue                                  # "avslutade mötet"
            if a.kind == "establish" and not re.search(r"grupp|rad\b|radet|natverk|funktion|namnd|kommitte|forum|team|plattform|utskott|styrelse|enhet|kansli|au\b", ft):
                continue
            if a.kind == "approve" and any(b.kind in ("allocate",) and abs(b.pos - a.pos) < 40 for b in acts) \
                    and re.search(r"bevilja", ft[a.pos:a.end]):
                continue
            if a.kind == "dissolve" and not re.search(
                    r"projekt|grupp|rad\b|radet|natverk|verksamhet|uppdrag|samarbete|avtal|funktion|satsning|kurs|namnd|utskott|kansli|insats|tjanst|enhet|forening|bolag|stiftelse|kommitte",
                    ft[max(0, a.pos - 60):a.end + 60]):
                continue
            if a.kind == "appoint" and any(b.kind == "establish" and abs(b.pos - a.pos) < 5 for b in acts):
                continue                                  # "utsett en arbetsgrupp"
            if any(b.kind == a.kind for b in out) and a.kind != "assign":
                continue
            if a.kind == "assign" and any(b.kind == "assign" and abs(b.pos - a.pos) < 12 for b in out):
                continue
            out.append(a)
        return out

    @staticmethod
    def _infinitive(ft: str) -> str | None:
        ft = ft.strip()
        for kind, rx in _INF_RX:
            if rx.match(ft):
                return kind
        return None

    @staticmethod
    def _recommend_proposal(ft: str, direct: bool = False) -> int | None:
        # every pattern below needs "foreslar", "foreslog" or "rekommender…": most sentences
        # have neither and are answered by two substring checks
        if "foresl" not in ft and "rekommender" not in ft:
            return None
        m = _RECOMMEND_TO_MEMBERS.search(ft)
        if m is None:   # "Nämnden föreslår kommunfullmäktige besluta att …": a proposal to the assembly
            # in a decision block also without "besluta": "Nämnden föreslår kommunfullmäktige att fastställa …"
            m = (_PROPOSE_TO_ASSEMBLY_DIRECT if direct else _PROPOSE_TO_ASSEMBLY).search(ft)
            return m.start(1) if m else None
        return m.start() if m else None

    def _enades_assignee(self, text: str, pos: int) -> str | None:
        m = re.match(r"\s*att\s+((?:[\wåäöÅÄÖ\-]+\s+){1,5}?)([a-zåäö]+(?:er|ar|r))\b", text[pos:])
        if not m:
            return None
        np = m.group(1).strip()
        verb = m.group(2)
        if fold(np.split()[0]) in ("det", "den", "de", "man", "vi", "ingangen", "detta") or verb in ("kan", "ska", "bör", "har", "är", "blir"):
            return None
        if fold(verb) in ("kommer", "behover", "finns", "galler", "sker"):
            return None
        return np

    def _passive_actor(self, text: str, pos: int) -> str | None:
        head = text[:pos]
        for r in self.ent.find_bodies(head):
            pre = fold(head[max(0, r.start - 5):r.start])
            if re.search(r"\b(?:pa|vid|i)\s*$", pre) and r.name:
                return r.name
        return None

    # ------------------------------------------------------------------ one act
    def _decision(self, a: Act, s: Sentence, ft: str, in_block: bool, block_by: str | None,
                  section: str | None, prev: Sentence | None) -> Decision | None:
        text = s.text
        by, by_known, person_actor = self._actor(a, text, ft)
        reported = False
        if not by_known and re.search(r"\bman(?:\s+\w+)?\s*$", ft[:a.pos]) and not self.context_body \
                and not section and not in_block:
            person_actor = True
        own_default = False
        if person_actor:
            by, reported = None, True
        elif not by_known:
            if in_block:
                by = block_by or self.own
                own_default = by is None
            elif section:
                by, reported = section, True
            elif self.context_body and a.kind not in ("note",) and re.search(r"\bman\b|\bhar\b", ft[:a.pos]):
                by, reported = self.context_body, True
            elif a.kind in ("establish", "dissolve", "allocate") and not _decide(ft):
                if a.kind == "allocate":
                    return None
                by, reported = None, True
            elif (a.kind != "appoint" and self._passive_actor(text, a.pos)) or (
                    a.kind != "note" and re.search(r"\bbeslut togs\b", ft) and self.last_actor):
                # ("Till ersättare i Piteå skolråd väljs B": the post's body, not the actor)
                by = self._passive_actor(text, a.pos) or self.last_actor
                reported = by != self.own or bool(_TIME.search(ft))
            else:
                by = self.own
                own_default = True
        if by is not None and by != self.own:
            reported = True
        tft = _PROTOCOL_OF.sub(" ", _clause_before(ft, a.pos) + ft[a.pos:a.end + 30])
        if by == self.own and not in_block and _TIME.search(tft) and not self._time_is_today(tft) \
                and not (_present_tense(ft[a.pos:a.end]) and not _PAST_DECIDE.search(ft)):
            reported = True                  # this body's act at an earlier meeting (past tense + date)
        if by is None and not own_default:
            reported = True                  # no body of this meeting acted
        if by and by != self.own:
            self.last_actor = by
            if by_known:
                self.ent.add_actor_body(by, by, s.start, None)
        assignee = self._assignee(a, text, ft, prev)
        amount = None
        if a.kind == "allocate":
            amts = find_amounts(text)
            if amts:
                after = [x for x in amts if x.start >= a.pos - 40]
                amount = (after or amts)[0].value
        elif a.kind == "recommend" and re.search(r"\batt\s+(?:bevilja|anvisa|avsatta|anslå|ansla|fordela)\b", ft[a.pos:]):
            amts = [x for x in find_amounts(text) if x.start > a.pos]
            if amts:                     # "föreslår kommunstyrelsen besluta att bevilja X 350 tkr"
                amount = amts[0].value
        if a.kind in ("approve", "recommend") and not reported:
            self._adopted_document(text, s)
        subject = self._subject(a, text, ft, s.start)
        return Decision(kind=a.kind, by=by, subject=subject, assignee=assignee, amount_sek=amount,
                        reported=reported, text=text,
                        prov=prov(self.doc, self.item.number, s.start, s.end, text))

    def _adopted_document(self, text: str, s: Sentence) -> None:
        m = _ADOPT_DOC.search(text)
        if m and not re.search(r"\b(?:förslag|förslaget|remiss)\b", m.group(1), re.I):
            line = s.start if s.start == s.end else s.start
            self.ent.add_adopted_document(m.group(1).strip(), line, text if s.start == s.end else None)

    def _time_is_today(self, ft: str) -> bool:
        """Every date in the sentence is the meeting's own date."""
        if not self.protocol.date:
            return False
        y, m, d = self.protocol.date.split("-")
        months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                  "oktober", "november", "december"]
        mo = months[int(m) - 1]
        dates = list(re.finditer(r"\b(\d{1,2})\s+([a-z]+)(?:\s+(\d{4}))?\b|\b(\d{4}-\d{2}-\d{2})\b", ft))
        if not dates:
            return False
        for x in dates:
            if x.group(4):
                if x.group(4) != self.protocol.date:
                    return False
            elif x.group(2) in months:
                if int(x.group(1)) != int(d) or x.group(2) != mo or (x.group(3) and x.group(3) != y):
                    return False
        return True

    def _actor(self, a: Act, text: str, ft: str) -> tuple[str | None, bool, bool]:
        """(body, found, acted-by-a-person) for the act at ``a.pos``."""
        if a.infinitive:
            return None, False, False
        refs = self._actor_refs(text)
        if a.kind == "assign" and re.match(r"(?:far|fick|fatt|ges|gavs|getts|givits|tilldelas|ombeds)\b", ft[a.pos:a.end]) \
                and not re.search(r"\b(?:av|fran)\s+\S", ft[a.end:a.end + 25]):
            # "X får i uppdrag att …": X is the assignee; the giver is the block's / meeting's body
            refs = [r for r in refs if r.start >= a.end]
        if a.kind == "assign" and re.search(r"\bfran\s*$", ft[a.pos:a.end]):
            for r in refs:                       # "uppdrag(et har getts) från KC/RD-gruppen"
                if 0 <= r.start - a.end <= 2:
                    return (self.own if r.own else r.name), True, False
        # passive agent right after the verb: "godkänd av chefsgruppen", "beslutad i X"
        for r in refs:
            if a.kind == "assign":
                break                     # "fattas av X", "hanteras i X": X is the assignee
            gap = fold(text[a.end:r.start])
            if r.start >= a.end and re.fullmatch(r"\s*(?:(?:har|ar|blivit|ocks[aå]|nu|aven)\s+)*(?:av|i)\s+(?:\w+\s+)?", gap):
                return (self.own if r.own else r.name), True, False
        # agent "av PERSON" right after the verb / uppdrag: a person acted
        after = text[a.end:a.end + 80]
        pm = re.match(r"\s*(?:[\wåäö]+\s+){0,3}?(?:uppdrag\w*\s+)?av\s+([A-ZÅÄÖ][\wåäö]+(?:\s+[A-ZÅÄÖ][\wåäö]+){1,2})", after)
        if pm and (find_names(pm.group(1)) or self.names.resolve(pm.group(1), record=False)):
            return None, True, True
        # subject before the verb (first words of the sentence, or after "Att"); before a passive
        # verb it is what the act is about ("Arbetsgruppen för fritidsgårdar avvecklas")
        verb0 = ft[a.pos:a.end].split()[0] if ft[a.pos:a.end].split() else ""
        passive = a.kind in ("dissolve", "establish", "approve", "note", "table", "refer_back", "reject", "appoint") \
            and verb0.endswith("s") and not verb0.endswith(("ss", "us"))
        for r in ([] if passive else refs):
            if r.end <= a.pos:
                lead = fold(text[:r.start]).strip()
                if lead in ("", "att", "-", "dock", "vidare", "aven", "ocksa", "dessutom", "darefter") or \
                        re.search(r"\b(?:om|och) att$", lead) or _REPORTED_THAT.search(lead) or \
                        re.fullmatch(r"(?:pa|vid|i)(?: \w+)?", lead):
                    mid = fold(text[r.end:a.pos])
                    if len(mid.split()) <= 12 and not re.search(r"\b(?:att|som|dar)\b", mid):
                        return (self.own if r.own else r.name), True, False
        # V2: "8 oktober 2020 rekommenderade SocSam kommunerna …", "… beslutade PKR …"
        lead_v2 = re.match(r"^\s*(?:\d|den\b|i\b|vid\b|pa\b|under\b|efter\b|darfor\b|sedan\b|nu\b|idag\b|da\b|ocksa\b|dessutom\b)", ft)
        for r in refs:
            if lead_v2 and a.pos > 0 and r.start >= a.end and len(fold(text[a.end:r.start]).split()) <= 1:
                return (self.own if r.own else r.name), True, False
        return None, False, False

    def _actor_refs(self, text: str):
        """Body mentions that can act: named ones, and generic ones ("Arbetsutskottet") by their
        written form when the document names no such body."""
        out = []
        for r in self.ent.find_bodies(text):
            if r.name or r.own:
                out.append(r)
            elif r.written[:1].isupper() and re.search(r"(?:en|et|n)$", r.written):
                r.name = cap(r.written)
                out.append(r)
        out.extend(self.ent.find_org_actors(text))   # "Socialstyrelsen har godkänt …"
        out.sort(key=lambda r: r.start)
        return out

    # ------------------------------------------------------------------ assignee / subject
    def _np(self, raw: str) -> str | None:
        raw = raw.split("\t")[-1]
        raw = re.sub(r"^(?:att|och|samt|den|det|de|en|ett|till|åt|at)\s+", "", raw.strip(), flags=re.I)
        raw = re.sub(r"^(?:att|den|det|de)\s+", "", raw, flags=re.I)
        raw = raw.strip(" ,.:;\"”")
        if not raw or len(raw.split()) > 14:
            return None
        full = self.names.resolve(raw, record=True)
        if full:
            return full
        toks = raw.split()
        for k in (3, 2):
            if len(toks) > k:
                full = self.names.resolve(" ".join(toks[-k:]), record=False)
                if full:
                    return full
        tail = find_names(raw)
        if tail and tail[-1][1] >= len(raw) - 1 and tail[-1][0] > 0:
            return self.names.resolve(tail[-1][2]) or tail[-1][2]
        roles = self.names.role(raw)
        if roles:
            return roles[0]
        if find_names(raw) and find_names(raw)[0][2] == raw:
            return raw
        refs = [r for r in self.ent.find_bodies(raw) if r.name]
        if refs and refs[0].start == 0 and refs[0].end >= len(raw) - 2:
            return refs[0].name
        first = raw.split()[0]
        if first[:1].islower() and fold(first) in ("man", "vi", "ni", "alla", "samtliga"):
            return None
        return cap(raw)

    def _assignee(self, a: Act, text: str, ft: str, prev: Sentence | None) -> str | None:
        k = a.kind
        if k == "appoint":
            m = re.search(r"\b(?:väljs|valdes|utses|utsågs)\s+(?:till\s+\S+\s+)?([A-ZÅÄÖ][\wåäöéü\-]+(?:\s+[A-ZÅÄÖ][\wåäöéü\-]+){1,2})", text)
            if m and re.search(r"\b(?:efter|i stället för|istället för|ersätter)\b", text[:m.start()]):
                np = self._np(m.group(1))        # "Till ersättare efter A, som avsagt sig uppdraget, väljs B"
                if np:
                    return np
            m = re.search(r"\b(?:utse|utser|välja|väljer|utsåg|valde)\s+(.+?)\s+(?:till|som|att)\b", text)
            if m:
                np = self._np(re.sub(r"\s*\([^)]*\)", "", m.group(1)))
                if np:
                    return np
            after = [n for s_, _e, n in find_names(text) if s_ >= a.pos]
            before = [n for _s, e_, n in find_names(text) if e_ <= a.pos + 1]
            if after and (re.search(r"\b(?:utse|utser|välja|väljer|utsåg|valde)\b", text) or not before):
                return self._np(after[0])          # "Till justerare utses Anna Svensson."
            names = [n for _s, e, n in find_names(text) if e <= a.pos + 1]
            if names:
                return self._np(names[-1])
            lead = text[:a.pos].strip()
            return self._np(lead) if lead and len(lead.split()) <= 4 else None
        if k == "assign":
            cands = []
            for pi, rx in enumerate(_ASSIGNEE_PATTERNS):
                for m in rx.finditer(text):
                    covers = m.start() <= a.pos + 2 and m.end() >= a.pos
                    cands.append((0 if covers else 1, abs(m.start() - a.pos), pi, m))
            for _c, _d, _pi, m in sorted(cands, key=lambda x: (x[0], x[2], x[1])):
                if _c and _d > 120:
                    continue
                np = self._np(m.group(1))
                if np and not re.search(r"\b(?:beslutar|beslutade|enades)\b", np, re.I):
                    return np
            # "uppdrag från KC/RD-gruppen om hur chefsgruppen kan bidra": the body after
            refs = [r for r in self.ent.find_bodies(text) if (r.name or r.own) and r.start > a.end + 2]
            if refs and re.search(r"uppdrag\w* fran", ft[a.pos:a.end + 5]):
                r = refs[0]
                return self.own if r.own else r.name
            return None
        if k == "refer_back":
            m = re.search(r"\btill\s+((?:[\wåäöÅÄÖ\-]+\s+){0,3}?[\wåäöÅÄÖ\-]*(?:förvaltning|nämnd|styrelse|utskott|kontor|grupp|beredning)\w*)",
                          text[a.pos:])
            if m and not re.match(r"(?:nästa|kommande)\b", m.group(1), re.I):
                return self._np(m.group(1))      # "återremitteras till samhällsbyggnadsförvaltningen"
            return None
        if k == "approve" and prev is not None and re.search(r"\b(?:detta|det)\s*\.?$", ft.strip(". ")):
            names = find_names(prev.text)
            first = prev.text.split()[0] if prev.text.split() else ""
            if names and names[0][0] == 0:
                return self._np(names[0][2])
            full = self.names.resolve(first, record=False)
            if full:
                return full
        return None

    def _subject(self, a: Act, text: str, ft: str, s_line: int | None = None) -> str | None:
        """A short name for what the act is about."""
        if re.search(r"\b(?:dagordning\w*|agenda\w*|foredragningslista\w*)\b", ft):
            return "Dagordning"
        if a.kind in ("approve", "note") and re.search(r"\b(?:protokoll\w*|minnesanteckningar\w*|anteckningar\w*)\b", ft):
            return "Föregående protokoll"
        if a.kind == "appoint" and "juster" in ft:
            return "Justerare"
        for e in self.ent.raw("agreement"):
            for al in [e.name, *e.aliases]:
                if len(al) > 3 and al in text:
                    return e.name
        if a.kind in ("approve", "recommend", "reject", "refer_back", "table", "note") and re.search(
                r"\b(?:ök|overenskommelse\w*|avtal\w*|strategi\w*|handlingsplan\w*|riktlinje\w*|policy\w*"
                r"|forslag(?:et)?|planen|rekommendation\w*)\b", ft):
            for e in self.ent.raw("agreement"):   # "godkänner förslaget till ÖK": the item's agreement
                if any(len(al) > 3 and fold(al) in fold(self.item.title) for al in [e.name, *e.aliases]):
                    return e.name
        if a.kind == "recommend":
            m = re.search(r"\batt\s+(?:anta|godkänna|fastställa|bevilja|anvisa|avsätta|teckna|ansluta sig till)\s+(.+?)(?:[.;]|,\s|$)",
                          text[a.pos:])
            if m:
                return _short(m.group(1))
        if a.kind in ("table", "refer_back"):
            return self.item.title or self.heading or None
        if a.kind == "establish":
            for r in self.ent.find_bodies(text):
                if r.name and not r.own and r.start > 0:
                    return r.name
            m = re.search(r"\b(?:en|ett)\s+((?:[\wåäö]+\s+){0,2}[\wåäö]*(?:grupp|råd|nätverk|funktion|kommitté|utskott|forum|beredning)\w*(?:\s+för\s+[\wåäö ]+?)?)(?:[,.]|\s+(?:har|som|där|till|med)\b|$)", text)
            if m:
                self.ent.add_established_body(m.group(1), self.item.start if s_line is None else s_line, None)
                return cap(m.group(1))
        if a.kind == "assign":
            m = re.search(r"\buppdrag(?:et)?\s+(?:att|om)\s+(.+?)(?:[.;]|,\s|$)", text) or \
                re.search(r"\b(?:uppdrar|uppdras|uppdra|hänskjuts|hänsköts)\s+(?:(?:åt|till)\s+.+?\s+)?att\s+(.+?)(?:[.;]|,\s|$)", text) or \
                re.search(r"\bombeds\s+(?:att\s+)?(.+?)(?:[.;]|,\s|$)", text)
            if m:
                return _short(m.group(1))
        if a.kind == "appoint":
            m = re.match(r"^(?:Att\s+)?[Tt]ill\s+(?!och med\b)(.+?)\s+(?:efter|väljs|valdes|utses|utsågs)\b", text) \
                or re.search(r"\btill\s+(?!och med\b)(.+?)(?:[.;]|,\s|\s+för tiden\b|\s+till och med\b|\s+t\.o\.m\.|$)", text[a.pos:])
            if m:
                return _short(m.group(1), 6)
        if a.kind == "allocate" and ft[a.pos:a.end].startswith("bevilja"):
            m = re.match(r"\s+([A-ZÅÄÖ][^,.;]{1,60}?)\s+(?:ett\s+(?:\w+)?bidrag\s+(?:om|på)\s+)?\d", text[a.end:])
            if m and not find_names(m.group(1)):
                return _short(m.group(1))        # "beviljar Steget vidare 450 000 kronor": the recipient
        if a.kind == "allocate":
            for m in re.finditer(r"\b(?:till|för)\s+(.+?)(?:[.;]|,\s|\s+under\s|\s+från\s|$)", text[a.pos:]):
                if re.search(r"[A-Za-zÅÄÖåäö]{3,}", m.group(1)) and not re.match(
                        r"(?:som|att|det|den|de|hur|vad|en|ett)\b", m.group(1), re.I):
                    return _short(m.group(1))
            return self.heading or self.item.title or None
        if a.kind == "note":
            m = re.search(r"\b(?:lägga|lägger|läggs|lades|lagts)\s+(.+?)\s+till handlingarna", text) or \
                re.search(r"^(?:.*?\batt\s+)?(.+?)\s+(?:läggs|lades|noteras|lagts)\b", text)
            if m:
                sub = _short(m.group(1))
                if sub and fold(sub).split()[0] not in ("informationen", "den", "det", "detta", "arendet"):
                    return sub
            return self.item.title or None
        verb = ft[a.pos:a.end]
        if a.infinitive or not re.search(r"(?:s|des|ts|ats)$", verb.split()[0] if verb.split() else ""):
            m = re.search(r"\batt\s+\S+\s+(.+?)(?:\s+till handlingarna|[.;]|,\s|$)", text[a.pos:]) if a.infinitive or \
                _decide(ft[:a.pos + 1]) else None
            obj = m.group(1) if m else text[a.end:]
        else:
            obj = text[:a.pos]
            obj = re.sub(r"^.*?\b(?:beslutar|beslutade|enades om)\s+att\s+", "", obj)
        obj = re.sub(r"^(?:att|och|-)\s+", "", obj.strip(" ,.:;"), flags=re.I)
        obj = re.sub(r"\s+(?:till handlingarna|är|har|blev)$", "", obj)
        sub = _short(obj)
        if sub and a.kind == "appoint" and (self.names.resolve(sub, record=False) or find_names(sub)):
            return self.heading or self.item.title or sub      # the post, not the person
        if not sub or fold(sub).split()[0] in ("det", "detta", "dessa", "informationen", "forslaget", "arendet",
                                                "till", "i", "med", "om", "enligt", "sig"):
            return self.heading or self.item.title or sub
        return sub

    # ------------------------------------------------------------------ amounts from proposals
    def _backfill_amounts(self) -> None:
        """An allocation decided without a sum takes it from the proposal it adopts
        ("Krokoms och Ragundas del av medlen (214 237:-) föreslås fördelas …")."""
        stop = {"att", "och", "av", "för", "till", "i", "med", "som", "den", "det", "de", "en", "ett",
                "samt", "mellan", "om", "på", "är", "socsam", "beslutar"}

        def words(t: str) -> set[str]:
            return {w for w in re.findall(r"[a-zåäö]{3,}", t.lower()) if w not in stop}

        for d in self.out:
            if d.kind != "allocate" or d.amount_sek is not None or d.reported or not d.text:
                continue
            best, best_n = None, 1
            for s in self.proposal_sentences:
                amts = find_amounts(s.text)
                if not amts:
                    continue
                n = len(words(s.text) & words(d.text))
                if n > best_n:
                    best, best_n = amts[0].value, n
            if best is not None:
                d.amount_sek = best


def find_decisions(doc: CleanDocument, protocol: Protocol, item: Item, item_units: list[Unit],
                   names: NameIndex, entities: EntityFinder) -> list[Decision]:
    return DecisionFinder(doc, protocol, item, names, entities).run(item_units)
