"""riskatlas:fourcolourmap — the regional red-orange-yellow-blue risk map (glue; rules in core.four_colour)."""
from collections import Counter

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..core.standards.risk_presets import AGGREGATION_RULES, CUMULATIVE_BASE3, DEFAULT_CELL_SIZE_M, DEFAULT_RADII_M
from ..core.standards.risk_levels import RISK_LEVELS
from ..support import compat
from .base import LEAVE_OUT, STOP, WARN, Reads, RiskAtlasAlgorithm
from .natural_hazard_sources import add_natural_hazard_parameters, read_natural_hazards
from .population import add_population, read_population

SOURCE_INPUTS = (("ENTERPRISES", "ENTERPRISES_ID_FIELD", "enterprises"),
                 ("HAZARD_UNITS", "HAZARD_UNITS_ID_FIELD", "hazard_units"))  # (layer, id field, source_layer value)


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


class FourColourMap(RiskAtlasAlgorithm):
    ALGORITHM_ID = "fourcolourmap"
    GROUP_ID = "risk"
    READS = {"ENTERPRISES": Reads("enterprises", key="ENTERPRISES_ID_FIELD", no_geometry=LEAVE_OUT, empty=WARN),
             "HAZARD_UNITS": Reads(key="HAZARD_UNITS_ID_FIELD", no_geometry=LEAVE_OUT, empty=WARN),
             "NATURAL_HAZARDS": Reads("natural_hazards", key="NATURAL_HAZARDS_ID_FIELD", no_geometry=LEAVE_OUT,
                                      empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                                          "InputError", "no natural-hazard site is combined")),
             "UNITS": Reads(no_geometry=STOP), "STUDY_AREA": Reads(no_geometry=LEAVE_OUT),
             "POPULATION": Reads("population", no_geometry=STOP, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "every area counts 0 residents"))}

    def displayName(self):
        return self.tr("Four-colour risk map")

    def initAlgorithm(self, config=None):
        any_geometry = [compat.SOURCE_POINT, compat.SOURCE_LINE, compat.SOURCE_POLYGON]
        weights = "/".join(f"{w:g}" for w in AGGREGATION_RULES[CUMULATIVE_BASE3].weights)
        self.add_source("ENTERPRISES", self.tr("Enterprises with risk_level"), any_geometry, optional=True,
                        kind="enterprise_risk")
        self.add_field("ENTERPRISES_ID_FIELD", self.tr("Enterprise id field"), "ent_id", "ENTERPRISES")
        self.add_source("HAZARD_UNITS", self.tr("Graded hazard units with risk_level"), any_geometry, optional=True,
                        kind="hazard_units")
        self.add_field("HAZARD_UNITS_ID_FIELD", self.tr("Hazard unit id field"), "unit_id", "HAZARD_UNITS")
        add_natural_hazard_parameters(self, any_geometry)
        self.add_source("UNITS", self.tr("Map units (townships, communities; empty = square grid)"),
                        [compat.SOURCE_POLYGON], optional=True)
        self.add_number("CELL_SIZE", self.tr("Grid cell size (m)"), DEFAULT_CELL_SIZE_M, minimum=1.0, decimals=0)
        self.addParameter(QgsProcessingParameterExtent(
            "EXTENT", self.tr("Grid extent (empty = the sources' extent grown by the largest radius)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "RADII", self.tr("Influence radii of levels 1, 2, 3, 4 (m)"), ",".join(f"{r:g}" for r in DEFAULT_RADII_M)))
        self.addParameter(QgsProcessingParameterEnum(
            "AGGREGATION", self.tr("Aggregation"), [self.tr("Highest level wins (就高)"),
                                                   self.tr("Cumulative score ({0} per source)").format(weights)],
            defaultValue=0))
        add_population(self, self.tr("Population, polygons or points (residents per class)"))
        self.add_source("STUDY_AREA", self.tr("Study area (e.g. the townships): the map is cut to it"),
                        [compat.SOURCE_POLYGON], optional=True, kind="townships")
        self.add_sink("OUTPUT", self.tr("Four-colour risk map"), compat.SOURCE_POLYGON, optional=True)
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_RASTER", self.tr("Four-colour risk map as a GeoTIFF (grid only)"), optional=True,
            createByDefault=False))
        for level in RISK_LEVELS:
            self.addOutput(QgsProcessingOutputNumber(f"AREAS_LEVEL_{level.level}",
                                                     self.tr("Areas of level {0}").format(level.level)))
            self.addOutput(QgsProcessingOutputNumber(f"RESIDENTS_LEVEL_{level.level}",
                                                     self.tr("Residents of level {0}").format(level.level)))

    def compute(self, parameters, context, feedback):
        from ..core.four_colour import Sources, four_colour_map, parse_radii, sources_from_frame, square_grid
        from ..core.standards.risk_levels import level_counts_text
        from ..layers.sinks import input_and_new_fields, make_fields, wkb_type_for
        from ..layers.outputs import GRID_FIELDS, RISK_MAP_FIELDS
        from ..layers.styling import apply_four_colour_style

        from ..core import messages as m
        from ..core.errors import InputError, Notice

        radii = parse_radii(self.parameterAsString(parameters, "RADII", context))
        crs, warnings, parts, first = None, [], [], None
        for name, id_parameter, layer_kind in SOURCE_INPUTS:
            frame = self.read_source(parameters, name, context, feedback, target_crs=crs, required=False)
            if frame is None:
                continue
            crs, first = crs or frame.crs, first or frame
            id_field = self.field_parameter(parameters, id_parameter, context, frame)
            if frame.kind:
                self.check_fields(frame, {"ent_id": id_field}, feedback)
            part = sources_from_frame(frame.gdf, frame.name, warnings=warnings, id_field=id_field)
            part.layer[:] = layer_kind
            parts.append(part)
        natural = read_natural_hazards(self, parameters, context, feedback, crs, warnings)
        if natural is not None:
            crs, first = crs or natural[1].crs, first or natural[1]
            parts.append(natural[0])
        if not parts:
            raise QgsProcessingException(self.tr("Give ENTERPRISES and/or HAZARD_UNITS (layers with risk_level), or "
                                                 "NATURAL_HAZARDS."))
        raster_path = self.parameterAsOutputLayer(parameters, "OUTPUT_RASTER", context) \
            if self.given(parameters, "OUTPUT_RASTER") else None
        if not self.given(parameters, "OUTPUT") and not raster_path:
            raise QgsProcessingException(self.tr("Give OUTPUT and/or OUTPUT_RASTER."))
        sources = Sources.concat(parts)
        combined = Counter(str(kind) for kind in sources.layer)
        feedback.pushInfo(self.tr("Risk sources combined: {0}").format(
            ", ".join(f"{kind} {count}" for kind, count in combined.items())))
        if len(sources.level) == 0:  # never a silently "all low risk" county
            if not (self.given(parameters, "EXTENT") or self.given(parameters, "UNITS")):
                raise InputError(m.NO_RISK_SOURCES_NOTHING_TO_MAP, layer=first.name)
            warnings.append(Notice(m.NO_RISK_SOURCES))
        self.advance(feedback, 10)

        units = self.read_source(parameters, "UNITS", context, feedback, target_crs=crs, required=False)
        study = self._study_area(parameters, context, feedback, crs)
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        if units is not None:
            areas = units.gdf
            feedback.pushInfo(self.tr("Map units: {0} polygons of {1} (CELL_SIZE and EXTENT are not used)").format(
                len(areas), units.name))
        else:
            extent = self._grid_extent(parameters, context, crs, sources, radii, study)
            areas = square_grid(extent, cell_size, crs=first.gdf.crs)
            feedback.pushInfo(self.tr("Grid: {0} cells of {1:g} m from ({2:.1f}, {3:.1f}) in {4}").format(
                len(areas), cell_size, extent[0], extent[1], crs.authid()))
        population, population_field = read_population(self, parameters, context, feedback, crs)
        self.advance(feedback, 20)
        result = four_colour_map(
            areas, sources, radii, self.parameterAsEnum(parameters, "AGGREGATION", context),
            population=population.gdf if population is not None else None,
            population_field=population_field or "residents",
            population_layer=population.name if population is not None else "population",
            progress=self.progress(feedback, 20, 60, scale=0.01), study_area=study)
        self.push_warnings(feedback, warnings + result.warnings)
        self.check_cancelled(feedback)

        specs = RISK_MAP_FIELDS + ((("residents", "double"),) if population is not None else ())
        if units is not None:  # fields replaced by results: core already warned
            unit_fields = self.parameterAsSource(parameters, "UNITS", context).fields()
            fields, _replaced = input_and_new_fields(unit_fields, specs)
        else:
            fields = make_fields(GRID_FIELDS + specs)
        record = self.provenance(parameters, source_kinds=list(combined), radii_m=list(radii),
                                 aggregation=result.rule.name,
                                 aggregation_rule=result.rule.description, cell_size_m=cell_size, crs=crs.authid())
        results = {}
        if self.given(parameters, "OUTPUT"):
            results["OUTPUT"] = self.write_sink(parameters, "OUTPUT", context, result.areas, fields,
                                                wkb_type_for(result.areas, compat.WKB_POLYGON), crs, feedback,
                                                progress=(80, 95), style=apply_four_colour_style, provenance=record)
        if raster_path:
            results["OUTPUT_RASTER"] = self._write_raster(feedback, raster_path, areas, result, units, study, crs)
        self.push_provenance(feedback, record)
        feedback.pushInfo(level_counts_text(result.areas["risk_level"]))
        for level in (lv.level for lv in RISK_LEVELS):
            results[f"AREAS_LEVEL_{level}"] = int(result.summary.loc[level, "areas"])
            if "residents" in result.summary:
                residents = float(result.summary.loc[level, "residents"])
                results[f"RESIDENTS_LEVEL_{level}"] = residents
                feedback.pushInfo(self.tr("Level {0}: {1:,.0f} residents").format(level, residents))
        feedback.setProgress(100)
        return results

    def _write_raster(self, feedback, path, grid, result, units, study, crs):
        """OUTPUT_RASTER: the grid's levels as a paletted GeoTIFF (layers.four_colour_raster)."""
        from ..layers.four_colour_raster import write_grid_raster
        from ..support.i18n import is_chinese

        if units is not None or not write_grid_raster(self.output_file(path), grid, result.areas, study, crs.toWkt(),
                                                      "zh" if is_chinese() else "en"):
            feedback.pushWarning(self.tr("OUTPUT_RASTER needs the square grid (no UNITS): not written."))
            return None
        return path

    def _study_area(self, parameters, context, feedback, crs):
        """STUDY_AREA as one polygonal geometry in the analysis CRS (None: not given)."""
        from ..layers.reach_inputs import study_geometry

        study = self.read_source(parameters, "STUDY_AREA", context, feedback, target_crs=crs, required=False)
        if study is None:
            return None
        geometry = study_geometry(study)
        if geometry is None:
            raise QgsProcessingException(self.tr("The study area layer '{0}' has no polygon.").format(study.name))
        feedback.pushInfo(self.tr("Study area: {0}; areas crossing its boundary keep the level of the whole area "
                                  "and are cut to it (their residents are those of the part inside).").format(
            study.name))
        return geometry

    def _grid_extent(self, parameters, context, crs, sources, radii, study=None):
        """(xmin, ymin, xmax, ymax) in the analysis CRS: EXTENT, else the study area's bounds, else the sources
        grown by the largest radius."""
        import shapely

        if self.given(parameters, "EXTENT"):
            rectangle = self.parameterAsExtent(parameters, "EXTENT", context, crs)
            if rectangle is not None and not rectangle.isNull() and not rectangle.isEmpty():
                return rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum()
        if study is not None:
            return tuple(shapely.bounds(study))
        xmin, ymin, xmax, ymax = shapely.total_bounds(sources.geometry)
        grow = max(radii)
        return xmin - grow, ymin - grow, xmax + grow, ymax + grow
