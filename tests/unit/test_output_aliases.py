"""Every output field has an alias in Chinese and English (layers/output_aliases.py), so a result's attribute table
reads in the run's language; a field added to an output without one fails here."""
from riskatlas.core.fire_reach.tables import _station_row
from riskatlas.layers import outputs
from riskatlas.layers.output_aliases import apply_output_aliases, output_alias

FORMULAS = {"q_ratio", "beta_q_ratio"}  # aliases that are the formula itself (q/Q, β·q/Q) in both languages


def output_fields():
    names = set()
    for name, value in vars(outputs).items():
        if name.endswith("_FIELDS") and isinstance(value, tuple) and value and isinstance(value[0], tuple):
            names |= {spec[0] for spec in value}
    return names


def test_every_output_field_has_both_aliases():
    station = _station_row({key: 0.0 for key in ("station_id", "name", "class", "turnout_min", "on_network",
                                                 "reach_km2", "residents", "district_km2", "class_limit_km2",
                                                 "exceeds_limit", "district_in_time_pct", "district_residents")})
    fields = output_fields() | set(station) | {"source_layer", "source_fid", "type", "enterprise_id"}
    assert len(fields) > 150
    missing = sorted(f for f in fields if output_alias(f, "zh") is None or output_alias(f, "en") is None)
    assert missing == []
    for field in fields - FORMULAS:
        zh, en = output_alias(field, "zh"), output_alias(field, "en")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), field  # Chinese words, not the field name
        assert en != field and not any("\u4e00" <= ch <= "\u9fff" for ch in en), field


def test_per_target_layer_columns_of_the_reach_summary():
    assert output_alias("enterprises_covered", "zh") == "enterprises 按时到达数"
    assert output_alias("enterprises_total", "en") == "enterprises in total"
    assert output_alias("_total", "en") is None and output_alias("ent_id", "zh") is None


class FakeFields:
    def __init__(self, names, aliases):
        self.names, self.aliases = names, aliases

    def count(self):
        return len(self.names)

    def at(self, index):
        names, aliases = self.names, self.aliases
        return type("Field", (), {"name": lambda self: names[index], "alias": lambda self: aliases[index]})()


class FakeLayer:
    def __init__(self, names, aliases):
        self.given = {}
        self._fields = FakeFields(names, aliases)

    def fields(self):
        return self._fields

    def setFieldAlias(self, index, alias):  # noqa: N802 (QGIS API)
        self.given[index] = alias


def test_applied_only_where_a_field_has_no_alias_and_the_table_has_one():
    layer = FakeLayer(["rank", "name", "industry", "residents"], ["", "企业名称", "", ""])
    apply_output_aliases(layer, "zh")
    assert layer.given == {0: "名次", 3: "人口"}
