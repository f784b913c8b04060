"""Names inside one protocol: short references resolve to the full person, ambiguity stays open."""
from __future__ import annotations

from govgraph.extract.names import NameIndex, find_names, looks_like_name
from govgraph.model import Officer, Participant, Protocol


def index(*people: str, chair: str | None = None) -> NameIndex:
    p = Protocol("t.txt", participants=[Participant(n) for n in people],
                 officers=[Officer("chair", chair)] if chair else [])
    return NameIndex(p)


def test_first_name_and_initials():
    ix = index("Ingmar Ångman", "Anna Jakobsson", "Johanna Bernström Höglom", "Marie Gustafsson")
    assert ix.resolve("Ingmar") == "Ingmar Ångman"
    assert ix.resolve("Ingmars") == "Ingmar Ångman"           # genitive
    assert ix.resolve("Anna J") == "Anna Jakobsson"
    assert ix.resolve("Johanna BH") == "Johanna Bernström Höglom"
    assert ix.resolve("Marie") == "Marie Gustafsson"


def test_ambiguous_short_name_stays_unresolved():
    ix = index("Anna Jakobsson", "Anna Karlsson")
    assert ix.resolve("Anna") is None
    assert ix.resolve("Anna K") == "Anna Karlsson"


def test_spelling_slips_resolve_to_the_listed_person():
    ix = index("Catrin Skoglund", "Gudrun Öjbrandt", "Marie-Louise Forsberg Fransson")
    assert ix.resolve("Catrine Skoglund") == "Catrin Skoglund"
    assert ix.resolve("Gudrun Öjbrant") == "Gudrun Öjbrandt"
    assert ix.resolve("Marie-Louise Forsberg-Fransson") == "Marie-Louise Forsberg Fransson"
    assert ix.resolve("Gudrun Larsson") is None               # another person, not a slip


def test_roles_resolve_to_officers():
    ix = index("Lise Hjemgaard Svensson", chair="Lise Hjemgaard Svensson")
    assert ix.role("Ordförande") == ["Lise Hjemgaard Svensson"]
    assert ix.role("ordföranden") == ["Lise Hjemgaard Svensson"]


def test_find_names_in_text():
    text = "Helena Nilsson projektleder från Regionen. Ylva Nilsagård leder forskargruppen i Region Örebro län."
    assert [n for _s, _e, n in find_names(text)] == ["Helena Nilsson", "Ylva Nilsagård"]
    assert not looks_like_name("Region Örebro")
    assert not looks_like_name("Maria ungdom")


def test_people_mentions_record_variants():
    ix = index("Ingmar Ångman")
    ix.resolve("Ingmar")
    m = ix.mentions()[0]
    assert m.name == "Ingmar Ångman" and m.variants == ["Ingmar"]
