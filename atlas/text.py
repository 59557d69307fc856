"""Every word printed in the risk atlas, in Chinese and English, and how its numbers are written.

The atlas follows the LANGUAGE parameter, not QGIS's locale, so its text lives here as an
explicit zh/en table (one place) rather than in Qt translations. The layout templates carry no
literal text: their labels read layout variables ``@ra_<key>`` set from ``TEXT`` (see
``atlas/templates/README.md``) and preformatted attributes of the atlas layers.

No QGIS import: the table and the formatters are unit-tested on their own.
"""
import datetime
import math

from ..core import headline as H
from ..core.standards.risk_levels import RISK_LEVELS

# key: (zh, en)
TEXT = {
    "title": ("安全风险分布图集", "Safety Risk Atlas"),
    "cover_subtitle": ("红橙黄蓝四色安全风险空间分布图", "Four-colour safety risk map (red · orange · yellow · blue)"),
    "county_map": ("县域总图", "County overview"),
    "township_sheet": ("镇街分图", "Township sheet"),
    "legend": ("图例", "Legend"),
    "risk_levels": ("风险等级", "Risk level"),
    "fire_stations": ("消防站", "Fire station"),
    "shelters": ("应急避难场所", "Emergency shelter"),
    "major_units": ("重大危险源", "Major hazard unit"),
    "townships": ("镇街界线", "Township boundary"),
    "current_township": ("本镇街", "This township"),
    "figures": ("风险等级统计", "Figures by risk level"),
    "indicators": ("应急能力指标", "Emergency capacity"),
    "chart": ("各风险等级占比", "Share of each risk level"),
    "major_list": ("重大危险源清单", "Major hazard units"),
    "townships_table": ("镇街一览", "Townships"),
    "organisation": ("编制单位", "Issued by"),
    "date": ("编制日期", "Date"),
    "page": ("页", "Page"),
    "crs": ("坐标系：", "Coordinate reference system: "),
    "scale": ("比例尺", "Scale"),
    "overview": ("位置示意", "Location"),
    "made_with": ("Risk Atlas {version} · QGIS {qgis}", "Risk Atlas {version} · QGIS {qgis}"),
    "method_note": ("人口按面积分摊至评估单元；风险等级：下限值含于本级。",
                    "Residents apportioned to map units by area; a level's lower bound belongs to that level."),
    # table headings
    "col_level": ("风险等级", "Risk level"),
    "col_units": ("评估单元", "Map units"),
    "col_area": ("面积（km²）", "Area (km²)"),
    "col_residents": ("常住人口", "Residents"),
    "col_share": ("人口占比", "Share"),
    "col_enterprises": ("企业", "Enterprises"),
    "total": ("合计", "Total"),
    "col_unit_id": ("单元编号", "Unit"),
    "col_grade": ("级别", "Grade"),
    "col_r": ("R值", "R"),
    "col_enterprise": ("所属企业", "Enterprise"),
    "col_page": ("页码", "Page"),
    "col_township": ("镇街", "Township"),
    "col_high_share": ("重大+较大风险人口", "Major+high"),
    "col_cover5": ("5分钟覆盖率", "5-min cover"),
    "col_m2pc": ("人均避难面积", "Shelter m²/p."),
    # indicators
    # indicator lines (label with its colon, then the value)
    "cover5": ("消防站5分钟可达人口比例：", "Residents within 5 min of a fire station: "),
    "shelter": ("人均固定避难场所面积：", "Fixed-shelter area: "),
    "major": ("重大危险源：", "Major hazard units: "),
    "not_given": ("—（未提供）", "— (not given)"),
    "none": ("无", "none"),
    "no_major_units": ("本镇街无重大危险源", "No major hazard unit in this township"),
    "more_units": ("另有 {n} 个未列出", "{n} more not listed"),
    "uncovered": ("未覆盖 {n} 人", "{n} not covered"),
    "target": ("目标 ≥ {t}", "target ≥ {t}"),
    "meets": ("达标", "met"),
    "fails": ("未达标", "not met"),
    "deficit": ("缺口 {n} m²", "short by {n} m²"),
    "m2_per_capita": ("{v} m²/人", "{v} m²/person"),
    "units_total": ("共 {n} 个", "{n} in all"),
    "chart_area": ("面积", "Area"),
    "chart_residents": ("人口", "Residents"),
}

GRADE_LABELS = {1: ("一级", "Grade I"), 2: ("二级", "Grade II"), 3: ("三级", "Grade III"), 4: ("四级", "Grade IV")}
GRADE_SHORT = {1: ("一级", "I"), 2: ("二级", "II"), 3: ("三级", "III"), 4: ("四级", "IV")}
LANGUAGES = ("zh", "en")


def text(key, language, **values):
    zh, en = TEXT[key]
    value = zh if language == "zh" else en
    return value.format(**values) if values else value


def level_label(level, language):
    entry = RISK_LEVELS[level - 1]
    return entry.label_zh if language == "zh" else entry.label_en


def grade_label(grade, language, short=False):
    table = GRADE_SHORT if short else GRADE_LABELS
    zh, en = table[int(grade)]
    return zh if language == "zh" else en


# ---------------------------------------------------------------- numbers

def integer(value):
    """12,345 (half up, ``core.headline``'s rule); '—' for None/NaN."""
    return H.integer_text(None if value is None else float(value))


def decimal(value, places=1):
    return H.decimal_text(None if value is None else float(value), places)


def percent(share, places=1):
    """0.8234 → '82.3%'; None → '—'."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "—"
    return f"{H.decimal_text(100.0 * float(share), places)}%"


def percent_of(numerator, denominator):
    """numerator ÷ denominator as '43.3%' (0.1 % from the unrounded ratio, as the headline figures)."""
    value = H.share_percent(numerator, denominator)
    return "—" if value is None else f"{H.percent_text(value)}%"


def area_km2(value):
    """Two decimals below 10 km², one above."""
    if value is None:
        return "—"
    return decimal(value, 2 if abs(value) < 10 else 1)


def format_date(value, language, today=None):
    """'' → today; an ISO date (YYYY-MM-DD) → '2024年6月7日' / '7 June 2024'; other text as given."""
    value = (value or "").strip()
    if not value:
        day = today or datetime.date.today()
    else:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # not strftime: that follows the machine's locale


# ---------------------------------------------------------------- figure texts

def coverage_text(figures, language):
    """'43.3%（未覆盖 283,513 人）': residents reached ÷ (reached + not reached), and those not reached."""
    if figures.covered_residents is None:
        return text("not_given", language)
    covered, uncovered = figures.covered_residents, figures.not_covered_residents
    share = percent_of(covered, covered + uncovered)
    return f"{share}（{text('uncovered', language, n=integer(uncovered))}）" if language == "zh" else \
        f"{share} ({text('uncovered', language, n=integer(uncovered))})"


def target_text(target):
    """The shelter target as printed: at least one decimal (1.5, 2.0, 1.25), so it reads as m² per person."""
    value = float(target)
    return f"{value:.1f}" if round(value, 1) == value else f"{value:g}"


def shelter_text(figures, language, target):
    """'0.50 m²/人（目标 ≥ 2.0，未达标，缺口 255 m²）': the area's m² per capita judged against ``target``
    (``figures.meets_target`` was computed against the same target)."""
    if figures.m2_per_capita is None:
        return text("not_given", language)
    meets = figures.meets_target
    parts = [text("target", language, t=target_text(target))]
    if meets is not None:
        parts.append(text("meets" if meets else "fails", language))
    if meets is False and figures.deficit_m2:
        parts.append(text("deficit", language, n=integer(figures.deficit_m2)))
    value = text("m2_per_capita", language, v=decimal(figures.m2_per_capita, 2))
    if language == "zh":
        return f"{value}（{'，'.join(parts)}）"
    return f"{value} ({', '.join(parts)})"


def major_text(figures, language):
    if figures.major_by_grade is None:
        return text("not_given", language)
    counts = [f"{grade_label(g, language, short=True)} {int(n)}" for g, n in zip((1, 2, 3, 4), figures.major_by_grade)]
    total = text("units_total", language, n=int(figures.major_by_grade.sum()))
    separator = " · "
    return f"{separator.join(counts)}（{total}）" if language == "zh" else f"{separator.join(counts)} ({total})"


def level_rows(figures, language):
    """Rows of the figures table: one per level, then the total. Values are formatted text."""
    rows = []
    ent = figures.enterprises_by_level
    for i, entry in enumerate(RISK_LEVELS):
        rows.append({
            "row": i + 1, "level": entry.level, "level_label": level_label(entry.level, language),
            "units": integer(figures.units[i]), "area_km2": area_km2(float(figures.area_by_level_km2[i])),
            "residents": integer(float(figures.residents_by_level[i])),
            "share": percent_of(float(figures.residents_by_level[i]), figures.residents),
            "enterprises": "—" if ent is None else integer(int(ent[i])),
        })
    rows.append({
        "row": 5, "level": None, "level_label": text("total", language),
        "units": integer(int(figures.units.sum())), "area_km2": area_km2(float(figures.area_by_level_km2.sum())),
        "residents": integer(figures.residents), "share": percent(1.0 if figures.residents > 0 else None),
        "enterprises": "—" if ent is None else integer(int(ent.sum())),
    })
    return rows
