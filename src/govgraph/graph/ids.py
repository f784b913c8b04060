"""Deterministic, readable node ids.

Every id is ``<kind>/<slug>``: the same input gives the same id on every run and machine, so
re-loading a document replaces its facts instead of duplicating them, and other tools (RDF
export, queries, the viz) can build links from names alone.

=============  ==================================================  ===============================
label          id                                                  example
=============  ==================================================  ===============================
Document       ``doc/<slug(stem)>-<8 hex of sha1(path_key)>``      ``doc/protokoll-2024-3f2a9c1e``
Person         ``person/<slug(name)>`` (q→k, final dt→t)           ``person/ingmar-angman``
Body           ``body/<slug(name)>``                               ``body/sociala-samradsgruppen``
Organization   ``organization/<slug(canonical name)>``             ``organization/region-orebro-lan``
Agreement      ``agreement/<slug(name)>``                          ``agreement/overenskommelse-om-…``
Meeting        ``meeting/<body slug>/<date>``                      ``meeting/chefsgrupp-folkhalsa/2022-10-28``
AgendaItem     ``item/<meeting part>/<number>``                    ``item/chefsgrupp-folkhalsa/2022-10-28/8a``
Decision       ``decision/<item part>/<n>``                        ``decision/…/2022-10-28/8a/1``
Post           ``post/<slug(title)>[/<of id>]``                    ``post/omradeschef-psykiatri``
=============  ==================================================  ===============================

A suffix ``--<discriminator>`` separates two different entities that share a slug (for
persons the organisation slug, see ``graph/resolve.py``).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import PurePath

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 80


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Remove diacritics (NFKD) and case: "Ångman" -> "angman", "Schoén" -> "schoen"."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold().replace("ß", "ss").replace("æ", "ae").replace("ø", "o")


def slug(text: str, max_len: int = _MAX_SLUG) -> str:
    """"Ingmar Ångman" -> "ingmar-angman": diacritics folded, lower case, non-alnum -> "-".

    Long slugs are cut at a word boundary and end in 6 hex of the full slug's sha1, so two
    long names that share a beginning still get different slugs.
    """
    s = _NON_ALNUM.sub("-", fold(text)).strip("-")
    if not s:
        return "x"
    if len(s) > max_len:
        digest = hashlib.sha1(s.encode("utf-8")).hexdigest()[:6]
        cut = s[: max_len - 7].rsplit("-", 1)[0] or s[: max_len - 7]
        s = f"{cut}-{digest}"
    return s


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def document_id(path_key: str, name: str) -> str:
    """``doc/<slug(file stem)>-<8 hex of sha1(path_key)>``: stable for one file path."""
    stem = PurePath(name).stem if name else "document"
    return f"doc/{slug(stem, 48)}-{_sha1(path_key)[:8]}"


def person_slug(name: str) -> str:
    """The slug of a person name with the spelling variants that never tell people apart
    folded too ("Hedqvist"/"Hedkvist", "Öjbrandt"/"Öjbrant") so that load order does not
    change which spelling the id shows."""
    s = slug(name)
    s = s.replace("q", "k")
    s = re.sub(r"dt(?=-|$)", "t", s)
    return s


def person_id(name: str, discriminator: str | None = None) -> str:
    base = f"person/{person_slug(name)}"
    return f"{base}--{slug(discriminator, 40)}" if discriminator else base


def body_id(name: str, discriminator: str | None = None) -> str:
    base = f"body/{slug(name)}"
    return f"{base}--{slug(discriminator, 60)}" if discriminator else base


def organization_id(name: str, discriminator: str | None = None) -> str:
    base = f"organization/{slug(name)}"
    return f"{base}--{slug(discriminator, 40)}" if discriminator else base


def agreement_id(name: str, discriminator: str | None = None) -> str:
    base = f"agreement/{slug(name)}"
    return f"{base}--{slug(discriminator, 40)}" if discriminator else base


def _tail(node_id: str) -> str:
    """The part after the label prefix: "body/x" -> "x"."""
    return node_id.split("/", 1)[1] if "/" in node_id else node_id


def meeting_id(body: str, date: str | None, doc_id: str | None = None) -> str:
    """``meeting/<body slug>/<date>``; without a date (or when asked to disambiguate) the
    document id's tail is used instead of / beside the date.

    ``body`` is a Body id ("body/x") or a body name.
    """
    b = _tail(body) if body.startswith("body/") else slug(body)
    d = date if (date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)) else None
    if d and not doc_id:
        return f"meeting/{b}/{d}"
    tail = _tail(doc_id) if doc_id else "undated"
    return f"meeting/{b}/{d}/{tail}" if d else f"meeting/{b}/{tail}"


def item_id(meeting: str, number: str) -> str:
    """``item/<meeting tail>/<number slug>``."""
    return f"item/{_tail(meeting)}/{slug(str(number), 24)}"


def decision_id(item: str, n: int) -> str:
    """``decision/<item tail>/<n>`` with n counted from 1 within the item."""
    return f"decision/{_tail(item)}/{int(n)}"


def post_id(title: str, of: str | None = None) -> str:
    """``post/<slug(title)>`` or ``post/<slug(title)>/<of id>`` for a post in a body/organisation."""
    base = f"post/{slug(title, 60)}"
    return f"{base}/{of}" if of else base


def label_of(node_id: str) -> str | None:
    """The schema label an id names ("person/x" -> "Person"), or None."""
    return _PREFIX_LABEL.get(node_id.split("/", 1)[0])


_PREFIX_LABEL = {"doc": "Document", "person": "Person", "body": "Body", "organization": "Organization",
                 "agreement": "Agreement", "meeting": "Meeting", "item": "AgendaItem",
                 "decision": "Decision", "post": "Post"}
