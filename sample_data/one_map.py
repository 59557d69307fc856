"""The sample county's emergency "one map" layers: rescue teams, supply depots, key targets and
natural-hazard sites (issue 18), drawn by ``generate_sample_county.py`` after the other layers.

A generator of their own (seed ``SEED + 18``) drives every choice, so the older layers stay exactly as they
were. Teams and depots stand by the roads (a few metres off, well within the snap tolerance); key targets
follow the residents (schools, hospitals, markets where people live; scenic and religious sites in the
countryside; workshops at enterprises); geohazard sites lie in the western hills, near the villages they
threaten, waterlogging points in the town centres. Danger grades follow the 险情 thresholds of the
threatened people (a few left empty for the level preset to fill in).
"""
import numpy as np
import pandas as pd
import shapely

ONE_MAP_SEED_OFFSET = 18

# (team type, 中文 name pattern, English, township short name or "*" for every township, headcount range)
TEAMS = (
    ("grassroots", "{t}综合应急救援队", "{T} Emergency Rescue Team", "*", (20, 45)),
    ("hazchem", "滨海化工园区危险化学品救援队", "Binhai Chemical Park Hazchem Rescue Team", "park", (40, 60)),
    ("enterprise", "{t}化工企业专职救援队", "{T} Chemical Works Rescue Team", "park", (12, 25)),
    ("enterprise", "临海石化专职救援队", "Linhai Petrochemical Rescue Team", "park", (15, 30)),
    ("flood", "{t}防汛抢险队", "{T} Flood Fighting Team", ("滨海", "港口", "双河"), (30, 80)),
    ("forest_fire", "{t}森林消防队", "{T} Forest Fire Team", ("石门", "青山", "白沙"), (25, 40)),
    ("earthquake_geohazard", "临海县地震和地质灾害救援队", "Linhai Earthquake and Geohazard Rescue Team", "城关",
     (40, 60)),
    ("water", "{t}水上救援队", "{T} Water Rescue Team", ("港口", "滨海"), (15, 30)),
    ("medical", "{t}紧急医学救援队", "{T} Medical Rescue Team", ("城关", "东城"), (20, 40)),
    ("utility", "临海县供电抢修队", "Linhai Power Repair Team", "城关", (30, 50)),
    ("utility", "临海县供水抢修队", "Linhai Water Repair Team", "东城", (15, 25)),
    ("utility", "临海县燃气抢修队", "Linhai Gas Repair Team", "城关", (10, 20)),
    ("social", "{t}蓝天救援队", "{T} Blue Sky Rescue Team", ("城关", "东城", "新桥", "桃源"), (20, 60)),
    ("professional_fire", "{t}政府专职消防队", "{T} Full-time Fire Brigade", ("白沙", "滨海", "桃源"), (12, 20)),
)
EQUIPMENT = {"grassroots": "应急照明、破拆工具、救生衣、发电机", "hazchem": "侦检车、洗消车、堵漏器材、防化服",
             "enterprise": "泡沫消防车、空气呼吸器、堵漏器材", "flood": "冲锋舟、抽水泵、沙袋、救生衣",
             "forest_fire": "风力灭火机、二号工具、水泵", "earthquake_geohazard": "生命探测仪、破拆顶撑器材、无人机",
             "water": "冲锋舟、救生抛投器、潜水装具", "medical": "救护车、急救药械、移动手术单元",
             "utility": "抢修车、发电车、照明灯塔", "social": "救援车、绳索器材、无人机",
             "professional_fire": "水罐消防车、抢险救援车"}
DEPOT_STOCK = {"county": "帐篷、棉被、折叠床、应急食品、饮用水、发电机、冲锋舟",
               "township": "帐篷、棉被、折叠床、应急食品、饮用水", "village": "棉被、应急食品、饮用水、手电筒"}
VILLAGES = (("李家村", "Lijia"), ("石桥村", "Shiqiao"), ("柳树村", "Liushu"), ("东岭村", "Dongling"), ("南塘村", "Nantang"),
            ("上林村", "Shanglin"), ("溪口村", "Xikou"), ("王家村", "Wangjia"))  # the village supply points

# key targets: (category, 中文 pattern, English pattern, count, where, occupancy (low, high))
# where: "people" (by residents), "urban", "rural", "workshop" (at an enterprise)
TARGETS = (
    ("school", "{t}第{n}小学", "{T} Primary School No. {n}", 70, "people", (400, 2400)),
    ("school", "{t}第{n}中学", "{T} Middle School No. {n}", 24, "urban", (900, 3000)),
    ("kindergarten", "{t}第{n}幼儿园", "{T} Kindergarten No. {n}", 45, "people", (90, 420)),
    ("hospital", "{t}第{n}医院", "{T} Hospital No. {n}", 6, "urban", (400, 1600)),
    ("hospital", "{t}卫生院{n}", "{T} Health Centre {n}", 18, "people", (60, 260)),
    ("care_home", "{t}敬老院{n}", "{T} Care Home {n}", 20, "people", (40, 260)),
    ("culture", "{t}文化馆{n}", "{T} Cultural Centre {n}", 8, "urban", (150, 900)),
    ("hotel", "{t}宾馆{n}", "{T} Hotel {n}", 18, "urban", (80, 600)),
    ("market", "{t}农贸市场{n}", "{T} Market {n}", 26, "people", (300, 2500)),
    ("transport", "{t}客运站{n}", "{T} Bus Station {n}", 8, "urban", (200, 1500)),
    ("stadium", "{t}体育馆{n}", "{T} Sports Hall {n}", 5, "urban", (1500, 8000)),
    ("entertainment", "{t}娱乐场所{n}", "{T} Entertainment Venue {n}", 14, "urban", (50, 400)),
    ("tourism", "{t}风景区{n}", "{T} Scenic Area {n}", 10, "rural", (300, 4000)),
    ("religious", "{t}寺{n}", "{T} Temple {n}", 10, "rural", (80, 800)),
    ("workshop", "{t}劳动密集型企业车间{n}", "{T} Workshop {n}", 28, "workshop", (200, 1800)),
)
HAZARD_TYPES = (("landslide", "滑坡", 0.42), ("collapse", "崩塌", 0.24), ("debris_flow", "泥石流", 0.10),
                ("unstable_slope", "不稳定斜坡", 0.16), ("ground_collapse", "地面塌陷", 0.08))
N_GEOHAZARDS, N_WATERLOGGING = 44, 6


def _beside_road(rng, points, road_geoms, offset=(8.0, 40.0)):
    """Each point moved to the nearest road, then ``offset`` metres off it (a station beside the road)."""
    tree = shapely.STRtree(road_geoms)
    nearest = tree.query_nearest(points, all_matches=False)[1]
    roads = road_geoms[nearest]
    on_road = shapely.line_interpolate_point(roads, shapely.line_locate_point(roads, points))
    angle = rng.uniform(0, 2 * np.pi, len(points))
    distance = rng.uniform(*offset, len(points))
    xy = shapely.get_coordinates(on_road) + distance[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return shapely.set_precision(shapely.points(xy), 0.01)


def _near(rng, centre, spread):
    return centre + rng.normal(size=2) * spread


def make_teams(rng, ctx):
    rows, points = [], []
    for kind, zh, en, where, (low, high) in TEAMS:
        towns = ctx["shorts"] if where == "*" else (where,) if isinstance(where, str) else where
        for short in towns:
            if short == "park":
                base, town_zh, town_en = ctx["park_centre"], "滨海", "Binhai"
            else:
                k = ctx["shorts"].index(short)
                base, town_zh, town_en = ctx["centres"][k], short, ctx["pinyin"][k]
            points.append(_near(rng, base, 500.0 if short != "park" else 350.0))
            turnout = float(rng.choice([1.0, 2.0, 3.0, 5.0])) if rng.random() < 0.7 else None
            rows.append((zh.format(t=town_zh), en.format(T=town_en), kind, int(rng.integers(low, high + 1)),
                         int(rng.integers(1, 9)), EQUIPMENT[kind], turnout))
    frame = pd.DataFrame(rows, columns=["name", "name_en", "type", "headcount", "vehicles", "equipment",
                                        "turnout_min"])
    frame.insert(0, "team_id", [f"RT{i:02d}" for i in range(1, len(frame) + 1)])
    frame["affiliation"] = np.where(frame["type"].isin(["social"]), "临海县应急管理局（指导）",
                                    np.where(frame["type"].isin(["enterprise"]), "园区企业", "临海县应急管理局"))
    frame["turnout_min"] = frame["turnout_min"].astype(float)
    return frame, _beside_road(rng, np.array([shapely.Point(*p) for p in points]), ctx["road_geoms"])


def make_depots(rng, ctx, population, pop_geoms):
    rows, points = [], []
    k = ctx["shorts"].index("城关")
    points.append(ctx["centres"][k] + np.array([1_800.0, -1_200.0]))
    rows.append(("临海县救灾物资储备库", "Linhai County Relief Supplies Depot", "county", 3_600.0, DEPOT_STOCK["county"],
                 8_000, 30.0))
    for k, (short, pinyin) in enumerate(zip(ctx["shorts"], ctx["pinyin"])):
        points.append(_near(rng, ctx["centres"][k], 400.0))
        rows.append((f"{short}应急物资储备点", f"{pinyin} Emergency Supplies Point", "township",
                     float(np.round(rng.uniform(300, 900), -1)), DEPOT_STOCK["township"],
                     int(np.round(rng.uniform(500, 1_600), -1)), None))
    residents = population["residents"].to_numpy()
    rural = ~population["urban"].to_numpy()
    villages = np.flatnonzero(rural & (residents >= np.quantile(residents[rural], 0.97)))  # the larger villages
    cells = rng.choice(villages, len(VILLAGES), replace=False)
    for cell, (village, pinyin) in zip(cells, VILLAGES):
        points.append(shapely.get_coordinates(shapely.centroid(pop_geoms[cell]))[0])
        rows.append((f"{village}应急物资储备点", f"{pinyin} Village Supplies Point", "village",
                     float(np.round(rng.uniform(40, 150), -1)), DEPOT_STOCK["village"],
                     int(np.round(rng.uniform(100, 300), -1)), None))
    frame = pd.DataFrame(rows, columns=["name", "name_en", "level", "area_m2", "stock", "stock_people", "turnout_min"])
    frame.insert(0, "depot_id", [f"SD{i:02d}" for i in range(1, len(frame) + 1)])
    frame["turnout_min"] = frame["turnout_min"].astype(float)
    return frame, _beside_road(rng, np.array([shapely.Point(*p) for p in points]), ctx["road_geoms"], (10.0, 60.0))


def _cells_for(rng, where, n, population, pop_geoms):
    """``n`` population cells to place targets in: by residents (where people live), urban by residents,
    or rural cells (with residents) by area."""
    residents = population["residents"].to_numpy()
    urban = population["urban"].to_numpy()
    weight = {"people": residents, "urban": residents * urban,
              "rural": np.where(~urban & (residents > 0), 1.0, 0.0)}[where].astype(float)
    return rng.choice(len(weight), n, replace=n > np.count_nonzero(weight), p=weight / weight.sum())


def make_key_targets(rng, ctx, population, pop_geoms, enterprises, ent_geoms):
    rows, points = [], []
    counters = {}
    urban_ent = np.flatnonzero(~enterprises["industry"].isin(["化工", "医药", "危险化学品经营"]).to_numpy())
    for category, zh, en, count, where, (low, high) in TARGETS:
        if where == "workshop":
            picks = rng.choice(urban_ent, count, replace=False)
            xy = shapely.get_coordinates(ent_geoms[picks]) + rng.uniform(-40, 40, (count, 2))
            towns = enterprises["township"].to_numpy()[picks]
        else:
            cells = _cells_for(rng, where, count, population, pop_geoms)
            bounds = shapely.bounds(pop_geoms[cells])
            xy = rng.uniform(bounds[:, :2] + 60, bounds[:, 2:] - 60)
            towns = population["township"].to_numpy()[cells]
        occupancy = np.round(np.exp(rng.uniform(np.log(low), np.log(high), count)), -1)
        for (x, y), town, people in zip(xy, towns, occupancy):
            k = ctx["names"].index(town)
            n = counters[(category, town, zh)] = counters.get((category, town, zh), 0) + 1
            points.append((x, y))
            rows.append((zh.format(t=ctx["shorts"][k], n=n), en.format(T=ctx["pinyin"][k], n=n), category, int(people),
                         town))
    frame = pd.DataFrame(rows, columns=["name", "name_en", "category", "occupancy", "township"])
    frame.insert(0, "target_id", [f"KT{i:03d}" for i in range(1, len(frame) + 1)])
    geoms = shapely.set_precision(shapely.points(np.array(points)), 0.01)
    inside = shapely.contains_xy(ctx["county"], *np.array(points).T)
    return frame[inside].reset_index(drop=True), geoms[inside]


def _grade(people):
    return "extra_large" if people >= 1000 else "large" if people >= 500 else "medium" if people >= 100 else "small"


def make_natural_hazards(rng, ctx, population, pop_geoms):
    """Geohazard sites in the western hills, next to the villages they threaten; waterlogging in towns."""
    cx = ctx["centre"][0]
    centroids = shapely.get_coordinates(shapely.centroid(pop_geoms))
    hills = (centroids[:, 0] < cx - 6_000) & (population["residents"].to_numpy() > 20)
    cells = rng.choice(np.flatnonzero(hills), N_GEOHAZARDS, replace=False)
    kinds = rng.choice(len(HAZARD_TYPES), N_GEOHAZARDS, p=[t[2] for t in HAZARD_TYPES])
    threatened = np.round(np.exp(rng.normal(np.log(35), 1.1, N_GEOHAZARDS))).astype(int)
    threatened[:4] = (1_250, 620, 540, 180)  # one 特大型 and two 大型 sites, a 中型 one
    rows, points = [], []
    for i, (cell, kind, people) in enumerate(zip(cells, kinds, threatened)):
        code, zh, _p = HAZARD_TYPES[kind]
        x, y = centroids[cell] + rng.uniform(-180, 180, 2)
        town = population["township"].iat[cell]
        grade = _grade(people) if rng.random() > 0.12 or i < 4 else None  # a few ledgers leave it empty
        scale = str(rng.choice(["small", "small", "medium", "large"]))
        points.append((x, y))
        rows.append((f"{town[:2]}{zh}{i + 1:02d}", code, town, int(np.ceil(people / 3.2)), int(people),
                     float(np.round(people * rng.uniform(4, 12), 1)), grade, scale))
    for j in range(N_WATERLOGGING):
        k = ctx["shorts"].index(("城关", "城关", "东城", "东城", "港口", "滨海")[j])
        x, y = _near(rng, ctx["centres"][k], 700.0)
        people = int(rng.integers(60, 400))
        points.append((x, y))
        rows.append((f"{ctx['shorts'][k]}内涝积水点{j + 1}", "waterlogging", ctx["names"][k], int(people / 3),
                     people, float(np.round(people * 2.5, 1)), _grade(people), None))
    frame = pd.DataFrame(rows, columns=["name", "type", "township", "households", "threatened", "property_10k",
                                        "danger_level", "scale_level"])
    frame.insert(0, "hazard_id", [f"NH{i:03d}" for i in range(1, len(frame) + 1)])
    frame["risk_grade"] = None  # sites (隐患点): the risk grade is a zone's
    return frame, shapely.set_precision(shapely.points(np.array(points)), 0.01)


def make_one_map(seed, county, townships, centre, centres, park, population, pop_geoms, road_geoms, enterprises,
                 ent_geoms, town_names, town_shorts, town_pinyin):
    """{layer name: (frame, geometries)} of the four one-map layers."""
    rng = np.random.default_rng(seed + ONE_MAP_SEED_OFFSET)
    ctx = {"county": county, "townships": townships, "centre": np.asarray(centre), "centres": np.asarray(centres),
           "park_centre": shapely.get_coordinates(shapely.centroid(park))[0], "road_geoms": road_geoms,
           "names": tuple(town_names), "shorts": tuple(town_shorts), "pinyin": tuple(town_pinyin)}
    teams = make_teams(rng, ctx)
    depots = make_depots(rng, ctx, population, pop_geoms)
    targets = make_key_targets(rng, ctx, population, pop_geoms, enterprises, ent_geoms)
    hazards = make_natural_hazards(rng, ctx, population, pop_geoms)
    for frame, geoms in (teams, depots):  # the township holding each
        frame["township"] = _township_names(geoms, ctx)
    return {"rescue_teams": teams, "supply_depots": depots, "key_targets": targets, "natural_hazards": hazards}


def _township_names(points, ctx):
    """The township holding each point (the nearest one for a point on no township)."""
    nearest = shapely.STRtree(ctx["townships"]).query_nearest(points, all_matches=False)[1]
    return np.array(ctx["names"], dtype=object)[nearest]
