"""Exporters: CSV tables, RDF, DCAT-AP-SE."""
