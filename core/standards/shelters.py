"""Emergency-shelter types and planning figures, kept as data (a newer or local table can replace them).

Sources (clause numbers as cited in public copies; check them against the official text
before relying on a value in a statutory plan):

* GB 51143-2015 《防灾避难场所设计规范》 §3.1.4: shelters are 紧急避难场所 (emergency),
  固定避难场所 (fixed: 短期 short-, 中期 medium-, 长期 long-term) and 中心避难场所 (central).
  Its table of responsibility-area indicators gives the evacuation (walking) distance to the
  shelter: emergency ≤ 0.5 km, short-term fixed ≤ 1.0 km, medium-term fixed ≤ 1.5 km,
  long-term fixed ≤ 2.5 km — the default service radii below.
* GB 21734-2008 《地震应急避难场所 场址及配套设施》: a site's effective area should exceed
  2000 m², more than 1.5 m² of effective area per sheltered person, service radius
  500 m – 2500 m (the same span as the radii below).
* GB/T 44013-2024 《应急避难场所 分级及分类》: grades and classes by refuge duration
  (紧急 / 短期 / 中期 / 长期), effective area per person, capacity and service radius. Its
  classes map one-to-one onto the codes below (central = a long-term shelter with city-level
  command, stores and medical functions).
* County 十四五 emergency plans: 城镇人均固定避难场所面积 ≥ 1.5 m² = effective area of
  fixed (and central) shelters ÷ urban residents; emergency shelters do not count.
* Central shelters: no resident walking distance is set for their city-level role; the
  default radius (2500 m, as a long-term fixed shelter) is a planning choice of this plugin.
* Emergency shelters: 500 m (≈ 10 min walk) is also the radius used by provincial plans
  (e.g. Guangdong's shelter planning outline).

A newer or local table can replace these defaults: ``load_shelter_standards(path)`` reads a
CSV or JSON file with the columns of ``ShelterType`` (``write_shelter_standards`` writes the
defaults as a template).
"""
import csv
import json
import math
import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ..values import to_bool

TARGET_M2_PER_CAPITA = 1.5  # m² of fixed-shelter effective area per urban resident (county plans; GB 21734 > 1.5)
MIN_SITE_AREA_M2 = 2000.0  # GB 21734-2008: a site's effective area should exceed 2000 m²
FIXED_CAPACITY_SHARE = 0.15  # fixed shelters should hold ≥ 15 % of the planned population
NOT_WALKABLE_CLASSES = ("expressway",)  # road classes people do not walk along to a shelter (a project choice)


@dataclass(frozen=True)
class ShelterType:
    """One shelter type of the table. ``counts_per_capita``: its effective area counts toward
    the per-capita indicator (fixed and central shelters); ``radius_m``: default service radius."""

    code: str
    name_zh: str
    name_en: str
    counts_per_capita: bool
    radius_m: float
    radius_source: str = ""


DEFAULT_SHELTER_TYPES = (
    ShelterType("emergency", "紧急避难场所", "Emergency shelter", False, 500.0,
                "GB 51143-2015 evacuation distance ≤ 0.5 km; ≈ 10 min walk"),
    ShelterType("fixed_short", "短期固定避难场所", "Fixed shelter, short term", True, 1000.0,
                "GB 51143-2015 evacuation distance ≤ 1.0 km"),
    ShelterType("fixed_medium", "中期固定避难场所", "Fixed shelter, medium term", True, 1500.0,
                "GB 51143-2015 evacuation distance ≤ 1.5 km"),
    ShelterType("fixed_long", "长期固定避难场所", "Fixed shelter, long term", True, 2500.0,
                "GB 51143-2015 evacuation distance ≤ 2.5 km"),
    ShelterType("central", "中心避难场所", "Central shelter", True, 2500.0,
                "planning choice: as a long-term fixed shelter (no resident distance in GB 51143)"),
)


@dataclass(frozen=True)
class ShelterStandards:
    """The type table plus the global planning figures (target, minimum site area)."""

    types: tuple = DEFAULT_SHELTER_TYPES
    target_m2_per_capita: float = TARGET_M2_PER_CAPITA
    min_site_area_m2: float = MIN_SITE_AREA_M2
    source: str = "built-in (GB 51143-2015, GB 21734-2008, GB/T 44013-2024)"

    def __post_init__(self) -> None:
        codes = [t.code for t in self.types]
        if len(set(codes)) != len(codes):
            raise ValueError(f"shelter type codes repeat: {codes}")

    @property
    def codes(self) -> tuple[str, ...]:
        """The type codes, in table order."""
        return tuple(t.code for t in self.types)

    def get(self, code: str) -> ShelterType:
        """The type of a code (KeyError when unknown)."""
        for shelter_type in self.types:
            if shelter_type.code == code:
                return shelter_type
        raise KeyError(code)

    def counting_codes(self) -> tuple[str, ...]:
        """Codes whose area counts toward the per-capita indicator (fixed and central by default)."""
        return tuple(t.code for t in self.types if t.counts_per_capita)


DEFAULT_STANDARDS = ShelterStandards()

_COLUMNS = tuple(f.name for f in fields(ShelterType))


def _to_bool(value: Any, where: str) -> bool:
    try:
        flag = to_bool(value)
    except ValueError:
        flag = None
    if flag is None:
        raise ValueError(f"{where}: counts_per_capita must be true/false, got {value!r}")
    return flag


def _shelter_type(record: dict[str, Any], where: str) -> ShelterType:
    missing = [c for c in ("code", "counts_per_capita", "radius_m") if c not in record or record[c] in (None, "")]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    try:
        radius = float(record["radius_m"])
    except (TypeError, ValueError):
        raise ValueError(f"{where}: radius_m must be a number, got {record['radius_m']!r}") from None
    if not math.isfinite(radius) or radius <= 0:
        raise ValueError(f"{where}: radius_m must be a positive number of metres, got {record['radius_m']!r}")
    code = str(record["code"]).strip()
    return ShelterType(code=code, name_zh=str(record.get("name_zh") or code),
                       name_en=str(record.get("name_en") or code),
                       counts_per_capita=_to_bool(record["counts_per_capita"], where), radius_m=radius,
                       radius_source=str(record.get("radius_source") or ""))


def load_shelter_standards(path: str) -> ShelterStandards:
    """A ShelterStandards from a CSV (one row per type, columns of ShelterType) or a JSON file
    (``{"types": [...], "target_m2_per_capita": 1.5, "min_site_area_m2": 2000}`` or a bare list
    of types). Raises ValueError naming the file and row on bad content."""
    name = os.path.basename(path)
    extra = {}
    if path.lower().endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        records = data.get("types") if isinstance(data, dict) else data
        if isinstance(data, dict):
            for key in ("target_m2_per_capita", "min_site_area_m2"):
                if key in data:
                    extra[key] = float(data[key])
        if not isinstance(records, list):
            raise ValueError(f"{name}: expected a list of shelter types")
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            records = list(csv.DictReader(handle))
    if not records:
        raise ValueError(f"{name}: no shelter types")
    types = tuple(_shelter_type(r, f"{name} row {i + 1}") for i, r in enumerate(records))
    return ShelterStandards(types=types, source=os.path.abspath(path), **extra)


def write_shelter_standards(path: str, standards: ShelterStandards = DEFAULT_STANDARDS) -> None:
    """Write the table as CSV or JSON (by extension): a template to edit and load back."""
    rows = [asdict(t) for t in standards.types]
    if path.lower().endswith(".json"):
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"target_m2_per_capita": standards.target_m2_per_capita,
                       "min_site_area_m2": standards.min_site_area_m2, "types": rows},
                      handle, ensure_ascii=False, indent=2)
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def with_target(standards: ShelterStandards, target: float) -> ShelterStandards:
    """The same table with another per-capita target."""
    return replace(standards, target_m2_per_capita=float(target))
