"""SHACL validation of govgraph's RDF export and DCAT catalog (pySHACL).

Shapes: ``schema/shapes.ttl`` (the graph: meetings, items, decisions, annotations …) and
``schema/dcat-shapes.ttl`` (mandatory DCAT-AP-SE properties, no blank nodes). Each shape
targets its own classes, so both are applied to any data graph by default.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..model import GovgraphError
from ..schema.core import NAMESPACES

SHAPE_FILES = {"graph": "shapes.ttl", "dcat": "dcat-shapes.ttl"}
SH = "http://www.w3.org/ns/shacl#"


@dataclass
class ShaclResult:
    """One validation result, readable: severity, focus node, path, message, value."""
    severity: str          # "Violation" | "Warning" | "Info"
    focus: str
    path: str
    message: str
    value: str = ""
    shape: str = ""

    def to_json(self) -> dict:
        return {"severity": self.severity, "focus": self.focus, "path": self.path,
                "message": self.message, "value": self.value, "shape": self.shape}


@dataclass
class ValidationReport:
    conforms: bool                       # no Violation (warnings allowed)
    results: list[ShaclResult] = field(default_factory=list)
    triples: int = 0

    @property
    def violations(self) -> list[ShaclResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ShaclResult]:
        return [r for r in self.results if r.severity != "Violation"]


def shapes_text(which: str) -> str:
    """The text of a bundled shapes file: ``"graph"`` or ``"dcat"``."""
    return resources.files("govgraph.schema").joinpath(SHAPE_FILES[which]).read_text("utf-8")


def load_shapes(which: tuple[str, ...] = ("graph", "dcat"), extra: list[str] | None = None):
    """An rdflib Graph with the bundled shapes (and any extra shapes files)."""
    from rdflib import Graph
    g = Graph()
    for w in which:
        g.parse(data=shapes_text(w), format="turtle")
    for path in extra or ():
        try:
            g.parse(path)
        except Exception as e:  # rdflib raises many parser-specific errors
            raise GovgraphError(f"{path}: cannot read shapes: {_first_line(e)}") from None
    return g


def _first_line(e: Exception) -> str:
    text = str(e).strip() or type(e).__name__
    return text.splitlines()[0][:300]


def guess_format(path: str) -> str | None:
    from .rdf import SUFFIX_FORMAT
    return SUFFIX_FORMAT.get(Path(path).suffix.lower())


def read_rdf(path: str, fmt: str | None = None):
    """Parse an RDF file into an rdflib Graph; a clear one-line error when it cannot be read."""
    from rdflib import Graph
    p = Path(path)
    if not p.is_file():
        raise GovgraphError(f"{path}: no such file")
    g = Graph()
    try:
        g.parse(str(p), format=fmt or guess_format(path))
    except Exception as e:  # noqa: BLE001 — parser errors differ per format
        raise GovgraphError(f"{path}: not readable as RDF ({fmt or guess_format(path) or 'format guessed'}): "
                            f"{_first_line(e)}") from None
    return g


def _short(term, g=None) -> str:
    """A compact, readable form of a term (prefix:local, ^inverse paths, literals quoted)."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import SH as _SH
    if term is None:
        return ""
    if isinstance(term, Literal):
        return repr(str(term)) if term.datatype is None else f"{term}^^{_short(term.datatype)}"
    if isinstance(term, BNode) and g is not None:
        inv = g.value(term, _SH.inversePath)
        if inv is not None:
            return "^" + _short(inv, g)
        return "[…]"
    s = str(term)
    for prefix, iri in sorted(NAMESPACES.items(), key=lambda kv: -len(kv[1])):
        if s.startswith(iri) and isinstance(term, URIRef):
            return f"{prefix}:{s[len(iri):]}"
    return s


def validate_graph(data, shapes=None, ontology=None) -> ValidationReport:
    """Validate an rdflib Graph against the shapes (default: both bundled files)."""
    from pyshacl import validate
    from rdflib import URIRef
    from rdflib.namespace import RDF
    from rdflib.namespace import SH as _SH
    shapes = shapes if shapes is not None else load_shapes()
    conforms, results_graph, _text = validate(data, shacl_graph=shapes, ont_graph=ontology,
                                              inference="none", allow_warnings=True,
                                              advanced=True)
    out: list[ShaclResult] = []
    for r in results_graph.subjects(RDF.type, _SH.ValidationResult):
        sev = results_graph.value(r, _SH.resultSeverity)
        msgs = list(results_graph.objects(r, _SH.resultMessage))
        path = results_graph.value(r, _SH.resultPath)
        # the path term may be a blank node of the shapes graph (inverse paths)
        path_txt = _short(path, shapes) if path is not None else ""
        if path is not None and path_txt == "[…]":
            path_txt = _short(path, results_graph)
        out.append(ShaclResult(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            focus=_short(results_graph.value(r, _SH.focusNode)),
            path=path_txt,
            message="; ".join(str(m) for m in msgs) or _short(results_graph.value(r, _SH.sourceConstraintComponent)),
            value=_short(results_graph.value(r, _SH.value)),
            shape=_short(results_graph.value(r, _SH.sourceShape))
            if isinstance(results_graph.value(r, _SH.sourceShape), URIRef) else ""))
    for x in out:
        if x.value == x.focus:          # node-level results repeat the focus as the value
            x.value = ""
    out.sort(key=lambda x: (x.severity != "Violation", x.focus, x.path, x.message))
    return ValidationReport(conforms=not any(x.severity == "Violation" for x in out), results=out,
                            triples=len(data))


def validate_file(path: str, fmt: str | None = None, shapes=None) -> ValidationReport:
    return validate_graph(read_rdf(path, fmt), shapes)
