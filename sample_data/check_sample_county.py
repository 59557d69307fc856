"""Check the sample county GeoPackage against its design targets; exit 1 when one is missed.

    .venv/bin/python sample_data/check_sample_county.py [PATH]

Opens every layer through QGIS, prints its feature count, CRS and fields, then checks counts,
schema conformance, the road network's topology and connectivity, the LEC spread, the
GB 18218-2018 grades of the hazard units and the shelter indicator. S and R are recomputed
here from a small table of its own (Q and β as in DESIGN.md §4), not with the plugin's code.
A digest of every layer's geometries and attributes is printed so two runs can be compared.
"""
import hashlib
import importlib.util
import os
import sys
import tempfile

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import connected_components

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_PATH = os.path.join(HERE, "sample_county.gpkg")
LAYERS = {  # layer name -> schema kind
    "townships": "townships", "population": "population", "roads": "roads", "enterprises": "enterprises",
    "hazard_sources": "hazard_sources", "shelters": "shelters", "shelter_points": "shelters",
    "fire_stations": "fire_stations", "rescue_teams": "rescue_teams", "supply_depots": "supply_depots",
    "key_targets": "key_targets", "natural_hazards": "natural_hazards",
}
EXPECTED_CRS = "EPSG:4549"

# GB 18218-2018 for the substances the sample uses, written out independently of core/:
# substance as written in the sample -> (Q t, β). Table 1 Q; β from Table 3 (toxic gases) or Table 4.
SUBSTANCES = {
    "液氯": (5, 4), "7782-50-5": (5, 4),  # chlorine
    "液氨": (10, 2), "7664-41-7": (10, 2),  # ammonia
    "硫化氢": (5, 5),  # hydrogen sulfide
    "氢气": (5, 1.5), "hydrogen": (5, 1.5), "1333-74-0": (5, 1.5),  # hydrogen, W2
    "氰化氢": (1, 10), "74-90-8": (1, 10),
    "7664-39-3": (1, 5),  # hydrogen fluoride
    "75-44-5": (0.3, 20),  # phosgene
    "甲醇": (500, 1), "乙醇": (500, 1), "ethanol": (500, 1),
    "苯": (50, 1), "71-43-2": (50, 1),
    "甲苯": (500, 1), "toluene": (500, 1),
    "丙酮": (500, 1), "67-64-1": (500, 1),
    "液化石油气": (50, 1.5), "天然气": (50, 1.5), "二甲醚": (50, 1.5),
    "gasoline": (200, 1.5), "汽油": (200, 1.5),  # W5.1
    "74-86-2": (1, 1.5),  # acetylene
    "乙烯": (50, 1.5), "75-01-4": (50, 1.5), "vinyl chloride": (50, 1.5),
    "1,3-丁二烯": (5, 1.5), "106-99-0": (5, 1.5),
    "7446-09-5": (20, 2),  # sulfur dioxide
    "环氧乙烷": (10, 2),
}
CATEGORIES = {"W5.3": (1000, 1), "W9.2": (200, 1)}  # Table 2 Q, Table 4 β


def alpha(people):
    return 2.0 if people >= 100 else 1.5 if people >= 50 else 1.2 if people >= 30 else 1.0 if people >= 1 else 0.5


def grade(r):
    return 1 if r >= 100 else 2 if r >= 50 else 3 if r >= 10 else 4


def lec_level(d, cuts):
    return 1 if d >= cuts[0] else 2 if d >= cuts[1] else 3 if d >= cuts[2] else 4


class Checks:
    def __init__(self):
        self.failed = []

    def __call__(self, ok, message):
        print(f"  [{'ok' if ok else 'FAIL'}] {message}")
        if not ok:
            self.failed.append(message)


def _geoms(frame):
    return np.asarray(frame.geometry.values, dtype=object)


def _bool(series):
    return series.map(lambda v: bool(v) if v is not None and v == v else False).to_numpy(dtype=bool)


def digest(frame):
    h = hashlib.sha256()
    for wkb in shapely.to_wkb(_geoms(frame), hex=True):
        h.update(str(wkb).encode())
    cols = sorted(c for c in frame.columns if c != "geometry")
    h.update(frame[cols].astype(str).to_csv(index=False).encode())
    return h.hexdigest()[:16]


def exposed_estimate(unit_polys, population):
    """Residents within 500 m outside each unit, population apportioned by area share."""
    rings = shapely.difference(shapely.buffer(unit_polys, 500, quad_segs=16), unit_polys)
    cells = _geoms(population)
    residents = population["residents"].to_numpy(dtype=float)
    ring_idx, cell_idx = shapely.STRtree(cells).query(rings, predicate="intersects")
    share = shapely.area(shapely.intersection(rings[ring_idx], cells[cell_idx])) / shapely.area(cells[cell_idx])
    return np.bincount(ring_idx, weights=share * residents[cell_idx], minlength=len(rings))


def check_townships(t, c):
    geoms = _geoms(t)
    c(len(t) >= 8, f"townships: {len(t)} (≥ 8)")
    total = shapely.area(geoms).sum() / 1e6
    union = shapely.union_all(geoms).area / 1e6
    c(1300 <= total <= 1500, f"county area {total:.1f} km² (≈ 1,400)")
    c(abs(total - union) < 0.01, f"townships do not overlap (sum {total:.3f} = union {union:.3f} km²)")
    codes = t["admin_code"].astype(str)
    c(codes.str.fullmatch(r"\d{12}").all() and codes.is_unique, "admin codes: 12 digits, unique")
    c(t["name"].is_unique and t["name_en"].notna().all(), "township names unique, name_en given")


def check_population(p, t, c):
    res = p["residents"].to_numpy(dtype=float)
    urban = _bool(p["urban"])
    total = res.sum()
    share = res[urban].sum() / total
    c(len(p) >= 500, f"population cells: {len(p)} (≥ 500)")
    c(abs(total - 500_000) <= 5_000, f"residents: {total:,.0f} (≈ 500,000)")
    c(np.all(res == np.round(res)) and np.all(res >= 0), "residents are non-negative integers")
    c(0.55 <= share <= 0.65, f"urban share of residents: {share:.1%} (55–65 %)")
    by_town = pd.Series(res[urban]).groupby(p["township"].to_numpy()[urban]).sum()
    c(set(by_town.index) == set(t["name"]) and (by_town > 0).all(), "every township has urban residents")
    inside = shapely.STRtree(_geoms(t)).query(shapely.centroid(_geoms(p)), predicate="within")
    agree = (p["township"].to_numpy()[inside[0]] == t["name"].to_numpy()[inside[1]]).mean()
    c(agree == 1.0, f"population township = township holding the centroid ({agree:.1%})")


def check_roads(r, c):
    geoms = _geoms(r)
    n = len(r)
    c(n >= 20_000, f"road edges: {n:,} (≥ 20,000)")
    c(set(shapely.get_type_id(geoms)) == {1}, "every road is a LineString")
    print("    classes:", r["class"].value_counts().to_dict())
    speed_null = r["speed_kmh"].isna()
    print("    speed NULL by class:", r[speed_null]["class"].value_counts().to_dict())
    c(speed_null.any() and not speed_null.all(), f"some speeds NULL ({speed_null.sum()} edges)")
    ow = r["oneway"].value_counts().to_dict()
    print("    oneway:", ow)
    c(ow.get("forward", 0) > 0 and ow.get("backward", 0) > 0, "one-way streets in both digitised directions")
    c(r["road_id"].is_unique, "road ids unique")
    named = r["name"].notna() & (r["name"] != "")
    c(named[r["class"].isin(["expressway", "trunk", "primary"])].all(), "every arterial is named")
    # topology: two edges may meet only at a vertex that ends both
    ends = np.stack([shapely.get_coordinates(shapely.get_point(geoms, 0)),
                     shapely.get_coordinates(shapely.get_point(geoms, -1))], axis=1)  # (n, 2, 2)
    i, j = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    sel = i < j
    i, j = i[sel], j[sel]
    meet = shapely.intersection(geoms[i], geoms[j])
    is_point = shapely.get_type_id(meet) == 0
    xy = np.full((len(meet), 2), np.nan)
    xy[is_point] = shapely.get_coordinates(meet[is_point])
    end_i = np.any(np.all(ends[i] == xy[:, None, :], axis=2), axis=1)
    end_j = np.any(np.all(ends[j] == xy[:, None, :], axis=2), axis=1)
    bad = ~(is_point & end_i & end_j)
    c(not bad.any(), f"edges meet only at shared end vertices ({len(i):,} meeting pairs, {bad.sum()} bad)")
    # connectivity over the shared end vertices
    keys, node = np.unique(ends.reshape(-1, 2), axis=0, return_inverse=True)
    node = node.reshape(-1, 2)
    graph = sparse.coo_matrix((np.ones(n), (node[:, 0], node[:, 1])), shape=(len(keys), len(keys)))
    n_comp, label = connected_components(graph, directed=False)
    sizes = np.bincount(label)
    largest = sizes.max() / len(keys)
    print(f"    nodes {len(keys):,}, components {n_comp}, sizes of the others: {sorted(sizes)[:-1][-8:]}")
    c(largest > 0.98, f"largest component holds {largest:.2%} of nodes (> 98 %)")


def check_enterprises(e, c):
    from riskatlas.layers.schemas import LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES

    c(2_700 <= len(e) <= 3_100, f"enterprises: {len(e):,} (≈ 2,900)")
    n_ind = e["industry"].nunique()
    c(25 <= n_ind <= 35, f"industries: {n_ind} (≈ 30)")
    c(e["ent_id"].is_unique and e["name"].is_unique, "enterprise ids and names unique")
    lec = e[["lec_l", "lec_e", "lec_c"]].to_numpy(dtype=float)
    c(np.isin(lec[:, 0], LEC_L_VALUES).all() and np.isin(lec[:, 1], LEC_E_VALUES).all()
      and np.isin(lec[:, 2], LEC_C_VALUES).all(), "LEC inputs only from the LEC tables")
    d = lec.prod(axis=1)
    for cuts in ((320, 160, 70), (160, 70, 20)):
        levels = np.array([lec_level(v, cuts) for v in d])
        counts = {lv: int((levels == lv).sum()) for lv in (1, 2, 3, 4)}
        c(all(counts.values()) and counts[4] > 0.5 * len(e),
          f"LEC cuts ≥{cuts[0]}/{cuts[1]}/{cuts[2]}: levels 1–4 = {list(counts.values())} (all present, most low)")
    lk, sv = e["likelihood"].to_numpy(dtype=float), e["severity"].to_numpy(dtype=float)
    c(np.isin(lk, [1, 2, 3, 4, 5]).all() and np.isin(sv, [1, 2, 3, 4, 5]).all(), "likelihood, severity in 1..5")
    r_l = np.corrcoef(lk, np.log(lec[:, 0]))[0, 1]
    r_s = np.corrcoef(sv, np.log(lec[:, 2]))[0, 1]
    c(r_l > 0.5 and r_s > 0.5, f"likelihood follows L (r = {r_l:.2f}), severity follows C (r = {r_s:.2f})")
    print("    std_grade:", e["std_grade"].value_counts().to_dict())
    print(f"    hazchem: {_bool(e['hazchem']).sum()}")


def check_hazards(h, e, p, c):
    c(len(h) >= 50, f"hazard-source records: {len(h)} (≥ 50)")
    c(not h.duplicated(["unit_id", "substance"]).any(), "unit × substance unique")
    owners = e.set_index("ent_id")
    c(h["ent_id"].isin(owners.index).all(), "every unit belongs to an enterprise")
    c(_bool(owners.loc[h["ent_id"], "hazchem"]).all(), "owners are hazardous-chemical enterprises")
    geoms = _geoms(h)
    units = h.groupby("unit_id", sort=True)
    same_geom = all(shapely.equals_exact(geoms[idx], geoms[idx[0]], 0).all()
                    for idx in units.indices.values())
    c(same_geom, "records of one unit share the unit's geometry")
    first = np.array([idx[0] for idx in units.indices.values()])
    unit_polys = geoms[first]
    env = shapely.get_coordinates(shapely.oriented_envelope(unit_polys)).reshape(-1, 5, 2)
    sides = np.hypot(*(env[:, 1:3] - env[:, 0:2]).transpose(2, 0, 1))
    c(sides.min() >= 29 and sides.max() <= 151, f"unit footprints {sides.min():.0f}–{sides.max():.0f} m across")
    estimate = exposed_estimate(unit_polys, p)
    rows = []
    for k, (unit, idx) in enumerate(units.indices.items()):
        recs = h.iloc[idx]
        s = b = 0.0
        parts = []
        for sub, q, cat in zip(recs["substance"], recs["quantity_t"], recs["hazard_cat"]):
            has_cat = isinstance(cat, str) and cat != ""
            if sub in SUBSTANCES and not has_cat:
                qq, beta = SUBSTANCES[sub]
            elif has_cat and cat in CATEGORIES:
                qq, beta = CATEGORIES[cat]
            else:
                raise SystemExit(f"check table lacks {sub!r} / {cat!r}")
            s += q / qq
            b += beta * q / qq
            parts.append(f"{sub} {q:g}/{qq:g}·β{beta:g}")
        given = recs["exposed"].iloc[0]
        given = None if pd.isna(given) else int(given)
        people = given if given is not None else estimate[k]
        r = alpha(people) * b
        major = s >= 1 - 1e-9
        g = grade(r) if major else None
        g_range = sorted({grade(a * b) for a in (0.5, 1.0, 1.2, 1.5, 2.0)}) if major and given is None else None
        rows.append((unit, recs["unit_name"].iloc[0], "; ".join(parts), s, b, given, estimate[k], r, g, g_range))
    table = pd.DataFrame(rows, columns=["unit", "name", "substances q/Q·β", "S", "Σβq/Q", "exposed", "est_500m",
                                        "R", "grade", "grade over α range"])
    with pd.option_context("display.width", 250, "display.max_colwidth", 90, "display.max_rows", 100):
        print(table.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    counts = table["grade"].value_counts().to_dict()
    n_non_major = int(table["grade"].isna().sum())
    c(all(counts.get(g, 0) >= 2 for g in (1, 2, 3, 4)) and n_non_major >= 3,
      f"grades 1–4: {[counts.get(g, 0) for g in (1, 2, 3, 4)]}, non-major: {n_non_major} (a few of each)")
    nulls = table[table["exposed"].isna()]
    c(0.35 <= len(nulls) / len(table) <= 0.65, f"exposed NULL for {len(nulls)} of {len(table)} units (about half)")
    robust = nulls["grade over α range"].dropna().map(len) == 1
    c(robust.all(), "units with NULL exposed keep their grade for any α (0.5–2.0)")
    c(h["hazard_cat"].notna().any(), "some records give only a hazard category")
    return table


def check_shelters(s, sp, p, t, c):
    both = pd.concat([s.assign(_geom="polygon"), sp.assign(_geom="point")], ignore_index=True)
    from riskatlas.layers.schemas import SHELTER_TYPES

    c(len(both) >= 20, f"shelters: {len(s)} polygons + {len(sp)} points = {len(both)} (≥ 20)")
    c(both["type"].isin(SHELTER_TYPES).all() and both["shelter_id"].is_unique, "shelter types allowed, ids unique")
    area = both["area_m2"].to_numpy(dtype=float)
    kind = both["type"].to_numpy()
    ranges = {"emergency": (2_000, 10_000), "fixed_short": (10_000, 100_000), "fixed_medium": (10_000, 100_000),
              "fixed_long": (10_000, 100_000), "central": (100_000, 5e6)}
    ok = all(ranges[k][0] <= a <= ranges[k][1] for k, a in zip(kind, area))
    c(ok, "effective areas: emergency 2–10k, fixed 10–100k, central ≥ 100k m²")
    cap_ratio = area / both["capacity"].to_numpy(dtype=float)
    c(np.all((cap_ratio >= 1.5) & (cap_ratio <= 2.01)), "capacity = area / 1.5…2")
    c(not any(shapely.intersects(g1, g2) for n, g1 in enumerate(_geoms(s)) for g2 in _geoms(s)[n + 1:]),
      "shelter polygons do not overlap")
    print("    types:", both["type"].value_counts().to_dict(), "as points:", sp["type"].value_counts().to_dict())
    # indicator: fixed + central effective area per urban resident, by location of the shelter
    geoms = np.concatenate([shapely.centroid(_geoms(s)), _geoms(sp)])
    hit = shapely.STRtree(_geoms(t)).query(geoms, predicate="within")
    town = np.full(len(geoms), None, dtype=object)
    town[hit[0]] = t["name"].to_numpy()[hit[1]]
    c(np.all(town == both["township"].to_numpy()), "shelter township = township holding it")
    counted = kind != "emergency"
    area_by_town = pd.Series(area[counted]).groupby(town[counted]).sum()
    urban = _bool(p["urban"])
    residents = p["residents"].to_numpy(dtype=float)
    urban_by_town = pd.Series(residents[urban]).groupby(p["township"].to_numpy()[urban]).sum()
    ratio = (area_by_town.reindex(urban_by_town.index).fillna(0) / urban_by_town).sort_values()
    county = area[counted].sum() / urban_by_town.sum()
    print("    fixed+central m² per urban resident by township:",
          ", ".join(f"{k} {v:.2f}" for k, v in ratio.items()))
    c(1.2 <= county < 1.5, f"county: {area[counted].sum():,.0f} m² / {urban_by_town.sum():,.0f} urban residents = "
                           f"{county:.2f} m² (a bit short of 1.5)")
    c((ratio >= 1.5).sum() >= 2 and (ratio < 1.5).sum() >= 2,
      f"{(ratio >= 1.5).sum()} townships meet 1.5 m², {(ratio < 1.5).sum()} do not")
    return ratio, county


def check_fire_stations(f, r, c):
    from riskatlas.layers.schemas import STATION_CLASSES

    c(len(f) >= 6, f"fire stations: {len(f)} (≥ 6)")
    c(set(f["class"]) == set(STATION_CLASSES), f"classes: {sorted(set(f['class']))}")
    c(_bool(f["suburban"]).sum() == 1, "one suburban station")
    turnout = f["turnout_min"]
    c(turnout.isna().any() and turnout.notna().any() and (turnout == 1.5).any(),
      f"turnout given for {turnout.notna().sum()}, NULL for {turnout.isna().sum()}, one 1.5 min")
    _, dist = shapely.STRtree(_geoms(r)).query_nearest(_geoms(f), return_distance=True, all_matches=False)
    print("    distance to the nearest road (m):", ", ".join(f"{s} {d:.0f}" for s, d in zip(f["station_id"], dist)))
    c((dist <= 50).sum() == len(f) - 1 and ((dist > 100) & (dist < 200)).sum() == 1,
      "all stations within 50 m of a road but one ≈150 m off")


def run_checks(frames):
    c = Checks()
    print("townships"); check_townships(frames["townships"], c)
    print("population"); check_population(frames["population"], frames["townships"], c)
    print("roads"); check_roads(frames["roads"], c)
    print("enterprises"); check_enterprises(frames["enterprises"], c)
    print("hazard_sources"); check_hazards(frames["hazard_sources"], frames["enterprises"], frames["population"], c)
    print("shelters"); check_shelters(frames["shelters"], frames["shelter_points"], frames["population"],
                                      frames["townships"], c)
    print("fire_stations"); check_fire_stations(frames["fire_stations"], frames["roads"], c)
    _one_map().check_one_map(frames, c)
    return c.failed


def _one_map():
    """check_one_map.py: the rescue teams, depots, key targets and natural hazards."""
    spec = importlib.util.spec_from_file_location("riskatlas_check_one_map", os.path.join(HERE, "check_one_map.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _register_package():
    spec = importlib.util.spec_from_file_location("riskatlas_bench_common", os.path.join(ROOT, "bench", "common.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.register_package()


def read_gpkg(path, c):
    from qgis.core import QgsVectorLayer

    from riskatlas.layers.convert import source_to_frame
    from riskatlas.layers.gpkg import fields_from_schema
    from riskatlas.layers.schemas import SCHEMAS

    frames = {}
    for name, kind in LAYERS.items():
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            c(False, f"{name}: layer missing or invalid")
            continue
        fields = [f.name() for f in layer.fields() if f.name() != "fid"]
        print(f"{name}: {layer.featureCount()} features, {layer.crs().authid()}, fields {', '.join(fields)}")
        c(layer.crs().authid() == EXPECTED_CRS, f"{name}: CRS {layer.crs().authid()}")
        expected = fields_from_schema(SCHEMAS[kind])
        types_ok = all(layer.fields().field(f.name()).type() == f.type() for f in expected
                       if layer.fields().indexOf(f.name()) >= 0)
        c(fields == expected.names() and types_ok, f"{name}: fields and types as in layers/schemas.py ({kind})")
        frames[name] = source_to_frame(layer, name).gdf
        print(f"    digest {digest(frames[name])}")
    return frames


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else DEFAULT_PATH
    if not os.path.exists(path):
        print(f"{path} does not exist: run sample_data/generate_sample_county.py first")
        return 1
    print(f"{path}: {os.path.getsize(path) / 1e6:.2f} MB")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    config = tempfile.TemporaryDirectory(prefix="riskatlas-check-")
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", config.name)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        _register_package()
        c = Checks()
        frames = read_gpkg(path, c)
        failed = c.failed + (run_checks(frames) if len(frames) == len(LAYERS) else ["layers missing"])
    finally:
        app.exitQgis()
        config.cleanup()
    print(f"\n{len(failed)} target(s) missed" + (":\n  " + "\n  ".join(failed) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
