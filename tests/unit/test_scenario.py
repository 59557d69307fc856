"""core.scenario: planned stations and shelters added to the existing ones (the full assessment's PROPOSED_*)."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from riskatlas.core import messages
from riskatlas.core.errors import InputError
from riskatlas.core.scenario import Planned, add_planned

CRS = "EPSG:4549"


def _stations():
    return gpd.GeoDataFrame({"station_id": ["FS01", "FS02"], "name": ["城关站", "滨海站"], "class": ["class1", "small"],
                             "turnout_min": [1.0, 0.5]}, geometry=shapely.points([0.0, 10.0], [0.0, 10.0]), crs=CRS)


def _sites(**columns):
    """Fire-station siting's OUTPUT as it writes it (rank, site_id, road_id, added_residents …), fids 7 and 9."""
    values = {"rank": [2, 1], "site_id": ["C0376", "C0715"], "road_id": ["R1", "R2"],
              "added_residents": [21502.0, 39121.0]}
    values.update(columns)
    return gpd.GeoDataFrame(values, geometry=shapely.points([5.0, 6.0], [5.0, 6.0]), crs=CRS, index=[7, 9])


def _planned(frame, **extra):
    return Planned(frame, "sites", ("station_id", "site_id", "id"), "规划站 {rank}", defaults={"class": "class1"},
                   **extra)


def test_siting_sites_join_the_stations_as_they_are():
    merged = add_planned(_stations(), "fire_stations", "station_id", _planned(_sites()), numeric=("turnout_min",))
    assert list(merged["station_id"]) == ["FS01", "FS02", "C0376", "C0715"]
    assert list(merged["proposed"]) == [0, 0, 1, 1]
    assert list(merged["name"]) == ["城关站", "滨海站", "规划站 2", "规划站 1"]  # by rank, not order
    assert list(merged["class"]) == ["class1", "small", "class1", "class1"]
    assert merged["turnout_min"].iloc[2] is None  # the run's DEFAULT_TURNOUT applies
    assert list(merged.columns) == ["station_id", "name", "class", "turnout_min", "proposed", "geometry"]
    assert shapely.equals(merged.geometry.values[3], shapely.Point(6.0, 6.0))


def test_own_values_are_kept_and_ids_made_up_without_an_id_field():
    sites = _sites(name=["新区站", None], turnout_min=["1.5", None]).drop(columns="site_id")
    merged = add_planned(_stations(), "fire_stations", "station_id", _planned(sites), numeric=("turnout_min",))
    assert list(merged["station_id"])[2:] == ["P2", "P1"]
    assert list(merged["name"])[2:] == ["新区站", "规划站 1"]
    assert merged["turnout_min"].iloc[2] == 1.5


def test_a_planned_id_already_taken_stops_naming_feature_and_field():
    with pytest.raises(InputError) as error:
        add_planned(_stations(), "fire_stations", "station_id", _planned(_sites(site_id=["C1", "FS02"])))
    assert error.value.template == messages.PLANNED_ID_TAKEN
    assert "FS02 (fid 9)" in str(error.value) and "site_id" in str(error.value) and "sites" in str(error.value)


def test_a_repeated_planned_id_stops():
    with pytest.raises(InputError) as error:
        add_planned(_stations(), "fire_stations", "station_id", _planned(_sites(site_id=["C1", "C1"])))
    assert error.value.template == messages.DUPLICATE_KEY
    assert error.value.feature_ids == [7, 9]


def _shelters():
    return gpd.GeoDataFrame({"shelter_id": ["S01"], "name": ["公园"], "type": ["fixed_short"], "area_m2": [2500.0]},
                            geometry=[shapely.box(0, 0, 10, 10)], crs=CRS)


def _planned_shelters(frame):
    return Planned(frame, "new_shelters", ("shelter_id", "site_id", "id"), "规划避难场所 {rank}",
                   needs=("area_m2", "type"), aliases={"area_m2": ("有效避难面积(m²)", "Effective area (m²)"),
                                                       "type": ("类型", "Type")})


def test_a_planned_shelter_needs_its_area():
    frame = gpd.GeoDataFrame({"shelter_id": ["N1"], "type": ["fixed_long"]}, geometry=[shapely.box(20, 0, 30, 10)],
                             crs=CRS, index=[3])
    with pytest.raises(InputError) as error:
        add_planned(_shelters(), "shelters", "shelter_id", _planned_shelters(frame), numeric=("area_m2",))
    assert error.value.template == messages.REQUIRED_FIELD_MISSING and error.value.field == "area_m2"
    frame["area_m2"] = [np.nan]
    with pytest.raises(InputError) as error:
        add_planned(_shelters(), "shelters", "shelter_id", _planned_shelters(frame), numeric=("area_m2",))
    assert error.value.template == messages.REQUIRED_VALUE_EMPTY and "N1 (fid 3)" in str(error.value)
    frame["area_m2"] = ["很大"]
    with pytest.raises(InputError) as error:
        add_planned(_shelters(), "shelters", "shelter_id", _planned_shelters(frame), numeric=("area_m2",))
    assert error.value.template == messages.NOT_A_NUMBER and error.value.field == "area_m2"
    frame["area_m2"] = ["4000"]
    merged = add_planned(_shelters(), "shelters", "shelter_id", _planned_shelters(frame), numeric=("area_m2",))
    assert list(merged["area_m2"]) == [2500.0, 4000.0] and list(merged["name"]) == ["公园", "规划避难场所 1"]
