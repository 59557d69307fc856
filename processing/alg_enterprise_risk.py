"""riskatlas:enterpriserisk — enterprise risk level from LEC or a risk matrix, raised by owned hazard units."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..support import compat
from ..core.standards.risk_presets import CUT_SETS, DEFAULT_CUT_SET
from .base import LayerPostProcessor, RiskAtlasAlgorithm

NEW_SPECS = (("risk_score", "double"), ("score_level", "int"), ("hazard_level", "int"), ("hazard_unit_id", "string"),
             ("risk_level", "int"), ("risk_label_zh", "string"), ("risk_label_en", "string"),
             ("risk_colour", "string"), ("level_source", "string"), ("risk_method", "string"),
             ("risk_preset", "string"))
METHODS = ("lec", "matrix")  # METHOD enum order


class EnterpriseRisk(RiskAtlasAlgorithm):
    ALGORITHM_ID = "enterpriserisk"
    GROUP_ID = "risk"

    def displayName(self):
        return self.tr("Enterprise risk level (LEC or risk matrix)")

    def group(self):
        return self.tr("Risk")

    def shortHelpString(self):
        return self.tr(
            "Scores every enterprise and classes the score into the four risk levels (1 重大风险 red, "
            "2 较大风险 orange, 3 一般风险 yellow, 4 低风险 blue) with a named cut set.\n\n"
            "METHOD 0 LEC: D = L × E × C (likelihood, exposure, consequence; values outside the LEC tables are "
            "used as given, with a warning). METHOD 1 risk matrix: R = likelihood × severity, both whole "
            "numbers 1–5.\n"
            "PRESET (empty = the method's first preset); a level's lower bound is included:\n"
            "0 LEC ≥ 320 / 160 / 70: D ≥ 320 → 1; 160 ≤ D < 320 → 2; 70 ≤ D < 160 → 3; D < 70 → 4.\n"
            "1 LEC ≥ 160 / 70 / 20: D ≥ 160 → 1; 70 ≤ D < 160 → 2; 20 ≤ D < 70 → 3; D < 20 → 4.\n"
            "2 Matrix ≥ 20 / 15 / 9: R 20–25 → 1; 15–16 → 2; 9–12 → 3; 1–8 → 4.\n"
            "3 Matrix ≥ 15 / 8 / 4: R 15–25 → 1; 8–12 → 2; 4–6 → 3; 1–3 → 4.\n"
            "Both LEC cut sets circulate in Chinese practice, and matrix cuts vary between provincial guides: "
            "choose the one your jurisdiction uses.\n\n"
            "HAZARD_UNITS (optional, the output of 'Grade major hazard sources'): an enterprise that owns a "
            "graded unit (HAZARD_ENTERPRISE_FIELD = its id) takes at least that unit's risk_level (就高: the "
            "higher risk wins). level_source says whether the score or a hazard unit set the level; "
            "hazard_unit_id names that unit.\n\n"
            "Output: the enterprises with risk_score, score_level, hazard_level, hazard_unit_id, risk_level, "
            "risk_label_zh, risk_label_en, risk_colour, level_source, risk_method, risk_preset. Empty or "
            "invalid scores are errors naming the feature and field.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Enterprises"), [compat.SOURCE_POINT, compat.SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            "ID_FIELD", self.tr("Enterprise id field"), "ent_id", "INPUT", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Method"), [self.tr("LEC (D = L × E × C)"),
                                         self.tr("Risk matrix (R = likelihood × severity)")], defaultValue=0))
        for name, label, default in (("L_FIELD", self.tr("LEC likelihood L field"), "lec_l"),
                                     ("E_FIELD", self.tr("LEC exposure E field"), "lec_e"),
                                     ("C_FIELD", self.tr("LEC consequence C field"), "lec_c"),
                                     ("LIKELIHOOD_FIELD", self.tr("Matrix likelihood field (1–5)"), "likelihood"),
                                     ("SEVERITY_FIELD", self.tr("Matrix severity field (1–5)"), "severity")):
            self.addParameter(QgsProcessingParameterField(name, label, default, "INPUT", compat.FIELD_ANY,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "PRESET", self.tr("Cut set (empty = the method's first)"), [c.label for c in CUT_SETS], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HAZARD_UNITS", self.tr("Graded hazard units (optional)"), [compat.SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "HAZARD_ENTERPRISE_FIELD", self.tr("Enterprise id field of the hazard units"), "enterprise_id",
            "HAZARD_UNITS", compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Enterprises with risk level"), compat.SOURCE_VECTOR))

    def compute(self, parameters, context, feedback):
        from ..core.enterprise_risk import enterprise_risk
        from ..layers.convert import make_fields, wkb_type_for, write_to_sink
        from ..layers.styling import apply_four_colour_style
        from .risk_glue import (as_nullable_int, input_and_new_fields, level_counts_text,
                                push_provenance, push_warnings)

        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        enterprises = self.read_source(parameters, "INPUT", context, feedback, target_crs=source.sourceCrs())
        feedback.setProgress(20)
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        preset_given = parameters.get("PRESET") not in (None, "", [])
        cut_set = CUT_SETS[self.parameterAsEnum(parameters, "PRESET", context)].name if preset_given \
            else DEFAULT_CUT_SET[method]

        def field(name, default):
            return self.field_parameter(parameters, name, context, default)

        units = self.read_source(parameters, "HAZARD_UNITS", context, feedback, required=False)
        result = enterprise_risk(
            enterprises.gdf, field("ID_FIELD", "ent_id"), method, cut_set,
            lec_fields=(field("L_FIELD", "lec_l"), field("E_FIELD", "lec_e"), field("C_FIELD", "lec_c")),
            matrix_fields=(field("LIKELIHOOD_FIELD", "likelihood"), field("SEVERITY_FIELD", "severity")),
            units=units.gdf if units is not None else None,
            unit_enterprise_field=field("HAZARD_ENTERPRISE_FIELD", "enterprise_id"),
            layer=enterprises.name, units_layer=units.name if units is not None else "hazard units")
        push_warnings(feedback, result.warnings)
        self.check_cancelled(feedback)
        feedback.setProgress(70)

        table = result.table.copy()
        table["hazard_level"] = as_nullable_int(table["hazard_level"])
        out = enterprises.gdf.drop(columns=[c for c in table.columns if c in enterprises.gdf.columns])
        out = out.join(table)
        fields = input_and_new_fields(source.fields(), make_fields(NEW_SPECS), feedback, enterprises.name)
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                             wkb_type_for(out, source.wkbType()), enterprises.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        write_to_sink(out, sink, fields, feedback, progress=(70, 95))

        record = self.provenance(parameters, method=method, preset=result.cut_set.name,
                                 preset_rule=result.cut_set.description)
        push_provenance(feedback, record)
        self.attach_post_processor(context, dest_id, LayerPostProcessor(style=apply_four_colour_style,
                                                                        provenance=record))
        raised = int((table["level_source"] == "hazard_unit").sum())
        feedback.pushInfo(self.tr("{0} enterprises scored with {1}; {2} raised by a hazard unit").format(
            len(table), result.cut_set.name, raised))
        feedback.pushInfo(level_counts_text(table["risk_level"]))
        feedback.setProgress(100)
        return {"OUTPUT": dest_id}


ALGORITHM = EnterpriseRisk
