"""Fails when the venv holds a wheel that must come from the distribution.

pyproj/pyogrio/fiona/rasterio wheels bundle their own PROJ/GDAL and crash qgis_process at
exit. numpy must be the distribution's own — the one its GDAL bindings and matplotlib were
built against (1.24 on Debian 12, 2.2 on Debian 13): a pip numpy in the venv is refused,
whatever its version.
"""
import os
import shutil
import subprocess
import sys
import sysconfig


def geos_mismatch():
    """shapely must use the GEOS QGIS uses: with libgeos-dev present, compare versions."""
    import shapely

    if shutil.which("geos-config") is None:
        return None
    system = subprocess.run(["geos-config", "--version"], capture_output=True, text=True).stdout.strip()
    mine = ".".join(map(str, shapely.geos_version))
    if mine != system:
        return (f"shapely {shapely.__version__} uses GEOS {mine}, QGIS uses {system}: rebuild it with "
                f"pip install --force-reinstall --no-deps --no-binary shapely 'shapely>=2,<2.2'")
    return None


if "--geos-only" in sys.argv:
    problem = geos_mismatch()
    if problem:
        sys.exit(problem)
    sys.exit(0)

FORBIDDEN = ("pyproj", "pyogrio", "fiona", "rasterio")
venv_site = sysconfig.get_paths()["purelib"]
problems = []
for entry in os.listdir(venv_site):
    name = entry.split("-")[0].lower()
    if name in FORBIDDEN and entry.endswith((".dist-info", ".egg-info")):
        problems.append(f"{entry} is installed in the venv ({venv_site}); remove it: "
                        f"{sys.executable} -m pip uninstall -y {name}")
import numpy  # noqa: E402

if os.path.realpath(numpy.__file__).startswith(os.path.realpath(venv_site) + os.sep):
    problems.append(f"numpy {numpy.__version__} is installed in the venv ({venv_site}): QGIS's GDAL bindings "
                    f"need the distribution's numpy; remove it: {sys.executable} -m pip uninstall -y numpy")
import geopandas  # noqa: E402,F401
import shapely  # noqa: E402

if int(shapely.__version__.split(".")[0]) < 2:
    problems.append(f"shapely {shapely.__version__}: need >= 2")
mismatch = geos_mismatch()
if mismatch:
    problems.append(mismatch)
if problems:
    sys.exit("venv check failed:\n  " + "\n  ".join(problems))
print(f"venv ok: numpy {numpy.__version__}, shapely {shapely.__version__}, geopandas {geopandas.__version__}")
