"""riskatlas:shelterpercapita — shelter area per capita (administrative or 2SFCA catchment)."""
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..support import compat
from .base import LayerPostProcessor, RiskAtlasAlgorithm

# the shelter type codes of the default table (layers.schemas.SHELTER_TYPES), in TYPES' order
TYPE_CODES = ("emergency", "fixed_short", "fixed_medium", "fixed_long", "central")
DEFAULT_TYPES = [1, 2, 3, 4]  # fixed (short, medium, long) and central: the per-capita indicator
UNIT_ID_FIELDS = ("town_id", "admin_code", "id", "code")
UNIT_NAME_FIELDS = ("name", "name_zh", "name_en")
POPULATION_COLUMNS = (("counted_residents", "double"), ("shelters_in_reach", "int"), ("no_shelter", "bool"),
                      ("m2_per_capita", "double"), ("meets_target", "bool"), ("deficit_m2", "double"))
UNIT_COLUMNS = (("residents", "double"), ("shelter_area_m2", "double"), ("shelter_count", "int"),
                ("m2_per_capita", "double"), ("meets_target", "bool"), ("deficit_m2", "double"),
                ("reach_meeting_residents", "double"), ("reach_no_shelter_residents", "double"),
                ("reach_deficit_m2", "double"))
SHELTER_COLUMNS = (("eff_area_m2", "double"), ("radius_m", "double"), ("served_residents", "double"),
                   ("m2_per_served", "double"), ("overloaded", "bool"), ("over_capacity", "bool"),
                   ("below_min_area", "bool"))
# parameter flag "advanced": Qgis.ProcessingParameterFlag.Advanced on newer QGIS, the class flag on 3.22
FLAG_ADVANCED = getattr(getattr(Qgis, "ProcessingParameterFlag", None), "Advanced", None) \
    or QgsProcessingParameterDefinition.FlagAdvanced


class ShelterPerCapita(RiskAtlasAlgorithm):
    ALGORITHM_ID = "shelterpercapita"
    GROUP_ID = "coverage"

    def displayName(self):
        return self.tr("Shelter area per capita")

    def group(self):
        return self.tr("Coverage")

    def shortHelpString(self):
        return self.tr(
            "Effective shelter area per resident against the planning target (城镇人均固定避难场所面积 ≥ 1.5 m²), "
            "per township, per population cell and per shelter.\n\n"
            "METHOD 0 administrative: per unit (UNITS, e.g. townships), the effective area of the counted shelters "
            "whose centroid lies in the unit ÷ the unit's residents (population features apportioned by area "
            "overlap). OUTPUT = the units.\n"
            "METHOD 1 catchment (two-step floating catchment, 2SFCA): a shelter serves every population feature "
            "whose centroid is within RADIUS of its centroid (straight line, the radius included). Its served "
            "residents are the sum of those features' residents; each feature gets the sum, over the shelters in "
            "reach, of shelter area ÷ served residents. OUTPUT = the population features.\n"
            "METHOD 2 network catchment: the same with walking distance along ROADS (off-road legs to and from "
            "the roads included; roads whose 'class' is expressway are not walked along).\n\n"
            "deficit_m2 is the area still needed to reach TARGET; no_shelter flags residents beyond every "
            "shelter's radius; features without residents get no indicator (NULL). A value equal to the target "
            "meets it.\n"
            "OUTPUT_SHELTERS: each counted shelter's served residents (2SFCA demand; a resident in reach of "
            "several shelters counts at each), m² per served person, overloaded = fewer than TARGET m² per "
            "served person or more served residents than its capacity (CAPACITY_FIELD). With METHOD 0 these use "
            "the straight-line catchment.\n"
            "Summary table and HTML: per unit and county-wide indicator, share of residents meeting the target "
            "(METHOD 0: residents of units meeting it; 1–2: residents whose 2SFCA figure meets it), residents "
            "with no shelter in reach, total deficit.\n\n"
            "SHELTERS_2: a second shelter layer with the same fields (e.g. assembly points beside site "
            "polygons); the shelter load output then holds both (as centroid points when the geometry types "
            "differ).\n"
            "TYPES: which shelter types count (default the fixed and central types; emergency shelters do not "
            "count toward the per-capita indicator). RADIUS empty = each type's radius from the type table: "
            "emergency 500 m, short-term fixed 1000 m, medium-term 1500 m, long-term 2500 m (GB 51143-2015 "
            "evacuation distances), central 2500 m. TYPE_TABLE: a CSV or JSON file replacing that table. "
            "AREA_FIELD empty = polygon area. URBAN_ONLY counts only residents whose 'urban' field is true, when "
            "the layer has it.\n\n"
            "Bad input stops with a message naming the layer, feature and field: missing or negative areas, "
            "unknown types, NULL or negative residents. Geographic layers are reprojected to a local projected "
            "CRS (said in the log); the other layers to the shelters' CRS.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "SHELTERS", self.tr("Shelters (points or polygons)"), [compat.SOURCE_POINT, compat.SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "SHELTERS_2", self.tr("Shelters, second layer (e.g. points beside polygons; same fields)"),
            [compat.SOURCE_POINT, compat.SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "AREA_FIELD", self.tr("Effective area field (m²; empty = polygon area)"), "area_m2", "SHELTERS",
            compat.FIELD_NUMERIC, optional=True))
        # fields with a default are optional: QGIS 3.22 rejects an omitted non-optional field even with a default
        self.addParameter(QgsProcessingParameterField(
            "TYPE_FIELD", self.tr("Shelter type field"), "type", "SHELTERS", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "TYPES", self.tr("Shelter types counted"),
            options=[self.tr("Emergency (emergency)"), self.tr("Fixed, short term (fixed_short)"),
                     self.tr("Fixed, medium term (fixed_medium)"), self.tr("Fixed, long term (fixed_long)"),
                     self.tr("Central (central)")],
            allowMultiple=True, defaultValue=DEFAULT_TYPES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "POPULATION", self.tr("Population (points or polygons)"), [compat.SOURCE_POINT, compat.SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Residents field"), "residents", "POPULATION", compat.FIELD_NUMERIC,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "UNITS", self.tr("Units (township polygons)"), [compat.SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "URBAN_ONLY", self.tr("Count only urban residents (when the 'urban' field exists)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Method"),
            options=[self.tr("Administrative (area in unit ÷ residents)"),
                     self.tr("Catchment, straight line (2SFCA)"),
                     self.tr("Network catchment, walking on roads (2SFCA)")], defaultValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "RADIUS", self.tr("Service radius (m; empty = per type from the table)"), compat.NUMBER_DOUBLE,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET", self.tr("Target (m² per person)"), compat.NUMBER_DOUBLE, defaultValue=1.5, minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            "CAPACITY_FIELD", self.tr("Capacity field (people)"), None, "SHELTERS", compat.FIELD_NUMERIC,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ROADS", self.tr("Roads (for the network method)"), [compat.SOURCE_LINE], optional=True))
        table = QgsProcessingParameterFile(
            "TYPE_TABLE", self.tr("Shelter type table (CSV or JSON; empty = built-in)"), optional=True,
            fileFilter=self.tr("Tables (*.csv *.json)"))
        table.setFlags(table.flags() | FLAG_ADVANCED)
        self.addParameter(table)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Shelter area per capita"), compat.SOURCE_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_SHELTERS", self.tr("Shelter load"), compat.SOURCE_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_SUMMARY", self.tr("Shelter summary table"), compat.SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_HTML", self.tr("Shelter summary (HTML)"), self.tr("HTML files (*.html)"), optional=True))
        for name, label in (("COUNTY_M2_PER_CAPITA", self.tr("County m² per capita")),
                            ("SHARE_MEETING_TARGET", self.tr("Share of residents meeting the target")),
                            ("RESIDENTS_NO_SHELTER", self.tr("Residents with no shelter in reach")),
                            ("TOTAL_DEFICIT_M2", self.tr("Total deficit (m²)")),
                            ("COUNTY_DEFICIT_M2", self.tr("County deficit (m²)")),
                            ("SHELTERS_OVERLOADED", self.tr("Overloaded shelters"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # ---------------------------------------------------------------- helpers

    def _field(self, parameters, name, context):
        fields = compat.parameter_as_fields(self, parameters, name, context)
        return fields[0] if fields else None

    def _area_field(self, parameters, context, layers, feedback):
        """AREA_FIELD given explicitly empty: polygon areas. Not given: the default 'area_m2', or polygon
        areas when no shelter layer has that field (said in the log)."""
        if "AREA_FIELD" in parameters and not self._given(parameters, "AREA_FIELD"):
            feedback.pushInfo(self.tr("AREA_FIELD is empty: effective area = polygon area"))
            return None
        name = self._field(parameters, "AREA_FIELD", context)
        if not self._given(parameters, "AREA_FIELD") and not any(name in layer.gdf.columns for layer in layers):
            feedback.pushWarning(
                self.tr("The shelters have no '{0}' field: effective area = polygon area").format(name))
            return None
        return name

    @staticmethod
    def _given(parameters, name):
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return False
        return not (hasattr(value, "isNull") and value.isNull())

    def _standards(self, parameters, context):
        from ..core.standards.shelters import DEFAULT_STANDARDS, load_shelter_standards

        path = self.parameterAsFile(parameters, "TYPE_TABLE", context) if self._given(parameters, "TYPE_TABLE") else ""
        if not path:
            return DEFAULT_STANDARDS
        try:
            return load_shelter_standards(path)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(self.tr("Shelter type table: {0}").format(error)) from error

    # ---------------------------------------------------------------- compute

    def compute(self, parameters, context, feedback):
        import numpy as np

        from ..core.shelter_capacity import METHOD_ADMINISTRATIVE, METHOD_NETWORK, analyse_shelters
        from ..core.shelter_report import SUMMARY_COLUMNS, summary_html, summary_table

        method = self.parameterAsEnum(parameters, "METHOD", context)
        standards = self._standards(parameters, context)
        type_indices = self.parameterAsEnums(parameters, "TYPES", context)
        types = [TYPE_CODES[i] for i in type_indices] if type_indices else None
        target = self.parameterAsDouble(parameters, "TARGET", context)
        radius = self.parameterAsDouble(parameters, "RADIUS", context) if self._given(parameters, "RADIUS") else None
        if radius is not None and radius <= 0:
            raise QgsProcessingException(
                self.tr("RADIUS must be more than 0 m (leave it empty for the per-type radii)."))
        if target <= 0:
            raise QgsProcessingException(self.tr("TARGET must be more than 0 m² per person."))
        if method == METHOD_ADMINISTRATIVE and not self._given(parameters, "UNITS"):
            raise QgsProcessingException(self.tr("METHOD 0 (administrative) needs UNITS, e.g. the townships."))
        if method == METHOD_NETWORK and not self._given(parameters, "ROADS"):
            raise QgsProcessingException(self.tr("METHOD 2 (network) needs ROADS."))

        feedback.setProgress(0)
        shelters = self.read_source(parameters, "SHELTERS", context, feedback)
        crs = shelters.crs
        if shelters.source_crs.isGeographic():
            feedback.pushWarning(self.tr("Shelters are in a geographic CRS (degrees): analysed in {0}.").format(
                crs.authid()))
        second = (self.read_source(parameters, "SHELTERS_2", context, feedback, target_crs=crs)
                  if self._given(parameters, "SHELTERS_2") else None)
        shelter_layers = [shelters] + ([second] if second is not None else [])
        population = self.read_source(parameters, "POPULATION", context, feedback, target_crs=crs)
        feedback.setProgress(10)
        units = (self.read_source(parameters, "UNITS", context, feedback, target_crs=crs)
                 if self._given(parameters, "UNITS") else None)
        roads = (self.read_source(parameters, "ROADS", context, feedback, target_crs=crs)
                 if method == METHOD_NETWORK else None)
        feedback.setProgress(20)

        network_pairs, stats = None, {}
        if method == METHOD_NETWORK:
            from ..core.shelter_network import NOT_WALKABLE_CLASSES, network_pairs_function, walkable

            road_geoms = np.asarray(roads.gdf.geometry.values, dtype=object)
            if "class" in roads.gdf.columns:
                keep = walkable(roads.gdf["class"].to_numpy())
                if (~keep).any():
                    feedback.pushInfo(self.tr("{0} roads of class {1} are not walked along").format(
                        int((~keep).sum()), ", ".join(NOT_WALKABLE_CLASSES)))
                road_geoms = road_geoms[keep]
            feedback.pushInfo(self.tr("Building the walking network from {0} road features").format(len(road_geoms)))
            network_pairs = network_pairs_function(
                road_geoms, stats=stats,
                progress=lambda f: self._progress(feedback, 26.5 + 32.5 * f))  # inside the 10–60 % of the analysis

        area_field = self._area_field(parameters, context, shelter_layers, feedback)
        type_field = self._field(parameters, "TYPE_FIELD", context)
        population_field = self._field(parameters, "POPULATION_FIELD", context)
        if not type_field:
            raise QgsProcessingException(self.tr("Choose the shelter type field (TYPE_FIELD)."))
        if not population_field:
            raise QgsProcessingException(self.tr("Choose the residents field (POPULATION_FIELD)."))
        analysis = analyse_shelters(
            [f.gdf for f in shelter_layers] if second is not None else shelters.gdf, population.gdf, method=method,
            units=units.gdf if units is not None else None,
            area_field=area_field, type_field=type_field, types=types, population_field=population_field,
            urban_only=self.parameterAsBoolean(parameters, "URBAN_ONLY", context), radius=radius, target=target,
            capacity_field=self._field(parameters, "CAPACITY_FIELD", context), standards=standards,
            network_pairs=network_pairs,
            layer_names={"shelters": [f.name for f in shelter_layers] if second is not None else shelters.name,
                         "population": population.name,
                         "units": units.name if units is not None else "units"},
            progress=lambda f: self._progress(feedback, 20 + 65 * f))
        warnings = list(analysis.warnings)
        if stats.get("demand_off_network"):
            warnings.append(self.tr("{0} population features are farther than the largest radius from every road: "
                                    "no shelter in reach").format(stats["demand_off_network"]))
        if stats.get("supply_off_network"):
            warnings.append(self.tr("{0} shelters are farther than their radius from every road: they serve "
                                    "nobody").format(stats["supply_off_network"]))
        for warning in warnings:
            feedback.pushWarning(warning)
        self.check_cancelled(feedback)

        unit_ids = unit_names = None
        id_field = name_field = None
        if units is not None:
            id_field = next((f for f in UNIT_ID_FIELDS if f in units.gdf.columns), None)
            name_field = next((f for f in UNIT_NAME_FIELDS if f in units.gdf.columns), None)
            if id_field:
                unit_ids = units.gdf[id_field].astype(object).where(units.gdf[id_field].notna(), None).map(
                    lambda v: None if v is None else str(v))
            if name_field:
                unit_names = units.gdf[name_field].astype(object).where(units.gdf[name_field].notna(), None)
        table = summary_table(analysis, unit_ids, unit_names)

        # ---- output tables, then the sinks (nothing is written before everything is computed)
        from ..layers.convert import make_fields, wkb_type_for, write_to_sink

        provenance = self.provenance(parameters, standards=str(standards.source),
                                     method_name=analysis.summary["method_name"])
        if method == METHOD_ADMINISTRATIVE:
            main = self._joined(units, analysis.units, UNIT_COLUMNS, feedback)
            main_columns = UNIT_COLUMNS
            main_source = units
        else:
            main = self._joined(population, analysis.population, POPULATION_COLUMNS, feedback)
            main_columns = POPULATION_COLUMNS
            main_source = population
        fields = make_fields(self._field_specs(main_source, main_columns))
        shelter_rows, shelter_specs = self._shelter_rows(shelter_layers, analysis.shelters, feedback)
        shelter_fields = make_fields(shelter_specs)
        summary_fields = make_fields(SUMMARY_COLUMNS)
        self.check_cancelled(feedback)

        sink, main_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, wkb_type_for(main), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        write_to_sink(main, sink, fields)
        feedback.setProgress(90)

        shelter_sink, shelters_id = self.parameterAsSink(parameters, "OUTPUT_SHELTERS", context, shelter_fields,
                                                         wkb_type_for(shelter_rows, compat.WKB_POINT), crs)
        if shelter_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_SHELTERS"))
        write_to_sink(shelter_rows, shelter_sink, shelter_fields)

        summary_sink, summary_id = self.parameterAsSink(parameters, "OUTPUT_SUMMARY", context, summary_fields,
                                                        compat.WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        if summary_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_SUMMARY"))
        write_to_sink(table, summary_sink, summary_fields)

        s = analysis.summary
        results = {"OUTPUT": main_id, "OUTPUT_SHELTERS": shelters_id, "OUTPUT_SUMMARY": summary_id,
                   "COUNTY_M2_PER_CAPITA": self._number(s["county_m2_per_capita"]),
                   "SHARE_MEETING_TARGET": self._number(s["share_meeting_target"]),
                   "RESIDENTS_NO_SHELTER": s["residents_no_shelter"], "TOTAL_DEFICIT_M2": s["total_deficit_m2"],
                   "COUNTY_DEFICIT_M2": s["county_deficit_m2"], "SHELTERS_OVERLOADED": s["shelters_overloaded"]}
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context) \
            if self._given(parameters, "OUTPUT_HTML") else ""
        if html_path:
            shown = {k: v for k, v in provenance["parameters"].items()}
            named = [c for c in ("shelter_id", "name") if c in shelter_rows.columns]
            labels = (shelter_rows[named].astype(object).where(shelter_rows[named].notna(), "").astype(str)
                      .agg(" ".join, axis=1).tolist() if named else [])
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(summary_html(analysis, table, parameters=shown, warnings=warnings,
                                          provenance=f"{provenance['algorithm']} {provenance['version']}",
                                          shelter_labels=dict(zip(analysis.shelters.index, labels))))
            results["OUTPUT_HTML"] = html_path

        self._report(feedback, analysis)
        self._style(context, main_id, shelters_id, method, target, name_field, provenance)
        feedback.setProgress(100)
        return results

    # ---------------------------------------------------------------- pieces

    def _progress(self, feedback, percent):
        self.check_cancelled(feedback)
        feedback.setProgress(percent)

    @staticmethod
    def _number(value):
        import math

        return None if value is None or (isinstance(value, float) and math.isnan(value)) else value

    def _joined(self, source, result, columns, feedback, frame=None):
        """The source's features (all fields) with the result columns; same-named input fields are replaced."""
        frame = source.gdf if frame is None else frame
        names = [c for c, _k in columns]
        dropped = [c for c in names if c in frame.columns]
        if dropped:
            feedback.pushWarning(self.tr("{0}: input fields {1} are replaced by the results").format(
                source.name, ", ".join(dropped)))
        joined = frame.drop(columns=dropped).join(result[names])
        for name, kind in source.field_types.items():
            if name in joined.columns and name not in names and kind not in ("int", "double", "string", "bool"):
                joined[name] = joined[name].map(lambda v: None if v is None else str(v))
        return joined

    def _shelter_rows(self, layers, result, feedback):
        """The counted shelters with their input fields and the result columns. Two layers of different
        geometry types (polygons and points) go out as centroid points, with a ``source_layer`` field."""
        import geopandas as gpd
        import pandas as pd
        import shapely

        result_columns = [c for c, _k in SHELTER_COLUMNS]
        if len(layers) == 1:
            frame = layers[0].gdf.loc[result.index]
            return (self._joined(layers[0], result[result_columns], SHELTER_COLUMNS, feedback, frame=frame),
                    self._field_specs(layers[0], SHELTER_COLUMNS))
        parts = []
        for k, layer in enumerate(layers):
            rows = result[result["source_layer"] == k]
            frame = layer.gdf.loc[rows["source_fid"].to_numpy()]
            part = self._joined(layer, rows.set_index(frame.index)[result_columns], SHELTER_COLUMNS, feedback,
                                frame=frame)
            part = part.drop(columns=[c for c in ("fid", "source_fid") if c in part.columns])
            part.insert(0, "source_layer", layer.name)
            part.insert(1, "source_fid", rows["source_fid"].to_numpy())
            parts.append(part)
        frame = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=parts[0].crs)
        kinds = {t for t in shapely.get_type_id(frame.geometry.values) if t >= 0}
        if not (kinds <= {0, 4} or kinds <= {3, 6}):
            frame = frame.set_geometry(shapely.centroid(frame.geometry.values))
            feedback.pushInfo(self.tr("Shelter load: polygons and points written as centroid points"))
        # feature ids repeat across the layers: a GeoPackage 'fid' field is replaced by source_fid
        specs, seen = [("source_layer", "string"), ("source_fid", "int")], {"source_layer", "source_fid", "fid"}
        for layer in layers:
            for spec in self._field_specs(layer, SHELTER_COLUMNS)[:-len(SHELTER_COLUMNS)]:
                if spec[0] not in seen and spec[0] not in result_columns:
                    specs.append(spec)
                    seen.add(spec[0])
        for column in frame.columns:
            if column not in seen and column != "geometry" and column not in result_columns:
                frame = frame.drop(columns=[column])
        return frame, specs + [c for c in SHELTER_COLUMNS if c[0] not in seen]

    @staticmethod
    def _field_specs(source, columns):
        names = {c for c, _k in columns}
        specs = []
        for name, kind in source.field_types.items():
            if name in names:
                continue
            specs.append((name, kind if kind in ("int", "double", "string", "bool") else "string"))
        return specs + list(columns)

    def _report(self, feedback, analysis):
        s = analysis.summary
        feedback.pushInfo(self.tr("Method: {0}").format(s["method_name"]))
        feedback.pushInfo(self.tr("Residents counted: {0:,.0f}; counted shelter area: {1:,.0f} m² in {2} shelters")
                          .format(s["residents"], s["shelter_area_m2"], s["shelters_counted"]))
        if s["residents"] > 0:
            feedback.pushInfo(self.tr("County: {0:.2f} m² per capita (target {1:g}): {2}").format(
                s["county_m2_per_capita"], analysis.target,
                self.tr("meets the target") if s["county_meets_target"] else self.tr("below the target")))
            feedback.pushInfo(self.tr("Share of residents meeting the target: {0:.1%}").format(
                s["share_meeting_target"]))
        feedback.pushInfo(self.tr("Residents with no shelter in reach: {0:,.0f}").format(s["residents_no_shelter"]))
        feedback.pushInfo(self.tr("Total deficit: {0:,.0f} m²; overloaded shelters: {1} of {2}").format(
            s["total_deficit_m2"], s["shelters_overloaded"], s["shelters_counted"]))

    def _style(self, context, main_id, shelters_id, method, target, name_field, provenance):
        from ..core.shelter_capacity import METHOD_ADMINISTRATIVE
        from ..layers.shelter_style import style_per_capita, style_shelter_load, style_units_per_capita

        if method == METHOD_ADMINISTRATIVE:
            def style_main(layer):
                style_units_per_capita(layer, target, name_field)
        else:
            def style_main(layer):
                style_per_capita(layer, target)
        self.attach_post_processor(context, main_id, LayerPostProcessor(style=style_main, provenance=provenance))
        self.attach_post_processor(context, shelters_id,
                                   LayerPostProcessor(style=style_shelter_load, provenance=provenance))


ALGORITHM = ShelterPerCapita
