"""National organisations that Swedish minutes name often: canonical name, kind, aliases.

Only nationwide agencies, associations and similar actors belong here; local bodies are found
by their head nouns (:mod:`.entities`) and municipalities/regions come from
:mod:`govgraph.reference`.
"""
from __future__ import annotations

# canonical name, kind, aliases (an alias of up to 6 capitals is matched case-sensitively)
ORGANISATIONS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Sveriges Kommuner och Regioner", "association", ("SKR",)),
    ("Sveriges Kommuner och Landsting", "association", ("SKL",)),
    ("Socialstyrelsen", "agency", ()),
    ("Folkhälsomyndigheten", "agency", ("FHM",)),
    ("Arbetsförmedlingen", "agency", ()),
    ("Försäkringskassan", "agency", ()),
    ("Skolverket", "agency", ()),
    ("Skolinspektionen", "agency", ()),
    ("Specialpedagogiska skolmyndigheten", "agency", ("SPSM",)),
    ("Inspektionen för vård och omsorg", "agency", ("IVO",)),
    ("Statens institutionsstyrelse", "agency", ("SiS",)),
    ("Kriminalvården", "agency", ()),
    ("Migrationsverket", "agency", ()),
    ("E-hälsomyndigheten", "agency", ()),
    ("Läkemedelsverket", "agency", ()),
    ("Tandvårds- och läkemedelsförmånsverket", "agency", ("TLV",)),
    ("Statens beredning för medicinsk och social utvärdering", "agency", ("SBU",)),
    ("Myndigheten för vård- och omsorgsanalys", "agency", ("Vårdanalys",)),
    ("Myndigheten för familjerätt och föräldraskapsstöd", "agency", ("MFoF",)),
    ("Jämställdhetsmyndigheten", "agency", ()),
    ("Myndigheten för delaktighet", "agency", ("MFD",)),
    ("Myndigheten för samhällsskydd och beredskap", "agency", ("MSB",)),
    ("Brottsförebyggande rådet", "agency", ("BRÅ", "Brå")),
    ("Boverket", "agency", ()),
    ("Trafikverket", "agency", ()),
    ("Skatteverket", "agency", ()),
    ("Statistiska centralbyrån", "agency", ("SCB",)),
    ("Polismyndigheten", "agency", ("Polisen",)),
    ("Tillväxtverket", "agency", ()),
    ("Vinnova", "agency", ()),
    ("Forte", "agency", ()),
    ("Regeringen", "other", ("regeringen",)),
    ("Socialdepartementet", "other", ()),
    ("Europeiska socialfonden", "other", ("ESF",)),
    ("Nationell Samverkan för Psykisk Hälsa", "association", ("NSPH", "NSPH-nätverket")),
    ("RF-SISU", "association", ("RF SISU", "RF-Sisu", "RF SISU")),
    ("Rädda Barnen", "association", ()),
    ("Röda Korset", "association", ("Svenska Röda Korset",)),
    ("Stadsmissionen", "association", ()),
    ("Reumatikerförbundet", "association", ()),
    ("Generation Pep", "association", ()),
    ("Folkuniversitetet", "association", ()),
    ("ABF", "association", ("Arbetarnas bildningsförbund",)),
    ("Studieförbundet Vuxenskolan", "association", ("Vuxenskolan",)),
    ("Studiefrämjandet", "association", ()),
    ("Sensus", "association", ()),
    ("Bris", "association", ("BRIS",)),
    ("Fritidsbanken", "association", ("Fritidsbankerna",)),
    ("Svenska kyrkan", "other", ()),
    ("Friskvårdsförbundet", "association", ()),
    ("PRO", "association", ("Pensionärernas riksorganisation",)),
    ("SPF Seniorerna", "association", ()),
    ("Funktionsrätt Sverige", "association", ()),
    ("Attention", "association", ()),
    ("Hjärnkoll", "association", ()),
    ("Suicide Zero", "association", ()),
    ("Mind", "association", ()),
    ("Coompanion", "association", ()),
]

# Words that may follow an organisation's name and belong to it: a county ("ABF Örebro län",
# "RF-SISU Örebro län", "NSPH Västmanland", "Coompanion Gotland").
EXTENDABLE = {"RF-SISU", "ABF", "Stadsmissionen", "Röda Korset", "Studieförbundet Vuxenskolan",
              "Nationell Samverkan för Psykisk Hälsa", "Coompanion"}

# Organisations with local branches named "X i <town>" ("Svenska kyrkan i Enköping").
EXTENDABLE_IN = {"Svenska kyrkan", "Röda Korset", "Rädda Barnen", "PRO"}

# Agreements every Swedish region or municipality has, known by their abbreviation.
AGREEMENT_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "RUS": ("Regional utvecklingsstrategi", "strategi"),
}
