"""Fails when the venv holds a wheel that must come from the distribution (DESIGN §2).

pyproj/pyogrio/fiona/rasterio wheels bundle their own PROJ/GDAL and crash qgis_process at
exit; numpy 2 breaks Debian's GDAL bindings and matplotlib.
"""
import os
import sys
import sysconfig

FORBIDDEN = ("pyproj", "pyogrio", "fiona", "rasterio")
venv_site = sysconfig.get_paths()["purelib"]
problems = []
for entry in os.listdir(venv_site):
    name = entry.split("-")[0].lower()
    if name in FORBIDDEN and entry.endswith((".dist-info", ".egg-info")):
        problems.append(f"{entry} is installed in the venv ({venv_site}); remove it: "
                        f"{sys.executable} -m pip uninstall -y {name}")
import numpy  # noqa: E402

if int(numpy.__version__.split(".")[0]) >= 2:
    problems.append(f"numpy {numpy.__version__} in the venv: QGIS's GDAL bindings need numpy < 2")
import geopandas  # noqa: E402,F401
import shapely  # noqa: E402

if int(shapely.__version__.split(".")[0]) < 2:
    problems.append(f"shapely {shapely.__version__}: need >= 2")
if problems:
    sys.exit("venv check failed:\n  " + "\n  ".join(problems))
print(f"venv ok: numpy {numpy.__version__}, shapely {shapely.__version__}, geopandas {geopandas.__version__}")
