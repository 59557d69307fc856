"""layers/kinds.py: what kind of layer a layer is, from its fields or its name, and which kinds fit
where (issue 15: the dialogs' pre-selection and the run's kind check)."""
import pytest

from riskatlas.layers import kinds
from riskatlas.layers.outputs import ENTERPRISE_RISK_FIELDS, GRID_FIELDS, RISK_MAP_FIELDS
from riskatlas.layers.schemas import SCHEMAS

SCHEMA_FIELDS = {kind: [f.name for f in schema.fields] for kind, schema in SCHEMAS.items()}


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_input_kind_is_recognised_from_its_template_fields(kind):
    assert kinds.recognise("a layer", SCHEMA_FIELDS[kind]) == (kind, kinds.BY_FIELDS)


def test_results_are_recognised_by_their_own_fields_before_their_inputs():
    enterprise_risk = SCHEMA_FIELDS["enterprises"] + [name for name, _kind in ENTERPRISE_RISK_FIELDS]
    assert kinds.kind_from_fields(enterprise_risk) == "enterprise_risk"
    assert kinds.kind_from_fields([n for n, _k in GRID_FIELDS + RISK_MAP_FIELDS]) == "risk_map"
    units_map = SCHEMA_FIELDS["townships"] + [n for n, _k in RISK_MAP_FIELDS]  # a map on township polygons
    assert kinds.kind_from_fields(units_map) == "risk_map"


def test_ledger_headers_and_one_field_alone():
    assert kinds.kind_from_fields(["统一社会信用代码", "企业名称", "行业类别"]) == "enterprises"
    assert kinds.kind_from_fields(["residents"]) is None  # one field says too little
    assert kinds.kind_from_fields([]) is None


@pytest.mark.parametrize("name, kind", [
    ("企业", "enterprises"), ("Enterprises", "enterprises"), ("enterprises", "enterprises"),
    ("企业风险等级", "enterprise_risk"), ("Enterprise risk levels", "enterprise_risk"),
    ("应急避难场所（点）", "shelters"), ("shelter_points", "shelters"), ("道路", "roads"), ("Roads", "roads"),
    ("临海县 镇街", "townships"), ("四色安全风险分布图", "risk_map"), ("消防站5分钟到达范围", "reach_areas"),
    ("重大危险源分级", "hazard_units"), ("危险源", "hazard_sources"), ("points", None), ("", None),
])
def test_names_in_either_language_longest_title_wins(name, kind):
    assert kinds.kind_from_name(name) == kind


def test_fields_outrank_the_name():
    assert kinds.recognise("企业", SCHEMA_FIELDS["roads"]) == ("roads", kinds.BY_FIELDS)
    assert kinds.recognise("企业", ["a", "b"]) == ("enterprises", kinds.BY_NAME)


def test_which_kinds_fit_where():
    risk_fields = SCHEMA_FIELDS["enterprises"] + [n for n, _k in ENTERPRISE_RISK_FIELDS]
    assert kinds.accepts("enterprises", "enterprise_risk", risk_fields)  # risk levels are enterprises too
    assert not kinds.accepts("enterprise_risk", "enterprises", SCHEMA_FIELDS["enterprises"])  # run it first
    assert kinds.accepts("enterprise_risk", "enterprises", SCHEMA_FIELDS["enterprises"] + ["risk_level"])
    assert not kinds.accepts("enterprises", "roads", SCHEMA_FIELDS["roads"])
    assert kinds.accepts("enterprises", None, ["x"])  # nothing known: no objection
    assert kinds.mismatch("enterprises", "道路", SCHEMA_FIELDS["roads"]) == ("roads", kinds.BY_FIELDS)
    assert kinds.mismatch("roads", "道路", SCHEMA_FIELDS["roads"]) is None


def test_match_scores_order_the_candidates():
    exact = kinds.match_score("shelters", "应急避难场所", SCHEMA_FIELDS["shelters"])
    contained = kinds.match_score("shelters", "应急避难场所（点）", SCHEMA_FIELDS["shelters"])
    by_fields = kinds.match_score("shelters", "layer 7", SCHEMA_FIELDS["shelters"])
    by_name = kinds.match_score("shelters", "应急避难场所", ["a"])
    assert exact > contained > by_fields > 0 and by_name > 0
    assert kinds.match_score("shelters", "应急避难场所", SCHEMA_FIELDS["roads"]) == 0  # fields say roads
    assert kinds.match_score("shelters", "道路", ["a"]) == 0
    assert kinds.match_score("shelters", "points", ["a"]) == 0


def test_raw_ledgers_are_told_from_layers_already_imported():
    """importlayer's dialog pre-selects a ledger still to be imported, never a Risk Atlas layer or a result."""
    ledger = ["序号", "企业名称", "统一社会信用代码", "行业类别", "经度", "纬度"]
    assert kinds.is_raw_ledger("企业台账", ledger, has_geometry=False)
    assert kinds.is_raw_ledger("企业", ledger, has_geometry=True)  # a bureau's shapefile: Chinese headers
    assert kinds.is_raw_ledger("Field1 table", ["Field1", "Field2"], has_geometry=False, from_table_file=True)
    assert not kinds.is_raw_ledger("企业", SCHEMA_FIELDS["enterprises"], has_geometry=True)
    assert not kinds.is_raw_ledger("四色图", [n for n, _k in GRID_FIELDS + RISK_MAP_FIELDS], has_geometry=True)
    assert not kinds.is_raw_ledger("provenance", ["step", "algorithm", "parameters"], has_geometry=False)
