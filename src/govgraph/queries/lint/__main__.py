"""``python -m govgraph.queries.lint``: the Neo4j compatibility check (exit 1 on errors)."""
import sys

from . import main

sys.exit(main())
