"""Validation of input layers against their schema: a structured report, never an exception.

Pure (pandas + shapely): takes what ``layers.convert`` read from QGIS — the GeoDataFrame, the
QGIS field types and the CRS facts — and returns ``Finding``s (layer, feature id, field,
problem, severity, message). Errors stop an analysis; warnings are repaired or converted and
reported; info is for the record.
"""
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
import shapely

from ..core.ledger.codes import AMBIGUOUS, NOT_LISTED_STATUS, UNKNOWN, has_code_table, read_codes
from ..core.ledger.text import FIELD_DIMENSIONS
from ..core.values import is_blank, parse_bools, parse_numbers
from .schemas import BOOL, DOUBLE, INT, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES, LINE, POINT, POLYGON, STRING

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
UNKNOWN_CODE = "unknown_code"
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
    message: str


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

    def to_frame(self):
        columns = ["layer", "feature_id", "field", "problem", "severity", "message"]
        if not self.findings:
            return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
        frame = pd.DataFrame([asdict(f) for f in self.findings], columns=columns)
        frame["order"] = frame["severity"].map(SEVERITY_ORDER)
        return frame.sort_values(["order", "layer", "problem"], kind="stable").drop(columns="order").reset_index(drop=True)

    def counts(self):
        """{(layer, severity): count}"""
        counts = {}
        for f in self.findings:
            counts[(f.layer, f.severity)] = counts.get((f.layer, f.severity), 0) + 1
        return counts

    def to_html(self, title="Risk Atlas — input validation", layers=(), labels=None, max_rows_per_problem=50):
        """A self-contained HTML summary: per-layer counts, then findings grouped by problem."""
        from .report_html import validation_page

        return validation_page(self, title, layers, labels, max_rows_per_problem)


def _fids(gdf, mask):
    return gdf.index.to_numpy()[np.asarray(mask, dtype=bool)]


def _findings(layer, fids, field, problem, severity, messages):
    if isinstance(messages, str):
        messages = [messages] * len(fids)
    return [Finding(layer, int(fid), field, problem, severity, msg) for fid, msg in zip(fids, messages)]


def _as_numbers(series, name=None):
    """Values as float (NaN where missing or unparseable) and a mask of unparseable non-blank values
    (units of the field's dimension are read: "12吨" in a quantity)."""
    parsed = parse_numbers(series, dimension=FIELD_DIMENSIONS.get(name))
    return parsed.values, parsed.invalid


def _code_findings(layer, gdf, spec, layer_kind, blank):
    """Values of a coded field read through the one code table (Chinese labels count as their codes):
    unknown and ambiguous values are errors, hazard classes outside GB 18218 Table 2 warnings."""
    found = []
    recoded = read_codes(layer_kind, spec.name, gdf[spec.name].to_numpy(dtype=object))
    values = gdf[spec.name].to_numpy()
    candidates = np.full(len(values), "", dtype=object)  # per row: the codes an ambiguous value could be
    for change in recoded.changes:
        candidates[list(change.rows)] = " / ".join(map(str, change.candidates))
    for status, severity in ((UNKNOWN, ERROR), (AMBIGUOUS, ERROR), (NOT_LISTED_STATUS, WARNING)):
        rows = (recoded.status == status) & ~blank
        if not rows.any():
            continue
        if spec.type == BOOL:
            messages = [f"'{spec.name}' must be true/false (是/否, yes/no, 1/0), found '{v}'" for v in values[rows]]
            found += _findings(layer, _fids(gdf, rows), spec.name, WRONG_TYPE, severity, messages)
            continue
        choices = ", ".join(map(str, spec.allowed or ()))
        messages = [f"unknown {spec.name} '{v}' (allowed: {choices})" if status == UNKNOWN
                    else f"'{spec.name}' = '{v}' could be {c}: write which one" if status == AMBIGUOUS
                    else f"'{spec.name}' = '{v}' is not a category of GB 18218 Table 2"
                    for v, c in zip(values[rows], candidates[rows])]
        found += _findings(layer, _fids(gdf, rows), spec.name, UNKNOWN_CODE if severity == ERROR
                           else NON_STANDARD_VALUE, severity, messages)
    return found


def check_field_values(layer, gdf, spec, kind, layer_kind=None):
    """Type, null, range and code checks for one present field (``kind`` = its QGIS type family;
    ``layer_kind`` = the schema kind, whose code table reads coded fields)."""
    found = []
    series = gdf[spec.name]
    blank = is_blank(series)
    if spec.required and blank.any():
        found += _findings(layer, _fids(gdf, blank), spec.name, NULL_VALUE, ERROR,
                           f"required field '{spec.name}' ({spec.alias_zh}) is empty")
    if spec.type in (INT, DOUBLE):
        if kind not in (INT, DOUBLE):
            numbers, unparseable = _as_numbers(series, spec.name)
            if unparseable.any():
                bad = series.to_numpy()[unparseable]
                found += _findings(layer, _fids(gdf, unparseable), spec.name, WRONG_TYPE, ERROR,
                                   [f"'{spec.name}' must be a number, found '{v}'" for v in bad])
            elif (~blank).any():
                found.append(Finding(layer, None, spec.name, TEXT_NUMBERS, WARNING,
                                     f"'{spec.name}' is a text field holding numbers; it is read as numbers"))
        else:
            numbers = parse_numbers(series, dimension=FIELD_DIMENSIONS.get(spec.name)).values
        if spec.type == INT and kind == DOUBLE:
            fractional = ~np.isnan(numbers) & (numbers != np.round(numbers))
            if fractional.any():
                found += _findings(layer, _fids(gdf, fractional), spec.name, WRONG_TYPE, ERROR,
                                   [f"'{spec.name}' must be a whole number, found {v:g}" for v in numbers[fractional]])
        found += _range_findings(layer, gdf, spec, numbers)
    coded = layer_kind is not None and has_code_table(layer_kind, spec.name)
    if coded and kind != BOOL:
        found += _code_findings(layer, gdf, spec, layer_kind, blank)
    elif spec.type == BOOL and kind not in (BOOL,):
        unknown = parse_bools(series).invalid
        if unknown.any():
            found += _findings(layer, _fids(gdf, unknown), spec.name, WRONG_TYPE, ERROR,
                               [f"'{spec.name}' must be true/false (是/否, yes/no, 1/0), found '{v}'"
                                for v in series.to_numpy()[unknown]])
    elif spec.type == STRING and kind not in (STRING, INT):
        found.append(Finding(layer, None, spec.name, WRONG_TYPE, ERROR,
                             f"'{spec.name}' must be a text field (it is {kind})"))
    if spec.allowed and not coded:
        allowed = {str(v).strip().lower() for v in spec.allowed}
        text = series.astype(str).str.strip().str.lower()
        unknown = ~blank & ~text.isin(allowed).to_numpy()
        if unknown.any():
            choices = ", ".join(spec.allowed)
            found += _findings(layer, _fids(gdf, unknown), spec.name, UNKNOWN_CODE, ERROR,
                               [f"unknown {spec.name} '{v}' (allowed: {choices})" for v in series.to_numpy()[unknown]])
    return found


def _range_findings(layer, gdf, spec, numbers):
    found = []
    valid = ~np.isnan(numbers)
    if spec.minimum is not None:
        low = valid & (numbers < spec.minimum)
        negative = low & (numbers < 0)
        if negative.any():
            found += _findings(layer, _fids(gdf, negative), spec.name, NEGATIVE_VALUE, ERROR,
                               [f"'{spec.name}' is negative ({v:g})" for v in numbers[negative]])
        below = low & ~negative
        if below.any():
            found += _findings(layer, _fids(gdf, below), spec.name, OUT_OF_RANGE, ERROR,
                               [f"'{spec.name}' = {v:g} is below {spec.minimum:g}" for v in numbers[below]])
    if spec.maximum is not None:
        high = valid & (numbers > spec.maximum)
        if high.any():
            found += _findings(layer, _fids(gdf, high), spec.name, ABSURD_VALUE, ERROR,
                               [f"'{spec.name}' = {v:g} is implausibly large (> {spec.maximum:g})"
                                for v in numbers[high]])
    standard = _STANDARD_VALUES.get(spec.name)
    if standard is not None:
        off_table = valid & ~np.isin(numbers, np.asarray(standard, dtype=float))
        in_range = off_table & (numbers >= min(standard)) & (numbers <= max(standard))
        if in_range.any():
            found += _findings(layer, _fids(gdf, in_range), spec.name, NON_STANDARD_VALUE, WARNING,
                               [f"'{spec.name}' = {v:g} is not one of the LEC table values "
                                f"({', '.join(map(str, standard))})" for v in numbers[in_range]])
    return found


def check_geometries(layer, gdf, schema):
    found = []
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        found += _findings(layer, _fids(gdf, missing), None, NULL_GEOMETRY, ERROR, "feature has no geometry")
    type_ids = shapely.get_type_id(geoms)
    kinds = np.array([_GEOMETRY_KIND.get(int(t)) for t in type_ids], dtype=object)
    wrong = ~missing & ~np.isin(kinds, list(schema.geometries))
    if wrong.any():
        expected = " or ".join(schema.geometries)
        found += _findings(layer, _fids(gdf, wrong), None, WRONG_GEOMETRY_TYPE, ERROR,
                           [f"geometry is a {g.geom_type}, expected {expected}"
                            for g in geoms[wrong]])
    check = ~missing & ~wrong
    invalid = np.zeros(len(geoms), dtype=bool)
    invalid[check] = ~shapely.is_valid(geoms[check])
    if invalid.any():
        reasons = shapely.is_valid_reason(geoms[invalid])
        found += _findings(layer, _fids(gdf, invalid), None, INVALID_GEOMETRY, WARNING,
                           [f"invalid geometry ({r}); it will be repaired (make valid) before analysis"
                            for r in reasons])
    return found


def check_duplicates(layer, gdf, schema):
    key = [k for k in schema.key if k in gdf.columns]
    if len(key) != len(schema.key) or gdf.empty:
        return []
    keys = gdf[key].astype(str).apply(lambda col: col.str.strip())
    blank = np.zeros(len(gdf), dtype=bool)
    for name in key:
        blank |= is_blank(gdf[name])
    dup = keys.duplicated(keep=False).to_numpy() & ~blank
    if not dup.any():
        return []
    fids = gdf.index.to_numpy()
    groups = pd.Series(fids[dup]).groupby(keys[dup].agg(" / ".join, axis=1).to_numpy()).agg(list)
    found = []
    for value, members in groups.items():
        for fid in members:
            others = ", ".join(str(o) for o in members if o != fid)
            found.append(Finding(layer, int(fid), "+".join(key), DUPLICATE_ID, ERROR,
                                 f"duplicate {'+'.join(key)} '{value}' (also feature {others})"))
    return found


def _kind_of(series):
    """Type family of a column when QGIS's field type is not known (plain GeoDataFrames)."""
    if pd.api.types.is_bool_dtype(series):
        return BOOL
    if pd.api.types.is_integer_dtype(series):
        return INT
    if pd.api.types.is_float_dtype(series):
        return DOUBLE
    return STRING


def validate_layer(schema, layer, gdf, field_types, crs):
    """All per-layer checks. ``field_types``: {field: INT/DOUBLE/STRING/BOOL/...}; ``crs``: CrsFacts."""
    found = []
    if not crs.valid:
        found.append(Finding(layer, None, None, MISSING_CRS, ERROR,
                             "the layer has no coordinate reference system; set it in Layer Properties ▸ Source"))
    elif crs.geographic:
        found.append(Finding(layer, None, None, GEOGRAPHIC_CRS, WARNING,
                             f"geographic CRS {crs.authid}: the analysis reprojects it to a local projected "
                             "CRS (CGCS2000 3-degree Gauss-Krüger zone in China)"))
    if len(gdf) == 0:
        found.append(Finding(layer, None, None, EMPTY_LAYER, ERROR, "the layer has no features"))
        return found
    missing = [spec for spec in schema.required_fields if spec.name not in gdf.columns]
    for spec in missing:
        found.append(Finding(layer, None, spec.name, MISSING_FIELD, ERROR,
                             f"required field '{spec.name}' ({spec.alias_zh} / {spec.alias_en}) is missing"))
    for spec in schema.fields:
        if spec.name in gdf.columns:
            found += check_field_values(layer, gdf, spec, field_types.get(spec.name) or _kind_of(gdf[spec.name]),
                                        schema.kind)
    found += check_geometries(layer, gdf, schema)
    found += check_duplicates(layer, gdf, schema)
    return found


def check_mixed_crs(layers):
    """``layers``: [(name, CrsFacts)] in input order. Warn for each layer whose CRS differs from the first."""
    valid = [(name, crs) for name, crs in layers if crs.valid]
    if not valid:
        return []
    first_name, first = valid[0]
    return [Finding(name, None, None, MIXED_CRS, WARNING,
                    f"CRS {crs.authid} differs from {first_name}'s {first.authid}; it is reprojected to {first.authid}")
            for name, crs in valid[1:] if crs.authid != first.authid]
