"""Decision extraction: each decision form of Swedish minutes, one act per distinct act."""
from __future__ import annotations

import pytest

from tests.test_extract_helpers import decisions, kinds

BODY = "Regionala samverkansrådet"


def one(text: str, **kw):
    ds = decisions(text, **kw)
    assert len(ds) == 1, [(d.kind, d.text) for d in ds]
    return ds[0]


@pytest.mark.parametrize("sentence, kind", [
    ("Dagordningen godkändes.", "approve"),
    ("Agendan godkänns.", "approve"),
    ("Rådet godkänner förslaget.", "approve"),
    ("Rådet godkände avtalet.", "approve"),
    ("Protokollet från föregående möte godkändes och lades till handlingarna.", "approve"),
    ("Minnesanteckningar läggs till handlingarna.", "note"),
    ("Ärendet är informationsärende.", "note"),
    ("Rådet har tagit del av informationen.", "note"),
    ("Föredragningslistan fastställs.", "approve"),
    ("Rådet fastställer mötesdatum för 2025.", "approve"),
    ("Planen antogs.", "approve"),
    ("Rådet har bifallit ansökan om föreningsbidrag.", "approve"),
    ("Motionen bifalls.", "approve"),
    ("Ärendet bordläggs till nästa möte.", "table"),
    ("Rådet bordlägger ärendet.", "table"),
    ("Ärendet återremitteras till förvaltningen.", "refer_back"),
    ("Rådet avslår ansökan.", "reject"),
    ("Veronica Wallgren utsågs till justerare.", "appoint"),
    ("Karin Näsmark utses till justerare.", "appoint"),
    ("Rådet rekommenderar kommunerna att anta överenskommelsen.", "recommend"),
])
def test_sentence_forms(sentence, kind):
    d = one(f"§ 1 Ärende\n\n{sentence}\n")
    assert d.kind == kind
    assert d.by == BODY and d.reported is False


def test_approve_and_recommend_in_one_sentence():
    text = ("§ 6 Överenskommelse om samverkan\n\nRådets ledamöter godkänner förslaget till ÖK och "
            "rekommenderar kommunerna och Region Örebro län att anta förslaget.\n")
    ds = decisions(text)
    assert [d.kind for d in ds] == ["approve", "recommend"]
    assert all(d.by == BODY and not d.reported for d in ds)


def test_recommend_to_approve_is_one_act():
    text = ("§ 48 Avtal\n\nStällningstagande Regionala samverkansrådet:\n\n"
            "- Ledamöterna rekommenderar sina kommuner att godkänna avtalet.\n")
    assert kinds(text) == ["recommend"]


def test_decision_block_bullets_one_act_each():
    text = "\n".join([
        "§ 6 Psykisk hälsa", "",
        "Beslut: Chefsgruppen beslutar att:", "",
        "- Att återupprätta en styrgrupp för psykisk hälsa och suicidprevention.",
        "- Ingmar Ångman väljs in och leder den delen av mötena.",
        "- Södra länsdelen ska utse en kommunal ledamot.",
        "- Att avsätta 6 mkr för lokalt utvecklingsarbete. 1,5 mkr fördelas till respektive länsdel.",
        "- Avsluta projektet i sin nuvarande form.",
        "- Bifalla förslaget om nytt uppdrag.",
    ])
    ds = decisions(text, body="Chefsgrupp för samverkan", participants=[("Ingmar Ångman", "Region Örebro län")])
    assert [d.kind for d in ds] == ["establish", "appoint", "assign", "allocate", "dissolve", "approve"]
    assert all(d.by == "Chefsgrupp för samverkan" and not d.reported for d in ds)
    assert ds[1].assignee == "Ingmar Ångman"
    assert ds[2].assignee == "Södra länsdelen"
    assert ds[3].amount_sek == 6_000_000


def test_proposals_opinions_and_plans_are_not_decisions():
    text = "\n".join([
        "§ 3 Diskussion", "",
        "Karin Näsmark föreslås till justerare.",
        "Förvaltningen föreslår att styrgruppen får uppdrag att se över avtalet.",
        "Rådets ledamöter anser att det vore bra att samordna arbetet.",
        "Avtalet kommer att godkännas i december.",
        "Ska rådet godkänna detta?",
        "Därför föreslås att 2 miljoner kronor avsätts.",
        "",
        "Förslag till beslut:",
        "- Projektet avslutas.",
    ])
    assert kinds(text) == []


def test_meeting_closing_is_no_dissolve():
    assert kinds("§ 14 Mötet avslutades\n\nOrdföranden tackade och avslutade mötet.\n") == []


def test_assign_with_short_name_resolved():
    text = "§ 12 Nya frågor\n\nMarie får i uppdrag att förmedla frågan till socialcheferna.\n"
    d = one(text, participants=[("Marie Gustafsson", "Region Örebro län"), ("Ann-Louise Gustafsson", None)])
    assert d.kind == "assign" and d.assignee == "Marie Gustafsson" and d.by == BODY and not d.reported


@pytest.mark.parametrize("sentence, assignee", [
    ("Rådet uppdrar åt presidiet att se över behovet av extra möten.", "Presidiet"),
    ("Rådet ger förvaltningen i uppdrag att ta fram en plan.", "Förvaltningen"),
    ("Frågan hänsköts till presidiet.", "Presidiet"),
    ("Johanna BH tilldelas uppdraget.", "Johanna Bernström Höglom"),
])
def test_assign_forms(sentence, assignee):
    d = one(f"§ 2 Ärende\n\n{sentence}\n", participants=[("Johanna Bernström Höglom", None)])
    assert d.kind == "assign" and d.assignee == assignee


def test_reported_decisions_of_other_bodies():
    text = "\n".join([
        "§ 5 Rapport från chefsgruppen", "",
        "Chefsgrupp samverkan social välfärd och vård (två möten genomförda):", "",
        "- ÖK om samverkan vid utskrivning är också godkänd av chefsgruppen.",
        "- En strategisk arbetsgrupp för familjecentralerna har skapats.",
        "",
        "AU har gett LAG demens ett uppdrag att se över BPSD riktlinjen.",
        "ÖK är beslutad i Regionala samverkansrådet.",
    ])
    ds = decisions(text, body="Specifikt samverkansråd för folkhälsa")
    got = [(d.kind, d.by, d.assignee, d.reported) for d in ds]
    assert got == [
        ("approve", "Chefsgrupp samverkan social välfärd och vård", None, True),
        ("establish", "Chefsgrupp samverkan social välfärd och vård", None, True),
        ("assign", "Arbetsutskottet", "LAG demens", True),
        ("approve", "Regionala samverkansrådet", None, True),
    ]


def test_own_earlier_decision_is_reported():
    text = "\n".join([
        "§ 6 Stimulansmedel", "",
        "Chefsgruppen beslutade i februari om återremiss för en fördjupad dialog.",
        "SocSam beslutade 2 september 2021 att överlämna ett yttrande.",
    ])
    ds = decisions(text, body="Chefsgrupp för samverkan (SocSam)")
    assert [(d.kind, d.by, d.reported) for d in ds] == [
        ("refer_back", "Chefsgrupp för samverkan (SocSam)", True),
        ("approve", "Chefsgrupp för samverkan (SocSam)", True),
    ]


def test_act_by_a_person_has_no_body():
    text = ("§ 7 Process för folkhälsoavtal\n\nMarie fick före sommaren uppdrag av Rickard Simonsson "
            "att ta fram ett projektdirektiv. En styrgrupp tillsattes.\n")
    ds = decisions(text, participants=[("Marie Gustafsson", None)])
    assert [(d.kind, d.by, d.assignee, d.reported) for d in ds] == [
        ("assign", None, "Marie Gustafsson", True), ("establish", None, None, True)]


def test_passive_beslutades_needs_a_named_body():
    text = "\n".join([
        "§ 33 God och nära vård", "",
        "Efter utvärdering beslutades att ta fram en ny överenskommelse.",
        "Vid SocSam:s sammanträde 26 februari beslutades om fördelning av stimulansmedlen.",
    ])
    ds = decisions(text, body="Sociala samrådsgruppen (SocSam)")
    assert [(d.kind, d.by, d.reported) for d in ds] == [("allocate", "Sociala samrådsgruppen (SocSam)", True)]


def test_enades_om_assign_or_approve():
    text = "\n".join([
        "§ 2 Inbjudningar", "",
        "Chefsgruppen enades om att välfärd och folkhälsa bjuder in till en Teamsgrupp.",
        "Chefsgruppen enades om att ingången kan ske via folkhälsocheferna.",
    ])
    ds = decisions(text, body="Chefsgrupp folkhälsa")
    assert [(d.kind, d.assignee) for d in ds] == [("assign", "Välfärd och folkhälsa"), ("approve", None)]


def test_amount_backfilled_from_the_proposal():
    text = "\n".join([
        "§ 33 Medel", "",
        "Kromom och Ragundas del av medlen (214 237:-) föreslås fördelas mellan övriga kommuner.",
        "",
        "Ställningstagande Regionala samverkansrådet:",
        "- Rådet beslutar att Krokoms och Ragundas del av stimulansmedlen fördelas mellan övriga kommuner.",
    ])
    d = one(text)
    assert d.kind == "allocate" and d.amount_sek == 214237 and d.by == BODY


def test_table_row_assignments_and_totals():
    text = "\n".join([
        "§ 6 Suicidprevention", "",
        "Utbilda HR\t0\tJohanna BH tilldelas uppdraget.",
        "Överenskommelse om boende\t0\tJohanna BH tilldelas uppdraget.",
        "",
        "Beslut: Chefsgruppen beslutar att:",
        "- Bevilja medel och uppdrag enligt förslag i tabell 1. Totalt avsätts 7 140 000 kronor.",
    ])
    ds = decisions(text, body="Chefsgrupp", participants=[("Johanna Bernström Höglom", None)])
    assert [(d.kind, d.assignee, d.amount_sek) for d in ds] == [
        ("assign", "Johanna Bernström Höglom", None), ("assign", "Johanna Bernström Höglom", None),
        ("allocate", None, 7_140_000)]


def test_every_decision_has_exact_provenance():
    from tests.test_extract_helpers import make
    from govgraph.extract.semantic import extract_semantics
    doc, p = make("§ 1 Ärende\n\nDagordningen godkändes.\n\nÄrendet bordläggs.\n")
    extract_semantics(doc, p)
    for d in p.items[0].decisions:
        assert d.prov.quote in doc.text and d.prov.item == "1"
        assert d.prov.quote in doc.quote(d.prov.start, d.prov.end)


MUNICIPAL = """§ 45 Budget 2024 för kultur- och fritidsnämnden
Dnr KS 2023/123

Beslut
Kommunstyrelsen beslutar
att godkänna förslaget till budget för 2024,
att ge kommundirektören i uppdrag att återkomma med en plan för lokalerna,
att avsätta 1,2 miljoner kronor till fritidsgårdarna, samt
att lägga informationen om lokalerna till handlingarna.

Ärendebeskrivning
Förvaltningen har tagit fram ett förslag till budget. Nämnden föreslår att budgeten godkänns.
Arbetsutskottet beslutade 2023-10-02 att remittera ärendet.

Yrkanden
Anna Andersson (S) yrkar bifall till arbetsutskottets förslag.

Beslutsgång
Ordföranden ställer proposition på förslaget och finner att kommunstyrelsen bifaller det.

§ 46 Motion om cykelbanor
Förslag till beslut
att avslå motionen.

Kommunstyrelsens beslut
1. Motionen anses besvarad.
2. Kommunstyrelsen uppdrar åt samhällsbyggnadsförvaltningen att utreda frågan.

§ 47 Val av ersättare
Kommunstyrelsen beslutar att välja Per Holm till ersättare i arbetsutskottet.
"""


def test_municipal_layout_beslut_heading_and_att_points():
    ds = decisions(MUNICIPAL, body="Kommunstyrelsen")
    got = [(d.kind, d.by, d.assignee, d.amount_sek, d.reported) for d in ds]
    assert got == [
        ("approve", "Kommunstyrelsen", None, None, False),
        ("assign", "Kommunstyrelsen", "Kommundirektören", None, False),
        ("allocate", "Kommunstyrelsen", None, 1_200_000, False),
        ("note", "Kommunstyrelsen", None, None, False),
        ("approve", "Arbetsutskottet", None, None, True),      # reported from the background
        ("approve", "Kommunstyrelsen", None, None, False),     # "Motionen anses besvarad"
        ("assign", "Kommunstyrelsen", "Samhällsbyggnadsförvaltningen", None, False),
        ("appoint", "Kommunstyrelsen", "Per Holm", None, False),
    ]


def test_narrative_is_not_read_as_decisions_but_other_actors_are():
    text = "\n".join([
        "§ 5 Information om läget", "",
        "Förvaltningen informerar om att Socialstyrelsen har godkänt ansökan om statsbidrag.",
        "Det är viktigt att avtalet godkänns innan årsskiftet.",
        "Om avtalet godkänns kommer kommunerna att få mer medel.",
        "Planen har inte fastställts ännu.",
        "Kommunerna behöver fördela resurserna bättre.",
        "Den nya styrgruppen ska bildas under våren.",
        "Ledamöterna diskuterade hur medel ska fördelas mellan kommunerna.",
        "Budgeten fastställdes av kommunfullmäktige i juni.",
        "Mötet avslutades kl. 16.00.",
        "Inga beslut fattades.",
    ])
    got = [(d.kind, d.by, d.reported) for d in decisions(text)]
    assert got == [("approve", "Socialstyrelsen", True), ("approve", "Kommunfullmäktige", True)]


def test_unknown_own_body_keeps_own_acts_unreported():
    ds = decisions("§ 3 Dagordning\n\nDagordningen godkändes.\n", body=None)
    assert [(d.kind, d.by, d.reported) for d in ds] == [("approve", None, False)]


def test_ocr_text_without_diacritics():
    text = "\n".join(["§ 4 Foregaende mote", "",
                      "Protokollet fran foregaende mote godkandes och lades till handlingarna.",
                      "Tom Rymoen utsags till justerare."])
    ds = decisions(text, participants=[("Tom Rymoen", "Nora")])
    assert [(d.kind, d.assignee) for d in ds] == [("approve", None), ("appoint", "Tom Rymoen")]


@pytest.mark.parametrize("block, kind", [
    ("Beslut: Enligt förslag.", "approve"),
    ("Beslut\nNämnden beslutar i enlighet med förvaltningens förslag.", "approve"),
    ("Beslut\nInformationen tas till protokollet.", "note"),
    ("Beslut\nRådet beslutar att avge yttrande enligt bilaga.", "approve"),
])
def test_short_block_forms(block, kind):
    assert kinds(f"§ 3 Ärende\n\n{block}\n") == [kind]


def test_inverted_appointment():
    d = one("§ 2 Val av justerare\n\nTill justerare utses Anna Svensson.\n")
    assert (d.kind, d.assignee, d.subject) == ("appoint", "Anna Svensson", "Justerare")


@pytest.mark.parametrize("sentence, kind", [
    ("Gruppen kom överens om att ses fysiskt i maj.", "approve"),
    ("Överenskoms att rapporten skickas ut till alla.", "approve"),
])
def test_agreed_in_notes(sentence, kind):
    assert kinds(f"§ 3 Övrigt\n\n{sentence}\n", body="Chefsgruppen") == [kind]


def test_formal_passive_opening_the_sentence_is_the_meetings_own():
    text = "\n".join(["§ 3 Dagordning", "", "Beslutades att godkänna dagordningen.",
                      "", "§ 4 Avtal", "", "Efter utvärdering beslutades att ta fram ett nytt avtal."])
    ds = decisions(text)
    assert [(d.kind, d.by, d.reported, d.prov.item) for d in ds] == [("approve", BODY, False, "3")]


def test_proposal_to_the_assembly_is_one_recommendation():
    text = "\n".join(["§ 19 Motion om sociala insatsgrupper",
                      "Arbetsutskottet föreslår att motionen avslås.", "Beslut",
                      "Socialnämnden föreslår kommunfullmäktige besluta", "att avslå motionen."])
    ds = decisions(text, body="Socialnämnden")
    assert [(d.kind, d.by, d.reported) for d in ds] == [("recommend", "Socialnämnden", False)]


# ----------------------------------------------------------------------------- general conventions
# (association minutes, committees proposing to another body, grants with sums)

def test_passive_beslutades_block_one_act_per_att_line():
    text = ("§ 6 Renovering\n\nBeslutades\natt anta offerten från Byggfirman AB,\n"
            "att avsätta 32 000 kronor ur renoveringsfonden till föreningens del,\n"
            "att uppdra åt Bo Ek att ansvara för kontakterna med entreprenören.\n")
    ds = decisions(text, body="Styrelsen för Tuna hembygdsförening", participants=[("Bo Ek", None)])
    assert [d.kind for d in ds] == ["approve", "allocate", "assign"]
    assert ds[1].amount_sek == 32000 and ds[2].assignee == "Bo Ek"
    assert all(d.by == "Styrelsen för Tuna hembygdsförening" and not d.reported for d in ds)


@pytest.mark.parametrize("sentence, amount", [
    ("Styrelsen beviljar Steget vidare 450 000 kronor för 2024.", 450000),
    ("Nämnden beviljade föreningen ett bidrag om 75 tkr.", 75000),
    ("Fullmäktige beslutar att anvisa 42 mnkr i investeringsbudgeten.", 42000000),
    ("Styrelsen beslutar att bevilja projektet 1,2 miljoner kronor.", 1200000),
])
def test_grants_with_a_sum_are_allocations(sentence, amount):
    d = one(f"§ 1 Ärende\n\nBeslut\n{sentence}\n")
    assert d.kind == "allocate" and d.amount_sek == amount


def test_beviljar_without_sum_stays_approval():
    assert kinds("§ 1 Ärende\n\nBeslut\nStyrelsen beviljar ansvarsfrihet för kassören.\n") == ["approve"]


def test_avveckla_an_effort_is_dissolve():
    assert kinds("§ 7 Hälsolotsen\n\nBeslut\nStyrelsen beslutar att avveckla insatsen Hälsolotsen den 31 december.\n") \
        == ["dissolve"]


@pytest.mark.parametrize("verb", ["föreslår kommunstyrelsen besluta", "föreslår kommunfullmäktige besluta"])
def test_committee_proposal_to_another_body_is_own_recommend(verb):
    body = "Kommunstyrelsens arbetsutskott"
    text = (f"§ 24 Program\n\nArbetsutskottets beslut\nArbetsutskottet {verb} att bevilja Visit Dalarna AB "
            "350 tkr för 2024.\n")
    d = one(text, body=body)
    assert d.kind == "recommend" and d.by == body and d.reported is False
    assert d.amount_sek == 350000 and "föreslår" not in (d.subject or "").lower()


def test_refer_back_subject_is_the_item_not_a_subheading():
    text = ("§ 25 Markanvisning för kvarteret Gruvstugan\n\nJäv\nKerstin Ljung anmäler jäv.\n"
            "Beslut\nNämnden beslutar att återremittera ärendet till förvaltningen.\n")
    d = one(text, body="Samhällsbyggnadsnämnden")
    assert d.kind == "refer_back" and d.subject == "Markanvisning för kvarteret Gruvstugan"


def test_post_assignee_and_recipient_subject_under_own_decision():
    from govgraph.extract.semantic import extract_semantics
    from govgraph.model import Participant
    from tests.test_extract_helpers import make
    text = ("§ 33 Budget\n\nBeslut\n1. Budgetuppföljningen godkänns.\n"
            "2. Förvaltningschefen får i uppdrag att ta fram åtgärder för en budget i balans.\n"
            "3. Ledningsgruppen för vård och omsorg får i uppdrag att ta fram en ny handlingsplan.\n")
    doc, proto = make(text, body="Barn- och utbildningsnämnden")
    proto.participants = [Participant("Åsa Lindgren", title="förvaltningschef")]
    ds = [d for it in extract_semantics(doc, proto).items for d in it.decisions]
    assert [(d.kind, d.by, d.assignee, d.reported) for d in ds] == [
        ("approve", "Barn- och utbildningsnämnden", None, False),
        ("assign", "Barn- och utbildningsnämnden", "Åsa Lindgren", False),
        ("assign", "Barn- och utbildningsnämnden", "Ledningsgruppen för vård och omsorg", False)]


def test_elected_in_place_of_someone_who_resigned():
    text = ("§ 36 Val av ersättare\n\nTill ersättare i Piteå skolråd efter Linnéa Eriksson (S), som avsagt sig "
            "uppdraget, väljs Henrik Burman (S) för tiden till och med 2026-12-31.\n")
    d = one(text, body="Barn- och utbildningsnämnden",
            participants=[("Linnéa Eriksson", None), ("Henrik Burman", None)])
    assert d.kind == "appoint" and d.assignee == "Henrik Burman"
    assert d.subject == "Ersättare i Piteå skolråd"


def test_two_adjusters_in_one_sentence_are_two_appointments():
    text = "§ 112 Val av justerare\n\nPeter Lindahl (C) och Fatima Ahmadi (V) utses att jämte ordföranden justera protokollet.\n"
    ds = decisions(text, body="Kommunfullmäktige", participants=[("Peter Lindahl", None), ("Fatima Ahmadi", None)])
    assert sorted((d.kind, d.assignee) for d in ds) == [("appoint", "Fatima Ahmadi"), ("appoint", "Peter Lindahl")]


def test_present_tense_own_act_with_a_date_is_not_reported():
    d = one("§ 3 Föregående protokoll\n\nProtokollet från 2023-09-29 godkänns och läggs till handlingarna.\n")
    assert d.kind == "approve" and d.by == BODY and d.reported is False
    d = one("§ 3 Ärende\n\nRådet godkände planen den 12 februari 2023.\n")
    assert d.reported is True                       # past tense and another date: an earlier meeting


def test_body_beslutar_ending_a_paragraph_opens_att_points():
    text = ("§ 46 Nätverket\n\nNätverket har inte haft några träffar sedan 2021. Regionala samverkansrådet beslutar\n"
            "att avveckla nätverket.\n")
    d = one(text)
    assert d.kind == "dissolve" and d.by == BODY and d.reported is False


def test_multiword_owner_decision_heading_closes_the_list_above():
    text = ("§ 34 Anmälningsärenden\n\nFöljande handlingar anmäls:\n- Protokoll från samverkansgruppen 2023-03-15\n"
            "Barn- och utbildningsnämndens beslut\nAnmälningsärendena läggs till handlingarna.\n")
    d = one(text, body="Barn- och utbildningsnämnden")
    assert d.kind == "note" and d.reported is False


def test_passive_agent_with_adjective_named_body_is_reported():
    text = ("§ 8 Överenskommelse\n\nÖverenskommelsen antogs av Regionalt forum för social välfärd i oktober.\n"
            "Beslut\nInformationen läggs till handlingarna.\n")
    ds = decisions(text, body="Styrelsen för Samordningsförbundet Västra Mälardalen")
    assert [(d.kind, d.by, d.reported) for d in ds] == [
        ("approve", "Regionalt forum för social välfärd", True),
        ("note", "Styrelsen för Samordningsförbundet Västra Mälardalen", False)]


def test_post_learnt_from_title_before_name_in_text():
    text = ("§ 27 Växel\n\nÄrendet föredras av kommundirektör Helena Sundvall.\nBeslut\n"
            "Arbetsutskottet uppdrar åt kommundirektören att utreda en gemensam växelfunktion.\n")
    ds = decisions(text, body="Kommunstyrelsens arbetsutskott")
    assert [(d.kind, d.by, d.assignee) for d in ds] == [("assign", "Kommunstyrelsens arbetsutskott", "Helena Sundvall")]


def test_new_group_with_a_convener_is_establish_plus_appoint():
    text = ("§ 7 Valborg\n\nDiskuterades årets valborgsfirande. Beslutades att bilda en festkommitté med "
            "Inger Sandström som sammankallande.\n")
    ds = decisions(text, body="Styrelsen för Tuna hembygdsförening", participants=[("Inger Sandström", None)])
    assert [(d.kind, d.assignee) for d in ds] == [("establish", None), ("appoint", "Inger Sandström")]
    assert ds[0].subject.lower().startswith("festkommitté")


def test_grant_subject_is_the_recipient():
    d = one("§ 6 Ansökan\n\nBeslut\nStyrelsen beviljar Steget vidare 450 000 kronor för 2024.\n")
    assert d.kind == "allocate" and d.subject == "Steget vidare"


def test_county_board_grant_is_a_reported_allocation():
    text = ("§ 6 Smedjan\n\nBo Ek föredrog offerten. Länsstyrelsen i Kalmar län har beviljat ett bidrag på "
            "30 000 kronor till arbetet.\n")
    d = one(text, body="Styrelsen för Tuna hembygdsförening", participants=[("Bo Ek", None)])
    assert (d.kind, d.by, d.amount_sek, d.reported) == ("allocate", "Länsstyrelsen i Kalmar län", 30000, True)


def test_passive_beslutades_glued_to_the_paragraph_above():
    text = ("§ 6 Renovering\n\nBo Ek föredrog offerten på 62 000 kronor.\nBeslutades\n"
            "att anta offerten från Byggfirman AB,\natt avsätta 32 000 kronor ur renoveringsfonden.\n")
    ds = decisions(text, body="Styrelsen för Tuna hembygdsförening", participants=[("Bo Ek", None)])
    assert [(d.kind, d.amount_sek, d.reported) for d in ds] == [("approve", None, False), ("allocate", 32000, False)]


def test_relative_clause_approval_by_a_named_body_is_reported():
    text = ("§ 43 Överenskommelse\n\nÖverenskommelsen har beretts av Ledningsgruppen för samverkan inom vård och omsorg, "
            "som tillstyrkte förslaget den 22 september 2023.\n")
    d = one(text)
    assert (d.kind, d.by, d.reported) == ("approve", "Ledningsgruppen för samverkan inom vård och omsorg", True)


def test_relative_clause_about_a_person_is_no_act():
    assert kinds("§ 1 Ärende\n\nAnna Berg, som tillstyrkte förslaget, deltog inte.\n") == []


def test_decides_to_appoint_with_an_infinitive_in_e():
    text = "§ 1 Val av justerare\n\nIndividutskottet beslutar att utse Johan Asplund att justera protokollet.\n"
    d = one(text, body="Individutskottet", participants=[("Johan Asplund", None)])
    assert (d.kind, d.subject, d.assignee) == ("appoint", "Justerare", "Johan Asplund")


def test_decision_label_followed_by_responsible_and_follow_up_lines():
    text = ("§ 3 Handlingsplan\n\nBeslut: Rådet godkänner Länsgemensam handlingsplan för psykisk hälsa 2024–2026.\n"
            "Ansvarig: Niklas Berg\nUppföljning: Rådet 2024-09-06\n")
    d = one(text, body="Samverkansrådet Gävleborg", participants=[("Niklas Berg", None)])
    assert (d.kind, d.by, d.reported) == ("approve", "Samverkansrådet Gävleborg", False)


def test_own_proposal_to_the_assembly_with_att_lines_is_one_recommendation_per_line():
    text = ("§ 212 Budget\n\nBeslut\nRegionstyrelsen föreslår regionfullmäktige besluta\n"
            "att fastställa Regionplan och budget 2024 med plan för 2025–2026,\n"
            "att fastställa skattesatsen för 2024 till 11,35 kronor per skattekrona.\n")
    ds = decisions(text, body="Regionstyrelsen")
    assert [(d.kind, d.by, d.reported) for d in ds] == [("recommend", "Regionstyrelsen", False)] * 2


def test_proposal_to_the_assembly_without_besluta_in_a_decision_block():
    text = ("§ 101 Avgifter\n\nBeslut\nVård- och omsorgsnämnden föreslår kommunfullmäktige att fastställa "
            "avgifter inom äldreomsorgen för 2024 enligt bilaga.\n")
    d = one(text, body="Vård- och omsorgsnämnden")
    assert (d.kind, d.by) == ("recommend", "Vård- och omsorgsnämnden")


def test_section_forslag_till_kommunfullmaktige_is_the_own_bodys_recommendation():
    text = ("§ 61 Ägardirektiv\n\nKommunstyrelsens förslag till kommunfullmäktige\n"
            "Kommunfullmäktige beslutar att fastställa ägardirektiv för Karlstads Energi AB.\n")
    d = one(text, body="Kommunstyrelsen")
    assert (d.kind, d.by, d.reported) == ("recommend", "Kommunstyrelsen", False)


def test_another_bodys_proposal_in_the_case_description_stays_no_act():
    text = ("§ 115 Taxa\n\nKommunstyrelsen föreslår kommunfullmäktige att anta taxan.\n")
    assert kinds(text, body="Kommunfullmäktige") == []


def test_thanking_for_the_information_is_a_note():
    d = one("§ 98 Information\n\nBeslut\nVård- och omsorgsnämnden tackar för informationen.\n", body="Vård- och omsorgsnämnden")
    assert (d.kind, d.by) == ("note", "Vård- och omsorgsnämnden")


def test_two_people_given_one_task_are_two_assignments():
    text = ("§ 3 Överenskommelse\n\nNätverket ger Fredrik Ödman och Emma Sjöstrand i uppdrag att ta fram ett förslag "
            "till mötet i september.\n")
    ds = decisions(text, body="Nätverket", participants=[("Fredrik Ödman", None), ("Emma Sjöstrand", None)])
    assert sorted((d.kind, d.assignee) for d in ds) == [("assign", "Emma Sjöstrand"), ("assign", "Fredrik Ödman")]


def test_a_body_named_after_rapporterade_att_is_the_actor_of_its_decision():
    text = ("§ 5 Rapport\n\nFredrik Ödman rapporterade att Regionala samverkansgruppen den 8 februari beslutade "
            "att avsluta projektet Tidiga insatser i förskolan.\n")
    d = one(text, body="Nätverket", participants=[("Fredrik Ödman", None)])
    assert (d.kind, d.by, d.reported) == ("dissolve", "Regionala samverkansgruppen", True)


def test_the_subject_of_a_passive_verb_is_not_the_actor():
    text = ("§ 46 Arbetsgrupper\n\nBeslut\nNämnden tillsätter en arbetsgrupp för sommarlovsaktiviteter. "
            "Arbetsgruppen för fritidsgårdar avvecklas.\n")
    ds = decisions(text, body="Kultur- och fritidsnämnden")
    assert [(d.kind, d.by, d.reported) for d in ds if d.kind == "dissolve"] == \
        [("dissolve", "Kultur- och fritidsnämnden", False)]


def test_election_to_a_named_body_is_the_meetings_act():
    text = ("§ 36 Val\n\nTill ersättare i Piteå skolråd efter Linnéa Eriksson (S), som avsagt sig uppdraget, "
            "väljs Henrik Burman (S) för tiden till och med 2026-12-31.\n")
    d = one(text, body="Barn- och utbildningsnämnden")
    assert (d.kind, d.by, d.assignee, d.reported) == ("appoint", "Barn- och utbildningsnämnden", "Henrik Burman", False)


def test_two_adjusters_as_the_object_of_utser():
    text = "§ 101 Val av justerare\n\nRegionfullmäktige utser Lena Söderberg (M) och Anders Nygren (C) att justera protokollet.\n"
    ds = decisions(text, body="Regionfullmäktige", participants=[("Lena Söderberg", None), ("Anders Nygren", None)])
    assert sorted((d.kind, d.assignee) for d in ds) == [("appoint", "Anders Nygren"), ("appoint", "Lena Söderberg")]


def test_two_sums_to_two_recipients_are_two_allocations():
    text = ("§ 4 Utvecklingsmedel\n\nLänsledningsgruppen fördelar 2,5 mnkr till projektet Trygg hemgång i Norrbotten "
            "och 450 tkr till utbildning i psykisk första hjälpen.\n")
    ds = decisions(text, body="Länsledningsgruppen")
    assert [(d.kind, d.amount_sek) for d in ds] == [("allocate", 2500000), ("allocate", 450000)]


def test_minutes_named_by_their_date_approved_now_are_not_reported():
    d = one("§ 1 Föregående anteckningar\n\nAnteckningarna från 2023-12-07 godkändes.\n")
    assert (d.kind, d.reported) == ("approve", False)


def test_giving_an_opinion_is_an_approval_and_handled_instead_by_names_the_assignee():
    d = one("§ 71 Remiss\n\nBeslut\nTekniska nämnden lämnar yttrande enligt förvaltningens förslag.\n", body="Tekniska nämnden")
    assert (d.kind, d.by) == ("approve", "Tekniska nämnden")
    ds = decisions("§ 74 Råd\n\nBeslut\nFrågorna hanteras i stället av Tekniska nämndens arbetsutskott.\n",
                   body="Tekniska nämnden")
    assert [(x.kind, x.assignee) for x in ds] == [("assign", "Tekniska nämndens arbetsutskott")]


def test_a_title_on_the_lines_after_a_bare_paragraph_number_is_not_part_of_the_body():
    """"§ 36" alone on its line with the title on the next line(s): the item's first paragraph
    starts after the title, so the title's words do not run into the first act."""
    from govgraph.extract.semantic import body_start, extract_semantics
    from govgraph.model import CleanDocument, CleanLine, Item, Protocol
    lines = ["Protokoll", "Barn- och utbildningsnämnden", "", "§ 36", "Val av ersättare i",
             "Piteå skolråd", "Till ersättare i Piteå skolråd väljs Karin Holm.", "",
             "§ 37 Information", "Förvaltningschefen informerar."]
    doc = CleanDocument("t.txt", "t.txt", "text/plain", "0" * 64,
                        [CleanLine(t, raw_index=i) for i, t in enumerate(lines)])
    items = [Item("36", "Val av ersättare i Piteå skolråd", 4, 8), Item("37", "Information", 9, 10)]
    assert [body_start(doc, it) for it in items] == [7, 10]
    # a title line that says more than the title (a presenter after it) stays in the body
    assert body_start(doc, Item("36", "Val av ersättare", 4, 8)) == 5
    proto = extract_semantics(doc, Protocol(source="t.txt", body="Barn- och utbildningsnämnden",
                                            date="2023-04-03", items=items))
    (d,) = proto.items[0].decisions
    assert d.kind == "appoint" and not d.subject.startswith("Val av")
    assert d.prov.start == 7


def test_a_proposal_heading_is_no_act_its_att_lines_are():
    ds = decisions("§ 60 Program för hållbar utveckling\n\nArbetsutskottets förslag till kommunstyrelsen\n"
                   "Kommunstyrelsen föreslår kommunfullmäktige besluta\n"
                   "att anta Program för hållbar utveckling 2025–2030.\n", body="Kommunstyrelsens arbetsutskott")
    assert [(d.kind, d.subject) for d in ds] == [("recommend", "Program för hållbar utveckling 2025–2030")]


def test_a_date_between_decided_and_att_and_a_named_owners_committee():
    ds = decisions("§ 64 Krisberedskap\n\nKommunstyrelsens arbetsutskott beslutade den 15 april att tillsätta "
                   "en styrgrupp för civilt försvar.\n", body="Kommunstyrelsens arbetsutskott")
    assert [(d.kind, d.by, d.subject) for d in ds] == [
        ("establish", "Kommunstyrelsens arbetsutskott", "Styrgrupp för civilt försvar")]
    ds = decisions("§ 5 Äldrefrågor\n\nRådet beslutade 2024-04-15 att inrätta en arbetsgrupp för äldrefrågor.\n")
    assert [(d.kind, d.subject) for d in ds] == [("establish", "Arbetsgrupp för äldrefrågor")]
