"""riskatlas:fourcolourmap — the regional red-orange-yellow-blue risk map (glue; rules in core.four_colour)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..support import compat
from ..core.standards.risk_presets import DEFAULT_RADII_M
from .base import LayerPostProcessor, RiskAtlasAlgorithm

MAP_SPECS = (("risk_level", "int"), ("risk_label_zh", "string"), ("risk_label_en", "string"),
             ("risk_colour", "string"), ("n_level1", "int"), ("n_level2", "int"), ("n_level3", "int"),
             ("n_level4", "int"), ("source_id", "string"), ("source_layer", "string"),
             ("source_dist_m", "double"), ("risk_score", "double"))
GRID_SPECS = (("cell_id", "int"), ("row", "int"), ("col", "int"))
SOURCE_INPUTS = (("ENTERPRISES", "ENTERPRISES_ID_FIELD", "ent_id"),
                 ("HAZARD_UNITS", "HAZARD_UNITS_ID_FIELD", "unit_id"))


class FourColourMap(RiskAtlasAlgorithm):
    ALGORITHM_ID = "fourcolourmap"
    GROUP_ID = "risk"

    def displayName(self):
        return self.tr("Four-colour risk map")

    def group(self):
        return self.tr("Risk")

    def shortHelpString(self):
        return self.tr(
            "The regional red-orange-yellow-blue safety-risk map (红橙黄蓝四色安全风险空间分布图): every area "
            "(UNITS polygons such as townships or communities, or else square cells of CELL_SIZE metres over "
            "EXTENT) gets a risk level 1 重大风险 red, 2 较大风险 orange, 3 一般风险 yellow or 4 低风险 blue "
            "from the risk sources around it.\n\n"
            "Sources: ENTERPRISES and/or HAZARD_UNITS, any layers with a risk_level field 1..4 (the outputs of "
            "'Enterprise risk level' and 'Grade major hazard sources').\n"
            "RADII: influence radius in metres of a level 1, 2, 3 and 4 source (default 1000,500,300,100). A "
            "source reaches an area when the exact distance between them is less than its radius (no segmented "
            "buffers; an area exactly at the radius is not reached).\n"
            "AGGREGATION 0 (就高, default): the area takes the highest risk (lowest level number) of the sources "
            "reaching it; an area no source reaches is level 4 (low, blue).\n"
            "AGGREGATION 1 (cumulative score): every source reaching the area adds 27 (level 1), 9 (level 2), "
            "3 (level 3) or 1 (level 4); score ≥ 27 → level 1, ≥ 9 → 2, ≥ 3 → 3, otherwise 4 (lower bounds "
            "included). Three sources of one level weigh as one of the next higher level, so clusters escalate; "
            "an area is never lower than with AGGREGATION 0.\n\n"
            "Grid: the cells start at the lower-left corner of EXTENT (empty: the sources' extent grown by the "
            "largest radius) and the extent grows right and up to whole cells.\n"
            "Output fields: risk_level, risk_label_zh, risk_label_en, risk_colour, n_level1 … n_level4 (sources "
            "of each level reaching the area), source_id / source_layer / source_dist_m (the nearest source of "
            "the highest level reaching the area), risk_score (the cumulative score) and, with POPULATION, "
            "residents (apportioned by area; totals per level are reported in the log and as outputs).\n"
            "The map is styled with the four-colour palette; its legend reads 重大风险 / 较大风险 / 一般风险 / 低风险 "
            "(Major / High / Moderate / Low risk when QGIS runs in English).")

    def initAlgorithm(self, config=None):
        any_geometry = [compat.SOURCE_POINT, compat.SOURCE_LINE, compat.SOURCE_POLYGON]
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ENTERPRISES", self.tr("Enterprises with risk_level"), any_geometry, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "ENTERPRISES_ID_FIELD", self.tr("Enterprise id field"), "ent_id", "ENTERPRISES", compat.FIELD_ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HAZARD_UNITS", self.tr("Graded hazard units with risk_level"), any_geometry, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "HAZARD_UNITS_ID_FIELD", self.tr("Hazard unit id field"), "unit_id", "HAZARD_UNITS", compat.FIELD_ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "UNITS", self.tr("Map units (townships, communities; empty = square grid)"), [compat.SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Grid cell size (m)"), compat.NUMBER_DOUBLE, 500.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterExtent(
            "EXTENT", self.tr("Grid extent (empty = the sources' extent grown by the largest radius)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "RADII", self.tr("Influence radii of levels 1, 2, 3, 4 (m)"),
            ",".join(f"{r:g}" for r in DEFAULT_RADII_M)))
        self.addParameter(QgsProcessingParameterEnum(
            "AGGREGATION", self.tr("Aggregation"), [self.tr("Highest level wins (就高)"),
                                                   self.tr("Cumulative score (27/9/3/1 per source)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "POPULATION", self.tr("Population polygons (residents per class)"), [compat.SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Residents field"), "residents", "POPULATION", compat.FIELD_ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Four-colour risk map"), compat.SOURCE_POLYGON))
        for level in (1, 2, 3, 4):
            self.addOutput(QgsProcessingOutputNumber(f"AREAS_LEVEL_{level}",
                                                     self.tr("Areas of level {0}").format(level)))
            self.addOutput(QgsProcessingOutputNumber(f"RESIDENTS_LEVEL_{level}",
                                                     self.tr("Residents of level {0}").format(level)))

    def compute(self, parameters, context, feedback):
        from ..core.four_colour import Sources, four_colour_map, parse_radii, sources_from_frame, square_grid
        from ..layers.convert import make_fields, wkb_type_for, write_to_sink
        from ..layers.styling import apply_four_colour_style
        from .risk_glue import (field_choice, input_and_new_fields, level_counts_text, push_provenance,
                                push_warnings)

        radii = parse_radii(self.parameterAsString(parameters, "RADII", context))
        aggregation = self.parameterAsEnum(parameters, "AGGREGATION", context)
        crs, warnings, parts, frames = None, [], [], {}
        for name, id_param, default_id in SOURCE_INPUTS:
            frame = self.read_source(parameters, name, context, feedback, target_crs=crs, required=False)
            if frame is None:
                continue
            crs = crs or frame.crs
            frames[name] = frame
            id_field = field_choice(self, parameters, id_param, context, frame, default_id)
            layer_kind = "enterprises" if name == "ENTERPRISES" else "hazard_units"
            part = sources_from_frame(frame.gdf, frame.name, id_field=id_field, warnings=warnings)
            part.layer[:] = layer_kind
            parts.append(part)
        if not parts:
            raise QgsProcessingException(self.tr("Give ENTERPRISES and/or HAZARD_UNITS (layers with risk_level)."))
        sources = Sources.concat(parts)
        feedback.setProgress(10)
        self.check_cancelled(feedback)

        units = self.read_source(parameters, "UNITS", context, feedback, target_crs=crs, required=False)
        source = self.parameterAsSource(parameters, "UNITS", context) if units is not None else None
        cell_size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        if units is not None:
            areas = units.gdf
            feedback.pushInfo(self.tr("Map units: {0} polygons of {1} (CELL_SIZE and EXTENT are not used)").format(
                len(areas), units.name))
        else:
            extent = self._grid_extent(parameters, context, crs, sources, radii)
            areas = square_grid(extent, cell_size, crs=frames[next(iter(frames))].gdf.crs)
            feedback.pushInfo(self.tr("Grid: {0} cells of {1:g} m from ({2:.1f}, {3:.1f}) in {4}").format(
                len(areas), cell_size, extent[0], extent[1], crs.authid()))
        population = self.read_source(parameters, "POPULATION", context, feedback, target_crs=crs, required=False)
        population_field = None
        if population is not None:
            population_field = field_choice(self, parameters, "POPULATION_FIELD", context, population) or "residents"
        feedback.setProgress(20)
        self.check_cancelled(feedback)

        def progress(percent):
            self.check_cancelled(feedback)
            feedback.setProgress(20 + 0.6 * percent)

        result = four_colour_map(areas, sources, radii, aggregation,
                                 population=population.gdf if population is not None else None,
                                 population_field=population_field or "residents",
                                 population_layer=population.name if population is not None else "population",
                                 progress=progress)
        push_warnings(feedback, warnings + result.warnings)
        self.check_cancelled(feedback)

        specs = MAP_SPECS + ((("residents", "double"),) if population is not None else ())
        new_fields = make_fields(specs)
        if units is not None:
            fields = input_and_new_fields(source.fields(), new_fields)  # replaced fields: core already warned
        else:
            fields = make_fields(GRID_SPECS + specs)
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                             wkb_type_for(result.areas, compat.WKB_POLYGON), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        write_to_sink(result.areas, sink, fields, feedback, progress=(80, 95))
        feedback.setProgress(95)

        record = self.provenance(parameters, radii_m=list(radii), aggregation=result.rule.name,
                                 aggregation_rule=result.rule.description, cell_size_m=cell_size,
                                 crs=crs.authid())
        push_provenance(feedback, record)
        self.attach_post_processor(context, dest_id, LayerPostProcessor(style=apply_four_colour_style,
                                                                        provenance=record))
        feedback.pushInfo(level_counts_text(result.areas["risk_level"]))
        results = {"OUTPUT": dest_id}
        for level in (1, 2, 3, 4):
            results[f"AREAS_LEVEL_{level}"] = int(result.summary.loc[level, "areas"])
            if "residents" in result.summary:
                residents = float(result.summary.loc[level, "residents"])
                results[f"RESIDENTS_LEVEL_{level}"] = residents
                feedback.pushInfo(self.tr("Level {0}: {1:,.0f} residents").format(level, residents))
        feedback.setProgress(100)
        return results

    def _grid_extent(self, parameters, context, crs, sources, radii):
        """(xmin, ymin, xmax, ymax) in the analysis CRS: EXTENT, or the sources grown by the largest radius."""
        import shapely

        if parameters.get("EXTENT") not in (None, ""):
            rectangle = self.parameterAsExtent(parameters, "EXTENT", context, crs)
            if rectangle is not None and not rectangle.isNull() and not rectangle.isEmpty():
                return rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum()
        xmin, ymin, xmax, ymax = shapely.total_bounds(sources.geometry)
        grow = max(radii)
        return xmin - grow, ymin - grow, xmax + grow, ymax + grow


ALGORITHM = FourColourMap
