"""Small helpers shared by the risk algorithms (grading, enterprise risk, four-colour map)."""
import json

from qgis.core import QgsFields, QgsProcessingException

from ..core.risk_levels import RISK_LEVELS


def field_or_default(alg, parameters, name, context, default):
    """The field named by a field parameter, else ``default``.

    The algorithms declare their field parameters optional with a default: QGIS 3.22 does not
    apply a field parameter's default when the parameter is left out (processing.run, qgis_process),
    so a required field parameter would refuse to run without it. Whether the field exists is
    checked by core (an error naming layer and field)."""
    values = alg.parameterAsFields(parameters, name, context)
    return values[0] if values and values[0] else default


def field_choice(alg, parameters, name, context, frame, default=None):
    """The field named by an optional field parameter, or None.

    A field that is missing from the layer is an error — unless it is the parameter's default
    name (e.g. 'hazard_cat'), which layers without that field simply do not use."""
    values = alg.parameterAsFields(parameters, name, context)
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


def write_in_chunks(frame, sink, fields, feedback=None, chunk=10_000, progress=(90, 100)):
    """Write every row of ``frame`` to ``sink`` in chunks (bounded memory: a chunk's QgsFeatures at a
    time), reporting progress between ``progress[0]`` and ``progress[1]``. Returns the row count."""
    from .. import compat
    from ..layers.convert import frame_to_features

    total = len(frame)
    for start in range(0, total, chunk):
        features = frame_to_features(frame.iloc[start:start + chunk], fields)
        if not sink.addFeatures(features, compat.FAST_INSERT):
            error = sink.lastError() if hasattr(sink, "lastError") else ""
            raise QgsProcessingException(f"could not write features: {error}")
        if feedback is not None:
            feedback.setProgress(progress[0] + (progress[1] - progress[0]) * min(start + chunk, total) / max(total, 1))
    return total
