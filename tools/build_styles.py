"""Write ``styles/*.qml``: the plugin's layer styles as files a planner loads onto their own layers.

    .venv/bin/python tools/build_styles.py [--output-dir styles]

The styles are built by the same code that styles the algorithms' outputs (``layers/styling.py`` and the
``layers/*_style.py`` modules: one palette, ``core/standards/risk_levels.py``)
and written by ``layers/qml.py``; no QGIS is needed. Run it after changing a style; a test
regenerates the folder and fails when the committed files differ. ``styles/README.md`` says which
file goes with which layer.
"""
import argparse
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGUAGES = ("zh", "en")


def _register_package():
    """The checkout as package ``riskatlas`` (as the tests do; the root is never put on sys.path)."""
    spec = importlib.util.spec_from_file_location("riskatlas_root_conftest", os.path.join(ROOT, "conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def style_files():
    """{file name: Style} of every QML in styles/."""
    from riskatlas.core.standards.shelters import TARGET_M2_PER_CAPITA
    from riskatlas.layers import reach_style, resource_style, scenario_style, shelter_style, siting_style
    from riskatlas.layers.schemas import SCHEMAS
    from riskatlas.layers.styling import four_colour_style, input_style

    files = {}
    for language in LANGUAGES:
        for geometry in ("polygon", "point"):
            files[f"risk_levels_{geometry}_{language}.qml"] = four_colour_style(geometry, language)
        for kind, schema in SCHEMAS.items():
            for geometry in schema.geometries:
                name = f"{kind}_{geometry}" if len(schema.geometries) > 1 else kind
                files[f"{name}_{language}.qml"] = input_style(kind, geometry, language)
        files[f"shelter_per_capita_{language}.qml"] = shelter_style.per_capita_style(
            TARGET_M2_PER_CAPITA, language, "polygon", no_shelter_flag=True)
        files[f"shelter_units_{language}.qml"] = shelter_style.units_style(TARGET_M2_PER_CAPITA, language, "name")
        for geometry in ("point", "polygon"):
            files[f"shelter_load_{geometry}_{language}.qml"] = shelter_style.shelter_load_style(geometry, language)
        files[f"resource_towns_{language}.qml"] = resource_style.resource_towns_style(language)
        files[f"resource_targets_{language}.qml"] = resource_style.resource_targets_style(language)
        files[f"scenario_townships_{language}.qml"] = scenario_style.scenario_townships_style(language)
        files[f"scenario_changes_{language}.qml"] = scenario_style.scenario_changes_style(language)
        files[f"siting_uncovered_{language}.qml"] = siting_style.siting_uncovered_style(language)
    files.update({"reach_edges.qml": reach_style.reach_edges_style(), "reach_bands.qml": reach_style.reach_bands_style(),
                  "reach_areas.qml": reach_style.reach_areas_style(),
                  "reach_gaps.qml": reach_style.reach_gaps_style(), "reach_targets.qml": reach_style.reach_targets_style(),
                  "resource_areas.qml": resource_style.resource_areas_style(),
                  "resource_gaps.qml": resource_style.resource_gaps_style(),
                  "siting_sites.qml": siting_style.siting_sites_style()})
    return dict(sorted(files.items()))


def write_styles(folder):
    """Write every QML into ``folder`` (UTF-8, '\\n'); returns the file names."""
    from riskatlas.layers.qml import to_qml

    os.makedirs(folder, exist_ok=True)
    files = style_files()
    for name, style in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(to_qml(style))
    return list(files)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", default=os.path.join(ROOT, "styles"))
    args = parser.parse_args(argv)
    if "riskatlas" not in sys.modules:
        _register_package()
    names = write_styles(args.output_dir)
    print(f"{len(names)} styles written to {args.output_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
