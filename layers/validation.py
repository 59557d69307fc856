"""The rules input layers follow, as ``Finding``s (layer, feature id, key, field, problem, severity, message):
one set of rules for validateinputs (which reports every finding) and for the algorithms (which check the
fields they use with the same functions, ``layers.checks``: errors stop them, warnings are counted).

Pure (pandas + shapely): takes what ``layers.convert`` read from QGIS — the GeoDataFrame, the QGIS field
types and the CRS facts. Each finding carries its message as a ``core.messages`` template and arguments
(``message`` is the English text; the algorithms render it in the user's language). Errors stop an analysis;
warnings are repaired, converted or used as given and reported; info is for the record.
"""
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
import shapely

from ..core import messages as m
from ..core.errors import fill
from ..core.geometry import invalid as invalid_geometries
from ..core.ledger.codes import AMBIGUOUS, NOT_LISTED_STATUS, UNKNOWN, has_code_table, read_codes
from ..core.ledger.text import FIELD_DIMENSIONS
from ..core.values import is_blank, parse_bools, parse_numbers
from .schemas import (BOOL, DOUBLE, INT, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES, LINE, METHOD_FIELDS, POINT, POLYGON,
                      STRING)

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

# problem codes
EMPTY_LAYER = "empty_layer"
MISSING_CRS = "missing_crs"
GEOGRAPHIC_CRS = "geographic_crs"
MIXED_CRS = "mixed_crs"
MISSING_FIELD = "missing_field"
WRONG_TYPE = "wrong_type"
TEXT_NUMBERS = "numbers_stored_as_text"
NULL_VALUE = "null_value"
NULL_GEOMETRY = "null_geometry"
INVALID_GEOMETRY = "invalid_geometry"
WRONG_GEOMETRY_TYPE = "wrong_geometry_type"
DUPLICATE_ID = "duplicate_id"
NEGATIVE_VALUE = "negative_value"
OUT_OF_RANGE = "out_of_range"
ABSURD_VALUE = "absurd_value"
IMPLAUSIBLE_VALUE = "implausible_value"
UNKNOWN_CODE = "unknown_code"
UNKNOWN_SUBSTANCE = "unknown_substance"
NON_STANDARD_VALUE = "non_standard_value"
GBK_ENCODING = "gbk_without_cpg"

_STANDARD_VALUES = {"lec_l": LEC_L_VALUES, "lec_e": LEC_E_VALUES, "lec_c": LEC_C_VALUES}
_GEOMETRY_KIND = {0: POINT, 4: POINT, 1: LINE, 2: LINE, 5: LINE, 3: POLYGON, 6: POLYGON}


@dataclass(frozen=True)
class Finding:
    layer: str
    feature_id: object  # QGIS feature id, or None for layer-level findings
    field: object  # field name or None
    problem: str
    severity: str
    message: str  # English
    key: object = None  # the feature's key (its id field), or None
    template: str = None  # the message's core.messages template (None: ``message`` as is)
    arguments: dict = field(default=None, compare=False)

    def render(self, translate=None):
        """The message in the language of ``translate`` (a template's translation), English without."""
        if self.template is None or translate is None:
            return self.message
        return fill(self.template, self.arguments or {}, translate)


def finding(layer, feature_id, column, problem, severity, template, key=None, **arguments):
    """A Finding whose message is ``template`` filled with ``arguments`` (a ``count`` is always available)."""
    arguments.setdefault("count", 1)
    return Finding(layer, None if feature_id is None else int(feature_id), column, problem, severity,
                   template.format(**arguments), key, template, arguments)


@dataclass(frozen=True)
class CrsFacts:
    valid: bool
    geographic: bool
    authid: str
    description: str = ""


class ValidationReport:
    def __init__(self, findings=()):
        self.findings = list(findings)

    def extend(self, findings):
        self.findings.extend(findings)

    def of_severity(self, severity):
        return [f for f in self.findings if f.severity == severity]

    @property
    def errors(self):
        return self.of_severity(ERROR)

    @property
    def warnings(self):
        return self.of_severity(WARNING)

    @property
    def ok(self):
        return not self.errors

    def to_frame(self, translate=None):
        """The findings as a table (messages in the language of ``translate``), errors first."""
        columns = ["layer", "feature_id", "feature_key", "field", "problem", "severity", "message"]
        if not self.findings:
            return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
        rows = [{**{k: v for k, v in asdict(f).items() if k in columns}, "feature_key": f.key,
                 "message": f.render(translate)} for f in self.findings]
        frame = pd.DataFrame(rows, columns=columns)
        frame["order"] = frame["severity"].map(SEVERITY_ORDER)
        return frame.sort_values(["order", "layer", "problem"], kind="stable").drop(columns="order").reset_index(drop=True)

    def counts(self):
        """{(layer, severity): count}"""
        counts = {}
        for f in self.findings:
            counts[(f.layer, f.severity)] = counts.get((f.layer, f.severity), 0) + 1
        return counts

    def to_html(self, title="Risk Atlas — input validation", layers=(), labels=None, max_rows_per_problem=50,
                translate=None):
        """A self-contained HTML summary: per-layer counts, then findings grouped by problem."""
        from .report_html import validation_page

        return validation_page(self, title, layers, labels, max_rows_per_problem, translate)


def _rows(layer, gdf, mask, column, problem, severity, template, keys, per_row=None, **arguments):
    """Findings for the rows of ``mask``; ``per_row``: {argument: array of the rows' values}."""
    mask = np.asarray(mask, dtype=bool)
    fids = gdf.index.to_numpy()[mask]
    row_keys = keys[mask] if keys is not None else [None] * len(fids)
    values = {name: np.asarray(array, dtype=object)[mask] for name, array in (per_row or {}).items()}
    return [finding(layer, fid, column, problem, severity, template, key,
                    **arguments, **{name: _plain(v[i]) for name, v in values.items()})
            for i, (fid, key) in enumerate(zip(fids, row_keys))]


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def keys_of(gdf, schema, columns=None):
    """The features' keys (the schema's first key field, through ``columns``) as an array, or None."""
    name = (columns or {}).get(schema.key[0], schema.key[0])
    if name not in gdf.columns:
        return None
    values = gdf[name].astype(object).to_numpy()
    return np.array([None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
                     for v in values], dtype=object)


def check_field_values(layer, gdf, spec, kind, column=None, keys=None, required=None, layer_kind=None):
    """Empty, type, range and code checks for one present field (``kind`` = its QGIS type family); the
    field is ``column`` of ``gdf`` (default: the spec's name); ``required`` overrides the spec's;
    ``layer_kind`` = the schema kind, whose code table reads coded fields (Chinese labels count as codes)."""
    column = column or spec.name
    required = spec.required if required is None else required
    found = []
    series = gdf[column]
    blank = is_blank(series)
    alias = dict(alias_zh=spec.alias_zh, alias_en=spec.alias_en)
    if required and blank.any():
        if spec.empty_counts_as is not None:
            found += _rows(layer, gdf, blank, column, NULL_VALUE, WARNING, m.EMPTY_COUNTED_AS, keys,
                           value=spec.empty_counts_as, **alias)
        else:
            found += _rows(layer, gdf, blank, column, NULL_VALUE, ERROR, m.REQUIRED_VALUE_EMPTY, keys, **alias)
    coded = layer_kind is not None and has_code_table(layer_kind, spec.name)
    if spec.type in (INT, DOUBLE):
        found += _number_findings(layer, gdf, spec, kind, column, keys, blank)
    elif coded and kind != BOOL:
        found += _code_findings(layer, gdf, spec, layer_kind, column, keys, blank)
    elif spec.type == BOOL and kind not in (BOOL,):
        unknown = parse_bools(series).invalid
        if unknown.any():
            found += _yes_no_findings(layer, gdf, spec, column, keys, unknown)
    elif spec.type == STRING and kind not in (STRING, INT):
        found.append(finding(layer, None, column, WRONG_TYPE, ERROR, m.NOT_TEXT, kind=kind))
    if spec.allowed and not coded:
        found += _allowed_findings(layer, gdf, spec, column, keys, blank)
    return found


def _number_findings(layer, gdf, spec, kind, column, keys, blank):
    found = []
    series = gdf[column]
    parsed = parse_numbers(series, dimension=FIELD_DIMENSIONS.get(spec.name))
    numbers = parsed.values.copy()
    if kind not in (INT, DOUBLE):
        if parsed.invalid.any():
            found += _rows(layer, gdf, parsed.invalid, column, WRONG_TYPE, ERROR, m.NOT_A_NUMBER, keys,
                           per_row={"value": series.to_numpy()})
        elif (~blank).any():
            found.append(finding(layer, None, column, TEXT_NUMBERS, WARNING, m.NUMBERS_AS_TEXT))
    infinite = np.isinf(numbers)
    if infinite.any():
        found += _rows(layer, gdf, infinite, column, WRONG_TYPE, ERROR, m.NOT_FINITE, keys,
                       per_row={"value": series.to_numpy()})
        numbers[infinite] = np.nan
    if spec.type == INT and kind == DOUBLE:
        fractional = ~np.isnan(numbers) & (numbers != np.round(numbers))
        if fractional.any():
            found += _rows(layer, gdf, fractional, column, WRONG_TYPE, ERROR, m.NOT_WHOLE, keys,
                           per_row={"value": numbers})
    return found + _range_findings(layer, gdf, spec, numbers, column, keys)


def _yes_no_findings(layer, gdf, spec, column, keys, unknown):
    """Values that are no yes/no value: errors, or warnings where the analyses use them anyway."""
    severity, template = ((WARNING, m.NOT_YES_NO_USED) if spec.unknown_means else (ERROR, m.NOT_YES_NO))
    return _rows(layer, gdf, unknown, column, WRONG_TYPE, severity, template, keys,
                 per_row={"value": gdf[column].to_numpy()}, consequence=spec.unknown_means or "")


def _code_findings(layer, gdf, spec, layer_kind, column, keys, blank):
    """A coded field read through the one code table (core.ledger: Chinese labels count as their codes),
    as the analyses read it: unknown and ambiguous values are errors — or warnings where the analyses use
    them anyway (``unknown_means``) —, hazard categories outside GB 18218 Table 2 warnings."""
    series = gdf[column]
    recoded = read_codes(layer_kind, spec.name, series.to_numpy(dtype=object))
    if spec.type == BOOL:
        unknown = np.isin(recoded.status, (UNKNOWN, AMBIGUOUS)) & ~blank
        return _yes_no_findings(layer, gdf, spec, column, keys, unknown) if unknown.any() else []
    candidates = np.full(len(series), "", dtype=object)  # per row: the codes an ambiguous value could be
    for change in recoded.changes:
        candidates[list(change.rows)] = " / ".join(map(str, change.candidates))
    used = bool(spec.unknown_means)
    severity = WARNING if used else ERROR
    found = []
    for status, problem, template in (
            (UNKNOWN, UNKNOWN_CODE, m.UNKNOWN_CODE_USED if used else m.UNKNOWN_CODE),
            (AMBIGUOUS, UNKNOWN_CODE, m.AMBIGUOUS_CODE_USED if used else m.AMBIGUOUS_CODE),
            (NOT_LISTED_STATUS, NON_STANDARD_VALUE, m.CATEGORY_NOT_LISTED)):
        rows = (recoded.status == status) & ~blank
        if rows.any():
            found += _rows(layer, gdf, rows, column, problem, WARNING if status == NOT_LISTED_STATUS else severity,
                           template, keys, per_row={"value": series.to_numpy(), "candidates": candidates},
                           allowed=", ".join(map(str, spec.allowed or ())), consequence=spec.unknown_means or "")
    return found


def _allowed_findings(layer, gdf, spec, column, keys, blank):
    """A coded field without a code table: its values compared with ``spec.allowed`` (any case)."""
    series = gdf[column]
    allowed = {str(v).strip().lower() for v in spec.allowed}
    unknown = ~blank & ~series.astype(str).str.strip().str.lower().isin(allowed).to_numpy()
    if not unknown.any():
        return []
    severity, template = (WARNING, m.UNKNOWN_CODE_USED) if spec.unknown_means else (ERROR, m.UNKNOWN_CODE)
    return _rows(layer, gdf, unknown, column, UNKNOWN_CODE, severity, template, keys,
                 per_row={"value": series.to_numpy()}, allowed=", ".join(spec.allowed),
                 consequence=spec.unknown_means or "")


def _range_findings(layer, gdf, spec, numbers, column, keys):
    found = []
    valid = ~np.isnan(numbers)
    if spec.minimum is not None:
        low = valid & (numbers < spec.minimum)
        negative = low & (numbers < 0)
        if negative.any():
            found += _rows(layer, gdf, negative, column, NEGATIVE_VALUE, ERROR, m.NEGATIVE, keys,
                           per_row={"value": numbers})
        below = low & ~negative
        if below.any():
            found += _rows(layer, gdf, below, column, OUT_OF_RANGE, ERROR, m.BELOW_MINIMUM, keys,
                           per_row={"value": numbers}, minimum=spec.minimum)
    if spec.maximum is not None:
        high = valid & (numbers > spec.maximum)
        if high.any():
            found += _rows(layer, gdf, high, column, ABSURD_VALUE, ERROR, m.BEYOND_MAXIMUM, keys,
                           per_row={"value": numbers}, maximum=spec.maximum)
        if spec.plausible is not None:
            doubtful = valid & (numbers > spec.plausible) & (numbers <= spec.maximum)
            if doubtful.any():
                found += _rows(layer, gdf, doubtful, column, IMPLAUSIBLE_VALUE, WARNING, m.IMPLAUSIBLE, keys,
                               per_row={"value": numbers}, plausible=spec.plausible)
    standard = _STANDARD_VALUES.get(spec.name)
    if standard is not None:
        off_table = valid & ~np.isin(numbers, np.asarray(standard, dtype=float))
        in_range = off_table & (numbers >= min(standard)) & (numbers <= max(standard))
        if in_range.any():
            found += _rows(layer, gdf, in_range, column, NON_STANDARD_VALUE, WARNING, m.OFF_LEC_TABLE, keys,
                           per_row={"value": numbers}, values=", ".join(map(str, standard)))
    return found


def check_geometries(layer, gdf, schema, keys=None):
    found = []
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        found += _rows(layer, gdf, missing, None, NULL_GEOMETRY, ERROR, m.NO_GEOMETRY, keys)
    type_ids = shapely.get_type_id(geoms)
    kinds = np.array([_GEOMETRY_KIND.get(int(t)) for t in type_ids], dtype=object)
    wrong = ~missing & ~np.isin(kinds, list(schema.geometries))
    if wrong.any():
        found += _rows(layer, gdf, wrong, None, WRONG_GEOMETRY_TYPE, ERROR, m.WRONG_GEOMETRY, keys,
                       per_row={"found": [g.geom_type if g is not None else "" for g in geoms]},
                       expected=" or ".join(schema.geometries))
    invalid = invalid_geometries(geoms) & ~wrong
    if invalid.any():
        reasons = np.full(len(geoms), "", dtype=object)
        reasons[invalid] = shapely.is_valid_reason(geoms[invalid])
        found += _rows(layer, gdf, invalid, None, INVALID_GEOMETRY, WARNING, m.INVALID_GEOMETRY, keys,
                       per_row={"reason": reasons})
    return found


def check_duplicates(layer, gdf, schema, columns=None, keys=None):
    """Features sharing the key (the schema's key fields, through ``columns``): errors naming all of them."""
    columns = columns or {}
    key = [columns.get(k, k) for k in schema.key]
    if any(k not in gdf.columns for k in key) or gdf.empty:
        return []
    values = gdf[key].astype(str).apply(lambda col: col.str.strip())
    blank = np.zeros(len(gdf), dtype=bool)
    for name in key:
        blank |= is_blank(gdf[name])
    dup = values.duplicated(keep=False).to_numpy() & ~blank
    if not dup.any():
        return []
    joined = values.agg(" / ".join, axis=1).to_numpy()
    return _rows(layer, gdf, dup, "+".join(key), DUPLICATE_ID, ERROR, m.DUPLICATE_KEY, keys,
                 per_row={"value": joined}, fields="+".join(key))


def _kind_of(series):
    """Type family of a column when QGIS's field type is not known (plain GeoDataFrames)."""
    if pd.api.types.is_bool_dtype(series):
        return BOOL
    if pd.api.types.is_integer_dtype(series):
        return INT
    if pd.api.types.is_float_dtype(series):
        return DOUBLE
    return STRING


def check_fields(schema, layer, gdf, field_types, columns=None, required=(), fields=None, method=None,
                 required_only=False):
    """The field rules for ``fields`` (schema field names; None: all of the schema's) of a layer whose
    schema fields are ``columns`` ({schema field: column}, default the same name). A field is required when
    the schema says so (unless ``required_only``: an algorithm needing fewer), when it is in ``required`` or
    when ``method`` (e.g. LEC) needs it."""
    columns = columns or {}
    needed = set(required) | set(METHOD_FIELDS.get((schema.kind, method), ()))
    chosen = [s for s in schema.fields if fields is None or s.name in fields]
    keys = keys_of(gdf, schema, columns)
    found = []
    for spec in chosen:
        column = columns.get(spec.name, spec.name)
        is_required = (spec.required and not required_only) or spec.name in needed
        if column not in gdf.columns:
            if is_required:
                template = m.METHOD_FIELD_MISSING if method and spec.name in needed else m.REQUIRED_FIELD_MISSING
                found.append(finding(layer, None, column, MISSING_FIELD, ERROR, template, alias_zh=spec.alias_zh,
                                     alias_en=spec.alias_en, method=str(method).upper()))
            continue
        found += check_field_values(layer, gdf, spec, field_types.get(column) or _kind_of(gdf[column]), column,
                                    keys, is_required, schema.kind)
    if fields is None or any(k in fields for k in schema.key):
        found += check_duplicates(layer, gdf, schema, columns, keys)
    extra = KIND_CHECKS.get(schema.kind)
    if extra is not None and not any(f.severity == ERROR and f.field in (columns.get("substance", "substance"),
                                                                         columns.get("hazard_cat", "hazard_cat"))
                                     for f in found):
        found += extra(layer, gdf, columns, keys)
    return found


def _substances(layer, gdf, columns, keys):
    """Hazard records: every substance GB 18218-2018 cannot resolve (the grading's own rule)."""
    from ..core.hazard_grading import HazardFields, substance_problems

    unit, substance = columns.get("unit_id", "unit_id"), columns.get("substance", "substance")
    category = columns.get("hazard_cat", "hazard_cat")
    if unit not in gdf.columns or substance not in gdf.columns:
        return []
    fields = HazardFields(unit=unit, substance=substance, category=category if category in gdf.columns else None)
    found = []
    for problem in substance_problems(gdf, fields, layer):
        for fid, key in zip(problem.feature_ids, problem.keys or [None] * len(problem.feature_ids)):
            found.append(Finding(layer, int(fid), problem.field, UNKNOWN_SUBSTANCE, ERROR, problem.message, key,
                                 problem.template, problem.arguments))
    return found


KIND_CHECKS = {"hazard_sources": _substances}  # rules beyond single fields, by layer kind


def validate_layer(schema, layer, gdf, field_types, crs, method=None):
    """All per-layer checks. ``field_types``: {field: INT/DOUBLE/STRING/BOOL/...}; ``crs``: CrsFacts; ``method``:
    the enterprise-risk method the assessment uses (its fields are then required)."""
    found = []
    if not crs.valid:
        found.append(finding(layer, None, None, MISSING_CRS, ERROR, m.MISSING_CRS))
    elif crs.geographic:
        found.append(finding(layer, None, None, GEOGRAPHIC_CRS, WARNING, m.GEOGRAPHIC_CRS, authid=crs.authid))
    if len(gdf) == 0:
        found.append(finding(layer, None, None, EMPTY_LAYER, ERROR, m.EMPTY_LAYER))
        return found
    found += check_fields(schema, layer, gdf, field_types, method=method)
    found += check_geometries(layer, gdf, schema, keys_of(gdf, schema))
    return found


def check_mixed_crs(layers):
    """``layers``: [(name, CrsFacts)] in input order. Warn for each layer whose CRS differs from the first."""
    valid = [(name, crs) for name, crs in layers if crs.valid]
    if not valid:
        return []
    first_name, first = valid[0]
    return [finding(name, None, None, MIXED_CRS, WARNING, m.MIXED_CRS, authid=crs.authid, first=first_name,
                    first_authid=first.authid)
            for name, crs in valid[1:] if crs.authid != first.authid]

