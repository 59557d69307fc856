"""A planner's own ledgers (Excel/CSV tables with Chinese headers and codes) → Risk Atlas layers.

* ``synonyms`` — the one synonym table (headers → fields, per layer kind);
* ``headers`` — matching headers, the explicit FIELD_MAP; ``recognise`` — header row and kind;
* ``code_tables`` / ``codes`` — the one code table (Chinese labels → the schema's codes, with each
  code's display name) and ``recode`` / ``read_codes`` (validation and every algorithm read coded
  fields through it);
* ``text`` — normal forms of headers and values, units in headers and values;
* the import: ``table`` (header row, kind, mapping, data rows), ``columns`` (typed fields),
  ``points`` (coordinates, web-map offsets, WKT), ``importer.read_ledger`` (the three together) and
  ``report`` (the import report as data, by the row numbers a user sees).

Pure Python/numpy/shapely: no qgis or Qt import.
"""
