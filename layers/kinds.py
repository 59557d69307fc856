"""What kind of layer a layer is — an input kind (enterprises, roads …) or a result the plugin wrote
(enterprise risk levels, the four-colour map …) — from its fields, else from its name.

The dialogs pre-select the project's layer of each parameter's kind with it, and a run stops when
the layer chosen for one kind looks like another ("选择的企业图层看起来是道路").

Rules:
* Fields first. A result kind is recognised by its signature fields (fields only that result
  writes); an input kind by the ledger's header synonyms (``core.ledger.recognise``: at least half
  of the kind's required fields, one kind ahead of the others) and at least two of its fields —
  one field such as ``residents`` says too little.
* Then the name, in either language: a kind's Chinese or English title or its GeoPackage layer
  name, equal to the layer's name or (the longest such title) contained in it — so
  "企业风险等级" is enterprise risk, not enterprises, and "应急避难场所（点）" is shelters.
* A kind is accepted where another is expected when it is that kind too (enterprise risk levels
  are enterprises with risk fields), when the expected kind is a group holding it (``resources``:
  rescue teams or supply depots), or when the layer has the fields the expected kind needs
  (an input kind's required fields; ``risk_level`` for a risk source of the four-colour map).

Pure (no qgis): tested in tests/unit/test_kinds.py.
"""
from dataclasses import dataclass
from functools import lru_cache

from ..core.ledger.recognise import recognise_kind
from .schemas import ASSESSMENT_INPUTS, RESULT_BY_NAME, SCHEMAS

BY_FIELDS, BY_NAME = "fields", "name"


@dataclass(frozen=True)
class Kind:
    key: str
    title_zh: str
    title_en: str
    names: tuple = ()  # other names the layer goes by (GeoPackage layer names)
    signatures: tuple = ()  # a result kind: field sets, each of which only it has
    needs: tuple = ()  # fields that make a layer usable where this kind is expected
    is_a: str = None  # accepted where this other kind is expected
    made_by: str = None  # the algorithm (id) that writes it: "run it first"
    includes: tuple = ()  # a kind of kinds: any of these is accepted where it is expected


def _input_kinds():
    names = {}
    for assessment_input in ASSESSMENT_INPUTS:
        names.setdefault(assessment_input.kind, []).append(assessment_input.layer)
    return {key: Kind(key, schema.title_zh, schema.title_en, tuple(dict.fromkeys([key] + names.get(key, []))),
                      needs=tuple(f.name for f in schema.required_fields))
            for key, schema in SCHEMAS.items()}


def _result(name, signatures, needs=(), is_a=None, made_by=None):
    result = RESULT_BY_NAME[name]
    return Kind(name, result.title_zh, result.title_en, (name,), signatures, needs, is_a, made_by)


def _resource_result(key, title_zh, title_en, signatures):
    """A result of riskatlas:resourcecoverage: rescue teams' and depots' outputs have the same fields."""
    return Kind(key, title_zh, title_en, (), signatures, (), None, "resourcecoverage")


RESULT_KINDS = {k.key: k for k in (
    # before the fire-station reach's: their gaps have the reach gaps' fields and more
    _resource_result("resource_areas", "应急资源到达范围", "Resource reach areas", (("resource_id", "reach_km2"),)),
    _resource_result("resource_gaps", "应急资源未覆盖区域", "Resource gaps", (("gap_id", "key_occupancy"),)),
    _resource_result("resource_towns", "各镇街应急资源覆盖", "Resource coverage by township",
                     (("residents_left_out", "key_targets_left_out"),)),
    _resource_result("resource_targets", "重点目标到达时间", "Key targets' arrival",
                     (("resource_id", "arrival_min", "covered"),)),
    _result("enterprise_risk", (("risk_level", "level_source"),), ("risk_level",), "enterprises", "enterpriserisk"),
    _result("hazard_units", (("unit_id", "s_value", "r_value"),), ("risk_level",), None, "gradehazardsources"),
    _result("risk_map", (("risk_level", "n_level1"), ("risk_level", "cell_id")), ("risk_level",), None,
            "fourcolourmap"),
    _result("reach_areas", (("station_id", "reach_km2"),), (), None, "firestationreach"),
    _result("reach_gaps", (("gap_id", "area_km2"),), (), None, "firestationreach"),
    _result("shelter_units", (("shelter_area_m2", "m2_per_capita"),), (), None, "shelterpercapita"),
    _result("shelter_load", (("eff_area_m2", "served_residents"),), (), "shelters", "shelterpercapita"),
)}
MIN_FIELDS = 2  # an input kind is recognised from at least this many of its fields
GROUP_KINDS = {k.key: k for k in (  # kinds of kinds: a parameter that takes either
    Kind("resources", "应急救援队伍或物资储备库", "Rescue teams or supply depots",
         includes=("rescue_teams", "supply_depots")),
)}
KINDS = {**_input_kinds(), **RESULT_KINDS, **GROUP_KINDS}


def title(kind, language):
    """The kind's title in 'zh' or 'en'."""
    return KINDS[kind].title_zh if language == "zh" else KINDS[kind].title_en


def _normal(text):
    return "".join(str(text or "").lower().split()).replace("_", "").replace("-", "")


def kind_from_fields(field_names):
    """The kind the fields say, or None: a result's signature first, then the ledger's synonyms."""
    return _kind_from_fields(tuple(field_names))


@lru_cache(maxsize=4096)  # a dialog asks for every layer of the project, for each layer parameter
def _kind_from_fields(field_names):
    present = set(field_names)
    for kind in RESULT_KINDS.values():
        if any(set(signature) <= present for signature in kind.signatures):
            return kind.key
    guess = recognise_kind(list(field_names))
    if guess.kind is None:
        return None
    matched = next(n for kind, _share, n in guess.ranking if kind == guess.kind)
    return guess.kind if matched >= MIN_FIELDS else None


@lru_cache(maxsize=4096)
def kind_from_name(layer_name):
    """The kind the layer's name says, or None (see the module doc)."""
    name = _normal(layer_name)
    if not name:
        return None
    best, best_length = None, 0
    for kind in KINDS.values():
        if kind.includes:  # a kind of kinds is never a layer's own
            continue
        for candidate in (kind.title_zh, kind.title_en) + kind.names:
            text = _normal(candidate)
            if text == name:
                return kind.key
            if len(text) > best_length and text in name:
                best, best_length = kind.key, len(text)
    return best


def recognise(layer_name, field_names):
    """(kind, how): how is 'fields' or 'name'; (None, None) when neither tells."""
    kind = kind_from_fields(field_names)
    if kind is not None:
        return kind, BY_FIELDS
    kind = kind_from_name(layer_name)
    return (kind, BY_NAME) if kind is not None else (None, None)


def accepts(expected, found, field_names=()):
    """True when a layer recognised as ``found`` (with ``field_names``) fits where ``expected`` is asked."""
    if found is None or found == expected or KINDS[found].is_a == expected or found in KINDS[expected].includes:
        return True
    needs = KINDS[expected].needs
    return bool(needs) and set(needs) <= set(field_names)


def match_score(expected, layer_name, field_names):
    """How well a layer fits a parameter of kind ``expected``: 0 (not at all) … 4 (fields and its exact name)."""
    by_fields = kind_from_fields(field_names)
    by_name = kind_from_name(layer_name)
    if by_fields is not None and not accepts(expected, by_fields, field_names):
        return 0
    score = 2 if by_fields is not None else 0
    if by_name is not None and (by_name == expected or by_name in KINDS[expected].includes):
        named = KINDS[by_name]
        exact = any(_normal(t) == _normal(layer_name) for t in (named.title_zh, named.title_en) + named.names)
        score += 2 if exact else 1
    elif by_name is not None and by_fields is None:
        return 0  # the name says another kind and the fields say nothing
    if by_fields is None and by_name is None:
        return 0
    return score


def mismatch(expected, layer_name, field_names):
    """None when the layer may be used where ``expected`` is asked; else (found kind, how)."""
    found, how = recognise(layer_name, field_names)
    if accepts(expected, found, field_names):
        return None
    return found, how


def is_raw_ledger(layer_name, field_names, has_geometry, from_table_file=False):
    """True when a layer is a bureau's own ledger still to be imported (riskatlas:importlayer): a
    spreadsheet or CSV (``from_table_file``) or a table whose headers or name say an input kind, or a
    layer of an input kind lacking a required field under its Risk Atlas name (Chinese headers). A
    layer of the Risk Atlas schema, a result, and a layer that says nothing are not."""
    found = kind_from_fields(field_names)
    if found in RESULT_KINDS:
        return False
    if from_table_file:
        return True
    kind = found or kind_from_name(layer_name)
    if kind not in SCHEMAS:
        return False
    return not has_geometry or not set(KINDS[kind].needs) <= set(field_names)
