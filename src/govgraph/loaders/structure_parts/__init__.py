"""Parts of the ``parse`` stage (``loaders.structure.parse_structure``).

- ``text``       line views (markup stripped, heading level, bold, struck) and name recognition
- ``dates``      Swedish date and time expressions
- ``items``      agenda items and their line spans
- ``header``     body, meeting date, place
- ``people``     names, parties, organisations, many-names cells
- ``attendance`` participants by attendance section
- ``officers``   chair, secretary, adjusters
- ``detect``     does a document read like minutes at all?
"""
