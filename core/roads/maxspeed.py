"""Posted speed limits (OSM ``maxspeed`` and ledgers' 限速) in km/h.

Accepted (after NFKC, so full-width digits read; case and spaces ignored):

* a number: ``60``, ``60.5`` — km/h;
* a number and a unit: ``60 km/h``, ``60kmh``, ``60 kph``, ``60公里/小时``, ``60千米/小时``, ``60 公里``;
  ``30 mph`` (× 1.609344); ``10 knots`` (× 1.852);
* several values ``60;80`` (per lane or by time): the lowest, so that no road gets faster;
* the implied national limits of China ``CN:urban``, ``CN:rural``, ``CN:motorway`` (and the same
  with ``zone``/``zone:`` spellings such as ``CN:zone30`` → 30): 《道路交通安全法实施条例》第四十五条
  (a road with one lane each way: 城市道路 50, 公路 70 km/h) and 第七十八条 (高速公路 at most 120 km/h).

``none``, ``signals``, ``variable``, ``walk``, ``unposted`` give no number (status ``none``): the
class speed applies. Anything else is ``unknown`` (the class speed applies; callers count and
warn). A limit of 0 or less is ``unknown`` too.
"""
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MPH_KMH = 1.609344
KNOT_KMH = 1.852
IMPLICIT_MAXSPEED_KMH = {"cn:urban": 50.0, "cn:rural": 70.0, "cn:motorway": 120.0}
NO_NUMBER_WORDS = ("none", "signals", "variable", "walk", "unposted", "no")
_UNITS = {"": 1.0, "km/h": 1.0, "kmh": 1.0, "kph": 1.0, "km/hr": 1.0, "km": 1.0, "公里/小时": 1.0, "公里/时": 1.0,
          "千米/小时": 1.0, "千米/时": 1.0, "公里": 1.0, "mph": MPH_KMH, "knots": KNOT_KMH, "kn": KNOT_KMH}
NUMBER, IMPLICIT, NO_NUMBER, UNKNOWN, EMPTY = "number", "implicit", "none", "unknown", "empty"


@dataclass(frozen=True)
class MaxSpeeds:
    """``kmh`` per value (NaN where no number) and its ``status``: number, implicit, none,
    unknown or empty."""

    kmh: np.ndarray
    status: np.ndarray

    def count(self, status: str) -> int:
        return int((self.status == status).sum())


def parse_maxspeed(values: npt.ArrayLike) -> MaxSpeeds:
    """Posted limits in km/h (see module doc); each distinct value read once (a road layer holds a
    few dozen among a million roads), missing values empty."""
    import pandas as pd

    raw = np.asarray(values, dtype=object).ravel()
    missing = pd.isna(raw)
    kmh, status = np.full(len(raw), np.nan), np.full(len(raw), EMPTY, dtype="<U8")
    if not missing.all():
        distinct, inverse = np.unique(raw[~missing].astype(str), return_inverse=True)
        read = _parse_distinct(distinct)
        kmh[~missing], status[~missing] = read.kmh[inverse], read.status[inverse]
    return MaxSpeeds(kmh, status)


def _parse_distinct(values: np.ndarray) -> MaxSpeeds:
    import pandas as pd

    raw = pd.Series(values, dtype=object)
    blank = raw.map(lambda v: v is None or (isinstance(v, float) and np.isnan(v)))
    text = raw.where(~blank, "").astype(str).str.normalize("NFKC").str.lower().str.replace(r"\s+", "", regex=True)
    blank |= text.eq("")
    parts = text.str.split(";").explode()
    found = parts.str.extract(r"^(\d+(?:\.\d+)?)([^\d].*)?$")
    factor = found[1].fillna("").map(_UNITS)
    kmh = pd.to_numeric(found[0], errors="coerce") * factor
    zone = parts.str.extract(r"^[a-z]{2}:zone:?(\d+)$")[0]
    kmh = kmh.fillna(pd.to_numeric(zone, errors="coerce"))
    implicit = parts.map(IMPLICIT_MAXSPEED_KMH)
    kmh = kmh.fillna(implicit).where(lambda s: s > 0)
    lowest = kmh.groupby(level=0).min()
    any_implicit = implicit.notna().groupby(level=0).any()
    no_number = parts.isin(NO_NUMBER_WORDS).groupby(level=0).all()
    number = lowest.notna().to_numpy()
    status = np.full(len(raw), UNKNOWN, dtype="<U8")
    status[no_number.to_numpy()] = NO_NUMBER
    status[number] = NUMBER
    status[number & any_implicit.to_numpy()] = IMPLICIT
    status[blank.to_numpy()] = EMPTY
    return MaxSpeeds(np.where(blank.to_numpy(), np.nan, lowest.to_numpy(dtype=np.float64)), status)
