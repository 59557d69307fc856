"""Generate the fictional sample county 临海县 / Linhai County as a GeoPackage.

    .venv/bin/python sample_data/generate_sample_county.py [--output PATH] [--restyle | --one-map-only]

Writes twelve layers in EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E) — townships,
population, roads, enterprises, hazard_sources, shelters, shelter_points, fire_stations, and the
emergency "one map"'s rescue_teams, supply_depots, key_targets, natural_hazards (``one_map.py``, drawn
afterwards by a generator of their own so the others stay as they were) — with the fields of
``layers/schemas.py`` and each layer's default style stored in the GeoPackage.

Everything is fictional (the county, its towns, firms, roads and people) and deterministic: one
numpy Generator with a fixed seed drives every random choice, in a fixed order, so every run
writes the same geometries and attributes. The geometry work is array-based (numpy, shapely 2,
scipy.sparse); the file is written through QGIS (``layers.gpkg.write_geopackage``).

``build_county()`` returns the layers as GeoDataFrames without touching QGIS, for tests.
"""
import argparse
import importlib.util
import math
import os
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import minimum_spanning_tree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_OUTPUT = os.path.join(HERE, "sample_county.gpkg")

SEED = 20240607
CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Kruger CM 120E (false easting 500 km)
CENTRE = (481_000.0, 3_320_000.0)  # ≈ 119.80°E, 30.00°N (fictional place)
COUNTY_AREA_KM2 = 1400.0
TOTAL_RESIDENTS = 500_000
URBAN_SHARE = 0.60
LATTICE_M = 250.0  # road lattice spacing; town cores keep every line, rural areas every 2nd
POP_CELL_M = 500.0
N_ENTERPRISES = 2900
COUNTY_ZH, COUNTY_EN = "临海县", "Linhai"

# town_id, name, name_en, short zh, short pinyin, admin code, centre offset (km), core pop, core σ (km),
# suburban pop, suburban σ (km)
TOWNS = (
    ("T01", "城关街道", "Chengguan Subdistrict", "城关", "Chengguan", "339921001000", (2.0, 1.0), 110_000, 1.4, 40_000, 3.5),
    ("T02", "东城街道", "Dongcheng Subdistrict", "东城", "Dongcheng", "339921002000", (7.5, 2.5), 45_000, 1.1, 20_000, 3.0),
    ("T03", "滨海镇", "Binhai Town", "滨海", "Binhai", "339921101000", (11.0, -6.0), 18_000, 0.8, 10_000, 2.5),
    ("T04", "港口镇", "Gangkou Town", "港口", "Gangkou", "339921102000", (10.0, 10.0), 25_000, 0.9, 12_000, 2.5),
    ("T05", "双河镇", "Shuanghe Town", "双河", "Shuanghe", "339921103000", (2.0, -11.0), 16_000, 0.8, 10_000, 2.5),
    ("T06", "白沙镇", "Baisha Town", "白沙", "Baisha", "339921104000", (-8.0, -12.0), 18_000, 0.8, 10_000, 2.5),
    ("T07", "石门镇", "Shimen Town", "石门", "Shimen", "339921105000", (-15.0, -3.0), 12_000, 0.7, 8_000, 2.5),
    ("T08", "青山镇", "Qingshan Town", "青山", "Qingshan", "339921106000", (-12.0, 8.0), 14_000, 0.8, 8_000, 2.5),
    ("T09", "新桥镇", "Xinqiao Town", "新桥", "Xinqiao", "339921107000", (-3.0, 13.0), 20_000, 0.9, 10_000, 2.5),
    ("T10", "桃源镇", "Taoyuan Town", "桃源", "Taoyuan", "339921108000", (-5.0, 1.0), 14_000, 0.8, 8_000, 2.5),
)
TOWN_NAMES = tuple(t[1] for t in TOWNS)
TOWN_SHORT = tuple(t[3] for t in TOWNS)
TOWN_PINYIN = tuple(t[4] for t in TOWNS)


def town_index(short):
    return TOWN_SHORT.index(short)


# ---------------------------------------------------------------- small helpers

def _ids(prefix, n, width):
    return np.array([f"{prefix}{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


def _rectangles(cx, cy, width, height, angle):
    """Rotated rectangles (arrays of centre, size, angle in radians) as shapely polygons."""
    cx, cy, width, height, angle = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                                         for v in (cx, cy, width, height, angle)))
    ux = np.array([-0.5, 0.5, 0.5, -0.5, -0.5])
    uy = np.array([-0.5, -0.5, 0.5, 0.5, -0.5])
    lx = ux[None, :] * width[:, None]
    ly = uy[None, :] * height[:, None]
    cos, sin = np.cos(angle)[:, None], np.sin(angle)[:, None]
    coords = np.stack([cx[:, None] + lx * cos - ly * sin, cy[:, None] + lx * sin + ly * cos], axis=-1)
    return shapely.polygons(np.round(coords, 2))


def _within_township(points, townships):
    """Index of the township holding each point (nearest township for points outside all)."""
    tree = shapely.STRtree(townships)
    inside_pt, inside_town = tree.query(points, predicate="within")
    result = np.full(len(points), -1, dtype=np.int64)
    # first hit per point (a point on a shared border lies in neither polygon's interior; 'within'
    # then fails for both and the nearest rule below decides)
    order = np.argsort(inside_pt, kind="stable")
    first = np.unique(inside_pt[order], return_index=True)[1]
    result[inside_pt[order][first]] = inside_town[order][first]
    missing = np.flatnonzero(result < 0)
    if missing.size:
        hit_pt, hit_town = tree.query_nearest(points[missing], all_matches=False)
        result[missing[hit_pt]] = hit_town
    return result


# ---------------------------------------------------------------- outline and townships

def county_outline(rng):
    """An irregular county of ≈1,400 km² with the sea to the east; also returns the coast function."""
    cx, cy = CENTRE
    ph = rng.uniform(0, 2 * np.pi, 6)
    theta = np.linspace(0, 2 * np.pi, 721)[:-1]
    shape = (1 + 0.10 * np.sin(2 * theta + ph[0]) + 0.07 * np.sin(3 * theta + ph[1])
             + 0.035 * np.sin(5 * theta + ph[2]) + 0.015 * np.sin(11 * theta + ph[3]))

    def coast_x(y):  # the coastline: x of the shore at northing y (sea east of it)
        t = (np.asarray(y, dtype=float) - cy) / 1000.0
        return cx + 14_500 + 1_300 * np.sin(t / 4.5 + ph[4]) + 500 * np.sin(t / 1.6 + ph[5])

    ys = np.linspace(cy - 40_000, cy + 40_000, 801)
    land = shapely.Polygon(np.concatenate([np.column_stack([coast_x(ys), ys]),
                                           [[cx - 60_000, cy + 40_000], [cx - 60_000, cy - 40_000]]]))

    def outline(radius):
        ring = np.column_stack([cx + radius * shape * np.cos(theta), cy + radius * shape * np.sin(theta)])
        return shapely.intersection(shapely.Polygon(ring), land)

    lo, hi = 15_000.0, 35_000.0  # bisection on the radius for the target area (deterministic)
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        if outline(mid).area / 1e6 < COUNTY_AREA_KM2:
            lo = mid
        else:
            hi = mid
    county = shapely.set_precision(outline(0.5 * (lo + hi)), 0.01)
    return county, coast_x


def town_centres():
    cx, cy = CENTRE
    return np.array([[cx + 1000 * t[6][0], cy + 1000 * t[6][1]] for t in TOWNS])


def make_townships(county, centres):
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(centres),
                                                       extend_to=shapely.buffer(county, 10_000)))
    # voronoi output order is not the seed order: match each seed to the cell containing it
    hit = shapely.contains_xy(cells[:, None], centres[None, :, 0], centres[None, :, 1])
    cells = cells[hit.argmax(axis=0)]
    polys = shapely.set_precision(shapely.intersection(cells, county), 0.01)
    kinds = shapely.get_type_id(polys)
    if np.any(kinds != 3):
        raise RuntimeError("a township is not a single polygon; change the outline seed")
    return polys


# ---------------------------------------------------------------- population density

class Density:
    """Residents per km² at any point: town kernels, villages and a rural background."""

    def __init__(self, rng, county, centres, park):
        self.centres = centres
        self.core_pop = np.array([t[7] for t in TOWNS], dtype=float)
        self.core_sig = np.array([t[8] for t in TOWNS], dtype=float) * 1000
        self.sub_pop = np.array([t[9] for t in TOWNS], dtype=float)
        self.sub_sig = np.array([t[10] for t in TOWNS], dtype=float) * 1000
        self.park = park
        self.park_zone = shapely.buffer(park, 300)
        self.phase = rng.uniform(0, 2 * np.pi, 4)
        # villages: random points in the county, away from town centres and the chemical park
        minx, miny, maxx, maxy = county.bounds
        pts = rng.uniform((minx, miny), (maxx, maxy), size=(900, 2))
        far = np.min(np.hypot(pts[:, None, 0] - centres[None, :, 0], pts[:, None, 1] - centres[None, :, 1]), axis=1)
        ok = (shapely.contains_xy(county, pts[:, 0], pts[:, 1]) & (far > 2_600)
              & ~shapely.contains_xy(shapely.buffer(park, 1_200), pts[:, 0], pts[:, 1]))
        self.villages = pts[ok][:170]
        self.village_pop = rng.uniform(150, 900, len(self.villages))
        self.village_sig = 260.0

    def __call__(self, x, y):
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        cx, cy = CENTRE
        d2 = (x[:, None] - self.centres[None, :, 0]) ** 2 + (y[:, None] - self.centres[None, :, 1]) ** 2
        per_km2 = 1e6 / (2 * np.pi)
        towns = (self.core_pop / self.core_sig ** 2 * np.exp(-d2 / (2 * self.core_sig ** 2))
                 + self.sub_pop / self.sub_sig ** 2 * np.exp(-d2 / (2 * self.sub_sig ** 2))).sum(axis=1) * per_km2
        v2 = (x[:, None] - self.villages[None, :, 0]) ** 2 + (y[:, None] - self.villages[None, :, 1]) ** 2
        villages = (self.village_pop[None, :] / self.village_sig ** 2
                    * np.exp(-v2 / (2 * self.village_sig ** 2))).sum(axis=1) * per_km2
        # rural background, thinner in the western hills
        hills = 0.45 + 0.55 / (1 + np.exp(-(x - (cx - 9_000)) / 2_500))
        wave = 1 + 0.35 * np.sin((x - cx) / 3_100 + self.phase[0]) * np.sin((y - cy) / 2_700 + self.phase[1])
        background = 38.0 * hills * wave
        density = towns + villages + background
        density[shapely.contains_xy(self.park_zone, x, y)] *= 0.15  # buffer strip around the park
        density[shapely.contains_xy(self.park, x, y)] = 0.0  # industrial land: nobody lives there
        return density


def make_population(county, townships, density):
    minx, miny, maxx, maxy = county.bounds
    s = POP_CELL_M
    x0, y0 = math.floor(minx / s) * s, math.floor(miny / s) * s
    xs = np.arange(x0, maxx, s)
    ys = np.arange(y0, maxy, s)
    gx, gy = np.meshgrid(xs, ys, indexing="xy")
    gx, gy = gx.ravel(), gy.ravel()
    cells = shapely.box(gx, gy, gx + s, gy + s)
    clipped = shapely.intersection(cells, county)
    area = shapely.area(clipped)
    keep = area > 1.0
    clipped, area = clipped[keep], area[keep]
    # a cell cut into pieces by the coast: keep its largest piece
    multi = np.flatnonzero(shapely.get_type_id(clipped) != 3)
    if multi.size:
        parts, owner = shapely.get_parts(clipped[multi], return_index=True)
        part_area = shapely.area(parts)
        order = np.lexsort((-part_area, owner))
        first = np.unique(owner[order], return_index=True)[1]
        clipped[multi[owner[order][first]]] = parts[order][first]
        area = shapely.area(clipped)
    clipped = shapely.set_precision(clipped, 0.01)
    centroids = shapely.centroid(clipped)
    cxy = shapely.get_coordinates(centroids)
    dens = density(cxy[:, 0], cxy[:, 1])
    expected = dens * area / 1e6
    # integer residents summing exactly to TOTAL_RESIDENTS (largest remainder)
    scaled = expected * TOTAL_RESIDENTS / expected.sum()
    residents = np.floor(scaled)
    short = int(TOTAL_RESIDENTS - residents.sum())
    residents[np.argsort(-(scaled - residents), kind="stable")[:short]] += 1
    # urban: the densest cells near a town centre, up to URBAN_SHARE of all residents
    near_town = np.min(np.hypot(cxy[:, None, 0] - density.centres[None, :, 0],
                                cxy[:, None, 1] - density.centres[None, :, 1]), axis=1) < 4_000
    cell_density = residents / area * 1e6
    order = np.argsort(-np.where(near_town, cell_density, -1.0), kind="stable")
    cumulative = np.cumsum(residents[order]) / TOTAL_RESIDENTS
    n_urban = int(np.searchsorted(cumulative, URBAN_SHARE)) + 1
    urban = np.zeros(len(clipped), dtype=bool)
    urban[order[:n_urban]] = True
    # the same threshold in the units of ``density`` (before scaling to TOTAL_RESIDENTS)
    urban_threshold = float(cell_density[order[n_urban - 1]]) * expected.sum() / TOTAL_RESIDENTS
    town = _within_township(centroids, townships)
    frame = pd.DataFrame({
        "pop_id": _ids("P", len(clipped), 5),
        "residents": residents.astype(float),
        "urban": urban,
        "township": np.array(TOWN_NAMES, dtype=object)[town],
    })
    return frame, clipped, urban_threshold


# ---------------------------------------------------------------- roads

class Lattice:
    """A smoothly warped and jittered square lattice of candidate road junctions."""

    def __init__(self, rng, county):
        s = LATTICE_M
        minx, miny, maxx, maxy = county.bounds
        self.x0 = math.floor((minx - 1_000) / s) * s
        self.y0 = math.floor((miny - 1_000) / s) * s
        self.nx = int(math.ceil((maxx + 1_000 - self.x0) / s)) + 1
        self.ny = int(math.ceil((maxy + 1_000 - self.y0) / s)) + 1
        ii, jj = np.meshgrid(np.arange(self.nx), np.arange(self.ny), indexing="ij")
        bx, by = self.x0 + ii * s, self.y0 + jj * s
        ph = rng.uniform(0, 2 * np.pi, 4)
        wx = 230 * np.sin(2 * np.pi * by / 7_000 + ph[0]) + 110 * np.sin(2 * np.pi * (bx + by) / 4_300 + ph[1])
        wy = 210 * np.sin(2 * np.pi * bx / 6_500 + ph[2]) + 100 * np.sin(2 * np.pi * (bx - by) / 5_100 + ph[3])
        jitter = rng.uniform(-1, 1, size=(2,) + bx.shape)
        self.X = np.round(bx + wx + 22 * jitter[0], 2)
        self.Y = np.round(by + wy + 22 * jitter[1], 2)
        self.inside = shapely.contains_xy(county, self.X, self.Y)

    def node(self, i, j):
        return np.asarray(i) * self.ny + np.asarray(j)

    def nearest(self, x, y):
        d = np.where(self.inside, np.hypot(self.X - x, self.Y - y), np.inf)
        return np.unravel_index(np.argmin(d), d.shape)

    def column_near(self, x):
        return int(round((x - self.x0) / LATTICE_M))

    def block_centre(self, i, j):
        """Centre of the lattice block with lower-left node (i, j)."""
        xs = self.X[i, j] + self.X[i + 1, j] + self.X[i, j + 1] + self.X[i + 1, j + 1]
        ys = self.Y[i, j] + self.Y[i + 1, j] + self.Y[i, j + 1] + self.Y[i + 1, j + 1]
        return xs / 4, ys / 4

    def block_angle(self, i, j):
        return np.arctan2(self.Y[i + 1, j] - self.Y[i, j], self.X[i + 1, j] - self.X[i, j])

    def polygon(self, i0, i1, j0, j1):
        """The area covered by blocks i0..i1-1 × j0..j1-1 (its boundary follows the lattice)."""
        ring = ([(self.X[i, j0], self.Y[i, j0]) for i in range(i0, i1 + 1)]
                + [(self.X[i1, j], self.Y[i1, j]) for j in range(j0 + 1, j1 + 1)]
                + [(self.X[i, j1], self.Y[i, j1]) for i in range(i1 - 1, i0 - 1, -1)]
                + [(self.X[i0, j], self.Y[i0, j]) for j in range(j1 - 1, j0, -1)])
        return shapely.Polygon(ring)


CLASS_ORDER = ("expressway", "trunk", "primary", "secondary", "tertiary", "local")
CLASS_SPEED = {"expressway": 100.0, "trunk": 80.0, "primary": 60.0, "secondary": 50.0, "tertiary": 40.0,
               "local": 30.0}
CLASS_NULL_SPEED_SHARE = {"expressway": 0.0, "trunk": 0.0, "primary": 0.0, "secondary": 0.06,
                          "tertiary": 0.10, "local": 0.12}
# per town: (east–west primary road, north–south primary road); None where a trunk runs instead
PRIMARY_NAMES = {
    "城关": (None, "解放路"), "东城": ("东城大道", None), "滨海": ("园区大道", "海防路"), "港口": ("港城路", "渔港路"),
    "双河": ("双河路", "南溪路"), "白沙": ("白沙路", "沙溪路"), "石门": ("石门路", "西山路"),
    "青山": ("青山路", "翠屏路"), "新桥": ("新桥路", "北溪路"), "桃源": ("桃源路", "桃花路"),
}
STREET_NAMES = ("人民路", "文化路", "新华路", "工业路", "学院路", "环城路", "朝阳路", "光明路", "振兴路", "友谊路",
                "健康路", "育才路", "东风路", "胜利路", "花园路", "望海路", "沿河路", "迎宾路", "青年路", "前进路",
                "幸福路", "繁荣路", "金山路", "银河路", "丰收路", "长春路", "永安路", "新民路")
PRIMARY_REACH = 28  # lattice steps (7 km) either side of a town centre


def make_roads(rng, lattice, density, core_threshold, park_blocks, centres):
    """Road edges on the lattice: every edge's end vertices are lattice nodes shared with the edges
    it meets, so the network is topologically clean for QGIS network analysis."""
    L = lattice
    nx, ny = L.nx, L.ny
    inside = L.inside
    flat_x, flat_y = L.X.ravel(), L.Y.ravel()
    dens = density(flat_x, flat_y).reshape(nx, ny)
    vil = density.villages
    near_village = (np.min((flat_x[:, None] - vil[None, :, 0]) ** 2 + (flat_y[:, None] - vil[None, :, 1]) ** 2,
                           axis=1) < 330.0 ** 2).reshape(nx, ny)
    core = inside & ((dens >= core_threshold) | near_village)
    pi0, pi1, pj0, pj1 = park_blocks
    core[pi0:pi1 + 1, pj0:pj1 + 1] = inside[pi0:pi1 + 1, pj0:pj1 + 1]

    # candidate edges: horizontal (i,j)-(i+1,j) on line j at position i; vertical (i,j)-(i,j+1) on line i
    hi, hj = np.meshgrid(np.arange(nx - 1), np.arange(ny), indexing="ij")
    vi, vj = np.meshgrid(np.arange(nx), np.arange(ny - 1), indexing="ij")
    a = np.concatenate([L.node(hi, hj).ravel(), L.node(vi, vj).ravel()])
    b = np.concatenate([L.node(hi + 1, hj).ravel(), L.node(vi, vj + 1).ravel()])
    horizontal = np.concatenate([np.ones(hi.size, bool), np.zeros(vi.size, bool)])
    line = np.concatenate([hj.ravel(), vi.ravel()])
    pos = np.concatenate([hi.ravel(), vj.ravel()])
    ins, cor = inside.ravel(), core.ravel()
    both_in = ins[a] & ins[b]
    both_core = cor[a] & cor[b]

    # arterials: (class, horizontal?, line, first position, last position + 1, name)
    town_nodes = [L.nearest(x, y) for x, y in centres]
    seat_i, seat_j = town_nodes[0]
    east_i, east_j = town_nodes[1]
    expressway_i = L.column_near(CENTRE[0] - 10_000)
    for ti, tj in town_nodes:
        if abs(ti - expressway_i) < 2:
            raise RuntimeError("the expressway would run through a town centre")
    specs = [("expressway", False, expressway_i, 0, ny, "沿海高速"),
             ("trunk", True, seat_j, 0, nx, "临海大道"),
             ("trunk", False, east_i, 0, ny, "滨海大道")]
    for (ti, tj), short in zip(town_nodes, TOWN_SHORT):
        ew, ns = PRIMARY_NAMES[short]
        if ew:
            specs.append(("primary", True, tj, ti - PRIMARY_REACH, ti + PRIMARY_REACH, ew))
        if ns:
            specs.append(("primary", False, ti, tj - PRIMARY_REACH, tj + PRIMARY_REACH, ns))
    # park streets: 园区 roads on the park's boundary lines
    specs += [("secondary", True, pj0, pi0, pi1, "园区南路"), ("secondary", True, pj1, pi0, pi1, "园区北路"),
              ("secondary", False, pi0, pj0, pj1, "园区西路"), ("secondary", False, pi1, pj0, pj1, "园区东路")]
    n_edges = a.size
    cls = np.full(n_edges, -1, dtype=np.int64)
    name = np.full(n_edges, None, dtype=object)
    for klass, horiz, ln, p0, p1, road_name in specs:  # a few dozen specs, each an array operation
        sel = (horizontal == horiz) & (line == ln) & (pos >= p0) & (pos < p1) & both_in & (cls < 0)
        cls[sel] = CLASS_ORDER.index(klass)
        name[sel] = road_name
    arterial = cls >= 0
    # the expressway is a barrier: crossing roads meet it only at interchanges (arterial crossings)
    on_expressway_col = horizontal & ((pos == expressway_i) | (pos == expressway_i - 1))
    interchange_rows = np.unique(line[on_expressway_col & arterial])
    barrier = on_expressway_col & ~np.isin(line, interchange_rows)
    rural_grid = (line % 2 == 0)
    keep = both_in & ~barrier & (arterial | both_core | rural_grid)

    # a random spanning forest protects connectivity; other rural local edges are thinned at random
    n_nodes = nx * ny
    ka, kb = a[keep], b[keep]
    weights = rng.random(ka.size) + 1e-6
    weights[arterial[keep]] = 1e-6  # arterials always in the forest
    graph = sparse.coo_matrix((weights, (ka, kb)), shape=(n_nodes, n_nodes)).tocsr()
    forest = minimum_spanning_tree(graph).tocoo()
    forest_keys = np.sort(np.minimum(forest.row, forest.col).astype(np.int64) * n_nodes
                          + np.maximum(forest.row, forest.col))
    edge_keys = np.minimum(a, b).astype(np.int64) * n_nodes + np.maximum(a, b)
    where = np.searchsorted(forest_keys, edge_keys)
    where = np.minimum(where, forest_keys.size - 1)
    in_forest = forest_keys[where] == edge_keys
    drop = keep & ~arterial & ~both_core & ~in_forest & (rng.random(n_edges) < 0.17)
    keep &= ~drop

    # classes of the remaining edges
    town_of_mid = np.argmin(((flat_x[a] + flat_x[b])[:, None] / 2 - centres[None, :, 0]) ** 2
                            + ((flat_y[a] + flat_y[b])[:, None] / 2 - centres[None, :, 1]) ** 2, axis=1)
    secondary = keep & (cls < 0) & both_core & (line % 4 == 0)
    tertiary = keep & (cls < 0) & ~both_core & (line % 8 == 0)
    cls[secondary] = CLASS_ORDER.index("secondary")
    cls[tertiary] = CLASS_ORDER.index("tertiary")
    cls[keep & (cls < 0)] = CLASS_ORDER.index("local")
    # street names: one name per (town, direction, lattice line) among the secondary streets
    key = pd.Series(list(zip(town_of_mid[secondary], horizontal[secondary], line[secondary])))
    codes, uniques = pd.factorize(key, sort=True)
    town_rank = pd.Series([u[0] for u in uniques]).groupby([u[0] for u in uniques]).cumcount().to_numpy()
    street = [STREET_NAMES[r % len(STREET_NAMES)] + ("" if r < len(STREET_NAMES) else "二")
              for r in town_rank]
    name[secondary] = np.array(street, dtype=object)[codes]
    # county roads: codes by line
    t_codes = np.where(horizontal[tertiary], 200, 300) + line[tertiary] // 8
    name[tertiary] = np.array([f"X{c:03d}" for c in t_codes], dtype=object)

    # one-way pairs in the county seat and in 东城 (digitised from lower to higher lattice index:
    # forward = eastbound / northbound)
    oneway = np.full(n_edges, "both", dtype=object)
    local = cls == CLASS_ORDER.index("local")
    for (ti, tj), reach in ((town_nodes[0], 8), (town_nodes[1], 5)):
        for offset, direction in ((1, "forward"), (-1, "backward"), (3, "backward"), (-3, "forward")):
            sel_v = local & ~horizontal & (line == ti + offset) & (np.abs(pos - tj) <= reach)
            sel_h = local & horizontal & (line == tj + offset) & (np.abs(pos - ti) <= reach)
            oneway[sel_v | sel_h] = direction

    idx = np.flatnonzero(keep)
    # order: by class, then west→east / south→north, so ids read naturally
    order = np.lexsort((pos[idx], line[idx], ~horizontal[idx], cls[idx]))
    idx = idx[order]
    coords = np.stack([np.column_stack([flat_x[a[idx]], flat_y[a[idx]]]),
                       np.column_stack([flat_x[b[idx]], flat_y[b[idx]]])], axis=1)
    geoms = shapely.linestrings(coords)
    classes = np.array(CLASS_ORDER, dtype=object)[cls[idx]]
    speed = np.array([CLASS_SPEED[c] for c in CLASS_ORDER])[cls[idx]]
    null_share = np.array([CLASS_NULL_SPEED_SHARE[c] for c in CLASS_ORDER])[cls[idx]]
    speed = np.where(rng.random(idx.size) < null_share, np.nan, speed)
    names, oneways = name[idx], oneway[idx]

    # two tiny farm tracks that join nothing (real road data has such fragments): a three-armed
    # track and a single segment, in the middle of rural 500 m blocks far from every other road
    odd_i, odd_j = np.meshgrid(np.arange(1, nx - 1, 2), np.arange(1, ny - 1, 2), indexing="ij")
    odd_i, odd_j = odd_i.ravel(), odd_j.ravel()
    ok = inside[odd_i, odd_j] & ~core[odd_i, odd_j]
    cand = shapely.points(L.X[odd_i[ok], odd_j[ok]], L.Y[odd_i[ok], odd_j[ok]])
    _, dist = shapely.STRtree(geoms).query_nearest(cand, return_distance=True, all_matches=False)
    far = np.flatnonzero(dist > 200)
    picks = cand[rng.choice(far, size=2, replace=False)]
    (x1, y1), (x2, y2) = shapely.get_coordinates(picks)
    arms = rng.uniform(0, 2 * np.pi) + np.array([0.0, 2.1, 4.2])
    tracks = [[(x1, y1), (x1 + 110 * np.cos(t), y1 + 110 * np.sin(t))] for t in arms]
    tracks.append([(x2 - 60, y2 - 40), (x2 + 70, y2 + 30)])
    geoms = np.concatenate([geoms, shapely.linestrings(np.round(np.array(tracks), 2))])
    names = np.concatenate([names, np.full(len(tracks), None, dtype=object)])
    classes = np.concatenate([classes, np.full(len(tracks), "local", dtype=object)])
    speed = np.concatenate([speed, np.full(len(tracks), np.nan)])
    oneways = np.concatenate([oneways, np.full(len(tracks), "both", dtype=object)])
    frame = pd.DataFrame({
        "road_id": _ids("R", len(geoms), 6),
        "name": names,
        "class": classes,
        "speed_kmh": speed,
        "oneway": oneways,
    })
    return frame, geoms


# ---------------------------------------------------------------- enterprises

# industry, English word, weight, P(hazchem), name word, LEC base, employees median
INDUSTRIES = (
    ("化工", "Chemical", 0.020, 1.00, "化工", 1.3, 60),
    ("医药", "Pharmaceutical", 0.008, 1.00, "制药", 1.1, 120),
    ("危险化学品经营", "Chemical Trading", 0.010, 1.00, "化工贸易", 0.8, 8),
    ("燃气供应", "Gas", 0.004, 1.00, "燃气", 1.0, 25),
    ("成品油零售", "Petroleum", 0.012, 1.00, "石油", 0.8, 10),
    ("机械制造", "Machinery", 0.120, 0.03, "机械", 0.2, 45),
    ("纺织", "Textile", 0.080, 0.08, "纺织", 0.0, 60),
    ("服装", "Garment", 0.065, 0.00, "服饰", -0.4, 50),
    ("食品加工", "Food", 0.050, 0.05, "食品", -0.2, 35),
    ("仓储物流", "Logistics", 0.050, 0.05, "物流", 0.0, 20),
    ("建材", "Building Materials", 0.040, 0.00, "建材", 0.1, 30),
    ("金属制品", "Metal Products", 0.060, 0.15, "金属制品", 0.3, 40),
    ("电子", "Electronics", 0.050, 0.15, "电子", -0.2, 80),
    ("塑料制品", "Plastics", 0.050, 0.10, "塑业", 0.1, 35),
    ("橡胶制品", "Rubber", 0.015, 0.10, "橡胶", 0.2, 40),
    ("家具制造", "Furniture", 0.040, 0.05, "家具", 0.1, 40),
    ("造纸", "Paper", 0.015, 0.20, "纸业", 0.3, 60),
    ("印刷", "Printing", 0.020, 0.10, "印务", -0.1, 25),
    ("汽车零部件", "Auto Parts", 0.050, 0.05, "汽车配件", 0.1, 70),
    ("电气机械", "Electrical Equipment", 0.050, 0.03, "电气", 0.0, 50),
    ("通用设备", "Equipment", 0.040, 0.02, "设备", 0.1, 40),
    ("木材加工", "Wood", 0.020, 0.02, "木业", 0.3, 20),
    ("皮革制品", "Leather", 0.010, 0.10, "皮革", 0.1, 40),
    ("农副产品加工", "Agricultural Products", 0.030, 0.02, "农产品", -0.3, 20),
    ("水产品加工", "Seafood", 0.030, 0.30, "水产", 0.1, 40),
    ("船舶修造", "Shipbuilding", 0.010, 0.20, "船舶", 0.8, 120),
    ("冷链物流", "Cold Chain", 0.015, 0.60, "冷链", 0.3, 20),
    ("陶瓷", "Ceramics", 0.015, 0.02, "陶瓷", 0.2, 50),
    ("水的生产和供应", "Water", 0.003, 0.70, "水务", 0.2, 40),
    ("工艺品制造", "Crafts", 0.020, 0.00, "工艺品", -0.5, 15),
)
IND_NAMES = tuple(i[0] for i in INDUSTRIES)
COASTAL_INDUSTRIES = ("水产品加工", "船舶修造", "冷链物流")
TRADE_1 = (("鑫", "Xin"), ("华", "Hua"), ("恒", "Heng"), ("永", "Yong"), ("宏", "Hong"), ("金", "Jin"),
           ("泰", "Tai"), ("盛", "Sheng"), ("瑞", "Rui"), ("隆", "Long"), ("天", "Tian"), ("丰", "Feng"),
           ("海", "Hai"), ("兴", "Xing"), ("昌", "Chang"), ("东", "Dong"), ("新", "Xin"), ("宇", "Yu"),
           ("安", "An"), ("康", "Kang"), ("德", "De"), ("顺", "Shun"), ("嘉", "Jia"), ("信", "Xin"),
           ("诚", "Cheng"), ("明", "Ming"), ("光", "Guang"), ("正", "Zheng"), ("中", "Zhong"), ("万", "Wan"),
           ("博", "Bo"), ("远", "Yuan"), ("立", "Li"), ("富", "Fu"), ("佳", "Jia"), ("振", "Zhen"),
           ("凯", "Kai"), ("润", "Run"), ("汇", "Hui"), ("锦", "Jin"))
TRADE_2 = (("达", "da"), ("源", "yuan"), ("利", "li"), ("通", "tong"), ("发", "fa"), ("成", "cheng"),
           ("泰", "tai"), ("祥", "xiang"), ("福", "fu"), ("业", "ye"), ("和", "he"), ("益", "yi"),
           ("昊", "hao"), ("辉", "hui"), ("安", "an"), ("力", "li"), ("峰", "feng"), ("邦", "bang"),
           ("科", "ke"), ("建", "jian"), ("联", "lian"), ("茂", "mao"), ("创", "chuang"), ("晟", "sheng"),
           ("鸿", "hong"), ("展", "zhan"), ("亿", "yi"), ("宁", "ning"), ("信", "xin"), ("荣", "rong"),
           ("星", "xing"), ("华", "hua"), ("洋", "yang"), ("林", "lin"), ("盛", "sheng"), ("瑞", "rui"),
           ("隆", "long"), ("美", "mei"), ("高", "gao"), ("弘", "hong"))

# hazard units (GB 18218-2018): unit_id, unit name, where, industry of the owner, exposed (None =
# left to the grading algorithm), [(substance as written, quantity t, hazard category or None)].
# Q/β of each substance, S, R and the intended grade are tabulated in sample_data/README.md.
HAZARD_UNITS = (
    ("HU001", "氯碱装置液氯储罐区", "park", "化工", 150, [("液氯", 80, None), ("1333-74-0", 5, None)]),
    ("HU002", "环氧乙烷储罐区", "park", "化工", 90,
     [("环氧乙烷", 200, None), ("75-01-4", 500, None), ("1,3-丁二烯", 50, None)]),
    ("HU003", "光气合成装置", "park", "化工", None, [("75-44-5", 4.5, None), ("甲苯", 300, None)]),
    ("HU004", "合成氨液氨储罐区", "park", "化工", 200, [("液氨", 120, None), ("甲醇", 2000, None)]),
    ("HU005", "加氢精制装置", "park", "化工", 75,
     [("硫化氢", 25, None), ("氢气", 20, None), ("苯", 300, None), ("toluene", 1000, None)]),
    ("HU006", "液化气储配站", "park", "危险化学品经营", 40, [("液化石油气", 1500, None), ("二甲醚", 500, None)]),
    ("HU007", "甲醇罐区", "park", "化工", None, [("甲醇", 8000, None), ("乙醇", 2000, None), ("67-64-1", 1500, None)]),
    ("HU008", "成品油库", "park", "危险化学品经营", 25, [("gasoline", 3000, None)]),
    ("HU009", "自来水厂加氯间", ("城关", -1.2, 1.6), "水的生产和供应", 350, [("液氯", 8, None)]),
    ("HU010", "水产冷库液氨制冷机房", ("港口", 0.9, -0.6), "水产品加工", 500, [("7664-41-7", 30, None)]),
    ("HU011", "液化石油气充装站", ("新桥", 1.6, -1.4), "燃气供应", None, [("液化石油气", 60, None)]),
    ("HU012", "工业气体充装车间", "park", "化工", None, [("hydrogen", 8, None)]),
    ("HU013", "芳烃储罐区", "park", "化工", None, [("苯", 120, None), ("甲苯", 400, None)]),
    ("HU014", "溶剂与氧化剂仓库", "park", "化工", 0, [("某有机溶剂", 1800, "W5.3"), ("氧化剂X", 150, "W9.2")]),
    ("HU015", "加油站油罐区", ("白沙", 0.6, 0.9), "成品油零售", None, [("汽油", 120, None)]),
    ("HU016", "乙炔气瓶库", ("双河", -0.9, 0.8), "机械制造", None, [("74-86-2", 0.5, None)]),
    ("HU017", "危险化学品仓库", ("桃源", -1.0, -1.2), "危险化学品经营", None,
     [("甲醇", 200, None), ("丙酮", 100, None), ("ethanol", 100, None)]),
    ("HU018", "冷库制冷机房", ("石门", 0.8, -0.8), "冷链物流", None, [("液氨", 5, None)]),
    ("HU019", "原料药溶剂车间", "park", "医药", None, [("某有机溶剂", 300, "W5.3"), ("甲苯", 150, None)]),
    ("HU020", "制浆漂白车间", ("青山", 1.3, -1.0), "造纸", None, [("7446-09-5", 15, None)]),
    ("HU021", "天然气门站", ("城关", 2.2, -2.4), "燃气供应", None, [("天然气", 30, None)]),
    ("HU022", "乙烯及氯乙烯单体罐区", "park", "化工", 45,
     [("乙烯", 300, None), ("vinyl chloride", 200, None), ("106-99-0", 10, None)]),
    ("HU023", "氟化氢装置", "park", "化工", 110, [("7664-39-3", 6, None), ("氢气", 2, None)]),
    ("HU024", "氰化氢装置", "park", "化工", 300, [("氰化氢", 6, None), ("丙酮", 800, None), ("甲醇", 500, None)]),
    ("HU025", "溶剂中转库", "park", "危险化学品经营", 8,
     [("甲苯", 600, None), ("71-43-2", 40, None), ("乙醇", 300, None), ("丙酮", 200, None)]),
    ("HU026", "燃料气柜", "park", "化工", None, [("氢气", 1, None), ("二甲醚", 10, None), ("液化石油气", 20, None)]),
    ("HU027", "制剂车间溶剂库", "park", "医药", None, [("甲醇", 150, None), ("甲苯", 100, None), ("苯", 10, None)]),
    ("HU028", "氧化剂及苯储存单元", "park", "化工", 70, [("氧化剂X", 3000, "W9.2"), ("苯", 250, None)]),
)
UNIT_LEC_BONUS = {"HU001": 1.8, "HU002": 1.8, "HU003": 1.8, "HU024": 1.8,
                  "HU004": 1.3, "HU005": 1.3, "HU006": 1.3, "HU023": 1.3}
N_PARK_FIRMS = 50  # chemical (化工/医药/危险化学品经营) firms in the 滨海化工园区


def _company_names(rng, industry_idx):
    """Unique Chinese company names and their English forms, per industry from shuffled trade names."""
    n = industry_idx.size
    trade = np.empty(n, dtype=np.int64)
    for k in range(len(INDUSTRIES)):  # one shuffle per industry (30), not per firm
        members = np.flatnonzero(industry_idx == k)
        trade[members] = rng.permutation(len(TRADE_1) * len(TRADE_2))[:members.size]
    t1, t2 = trade // len(TRADE_2), trade % len(TRADE_2)
    listed = rng.random(n) < 0.08
    zh = [f"{COUNTY_ZH}{TRADE_1[a][0]}{TRADE_2[b][0]}{INDUSTRIES[k][4]}{'股份' if s else ''}有限公司"
          for a, b, k, s in zip(t1, t2, industry_idx, listed)]
    en = [f"{COUNTY_EN} {TRADE_1[a][1]}{TRADE_2[b][1]} {INDUSTRIES[k][1]} Co., Ltd."
          for a, b, k in zip(t1, t2, industry_idx)]
    return np.array(zh, dtype=object), np.array(en, dtype=object)


def make_enterprises(rng, county, townships, centres, lattice, park_blocks, population_density):
    """Enterprises and hazard-source units: (enterprise frame, points, record frame, record polygons,
    one polygon per unit)."""
    L = lattice
    pi0, pi1, pj0, pj1 = park_blocks
    # park plots: the lattice blocks inside the park, in random order
    bi, bj = np.meshgrid(np.arange(pi0, pi1), np.arange(pj0, pj1), indexing="ij")
    bi, bj = bi.ravel(), bj.ravel()
    plot_order = rng.permutation(bi.size)
    bi, bj = bi[plot_order], bj[plot_order]
    plot_x, plot_y = L.block_centre(bi, bj)
    plot_angle = L.block_angle(bi, bj)

    rows = []  # anchored firms: (industry, x, y, unit index or -1, bonus)
    units_geom_args = []
    plot = 0
    unit_owner = []
    for u, (unit_id, unit_name, where, industry, exposed, subs) in enumerate(HAZARD_UNITS):
        size = rng.uniform(45, 125, 2)
        if where == "park":
            x, y, ang = plot_x[plot], plot_y[plot], plot_angle[plot]
            plot += 1
            # the firm's point sits at the plant gate, 95 m south of the unit's centre
            fx, fy = x + 95 * np.sin(ang), y - 95 * np.cos(ang)
        else:
            short, dx, dy = where
            x, y = centres[town_index(short)] + 1000 * np.array([dx, dy])
            ang = rng.uniform(-0.4, 0.4)
            size = np.minimum(size, 80)
            fx, fy = x - 70, y - 50
        units_geom_args.append((x, y, size[0], size[1], ang))
        bonus = UNIT_LEC_BONUS.get(unit_id, 0.8)  # firms with the worst units rate high in LEC too
        rows.append((IND_NAMES.index(industry), fx, fy, bonus))
        unit_owner.append(len(rows) - 1)
    # the remaining park plots get chemical firms without a major hazard unit
    n_rest = N_PARK_FIRMS - plot
    rest_ind = np.where(rng.random(n_rest) < 0.15, IND_NAMES.index("医药"), IND_NAMES.index("化工"))
    rest_ind[rng.random(n_rest) < 0.08] = IND_NAMES.index("危险化学品经营")
    for k in range(n_rest):
        p = plot + k
        rows.append((int(rest_ind[k]), plot_x[p] + rng.uniform(-40, 40), plot_y[p] + rng.uniform(-40, 40), 0.5))
    anchored = np.array(rows, dtype=float)

    # the others: industrial zones around every town, and some rural workshops
    n_free = N_ENTERPRISES - len(rows)
    weights = np.array([t[7] + 0.5 * t[9] for t in TOWNS], dtype=float) ** 0.9
    zone_angle = rng.uniform(0, 2 * np.pi, (len(TOWNS), 2))
    zone_dist = rng.uniform(1_300, 2_600, (len(TOWNS), 2))
    zones = centres[:, None, :] + zone_dist[..., None] * np.stack([np.cos(zone_angle), np.sin(zone_angle)], -1)
    town = rng.choice(len(TOWNS), size=n_free, p=weights / weights.sum())
    zone = rng.integers(0, 2, n_free)
    rural = rng.random(n_free) < 0.15
    pts = np.empty((n_free, 2))
    todo = np.arange(n_free)
    while todo.size:  # redraw points that fell into the sea or the park (a handful of rounds)
        spread = np.where(rural[todo], 0, rng.uniform(450, 1_100, todo.size))
        base = zones[town[todo], zone[todo]]
        cand = base + rng.normal(size=(todo.size, 2)) * spread[:, None]
        anywhere = rng.uniform(county.bounds[:2], county.bounds[2:], size=(todo.size, 2))
        cand = np.where(rural[todo][:, None], anywhere, cand)
        ok = (shapely.contains_xy(county, cand[:, 0], cand[:, 1])
              & (population_density(cand[:, 0], cand[:, 1]) > 0))
        pts[todo[ok]] = cand[ok]
        todo = todo[~ok]
    # industry by town: coastal trades only in the coastal towns
    base_w = np.array([i[2] for i in INDUSTRIES])
    base_w[[IND_NAMES.index(n) for n in ("化工", "医药")]] *= 0.5  # most chemistry is in the park
    coastal = np.isin(IND_NAMES, COASTAL_INDUSTRIES)
    coastal_town = np.isin(TOWN_SHORT, ("滨海", "港口", "东城"))
    w = np.tile(base_w, (len(TOWNS), 1))
    w[~coastal_town[:, None] & coastal[None, :]] *= 0.05
    w[coastal_town[:, None] & coastal[None, :]] *= 3.0
    cum = np.cumsum(w / w.sum(axis=1, keepdims=True), axis=1)
    free_ind = (rng.random(n_free)[:, None] > cum[town]).sum(axis=1)
    free_ind = np.minimum(free_ind, len(INDUSTRIES) - 1)

    ind = np.concatenate([anchored[:, 0].astype(int), free_ind])
    xy = np.concatenate([anchored[:, 1:3], pts])
    bonus = np.concatenate([anchored[:, 3], np.zeros(n_free)])
    n = ind.size
    p_haz = np.array([i[3] for i in INDUSTRIES])[ind]
    hazchem = rng.random(n) < p_haz
    hazchem[:len(rows)] = True
    med = np.array([i[6] for i in INDUSTRIES], dtype=float)[ind]
    med[:len(rows)] *= 2.5  # park firms are larger
    employees = np.clip(np.round(med * np.exp(rng.normal(0, 0.9, n))), 3, 6000).astype(np.int64)

    # LEC from a latent risk score; likelihood/severity (matrix method) follow L and C
    risk = (np.array([i[5] for i in INDUSTRIES])[ind] + 0.7 * hazchem + 0.25 * np.log10(employees)
            + bonus + rng.normal(0, 0.75, n))
    li = np.clip(np.round(2.1 + 0.55 * risk + rng.normal(0, 0.8, n)), 0, 6).astype(int)
    ei = np.clip(np.round(2.5 + 0.30 * risk + rng.normal(0, 0.9, n)), 0, 5).astype(int)
    ci = np.clip(np.round(1.3 + 0.50 * risk + rng.normal(0, 0.8, n)), 0, 5).astype(int)
    from_l = np.array([1, 1, 2, 3, 4, 5, 5])
    from_c = np.array([1, 1, 2, 3, 4, 5])
    noise = rng.choice([-1, 0, 0, 0, 0, 1], size=(2, n))
    likelihood = np.clip(from_l[li] + noise[0], 1, 5)
    severity = np.clip(from_c[ci] + noise[1], 1, 5)
    # safety standardisation grade: hazardous-chemical firms are more often graded
    u = rng.random(n)
    grade_cum = np.where(hazchem[:, None], [[0.06, 0.40, 0.85]], [[0.01, 0.11, 0.46]])
    std_grade = np.array(["grade1", "grade2", "grade3", "none"], dtype=object)[(u[:, None] > grade_cum).sum(axis=1)]

    # shuffle so that ids do not reveal which firms own hazard units, then number them
    order = rng.permutation(n)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.arange(n)
    ind, xy, hazchem, employees = ind[order], xy[order], hazchem[order], employees[order]
    li, ei, ci, likelihood, severity, std_grade = (v[order] for v in (li, ei, ci, likelihood, severity, std_grade))
    ent_id = _ids("E", n, 5)
    zh, en = _company_names(rng, ind)
    points = shapely.points(np.round(xy, 2))
    town_of = _within_township(points, townships)
    schemas = _schemas()
    LEC_L_VALUES, LEC_E_VALUES, LEC_C_VALUES = schemas.LEC_L_VALUES, schemas.LEC_E_VALUES, schemas.LEC_C_VALUES
    frame = pd.DataFrame({
        "ent_id": ent_id,
        "name": zh,
        "name_en": en,
        "industry": np.array(IND_NAMES, dtype=object)[ind],
        "township": np.array(TOWN_NAMES, dtype=object)[town_of],
        "employees": employees,
        "hazchem": hazchem,
        "std_grade": std_grade,
        "lec_l": np.array(LEC_L_VALUES, dtype=float)[li],
        "lec_e": np.array(LEC_E_VALUES, dtype=float)[ei],
        "lec_c": np.array(LEC_C_VALUES, dtype=float)[ci],
        "likelihood": likelihood.astype(np.int64),
        "severity": severity.astype(np.int64),
    })

    # hazard-source records: one per unit × substance, sharing the unit's footprint
    args = np.array(units_geom_args)
    unit_polys = _rectangles(args[:, 0], args[:, 1], args[:, 2], args[:, 3], args[:, 4])
    owner_ids = ent_id[inverse[np.array(unit_owner)]]
    rec = [(unit_id, unit_name, owner_ids[u], sub, float(q), cat, exposed, u)
           for u, (unit_id, unit_name, _w, _i, exposed, subs) in enumerate(HAZARD_UNITS)
           for sub, q, cat in subs]
    units = pd.DataFrame(rec, columns=["unit_id", "unit_name", "ent_id", "substance", "quantity_t", "hazard_cat",
                                       "exposed", "_unit"])
    units["exposed"] = units["exposed"].astype("Int64")
    unit_geoms = unit_polys[units.pop("_unit").to_numpy()]
    return frame, points, units, unit_geoms, unit_polys


# ---------------------------------------------------------------- shelters

# per township: fixed-shelter area target in m² per urban resident (county total falls short of 1.5)
SHELTER_RATIO = {"城关": 1.35, "东城": 1.62, "滨海": 0.62, "港口": 1.25, "双河": 1.75, "白沙": 0.85,
                 "石门": 2.05, "青山": 1.60, "新桥": 1.02, "桃源": 1.56}
CENTRAL_SHELTER_M2 = 125_000.0
FIXED_TEMPLATES = (("{t}人民公园", "{T} People's Park"), ("{t}文化广场", "{T} Culture Square"),
                   ("{t}中学操场", "{T} Middle School Sports Ground"), ("{t}滨河公园", "{T} Riverside Park"),
                   ("{t}体育场", "{T} Stadium"), ("{t}森林公园", "{T} Forest Park"))
POINT_FIXED_TEMPLATE = ("{t}中心小学", "{T} Central Primary School")
EMERGENCY_TEMPLATES = (("{t}社区广场", "{T} Community Square"), ("{t}街心公园", "{T} Pocket Park"),
                       ("{t}小学操场", "{T} Primary School Playground"), ("{t}农贸市场广场", "{T} Market Square"))
FIXED_AS_POINT_TOWNS = ("东城", "双河", "石门")


def _place(rng, centre, radius, footprint, obstacles, allowed):
    """A free spot near ``centre``: the footprint (a function of x, y) must not meet ``obstacles``
    and its centre must lie in ``allowed``. Deterministic given the generator state."""
    for attempt in range(400):
        r = radius * (0.3 + 0.7 * attempt / 400)
        dx, dy = rng.uniform(-r, r, 2)
        x, y = centre[0] + dx, centre[1] + dy
        if not shapely.contains_xy(allowed, x, y):
            continue
        geom = footprint(x, y)
        if obstacles is None or not shapely.intersects(geom, obstacles):
            return geom
    raise RuntimeError("no free place for a shelter")


def make_shelters(rng, townships, centres, population, pop_geoms, obstacles):
    urban_by_town = population[population["urban"]].groupby("township")["residents"].sum()
    urban_area = shapely.union_all(pop_geoms[population["urban"].to_numpy()])
    polygon_rows, point_rows = [], []
    taken = obstacles
    for k, (short, py) in enumerate(zip(TOWN_SHORT, TOWN_PINYIN)):
        urban = float(urban_by_town.get(TOWN_NAMES[k], 0.0))
        total = round(SHELTER_RATIO[short] * urban / 100.0) * 100.0
        sites = []
        if short == "城关":
            sites.append(("central", CENTRAL_SHELTER_M2, ("临海县体育公园", "Linhai County Sports Park"), "polygon"))
            total -= CENTRAL_SHELTER_M2
        n_fixed = max(1, int(math.ceil(total / 50_000.0)))
        if short in FIXED_AS_POINT_TOWNS:
            n_fixed = max(n_fixed, 2)
        share = rng.dirichlet(np.full(n_fixed, 6.0))
        areas = np.round(total * share / 100.0) * 100.0
        areas[-1] = total - areas[:-1].sum()  # keep the township total exact
        if areas.min() < 10_000 or areas.max() > 100_000:  # GB 51143 sizes: fall back to an even split
            areas = np.full(n_fixed, np.floor(total / n_fixed / 100.0) * 100.0)
            areas[-1] = total - areas[:-1].sum()
        if areas.min() < 10_000 or areas.max() > 100_000:
            raise RuntimeError(f"fixed shelter split failed in {short}: {areas}")
        for m, area in enumerate(sorted(areas, reverse=True)):
            kind = "fixed_long" if area >= 40_000 else "fixed_medium" if area >= 20_000 else "fixed_short"
            as_point = short in FIXED_AS_POINT_TOWNS and m == n_fixed - 1 and n_fixed > 1
            template = POINT_FIXED_TEMPLATE if as_point else FIXED_TEMPLATES[(k + m) % len(FIXED_TEMPLATES)]
            sites.append((kind, float(area), template, "point" if as_point else "polygon"))
        for m in range(2):
            sites.append(("emergency", float(np.round(rng.uniform(2_000, 10_000) / 50) * 50),
                          EMERGENCY_TEMPLATES[(k + m) % len(EMERGENCY_TEMPLATES)], "point"))
        allowed = shapely.intersection(urban_area, townships[k])
        for kind, area, (zh, en), geom_kind in sites:
            zh, en = zh.format(t=short), en.format(T=py)
            if geom_kind == "polygon":
                footprint_m2 = area / rng.uniform(0.65, 0.85)
                aspect = rng.uniform(1.0, 1.8)
                w, h = math.sqrt(footprint_m2 * aspect), math.sqrt(footprint_m2 / aspect)
                angle = rng.uniform(-0.35, 0.35)
                geom = _place(rng, centres[k], 2_200, lambda x, y: _rectangles([x], [y], [w], [h], [angle])[0],
                              taken, allowed)
                polygon_rows.append((zh, en, kind, area, geom, TOWN_NAMES[k]))
            else:
                geom = _place(rng, centres[k], 2_000, lambda x, y: shapely.buffer(shapely.Point(x, y), 60),
                              taken, allowed)
                geom = shapely.centroid(geom)
                point_rows.append((zh, en, kind, area, geom, TOWN_NAMES[k]))
            taken = geom if taken is None else shapely.union(taken, shapely.buffer(geom, 30))

    def frame(rows, prefix, start):
        df = pd.DataFrame(rows, columns=["name", "name_en", "type", "area_m2", "_geom", "township"])
        geoms = df.pop("_geom").to_numpy()
        capacity = np.floor(df["area_m2"].to_numpy() / np.where(df["type"] == "emergency", 1.5, 2.0))
        df.insert(0, "shelter_id", [f"{prefix}{i:03d}" for i in range(start, start + len(df))])
        df["capacity"] = capacity.astype(np.int64)
        geoms = np.asarray(geoms, dtype=object)
        return df, shapely.set_precision(geoms, 0.01)

    polys, poly_geoms = frame(polygon_rows, "SH", 1)
    points, point_geoms = frame(point_rows, "SP", 1)
    polys["township"] = np.array(TOWN_NAMES, dtype=object)[_within_township(shapely.centroid(poly_geoms), townships)]
    points["township"] = np.array(TOWN_NAMES, dtype=object)[_within_township(point_geoms, townships)]
    return polys, poly_geoms, points, point_geoms


# ---------------------------------------------------------------- fire stations

# station_id, name, name_en, class, turnout_min, suburban, town, offset (km), distance from road (m)
FIRE_STATIONS = (
    ("FS01", "城关特勤消防站", "Chengguan Special Service Fire Station", "special", 1.0, False, "城关", (0.6, -0.5), 15),
    ("FS02", "滨海化工园区特勤消防站", "Binhai Chemical Park Special Service Fire Station", "special", None, False,
     "park", (0.0, 0.0), 20),
    ("FS03", "东城消防站", "Dongcheng Fire Station", "class1", 1.0, False, "东城", (-0.4, 0.7), 25),
    ("FS04", "港口消防站", "Gangkou Fire Station", "class1", None, False, "港口", (0.3, 0.4), 10),
    ("FS05", "青山消防站", "Qingshan Fire Station", "class2", 1.5, False, "青山", (0.4, 0.3), 30),
    ("FS06", "双河消防站", "Shuanghe Fire Station", "class2", None, False, "双河", (-0.3, -0.4), 20),
    ("FS07", "新桥小型消防站", "Xinqiao Small Fire Station", "small", None, False, "新桥", (0.2, -0.3), 35),
    ("FS08", "石门郊区消防站", "Shimen Suburban Fire Station", "class1", None, True, "石门", (1.8, 1.2), 150),
)


def make_fire_stations(rng, centres, park, road_geoms):
    tree = shapely.STRtree(road_geoms)
    rows, geoms = [], []
    park_centre = np.array(shapely.get_coordinates(shapely.centroid(park))[0])
    for sid, zh, en, klass, turnout, suburban, town, (dx, dy), off in FIRE_STATIONS:
        base = park_centre if town == "park" else centres[town_index(town)]
        target = shapely.Point(*(base + 1000 * np.array([dx, dy])))
        if off <= 50:
            road = road_geoms[tree.query_nearest(target)[0]]
            on_road = shapely.line_interpolate_point(road, shapely.line_locate_point(road, target))
            direction = np.array(target.coords[0]) - np.array(on_road.coords[0])
            norm = np.hypot(*direction)
            direction = direction / norm if norm > 0 else np.array([0.0, 1.0])
            geom = shapely.Point(*(np.array(on_road.coords[0]) + off * direction))
        else:  # the one deliberately off the road: search a grid around the target for that distance
            gx, gy = np.meshgrid(np.arange(-1500, 1501, 25.0), np.arange(-1500, 1501, 25.0))
            cand = shapely.points(target.x + gx.ravel(), target.y + gy.ravel())
            _, dist = tree.query_nearest(cand, return_distance=True, all_matches=False)
            score = np.abs(dist - off) + 0.01 * np.hypot(gx.ravel(), gy.ravel())
            geom = cand[np.argmin(score)]
        geoms.append(shapely.set_precision(geom, 0.01))
        rows.append((sid, zh, en, klass, turnout, suburban))
    frame = pd.DataFrame(rows, columns=["station_id", "name", "name_en", "class", "turnout_min", "suburban"])
    frame["turnout_min"] = frame["turnout_min"].astype(float)
    return frame, np.array(geoms, dtype=object)


# ---------------------------------------------------------------- the whole county

def _schemas():
    """layers/schemas.py is pure data (no QGIS needed for build_county)."""
    _register_package()
    from riskatlas.layers import schemas

    return schemas


def build_county(seed=SEED):
    """All layers as {name: (kind, GeoDataFrame)}; pure computation, no QGIS."""
    import geopandas as gpd

    _schemas()
    rng = np.random.default_rng(seed)
    county, coast_x = county_outline(rng)
    centres = town_centres()
    townships = make_townships(county, centres)
    lattice = Lattice(rng, county)

    # the chemical park: 10 × 7 lattice blocks near the coast, south of 滨海镇
    binhai = centres[town_index("滨海")]
    target_y = binhai[1] - 3_000
    pi, pj = lattice.nearest(float(coast_x(target_y)) - 2_200, target_y)
    park_blocks = (pi - 5, pi + 5, pj - 3, pj + 4)
    park = lattice.polygon(*park_blocks)
    if not shapely.contains(county, park):
        raise RuntimeError("the chemical park is not inside the county")

    density = Density(rng, county, centres, park)
    population, pop_geoms, urban_threshold = make_population(county, townships, density)
    roads, road_geoms = make_roads(rng, lattice, density, 0.6 * urban_threshold, park_blocks, centres)
    ent, ent_geoms, units, unit_geoms, unit_polys = make_enterprises(rng, county, townships, centres, lattice,
                                                                     park_blocks, density)
    obstacles = shapely.union_all(shapely.buffer(unit_polys, 80))
    obstacles = shapely.union(obstacles, shapely.buffer(park, 100))
    shelters, shelter_geoms, shelter_pts, shelter_pt_geoms = make_shelters(rng, townships, centres, population,
                                                                           pop_geoms, obstacles)
    stations, station_geoms = make_fire_stations(rng, centres, park, road_geoms)

    town_frame = pd.DataFrame({
        "town_id": [t[0] for t in TOWNS], "name": list(TOWN_NAMES), "name_en": [t[2] for t in TOWNS],
        "admin_code": [t[5] for t in TOWNS],
    })

    def gdf(frame, geoms):
        return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry=gpd.GeoSeries(np.asarray(geoms, dtype=object)))

    one_map = _one_map().make_one_map(seed, county, townships, CENTRE, centres, park, population, pop_geoms, road_geoms,
                                      ent, ent_geoms, TOWN_NAMES, TOWN_SHORT, TOWN_PINYIN)
    return {
        "townships": ("townships", gdf(town_frame, townships)),
        "population": ("population", gdf(population, pop_geoms)),
        "roads": ("roads", gdf(roads, road_geoms)),
        "enterprises": ("enterprises", gdf(ent, ent_geoms)),
        "hazard_sources": ("hazard_sources", gdf(units, unit_geoms)),
        "shelters": ("shelters", gdf(shelters, shelter_geoms)),
        "shelter_points": ("shelters", gdf(shelter_pts, shelter_pt_geoms)),
        "fire_stations": ("fire_stations", gdf(stations, station_geoms)),
        **{name: (name, gdf(frame, geoms)) for name, (frame, geoms) in one_map.items()},
    }


def _one_map():
    """sample_data/one_map.py: the rescue teams, depots, key targets and natural hazards (issue 18)."""
    spec = importlib.util.spec_from_file_location("riskatlas_sample_one_map", os.path.join(HERE, "one_map.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- writing through QGIS

def _register_package():
    """The checkout as package ``riskatlas`` (same trick as bench/common.py; root never on sys.path)."""
    spec = importlib.util.spec_from_file_location("riskatlas_bench_common", os.path.join(ROOT, "bench", "common.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.register_package()


def write_county(layers, path):
    from riskatlas.layers.gpkg import fields_from_schema, write_geopackage
    from riskatlas.layers.schemas import SCHEMAS
    from riskatlas.layers.template import TEMPLATE_LAYERS
    from riskatlas.layers.styling import STYLE_BY_KIND

    spec = {name: (frame, fields_from_schema(SCHEMAS[kind]), TEMPLATE_LAYERS[name][1])
            for name, (kind, frame) in layers.items()}
    styles = {name: STYLE_BY_KIND[kind] for name, (kind, _frame) in layers.items()}
    with chinese_locale():
        return write_geopackage(path, spec, CRS, styles=styles)


def restyle_county(path):
    """Store the current default styles (symbols, aliases, drop-downs) into an existing sample GeoPackage,
    leaving its features byte for byte as they are (a style change needs no new geometries)."""
    from riskatlas.layers.gpkg import save_default_style
    from riskatlas.layers.styling import STYLE_BY_KIND
    from riskatlas.layers.template import TEMPLATE_LAYERS

    import contextlib
    import sqlite3

    with chinese_locale():
        for name, (kind, _wkb) in TEMPLATE_LAYERS.items():
            message = save_default_style(path, name, STYLE_BY_KIND[kind])
            if message:
                raise IOError(f"{name}: {message}")
    with contextlib.closing(sqlite3.connect(path)) as connection:  # leave no WAL mode behind (a file to commit)
        connection.execute("PRAGMA journal_mode=DELETE")


class chinese_locale:  # noqa: N801 (a context manager used like a function)
    """Stored styles carry field aliases in the UI language: pin it (zh_CN, a Chinese county) so the
    file does not depend on the machine's locale, and put the profile's values back afterwards."""

    def __enter__(self):
        from qgis.core import QgsSettings

        settings = self.settings = QgsSettings()
        self.saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")
                      if settings.contains(key)}
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "zh_CN")

    def __exit__(self, *exc):
        for key in ("locale/overrideFlag", "locale/userLocale"):
            if key in self.saved:
                self.settings.setValue(key, self.saved[key])
            else:
                self.settings.remove(key)


ONE_MAP_LAYERS = ("rescue_teams", "supply_depots", "key_targets", "natural_hazards")


def add_one_map(layers, path):
    """Write only the one-map layers (``ONE_MAP_LAYERS``) into the existing GeoPackage ``path``, with their
    default styles, leaving every other layer's features exactly as they are (the others, written again,
    could differ in a coordinate's last bit between GEOS builds). Whole or not at all."""
    import contextlib
    import shutil
    import sqlite3

    from riskatlas.layers.atomic import atomic_output
    from riskatlas.layers.gpkg import fields_from_schema, save_default_style, write_layer
    from riskatlas.layers.schemas import SCHEMAS
    from riskatlas.layers.styling import STYLE_BY_KIND
    from riskatlas.layers.template import TEMPLATE_LAYERS
    from qgis.core import QgsCoordinateReferenceSystem

    with atomic_output(path) as temporary:
        shutil.copyfile(path, temporary)
        for name in ONE_MAP_LAYERS:
            kind, frame = layers[name]
            write_layer(temporary, name, frame, fields_from_schema(SCHEMAS[kind]), QgsCoordinateReferenceSystem(CRS),
                        TEMPLATE_LAYERS[name][1])
        with chinese_locale():
            for name in ONE_MAP_LAYERS:
                save_default_style(temporary, name, STYLE_BY_KIND[layers[name][0]])
        with contextlib.closing(sqlite3.connect(temporary)) as connection:  # no WAL file beside it
            connection.execute("PRAGMA journal_mode=DELETE")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="GeoPackage to write (default: %(default)s)")
    parser.add_argument("--restyle", action="store_true",
                        help="only store the current default styles into the existing GeoPackage")
    parser.add_argument("--one-map-only", action="store_true",
                        help="only (re)write the one-map layers into the existing GeoPackage")
    args = parser.parse_args(argv)
    if args.restyle:
        _with_qgis(lambda: restyle_county(args.output))
        print(f"stored the default styles in {args.output}")
        return 0
    started = time.perf_counter()
    layers = build_county()
    built = time.perf_counter()
    for name, (_kind, frame) in layers.items():
        print(f"{name:15s} {len(frame):6d} features")
    _with_qgis(lambda: (add_one_map if args.one_map_only else write_county)(layers, args.output))
    print(f"wrote {args.output} ({os.path.getsize(args.output) / 1e6:.1f} MB) in "
          f"{time.perf_counter() - started:.1f} s (build {built - started:.1f} s)")
    return 0


def _with_qgis(work):
    """Run ``work()`` in a headless QGIS with a throw-away profile (the user's stays untouched)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    config = tempfile.TemporaryDirectory(prefix="riskatlas-sample-")
    if "QGIS_CUSTOM_CONFIG_PATH" not in os.environ:
        os.environ["QGIS_CUSTOM_CONFIG_PATH"] = config.name
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        _register_package()
        return work()
    finally:
        app.exitQgis()
        config.cleanup()


if __name__ == "__main__":
    sys.exit(main())
