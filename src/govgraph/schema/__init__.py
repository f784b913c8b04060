"""The graph schema (labels, properties, relationship types, RDF terms), defined once."""
from .core import EDGES, KIND_EDGE, NAMESPACES, NODES, EdgeType, NodeType, allowed, edge, node

__all__ = ["EDGES", "KIND_EDGE", "NAMESPACES", "NODES", "EdgeType", "NodeType", "allowed", "edge", "node"]
