"""Ledgers as a county bureau keeps them, generated from the sample county (for tests and the demo).

    .venv/bin/python tools/make_ledgers.py --output /tmp/ledgers

* ``企业台账.xlsx``: every enterprise of ``sample_data/sample_county.gpkg`` plus new ones beside them
  (3,000 rows by default), keyed by 18-character 统一社会信用代码 (GB 32100-2015 check characters),
  Chinese headers under a merged title row, 经度/纬度 in GCJ-02 (as picked on AMap) computed with the
  independent ``prcoords`` from the true positions, a few rows with longitude and latitude exchanged,
  numbers written "1,200", "45人" or in full-width digits, 是/否, grades as 三级（小微）…
* ``重大危险源基本特征表.xlsx``: the sample's hazard records (unit × substance), one row each, under a
  two-level header (危险化学品 ▸ 名称 / CAS号 / 危险性类别), the unit's centre in GCJ-02, quantities
  as "80吨", the people within 500 m as the sample records them, the owning enterprise by its credit code.

``truth.csv`` beside them holds each row's true WGS84 position (what an import must give back).
Reads the GeoPackage with GDAL (osgeo.ogr/osr); writes with openpyxl.
"""
import argparse
import csv
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")
REGION = "331082"  # 临海市's administrative division code (the sample county borrows it)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
GRADE_LABELS = {"grade1": ("一级", "安全生产标准化一级"), "grade2": ("二级", "二级企业"),
                "grade3": ("三级", "三级（小微）"), "none": ("无", "未达标")}
ENTERPRISE_HEADERS = ("序号", "企业名称", "统一社会信用代码", "行业类别", "所属乡镇（街道）", "从业人数（人）",
                      "是否涉及危险化学品", "安全生产标准化等级", "事故发生的可能性L", "暴露于危险环境的频繁程度E",
                      "发生事故产生的后果C", "可能性等级", "严重性等级", "经度", "纬度", "联系电话", "备注")


def credit_code(serial):
    """A well-formed 统一社会信用代码: 9 (工商) 1 (企业), region, an organisation code with its
    GB 11714 check character, then the GB 32100 check character."""
    body = f"{serial:08d}"
    check = 11 - sum(int(c) * w for c, w in zip(body, ORG_WEIGHTS)) % 11
    org = body + ("X" if check == 10 else "0" if check == 11 else str(check))
    code = "91" + REGION + org
    check = 31 - sum(USCC_CHARS.index(c) * w for c, w in zip(code, USCC_WEIGHTS)) % 31
    return code + USCC_CHARS[0 if check == 31 else check]


def read_layer(name):
    """(attribute dicts, geometries as WKT, EPSG code) of a sample layer."""
    from osgeo import ogr

    dataset = ogr.Open(SAMPLE)
    layer = dataset.GetLayerByName(name)
    rows, shapes = [], []
    for feature in layer:
        rows.append(feature.items())
        shapes.append(feature.GetGeometryRef().ExportToWkt())
    return rows, shapes, int(layer.GetSpatialRef().GetAuthorityCode(None))


def to_wgs84(x, y, epsg):
    from osgeo import osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(epsg)
    target.ImportFromEPSG(4326)
    for reference in (source, target):
        reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    points = osr.CoordinateTransformation(source, target).TransformPoints(np.column_stack([x, y]).tolist())
    return np.array([p[0] for p in points]), np.array([p[1] for p in points])


def to_gcj02(lon, lat):
    """GCJ-02 by the independent prcoords (it takes and gives (lat, lon))."""
    import prcoords

    out = np.array([prcoords.wgs_gcj((b, a)) for a, b in zip(lon, lat)])
    return out[:, 1], out[:, 0]


def metres(lon_a, lat_a, lon_b, lat_b):
    """Great-circle distance (m, haversine on the mean radius) between two lon/lat points."""
    p_a, p_b = np.radians(lat_a), np.radians(lat_b)
    h = np.sin((p_b - p_a) / 2) ** 2 + np.cos(p_a) * np.cos(p_b) * np.sin(np.radians(lon_b - lon_a) / 2) ** 2
    return float(2 * 6371008.8 * np.arcsin(np.sqrt(h)))


def _number(value, rng):
    """How a bureau types a head count: plain, '45人', '1,200' or full-width digits."""
    draw = rng.random()
    if draw < 0.15:
        return f"{value}人"
    if draw < 0.25:
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return f"{value:,}" if value >= 1000 else value


def enterprise_rows(rows=3000, seed=13, swapped=6):
    """(ledger rows, truth rows [(credit code, lon, lat)], {sample ent_id: credit code})."""
    import shapely

    rng = np.random.default_rng(seed)
    records, shapes, epsg = read_layer("enterprises")
    points = shapely.from_wkt(shapes)
    x, y = shapely.get_x(points), shapely.get_y(points)
    extra = max(0, rows - len(records))
    base = rng.choice(len(records), extra, replace=False) if extra else np.zeros(0, dtype=int)
    angle, distance = rng.uniform(0, 2 * np.pi, extra), rng.uniform(80, 250, extra)
    x = np.concatenate([x, x[base] + distance * np.cos(angle)])
    y = np.concatenate([y, y[base] + distance * np.sin(angle)])
    records = records + [dict(records[b], name=records[b]["name"].replace("有限公司", "（二厂）有限公司"),
                              employees=int(rng.integers(5, 60))) for b in base]
    lon, lat = to_wgs84(x, y, epsg)
    g_lon, g_lat = to_gcj02(lon, lat)
    exchange = set(rng.choice(len(records), swapped, replace=False).tolist())
    codes = [credit_code(1_000_000 + 37 * i) for i in range(len(records))]
    ledger, truth = [], []
    for i, record in enumerate(records[:rows]):
        east, north = (f"{g_lat[i]:.6f}", f"{g_lon[i]:.6f}") if i in exchange else (g_lon[i], g_lat[i])
        grade = GRADE_LABELS[record["std_grade"]][int(rng.random() < 0.3)]
        ledger.append([i + 1, record["name"], codes[i], record["industry"], record["township"],
                       _number(int(record["employees"]), rng), "是" if record["hazchem"] else "否", grade,
                       record["lec_l"], record["lec_e"], record["lec_c"], record["likelihood"], record["severity"],
                       east, north, f"0576-8{int(rng.integers(1000000, 9999999))}", ""])
        truth.append((codes[i], lon[i], lat[i]))
    ids = {record["ent_id"]: codes[i] for i, record in enumerate(records[:len(shapes)])}
    return ledger, truth, ids


def write_enterprise_ledger(path, rows=3000, seed=13, swapped=6):
    """The 企业台账 workbook; returns (truth rows, {sample ent_id: credit code})."""
    import openpyxl

    ledger, truth, ids = enterprise_rows(rows, seed, swapped)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "企业台账"
    sheet.append(["临海县工贸企业安全生产基础信息台账（2024年）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ENTERPRISE_HEADERS))
    sheet.append(list(ENTERPRISE_HEADERS))
    for row in ledger:
        sheet.append(row)
    workbook.save(path)
    return truth, ids


def write_hazard_ledger(path, ids):
    """The 重大危险源基本特征表 workbook (one row per unit × substance); returns truth rows."""
    import openpyxl
    import shapely

    from riskatlas.core.standards.gb18218 import lookup_substance

    records, shapes, epsg = read_layer("hazard_sources")
    centres = shapely.centroid(shapely.from_wkt(shapes))
    lon, lat = to_wgs84(shapely.get_x(centres), shapely.get_y(centres), epsg)
    g_lon, g_lat = to_gcj02(lon, lat)
    enterprises = {r["ent_id"]: r["name"] for r in read_layer("enterprises")[0]}
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "重大危险源"
    sheet.append(["临海县危险化学品重大危险源基本特征表"])
    sheet.append(["序号", "重大危险源编码", "重大危险源名称", "统一社会信用代码", "企业名称", "危险化学品", None, None,
                  "单元内存量（吨）", "厂区边界外500m范围内人数估算值（人）", "经度", "纬度", "备注"])
    sheet.append([None, None, None, None, None, "名称", "CAS号", "危险性类别"])
    sheet.merge_cells("A1:M1")
    sheet.merge_cells("F2:H2")
    truth = []
    for i, record in enumerate(records):
        entry = (lookup_substance(record["substance"]) or (None,))[0]
        name = entry.name_zh if entry else record["substance"]
        cas = entry.cas[0] if entry and entry.cas else ""
        quantity = f"{record['quantity_t']:g}吨" if i % 3 == 0 else record["quantity_t"]
        unit = "0" + REGION + record["unit_id"][2:].zfill(4)  # leading zero: a code kept as text
        sheet.append([i + 1, unit, record["unit_name"], ids[record["ent_id"]], enterprises[record["ent_id"]], name,
                      cas, record["hazard_cat"] or "", quantity, record["exposed"], g_lon[i], g_lat[i], ""])
        truth.append((unit, lon[i], lat[i]))
    workbook.save(path)
    return truth


def write_ledgers(folder, rows=3000):
    """Both workbooks and truth.csv in ``folder``; returns their paths."""
    os.makedirs(folder, exist_ok=True)
    enterprises = os.path.join(folder, "企业台账.xlsx")
    hazards = os.path.join(folder, "重大危险源基本特征表.xlsx")
    truth, ids = write_enterprise_ledger(enterprises, rows)
    truth += write_hazard_ledger(hazards, ids)
    with open(os.path.join(folder, "truth.csv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("id", "lon_wgs84", "lat_wgs84"))
        writer.writerows((code, f"{a:.9f}", f"{b:.9f}") for code, a, b in truth)
    return enterprises, hazards, os.path.join(folder, "truth.csv")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--rows", type=int, default=3000)
    args = parser.parse_args(argv)
    import importlib.util

    spec = importlib.util.spec_from_file_location("riskatlas_root_conftest", os.path.join(ROOT, "conftest.py"))
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    for path in write_ledgers(args.output, args.rows):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
