"""createtemplate's Excel workbooks (OUTPUT_XLSX_FOLDER): Chinese headers, drop-downs from the code table,
number checks, an instructions sheet — and they come back through importlayer as written."""
import openpyxl
import pytest

from riskatlas.core.ledger.codes import code_choices
from riskatlas.layers.schemas import ASSESSMENT_INPUTS


@pytest.fixture
def templates(tmp_path, run_algorithm):
    zh = run_algorithm("riskatlas:createtemplate", {"OUTPUT": str(tmp_path / "t.gpkg"), "ALIAS_LANGUAGE": 0,
                                                    "OUTPUT_XLSX_FOLDER": str(tmp_path / "zh")})
    run_algorithm("riskatlas:createtemplate", {"OUTPUT": str(tmp_path / "t_en.gpkg"), "ALIAS_LANGUAGE": 1,
                                               "OUTPUT_XLSX_FOLDER": str(tmp_path / "en")})
    assert zh["OUTPUT_XLSX_FOLDER"] == str(tmp_path / "zh")
    return tmp_path


def test_one_workbook_per_input_with_headers_lists_and_instructions(templates):
    for item in ASSESSMENT_INPUTS:
        workbook = openpyxl.load_workbook(templates / "zh" / f"{item.layer}.xlsx")
        data, codes, notes = workbook.worksheets
        assert (codes.title, notes.title) == ("代码表", "填表说明")
        headers = [cell.value for cell in data[2]]
        assert headers[:len(item.schema.fields)] == [("*" if f.required else "") + f.alias_zh
                                                      for f in item.schema.fields]
        assert "台账" in data["A1"].value and data.merged_cells.ranges
        assert any("GCJ-02" in (cell.value or "") for cell in notes["A"])
    stations = openpyxl.load_workbook(templates / "zh" / "fire_stations.xlsx")
    data, codes, _notes = stations.worksheets
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert lists["D3:D2002"] == "'代码表'!$A$2:$A$5"
    assert [c.value for c in codes["A"]][1:5] == [name for name, _ in code_choices("fire_stations", "class")]
    assert data["G2"].value == "*经度" and data["H2"].value == "*纬度"
    roads = openpyxl.load_workbook(templates / "zh" / "roads.xlsx").worksheets[0]
    assert [c.value for c in roads[2]][-1] == "*几何(WKT)"


def test_filled_templates_import_as_written(templates, run_algorithm):
    path = templates / "zh" / "enterprises.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.append(["012345678901234567", "某某化工有限公司", None, "化工", "城关街道", "1,200", "是", "三级", 3, 6, 15,
                  3, 4, 120.1, 30.1])
    workbook.save(path)
    result = run_algorithm("riskatlas:importlayer", {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
    (feature,) = result["OUTPUT"].getFeatures()
    assert result["KIND_USED"] == "enterprises"
    assert (feature["ent_id"], feature["employees"], feature["hazchem"], feature["std_grade"]) == (
        "012345678901234567", 1200, True, "grade3")
    path = templates / "en" / "townships.xlsx"
    workbook = openpyxl.load_workbook(path)
    workbook.worksheets[0].append(["T01", "城关街道", "Chengguan", "331082001",
                                   "POLYGON ((120 30, 120.1 30, 120.1 30.1, 120 30))"])
    workbook.save(path)
    result = run_algorithm("riskatlas:importlayer", {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
    (feature,) = result["OUTPUT"].getFeatures()
    assert result["KIND_USED"] == "townships" and feature["admin_code"] == "331082001"
    assert feature.geometry().area() > 1e7  # ~ 10 km × 11 km / 2 in metres of the Gauss-Krüger zone
