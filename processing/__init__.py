"""Processing provider and algorithms: thin glue between QGIS parameters, ``layers`` and ``core``.

Modules here import only qgis at module level; geopandas/scipy are imported inside
``run`` so the provider loads even when they are missing (``canExecute`` then explains).
"""
