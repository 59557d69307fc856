"""riskatlas:fullassessment through qgis_process.bin on the sample county: every file, and the
atlas checked against the analysis layers."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")

pytestmark = pytest.mark.e2e
LAYERS = {"ENTERPRISES": "enterprises", "HAZARD_SOURCES": "hazard_sources", "SHELTERS": "shelters",
          "SHELTERS_2": "shelter_points", "FIRE_STATIONS": "fire_stations", "POPULATION": "population",
          "ROADS": "roads", "TOWNSHIPS": "townships"}


@pytest.fixture(scope="module")
def assessment(tmp_path_factory):
    work = tmp_path_factory.mktemp("full")
    env = qp.make_env(str(work / "qgis"))
    qp.enable_plugin(env)
    folder = work / "out"
    args = ["run", "riskatlas:fullassessment", "--json", *[f"--{p}={SAMPLE}|layername={n}" for p, n in LAYERS.items()],
            "--LANGUAGE=zh", "--ORGANISATION=临海县应急管理局", "--DATE=2026-11-25", "--TARGET=2.0",
            f"--OUTPUT_FOLDER={folder}"]
    completed = qp.qgis_process(args, env, timeout=900)
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
    return folder, results, completed.stdout + completed.stderr


def sql(gpkg, query):
    with sqlite3.connect(gpkg) as connection:
        return connection.execute(query).fetchall()


def test_every_file_is_written(assessment):
    folder, results, _log = assessment
    for name in ("risk_atlas_results.gpkg", "risk_atlas.qgz", "risk_atlas.pdf", "validation.html",
                 "fire_station_reach.html", "shelters.html"):
        assert (folder / name).stat().st_size > 0, name
    assert not list(folder.glob("partial-*"))
    assert len(list((folder / "png").glob("*.png"))) == 13  # cover, fire stations, shelters, 10 townships
    assert results["OUTPUT_PDF"] == str(folder / "risk_atlas.pdf")
    tables = {row[0] for row in sql(results["OUTPUT_GPKG"], "select table_name from gpkg_contents")}
    assert {"hazard_units", "enterprise_risk", "risk_map", "reach_areas", "reach_gaps", "reach_edges",
            "shelter_units", "shelter_load", "provenance", "atlas_coverage", "headline_figures"} <= tables
    steps = [row[0] for row in sql(results["OUTPUT_GPKG"], "select algorithm from provenance order by fid")]
    assert steps == ["riskatlas:validateinputs", "riskatlas:gradehazardsources", "riskatlas:enterpriserisk",
                     "riskatlas:firestationreach", "riskatlas:shelterpercapita", "riskatlas:fourcolourmap",
                     "riskatlas:exportatlas"]


def test_atlas_pages_labels_font_and_figures(assessment):
    folder, results, _log = assessment
    pdf = str(folder / "risk_atlas.pdf")
    gpkg = results["OUTPUT_GPKG"]
    towns = sql(SAMPLE, "select count(*) from townships")[0][0]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {towns + 3}" in info and results["PAGES"] == towns + 3
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for label in ("重大风险", "较大风险", "一般风险", "低风险", "临海县应急管理局", "2026年11月25日"):
        assert label in text
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYiZenHei" in fonts and " yes " in fonts.splitlines()[2]
    # the cover's figures equal the analysis layers: major hazard units and the shelter indicator
    major = sql(gpkg, "select count(*) from hazard_units where is_major = 1")[0][0]
    assert results["MAJOR_HAZARD_UNITS"] == major == 19
    area, residents = sql(gpkg, "select sum(shelter_area_m2), sum(residents) from shelter_units")[0]
    assert f"{area / residents:.2f} m²/人" in text.replace(" m²/ 人", " m²/人")
    # TARGET reaches the atlas (issue 11: it printed 目标 ≥ 1.5 whatever the assessment's target)
    deficit = int(round(2.0 * residents - area))
    assert f"目标 ≥ 2.0，未达标，县域缺口 {deficit:,} m²" in text and "目标 ≥ 1.5" not in text
    for name in (row[0] for row in sql(SAMPLE, "select name from townships")):
        assert name in text


def test_project_holds_styled_layers_and_the_atlas_layouts(assessment):
    folder, results, _log = assessment
    env = qp.make_env(str(folder / "qgis2"))
    script = folder / "check.py"
    script.write_text(
        "import sys\n"
        "from qgis.core import QgsApplication, QgsProject\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "p = QgsProject.instance(); assert p.read(sys.argv[1])\n"
        "layers = list(p.mapLayers().values())\n"
        "assert all(l.isValid() for l in layers), [l.name() for l in layers if not l.isValid()]\n"
        "names = {l.name() for l in layers}\n"
        "assert {'四色安全风险分布图', '重大危险源分级', '消防站5分钟到达范围', '镇街人均避难场所面积'} <= names, names\n"
        "risk = next(l for l in layers if l.name() == '四色安全风险分布图')\n"
        "assert risk.renderer().type() == 'categorizedSymbol'\n"
        "assert [c.symbol().color().name() for c in risk.renderer().categories()] == "
        "['#ff0000', '#ff9900', '#ffff00', '#0070c0']\n"
        "layouts = [l.name() for l in p.layoutManager().printLayouts()]\n"
        "assert len(layouts) == 4 and any(l.atlas().enabled() for l in p.layoutManager().printLayouts()), layouts\n"
        "print('OK', len(layers), layouts)\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, str(script), str(folder / "risk_atlas.qgz")],
                               env=env, capture_output=True, text=True, timeout=300)
    assert "OK" in completed.stdout, completed.stdout + completed.stderr


def _plain(text):
    """Text without tags and with every run of white space as one space."""
    import html
    import re

    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def test_headline_figures_agree_in_the_log_the_pdf_the_reports_and_the_table(assessment):
    """Issue 16: one set of figures. Each row of the headline_figures table appears as printed — same label,
    same rounded value — in the run's log, in the PDF's text (where the atlas prints it) and in the HTML
    report of the analysis it comes from."""
    import re

    folder, results, _log = assessment
    rows = sql(results["OUTPUT_GPKG"], "select figure_id, shown, unit, label_zh, label_en, value from headline_figures")
    figures = {row[0]: row for row in rows}
    assert {"residents", "fire_cover_share", "shelter_county_deficit_m2", "shelter_total_deficit_m2",
            "map_cells", "major_units"} <= set(figures)
    # the log: the assessment's summary, pushed to the log at the end of the run (qgis_process --json keeps the
    # log to itself, the summary is among the results), in the UI language
    summary = _plain(results["SUMMARY"])
    pdf = subprocess.run(["pdftotext", "-layout", str(folder / "risk_atlas.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", pdf)
    reports = {"fire": _plain((folder / "fire_station_reach.html").read_text(encoding="utf-8")),
               "shelter": _plain((folder / "shelters.html").read_text(encoding="utf-8"))}
    units = {"residents": "人", "m2": "m²", "m2_per_resident": "m²/人", "cells": "个", "units": "个",
             "shelters": "处", "percent": ""}
    for figure_id, shown, unit, label_zh, label_en, value in rows:
        assert re.search(rf"({re.escape(label_en)}|{re.escape(label_zh)})[:：]? {re.escape(shown)}( |$)", summary), \
            figure_id
        # the HTML report of the analysis the figure comes from: label, value, unit as in the table
        report = reports.get(figure_id.split("_")[0].replace("shelters", "shelter"))
        if report is not None:
            assert f"{label_zh} {shown}{' ' + units[unit] if units[unit] else ''}" in report, figure_id
        # the value is the rounded unrounded one
        if unit == "percent":
            assert shown == f"{float(value):.1f}%" or abs(float(shown[:-1]) - float(value)) <= 0.05, figure_id
    c = {k: v[1] for k, v in figures.items()}
    # the PDF: the cover's table and indicators, the fire-station and shelter pages
    for level, label in enumerate(("重大风险", "较大风险", "一般风险", "低风险"), start=1):
        assert re.search(rf"{label}\s+{c[f'map_cells_level_{level}']}\s+\S+\s+{c[f'residents_level_{level}']}\s+"
                         rf"{re.escape(c[f'residents_share_level_{level}'])}", pdf), label
    assert re.search(rf"合计\s+{c['map_cells']}\s+\S+\s+{c['residents']}\s+100\.0%", pdf)
    for printed in (f"{c['fire_cover_share']}（未覆盖 {c['fire_residents_not_covered']} 人）",
                    f"5分钟可达人口：{c['fire_residents_covered']} 人", f"可达人口比例：{c['fire_cover_share']}",
                    f"县域缺口：{c['shelter_county_deficit_m2']} m²", f"各镇街缺口合计：{c['shelter_total_deficit_m2']} m²",
                    f"{c['shelter_m2_per_capita']} m²/人", f"超负荷避难场所：{c['shelters_overloaded']} 处",
                    f"有效面积 {c['shelter_area_m2']} m² ÷ 计入人口 {c['shelter_residents']} 人",
                    f"（共 {c['major_units']} 个）"):
        assert printed in flat, printed


def test_every_result_layer_has_a_populated_rtree(assessment):
    """Layers are filled in bulk (layers.gpkg_bulk): each geometry table still has GDAL's R-tree,
    holding one entry per non-empty geometry, and SQLite finds it consistent."""
    _folder, results, _log = assessment
    gpkg = results["OUTPUT_GPKG"]
    layers = sql(gpkg, "select table_name, column_name from gpkg_geometry_columns")
    assert len(layers) >= 8
    for table, column in layers:
        rtree = f"rtree_{table}_{column}"
        blobs = [row[0] for row in sql(gpkg, f'select "{column}" from "{table}"')]
        features = sum(1 for blob in blobs if blob is not None and not blob[3] & 0x10)  # header flag: empty
        assert sql(gpkg, f'select count(*) from "{rtree}"')[0][0] == features > 0, table
        assert sql(gpkg, f"select rtreecheck('{rtree}')")[0][0] == "ok", table
