"""Standards tables rendered as text for the help texts and parameter options (in the UI language's
conventions): the numbers are read from ``core.standards`` when shown, never restated by hand."""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards import fire_stations as fs
from ..core.standards import gb18218
from ..core.standards.risk_levels import RISK_LEVELS
from ..core.standards.risk_presets import CUT_SETS, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES, MATRIX
from ..core.standards.shelters import DEFAULT_SHELTER_TYPES
from ..core.values import YES_NO_WORDS

translate = QCoreApplication.translate


def _join(items, zh):
    return ("、" if zh else ", ").join(items)


def _list(items, zh):
    return ("；" if zh else "; ").join(items)


def number(value):
    return f"{value:g}"


def risk_levels_text(zh):
    """'1 重大风险 red, 2 较大风险 orange, …'"""
    return _join([f"{lv.level} {lv.label_zh} {lv.colour_name_zh if zh else lv.colour_name_en}" for lv in RISK_LEVELS],
                 zh)


def alpha_bands_text(zh):
    """GB 18218 Table 5: '≥ 100 → 2.0; 50–99 → 1.5; …; 0 → 0.5'."""
    parts, upper = [], None
    for band in gb18218.ALPHA_BANDS:  # highest first
        if upper is None:
            people = f"≥ {band.min_people}"
        elif upper - 1 == band.min_people:
            people = f"{band.min_people}"
        else:
            people = f"{band.min_people}–{upper - 1}"
        parts.append(f"{people} → {band.alpha:.1f}")
        upper = band.min_people
    return _list(parts, zh)


def grade_bands_text(zh):
    """GB 18218 Table 6: '一级 R ≥ 100; 二级 50 ≤ R < 100; …; 四级 R < 10'."""
    parts, upper = [], None
    for band in gb18218.GRADE_BANDS:  # most severe first
        if upper is None:
            parts.append(f"{band.label_zh} R ≥ {number(band.min_r)}")
        elif band.min_r == float("-inf"):
            parts.append(f"{band.label_zh} R < {number(upper)}")
        else:
            parts.append(f"{band.label_zh} {number(band.min_r)} ≤ R < {number(upper)}")
        upper = band.min_r
    return _list(parts, zh)


def grade_levels_text(preset, zh):
    """A grade → level preset: '一级 → 1 red, 二级 → 2 orange, …'."""
    levels = {lv.level: lv for lv in RISK_LEVELS}
    return _join([f"{band.label_zh} → {level} {levels[level].colour_name_zh if zh else levels[level].colour_name_en}"
                  for band, level in zip(gb18218.GRADE_BANDS, preset.grade_to_level)], zh)


def cut_sets_text(zh):
    """One line per cut-set option, named as the dialog lists it:
    'LEC: D ≥ 320 / 160 / 70: D ≥ 320 → 1; 160 ≤ D < 320 → 2; …'."""
    lines = []
    for cut_set in CUT_SETS:
        bands = [f"{band} → {level}" for level, band in enumerate(cut_set.bands(), start=1)]
        if cut_set.method == MATRIX:
            bands[0] = "R " + bands[0]
        lines.append(f"{cut_set.label}{'：' if zh else ': '}{_list(bands, zh)}")
    return "\n".join(lines)


def lec_values_text():
    return tuple(", ".join(number(v) for v in values) for values in (LEC_L_VALUES, LEC_E_VALUES, LEC_C_VALUES))


def class_limits_text(zh):
    """Station classes with the same limit together: 'special and class1 ≤ 7 km², class2 ≤ 4 km², …'."""
    groups = {}
    for limit in fs.STATION_CLASS_LIMITS:
        groups.setdefault(limit.max_district_km2, []).append(limit.name_zh if zh else limit.code)
    limits = [f"{('与' if zh else ' and ').join(names)} ≤ {number(km2)} km²" for km2, names in groups.items()]
    return _list(limits, zh) if zh else _join(limits, zh)


def speed_preset_text(preset, zh):
    """'expressway/trunk 60, primary/secondary 50, other 40 km/h' (classes at the 'other' speed fold in)."""
    groups = {}
    for road_class, speed in preset.speeds_kmh.items():
        if speed != preset.other_kmh:
            groups.setdefault(speed, []).append(fs.ROAD_CLASS_NAMES_ZH[road_class] if zh else road_class)
    parts = [f"{'/'.join(classes)} {number(speed)}" for speed, classes in groups.items()]
    other = translate("Help", "other")
    parts.append(f"{other} {number(preset.other_kmh)}")
    return _join(parts, zh) + " km/h"


def speed_preset_option(preset, zh):
    """The SPEED_PRESET option: option 0 as its speeds, a table preset by its title and factor."""
    if preset.name == fs.DEFAULT_SPEED_PRESET:
        return speed_preset_text(preset, zh)
    return translate("Help", "{0} ({1:g} × design speed; maxspeed × {2:g})").format(
        preset.title_zh if zh else preset.title_en, fs.FIRE_ENGINE_FACTOR, preset.maxspeed_factor)


def speed_table_text(preset, zh):
    """'motorway 84, trunk 70, …; left out: footway, …; other 14 km/h' from a table preset."""
    driven = [f"{(row.label_zh or row.key) if zh else row.key} {number(round(row.speed_kmh, 3))}"
              for row in preset.classes if row.key in preset.speeds_kmh and row.driven]
    left = [(row.label_zh or row.key) if zh else row.key for row in preset.classes
            if row.key in preset.speeds_kmh and not row.driven]
    parts = [_join(driven, zh)]
    if left:
        parts.append(translate("Help", "left out: {0}").format(_join(left, zh)))
    other = translate("Help", "other")
    parts.append(f"{other} {number(round(preset.other_kmh, 3))}" if preset.other_kmh else translate(
        "Help", "other and none: left out"))
    return _list(parts, zh) + " km/h"


def maxspeed_text():
    """'km/h, mph, knots; CN:urban 50, …' from core.roads.maxspeed's tables."""
    from ..core.roads.maxspeed import IMPLICIT_MAXSPEED_KMH

    implicit = ", ".join(f"{key[:2].upper()}{key[2:]} {number(kmh)}" for key, kmh in IMPLICIT_MAXSPEED_KMH.items())
    return f"km/h, mph, knots; {implicit}"


def shelter_radii_text(zh):
    """'emergency 500 m, fixed_short 1000 m, …' from the default shelter type table."""
    return _join([f"{t.name_zh if zh else t.code} {number(t.radius_m)} m" for t in DEFAULT_SHELTER_TYPES], zh)


def counted_types_text(zh):
    return _join([t.name_zh if zh else t.code for t in DEFAULT_SHELTER_TYPES if t.counts_per_capita], zh)


def yes_no_words_text(zh):
    """'true/false, t/f, …, 是/否, …': the true and false words, pairwise as the table lists them
    (Chinese ones first in Chinese)."""
    true = [w for w, v in YES_NO_WORDS.items() if v]
    false = [w for w, v in YES_NO_WORDS.items() if not v]
    pairs = [f"{t}/{f}" for t, f in zip(true, false)]
    if zh:
        pairs = [p for p in pairs if not p.isascii()] + [p for p in pairs if p.isascii()]
    return _join(pairs, zh)


def response_presets_text(zh):
    """One line per time preset: 'Professional teams: … — 31 min from dispatch, turnout 1 min (source)'."""
    from ..core.standards.emergency_resources import RESPONSE_PRESETS

    lines = []
    for p in RESPONSE_PRESETS:
        label = p.label_zh if zh else p.label_en
        minutes = translate("Help", "{0} min from dispatch, turnout {1} min").format(number(p.limit_min),
                                                                                   number(p.turnout_min))
        lines.append(f"{label}：{minutes}（{p.cited(zh)}）" if zh else f"{label}: {minutes} ({p.cited(zh)})")
    return "\n".join(lines)


def danger_grades_text(zh):
    """The 险情 grades: '特大型 ≥ 1000 people or ≥ 10000 万元; …; 小型 below'."""
    from ..core.standards.natural_hazards import DANGER_GRADES

    people, loss = translate("Help", "people"), translate("Help", "10,000 yuan")
    parts = [f"{g.name_zh if zh else g.name_en} ≥ {number(g.min_people)} {people} / ≥ {number(g.min_loss_10k)} {loss}"
             for g in DANGER_GRADES[:-1]]
    last = DANGER_GRADES[-1]
    parts.append(f"{last.name_zh if zh else last.name_en} < {number(DANGER_GRADES[-2].min_people)} {people}")
    return _list(parts, zh)


def hazard_level_presets_text(zh):
    """One line per natural-hazard level preset, with its grade → level mapping."""
    from ..core.standards.natural_hazards import DANGER_GRADES, LEVEL_PRESETS, RISK_GRADES

    names = {g.code: g.name_zh if zh else g.name_en for g in DANGER_GRADES}
    names.update({code: name_zh if zh else name_en for code, name_zh, name_en in RISK_GRADES})
    lines = []
    for preset in LEVEL_PRESETS:
        mapping = _join([f"{names[code]} → {level}" for code, level in preset.levels.items()], zh)
        lines.append(f"{preset.label_zh if zh else preset.label_en}{'：' if zh else ': '}{mapping}")
    return "\n".join(lines)


def header_examples_text():
    """'统一社会信用代码 → ent_id, 单元内存量 → quantity_t, …': a ledger's headers as the one synonym
    table reads them (the first Chinese header of a few fields)."""
    from ..core.ledger.synonyms import SYNONYMS

    parts = []
    for kind, name in (("enterprises", "ent_id"), ("hazard_sources", "quantity_t"), ("population", "residents"),
                       ("fire_stations", "class")):
        entry = next(f for f in SYNONYMS[kind] if f.field == name)
        parts.append(f"{next(s for s in entry.synonyms if not s.isascii())} → {name}")
    return ", ".join(parts)


def code_examples_text(zh):
    """'消防站类别: 一级普通消防站 → class1, …; …': the coded fields with their names, from the one code table."""
    from ..core.ledger.codes import code_choices
    from ..layers.schemas import SCHEMAS

    parts = []
    for kind, field in (("fire_stations", "class"), ("shelters", "type"), ("enterprises", "std_grade"),
                        ("roads", "class"), ("roads", "oneway")):
        spec = SCHEMAS[kind].field_by_name[field]
        pairs = ", ".join(f"{name} → {code}" for name, code in code_choices(kind, field, "zh"))
        parts.append(f"{spec.alias_zh if zh else spec.alias_en}: {pairs}")
    return _list(parts, zh)


def code_names_text(zh):
    """'一级普通消防站, 紧急避难场所, 高速公路, 单行': one Chinese name of each checked code list, as examples."""
    from ..core.ledger.codes import code_choices

    names = [code_choices(kind, field, "zh")[index][0] for kind, field, index in (
        ("fire_stations", "class", 1), ("shelters", "type", 0), ("roads", "class", 0), ("roads", "oneway", 1))]
    return _join(names, zh)
