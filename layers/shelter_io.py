"""riskatlas:shelterpercapita's layers: the walking network from the roads, and the outputs made
from a core.shelter_capacity analysis — the units or population features with their indicator,
the shelters with their load, the summary table, the HTML page, the styles, the output numbers
and the log lines (translated in the algorithm's context)."""
import math
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate

from ..core.standards.shelters import NOT_WALKABLE_CLASSES

from .outputs import (SHELTER_LOAD_FIELDS, SHELTER_POPULATION_FIELDS, SHELTER_UNIT_FIELDS, UNIT_ID_FIELDS,
                      UNIT_NAME_FIELDS, first_present, join_results, output_specs, shelter_rows)


@dataclass
class ShelterOutputs:
    main: object  # the units (METHOD 0) or the population features, with the indicator columns
    main_specs: list
    main_wkb: object
    shelters: object
    shelter_specs: list
    shelter_wkb: object
    table: object  # core.shelter_report.summary_table
    table_specs: tuple
    name_field: str = None  # the units' name field, for labels
    warnings: list = field(default_factory=list)  # input fields replaced by results
    info: list = field(default_factory=list)


def shelter_outputs(analysis, layers, population, units):
    """``layers``: the shelter LayerFrames; ``population``, ``units``: LayerFrames (units may be None)."""
    from ..core.shelter_capacity import METHOD_ADMINISTRATIVE
    from ..core.shelter_report import SUMMARY_COLUMNS, summary_table
    from ..support import compat
    from .sinks import wkb_type_for

    unit_ids = unit_names = name_field = None
    if units is not None:
        id_field = first_present(units.gdf.columns, UNIT_ID_FIELDS)
        name_field = first_present(units.gdf.columns, UNIT_NAME_FIELDS)
        if id_field:
            ids = units.gdf[id_field].astype(object)
            unit_ids = ids.where(ids.notna(), None).map(lambda v: None if v is None else str(v))
        if name_field:
            unit_names = units.gdf[name_field].astype(object).where(units.gdf[name_field].notna(), None)
    if analysis.method == METHOD_ADMINISTRATIVE:
        source, result, columns = units, analysis.units, SHELTER_UNIT_FIELDS
    else:
        source, result, columns = population, analysis.population, SHELTER_POPULATION_FIELDS
    main, replaced = join_results(source.gdf, source.field_types, result, columns)
    rows = shelter_rows(layers, analysis.shelters, SHELTER_LOAD_FIELDS)
    warnings = [translate("ShelterPerCapita", "{0}: input fields {1} are replaced by the results").format(
        layer, ", ".join(names)) for layer, names in [(source.name, replaced), *rows.replaced.items()] if names]
    info = ([translate("ShelterPerCapita", "Shelter load: polygons and points written as centroid points")]
            if rows.as_centroids else [])
    return ShelterOutputs(main, output_specs(source.field_types, columns), wkb_type_for(main), rows.frame, rows.specs,
                          wkb_type_for(rows.frame, compat.WKB_POINT), summary_table(analysis, unit_ids, unit_names),
                          SUMMARY_COLUMNS, name_field, warnings, info)


def shelter_styles(method, target, name_field):
    """(style of the main output, style of the shelter load) as functions of a layer."""
    from ..core.shelter_capacity import METHOD_ADMINISTRATIVE
    from .shelter_style import style_per_capita, style_shelter_load, style_units_per_capita

    if method == METHOD_ADMINISTRATIVE:
        def style_main(layer):
            style_units_per_capita(layer, target, name_field)
    else:
        def style_main(layer):
            style_per_capita(layer, target)
    return style_main, style_shelter_load


def summary_numbers(analysis, names):
    """The algorithm's number outputs from the analysis summary (NaN → None)."""
    def plain(value):
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else value

    return {name: plain(analysis.summary[name.lower()]) for name in names}


def shelter_html(analysis, out, parameters, warnings, provenance, language="zh"):
    from .report_html import shelter_page

    named = [c for c in ("shelter_id", "name") if c in out.shelters.columns]
    text = out.shelters[named].astype(object).where(out.shelters[named].notna(), "").astype(str)
    labels = [" ".join(row) for row in text.itertuples(index=False)] if named else []  # (none: no shelter)
    return shelter_page(analysis, out.table, parameters=parameters, warnings=warnings, provenance=provenance,
                        shelter_labels=dict(zip(analysis.shelters.index, labels)), language=language)


def walking_network(roads, progress):
    """(network_pairs function, stats, log lines) for METHOD 2: the roads people walk along."""
    import numpy as np

    from ..core.shelter_capacity import network_pairs_function, walkable

    geoms, lines = np.asarray(roads.gdf.geometry.values, dtype=object), []
    if "class" in roads.gdf.columns:
        keep = walkable(roads.gdf["class"].to_numpy())
        if (~keep).any():
            lines.append(translate("ShelterPerCapita", "{0} roads of class {1} are not walked along").format(
                int((~keep).sum()), ", ".join(NOT_WALKABLE_CLASSES)))
        geoms = geoms[keep]
    lines.append(translate("ShelterPerCapita", "Building the walking network from {0} road features").format(
        len(geoms)))
    stats = {}
    return network_pairs_function(geoms, stats=stats, progress=progress), stats, lines


def network_warnings(stats):
    warnings = []
    if stats.get("demand_off_network"):
        warnings.append(translate(
            "ShelterPerCapita", "{0} population features are farther than the largest radius from every road: "
                                "no shelter in reach").format(stats["demand_off_network"]))
    if stats.get("supply_off_network"):
        warnings.append(translate(
            "ShelterPerCapita", "{0} shelters are farther than their radius from every road: they serve "
                                "nobody").format(stats["supply_off_network"]))
    return warnings


def summary_lines(analysis):
    """The analysis in a few log lines."""
    s = analysis.summary
    meets = (translate("ShelterPerCapita", "meets the target") if s["county_meets_target"]
             else translate("ShelterPerCapita", "below the target"))
    lines = [translate("ShelterPerCapita", "Method: {0}").format(translate("ShelterPerCapita", s["method_name"])),
             translate("ShelterPerCapita", "Residents counted: {0:,.0f}; counted shelter area: {1:,.0f} m² in {2} "
                                           "shelters").format(s["residents"], s["shelter_area_m2"],
                                                              s["shelters_counted"])]
    if s["residents"] > 0:
        lines.append(translate("ShelterPerCapita", "County: {0:.2f} m² per capita (target {1:g}): {2}").format(
            s["county_m2_per_capita"], analysis.target, meets))
        lines.append(translate("ShelterPerCapita", "Share of residents meeting the target: {0:.1%}").format(
            s["share_meeting_target"]))
    lines.append(translate("ShelterPerCapita", "Residents with no shelter in reach: {0:,.0f}").format(
        s["residents_no_shelter"]))
    lines.append(translate("ShelterPerCapita", "Total deficit: {0:,.0f} m²; overloaded shelters: {1} of {2}").format(
        s["total_deficit_m2"], s["shelters_overloaded"], s["shelters_counted"]))
    return lines
