"""Registers this checkout as the package ``riskatlas`` for the tests (see ARCHITECTURE.md, "Tests").

The repo root is never put on sys.path: its ``processing/`` would shadow QGIS's own
``processing`` plugin. Instead the root's ``__init__.py`` is executed as package
``riskatlas`` (it only defines classFactory), and submodules import relatively.
"""
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))


def _register_package():
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and os.path.abspath(p) != ROOT]
    if "riskatlas" in sys.modules:
        return
    spec = importlib.util.spec_from_file_location("riskatlas", os.path.join(ROOT, "__init__.py"),
                                                  submodule_search_locations=[ROOT])
    module = importlib.util.module_from_spec(spec)
    sys.modules["riskatlas"] = module
    spec.loader.exec_module(module)


def _add_qgis_python_plugins():
    """QGIS's own Python plugins folder (holds ``processing``), as QGIS itself adds it."""
    if "qgis.core" not in sys.modules:  # unit tests run without QGIS (-p no:pytest_qgis)
        return
    from qgis.core import QgsApplication

    folder = os.path.join(QgsApplication.pkgDataPath() or "/usr/share/qgis", "python", "plugins")
    if os.path.isdir(folder) and folder not in sys.path:
        sys.path.append(folder)


_register_package()
_add_qgis_python_plugins()
