"""Shelter area per capita: hand-worked 2SFCA and administrative cases, edge cases, bad input,
and the shelter-type table pinned."""
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from riskatlas.core.errors import InputError
from riskatlas.core.shelter_capacity import (METHOD_ADMINISTRATIVE, METHOD_CATCHMENT, METHOD_NETWORK,
                                             analyse_shelters, catchment_pairs, fca_from_pairs, two_step_fca)
from riskatlas.core.standards.shelters import (DEFAULT_STANDARDS, MIN_SITE_AREA_M2, TARGET_M2_PER_CAPITA,
                                              load_shelter_standards, write_shelter_standards)

CRS = "EPSG:4549"


def frame(rows, geoms, index=None):
    return gpd.GeoDataFrame(pd.DataFrame(rows, index=pd.Index(index or range(len(geoms)), name="fid")),
                            geometry=list(geoms), crs=CRS)


# ---------------------------------------------------------------- the hand-worked catchment case
#
# Shelters (fixed_short: radius 1000 m; fixed_long: 2500 m; emergency: not counted):
#   10  A  polygon 100 m square centred (0, 0)   area 3000  capacity 250
#   11  B  point (2000, 0)                        area  600  capacity NULL
#   12  C  point (5000, 4800)  emergency          area 9000
#   13  D  point (-9000, -9000) fixed_long        area 5000
# Population points (residents):
#   1 (500, 0) 100 — A at 500 m
#   2 (1000, 0) 200 — A at exactly 1000 m (inclusive) and B at 1000 m
#   3 (2000, 600) 400 — B at 600 m; A at 2088 m
#   4 (5000, 5000) 50 — nothing counted in reach (C is an emergency shelter)
#   5 (0, 800) 0 — A at 800 m, nobody lives there
# D_A = 100 + 200 + 0 = 300, R_A = 3000/300 = 10; D_B = 200 + 400 = 600, R_B = 600/600 = 1; D_D = 0.
# A_1 = 10, A_2 = 11, A_3 = 1, A_4 = 0, A_5 = none.
# Deficits at 1.5: 3: (1.5 − 1)·400 = 200; 4: 1.5·50 = 75 → 275. Meeting: 100 + 200 = 300 of 750.

def catchment_case():
    shelters = frame({"type": ["fixed_short", "fixed_short", "emergency", "fixed_long"],
                      "area_m2": [3000.0, 600.0, 9000.0, 5000.0],
                      "capacity": [250.0, np.nan, np.nan, np.nan]},
                     [box(-50, -50, 50, 50), Point(2000, 0), Point(5000, 4800), Point(-9000, -9000)],
                     index=[10, 11, 12, 13])
    population = frame({"residents": [100.0, 200.0, 400.0, 50.0, 0.0]},
                       [Point(500, 0), Point(1000, 0), Point(2000, 600), Point(5000, 5000), Point(0, 800)],
                       index=[1, 2, 3, 4, 5])
    return shelters, population


def test_catchment_hand_worked():
    shelters, population = catchment_case()
    result = analyse_shelters(shelters, population, method=METHOD_CATCHMENT, capacity_field="capacity")
    pop = result.population
    assert pop.loc[[1, 2, 3, 4], "m2_per_capita"].tolist() == pytest.approx([10.0, 11.0, 1.0, 0.0], abs=1e-12)
    assert np.isnan(pop.loc[5, "m2_per_capita"])
    assert pop["shelters_in_reach"].tolist() == [1, 2, 1, 0, 1]
    assert pop["no_shelter"].tolist() == [False, False, False, True, False]
    assert pop.loc[[1, 2, 3, 4], "meets_target"].tolist() == [True, True, False, False]
    assert pd.isna(pop.loc[5, "meets_target"])
    assert pop["deficit_m2"].tolist() == pytest.approx([0, 0, 200, 75, 0])

    shel = result.shelters
    assert shel.index.tolist() == [10, 11, 13]  # the emergency shelter is not counted
    assert shel["served_residents"].tolist() == pytest.approx([300, 600, 0])
    assert shel.loc[10, "m2_per_served"] == pytest.approx(10)
    assert shel.loc[11, "m2_per_served"] == pytest.approx(1)
    assert np.isnan(shel.loc[13, "m2_per_served"])
    # A: 10 m² each but 300 served > capacity 250; B: 1 m² < 1.5; D: nobody in reach
    assert shel["overloaded"].tolist() == [True, True, False]
    assert shel.loc[10, "over_capacity"] == True  # noqa: E712 (pandas BooleanDtype)
    assert pd.isna(shel.loc[11, "over_capacity"])
    assert shel["radius_m"].tolist() == [1000, 1000, 2500]

    s = result.summary
    assert s["residents"] == 750
    assert s["shelter_area_m2"] == 8600
    assert s["county_m2_per_capita"] == pytest.approx(8600 / 750)
    assert s["county_meets_target"] is True
    assert s["county_deficit_m2"] == 0
    assert s["residents_meeting_target"] == 300
    assert s["share_meeting_target"] == pytest.approx(0.4)
    assert s["residents_no_shelter"] == 50
    assert s["total_deficit_m2"] == pytest.approx(275)
    assert s["shelters_overloaded"] == 2
    assert s["shelters_unreached"] == 1
    assert s["shelters_not_counted"] == {"emergency": 1}


def test_without_capacity_only_area_decides_overload():
    shelters, population = catchment_case()
    result = analyse_shelters(shelters, population)
    assert result.shelters["overloaded"].tolist() == [False, True, False]
    assert result.shelters["over_capacity"].isna().all()


def test_radius_parameter_overrides_the_table():
    shelters, population = catchment_case()
    # 999 m: point 2 (exactly 1000 m from A and B) drops out; A serves 100 → 30 m², B serves 400 → 1.5 m²
    result = analyse_shelters(shelters, population, radius=999.0)
    pop = result.population
    assert pop.loc[2, "no_shelter"]
    assert pop.loc[1, "m2_per_capita"] == pytest.approx(30)
    assert pop.loc[3, "m2_per_capita"] == pytest.approx(1.5)
    assert pop.loc[3, "meets_target"]  # the target's bound is included
    assert result.shelters["radius_m"].tolist() == [999, 999, 999]


def test_types_choose_what_counts():
    shelters, population = catchment_case()
    result = analyse_shelters(shelters, population, types=["emergency"])
    assert result.shelters.index.tolist() == [12]
    assert result.shelters.loc[12, "radius_m"] == 500
    # only point 4 (200 m away) is in reach: 9000 / 50 = 180
    assert result.population.loc[4, "m2_per_capita"] == pytest.approx(180)
    assert result.summary["residents_no_shelter"] == 700


def test_target_parameter():
    shelters, population = catchment_case()
    result = analyse_shelters(shelters, population, target=12.0)
    assert result.population.loc[[1, 2, 3], "meets_target"].tolist() == [False, False, False]
    assert result.population.loc[1, "deficit_m2"] == pytest.approx(200)  # (12 − 10)·100
    assert result.summary["county_meets_target"] is False
    assert result.summary["county_deficit_m2"] == pytest.approx(12 * 750 - 8600)


def test_polygon_area_when_no_area_field_and_points_then_refused():
    shelters, population = catchment_case()
    polygons_only = shelters.loc[[10]]
    result = analyse_shelters(polygons_only, population, area_field=None)
    assert result.shelters.loc[10, "eff_area_m2"] == pytest.approx(100 * 100)
    with pytest.raises(InputError) as error:
        analyse_shelters(shelters, population, area_field=None, layer_names={"shelters": "避难场所"})
    assert "避难场所" in str(error.value) and "11" in str(error.value) and "AREA_FIELD" in str(error.value)


# ---------------------------------------------------------------- edge cases

def test_empty_catchments_and_no_shelters_at_all():
    shelters, population = catchment_case()
    far = shelters.copy()
    far.geometry = [Point(1e6, 1e6)] * len(far)
    result = analyse_shelters(far, population)
    assert result.population["no_shelter"].all()
    assert result.population.loc[[1, 2, 3, 4], "m2_per_capita"].tolist() == [0, 0, 0, 0]
    assert result.summary["residents_no_shelter"] == 750
    assert result.summary["total_deficit_m2"] == pytest.approx(1.5 * 750)
    assert (result.shelters["served_residents"] == 0).all()
    assert not result.shelters["overloaded"].any()

    none = analyse_shelters(shelters.iloc[0:0], population)
    assert none.summary["shelter_area_m2"] == 0 and none.summary["residents_no_shelter"] == 750
    assert any("no shelter of the counted types" in w for w in none.warnings)


def test_zero_population_everywhere():
    shelters, population = catchment_case()
    population["residents"] = 0.0
    result = analyse_shelters(shelters, population)
    assert result.population["m2_per_capita"].isna().all()
    assert result.population["meets_target"].isna().all()
    assert (result.population["deficit_m2"] == 0).all()
    assert (result.shelters["served_residents"] == 0).all()
    assert np.isnan(result.summary["county_m2_per_capita"])
    assert result.summary["county_meets_target"] is False


def test_fca_from_pairs_matches_hand_values_and_handles_no_pairs():
    fca = fca_from_pairs([0, 1, 1, 2], [0, 0, 1, 1], [100.0, 200.0, 50.0], [3000.0, 1000.0])
    assert fca.served.tolist() == [300, 250]
    assert fca.m2_per_served.tolist() == [10, 4]
    assert fca.m2_per_capita.tolist() == [10, 14, 4]
    empty = fca_from_pairs([], [], [5.0, 6.0], [10.0])
    assert empty.m2_per_capita.tolist() == [0, 0] and np.isnan(empty.m2_per_served[0])


def test_catchment_pairs_radius_is_inclusive_and_per_shelter():
    demand = [[0, 0], [300, 400], [600, 800]]  # 0, 500, 1000 m from the origin
    di, si, dist = catchment_pairs(demand, [[0, 0], [0, 0]], [500.0, 499.999])
    pairs = sorted(zip(di.tolist(), si.tolist()))
    assert pairs == [(0, 0), (0, 1), (1, 0)]
    assert sorted(dist.tolist()) == [0, 0, 500]


def test_two_step_fca_on_a_grid_sums_supply():
    # every resident reaches every shelter: each gets total area / total residents
    rng = np.random.default_rng(3)
    demand_xy = rng.uniform(0, 100, (50, 2))
    demand = rng.uniform(1, 10, 50)
    fca = two_step_fca(demand_xy, demand, [[50, 50], [20, 80]], [700.0, 300.0], 1000.0)
    assert fca.m2_per_capita == pytest.approx(np.full(50, 1000.0 / demand.sum()))


def test_mixed_point_and_polygon_shelters_use_centroids():
    shelters = frame({"type": ["fixed_medium", "fixed_medium"], "area_m2": [4000.0, 2000.0]},
                     [box(1000, -100, 1200, 100), Point(-1000, 0)])  # centroid (1100, 0)
    population = frame({"residents": [100.0, 100.0]}, [box(-50, -50, 50, 50), Point(2500, 0)])
    result = analyse_shelters(shelters, population)
    # radius 1500: the cell at the origin reaches both (1100 m, 1000 m), the point at 2500 only the polygon (1400 m)
    assert result.population["shelters_in_reach"].tolist() == [2, 1]
    assert result.shelters["served_residents"].tolist() == [200, 100]
    assert result.population["m2_per_capita"].tolist() == pytest.approx([4000 / 200 + 2000 / 100, 4000 / 200])


def test_urban_only_counts_urban_residents():
    shelters, population = catchment_case()
    population["urban"] = np.array([True, False, True, True, None], dtype=object)
    result = analyse_shelters(shelters, population, urban_only=True)
    assert result.population["counted_residents"].tolist() == [100, 0, 400, 50, 0]
    # A serves 100 → 30; B serves 400 → 1.5
    assert result.population.loc[1, "m2_per_capita"] == pytest.approx(30)
    assert result.summary["residents"] == 550 and result.summary["all_residents"] == 750
    assert any("urban flag" in w for w in result.warnings)
    everyone = analyse_shelters(shelters, population, urban_only=False)
    assert everyone.summary["residents"] == 750


def test_urban_flag_as_text_and_missing_flag_field():
    shelters, population = catchment_case()
    population["urban"] = ["是", "否", "1", "0", "城镇"]
    assert analyse_shelters(shelters, population).summary["residents"] == 100 + 400
    del population["urban"]
    result = analyse_shelters(shelters, population)
    assert result.summary["residents"] == 750 and result.summary["urban_only"] is False
    assert any("no 'urban' field" in w for w in result.warnings)


# ---------------------------------------------------------------- administrative (METHOD 0)
#
# Units U1 = [0,1000]×[0,1000] (fid 7), U2 = [1000,2000]×[0,1000] (fid 8).
# Population cells: a = [0,500]×[0,500] 100 (all U1); b = [750,1250]×[0,500] 200 (half each);
# c = [1500,2000]×[500,1000] 300 (U2). Residents: U1 100 + 100 = 200; U2 100 + 300 = 400.
# Shelters: s1 polygon centred (250, 750) area 300 (U1); s2 point (1600, 100) area 200 (U2);
# s3 point (900, 900) emergency area 50 (not counted); s4 point (5000, 5000) area 80 (no unit).
# U1: 300 / 200 = 1.5 → meets (bound included), deficit 0.
# U2: 200 / 400 = 0.5 → deficit 1.5·400 − 200 = 400.
# County: (300 + 200 + 80) / 600; share meeting = 200 / 600; total unit deficit 400.

def admin_case():
    units = frame({"town_id": ["U1", "U2"]}, [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], index=[7, 8])
    population = frame({"residents": [100.0, 200.0, 300.0]},
                       [box(0, 0, 500, 500), box(750, 0, 1250, 500), box(1500, 500, 2000, 1000)])
    shelters = frame({"type": ["fixed_long", "central", "emergency", "fixed_short"],
                      "area_m2": [300.0, 200.0, 50.0, 80.0]},
                     [box(200, 700, 300, 800), Point(1600, 100), Point(900, 900), Point(5000, 5000)])
    return shelters, population, units


def test_administrative_hand_computation():
    shelters, population, units = admin_case()
    result = analyse_shelters(shelters, population, method=METHOD_ADMINISTRATIVE, units=units)
    u = result.units
    assert u.index.tolist() == [7, 8]
    assert u["residents"].tolist() == pytest.approx([200, 400])
    assert u["shelter_area_m2"].tolist() == [300, 200]
    assert u["shelter_count"].tolist() == [1, 1]
    assert u["m2_per_capita"].tolist() == pytest.approx([1.5, 0.5])
    assert u["meets_target"].tolist() == [True, False]
    assert u["deficit_m2"].tolist() == pytest.approx([0, 400])
    s = result.summary
    assert s["county_m2_per_capita"] == pytest.approx(580 / 600)
    assert s["county_deficit_m2"] == pytest.approx(900 - 580)
    assert s["total_deficit_m2"] == pytest.approx(400)
    assert s["share_meeting_target"] == pytest.approx(200 / 600)
    assert s["shelters_outside_units"] == 1
    assert any("outside every unit" in w for w in result.warnings)


def test_administrative_needs_units():
    shelters, population, _units = admin_case()
    with pytest.raises(InputError, match="UNITS"):
        analyse_shelters(shelters, population, method=METHOD_ADMINISTRATIVE)


def test_units_with_catchment_aggregate_cells_by_area():
    shelters, population, units = admin_case()
    result = analyse_shelters(shelters, population, method=METHOD_CATCHMENT, units=units, radius=1000.0)
    u = result.units
    # catchment figures of each cell, apportioned like the residents: they add up to the county figures
    assert u["reach_meeting_residents"].sum() == pytest.approx(result.summary["residents_meeting_target"])
    assert u["reach_deficit_m2"].sum() == pytest.approx(result.summary["total_deficit_m2"])
    assert u["residents"].sum() == pytest.approx(600)


def test_network_method_uses_the_given_pairs():
    shelters, population = catchment_case()

    def pairs(demand_xy, supply_xy, radius):
        # a pretend network: only population point 3 reaches shelter B (index 1)
        return np.array([2]), np.array([1]), np.array([700.0])

    result = analyse_shelters(shelters, population, method=METHOD_NETWORK, network_pairs=pairs)
    assert result.population.loc[3, "m2_per_capita"] == pytest.approx(600 / 400)
    assert result.population["no_shelter"].tolist() == [True, True, False, True, True]
    with pytest.raises(InputError, match="ROADS"):
        analyse_shelters(shelters, population, method=METHOD_NETWORK)


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("column, value, words", [
    ("area_m2", np.nan, ["missing", "area_m2", "feature fid 11"]),
    ("area_m2", -5.0, ["negative", "area_m2", "feature fid 11"]),
    ("type", "shelter", ["unknown shelter type", "shelter", "type", "feature fid 11"]),
    ("type", None, ["empty", "type", "feature fid 11"]),
])
def test_bad_shelters_are_named(column, value, words):
    shelters, population = catchment_case()
    shelters[column] = shelters[column].astype(object)
    shelters.loc[11, column] = value
    with pytest.raises(InputError) as error:
        analyse_shelters(shelters, population, layer_names={"shelters": "my_shelters"})
    message = str(error.value)
    assert "layer 'my_shelters'" in message
    for word in words:
        assert word in message


def test_area_of_shelters_not_counted_is_not_checked():
    shelters, population = catchment_case()
    shelters.loc[12, "area_m2"] = np.nan  # the emergency shelter
    assert analyse_shelters(shelters, population).summary["shelters_counted"] == 3


@pytest.mark.parametrize("value, word", [(np.nan, "NULL"), (-1.0, "negative")])
def test_bad_population_is_named(value, word):
    shelters, population = catchment_case()
    population.loc[4, "residents"] = value
    with pytest.raises(InputError) as error:
        analyse_shelters(shelters, population, layer_names={"population": "pop"})
    assert "layer 'pop'" in str(error.value) and "feature fid 4" in str(error.value)
    assert "residents" in str(error.value) and word in str(error.value)


def test_missing_fields_and_geometry_are_named():
    shelters, population = catchment_case()
    with pytest.raises(InputError, match="'eff_area'"):
        analyse_shelters(shelters, population, area_field="eff_area")
    with pytest.raises(InputError, match="'people'"):
        analyse_shelters(shelters, population, population_field="people")
    population.loc[2, "geometry"] = None
    with pytest.raises(InputError, match="no geometry") as error:
        analyse_shelters(shelters, population)
    assert "feature fid 2" in str(error.value)


def test_negative_capacity_and_bad_parameters():
    shelters, population = catchment_case()
    shelters.loc[11, "capacity"] = -3
    with pytest.raises(InputError, match="capacity is negative"):
        analyse_shelters(shelters, population, capacity_field="capacity")
    shelters, population = catchment_case()
    with pytest.raises(InputError, match="TARGET"):
        analyse_shelters(shelters, population, target=0)
    with pytest.raises(InputError, match="RADIUS"):
        analyse_shelters(shelters, population, radius=-1.0)
    with pytest.raises(InputError, match="unknown shelter type"):
        analyse_shelters(shelters, population, types=["fixed_forever"])


# ---------------------------------------------------------------- the type table

def test_type_table_values_pinned():
    table = {t.code: (t.name_zh, t.counts_per_capita, t.radius_m) for t in DEFAULT_STANDARDS.types}
    assert table == {
        "emergency": ("紧急避难场所", False, 500.0),
        "fixed_short": ("短期固定避难场所", True, 1000.0),
        "fixed_medium": ("中期固定避难场所", True, 1500.0),
        "fixed_long": ("长期固定避难场所", True, 2500.0),
        "central": ("中心避难场所", True, 2500.0),
    }
    assert TARGET_M2_PER_CAPITA == 1.5 and MIN_SITE_AREA_M2 == 2000
    assert DEFAULT_STANDARDS.counting_codes() == ("fixed_short", "fixed_medium", "fixed_long", "central")
    from riskatlas.layers.schemas import SHELTER_TYPES

    assert DEFAULT_STANDARDS.codes == SHELTER_TYPES  # the table and the layer schema agree


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_type_table_round_trip_and_override(tmp_path, suffix):
    path = tmp_path / f"types.{suffix}"
    write_shelter_standards(str(path))
    assert load_shelter_standards(str(path)).types == DEFAULT_STANDARDS.types
    if suffix == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        data["types"][0]["radius_m"] = 300
        data["types"][0]["counts_per_capita"] = True
        data["target_m2_per_capita"] = 2.0
        path.write_text(json.dumps(data), encoding="utf-8")
        standards = load_shelter_standards(str(path))
        assert standards.get("emergency").radius_m == 300 and standards.target_m2_per_capita == 2.0
        assert "emergency" in standards.counting_codes()
        shelters, population = catchment_case()
        result = analyse_shelters(shelters, population, standards=standards)
        assert result.target == 2.0 and 12 in result.shelters.index


def test_type_table_bad_rows_are_named(tmp_path):
    path = tmp_path / "types.csv"
    path.write_text("code,name_zh,name_en,counts_per_capita,radius_m\nfixed_short,短期,Short,maybe,1000\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="types.csv row 1: counts_per_capita"):
        load_shelter_standards(str(path))
    path.write_text("code,counts_per_capita,radius_m\nfixed_short,true,-4\n", encoding="utf-8")
    with pytest.raises(ValueError, match="radius_m must be a positive"):
        load_shelter_standards(str(path))


def test_pairs_are_never_dense():
    # 20 000 × 500 would be 10⁷ pairs dense; at 50 m radius only the few close ones are kept
    rng = np.random.default_rng(0)
    demand_xy = rng.uniform(0, 100_000, (20_000, 2))
    supply_xy = rng.uniform(0, 100_000, (500, 2))
    di, si, dist = catchment_pairs(demand_xy, supply_xy, 50.0)
    assert len(di) < 1000
    brute = np.hypot(*(demand_xy[di] - supply_xy[si]).T)
    assert dist == pytest.approx(brute) and (dist <= 50).all()
    # and none is missed: check one shelter by brute force
    near = np.flatnonzero(np.hypot(*(demand_xy - supply_xy[0]).T) <= 50)
    assert sorted(di[si == 0].tolist()) == near.tolist()



# ---------------------------------------------------------------- straight-line reach: grid search vs brute force

def brute_pairs(demand_xy, supply_xy, radius):
    """Every pair with sqrt(dx² + dy²) ≤ radius (inclusive), from the dense distance table."""
    demand_xy, supply_xy = np.asarray(demand_xy, float), np.asarray(supply_xy, float)
    dx = demand_xy[:, None, 0] - supply_xy[None, :, 0]
    dy = demand_xy[:, None, 1] - supply_xy[None, :, 1]
    dist = np.sqrt(dx * dx + dy * dy)
    di, si = np.nonzero(dist <= np.broadcast_to(np.asarray(radius, float), (len(supply_xy),))[None, :])
    return di, si, dist[di, si]


def reach_cases():
    rng = np.random.default_rng(11)
    lattice = np.stack(np.meshgrid(np.arange(60.0), np.arange(60.0)), -1).reshape(-1, 2)
    gk = np.array([39_500_000.0, 4_400_000.0])  # Gauss-Krüger coordinates with the zone number
    clustered = np.r_[rng.normal(0, 300, (3000, 2)), [[2e6, 2e6], [-2e6, 1e6]]]  # cells enlarged by the cap
    return {
        "uniform": (rng.uniform(0, 20_000, (3000, 2)), rng.uniform(-1000, 21_000, (120, 2)), 1500.0),
        "per-type radii": (rng.uniform(0, 20_000, (3000, 2)), rng.uniform(0, 20_000, (120, 2)),
                           rng.choice([500.0, 1000.0, 1500.0, 2500.0], 120)),
        # integer lattices: many points at exactly the radius (3-4-5, 6-8-10, 5-12-13 ...)
        "lattice ties": (lattice, lattice[rng.choice(len(lattice), 80)], 5.0),
        "lattice ties, mixed radii": (lattice, lattice[rng.choice(len(lattice), 80)],
                                      rng.choice([5.0, 10.0, 13.0, 25.0], 80)),
        "half-offset shelters": (lattice, lattice[rng.choice(len(lattice), 80)] + 0.5, 7.5),
        "lattice ties, GK offset": (lattice * 100 + gk, lattice[rng.choice(len(lattice), 80)] * 100 + gk, 1000.0),
        "clustered with far outliers": (clustered, rng.normal(0, 300, (60, 2)), 400.0),
        "radius 0 and negative": (lattice, lattice[:30], np.r_[np.zeros(15), np.full(15, -1.0)]),
    }


@pytest.mark.parametrize("name", list(reach_cases()))
def test_catchment_pairs_equal_brute_force_with_ties_included(name):
    demand_xy, supply_xy, radius = reach_cases()[name]
    di, si, dist = catchment_pairs(demand_xy, supply_xy, radius)
    bd, bs, bdist = brute_pairs(demand_xy, supply_xy, radius)
    ours = dict(zip(zip(di.tolist(), si.tolist()), dist.tolist()))
    assert len(ours) == len(di) and len(bd) > 0  # each pair once, and the case has pairs
    assert ours == dict(zip(zip(bd.tolist(), bs.tolist()), bdist.tolist()))  # same pairs, same float distances
    if name.startswith("lattice ties"):
        ties = int(np.sum(bdist == np.broadcast_to(np.asarray(radius, float), (len(supply_xy),))[bs]))
        assert ties > 50  # many pairs at exactly the radius, all kept


@pytest.mark.parametrize("name", list(reach_cases()))
def test_two_step_fca_equals_the_sums_over_every_pair(name):
    demand_xy, supply_xy, radius = reach_cases()[name]
    rng = np.random.default_rng(5)
    demand = rng.uniform(0, 40, len(demand_xy)) * (rng.random(len(demand_xy)) > 0.1)  # fractions and zeros
    supply = rng.uniform(100, 50_000, len(supply_xy))
    bd, bs, _d = brute_pairs(demand_xy, supply_xy, radius)
    expected = fca_from_pairs(bd, bs, demand, supply)
    got = two_step_fca(demand_xy, demand, supply_xy, supply, radius)
    assert got.n_pairs == len(bd)
    assert np.array_equal(got.shelters_in_reach, expected.shelters_in_reach)
    np.testing.assert_allclose(got.served, expected.served, rtol=1e-12, atol=0)
    np.testing.assert_allclose(got.m2_per_served, expected.m2_per_served, rtol=1e-12, atol=0)  # NaN where unserved
    np.testing.assert_allclose(got.m2_per_capita, expected.m2_per_capita, rtol=1e-12, atol=0)  # NaN where no residents
    unreached = (expected.shelters_in_reach == 0) & (demand > 0)
    assert (got.m2_per_capita[unreached] == 0).all()  # exactly 0, not a rounding residue


def test_kdtree_fallback_gives_the_same_pairs_and_figures(monkeypatch):
    """Where the cell grid would test too many points (cells enlarged by the cap around clustered
    points), the k-d tree search takes over: same pairs, distances and figures."""
    from riskatlas.core.shelter_capacity import fca

    monkeypatch.setattr(fca, "too_many_candidates", lambda *args: True)
    for name in ("uniform", "per-type radii", "lattice ties, mixed radii"):
        demand_xy, supply_xy, radius = reach_cases()[name]
        di, si, dist = catchment_pairs(demand_xy, supply_xy, radius)
        bd, bs, bdist = brute_pairs(demand_xy, supply_xy, radius)
        assert dict(zip(zip(di.tolist(), si.tolist()), dist.tolist())) == dict(
            zip(zip(bd.tolist(), bs.tolist()), bdist.tolist()))
        demand = np.arange(len(demand_xy), dtype=float) % 7
        supply = np.linspace(1000.0, 9000.0, len(supply_xy))
        got = two_step_fca(demand_xy, demand, supply_xy, supply, radius)
        expected = fca_from_pairs(bd, bs, demand, supply)
        assert np.array_equal(got.shelters_in_reach, expected.shelters_in_reach)
        np.testing.assert_allclose(got.m2_per_capita, expected.m2_per_capita, rtol=1e-12, atol=0)


def test_two_step_fca_counts_a_resident_at_exactly_the_radius():
    # (300, 400) is exactly 500 m from the shelter; (300, 400.001) is not
    fca = two_step_fca([[300.0, 400.0], [300.0, 400.001], [0.0, 0.0]], [10.0, 20.0, 30.0],
                       [[0.0, 0.0]], [800.0], 500.0)
    assert fca.served.tolist() == [40.0]
    assert fca.shelters_in_reach.tolist() == [1, 0, 1]
    assert fca.m2_per_capita.tolist() == [20.0, 0.0, 20.0]



# ---------------------------------------------------------------- walking distance (METHOD 2)

def grid_roads(size=2000, step=100):
    from shapely.geometry import LineString

    ticks = np.arange(0, size + step, step, dtype=float)
    lines = [LineString([(x, y) for x in ticks]) for y in ticks]  # a vertex at every crossing
    lines += [LineString([(x, y) for y in ticks]) for x in ticks]
    return lines


def test_walking_pairs_on_a_grid_are_manhattan_distances():
    from riskatlas.core.network import build_network
    from riskatlas.core.shelter_capacity import walking_pairs

    rng = np.random.default_rng(11)
    demand_xy = rng.integers(0, 21, (300, 2)) * 100.0
    supply_xy = rng.integers(0, 21, (25, 2)) * 100.0
    radius = rng.choice([750.0, 1250.0], 25)
    network = build_network(grid_roads())
    di, si, dist = walking_pairs(network, demand_xy, supply_xy, radius, batch_elements=5000)  # many batches
    manhattan = np.abs(demand_xy[:, None, :] - supply_xy[None, :, :]).sum(axis=2)
    expect_d, expect_s = np.nonzero(manhattan <= radius[None, :])
    assert sorted(zip(di.tolist(), si.tolist())) == sorted(zip(expect_d.tolist(), expect_s.tolist()))
    assert dist == pytest.approx(manhattan[di, si], abs=1e-9)


def test_network_method_end_to_end_on_a_grid():
    rng = np.random.default_rng(12)
    demand_xy = rng.integers(0, 21, (200, 2)) * 100.0
    supply_xy = rng.integers(0, 21, (15, 2)) * 100.0
    demand = rng.integers(1, 900, 200).astype(float)
    supply = rng.uniform(2000, 20000, 15)
    shelters = frame({"type": ["fixed_short"] * 15, "area_m2": supply}, [Point(*p) for p in supply_xy])
    population = frame({"residents": demand}, [Point(*p) for p in demand_xy])
    from riskatlas.core.shelter_capacity import network_pairs_function

    result = analyse_shelters(shelters, population, method=METHOD_NETWORK, radius=950.0,
                              network_pairs=network_pairs_function(grid_roads()))
    manhattan = np.abs(demand_xy[:, None, :] - supply_xy[None, :, :]).sum(axis=2)
    d_idx, s_idx = np.nonzero(manhattan <= 950.0)
    served = np.bincount(s_idx, weights=demand[d_idx], minlength=15)
    ratio = np.divide(supply, served, out=np.zeros(15), where=served > 0)
    expected = np.bincount(d_idx, weights=ratio[s_idx], minlength=200)
    assert result.population["m2_per_capita"].to_numpy() == pytest.approx(expected, abs=1e-9)
    assert result.shelters["served_residents"].to_numpy() == pytest.approx(served)
    # walking is longer than straight: fewer pairs than the straight-line catchment
    straight = analyse_shelters(shelters, population, radius=950.0)
    assert result.summary["pairs_in_reach"] < straight.summary["pairs_in_reach"]


def test_walking_counts_the_off_road_legs_and_follows_the_roads():
    from shapely.geometry import LineString

    from riskatlas.core.network import build_network
    from riskatlas.core.shelter_capacity import walking_pairs

    # an L-shaped road (0,0) → (1000,0) → (1000,1000) and a separate road far away
    network = build_network([LineString([(0, 0), (1000, 0), (1000, 1000)]),
                             LineString([(5000, 5000), (6000, 5000)])])
    shelter = [[0, 10]]  # 10 m off the road, at its start
    demand = [[400, -20],  # same segment: 10 + 400 + 20 = 430
              [1030, 900],  # round the corner: 10 + 1000 + 900 + 30 = 1940 (straight line 1345)
              [5500, 5000],  # on a road that does not connect
              [200, 3000]]  # nowhere near a road (not snapped within the radius)
    di, si, dist = walking_pairs(network, demand, shelter, 2000.0)
    assert dict(zip(di.tolist(), dist.tolist())) == pytest.approx({0: 430.0, 1: 1940.0})
    stats = {}
    di, si, dist = walking_pairs(network, demand, shelter, 1939.0, stats=stats)
    assert di.tolist() == [0]
    assert stats["demand_off_network"] == 1


def test_two_shelter_layers_polygons_and_points():
    shelters, population = catchment_case()
    polygons, points = shelters.loc[[10]], shelters.loc[[11, 12, 13]]
    points.index = pd.Index([10, 11, 12], name="fid")  # feature ids repeat across layers
    result = analyse_shelters([polygons, points], population, capacity_field="capacity",
                              layer_names={"shelters": ["sites", "points"]})
    single = analyse_shelters(shelters, population, capacity_field="capacity")
    assert result.population["m2_per_capita"].equals(single.population["m2_per_capita"])
    shel = result.shelters
    assert shel["source_layer"].tolist() == [0, 1, 1] and shel["source_fid"].tolist() == [10, 10, 12]
    assert shel["served_residents"].tolist() == single.shelters["served_residents"].tolist()
    points.loc[11, "area_m2"] = -1.0  # the emergency point is not counted: no error
    points.loc[10, "area_m2"] = -1.0
    with pytest.raises(InputError, match="layer 'points'; feature fid 10"):
        analyse_shelters([polygons, points], population, layer_names={"shelters": ["sites", "points"]})


def test_expressways_are_not_walked():
    from riskatlas.core.shelter_capacity import walkable

    assert walkable(["expressway", "local", None, "Expressway ", "primary"]).tolist() == [False, True, True, False,
                                                                                          True]
