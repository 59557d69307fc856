"""The one-way data flow, checked statically: core imports no other room of the plugin, and the pure
modules of layers/ (the ones unit tests and the sample-data generator use) import no qgis."""
import ast
import pathlib

import riskatlas

ROOT = pathlib.Path(riskatlas.__path__[0])
PURE_LAYERS = ("schemas", "outputs", "validation", "report_html", "reach_inputs", "atomic", "encoding", "kinds")


def _imports(path, top_level_only=False):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [(0, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_core_imports_no_other_room():
    offenders = []
    for path in (ROOT / "core").rglob("*.py"):
        depth = len(path.relative_to(ROOT / "core").parts)  # 1: core/x.py, 2: core/standards/x.py
        for level, module in _imports(path):
            if level > depth or module.split(".")[0] in ("riskatlas", "qgis", "PyQt5", "PyQt6"):
                offenders.append(f"{path.relative_to(ROOT)}: {'.' * level}{module}")
    assert offenders == []


def test_pure_layers_modules_import_no_qgis():
    offenders = [f"{name}: {module}" for name in PURE_LAYERS
                 for _level, module in _imports(ROOT / "layers" / f"{name}.py", top_level_only=True)
                 if module.split(".")[0] in ("qgis", "PyQt5", "PyQt6")]
    assert offenders == []
