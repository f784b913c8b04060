"""Browser views of the governance network (pyvis)."""
