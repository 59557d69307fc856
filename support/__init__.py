"""QGIS-side support: version differences (compat), dependency check, translations and plugin metadata."""
