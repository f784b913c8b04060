"""govgraph: the minutes of Swedish public bodies as a trustworthy knowledge graph."""
__version__ = "0.1.0"
