"""Four-colour risk map at county scale: riskatlas:fourcolourmap against the native-QGIS chain.

Case (seeded): a 50 km × 30 km county (1,500 km²) in EPSG:4549, a 100 m grid (150,000 cells),
3,000 enterprises (points; 60 % in five clusters, levels 1–4 in proportions 3/7/20/70 %) and
100 hazard units (squares of 40–200 m in an industrial park; levels 15/20/30/35 %). Radii
1000/500/300/100 m, AGGREGATION 0 (highest level wins).

* ours: ``processing.run("riskatlas:fourcolourmap", …)`` end to end — read both layers, build
  the grid, exact distances, write the 150,000-cell GeoPackage. The core step alone
  (``core.four_colour.four_colour_map`` on the GeoDataFrames) is timed separately.
* native: what a planner does with QGIS's own tools — ``native:creategrid`` (rectangles),
  ``native:buffer`` of each layer with a data-defined distance by level (SEGMENTS per quarter
  circle), ``native:mergevectorlayers``, ``qgis:joinbylocationsummary`` (intersects, minimum of
  risk_level; no match = level 4), written to a GeoPackage.

Both write the same 150,000 cells to a GeoPackage with a populated R-tree spatial index: native
through QGIS's feature sink (GDAL fills the R-tree row by row when the layer is closed: ~1.3 s on
GDAL 3.6), ours into the layer QGIS created, in one SQLite transaction with the R-tree bulk-loaded
(``layers.gpkg_bulk``); both again with TEMPORARY_OUTPUT (a memory layer: no file, no index); and ours
once more as a paletted GeoTIFF alone (OUTPUT_RASTER), against native's GeoPackage chain. Every case
runs ``--repeat`` times, the cases in turn, each run in its own child process (its own peak memory;
QGIS start-up is not timed but is in the peak) after one untimed warm-up run of the same case on a
2 km square (imports and the first calls into GDAL, numpy and scipy: a planner's second run; the
warm-up's time is printed beside, as the first run's extra cost); the best and the median time are reported, with the
best run's CPU time (ours writes a memory layer's features from a helper thread, so its CPU time can
exceed its wall time on a machine with more than one core; the native chain runs on one thread).

The "GeoPackage floor" case measures what writing this output costs an algorithm through QGIS's own
C++ writer (QgsVectorFileWriter.writeAsVectorFormatV3 copying our GeoPackage, no Python per feature),
with and without the spatial index: the floor ours was held to before it wrote GeoPackages in bulk.

The levels are compared cell by cell (cells matched by their lower-left corner). Native
buffers are inscribed polygons: a cell whose exact distance d to a source lies in [r − s, r]
(s = r·(1 − cos(π / (4·SEGMENTS))), the sagitta) may be judged differently; such pairs are counted
and reported (with 256 segments s < 5 mm at 1 km: usually none).

Run: ``.venv/bin/python bench/bench_four_colour.py`` (``--cell``, ``--enterprises``, … to change sizes;
``--repeat 3`` reports the best of three runs per case).
"""
import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile

import numpy as np

if __package__:
    from . import common
else:  # run as a script: bench/ is sys.path[0]
    import common

SEED = 20241125
CRS = "EPSG:4549"
X0, Y0 = 450_000.0, 3_300_000.0
RADII = (1000.0, 500.0, 300.0, 100.0)
LEVEL_EXPRESSION = ('CASE WHEN "risk_level" = 1 THEN 1000 WHEN "risk_level" = 2 THEN 500 '
                    'WHEN "risk_level" = 3 THEN 300 ELSE 100 END')


def make_case(args):
    """(enterprise xy, enterprise levels, unit boxes (xmin, ymin, xmax, ymax), unit levels)."""
    rng = np.random.default_rng(SEED)
    width, height = args.width_km * 1000, args.height_km * 1000
    n_clustered = int(0.6 * args.enterprises)
    centres = np.column_stack([rng.uniform(0.15, 0.85, 5) * width, rng.uniform(0.15, 0.85, 5) * height])
    clustered = centres[rng.integers(0, 5, n_clustered)] + rng.normal(0, 2000, (n_clustered, 2))
    scattered = rng.uniform((0, 0), (width, height), (args.enterprises - n_clustered, 2))
    xy = np.clip(np.vstack([clustered, scattered]), 1, (width - 1, height - 1))
    levels = rng.choice([1, 2, 3, 4], args.enterprises, p=[0.03, 0.07, 0.20, 0.70])
    park = np.array([0.7 * width, 0.3 * height])
    unit_xy = park + rng.uniform(-2500, 2500, (args.units, 2))
    sizes = rng.uniform(40, 200, args.units)
    boxes = np.column_stack([unit_xy - sizes[:, None] / 2, unit_xy + sizes[:, None] / 2])
    unit_levels = rng.choice([1, 2, 3, 4], args.units, p=[0.15, 0.20, 0.30, 0.35])
    return xy + (X0, Y0), levels, boxes + (X0, Y0, X0, Y0), unit_levels


def extent_text(args):
    return f"{X0},{X0 + args.width_km * 1000},{Y0},{Y0 + args.height_km * 1000} [{CRS}]"


def write_inputs(args, path):
    import geopandas as gpd
    import shapely

    from riskatlas.layers.sinks import make_fields
    from riskatlas.layers.gpkg import write_geopackage

    xy, levels, boxes, unit_levels = make_case(args)
    enterprises = gpd.GeoDataFrame({"ent_id": [f"E{i:05d}" for i in range(len(xy))], "risk_level": levels},
                                   geometry=shapely.points(xy))
    units = gpd.GeoDataFrame({"unit_id": [f"HU{i:03d}" for i in range(len(boxes))], "risk_level": unit_levels},
                             geometry=shapely.box(*boxes.T))
    write_geopackage(path, {
        "enterprises": (enterprises, make_fields([("ent_id", "string"), ("risk_level", "int")]), None),
        "hazard_units": (units, make_fields([("unit_id", "string"), ("risk_level", "int")]), None),
    }, CRS)


def rss_now_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_process(algorithm, parameters):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(algorithm, parameters, context=context, feedback=QgsProcessingFeedback())


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def gpkg_floor(folder):
    """Copy ours.gpkg with QgsVectorFileWriter (C++ loop): (seconds with the spatial index, without)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer(os.path.join(folder, "ours.gpkg"), "ours", "ogr")
    times = []
    for name, layer_options in (("floor.gpkg", []), ("floor_noindex.gpkg", ["SPATIAL_INDEX=NO"])):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName, options.layerName, options.layerOptions = "GPKG", "floor", layer_options
        with common.Timer() as timer:
            error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, os.path.join(folder, name),
                                                              QgsCoordinateTransformContext(), options)
        if error[0] != QgsVectorFileWriter.NoError:
            raise RuntimeError(f"copy failed: {error}")
        times.append(timer.seconds)
    return times


def _run_chain(case, enterprises, units, args, extent, output, raster):
    """Ours (``case`` ours*) or the native chain on ``extent``, to ``output`` (or ``raster`` for ours-geotiff)."""
    destination = {"OUTPUT_RASTER": raster} if case == "ours-geotiff" else {"OUTPUT": output}
    if case.startswith("ours"):
        run_process("riskatlas:fourcolourmap", {
            "ENTERPRISES": enterprises, "HAZARD_UNITS": units, "CELL_SIZE": args.cell,
            "EXTENT": extent, "RADII": ",".join(f"{r:g}" for r in RADII), "AGGREGATION": 0,
            **destination})
    else:
        from qgis.core import QgsProperty

        grid = run_process("native:creategrid", {
            "TYPE": 2, "EXTENT": extent, "HSPACING": args.cell, "VSPACING": args.cell,
            "HOVERLAY": 0, "VOVERLAY": 0, "CRS": CRS, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        buffers = [run_process("native:buffer", {
            "INPUT": layer, "DISTANCE": QgsProperty.fromExpression(LEVEL_EXPRESSION), "SEGMENTS": args.segments,
            "END_CAP_STYLE": 0, "JOIN_STYLE": 0, "MITER_LIMIT": 2, "DISSOLVE": False,
            "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"] for layer in (enterprises, units)]
        merged = run_process("native:mergevectorlayers", {"LAYERS": buffers, "CRS": CRS,
                                                          "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        run_process("qgis:joinbylocationsummary", {
            "INPUT": grid, "JOIN": merged, "PREDICATE": [0], "JOIN_FIELDS": ["risk_level"], "SUMMARIES": [2],
            "DISCARD_NONMATCHING": False, "OUTPUT": output})


def run_case(case, args, folder):
    common.start_qgis()
    inputs = os.path.join(folder, "inputs.gpkg")
    enterprises, units = f"{inputs}|layername=enterprises", f"{inputs}|layername=hazard_units"
    info = {"case": case}
    if case == "data":
        write_inputs(args, inputs)
        return info
    if case == "floor":
        info["seconds"], info["noindex_seconds"] = gpkg_floor(folder)
        return info
    in_memory = case.endswith("-memory")
    # one untimed warm-up run of the same chain on a 2 km square first (imports, first calls of GDAL,
    # numpy and scipy; as bench_reach_gpkg's warm-up): its time is reported as the first-run cost
    with common.Timer() as warm_timer:
        _run_chain(case, enterprises, units, args, f"{X0},{X0 + 2000},{Y0},{Y0 + 2000} [{CRS}]",
                   "TEMPORARY_OUTPUT" if in_memory else os.path.join(folder, f"warm-{case}.gpkg"),
                   os.path.join(folder, f"warm-{case}.tif"))
    info["warmup_seconds"] = warm_timer.seconds
    base = rss_now_mb()
    cpu_start = cpu_seconds()
    output = "TEMPORARY_OUTPUT" if in_memory else os.path.join(folder, f"{case}.gpkg")
    with common.Timer() as timer:
        _run_chain(case, enterprises, units, args, extent_text(args), output, os.path.join(folder, "ours.tif"))
    info.update(seconds=timer.seconds, cpu_seconds=cpu_seconds() - cpu_start, peak_rss_mb=common.peak_rss_mb(),
                base_rss_mb=base)
    if case == "ours-memory":  # the core step alone, on the layers read by the same conversion
        from qgis.core import QgsVectorLayer

        from riskatlas.core.four_colour import Sources, four_colour_map, sources_from_frame, square_grid
        from riskatlas.layers.convert import source_to_frame

        frames = [source_to_frame(QgsVectorLayer(uri, name, "ogr"), name) for uri, name in
                  ((enterprises, "enterprises"), (units, "hazard_units"))]
        sources = Sources.concat([sources_from_frame(f.gdf, f.name) for f in frames])
        with common.Timer() as core_timer:
            grid = square_grid((X0, Y0, X0 + args.width_km * 1000, Y0 + args.height_km * 1000), args.cell)
            four_colour_map(grid, sources, RADII)
        info["core_seconds"] = core_timer.seconds
    return info


def compare(args, folder):
    """Cell-by-cell comparison of the two outputs and the count of source–cell pairs in the sagitta band."""
    import shapely
    from qgis.core import QgsVectorLayer

    common.start_qgis()

    def levels(path, field, missing):
        layer = QgsVectorLayer(path, "out", "ogr")
        index = layer.fields().indexOf(field)
        out = {}
        for feature in layer.getFeatures():
            box = feature.geometry().boundingBox()
            value = feature.attributes()[index]
            out[(round(box.xMinimum(), 3), round(box.yMinimum(), 3))] = missing if value is None or (
                hasattr(value, "isNull") and value.isNull()) else int(value)
        return out

    ours = levels(os.path.join(folder, "ours.gpkg"), "risk_level", 4)
    native = levels(os.path.join(folder, "native.gpkg"), "risk_level_min", 4)
    differing = [k for k in ours if native.get(k) != ours[k]]
    raster_differing = raster_cells = 0
    if os.path.exists(os.path.join(folder, "ours.tif")):  # the GeoTIFF's cells by their lower-left corner
        from osgeo import gdal

        dataset = gdal.Open(os.path.join(folder, "ours.tif"))
        x0, step, _r, top, _s, _h = dataset.GetGeoTransform()
        grid = dataset.GetRasterBand(1).ReadAsArray()
        del dataset
        rows, cols = np.nonzero(grid)
        raster_cells = len(rows)
        for row, col in zip(rows.tolist(), cols.tolist()):
            corner = (round(x0 + col * step, 3), round(top - (row + 1) * step, 3))
            raster_differing += int(native.get(corner) != int(grid[row, col]))
    # ambiguous pairs: exact distance within the segmentation band of the native buffers
    xy, src_levels, boxes, unit_levels = make_case(args)
    geoms = np.concatenate([shapely.points(xy), shapely.box(*boxes.T)])
    all_levels = np.concatenate([src_levels, unit_levels])
    keys = np.array(list(ours))
    cells = shapely.box(keys[:, 0], keys[:, 1], keys[:, 0] + args.cell, keys[:, 1] + args.cell)
    tree = shapely.STRtree(cells)
    ambiguous = 0
    for level, radius in zip((1, 2, 3, 4), RADII):
        chosen = np.flatnonzero(all_levels == level)
        pairs = tree.query(geoms[chosen], predicate="dwithin", distance=radius + 1)
        distance = shapely.distance(geoms[chosen][pairs[0]], cells[pairs[1]])
        sagitta = radius * (1 - math.cos(math.pi / (4 * args.segments)))
        ambiguous += int(((distance >= radius - sagitta - 1e-6) & (distance <= radius + 1e-6)).sum())
    counts = {level: sum(1 for v in ours.values() if v == level) for level in (1, 2, 3, 4)}
    return {"cells": len(ours), "native_cells": len(native), "differing": len(differing),
            "raster_cells": raster_cells, "raster_differing": raster_differing,
            "differing_examples": differing[:5], "ambiguous_pairs": ambiguous, "cells_per_level": counts}


def child(case, args, folder):
    argv = [sys.executable, os.path.abspath(__file__), "--case", case, "--folder", folder,
            "--width-km", str(args.width_km), "--height-km", str(args.height_km), "--cell", str(args.cell),
            "--enterprises", str(args.enterprises), "--units", str(args.units), "--segments", str(args.segments)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(argv, capture_output=True, text=True, env=env)
    if completed.returncode != 0:
        raise RuntimeError(f"{case} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    line = [ln for ln in completed.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width-km", type=float, default=50)
    parser.add_argument("--height-km", type=float, default=30)
    parser.add_argument("--cell", type=float, default=100)
    parser.add_argument("--enterprises", type=int, default=3000)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--segments", type=int, default=256, help="native:buffer segments per quarter circle")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every case (best and median reported)")
    parser.add_argument("--case", choices=("data", "ours", "native", "ours-memory", "native-memory", "ours-geotiff",
                                           "floor", "compare"))
    parser.add_argument("--folder")
    args = parser.parse_args(argv)
    if args.case:
        config = tempfile.TemporaryDirectory(prefix="riskatlas-bench-")
        os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", config.name)  # never the user's QGIS profile
        common.register_package()
        result = compare(args, args.folder) if args.case == "compare" else run_case(args.case, args, args.folder)
        print("RESULT " + json.dumps(result))
        sys.stdout.flush()
        os._exit(0)  # skip QGIS's slow teardown; results are printed
    with tempfile.TemporaryDirectory(prefix="riskatlas-bench-four-colour-") as folder:
        n_cells = int(round(args.width_km * 1000 / args.cell) * round(args.height_km * 1000 / args.cell))
        print(f"four-colour map: {args.width_km:g} km × {args.height_km:g} km, {args.cell:g} m cells "
              f"({n_cells:,} cells), {args.enterprises:,} enterprises, {args.units} hazard units; "
              f"native buffers with {args.segments} segments per quarter circle")
        child("data", args, folder)
        runs = {}
        cases = ("ours", "native", "ours-memory", "native-memory", "ours-geotiff", "floor")
        trials = {case: [] for case in cases}
        for _round in range(args.repeat):  # the cases in turn, so that each meets the same machine states
            for case in cases:
                trials[case].append(child(case, args, folder))
        for case in cases:  # best time (its run's other figures), median, highest peak
            runs[case] = dict(min(trials[case], key=lambda t: t["seconds"]))
            runs[case]["median"] = statistics.median(t["seconds"] for t in trials[case])
            if "peak_rss_mb" in runs[case]:
                runs[case]["peak_rss_mb"] = max(t["peak_rss_mb"] for t in trials[case])
        check = child("compare", args, folder)
    print(f"  {args.repeat} round(s) of every case, each run in its own process; {os.cpu_count()} CPUs")
    for output, suffix, peer in (("GeoPackage output (ours R-tree bulk-loaded, native GDAL's at close)", "", ""),
                                 ("in-memory output (TEMPORARY_OUTPUT)", "-memory", "-memory"),
                                 ("ours as a paletted GeoTIFF (OUTPUT_RASTER alone) vs native to GeoPackage",
                                  "-geotiff", "")):
        ours, native = runs["ours" + suffix], runs["native" + peer]
        print(f"  {output}:")
        print(f"    ours   (riskatlas:fourcolourmap, end to end): min {ours['seconds']:6.2f} s, median "
              f"{ours['median']:6.2f} s (CPU {ours['cpu_seconds']:5.2f} s)  peak RSS {ours['peak_rss_mb']:5.0f} MB "
              f"(QGIS started: {ours['base_rss_mb']:.0f} MB; warm-up {ours['warmup_seconds']:.2f} s)")
        print(f"    native (creategrid+buffer+merge+join):       min {native['seconds']:6.2f} s, median "
              f"{native['median']:6.2f} s (CPU {native['cpu_seconds']:5.2f} s)  peak RSS "
              f"{native['peak_rss_mb']:5.0f} MB (QGIS started: {native['base_rss_mb']:.0f} MB; warm-up "
              f"{native['warmup_seconds']:.2f} s)")
        print(f"    RATIO native / ours{suffix or '-gpkg'}: min {native['seconds'] / ours['seconds']:.1f}×, median "
              f"{native['median'] / ours['median']:.1f}×")
    floor = runs["floor"]
    print(f"  GeoPackage floor: QGIS's C++ writer copies the {check['cells']:,} cells in {floor['seconds']:.2f} s, "
          f"{floor['noindex_seconds']:.2f} s without the spatial index (native's GeoPackage output pays this)")
    core = runs["ours-memory"]["core_seconds"]
    print(f"  core step alone (four_colour_map on GeoDataFrames): {core:.2f} s — "
          f"{runs['native-memory']['seconds'] / core:.0f}× faster than the native chain in memory")
    print(f"  GeoTIFF levels: {check['raster_cells']:,} cells compared with native's, {check['raster_differing']} differ")
    print(f"  levels: {check['cells']:,} cells compared, {check['differing']} differ "
          f"(source–cell pairs in the buffer segmentation band: {check['ambiguous_pairs']}); "
          f"cells per level {check['cells_per_level']}")
    if check["differing"]:
        print(f"  differing cells (lower-left corners): {check['differing_examples']}")
    return 0 if check["differing"] == 0 and check["raster_differing"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
