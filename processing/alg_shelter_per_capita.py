"""riskatlas:shelterpercapita — shelter area per capita (administrative or 2SFCA catchment)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..core.standards.shelters import DEFAULT_SHELTER_TYPES, TARGET_M2_PER_CAPITA
from ..layers.schemas import POINT, POLYGON
from ..support import compat
from ..support.i18n import is_chinese
from .base import ACCEPT, FLAG_ADVANCED, STOP, WARN, Reads, RiskAtlasAlgorithm
from .population import add_population, read_population

NUMBERS = ("COUNTY_M2_PER_CAPITA", "SHARE_MEETING_TARGET", "RESIDENTS_NO_SHELTER", "TOTAL_DEFICIT_M2",
           "COUNTY_DEFICIT_M2", "SHELTERS_OVERLOADED")  # outputs, from the analysis summary (lower-case keys)


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


class ShelterPerCapita(RiskAtlasAlgorithm):
    ALGORITHM_ID = "shelterpercapita"
    GROUP_ID = "coverage"
    READS = {"SHELTERS": Reads("shelters", no_geometry=STOP, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no shelter area is counted: every resident falls short of the target")),
             "SHELTERS_2": Reads("shelters", no_geometry=STOP, empty=ACCEPT),
             "POPULATION": Reads("population", no_geometry=STOP), "UNITS": Reads(no_geometry=STOP),
             "ROADS": Reads("roads")}

    def displayName(self):
        return self.tr("Shelter area per capita")

    def initAlgorithm(self, config=None):
        points_or_polygons = [compat.SOURCE_POINT, compat.SOURCE_POLYGON]
        self.add_source("SHELTERS", self.tr("Shelters (points or polygons)"), points_or_polygons, kind="shelters",
                        geometry=POLYGON)
        self.add_source("SHELTERS_2", self.tr("Shelters, second layer (e.g. points beside polygons; same fields)"),
                        points_or_polygons, optional=True, kind="shelters", geometry=POINT)
        self.add_field("AREA_FIELD", self.tr("Effective area field (m²; empty = polygon area)"), "area_m2", "SHELTERS",
                       compat.FIELD_NUMERIC)
        self.add_field("TYPE_FIELD", self.tr("Shelter type field"), "type", "SHELTERS")
        zh = is_chinese()
        self.addParameter(QgsProcessingParameterEnum(
            "TYPES", self.tr("Shelter types counted"),
            options=[f"{t.name_zh if zh else t.name_en} ({t.code})" for t in DEFAULT_SHELTER_TYPES], allowMultiple=True,
            defaultValue=[i for i, t in enumerate(DEFAULT_SHELTER_TYPES) if t.counts_per_capita], optional=True))
        add_population(self, self.tr("Population (points or polygons)"))
        self.add_source("UNITS", self.tr("Units (township polygons)"), [compat.SOURCE_POLYGON], optional=True,
                        kind="townships")
        self.addParameter(QgsProcessingParameterBoolean(
            "URBAN_ONLY", self.tr("Count only urban residents (when the 'urban' field exists)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Method"), options=[self.tr("Administrative (area in unit ÷ residents)"),
                                                 self.tr("Catchment, straight line (2SFCA)"),
                                                 self.tr("Network catchment, walking on roads (2SFCA)")],
            defaultValue=1))  # catchment
        self.add_number("RADIUS", self.tr("Service radius (m; empty = per type from the table)"), optional=True,
                        minimum=0.0, decimals=0)
        self.add_number("TARGET", self.tr("Target (m² per person)"), TARGET_M2_PER_CAPITA, minimum=0.0, decimals=2)
        self.add_field("CAPACITY_FIELD", self.tr("Capacity field (people)"), None, "SHELTERS", compat.FIELD_NUMERIC)
        self.add_source("ROADS", self.tr("Roads (for the network method)"), [compat.SOURCE_LINE], optional=True,
                        kind="roads")
        table = QgsProcessingParameterFile("TYPE_TABLE", self.tr("Shelter type table (CSV or JSON; empty = built-in)"),
                                           optional=True, fileFilter=self.tr("Tables (*.csv *.json)"))
        table.setFlags(table.flags() | FLAG_ADVANCED)
        self.addParameter(table)
        self.add_sink("OUTPUT", self.tr("Shelter area per capita"), compat.SOURCE_ANY_GEOMETRY)
        self.add_sink("OUTPUT_SHELTERS", self.tr("Shelter load"), compat.SOURCE_ANY_GEOMETRY)
        self.add_sink("OUTPUT_SUMMARY", self.tr("Shelter summary table"), compat.SOURCE_VECTOR)
        self.add_html("OUTPUT_HTML", self.tr("Shelter summary (HTML)"))
        self.add_language()
        for name, label in zip(NUMBERS, (self.tr("County m² per capita"),
                                         self.tr("Share of residents meeting the target"),
                                         self.tr("Residents with no shelter in reach"), self.tr("Total deficit (m²)"),
                                         self.tr("County deficit (m²)"), self.tr("Overloaded shelters"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def compute(self, parameters, context, feedback):
        from ..core.shelter_capacity import METHOD_NETWORK, analyse_shelters
        from ..layers import shelter_io as io

        method = self.parameterAsEnum(parameters, "METHOD", context)
        standards = self._standards(parameters, context)
        types = [DEFAULT_SHELTER_TYPES[i].code for i in self.parameterAsEnums(parameters, "TYPES", context)] or None
        target = self.parameterAsDouble(parameters, "TARGET", context)
        radius = self.parameterAsDouble(parameters, "RADIUS", context) if self.given(parameters, "RADIUS") else None
        self._check_options(parameters, method, radius, target)
        feedback.setProgress(0)
        shelters = self.read_source(parameters, "SHELTERS", context, feedback)
        crs = shelters.crs
        if shelters.source_crs.isGeographic():
            feedback.pushWarning(self.tr("Shelters are in a geographic CRS (degrees): analysed in {0}.").format(
                crs.authid()))
        layers = [shelters] + [f for f in [self.read_source(parameters, "SHELTERS_2", context, feedback,
                                                            target_crs=crs, required=False)] if f is not None]
        population, population_field = read_population(self, parameters, context, feedback, crs, required=True,
                                                       keep_points=True)
        self.advance(feedback, 10)
        units = self.read_source(parameters, "UNITS", context, feedback, target_crs=crs, required=False)
        roads = (self.read_source(parameters, "ROADS", context, feedback, target_crs=crs)
                 if method == METHOD_NETWORK else None)
        self.advance(feedback, 20)
        self._check_fields(parameters, context, feedback, layers, population)
        network_pairs, stats = None, {}
        if roads is not None:  # inside the 20–85 % of the analysis
            network_pairs, stats, lines = io.walking_network(roads, self.progress(feedback, 26.5, 32.5))
            for line in lines:
                feedback.pushInfo(line)
        analysis = analyse_shelters(
            [f.gdf for f in layers] if len(layers) > 1 else shelters.gdf, population.gdf, method=method,
            units=units.gdf if units is not None else None, area_field=self._area_field(parameters, context, layers,
                                                                                        feedback),
            type_field=self.field_parameter(parameters, "TYPE_FIELD", context, required=True), types=types,
            population_field=population_field,
            urban_only=self.parameterAsBoolean(parameters, "URBAN_ONLY", context), radius=radius, target=target,
            capacity_field=self.field_parameter(parameters, "CAPACITY_FIELD", context), standards=standards,
            network_pairs=network_pairs,
            layer_names={"shelters": [f.name for f in layers] if len(layers) > 1 else shelters.name,
                         "population": population.name, "units": units.name if units is not None else "units"},
            progress=self.progress(feedback, 20, 65))
        warnings = [self.render(w) for w in list(analysis.warnings) + io.network_warnings(stats)]
        self.push_warnings(feedback, warnings)
        self.check_cancelled(feedback)
        results = self._write(parameters, context, feedback, analysis, layers, population, units, warnings)
        for line in io.summary_lines(analysis):
            feedback.pushInfo(line)
        feedback.setProgress(100)
        return results

    def _check_fields(self, parameters, context, feedback, layers, population):
        """The layer rules for the fields used (shelter type codes only with the built-in type table)."""
        area = self.field_parameter(parameters, "AREA_FIELD", context)
        for layer in layers:
            columns = {"shelter_id": "shelter_id", "area_m2": area if area in layer.gdf.columns else None,
                       "capacity": self.field_parameter(parameters, "CAPACITY_FIELD", context)}
            if not self.given(parameters, "TYPE_TABLE"):
                columns["type"] = self.field_parameter(parameters, "TYPE_FIELD", context, required=True)
            self.check_fields(layer, columns, feedback, required=[n for n in ("type", "area_m2") if columns.get(n)])
        urban = "urban" if self.parameterAsBoolean(parameters, "URBAN_ONLY", context) else None
        if urban:  # residents: checked as read (processing.population)
            self.check_fields(population, {"urban": urban}, feedback)

    def _standards(self, parameters, context):
        from ..core.standards.shelters import DEFAULT_STANDARDS, load_shelter_standards

        if not self.given(parameters, "TYPE_TABLE"):
            return DEFAULT_STANDARDS
        try:
            return load_shelter_standards(self.parameterAsFile(parameters, "TYPE_TABLE", context))
        except (OSError, ValueError) as error:
            raise QgsProcessingException(self.tr("Shelter type table: {0}").format(error)) from error

    def _check_options(self, parameters, method, radius, target):
        from ..core.shelter_capacity import METHOD_ADMINISTRATIVE, METHOD_NETWORK

        if radius is not None and radius <= 0:
            raise QgsProcessingException(
                self.tr("RADIUS must be more than 0 m (leave it empty for the per-type radii)."))
        if target <= 0:
            raise QgsProcessingException(self.tr("TARGET must be more than 0 m² per person."))
        if method == METHOD_ADMINISTRATIVE and not self.given(parameters, "UNITS"):
            raise QgsProcessingException(self.tr("METHOD 0 (administrative) needs UNITS, e.g. the townships."))
        if method == METHOD_NETWORK and not self.given(parameters, "ROADS"):
            raise QgsProcessingException(self.tr("METHOD 2 (network) needs ROADS."))

    def _area_field(self, parameters, context, layers, feedback):
        """AREA_FIELD given explicitly empty: polygon areas. Not given: the default 'area_m2', or polygon
        areas when no shelter layer has that field (said in the log)."""
        name = self.field_parameter(parameters, "AREA_FIELD", context)
        if name is None:
            feedback.pushInfo(self.tr("AREA_FIELD is empty: effective area = polygon area"))
        elif not self.given(parameters, "AREA_FIELD") and not any(name in layer.gdf.columns for layer in layers):
            feedback.pushWarning(
                self.tr("The shelters have no '{0}' field: effective area = polygon area").format(name))
            return None
        return name

    def _write(self, parameters, context, feedback, analysis, layers, population, units, warnings):
        from ..layers import shelter_io as io

        out = io.shelter_outputs(analysis, layers, population, units)
        self.push_warnings(feedback, out.warnings)
        for line in out.info:
            feedback.pushInfo(line)
        self.check_cancelled(feedback)
        record = self.provenance(parameters, standards=str(analysis.standards.source),
                                 method_name=analysis.summary["method_name"])
        style_main, style_load = io.shelter_styles(analysis.method, analysis.target, out.name_field)
        results = {"OUTPUT": self.write_sink(parameters, "OUTPUT", context, out.main, out.main_specs,
                                             out.main_wkb, layers[0].crs, style=style_main, provenance=record)}
        feedback.setProgress(90)
        results["OUTPUT_SHELTERS"] = self.write_sink(parameters, "OUTPUT_SHELTERS", context, out.shelters,
                                                     out.shelter_specs, out.shelter_wkb, layers[0].crs,
                                                     style=style_load, provenance=record)
        results["OUTPUT_SUMMARY"] = self.write_sink(parameters, "OUTPUT_SUMMARY", context, out.table,
                                                    out.table_specs, compat.WKB_NO_GEOMETRY)
        results.update(io.summary_numbers(analysis, NUMBERS))
        language = self.language(parameters, context)
        html = self.write_html(parameters, "OUTPUT_HTML", context, lambda: io.shelter_html(
            analysis, out, record["parameters"], warnings, f"{record['algorithm']} {record['version']}", language))
        if html:
            results["OUTPUT_HTML"] = html
        return results
