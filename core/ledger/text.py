"""Normal forms of ledger headers and coded values, and the units written in headers.

Headers: ``normalise_header("单元内存量（吨）")`` → ``HeaderKey(key="单元内存量", unit="吨", bare="单元内存量")``:
Unicode NFKC (full-width letters, digits and brackets → ASCII; m² → m2), case-folded, every
space removed (Excel headers often hold line breaks) as are _ and -, brackets 【】〔〕［］《》<> → (), a
leading required-marker (* ※ ★) and trailing colon dropped, and a trailing unit — in
brackets, after a slash or ``单位:`` — taken off and returned. ``bare`` is the key with every
remaining bracketed remark removed ("企业(单位)名称" → "企业名称").

Values: ``normalise_value`` applies NFKC, case-folding and drops spaces; the slash and dash
cells Chinese tables use for "nothing entered" (/ - — n/a) read as empty. 无 is not among
them: it is a value (安全生产标准化等级 无 = no grade).
"""
import math
import re
import unicodedata
from dataclasses import dataclass

# Units seen in ledger headers → (dimension, factor to the schema's unit of that dimension).
# Schema units: tonnes (quantity_t), m² (area_m2), people, km/h, minutes.
UNITS: dict[str, tuple[str, float]] = {
    "t": ("mass", 1.0), "吨": ("mass", 1.0), "kg": ("mass", 0.001), "千克": ("mass", 0.001),
    "公斤": ("mass", 0.001), "万吨": ("mass", 1e4),
    "m2": ("area", 1.0), "平方米": ("area", 1.0), "平米": ("area", 1.0), "万平方米": ("area", 1e4),
    "万m2": ("area", 1e4), "公顷": ("area", 1e4), "ha": ("area", 1e4), "hm2": ("area", 1e4),
    "亩": ("area", 10000.0 / 15.0), "km2": ("area", 1e6), "平方公里": ("area", 1e6), "平方千米": ("area", 1e6),
    "人": ("people", 1.0), "万人": ("people", 1e4),
    "km/h": ("speed", 1.0), "kmh": ("speed", 1.0), "公里/小时": ("speed", 1.0), "千米/小时": ("speed", 1.0),
    "公里/时": ("speed", 1.0), "千米/时": ("speed", 1.0),
    "min": ("time", 1.0), "分钟": ("time", 1.0), "分": ("time", 1.0), "s": ("time", 1.0 / 60.0),
    "秒": ("time", 1.0 / 60.0),
    "m": ("length", 1.0), "米": ("length", 1.0), "km": ("length", 1000.0), "公里": ("length", 1000.0),
    "千米": ("length", 1000.0),
    # units of other quantities, so that "数量(吨/年)" or "投资(万元)" is not read as a stock in tonnes
    "吨/年": ("mass_per_year", 1.0), "t/a": ("mass_per_year", 1.0), "t/年": ("mass_per_year", 1.0),
    "万吨/年": ("mass_per_year", 1e4), "元": ("money", 1.0), "万元": ("money", 1e4), "%": ("share", 1.0),
    # a bare multiplier fits any dimension ("人口(万)", "1.2万")
    "万": ("", 1e4), "亿": ("", 1e8),
}
# The dimension a schema field is measured in (fields not listed take no unit).
FIELD_DIMENSIONS: dict[str, str] = {
    "quantity_t": "mass", "critical_q_t": "mass", "area_m2": "area", "employees": "people",
    "capacity": "people", "residents": "people", "exposed": "people", "speed_kmh": "speed", "turnout_min": "time",
}

_BRACKETS = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "《": "(", "》": ")",
                           "<": "(", ">": ")", "{": "(", "}": ")"})
_SPACE = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
_EMPTY_MARKS = {"", "/", "-", "--", "—", "——", "－", "\\", "n/a", "null", "none", "nan"}


@dataclass(frozen=True)
class HeaderKey:
    key: str  # normal form with the unit taken off
    unit: str | None  # the unit as written (normalised), or None
    bare: str  # key without bracketed remarks


def _compact(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold().translate(_BRACKETS)
    text = _SPACE.sub("", text).replace("_", "").replace("-", "")
    text = text.replace("²", "2").replace("㎡", "m2")
    text = re.sub(r"^[*※★☆]+", "", text)
    return re.sub(r"[:：]+$", "", text)


def _unit_of(text: str) -> str | None:
    unit = re.sub(r"^单位[:：]?", "", text)
    return unit if unit in UNITS else None


def unit_factor(text: str) -> tuple[str, float] | None:
    """(dimension, factor to the schema unit) of a unit as written ("吨", "kg", "万人", "㎡"), or
    None when it is not a known unit. The dimension "" (万, 亿) fits any field."""
    unit = _unit_of(_compact(text))
    return UNITS[unit] if unit else None


def normalise_header(text: object) -> HeaderKey:
    """The matching key, unit and bare key of a header cell (see module doc)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return HeaderKey("", None, "")
    key, unit = _compact(str(text)), None
    match = re.search(r"\(([^()]*)\)$", key)
    if match and _unit_of(match.group(1)):
        key, unit = key[:match.start()], _unit_of(match.group(1))
    else:
        for cut in (key.rfind("/"), key.rfind("单位")):
            if cut > 0 and _unit_of(key[cut:].lstrip("/")):
                key, unit = key[:cut], _unit_of(key[cut:].lstrip("/"))
                break
    key = re.sub(r"[(,，、;；]+$", "", key)
    bare = re.sub(r"\([^()]*\)", "", key)
    return HeaderKey(key, unit, bare or key)


def normalise_value(value: object, keep: frozenset[str] | set[str] = frozenset()) -> str:
    """NFKC, case-folded, spaces removed; the "nothing" marks (/, -, —, n/a) and None give '' —
    except those in ``keep`` (a code table whose code is "none" keeps it)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 2.0 read from a spreadsheet is the code "2"
    text = _SPACE.sub("", unicodedata.normalize("NFKC", str(value)).casefold()).translate(_BRACKETS)
    return "" if text in _EMPTY_MARKS and text not in keep else text


def normalise_label(label: str) -> str:
    """``normalise_value`` of a code table's own label: never empty ("none" is a code)."""
    return normalise_value(label, keep={_SPACE.sub("", unicodedata.normalize("NFKC", label).casefold())})
