"""`make package`: dist/riskatlas-<version>.zip, installable with "Install plugin from ZIP".

Takes the files git tracks (plus the built .qm translations) under a top folder
``riskatlas/``, leaving out tests, benchmarks, developer tools and set-up files.
"""
import configparser
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXCLUDED_DIRS = ("tests/", "bench/", "tools/", ".ci/", "dist/", "output/")
EXCLUDED_FILES = {"Makefile", "conftest.py", "pytest.ini", "ruff.toml", "mypy.ini", ".gitignore",
                  "sample_data/generate_sample_county.py", "sample_data/check_sample_county.py"}


def version():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return parser["general"]["version"]


def packaged_files():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    files = [f for f in tracked if not f.startswith(EXCLUDED_DIRS) and f not in EXCLUDED_FILES
             and not f.endswith((".tsv", ".pyc"))]
    qm = [os.path.join("i18n", f) for f in os.listdir(os.path.join(ROOT, "i18n")) if f.endswith(".qm")]
    if not qm:
        sys.exit("no .qm translations built: run make translations")
    return sorted(set(files + qm))


def build(destination=None):
    destination = destination or os.path.join(ROOT, "dist", f"riskatlas-{version()}.zip")
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    partial = destination + ".partial"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in packaged_files():
            archive.write(os.path.join(ROOT, relative), f"riskatlas/{relative}")
    os.replace(partial, destination)
    return destination


if __name__ == "__main__":
    path = build(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"{path} ({os.path.getsize(path) / 1e6:.1f} MB)")
