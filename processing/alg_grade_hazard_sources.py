"""riskatlas:gradehazardsources — GB 18218-2018 grading of hazard units (glue; formulas in core)."""
from qgis.core import QgsProcessingOutputNumber

from ..core.standards.gb18218 import EXPOSURE_RADIUS_M
from ..support import compat
from .base import ACCEPT, KEEP, LEAVE_OUT, STOP, Reads, RiskAtlasAlgorithm
from .population import add_population, read_population


class GradeHazardSources(RiskAtlasAlgorithm):
    ALGORITHM_ID = "gradehazardsources"
    GROUP_ID = "risk"
    READS = {"INPUT": Reads("hazard_sources", key="UNIT_FIELD", no_geometry=KEEP),
             "POPULATION": Reads("population", no_geometry=STOP, empty=ACCEPT),
             "ENTERPRISES": Reads("enterprises", key="ENTERPRISES_ID_FIELD", no_geometry=LEAVE_OUT, empty=ACCEPT)}

    def displayName(self):
        return self.tr("Grade major hazard sources (GB 18218-2018)")

    def initAlgorithm(self, config=None):
        self.add_source("INPUT", self.tr("Hazard-source records (one feature per unit and substance)"),
                        [compat.SOURCE_POINT, compat.SOURCE_POLYGON], kind="hazard_sources")
        self.add_field("UNIT_FIELD", self.tr("Unit id field"), "unit_id", "INPUT")
        self.add_field("SUBSTANCE_FIELD", self.tr("Substance field (CAS number, Chinese or English name)"), "substance",
                       "INPUT")
        self.add_field("QUANTITY_FIELD", self.tr("Design maximum quantity field (t)"), "quantity_t", "INPUT")
        self.add_field("CATEGORY_FIELD", self.tr("Hazard category field (GB 18218 Table 2 code, e.g. W2)"),
                       "hazard_cat", "INPUT")
        self.add_field("EXPOSED_FIELD", self.tr("Exposed people field (within {0:g} m outside the boundary)").format(
            EXPOSURE_RADIUS_M), "exposed", "INPUT")
        self.add_field("ENTERPRISE_FIELD", self.tr("Enterprise id field"), "ent_id", "INPUT")
        add_population(self, self.tr("Population, polygons or points (to estimate exposed people)"))
        self.add_source("ENTERPRISES", self.tr("Enterprises (polygons: the plant boundaries)"),
                        [compat.SOURCE_POINT, compat.SOURCE_POLYGON], optional=True)
        self.add_field("ENTERPRISES_ID_FIELD", self.tr("Enterprise id field of the enterprises"), "ent_id",
                       "ENTERPRISES")
        self.add_sink("OUTPUT", self.tr("Graded hazard units"), compat.SOURCE_VECTOR)
        self.add_sink("DETAILS", self.tr("Hazard record details (q, Q, β)"), compat.SOURCE_VECTOR, optional=True)
        self.addOutput(QgsProcessingOutputNumber("UNITS", self.tr("Number of units")))
        self.addOutput(QgsProcessingOutputNumber("MAJOR_UNITS", self.tr("Number of major hazard sources")))

    def compute(self, parameters, context, feedback):
        from ..core.hazard_grading import HazardFields, grade_hazard_sources

        records = self.read_source(parameters, "INPUT", context, feedback)
        feedback.setProgress(10)

        def field(name, frame=None, required=False):
            return self.field_parameter(parameters, name, context, frame, required)

        fields = HazardFields(
            unit=field("UNIT_FIELD", required=True), substance=field("SUBSTANCE_FIELD", required=True),
            quantity=field("QUANTITY_FIELD", required=True), category=field("CATEGORY_FIELD", records),
            exposed=field("EXPOSED_FIELD", records), enterprise=field("ENTERPRISE_FIELD", records))
        self.check_fields(records, {"unit_id": fields.unit, "substance": fields.substance, "quantity_t": fields.quantity,
                                    "hazard_cat": fields.category, "exposed": fields.exposed,
                                    "ent_id": fields.enterprise}, feedback, required=("unit_id", "substance", "quantity_t"))
        population, population_field = read_population(self, parameters, context, feedback, records.crs)
        plants = self.read_source(parameters, "ENTERPRISES", context, feedback, target_crs=records.crs, required=False)
        plant_id = field("ENTERPRISES_ID_FIELD", plants, required=True) if plants else None
        self.check_fields(plants, {"ent_id": plant_id}, feedback)
        feedback.setProgress(30)
        self.check_cancelled(feedback)

        result = grade_hazard_sources(records.gdf, fields, population=population.gdf if population else None,
                                      population_field=population_field, layer=records.name,
                                      population_layer=population.name if population else "population",
                                      plants=plants.gdf if plants else None, plant_id_field=plant_id or "ent_id",
                                      plants_layer=plants.name if plants else "enterprises")
        self.push_warnings(feedback, result.warnings)
        self.check_cancelled(feedback)
        feedback.setProgress(80)
        return self._write(parameters, context, feedback, records, fields, result, plants)

    def _write(self, parameters, context, feedback, records, fields, result, plants):
        import pandas as pd

        from ..core.standards import gb18218
        from ..core.standards.risk_levels import level_counts_text
        from ..layers.outputs import HAZARD_DETAIL_FIELDS, HAZARD_UNIT_FIELDS, RISK_FIELDS, as_nullable_int
        from ..layers.sinks import wkb_type_for
        from ..layers.styling import apply_four_colour_style

        units = result.units.assign(**{name: as_nullable_int(result.units[name].astype(float))
                                       for name in ("hazard_grade", "n_substances")})
        details = pd.DataFrame(result.records)  # a table: no geometry column
        details.insert(0, "record_fid", details.index.to_numpy())
        details["table1_seq"] = as_nullable_int(details["table1_seq"])
        record = self.provenance(parameters, standard=gb18218.STANDARD, grade_preset=result.preset,
                                 exposure_radius_m=gb18218.EXPOSURE_RADIUS_M)
        unit_fields = HAZARD_UNIT_FIELDS + ((("enterprise_id", "string"),) if fields.enterprise else ()) + RISK_FIELDS
        results = {"OUTPUT": self.write_sink(parameters, "OUTPUT", context, units, unit_fields,
                                             wkb_type_for(units, compat.WKB_POINT), records.crs,
                                             style=apply_four_colour_style, provenance=record),
                   "UNITS": len(units), "MAJOR_UNITS": int(units["is_major"].sum())}
        details_id = self.write_sink(parameters, "DETAILS", context, details, HAZARD_DETAIL_FIELDS,
                                     compat.WKB_NO_GEOMETRY, provenance=record, required=False)
        if details_id is not None:
            results["DETAILS"] = details_id
        self.push_provenance(feedback, record)
        grades = units["hazard_grade"].value_counts().to_dict()
        feedback.pushInfo(self.tr("{0} units, {1} major hazard sources (一级 {2}, 二级 {3}, 三级 {4}, 四级 {5})").format(
            len(units), results["MAJOR_UNITS"], *(grades.get(g, 0) for g in (1, 2, 3, 4))))
        if plants is not None:
            feedback.pushInfo(self.tr("Exposed people counted outside the plant boundary for {0} units, outside the "
                                      "unit's own boundary for {1}").format(int((units["boundary"] == "plant").sum()),
                                                                            int((units["boundary"] == "unit").sum())))
        feedback.pushInfo(level_counts_text(units["risk_level"]))
        feedback.setProgress(100)
        return results
