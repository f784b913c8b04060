"""Agreements, bodies and organisations: once each, canonical names, aliases, provenance."""
from __future__ import annotations

import pytest

from tests.test_extract_helpers import make, run

from govgraph import reference
from govgraph.extract.semantic import extract_semantics


def names(ents) -> list[str]:
    return [e.name for e in ents]


def test_agreement_canonical_long_name_and_alias():
    p = run("\n".join([
        "§ 5 Rapport", "",
        "- ÖK mellan Region Örebro län, kommunerna i Örebro län och NSPH avseende samarbete kring personer "
        "med psykiska funktionsnedsättningar är godkänd av chefsgruppen.",
        "- ÖK om samverkan vid utskrivning är också godkänd av chefsgruppen.",
        "",
        "§ 10 Överenskommelse om samverkan vid utskrivning från sluten hälso- och sjukvård – lägesrapport", "",
        "AU har gett LAG demens ett uppdrag att se över BPSD riktlinjen.",
    ]))
    got = names(p.agreements)
    assert "Överenskommelse om samarbete kring personer med psykiska funktionsnedsättningar" in got
    assert "Överenskommelse om samverkan vid utskrivning från sluten hälso- och sjukvård" in got
    assert "Riktlinje för BPSD" in got
    assert len(got) == 3                       # the short "ÖK om samverkan vid utskrivning" merged
    ok = next(e for e in p.agreements if e.name.startswith("Överenskommelse om samverkan"))
    assert ok.kind == "överenskommelse" and len(ok.prov) == 2


def test_not_agreements():
    p = run("§ 3 Nära vård\n\nDen länsgemensamma målbilden är inne i en beslutsprocess. Planen är att "
            "beslutsrundan ska vara klar. Det finns en kommunikationsplan och nya avtal.\n")
    assert names(p.agreements) == []


def test_bodies_by_head_noun_and_own_body_left_out():
    p = run("\n".join([
        "§ 7 Folkhälsoavtal", "",
        "Avtalen ska till regionstyrelsen för beslut. Karin är ordförande i fokusberedningen för somatisk "
        "och psykiatrisk specialistsjukvård samt högspecialiserad vård.",
        "Ärendet är beslutat i Primärkommunala rådet (PKR). PKR beslutade vid sammanträdet att följa frågan.",
        "Rådets ledamöter och Regionala samverkansrådet godkänner. Styrgruppen och arbetsgruppen möts.",
        "Frågan hänsköts till presidiet. Målgruppen är äldre. Detta sker i mindre grupper.",
    ]), body="Regionala samverkansrådet")
    got = names(p.bodies)
    assert "Regionstyrelsen" in got
    assert "Fokusberedningen för somatisk och psykiatrisk specialistsjukvård samt högspecialiserad vård" in got
    assert "Primärkommunala rådet" in got
    assert "Presidiet" in got
    assert "Regionala samverkansrådet" not in got          # the meeting's own body
    assert not any(n.lower() in ("styrgruppen", "arbetsgruppen", "målgruppen", "grupper") for n in got)
    pkr = next(e for e in p.bodies if e.name == "Primärkommunala rådet")
    assert "PKR" in pkr.aliases and pkr.kind == "council"


def test_organisations_with_reference_codes():
    p = run("\n".join([
        "§ 2 Läget", "",
        "Representanter från Askersund, Degerfors och Ängelholms kommun deltog tillsammans med "
        "Region Örebro län, länsstyrelsen, SKR och Folkhälsomyndigheten. Företaget Helseplan anlitas.",
        "Reumatikerförbundet och Örebro universitet medverkade. Nora Svensson deltog.",
    ]), participants=[("Siv Ahlstrand", "Askersund")])
    orgs = {e.name: e for e in p.organizations}
    assert orgs["Askersund"].kind == "municipality"
    assert orgs["Askersund"].code == reference.find_municipality("Askersund").code == "1882"
    assert orgs["Ängelholms kommun"].code == reference.find_municipality("Ängelholm").code
    assert orgs["Region Örebro län"].kind == "region"
    assert "Länsstyrelsen Örebro län" in orgs              # county taken from the document
    assert orgs["Sveriges Kommuner och Regioner"].aliases == ["SKR"]
    assert orgs["Helseplan"].kind == "company"
    assert orgs["Reumatikerförbundet"].kind == "association"
    assert "Örebro universitet" in orgs
    assert "Nora" not in orgs                               # a person's first name, not the municipality
    assert "Örebro" not in orgs                             # part of other names only


def test_every_entity_mention_has_exact_provenance():
    doc, p = make("§ 1 Ärende\n\nSKR och Socialstyrelsen informerade. Regionstyrelsen godkänner avtalet.\n")
    extract_semantics(doc, p)
    for e in (*p.agreements, *p.bodies, *p.organizations):
        assert e.prov
        for pv in e.prov:
            assert pv.quote in doc.text and pv.quote in doc.quote(pv.start, pv.end)


def test_body_lists_owned_bodies_and_genitive_owners():
    p = run("\n".join([
        "§ 10 Uppföljning av nätverk", "",
        "De nätverk som har följts upp är:", "",
        "- Chefer inom funktionshinderområdet",
        "- IFO chefer",
        "- MAS/MAR",
        "",
        "Familjerådgivningen har en egen politisk styrgrupp. SocSams ledningsgrupp utgör styrgrupp.",
        "Kommunerna meddelade vid Regionens samverkansråd att frågan utreds.",
        "I Nora har pensionärs- och handikapprådet diskuterat frågan.",
    ]), body="Sociala samrådsgruppen (SocSam)")
    got = names(p.bodies)
    for n in ("Chefer inom funktionshinderområdet", "IFO chefer", "MAS/MAR",
              "Politisk styrgrupp för Familjerådgivningen", "SocSams ledningsgrupp",
              "Regionens samverkansråd", "Pensionärs- och handikapprådet"):
        assert n in got, (n, got)


def test_regional_development_strategy_abbreviation_and_participant_orgs():
    p = run("§ 4 RUS- genomförande\n\nIngmar informerade om genomförandet av RUS i Kumla, Örebro, Karlskoga och Lindsberg.\n",
            participants=[("Elin Ring", "Regional utveckling"), ("Anna Berg", "Regional utveckling")])
    assert [e.name for e in p.agreements] == ["Regional utvecklingsstrategi"]
    orgs = names(p.organizations)
    assert "Regional utveckling" in orgs
    assert "Lindesberg" in orgs                          # misspelt in a list of municipalities


def test_acting_generic_body_is_listed_and_vague_plans_are_not():
    p = run("\n".join([
        "§ 45 Budget", "",
        "Arbetsutskottet beslutade 2023-10-02 att remittera ärendet.",
        "Förvaltningen ska återkomma med en plan för lokalerna.",
    ]), body="Kommunstyrelsen")
    assert names(p.bodies) == ["Arbetsutskottet"]
    assert names(p.agreements) == []


def test_municipal_bodies_and_kinds():
    p = run("§ 7 Remiss\n\nÄrendet har beretts i socialnämndens arbetsutskott och skickats till kommunstyrelsen "
            "samt till barn- och utbildningsnämnden. Nämnden har också informerat rådet för funktionshinderfrågor.\n",
            body="Socialnämnden")
    got = {e.name: e.kind for e in p.bodies}
    assert got == {"Socialnämndens arbetsutskott": "committee", "Kommunstyrelsen": "board",
                   "Barn- och utbildningsnämnden": "committee", "Rådet för funktionshinderfrågor": "council"}


def test_reports_from_several_groups_name_each_group():
    text = "\n".join([
        "§ 5 Rapport från länsdelsgrupperna", "",
        "Söder, Jaana Jansson.", "",
        "I söder har man beslutat sig för en handlingsplan.", "",
        "Norr, Madde Gustafsson.", "",
        "Norra länsdelen går in i ett forskningsprojekt.",
    ])
    p = run(text, body="Chefsgrupp för samverkan")
    assert names(p.bodies) == ["Länsdelsgrupp Söder", "Länsdelsgrupp Norr"]
    d = p.items[0].decisions
    assert [(x.kind, x.by, x.reported) for x in d] == [("approve", "Länsdelsgrupp Söder", True)]


# ----------------------------------------------------------------------------- municipalities vs places
def _org_names(text: str, **kw) -> list[str]:
    from tests.test_extract_helpers import run as _run
    return [o.name for o in _run(text, **kw).organizations]


def test_capital_letterhead_is_the_municipality_by_its_long_name():
    assert "Ludvika kommun" in _org_names("LUDVIKA KOMMUN\n\n§ 1 Ärende\n\nDagordningen godkänns.\n")


@pytest.mark.parametrize("line", [
    "Sammanträdet hölls i Stadshuset, sal Ejdern, Piteå.",
    "Lena rapporterade från nätverksträffen i Piteå.",
    "Val av ersättare i Piteå skolråd.",
])
def test_a_place_or_a_body_modifier_is_no_organisation(line):
    assert _org_names(f"§ 1 Ärende\n\n{line}\n") == []


# ----------------------------------------------------------------------------- names cut at the right place
def _body_names(text: str, **kw) -> list[str]:
    from tests.test_extract_helpers import run as _run
    return [b.name for b in _run(text, **kw).bodies]


def test_a_verb_or_time_phrase_after_a_body_is_not_part_of_its_name():
    text = ("§ 1 Motion\n\nKommunstyrelsen föreslår att motionen avslås.\n\n§ 2 Val\n\n"
            "Till ny ersättare i socialnämnden för tiden till och med 2026-12-31 väljs Maria Krantz.\n")
    names = _body_names(text, body="Kommunfullmäktige")
    assert "Kommunstyrelsen" in names and "Socialnämnden" in names
    assert not any(n.startswith(("Kommunstyrelsen föreslår", "Socialnämnden för")) for n in names)


def test_abbreviation_does_not_take_a_preposition_as_first_word():
    text = "§ 1 Anmälan\n\n- Protokoll från samverkansgruppen (FSG) 2023-03-15\n"
    assert not any(n.lower().startswith("från") for n in _body_names(text, body="Socialnämnden"))


def test_agreement_name_stops_before_a_verb():
    text = "§ 1 Dagordning\n\nÄrendet om länsgemensam strategi för suicidprevention utgår.\n"
    agrs = [a.name for a in run(text).agreements]
    assert not any(a.endswith("utgår") for a in agrs)


def test_organisation_names_kept_whole_and_persons_never_organisations():
    text = ("§ 1 Samråd\n\nMöte med Helsingborgs stad, Visit Dalarna AB och Samordningsförbundet Västra Mälardalen. "
            "Stefan Hedlund (SD) yrkade bifall. Programmet för Falu kommun antogs.\n")
    names = _org_names(text)
    assert {"Helsingborgs stad", "Visit Dalarna AB", "Samordningsförbundet Västra Mälardalen", "Falu kommun"} <= set(names)
    assert "Region Dalarna" not in names and "Helsingborg stad" not in names
    assert "Stefan Hedlund" not in names and "Samordningsförbundet" not in names


@pytest.mark.parametrize("line, name", [
    ("Beslut\natt anta Tillsynsplan för miljö- och hälsoskydd 2023–2025,", "Tillsynsplan för miljö- och hälsoskydd 2023–2025"),
    ("Beslut\n- att fastställa verksamhetsplan och budget 2024,", "Verksamhetsplan och budget 2024"),
    ("Nämnden föreslår kommunstyrelsen besluta att anta Bostadsförsörjningsprogram för Falu kommun 2024–2030.",
     "Bostadsförsörjningsprogram för Falu kommun 2024–2030"),
])
def test_adopted_plans_and_programmes_are_agreements(line, name):
    assert name in [a.name for a in run(f"§ 1 Ärende\n\n{line}\n", body="Socialnämnden").agreements]


def test_a_proposed_plan_is_no_agreement():
    text = "§ 1 Ärende\n\nFörvaltningen har tagit fram ett förslag till tillsynsplan för 2024.\n"
    assert run(text).agreements == []


def test_associations_by_their_form():
    text = ("§ 1 Bidrag\n\nNämnden beviljar Brottsofferjouren 150 000 kronor. Tuna IF har ansökt om lokal. "
            "Styrelsen för Tuna hembygdsförening sammanträdde.\n")
    assert {"Brottsofferjouren", "Tuna IF", "Tuna hembygdsförening"} <= set(_org_names(text))


def test_agreement_cut_short_in_the_text_takes_the_item_title():
    text = ("§ 8 Överenskommelse om samverkan kring unga som varken arbetar eller studerar\n\n"
            "Länets kommuner har tecknat en ny överenskommelse om samverkan kring unga som varken arbetar eller studerar.\n")
    names = [a.name for a in run(text).agreements]
    assert names == ["Överenskommelse om samverkan kring unga som varken arbetar eller studerar"]


def test_courts_and_named_associations_are_organisations():
    text = ("§ 4 Ärende\n\nUtskottet beslutar att överlämna överklagandet till Förvaltningsrätten i Härnösand.\n"
            "Kommunstyrelsen beviljar Föreningen Karlstads Kvinnojour 650 000 kronor.\n")
    orgs = {o.name: o.kind for o in run(text, body="Individutskottet").organizations}
    assert orgs.get("Förvaltningsrätten i Härnösand") == "agency"
    assert orgs.get("Föreningen Karlstads Kvinnojour") == "association"
    assert "Härnösand" not in orgs


def test_adjective_raad_is_a_body_and_its_name_stops_before_its_task():
    text = ("§ 5 Råd\n\nRegionstyrelsen inrättar Regionalt råd för civilsamhället med uppgift att stödja dialogen.\n"
            "Kommunen erbjuder råd och stöd till föreningar.\n")
    assert _body_names(text, body="Regionstyrelsen") == ["Regionalt råd för civilsamhället"]


def test_sentence_initial_genitive_of_a_body_owns_the_next_body():
    text = "§ 5 Ledamöter\n\nRegionstyrelsens arbetsutskott får i uppdrag att utse rådets ledamöter.\n"
    assert "Regionstyrelsens arbetsutskott" in _body_names(text, body="Regionstyrelsen")


def test_municipality_after_a_street_address_is_a_place_and_genitive_letterhead_is_the_municipality():
    text = ("KARLSTADS KOMMUN\tSAMMANTRÄDESPROTOKOLL\n\n§ 1 Ärende\n\n"
            "Mötet hölls i Regionens hus, Köksvägen 11, Umeå.\n")
    assert _org_names(text) == ["Karlstads kommun"]


def test_adopted_plan_with_the_year_first_and_a_multi_year_plan():
    text = ("§ 10 Planer\n\nNämnden antar Internkontrollplan 2024 för överförmyndarnämnden.\n"
            "Nämnden föreslår fullmäktige besluta att fastställa Regionplan och budget 2024 med plan för 2025–2026.\n")
    agrs = [a.name for a in run(text, body="Nämnden").agreements]
    assert "Internkontrollplan 2024" in agrs and "Regionplan och budget 2024 med plan för 2025–2026" in agrs


def test_county_board_with_a_two_word_county_is_not_a_region():
    text = "§ 13 Tillsyn\n\nLänsstyrelsen i Västra Götalands län har inte funnit skäl till kritik.\n"
    assert _org_names(text, body="Nämnden") == ["Länsstyrelsen i Västra Götalands län"]


def test_one_word_region_name_and_agreement_names_around_shared_compounds():
    text = ("§ 100 Riktlinje\n\nFörvaltningen har tagit fram en riktlinje i samverkan med Västra Götalandsregionen "
            "enligt den regionala Överenskommelsen om samverkan vid in- och utskrivning från sluten hälso- och sjukvård.\n")
    p = run(text, body="Nämnden")
    assert [o.name for o in p.organizations] == ["Västra Götalandsregionen"]
    agrs = [a.name for a in p.agreements]
    assert "Regional överenskommelse om samverkan vid in- och utskrivning från sluten hälso- och sjukvård" in agrs
    assert not any("i samverkan" in a for a in agrs)


def test_auditors_are_a_body_and_a_body_name_stops_before_for_yttrande():
    text = ("§ 62 Revisionsrapport\n\nRevisorerna har lämnat rapporten till kommunstyrelsen för yttrande.\n"
            "Kommunstyrelsen översänder yttrandet till revisorerna.\n")
    names = _body_names(text, body="Kommunfullmäktige")
    assert "Revisorerna" in names and "Kommunstyrelsen" in names
    assert not any("yttrande" in n for n in names)


def test_barnahus_is_an_organisation():
    text = "§ 3 Våld\n\nI statistik från Barnahus syns en fördröjning av förhören.\n"
    assert _org_names(text) == ["Barnahus"]


def test_genitive_of_a_board_names_the_board_and_not_the_owned_thing():
    text = "§ 45 Meddelanden\n\n- Kommunstyrelsens beslut 2024-04-16 § 88 om lokalförsörjning\n"
    assert _body_names(text, body="Kultur- och fritidsnämnden") == ["Kommunstyrelsen"]
    # the owner in the meeting's own name is another body, not the meeting's own
    text2 = "§ 26 Medel\n\nMedlen tas ur kommunstyrelsens förfogandeanslag.\n"
    assert _body_names(text2, body="Kommunstyrelsens arbetsutskott") == ["Kommunstyrelsen"]


def test_named_compound_plan_clubs_and_a_meeting_room_before_the_town():
    text = ("§ 44 Kultur\n\nNämnden informeras om Regional kulturplan för Halland 2025–2028. "
            "Halmstads Bågskytteklubb får bidrag. Mötet hölls i Stadshuset, sammanträdesrum Nissan, Halmstad.\n"
            "En ny kommunikationsplan för projektet togs fram. Regional handlingsplan för Halland antogs.\n")
    p = run(text, body="Kultur- och fritidsnämnden")
    agrs = [a.name for a in p.agreements]
    assert "Regional kulturplan för Halland 2025–2028" in agrs and "Regional handlingsplan för Halland" in agrs
    assert not any("kommunikationsplan" in a.lower() or a.endswith("antogs") for a in agrs)
    orgs = [o.name for o in p.organizations]
    assert "Halmstads Bågskytteklubb" in orgs and "Halmstad" not in orgs


def test_named_bodies_from_an_abbreviation_a_town_an_establishing_act_and_a_proposal():
    assert _body_names("§ 1 Anmälan\n\n- Protokoll från samverkansgruppen (FSG) 2023-03-15\n",
                       body="Barn- och utbildningsnämnden") == ["Samverkansgruppen"]
    assert _body_names("§ 2 Val\n\nVal av ersättare i Piteå skolråd.\n", body="Barn- och utbildningsnämnden") \
        == ["Piteå skolråd"]
    assert _body_names("§ 3 Valborg\n\nBeslutades att bilda en festkommitté med Inger Sandström som sammankallande.\n",
                       body="Styrelsen för Tuna hembygdsförening", participants=[("Inger Sandström", None)]) == ["Festkommitté"]
    assert _body_names("§ 4 Fest\n\nBeslutades att bilda en arbetsgrupp.\n", body="Styrelsen") == []
    assert _body_names("§ 5 Insatser\n\nBeredningsgruppen föreslår att insatsen avslutas.\n", body="Styrelsen") \
        == ["Beredningsgruppen"]


def test_plan_for_a_period_only_names_no_agreement():
    assert [a.name for a in run("§ 1 Ärende\n\nArbetet fortsätter med en ny handlingsplan för perioden 2025–2027.\n").agreements] == []


def test_contract_named_by_its_counterparty():
    text = ("§ 25 Markanvisning\n\nFörvaltningen föreslår ett markanvisningsavtal med Norrbäck Bygg AB.\n"
            "Vi har ett avtal med Anna Svensson om städning.\n")
    assert [a.name for a in run(text, body="Nämnden").agreements] == ["Markanvisningsavtal med Norrbäck Bygg AB"]


@pytest.mark.parametrize("head, region", [
    ("REGION SÖRMLAND\tPROTOKOLL", "Region Sörmland"),
    ("REGION JÄMTLAND HÄRJEDALEN", "Region Jämtland Härjedalen"),
])
def test_capital_letterhead_of_a_region(head, region):
    assert _org_names(f"{head}\n\n§ 1 Ärende\n\nDagordningen godkänns.\n") == [region]


def test_agreement_name_stops_before_och_and_a_decision_verb():
    text = "§ 32 Hemlöshet\n\nSocialnämnden antar Handlingsplan mot hemlöshet 2024–2026 och avsätter 1,2 miljoner kronor.\n"
    assert [a.name for a in run(text, body="Socialnämnden").agreements] == ["Handlingsplan mot hemlöshet 2024–2026"]


# ------------------------------------------------------------------ fast paths of the entity scan
# Each whole-document pass and gate of ``EntityFinder.scan`` gives exactly what the plain,
# per-text computation gives (on the seed protocols and on random text).
from pathlib import Path  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402

from govgraph.extract import entities  # noqa: E402
from govgraph.extract.text import deaccent, units  # noqa: E402
from govgraph.pipeline import clean, parse, read  # noqa: E402

_EXAMPLES = Path(entities.__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def seed_unit_texts():
    out = []
    for f in sorted(_EXAMPLES.glob("*.txt")):
        doc = clean(read(f))
        p = parse(doc)
        out.append([u.text for u in units(doc, 1, len(doc.lines), {it.start for it in p.items if it.start},
                                          sentences=False)])
    return out


def _random_texts(alphabet, n=20000, seed=1, size=30):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, size))) for _ in range(n)]


def test_token_pattern_is_the_backtracking_one():
    plain = re.compile(r"[\w][\w:/\-–.]*[\w]|[\w]|[^\w\s]")
    texts = _random_texts(["a", "Ö", "1", "_", ":", "/", "-", "–", ".", " ", "\t", ",", "(", "”", "é"], size=25)
    for t in [*texts, "ÖK:s riktlinje 2/3 bl.a. in- och utskrivning –", "a..b. :c -"]:
        assert [m.span() for m in entities._TOKEN.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_paren_matches_are_the_full_scan(seed_unit_texts):
    texts = _random_texts(["Ab", " cD", "(EF)", "-", "\n", " ", "Å", "é", "/", "x", ")", "(", "(GH)", " och ",
                           " för ", " i ", " mot ", ".", ","], size=14)
    for t in [*texts, *("\n".join(u) for u in seed_unit_texts)]:
        assert [(m.span(), m.groups()) for m in entities._paren_matches(t)] == \
            [(m.span(), m.groups()) for m in entities._PAREN.finditer(t)], t


def test_municipality_pattern_is_the_look_behind_one():
    plain = re.compile(r"(?=[A-Z])(?<![\w-])(" + entities._alternation(entities._muni_deaccented()) + r")"
                       r"(s?\s+(?:kommun|stad)\b)?(?![\w-])")
    texts = _random_texts(["Orebro", "Lund", "Malmo", "Falu", "Upplands Vasby", " ", "-", "x", "s", " kommun",
                           " stad", "\n", ":", "Ale", "Alea"], size=8)
    for t in texts:
        for pos in (0, 1, 4):
            assert [(m.span(), m.groups()) for m in entities._muni_rx().finditer(t, pos)] == \
                [(m.span(), m.groups()) for m in plain.finditer(t, pos)], (t, pos)


def test_place_and_event_gates():
    words = ["hus", "HUS", "sal", "salen ", "rum ", "lokal", "Plats", "motesplats:", "gatan 12", "123 45", " ", ",",
             "x", "i ", " i ", "träff", "möte", "resa", "konferens", "besök", "Ejdern", "\t"]
    for t in _random_texts(words, n=20000, size=6):
        assert entities._place_before(t) == bool(entities._PLACE_BEFORE.search(t)), t
        assert entities._event_before(t) == bool(entities._EVENT_BEFORE_MUNI.search(t)), t


def test_whole_document_passes_cover_every_unit(seed_unit_texts):
    """What the passes over a whole document say of each unit is what the unit's own text says:
    the same gazetteer spans, and every unit in which a scanner can match is scanned."""
    for texts in seed_unit_texts:
        passes = entities._Passes(texts)
        hits = entities._org_hits(passes, {})
        bodies = passes.units_matching(entities._BODY_END)
        agreements = passes.units_matching(entities._AGR_END)
        for k, t in enumerate(texts):
            own = entities._OrgHits.of_text(t)
            h = hits[k]
            if h is None:
                assert not own.gazetteer and not own.forms and not any(w in t for w in entities._ORG_WORDS)
                assert not entities._muni_rx().search(deaccent(t)) and not entities._MUNI_LIST.search(t)
                assert not entities._COUNTY_NAMES.search(t)
                continue
            assert h.gazetteer == own.gazetteer
            assert list(h.forms) == list(own.forms)
            assert h.county == own.county
            assert h.munis or not entities._muni_rx().search(deaccent(t))
            assert h.muni_list or not entities._MUNI_LIST.search(t)
            assert (k in bodies) == bool(entities._BODY_END.search(t))
            assert (k in agreements) == bool(entities._AGR_END.search(t))


def test_body_and_agreement_gates_are_implied(seed_unit_texts):
    """A token with a body head or an agreement head puts a match of the gate in its text."""
    for texts in seed_unit_texts:
        for t in texts:
            toks = [m.group(0) for m in entities._TOKEN.finditer(t)]
            if any(entities._body_head_of(x) or x.lower() == "råd" for x in toks):
                assert entities._BODY_END.search(t), t
            if any(entities._AGR_HEAD.match(x[:-2] if x.endswith(":s") else x) for x in toks):
                assert entities._AGR_END.search(t), t


def _similar(a: str, b: str) -> float:
    """The similarity ratio of two names' merge keys, computed in full (the reference)."""
    from difflib import SequenceMatcher
    ka, kb = entities._key(a), entities._key(b)
    return 1.0 if ka == kb else SequenceMatcher(None, ka, kb).ratio()


def test_similarity_at_a_threshold_is_the_ratio_test():
    names = ["Regionala samverkansrådet", "Regionalt samverkansråd", "Samverkansrådet", "Chefsgruppen",
             "Chefsgrupp för samverkan", "Styrgruppen", "Styrgrupp", "Överenskommelse om samverkan",
             "Överenskommelse om samverkan kring unga", "Handlingsplan mot hemlöshet", "Ledningsgruppen"]
    for a in names:
        for b in names:
            for th in (0.75, 0.8, 0.9):
                assert entities._similar_reach(a, b, th) == (_similar(a, b) >= th), (a, b, th)


def test_county_lan_matches_are_the_full_scan(seed_unit_texts):
    texts = _random_texts(["Örebro", "Örebros", " ", "  ", "\t", "län", "länet", "x", "Ab", ",", "-", "Västra",
                           "\n", "ÅS", "i"], size=9)
    for t in [*texts, *(u for us in seed_unit_texts for u in us)]:
        assert [(m.span(), m.groups()) for m in entities._county_lan_matches(t)] == \
            [(m.span(), m.groups()) for m in entities._COUNTY_LAN.finditer(t)], t


def test_a_bodys_verb_is_not_part_of_its_name():
    p = run("§ 4 Information\n\nElin Ring informerar om att FOU-rådet anser att personal ska tillsättas. "
            "Regionala utvecklingsrådet menar att frågan är viktig. Frågan är om Pensionärsrådet ser behov "
            "av mer stöd.\n")
    assert sorted(names(p.bodies)) == ["FOU-rådet", "Pensionärsrådet", "Regionala utvecklingsrådet"]


def test_organisations_by_form_foundations_county_associations_and_clubs():
    text = ("§ 1 Samverkan\n\nSamarbete med Smålands idrottsförbund, IFK Oskarshamn och Föreningen Friskis & Svettis "
            "Kalmar. Stiftelsen Gotlands folkhögskola har visat intresse, liksom Stiftelsen Norrbottens "
            "kompetenscentrum för räddningstjänst. Utvärderingen gjordes av Linnéuniversitetet. Även Enköpings "
            "Hyresbostäder AB deltar. Föreningen Kvinnojouren i Enköping bidrar. Samordningsförbundet Uppsala län "
            "finansierar. Avtal med Västmanlands Idrottsförbund och Örebro läns bildningsförbund.\n")
    orgs = {o.name: o.kind for o in run(text).organizations}
    for name, kind in [("Smålands idrottsförbund", "association"), ("IFK Oskarshamn", "association"),
                       ("Föreningen Friskis & Svettis Kalmar", "association"),
                       ("Stiftelsen Gotlands folkhögskola", "other"),
                       ("Stiftelsen Norrbottens kompetenscentrum för räddningstjänst", "other"),
                       ("Linnéuniversitetet", "other"), ("Enköpings Hyresbostäder AB", "company"),
                       ("Föreningen Kvinnojouren i Enköping", "association"),
                       ("Samordningsförbundet Uppsala län", "association"),
                       ("Västmanlands Idrottsförbund", "association"),
                       ("Örebro läns bildningsförbund", "association")]:
        assert orgs.get(name) == kind, (name, orgs)
    assert not {"Kvinnojouren", "Gotlands folkhögskola", "Region Västmanland", "Uppsala län"} & set(orgs)


def test_participant_organisation_stops_at_a_dash_and_the_police_by_its_name():
    p = run("§ 1 Ärende\n\nPolismyndigheten informerade.\n",
            participants=[("Tim Gardell", "Region Gotland – ej närvarande"), ("Fredrik Gardell", "Försäkringskassan –")])
    names = [o.name for o in p.organizations]
    assert "Region Gotland" in names and "Försäkringskassan" in names and "Polismyndigheten" in names
    assert not any("–" in n for n in names)


@pytest.mark.parametrize("line, name", [
    ("Programmet ersätter Miljöprogram 2018–2024 och har tagits fram i dialog med förvaltningarna.",
     "Miljöprogram 2018–2024"),
    ("Styrelsen beslutar att fastställa Verksamhetsplan och budget 2025.", "Verksamhetsplan och budget 2025"),
    ("Kommunstyrelsen föreslås anta Program för hållbar utveckling 2025–2030.", "Program för hållbar utveckling 2025–2030"),
    ("Gruppen fastställer Länsgemensam rutin för samordnad individuell plan.",
     "Länsgemensam rutin för samordnad individuell plan"),
    ('Den ersätter "Överenskommelse om samverkan för en god och nära vård i Västmanland" från 2021.',
     "Överenskommelse om samverkan för en god och nära vård i Västmanland"),
    ("Nämnden godkänner IOP-avtalet med Stiftelsen Uppsala Stadsmission.", "IOP-avtal med Stiftelsen Uppsala Stadsmission"),
    ("Förbundschefen ska teckna ett samverkansavtal med Fontänhuset Gotland om arbetsträning.",
     "Samverkansavtal med Fontänhuset Gotland"),
    ("Hon informerar om den lokala överenskommelsen om samverkan kring personer som står långt från arbetsmarknaden.",
     "Lokal överenskommelse om samverkan kring personer som står långt från arbetsmarknaden"),
])
def test_agreements_with_years_quotes_counterparties_and_new_heads(line, name):
    got = [a.name for a in run(f"§ 1 Ärende\n\n{line}\n", body="Socialnämnden").agreements]
    assert name in got, got


def test_bare_or_generic_agreement_words_name_nothing():
    text = ("§ 1 Ärende\n\nPolicyn har setts över. Ramavtalet från 2019 upphör. Rutinen för SIP följs upp. "
            'Regeringens "Strategi för alkohol-, narkotika-, dopnings- och tobakspolitiken samt spel om pengar '
            '2022–2025" (ANDTS-strategin) gäller.\n')
    got = [a.name for a in run(text, body="Socialnämnden").agreements]
    assert got == ["Strategi för alkohol-, narkotika-, dopnings- och tobakspolitiken samt spel om pengar 2022–2025"], got


def test_bodies_named_by_an_area_or_topic_after_the_group_word_and_an_adjective_owner():
    text = ("§ 3 Rutin\n\nUppföljningen görs av Referensgruppen för SIP tillsammans med Länsdelsgrupp Västra och "
            "Länsdelsgrupp Östra. Förslaget har beretts av Styrgrupp Nära vård och Arbetsgrupp ANDTS. "
            "Protokoll från Tekniska nämndens arbetsutskott läggs till handlingarna. Planen togs fram av "
            "Arbetsgruppen mot våld i nära relationer i samverkan med Region Uppsala.\n")
    got = [b.name for b in run(text, body="Nätverket").bodies]
    for name in ["Referensgruppen för SIP", "Länsdelsgrupp Västra", "Länsdelsgrupp Östra", "Styrgrupp Nära vård",
                 "Arbetsgrupp ANDTS", "Tekniska nämndens arbetsutskott", "Arbetsgruppen mot våld i nära relationer"]:
        assert name in got, (name, got)
    assert len(got) == 7, got


def test_no_body_from_a_partnership_contract_a_foundations_board_or_a_reported_plural():
    text = ("§ 1 Samverkan med föreningar\n\nFörvaltningen föreslår ett idéburet offentligt partnerskap (IOP) med föreningen. "
            "Styrelsen beslutar att godkänna förslaget.\n"
            "§ 2 Rapport från länsdelsgrupperna\n\nLänsdelsgrupp Norra och Länsdelsgrupp Södra har träffats.\n")
    got = [b.name for b in run(text, body="Samordningsförbundet Gotland").bodies]
    assert sorted(got) == ["Länsdelsgrupp Norra", "Länsdelsgrupp Södra"], got


def test_organisation_name_does_not_run_on_from_a_heading_or_letterhead_line():
    text = ("Samordningsförbundet Gotland\nProtokoll fört vid styrelsemöte\n\n"
            "§ 59 Markanvisningsavtal med Lulebo AB för kvarteret Furan\nLulebo AB har ansökt om markanvisning.\n")
    names = _org_names(text, body="Samordningsförbundet Gotland")
    assert "Lulebo AB" in names and "Samordningsförbundet Gotland" in names
    assert not any("Furan" in n or "Protokoll" in n for n in names), names


def test_branches_of_national_organisations_and_bare_towns_that_are_places_or_parts_of_names():
    text = ("§ 1 Samverkan\n\nDialog med Coompanion Gotland och NSPH Västmanland. Svenska kyrkan i Enköping deltar. "
            "Strategin gäller på Gotland. Utvärderingen gjordes av Campus Gotland. Gruppen för arbetsmarknad i "
            "Enköping följer upp. Intervjuer i skolor i Kumla, Örebro och Karlskoga.\n")
    names = _org_names(text, body="Socialnämnden")
    for n in ["Coompanion Gotland", "NSPH Västmanland", "Svenska kyrkan i Enköping", "Kumla", "Örebro", "Karlskoga"]:
        assert n in names, (n, names)
    assert not {"Gotland", "Enköping", "Svenska kyrkan", "Nationell Samverkan för Psykisk Hälsa"} & set(names), names


def test_agreement_topic_goes_on_after_hos_before_the_people_it_concerns():
    text = ("§ 1 Information\n\nHon informerar om Länsgemensam handlingsplan för psykisk hälsa hos barn och unga i "
            "Östergötland 2024–2026. Överenskommelsen om hemsjukvård ska godkännas för beslut hos huvudmännen.\n")
    got = [a.name for a in run(text, body="Socialnämnden").agreements]
    assert "Länsgemensam handlingsplan för psykisk hälsa hos barn och unga i Östergötland 2024–2026" in got, got
    assert not any("huvudmännen" in n for n in got), got


def test_a_present_passive_ends_an_agreement_or_body_name():
    text = ("§ 1 Ärende\n\nStrategin för 2025 följs upp. Handlingsplanen för barn och unga följs upp av "
            "Styrgruppen för barn och unga. Arbetsgruppen för digital vård görs om.\n")
    p = run(text, body="Socialnämnden")
    assert [a.name for a in p.agreements] == ["Handlingsplan för barn och unga"]
    assert sorted(b.name for b in p.bodies) == ["Arbetsgruppen för digital vård", "Styrgruppen för barn och unga"]


def test_organisation_forms_stop_at_och_and_leave_references_and_leading_nouns_out():
    text = ("§ 1 Ärende\n\nLänets idrottsförbund deltar. Stiftelsen beslutade. Stiftelsen Ideell Arena och Stiftelsen "
            "Allmänna Barnhuset bidrar. Bolaget Kalmar Vatten AB svarar. I Norrköping träffas vi. ABF Norrköping deltar.\n")
    names = _org_names(text, body="Socialnämnden")
    assert sorted(names) == ["ABF Norrköping", "Kalmar Vatten AB", "Stiftelsen Allmänna Barnhuset",
                             "Stiftelsen Ideell Arena"], names


def test_a_common_nouns_genitive_owns_no_agreement_by_name():
    got = [a.name for a in run("§ 1 Ärende\n\nKommunens avfallsplan 2025–2030 ska antas.\n", body="Socialnämnden").agreements]
    assert got == ["Avfallsplan 2025–2030"], got


def test_group_named_by_a_capitalised_topic_up_to_its_verb():
    text = ("§ 1 Ärende\n\nStyrgrupp Barn och unga träffas. Ledningsgrupp Hälsa och vård informerade. "
            "Referensgrupp Brukare tillsätts. Styrgrupp Anna har träffats.\n")
    got = sorted(b.name for b in run(text, body="Socialnämnden").bodies)
    assert got == ["Ledningsgrupp Hälsa och vård", "Styrgrupp Barn och unga"], got


def test_university_colleges_by_name_and_a_network_of_two_acronyms_up_to_its_verb():
    text = ("§ 1 Ärende\n\nDet gick bra. Högskolan Dalarna följer upp, liksom Högskolan i Borås. "
            "Nätverket för MAS och MAR i Dalarna bjuder in till konferens.\n")
    p = run(text, body="Socialnämnden")
    orgs = [o.name for o in p.organizations]
    assert "Högskolan Dalarna" in orgs and "Högskolan i Borås" in orgs, orgs
    assert [b.name for b in p.bodies] == ["Nätverket för MAS och MAR i Dalarna"]


def test_a_capitalised_adjective_before_a_programme_with_a_topic_names_it():
    text = "§ 1 Ärende\n\nMedel fördelas till Suicidpreventivt program för Västmanlands län. Ett nytt program för dagen.\n"
    got = [a.name for a in run(text, body="Socialnämnden").agreements]
    assert got == ["Suicidpreventivt program för Västmanlands län"], got


def test_an_indefinite_compound_document_without_topic_or_year_is_no_agreement():
    text = ("§ 1 Ärende\n\natt ge socialchefen i uppdrag att ta fram en åtgärdsplan till nämndens sammanträde i juni. "
            "Ett samverkansavtal med Region Gotland tecknas.\n")
    got = [a.name for a in run(text, body="Socialnämnden").agreements]
    assert got == ["Samverkansavtal med Region Gotland"], got
