"""Fire-engine speeds by road class: the SPEED_PRESET tables of riskatlas:firestationreach.

No standard gives the speed of a fire engine. The presets (the SPEED_PRESET enum, in this order):

0. ``urban_60_50_40`` — the project's preset for the schema's six classes: expressway/trunk 60,
   primary/secondary 50, tertiary/local 40 km/h.
1. ``osm_highway`` — OpenStreetMap ``highway=*`` values (motorway … service, the ``*_link`` ramps).
2. ``cn_highway`` — Chinese highways: the technical grades of JTG B01-2014 (高速公路, 一级…四级公路,
   coded 1–4; 等外公路) and the administrative classes (国道, 省道, 县道, 乡道, 村道, 专用公路).
3. ``cn_urban`` — urban roads of CJJ 37-2012 (快速路, 主干路, 次干路, 支路; coded 1–4 in this preset).

Each table also reads the template's English classes (its rows' aliases: expressway as 高速公路 /
快速路 / motorway, trunk as 一级公路 / 主干路 …), so any preset runs on any roads layer.

Presets 1–3 are data files (``speed_tables/*.csv``); a planner's own table in the same columns (or
JSON) loads with ``load_speed_table`` (the SPEED_TABLE parameter). Their speeds are
``factor × design_kmh``:

* design speeds — JTG B01-2014《公路工程技术标准》(各级公路设计速度): 高速公路 120/100/80,
  一级公路 100/80/60, 二级公路 80/60, 三级公路 40/30, 四级公路 30/20 km/h; CJJ 37-2012《城市道路工程
  设计规范》§3.2.2: 快速路 100/80/60, 主干路 60/50/40, 次干路 50/40/30, 支路 40/30/20 km/h. A class
  takes its highest value (the standard's value for easy terrain); ramps (``*_link``) and minor
  roads (村道, living streets, service roads) the lowest, as they are built to the low end.
* ``FIRE_ENGINE_FACTOR`` 0.7 — a project choice, not a standard's number: a laden fire engine
  slows for junctions, bends and traffic and keeps well below design speed. It gives an urban
  arterial (主干路, 60 km/h design) 42 km/h and a branch road (支路) 28 km/h.
* administrative classes take the technical grade they are usually built to (a project choice):
  国道 一级, 省道 二级, 县道 三级, 乡道 四级, 村道 四级 at 20 km/h.
* OSM values take the Chinese class the OpenStreetMap Wiki's *Chinese tagging guidelines* (Road
  types) give them: motorway 高速公路, national to village routes trunk (国道) → primary (省道) →
  secondary (县道) → tertiary (乡道) → unclassified (村道); residential as 支路. The template's English
  classes read as their OSM namesakes (expressway as motorway, local as residential). Footways, paths,
  cycleways, steps, tracks … have speed 0: left out of the network, as are lines with another or
  no ``highway`` value (the waterways and railways of a GDAL OSM ``lines`` layer).
* a parseable ``maxspeed`` (a posted limit: ``core.roads.maxspeed``) replaces the class speed,
  multiplied by the table's ``(maxspeed)`` factor (0.7 in every built-in table).

Table columns: ``class`` (the key: an OSM value, a ``class_cn`` code of ``core.ledger`` or an
English class), ``speed_kmh`` (empty: factor × design_kmh; 0: not a road for fire engines — left
out), ``design_kmh``, ``factor``, ``label_zh``, ``label_en``, ``aliases`` (more values meaning this
class, separated by ``;``), ``source``. Two special rows: ``(other)`` — any class not listed (0 or
no row: such roads are left out; roads with no class then too) — and ``(maxspeed)``, whose factor
applies to maxspeed values.
"""
import csv
import json
import math
import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any

FIRE_ENGINE_FACTOR = 0.7  # fire-engine speed ÷ design speed or posted limit (a project choice, see above)
OTHER_ROW, MAXSPEED_ROW = "(other)", "(maxspeed)"
DEFAULT_SPEED_KMH = 40.0  # a road with no speed and no class (as the default preset's other roads)
TABLE_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "speed_tables")


@dataclass(frozen=True)
class ClassSpeed:
    """One row of a speed table: the class key, its speed (0 = left out) and where it comes from."""

    key: str
    speed_kmh: float
    label_zh: str = ""
    label_en: str = ""
    design_kmh: float | None = None
    factor: float | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def driven(self) -> bool:
        return self.speed_kmh > 0


@dataclass(frozen=True)
class SpeedPreset:
    """Speeds by road class. ``other_kmh``: a class not listed (None: such roads, and roads with
    no class, are left out; otherwise a road with no class takes DEFAULT_SPEED);
    ``maxspeed_factor`` multiplies a parseable maxspeed."""

    name: str
    speeds_kmh: dict  # class key -> km/h (0: left out)
    other_kmh: float | None
    note: str = "No design speed is standardised for fire engines; a project preset."
    title_zh: str = ""
    title_en: str = ""
    maxspeed_factor: float = FIRE_ENGINE_FACTOR
    classes: tuple[ClassSpeed, ...] = ()
    source: str = "built-in"
    aliases: dict = field(default_factory=dict)  # more values → class key (the rows' aliases and labels)

    def row(self, key: str) -> ClassSpeed | None:
        for row in self.classes:
            if row.key == key:
                return row
        return None


_COLUMNS = ("class", "speed_kmh", "design_kmh", "factor", "label_zh", "label_en", "aliases", "source")


def _number(value: Any, column: str, where: str) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError(f"{where}: {column} must be a number, got {value!r}") from None
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{where}: {column} must be a number ≥ 0, got {value!r}")
    return number


def _row(record: dict[str, Any], where: str) -> ClassSpeed:
    key = str(record.get("class") or "").strip()
    if not key:
        raise ValueError(f"{where}: the class is empty")
    speed, design, factor = (_number(record.get(c), c, where) for c in ("speed_kmh", "design_kmh", "factor"))
    if speed is None and key != MAXSPEED_ROW:
        if design is None or factor is None:
            raise ValueError(f"{where}: give speed_kmh, or design_kmh and factor")
        speed = design * factor
    aliases = record.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = tuple(a.strip() for a in aliases.replace("；", ";").split(";") if a.strip())
    return ClassSpeed(key, speed or 0.0, str(record.get("label_zh") or ""), str(record.get("label_en") or ""),
                      design, factor, tuple(aliases), str(record.get("source") or ""))


def speed_table(name: str, rows: list[ClassSpeed], title_zh: str = "", title_en: str = "", source: str = "",
                note: str = "") -> SpeedPreset:
    """A SpeedPreset from its rows (the special rows ``(other)`` and ``(maxspeed)`` included)."""
    keys = [r.key for r in rows]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"{name}: classes repeat: {', '.join(repeated)}")
    special = {r.key: r for r in rows if r.key in (OTHER_ROW, MAXSPEED_ROW)}
    classes = tuple(r for r in rows if r.key not in special)
    other = special.get(OTHER_ROW)
    maxspeed = special.get(MAXSPEED_ROW)
    factor = maxspeed.factor if maxspeed is not None and maxspeed.factor is not None else FIRE_ENGINE_FACTOR
    if factor <= 0:
        raise ValueError(f"{name}: the (maxspeed) factor must be more than 0")
    aliases: dict[str, str] = {}
    for row in classes:
        for alias in row.aliases + tuple(x for x in (row.label_zh, row.label_en) if x):
            if aliases.get(alias, row.key) != row.key:
                raise ValueError(f"{name}: {alias!r} names both {aliases[alias]} and {row.key}")
            aliases[alias] = row.key
    return SpeedPreset(name, {r.key: r.speed_kmh for r in classes},
                       other.speed_kmh if other is not None and other.driven else None,
                       note or "speed = factor × design speed; see each row's source", title_zh, title_en, factor,
                       classes + tuple(special.values()), source, aliases)


def load_speed_table(path: str, name: str | None = None) -> SpeedPreset:
    """A speed table from a CSV file (the columns of the module doc) or a JSON file
    (``{"name": …, "title_zh": …, "title_en": …, "classes": [{"class": …, "speed_kmh": …}, …]}`` or a
    bare list of rows). Raises ValueError naming the file and row on bad content."""
    base = os.path.basename(path)
    meta: dict[str, Any] = {}
    if path.lower().endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        records = data.get("classes") if isinstance(data, dict) else data
        meta = data if isinstance(data, dict) else {}
        if not isinstance(records, list):
            raise ValueError(f"{base}: expected a list of classes")
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            records = list(csv.DictReader(handle))
    if not records:
        raise ValueError(f"{base}: no classes")
    rows = [_row(r, f"{base} row {i + 1}") for i, r in enumerate(records)]
    table_name = str(meta.get("name") or name or os.path.splitext(base)[0])
    try:
        return speed_table(table_name, rows, str(meta.get("title_zh") or ""), str(meta.get("title_en") or ""),
                           os.path.abspath(path))
    except ValueError as error:
        raise ValueError(f"{base}: {error}") from None


def write_speed_table(path: str, preset: "SpeedPreset") -> None:
    """Write a preset as CSV or JSON (by extension): a template to edit and load back."""
    rows = [{**{k: v for k, v in asdict(r).items() if k != "key"}, "class": r.key, "aliases": ";".join(r.aliases)}
            for r in preset.classes]
    if path.lower().endswith(".json"):
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"name": preset.name, "title_zh": preset.title_zh, "title_en": preset.title_en,
                       "classes": rows}, handle, ensure_ascii=False, indent=2)
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
        writer.writeheader()
        writer.writerows({c: ("" if row.get(c) is None else row.get(c)) for c in _COLUMNS} for row in rows)


def _default_preset() -> SpeedPreset:
    speeds = {"expressway": 60.0, "trunk": 60.0, "primary": 50.0, "secondary": 50.0, "tertiary": 40.0, "local": 40.0}
    rows = tuple(ClassSpeed(k, v, source="project preset") for k, v in speeds.items())
    return SpeedPreset("urban_60_50_40", speeds, 40.0, title_zh="城区 60/50/40", title_en="urban 60/50/40",
                       classes=rows + (ClassSpeed(OTHER_ROW, 40.0, source="project preset"),
                                       ClassSpeed(MAXSPEED_ROW, 0.0, factor=FIRE_ENGINE_FACTOR,
                                                  source="project choice")))


_TITLES = {"osm_highway": ("OSM 道路等级", "OSM highway classes"),
           "cn_highway": ("公路等级（JTG B01-2014）", "Chinese highway classes (JTG B01-2014)"),
           "cn_urban": ("城市道路等级（CJJ 37-2012）", "Chinese urban road classes (CJJ 37-2012)")}


def _built_in(name: str) -> SpeedPreset:
    table = load_speed_table(os.path.join(TABLE_FOLDER, f"{name}.csv"), name)
    title_zh, title_en = _TITLES[name]
    return SpeedPreset(**{**{f.name: getattr(table, f.name) for f in fields(SpeedPreset)}, "title_zh": title_zh,
                          "title_en": title_en, "source": f"built-in ({name}.csv)"})


SPEED_PRESETS = {  # the order is the SPEED_PRESET enum of riskatlas:firestationreach — append only
    "urban_60_50_40": _default_preset(),
    **{name: _built_in(name) for name in ("osm_highway", "cn_highway", "cn_urban")},
}
DEFAULT_SPEED_PRESET = "urban_60_50_40"
