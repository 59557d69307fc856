"""Dependency guard: checks the scientific Python stack without importing it.

The plugin must load (menu, toolbox entries) even when QGIS's Python lacks these packages;
algorithms then refuse to run (``canExecute``) with the message built here.
"""
import re
import sys
from importlib import metadata, util

# (import name, distribution name, minimum version, why)
REQUIREMENTS = (
    ("shapely", "shapely", (2, 0), "vectorised geometry"),
    ("geopandas", "geopandas", (1, 0), "tables of features"),
    ("scipy", "scipy", (1, 6), "spatial indexes and network search"),
    ("matplotlib", "matplotlib", (3, 3), "atlas charts"),
    ("pandas", "pandas", (1, 4), "tables"),
    ("numpy", "numpy", (1, 21), "arrays"),
)

INSTALL_HELP = """Risk Atlas needs {missing} in QGIS's Python.
Windows (OSGeo4W Shell, run as administrator):  python -m pip install "geopandas>=1.0" "shapely>=2"
    (scipy and matplotlib ship with OSGeo4W's QGIS; install them in the OSGeo4W installer if absent)
Debian/Ubuntu:  sudo apt install python3-geopandas python3-shapely python3-scipy python3-matplotlib
    (Debian 12's shapely is 1.8: python3 -m pip install --user --break-system-packages "shapely>=2,<2.2"
     "pandas>=2,<3", then the same with --no-deps "geopandas>=1.0,<1.1". Never pip-install pyproj,
     pyogrio or fiona into QGIS's Python: they bring a second GDAL/PROJ that crashes QGIS)
conda:  conda install -c conda-forge "geopandas>=1.0" "shapely>=2" scipy matplotlib
Then restart QGIS."""


def _version_tuple(text):
    parts = []
    for piece in text.split(".")[:3]:
        digits = re.match(r"\d+", piece)
        if digits is None:
            break
        parts.append(int(digits.group()))
        if digits.end() < len(piece):  # "0rc1", "2+dfsg": the release number ends here
            break
    return tuple(parts)


_VERSIONS = {}  # distribution -> version found (reading package metadata costs ~1 ms each, every run)


def _installed_version(dist):
    if dist not in _VERSIONS:
        _VERSIONS[dist] = metadata.version(dist)
    return _VERSIONS[dist]


def missing_dependencies():
    """List of human-readable problems, empty when everything is importable and recent enough."""
    problems = []
    for module, dist, minimum, _why in REQUIREMENTS:
        blocked = module in sys.modules and sys.modules[module] is None  # import deliberately disabled
        if blocked or util.find_spec(module) is None:
            problems.append(f"{dist} >= {'.'.join(map(str, minimum))} (not installed)")
            continue
        try:
            found = _installed_version(dist)
        except metadata.PackageNotFoundError:
            continue  # importable but unpackaged (e.g. a source checkout): trust it
        if _version_tuple(found) < minimum:
            problems.append(f"{dist} >= {'.'.join(map(str, minimum))} (found {found})")
    return problems


def install_message(problems=None):
    problems = missing_dependencies() if problems is None else problems
    if not problems:
        return ""
    return INSTALL_HELP.format(missing=", ".join(problems))
