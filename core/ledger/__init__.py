"""A planner's own ledgers (Excel/CSV tables with Chinese headers and codes) → Risk Atlas layers.

* ``synonyms`` — the one synonym table (headers → fields, per layer kind);
* ``headers`` — matching headers, the explicit FIELD_MAP; ``recognise`` — header row and kind;
* ``codes`` — the one code table (Chinese labels → the schema's codes) and ``recode``;
* ``text`` — normal forms of headers and values, units in headers.

Pure Python/numpy: no qgis or Qt import.
"""
