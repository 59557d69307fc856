"""layers.reach_inputs: the stations' and residents' values read as validateinputs reads them."""
from types import SimpleNamespace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from riskatlas.core.errors import InputError
from riskatlas.layers.reach_inputs import residents, station_inputs


def stations(**columns):
    n = len(next(iter(columns.values())))
    gdf = gpd.GeoDataFrame(columns, geometry=shapely.points(np.arange(n), np.zeros(n)),
                           index=pd.Index(np.arange(10, 10 + n), name="fid"))
    return SimpleNamespace(gdf=gdf, name="stations")


def test_suburban_words_are_the_validation_words():
    frame = stations(station_id=["A", "B", "C", "D", None], suburban=["否", "n", "f", "是", None],
                     turnout_min=["1.5", None, 2, "", 0.5])
    read = station_inputs(frame, "station_id", None, "turnout_min", "suburban")
    assert read.suburban.tolist() == [False, False, False, True, False]
    assert np.allclose(read.turnout, [1.5, np.nan, 2, np.nan, 0.5], equal_nan=True)
    assert read.ids.tolist() == ["A", "B", "C", "D", "fid 14"]


def test_unknown_suburban_and_text_turnout_name_the_station():
    with pytest.raises(InputError, match=r"stations.*feature fid 11.*suburban"):
        station_inputs(stations(suburban=["是", "maybe"]), None, None, None, "suburban")
    with pytest.raises(InputError, match=r"feature fid 10.*turnout_min"):
        station_inputs(stations(turnout_min=["one"]), None, None, "turnout_min", None)


def test_residents_refuse_negative_values():
    frame = stations(residents=[10.0, -1.0])
    with pytest.raises(InputError, match=r"feature fid 11.*residents"):
        residents(frame, "residents")
