"""Small helpers shared by the risk algorithms (grading, enterprise risk, four-colour map)."""
import json

from qgis.core import QgsFields, QgsProcessingException

from ..support import compat
from ..core.standards.risk_levels import RISK_LEVELS


def field_choice(alg, parameters, name, context, frame, default=None):
    """The field named by an optional field parameter, or None.

    A field that is missing from the layer is an error — unless it is the parameter's default
    name (e.g. 'hazard_cat'), which layers without that field simply do not use."""
    values = compat.parameter_as_fields(alg, parameters, name, context)
    chosen = values[0] if values else None
    if not chosen:
        return None
    if chosen not in frame.gdf.columns:
        if chosen == default:
            return None
        raise QgsProcessingException(f"{frame.name}: field '{chosen}' not found ({name})")
    return chosen


def input_and_new_fields(source_fields, new_fields, feedback=None, layer=""):
    """QgsFields: the input's fields (minus any the algorithm writes itself, reported) + the new ones."""
    fields = QgsFields()
    replaced = []
    new_names = set(new_fields.names())
    for qgs_field in source_fields:
        if qgs_field.name() in new_names:
            replaced.append(qgs_field.name())
            continue
        fields.append(qgs_field)
    for qgs_field in new_fields:
        fields.append(qgs_field)
    if replaced and feedback is not None:
        feedback.pushWarning(f"{layer}: input fields replaced by the results of the same name: {', '.join(replaced)}")
    return fields


def as_nullable_int(series):
    """A float column holding whole numbers and NaN as pandas Int64 (written as integers / NULL)."""
    return series.round().astype("Int64")


def push_warnings(feedback, warnings):
    for warning in warnings:
        feedback.pushWarning(warning)


def push_provenance(feedback, record):
    feedback.pushInfo("provenance: " + json.dumps(record, ensure_ascii=False))


def level_counts_text(levels):
    """'重大风险 Major risk: 3; …' for a sequence of levels 1..4."""
    import numpy as np

    counts = np.bincount(np.asarray(levels, dtype=int), minlength=5)
    return "; ".join(f"{lv.level} {lv.label_zh} {lv.label_en}: {counts[lv.level]}" for lv in RISK_LEVELS)
