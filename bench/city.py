"""A synthetic city shaped like a bureau's data, for ``bench_city.py``: 60 km × 50 km (3,000 km²),
40 townships, ≈5 M residents on 250 m population cells, ~1 M single-segment road features,
30,000 enterprises, 500 hazard units, 300 shelters, 60 fire stations, in EPSG:4549.

Seeded and array-built (numpy, shapely 2): townships are the Voronoi cells of 40 jittered centres;
residents a sum of Gaussian towns over a rural floor; roads a jittered lattice of 77.5 m whose
every junction-to-junction link is one feature (class by lattice line: expressway / primary /
secondary / local); enterprises and stations cluster around the town centres; hazard units
(1–2 substances each, GB 18218 names as bureaus write them) belong to enterprises that handle
hazardous chemicals. Values are within the schemas (``layers.schemas``), so validation passes.
"""
import numpy as np
import shapely

CRS = "EPSG:4549"
X0, Y0, WIDTH, HEIGHT = 470_000.0, 3_270_000.0, 60_000.0, 50_000.0
N_TOWNS, RESIDENTS, POP_CELL = 40, 5_000_000, 250.0
ROAD_SPACING = 77.5  # ≈ 1,000,000 lattice links over the box
N_ENTERPRISES, N_UNITS, N_SHELTERS, N_STATIONS = 30_000, 500, 300, 60
SEED = 20261125
SUBSTANCES = (("液氯", 5, 80), ("液氨", 10, 200), ("甲醇", 500, 8000), ("苯", 50, 300), ("甲苯", 500, 2000),
              ("液化石油气", 50, 1500), ("氢气", 5, 20), ("汽油", 200, 3000), ("丙酮", 500, 1500),
              ("7664-41-7", 10, 60), ("71-43-2", 50, 200), ("天然气", 50, 100))
INDUSTRIES = ("化工", "机械制造", "纺织", "食品加工", "危险化学品经营", "电子", "医药", "冷链物流", "建材", "物流仓储")
SYLLABLES = ("东", "西", "南", "北", "新", "安", "平", "青", "白", "石", "桃", "湖", "河", "山", "港", "海")
PINYIN = ("dong", "xi", "nan", "bei", "xin", "an", "ping", "qing", "bai", "shi", "tao", "hu", "he", "shan", "gang",
          "hai")


def _ids(prefix, n, width):
    return np.array([f"{prefix}{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


def _town_names(n):
    pairs = [(a, b) for a in range(len(SYLLABLES)) for b in range(len(SYLLABLES)) if a != b][:n]
    zh = [f"{SYLLABLES[a]}{SYLLABLES[b]}{'街道' if i < 8 else '镇'}" for i, (a, b) in enumerate(pairs)]
    en = [f"{PINYIN[a].title()}{PINYIN[b]} {'Subdistrict' if i < 8 else 'Town'}" for i, (a, b) in enumerate(pairs)]
    return np.array(zh, dtype=object), np.array(en, dtype=object)


def townships(rng):
    """(GeoDataFrame, town centres (n, 2), weights): Voronoi cells of jittered grid centres."""
    import geopandas as gpd

    gx, gy = np.meshgrid((np.arange(8) + 0.5) * WIDTH / 8, (np.arange(5) + 0.5) * HEIGHT / 5)
    centres = np.column_stack([gx.ravel(), gy.ravel()]) + (X0, Y0)
    centres += rng.uniform(-2500, 2500, centres.shape)
    box = shapely.box(X0, Y0, X0 + WIDTH, Y0 + HEIGHT)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(centres), extend_to=box))
    owner = shapely.STRtree(cells).query(shapely.points(centres), predicate="within")
    polygons = np.empty(N_TOWNS, dtype=object)
    polygons[owner[0]] = shapely.intersection(cells[owner[1]], box)
    zh, en = _town_names(N_TOWNS)
    frame = gpd.GeoDataFrame({"town_id": _ids("T", N_TOWNS, 2), "name": zh, "name_en": en,
                              "admin_code": np.array([f"3399{i:02d}000000" for i in range(1, N_TOWNS + 1)],
                                                     dtype=object)}, geometry=polygons, crs=CRS)
    weights = rng.uniform(0.5, 1.5, N_TOWNS)
    weights[:8] *= 4  # the central districts
    return frame, centres, weights


def _town_of(towns, x, y):
    """Name of the township holding each point (the nearest where none does)."""
    names = np.full(len(x), None, dtype=object)
    for polygon, name in zip(towns.geometry.values, towns["name"].values):
        shapely.prepare(polygon)
        names[shapely.contains_xy(polygon, x, y)] = name
    return names


def population(rng, towns, centres, weights):
    import geopandas as gpd

    nx, ny = int(WIDTH / POP_CELL), int(HEIGHT / POP_CELL)
    cx, cy = np.meshgrid(X0 + (np.arange(nx) + 0.5) * POP_CELL, Y0 + (np.arange(ny) + 0.5) * POP_CELL)
    cx, cy = cx.ravel(), cy.ravel()
    density = np.full(len(cx), 0.02)
    for (tx, ty), w in zip(centres, weights):
        sigma = 1800.0 * np.sqrt(w)
        density += w * np.exp(-((cx - tx) ** 2 + (cy - ty) ** 2) / (2 * sigma * sigma))
    density *= rng.uniform(0.7, 1.3, len(density))
    residents = np.round(density / density.sum() * RESIDENTS)
    half = POP_CELL / 2
    return gpd.GeoDataFrame({
        "pop_id": _ids("P", len(cx), 6), "residents": residents, "urban": residents >= 600,
        "township": _town_of(towns, cx, cy)}, geometry=shapely.box(cx - half, cy - half, cx + half, cy + half),
        crs=CRS)


def roads(rng):
    import geopandas as gpd

    nx, ny = int(WIDTH / ROAD_SPACING) + 1, int(HEIGHT / ROAD_SPACING) + 1
    gx, gy = np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij")
    junctions = np.column_stack([gx.ravel(), gy.ravel()]) * ROAD_SPACING + (X0, Y0)
    junctions += rng.uniform(-0.2 * ROAD_SPACING, 0.2 * ROAD_SPACING, junctions.shape)
    index = np.arange(nx * ny).reshape(nx, ny)
    along_x = np.stack([index[:-1, :].ravel(), index[1:, :].ravel()], 1)  # links along lattice rows
    along_y = np.stack([index[:, :-1].ravel(), index[:, 1:].ravel()], 1)
    line_no = np.concatenate([gy[:-1, :].ravel(), gx[:, :-1].ravel()])  # which lattice line a link is on
    links = np.concatenate([along_x, along_y])
    order = rng.permutation(len(links))  # noded data comes in no particular order
    links, line_no = links[order], line_no[order]
    road_class = np.where(line_no % 40 == 0, "expressway", np.where(line_no % 10 == 0, "primary", np.where(
        line_no % 5 == 0, "secondary", "local"))).astype(object)
    speed = np.select([road_class == "expressway", road_class == "primary", road_class == "secondary"],
                      [80.0, 50.0, 40.0], 30.0)
    lines = shapely.linestrings(np.stack([junctions[links[:, 0]], junctions[links[:, 1]]], 1))
    return gpd.GeoDataFrame({"road_id": _ids("R", len(lines), 7), "name": np.full(len(lines), None, dtype=object),
                             "class": road_class, "speed_kmh": speed,
                             "oneway": np.full(len(lines), "both", dtype=object)}, geometry=lines, crs=CRS)


def _clustered(rng, n, centres, weights, sigma, share):
    near = int(n * share)
    pick = rng.choice(len(centres), near, p=weights / weights.sum())
    xy = np.vstack([centres[pick] + rng.normal(0, sigma, (near, 2)),
                    rng.uniform((X0, Y0), (X0 + WIDTH, Y0 + HEIGHT), (n - near, 2))])
    return np.clip(xy, (X0 + 10, Y0 + 10), (X0 + WIDTH - 10, Y0 + HEIGHT - 10))


def enterprises(rng, towns, centres, weights):
    import geopandas as gpd

    from riskatlas.core.standards.risk_presets import LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES
    from riskatlas.layers.schemas import STANDARDISATION_GRADES

    xy = _clustered(rng, N_ENTERPRISES, centres, weights, 2500.0, 0.7)
    n = N_ENTERPRISES
    return gpd.GeoDataFrame({
        "ent_id": _ids("E", n, 5), "name": np.array([f"企业{i}" for i in range(1, n + 1)], dtype=object),
        "name_en": np.array([f"Enterprise {i}" for i in range(1, n + 1)], dtype=object),
        "industry": rng.choice(np.array(INDUSTRIES, dtype=object), n), "township": _town_of(towns, *xy.T),
        "employees": rng.integers(5, 2000, n), "hazchem": rng.random(n) < 0.08,
        "std_grade": rng.choice(np.array(STANDARDISATION_GRADES, dtype=object), n),
        "lec_l": rng.choice(LEC_L_VALUES, n).astype(float), "lec_e": rng.choice(LEC_E_VALUES, n).astype(float),
        "lec_c": rng.choice(LEC_C_VALUES, n).astype(float), "likelihood": rng.integers(1, 6, n),
        "severity": rng.integers(1, 6, n)}, geometry=shapely.points(xy), crs=CRS)


def hazard_sources(rng, firms):
    """One record per unit × substance; each unit a 60 m square beside a hazardous-chemicals firm."""
    import geopandas as gpd

    owners = rng.choice(np.flatnonzero(firms["hazchem"].to_numpy()), N_UNITS, replace=False)
    rows, boxes = [], []
    for k, owner in enumerate(owners):
        x, y = shapely.get_coordinates(firms.geometry.values[owner])[0]
        for substance, low, high in (SUBSTANCES[i] for i in rng.choice(len(SUBSTANCES), rng.integers(1, 3),
                                                                         replace=False)):
            rows.append((f"HU{k + 1:03d}", f"储存单元{k + 1}", firms["ent_id"].values[owner], substance,
                         float(np.round(rng.uniform(low, high), 1)), None, None))
            boxes.append((x + 20, y - 30, x + 80, y + 30))
    names = ("unit_id", "unit_name", "ent_id", "substance", "quantity_t", "hazard_cat", "exposed")
    columns = {name: np.array([r[i] for r in rows], dtype=object) for i, name in enumerate(names)}
    columns["quantity_t"] = columns["quantity_t"].astype(float)
    return gpd.GeoDataFrame(columns, geometry=shapely.box(*np.array(boxes).T), crs=CRS)


def shelters(rng, towns, centres, weights):
    import geopandas as gpd

    from riskatlas.layers.schemas import SHELTER_TYPES

    xy = _clustered(rng, N_SHELTERS, centres, weights, 3000.0, 0.8)
    area = np.round(rng.uniform(3_000, 120_000, N_SHELTERS))
    side = np.sqrt(area * 1.2)
    return gpd.GeoDataFrame({
        "shelter_id": _ids("SH", N_SHELTERS, 3), "name": np.array([f"避难场所{i}" for i in range(1, N_SHELTERS + 1)],
                                                                   dtype=object),
        "name_en": np.array([f"Shelter {i}" for i in range(1, N_SHELTERS + 1)], dtype=object),
        "type": rng.choice(np.array(SHELTER_TYPES, dtype=object), N_SHELTERS), "area_m2": area,
        "capacity": (area / 1.5).astype(np.int64), "township": _town_of(towns, *xy.T)},
        geometry=shapely.box(xy[:, 0] - side / 2, xy[:, 1] - side / 2, xy[:, 0] + side / 2, xy[:, 1] + side / 2),
        crs=CRS)


def fire_stations(rng, centres, weights):
    import geopandas as gpd

    from riskatlas.layers.schemas import STATION_CLASSES

    xy = np.vstack([centres + rng.normal(0, 400, centres.shape),
                    _clustered(rng, N_STATIONS - len(centres), centres, weights, 4000.0, 1.0)])
    return gpd.GeoDataFrame({
        "station_id": _ids("FS", N_STATIONS, 2), "name": np.array([f"消防站{i}" for i in range(1, N_STATIONS + 1)],
                                                                   dtype=object),
        "name_en": np.array([f"Fire station {i}" for i in range(1, N_STATIONS + 1)], dtype=object),
        "class": np.array([STATION_CLASSES[i % len(STATION_CLASSES)] for i in range(N_STATIONS)], dtype=object),
        "turnout_min": np.ones(N_STATIONS), "suburban": np.arange(N_STATIONS) >= 50},
        geometry=shapely.points(xy), crs=CRS)


def write_city(path):
    """Write the city's eight-layer GeoPackage (the assessment's input layer names) to ``path``."""
    from riskatlas.layers.gpkg import fields_from_schema, write_geopackage
    from riskatlas.layers.schemas import ASSESSMENT_INPUTS

    rng = np.random.default_rng(SEED)
    towns, centres, weights = townships(rng)
    firms = enterprises(rng, towns, centres, weights)
    frames = {"townships": towns, "population": population(rng, towns, centres, weights), "roads": roads(rng),
              "enterprises": firms, "hazard_sources": hazard_sources(rng, firms),
              "shelters": shelters(rng, towns, centres, weights), "fire_stations": fire_stations(rng, centres, weights)}
    kinds = {i.layer: i.kind for i in ASSESSMENT_INPUTS}
    from riskatlas.layers.schemas import SCHEMAS

    layers = {}
    for name, frame in frames.items():
        fields = fields_from_schema(SCHEMAS[kinds[name]])
        for missing in (n for n in fields.names() if n not in frame.columns):  # optional fields the city leaves empty
            frame[missing] = None
        layers[name] = (frame, fields, None)
    write_geopackage(path, layers, CRS)
    return {name: len(frame) for name, frame in frames.items()}
