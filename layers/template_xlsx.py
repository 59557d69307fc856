"""Excel templates, one workbook per input layer of the assessment, for planners who keep ledgers in
Excel: a data sheet (title row, headers from the schema's aliases, required ones starred, drop-down
lists for coded fields from the one code table, number checks, id columns as text), a code sheet
the drop-downs read, and an instructions sheet. ``riskatlas:importlayer`` reads them back.

openpyxl writes them (GDAL cannot write data validation); it is imported only here, when a
template is asked for (Debian: python3-openpyxl).
"""
import os

from ..core.ledger.codes import code_choices, has_code_table
from ..core.ledger.text import FIELD_DIMENSIONS
from .atomic import atomic_output
from .schemas import ASSESSMENT_INPUTS, BOOL, DOUBLE, INT, POINT

ROWS_PREPARED = 2000  # data rows the drop-downs and checks cover
UNITS = {"mass": "t", "area": "m²", "people": "人", "speed": "km/h", "time": "min"}
TEXTS = {
    "zh": {"title": "{0}台账（Risk Atlas 数据模板）", "codes": "代码表", "help": "填表说明", "lon": "经度",
           "lat": "纬度", "wkt": "几何(WKT)", "columns": ("列名", "字段", "类型", "必填", "可选值 / 范围", "说明"),
           "types": {"string": "文本", "int": "整数", "double": "数值", "bool": "是/否"}, "yes": "是", "no": "",
           "notes": ("第1行为标题，第2行为列名；数据从第3行起，一行一条记录。带 * 的列必填。",
                     "下拉列表中的名称在导入时换成代码；也可直接填写代码。数字可带单位（如“12吨”）。",
                     "经度/纬度默认按 WGS 84；从高德、腾讯地图拾取的坐标是 GCJ-02，百度为 BD-09："
                     "导入（riskatlas:importlayer）时选择相应的坐标系，插件会纠正偏移。",
                     "统一社会信用代码等编号按文本保存，前导零不会丢失。")},
    "en": {"title": "{0} (Risk Atlas data template)", "codes": "Codes", "help": "Instructions", "lon": "Longitude",
           "lat": "Latitude", "wkt": "Geometry (WKT)",
           "columns": ("Column", "Field", "Type", "Required", "Values / range", "Notes"),
           "types": {"string": "text", "int": "whole number", "double": "number", "bool": "yes/no"}, "yes": "yes",
           "no": "", "notes": ("Row 1 is the title, row 2 the headers; data from row 3, one record per row. "
                               "Columns marked * are required.",
                               "Names picked from a drop-down become codes on import; codes may be typed too. "
                               "Numbers may carry units (\"12 t\").",
                               "Longitude/latitude are taken as WGS 84; points picked on AMap or Tencent maps are "
                               "GCJ-02, on Baidu BD-09: choose it when importing (riskatlas:importlayer) and the "
                               "offset is corrected.",
                               "Ids such as credit codes are stored as text: leading zeros stay.")},
}


def openpyxl_module():
    """openpyxl, or a clear ImportError naming the package to install."""
    try:
        import openpyxl
    except ImportError as error:
        raise ImportError("Excel templates need the Python package openpyxl (Debian/Ubuntu: apt install "
                          "python3-openpyxl; Windows/macOS QGIS: pip install openpyxl in the QGIS Python)") from error
    return openpyxl


def _columns(assessment_input, language):
    """[(header, FieldSpec or a place column name)] of a template sheet."""
    texts = TEXTS[language]
    columns = [(("*" if f.required else "") + (f.alias_zh if language == "zh" else f.alias_en), f)
               for f in assessment_input.schema.fields]
    if assessment_input.template_geometry == POINT and POINT in assessment_input.schema.geometries:
        columns += [("*" + texts["lon"], "x"), ("*" + texts["lat"], "y")]
    else:
        columns.append(("*" + texts["wkt"], "wkt"))
    return columns


def _choices(kind, spec, language):
    if isinstance(spec, str) or not has_code_table(kind, spec.name):
        return ()
    return tuple(label for label, _ in code_choices(kind, spec.name, language))


def _range_text(spec, choices, language):
    if choices:
        return ("、" if language == "zh" else ", ").join(choices)
    if isinstance(spec, str) or spec.minimum is None:
        return ""
    unit = UNITS.get(FIELD_DIMENSIONS.get(spec.name, ""), "")
    return f"{spec.minimum:g} – {spec.maximum:g} {unit}".strip()


def _sheet_name(assessment_input, language):
    schema = assessment_input.schema
    title = schema.title_zh if language == "zh" else schema.title_en
    hint = assessment_input.hint_zh if language == "zh" else assessment_input.hint_en
    return (f"{title}（{hint}）" if language == "zh" else f"{title} ({hint})") if hint else title


def _data_sheet(workbook, assessment_input, language, code_refs):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = workbook.active
    sheet.title = _sheet_name(assessment_input, language)[:31]
    columns = _columns(assessment_input, language)
    sheet.cell(1, 1, TEXTS[language]["title"].format(sheet.title)).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for number, (header, spec) in enumerate(columns, 1):
        cell = sheet.cell(2, number, header)
        cell.font = Font(bold=True, color="C00000" if header.startswith("*") else "000000")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = max(12, min(40, 2 * len(header) + 4))
        cells = f"{letter}3:{letter}{ROWS_PREPARED + 2}"
        if spec in code_refs:
            check = DataValidation(type="list", formula1=code_refs[spec], allow_blank=True, showDropDown=False)
        elif not isinstance(spec, str) and spec.type in (INT, DOUBLE) and spec.minimum is not None:
            check = DataValidation(type="whole" if spec.type == INT else "decimal", operator="between",
                                   formula1=f"{spec.minimum:g}", formula2=f"{spec.maximum:g}", allow_blank=True)
        else:
            check = None
            if not isinstance(spec, str) and spec.type not in (INT, DOUBLE, BOOL):
                sheet.column_dimensions[letter].number_format = "@"  # ids and names stay text
        if check is not None:
            check.add(cells)
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A3"
    return columns


def _code_sheet(workbook, assessment_input, language):
    """The drop-downs' lists, one column per coded field; returns {FieldSpec: '=代码表!$A$2:$A$6'}."""
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(TEXTS[language]["codes"])
    refs, column = {}, 0
    for spec in assessment_input.schema.fields:
        choices = _choices(assessment_input.kind, spec, language)
        if not choices:
            continue
        column += 1
        letter = get_column_letter(column)
        sheet.cell(1, column, spec.alias_zh if language == "zh" else spec.alias_en)
        for row, label in enumerate(choices, 2):
            sheet.cell(row, column, label)
        refs[spec] = f"'{sheet.title}'!${letter}$2:${letter}${len(choices) + 1}"
    return refs


def _help_sheet(workbook, assessment_input, columns, language):
    from openpyxl.styles import Alignment, Font

    texts = TEXTS[language]
    sheet = workbook.create_sheet(texts["help"])
    row = 1
    for note in texts["notes"]:
        sheet.cell(row, 1, note).alignment = Alignment(wrap_text=False)
        row += 1
    row += 1
    for number, title in enumerate(texts["columns"], 1):
        sheet.cell(row, number, title).font = Font(bold=True)
    for header, spec in columns:
        row += 1
        if isinstance(spec, str):
            values = (header, spec, texts["types"]["double" if spec != "wkt" else "string"], texts["yes"], "", "")
        else:
            choices = _choices(assessment_input.kind, spec, language)
            values = (header, spec.name, texts["types"][spec.type], texts["yes"] if spec.required else texts["no"],
                      _range_text(spec, choices, language), spec.description)
        for number, value in enumerate(values, 1):
            sheet.cell(row, number, value)
    for letter, width in zip("ABCDEF", (26, 14, 10, 8, 60, 40)):
        sheet.column_dimensions[letter].width = width


def write_excel_templates(folder, language="zh", staged=None):
    """One workbook per assessment input layer in ``folder``; returns the paths written. ``staged``: where to
    write a workbook's path instead (an algorithm's run puts it in place at its end); default: each workbook
    whole or absent on its own."""
    openpyxl = openpyxl_module()
    os.makedirs(folder, exist_ok=True)
    paths = []
    for assessment_input in ASSESSMENT_INPUTS:
        workbook = openpyxl.Workbook()
        refs = _code_sheet(workbook, assessment_input, language)
        columns = _data_sheet(workbook, assessment_input, language, refs)
        _help_sheet(workbook, assessment_input, columns, language)
        path = os.path.join(folder, f"{assessment_input.layer}.xlsx")
        if staged is not None:
            workbook.save(staged(path))
        else:
            with atomic_output(path) as temporary:
                workbook.save(temporary)
        paths.append(path)
    return paths

