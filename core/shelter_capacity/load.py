"""Load per shelter: residents served, area per served person, overload and capacity."""
import numpy as np
import pandas as pd

from ..standards.shelters import ShelterStandards
from .fca import MEETS_TOLERANCE, FcaResult


def shelter_load_frame(table: pd.DataFrame, fca: FcaResult, target: float,
                       standards: ShelterStandards) -> pd.DataFrame:
    """Per counted shelter (the prepared table's index): served residents (2SFCA D_j), m² per
    served person (R_j), ``overloaded`` when R_j is below the target (within MEETS_TOLERANCE) or
    the served residents exceed its capacity, ``over_capacity`` (NULL without a capacity) and
    ``below_min_area`` (effective area below the standard's minimum site area)."""
    capacity = table["capacity"].to_numpy()
    with np.errstate(invalid="ignore"):
        over_capacity = np.where(np.isnan(capacity), np.nan, (fca.served > capacity).astype(float))
    short_area = (fca.served > 0) & (np.nan_to_num(fca.m2_per_served, nan=np.inf) < target * (1 - MEETS_TOLERANCE))
    overloaded = short_area | (over_capacity == 1)
    return pd.DataFrame({
        **({"source_layer": table["source_layer"].to_numpy(), "source_fid": table["source_fid"].to_numpy()}
           if "source_layer" in table.columns else {}),
        "type": table["type"].to_numpy(),
        "eff_area_m2": table["eff_area_m2"].to_numpy(),
        "radius_m": table["radius_m"].to_numpy(),
        "served_residents": fca.served,
        "m2_per_served": fca.m2_per_served,
        "overloaded": overloaded,
        "over_capacity": pd.array(np.where(np.isnan(over_capacity), None, over_capacity == 1), dtype="boolean"),
        "below_min_area": table["eff_area_m2"].to_numpy() < standards.min_site_area_m2,
    }, index=table.index)
