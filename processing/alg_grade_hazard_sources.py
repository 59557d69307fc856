"""riskatlas:gradehazardsources — GB 18218-2018 grading of hazard units (glue; formulas in core)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..support import compat
from .base import LayerPostProcessor, RiskAtlasAlgorithm

UNIT_SPECS = (("unit_id", "string"), ("n_substances", "int"), ("s_value", "double"), ("is_major", "bool"),
              ("alpha", "double"), ("exposed_people", "double"), ("exposed_source", "string"),
              ("r_value", "double"), ("hazard_grade", "int"), ("grade_label_zh", "string"))
RISK_SPECS = (("risk_level", "int"), ("risk_label_zh", "string"), ("risk_label_en", "string"),
              ("risk_colour", "string"))
DETAIL_SPECS = (("record_fid", "int"), ("unit_id", "string"), ("substance", "string"), ("substance_std", "string"),
                ("table1_seq", "int"), ("category", "string"), ("q_t", "double"), ("crit_q_t", "double"),
                ("q_source", "string"), ("beta", "double"), ("beta_source", "string"), ("q_ratio", "double"),
                ("beta_q_ratio", "double"))


class GradeHazardSources(RiskAtlasAlgorithm):
    ALGORITHM_ID = "gradehazardsources"
    GROUP_ID = "risk"

    def displayName(self):
        return self.tr("Grade major hazard sources (GB 18218-2018)")

    def group(self):
        return self.tr("Risk")

    def shortHelpString(self):
        return self.tr(
            "Identifies and grades major hazard sources after GB 18218-2018 from hazard records (one feature per "
            "unit and substance) and writes one feature per unit.\n\n"
            "Per record: q = design maximum quantity (t); Q = critical quantity from Table 1 by substance (CAS "
            "number, Chinese or English name or alias, e.g. 氯 / 液氯 / chlorine / 7782-50-5), else from Table 2 "
            "by the record's hazard category (e.g. W2, W5.2, J1; with several categories the lowest Q); "
            "β from Table 3 for its toxic gases, else Table 4 by category (several categories: the highest β).\n"
            "Per unit: S = Σ q/Q; S ≥ 1 makes it a major hazard source. α from the people within 500 m outside "
            "the unit: ≥ 100 → 2.0; 50–99 → 1.5; 30–49 → 1.2; 1–29 → 1.0; 0 → 0.5. R = α · Σ β·q/Q. "
            "Grade: 一级 R ≥ 100; 二级 50 ≤ R < 100; 三级 10 ≤ R < 50; 四级 R < 10. Every lower bound is "
            "included (R = 100 is 一级, S = 1 is major).\n"
            "Risk level (preset 'grade_equals_level'): 一级 → 1 red, 二级 → 2 orange, 三级 → 3 yellow, "
            "四级 → 4 blue; a unit with S < 1 is not a major hazard source (no grade) and is level 4.\n\n"
            "Exposed people: the exposed-people field when given (records of one unit that disagree: the largest, "
            "with a warning); otherwise, with a population layer, residents apportioned by area over the 500 m "
            "ring around a polygon unit (or the 500 m disc around a point unit), rounded to whole people.\n\n"
            "A substance neither in Table 1 nor given a category is an error naming the unit and feature; an empty "
            "quantity counts as 0 t (warning); a negative one is an error. The second output lists every record "
            "with q, Q, β, q/Q and the table each value came from. The unit geometry is its records merged.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Hazard-source records (one feature per unit and substance)"),
            [compat.SOURCE_POINT, compat.SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            "UNIT_FIELD", self.tr("Unit id field"), "unit_id", "INPUT", compat.FIELD_ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "SUBSTANCE_FIELD", self.tr("Substance field (CAS number, Chinese or English name)"), "substance",
            "INPUT", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "QUANTITY_FIELD", self.tr("Design maximum quantity field (t)"), "quantity_t", "INPUT", compat.FIELD_ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "CATEGORY_FIELD", self.tr("Hazard category field (GB 18218 Table 2 code, e.g. W2)"), "hazard_cat",
            "INPUT", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "EXPOSED_FIELD", self.tr("Exposed people field (within 500 m outside the boundary)"), "exposed",
            "INPUT", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "ENTERPRISE_FIELD", self.tr("Enterprise id field"), "ent_id", "INPUT", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "POPULATION", self.tr("Population polygons (to estimate exposed people)"), [compat.SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", self.tr("Residents field"), "residents", "POPULATION", compat.FIELD_ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Graded hazard units"), compat.SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "DETAILS", self.tr("Hazard record details (q, Q, β)"), compat.SOURCE_VECTOR, optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("UNITS", self.tr("Number of units")))
        self.addOutput(QgsProcessingOutputNumber("MAJOR_UNITS", self.tr("Number of major hazard sources")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core.standards import gb18218
        from ..core.hazard_grading import HazardFields, grade_hazard_sources
        from ..layers.convert import make_fields, wkb_type_for, write_to_sink
        from ..layers.styling import apply_four_colour_style
        from .risk_glue import (as_nullable_int, field_choice, level_counts_text, push_provenance,
                                push_warnings)

        records = self.read_source(parameters, "INPUT", context, feedback)
        feedback.setProgress(10)
        fields = HazardFields(
            unit=self.field_parameter(parameters, "UNIT_FIELD", context, "unit_id"),
            substance=self.field_parameter(parameters, "SUBSTANCE_FIELD", context, "substance"),
            quantity=self.field_parameter(parameters, "QUANTITY_FIELD", context, "quantity_t"),
            category=field_choice(self, parameters, "CATEGORY_FIELD", context, records, "hazard_cat"),
            exposed=field_choice(self, parameters, "EXPOSED_FIELD", context, records, "exposed"),
            enterprise=field_choice(self, parameters, "ENTERPRISE_FIELD", context, records, "ent_id"),
        )
        population = self.read_source(parameters, "POPULATION", context, feedback, target_crs=records.crs,
                                      required=False)
        population_field = None
        if population is not None:
            population_field = field_choice(self, parameters, "POPULATION_FIELD", context, population) or "residents"
        feedback.setProgress(30)
        self.check_cancelled(feedback)

        result = grade_hazard_sources(records.gdf, fields, population=population.gdf if population else None,
                                      population_field=population_field, layer=records.name,
                                      population_layer=population.name if population else "population")
        push_warnings(feedback, result.warnings)
        self.check_cancelled(feedback)
        feedback.setProgress(80)

        units = result.units.copy()
        for name in ("hazard_grade", "n_substances"):
            units[name] = as_nullable_int(units[name].astype(float))
        unit_specs = UNIT_SPECS + ((("enterprise_id", "string"),) if fields.enterprise else ()) + RISK_SPECS
        unit_fields = make_fields(unit_specs)
        details = result.records.copy()
        details.insert(0, "record_fid", details.index.to_numpy())
        details["table1_seq"] = as_nullable_int(details["table1_seq"])
        detail_fields = make_fields(DETAIL_SPECS)

        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, unit_fields,
                                             wkb_type_for(units, compat.WKB_POINT), records.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        write_to_sink(units, sink, unit_fields)
        results = {"OUTPUT": dest_id, "UNITS": len(units), "MAJOR_UNITS": int(units["is_major"].sum())}
        details_sink, details_id = self.parameterAsSink(parameters, "DETAILS", context, detail_fields,
                                                        compat.WKB_NO_GEOMETRY)
        if details_sink is not None:
            write_to_sink(pd.DataFrame(details), details_sink, detail_fields)
            results["DETAILS"] = details_id

        record = self.provenance(parameters, standard=gb18218.STANDARD, grade_preset=result.preset,
                                 exposure_radius_m=gb18218.EXPOSURE_RADIUS_M)
        push_provenance(feedback, record)
        self.attach_post_processor(context, dest_id, LayerPostProcessor(style=apply_four_colour_style,
                                                                        provenance=record))
        if details_sink is not None:
            self.attach_post_processor(context, details_id, LayerPostProcessor(provenance=record))
        grades = units["hazard_grade"].value_counts().to_dict()
        feedback.pushInfo(self.tr("{0} units, {1} major hazard sources (一级 {2}, 二级 {3}, 三级 {4}, 四级 {5})").format(
            len(units), results["MAJOR_UNITS"], *(grades.get(g, 0) for g in (1, 2, 3, 4))))
        feedback.pushInfo(level_counts_text(units["risk_level"]))
        feedback.setProgress(100)
        return results


ALGORITHM = GradeHazardSources
