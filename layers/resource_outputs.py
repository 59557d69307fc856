"""Writing the resource coverage's outputs: the frames of ``core.resource_coverage`` into the algorithm's
sinks, with their fields (``layers.outputs``), styles and provenance."""
import functools

from ..support import compat
from ..support.i18n import is_chinese
from . import outputs as out
from .resource_style import style_resource_areas, style_resource_gaps, style_resource_targets, style_resource_towns


def write_coverage(algorithm, parameters, context, feedback, result, crs, record):
    """Write every output of ``result`` (a CoverageResult) that was asked for; returns {output: destination}."""
    language = "zh" if is_chinese() else "en"
    sinks = (("OUTPUT_AREAS", result.areas, out.RESOURCE_AREA_FIELDS, compat.WKB_MULTIPOLYGON, style_resource_areas),
             ("OUTPUT_GAPS", result.gaps, out.RESOURCE_GAP_FIELDS, compat.WKB_MULTIPOLYGON, style_resource_gaps),
             ("OUTPUT_TOWNSHIPS", result.townships, out.RESOURCE_TOWN_FIELDS, compat.WKB_MULTIPOLYGON,
              functools.partial(style_resource_towns, language=language)),
             ("OUTPUT_TARGETS", result.targets, out.RESOURCE_TARGET_FIELDS, compat.WKB_POINT,
              functools.partial(style_resource_targets, language=language)),
             ("OUTPUT_EDGES", result.edges, out.RESOURCE_EDGE_FIELDS, compat.WKB_MULTILINESTRING, None))
    written = {}
    for name, frame, specs, wkb_type, style in sinks:
        optional = name not in ("OUTPUT_AREAS", "OUTPUT_GAPS")
        if frame is None or (optional and parameters.get(name) is None):
            continue
        if name == "OUTPUT_TOWNSHIPS":
            frame = frame.assign(geometry=_multipolygons(frame.geometry.to_numpy()))
        dest = algorithm.write_sink(parameters, name, context, frame, specs, wkb_type, crs, style=style,
                                    provenance=record, required=not optional)
        if dest is not None:
            written[name] = dest
        algorithm.check_cancelled(feedback)
    return written


def _multipolygons(geoms):
    from ..core.fire_reach.regions import as_multipolygons

    return as_multipolygons(geoms)
