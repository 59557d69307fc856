"""riskatlas:enterpriserisk — enterprise risk level from LEC or a risk matrix, raised by owned hazard units."""
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum

from ..core.standards.risk_presets import CUT_SETS, DEFAULT_CUT_SET, LEC, MATRIX, MATRIX_RANGE
from ..support import compat
from .base import ACCEPT, KEEP, QUIET, Reads, RiskAtlasAlgorithm

METHODS = (LEC, MATRIX)  # METHOD enum order


class EnterpriseRisk(RiskAtlasAlgorithm):
    ALGORITHM_ID = "enterpriserisk"
    GROUP_ID = "risk"
    READS = {"INPUT": Reads("enterprises", key="ID_FIELD", no_geometry=KEEP),
             "HAZARD_UNITS": Reads(no_geometry=QUIET, empty=ACCEPT)}

    def displayName(self):
        return self.tr("Enterprise risk level (LEC or risk matrix)")

    def initAlgorithm(self, config=None):
        self.add_source("INPUT", self.tr("Enterprises"), [compat.SOURCE_POINT, compat.SOURCE_POLYGON],
                        kind="enterprises")
        self.add_field("ID_FIELD", self.tr("Enterprise id field"), "ent_id", "INPUT")
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Method"), [self.tr("LEC (D = L × E × C)"),
                                         self.tr("Risk matrix (R = likelihood × severity)")], defaultValue=0))
        self.add_field("L_FIELD", self.tr("LEC likelihood L field"), "lec_l", "INPUT")
        self.add_field("E_FIELD", self.tr("LEC exposure E field"), "lec_e", "INPUT")
        self.add_field("C_FIELD", self.tr("LEC consequence C field"), "lec_c", "INPUT")
        self.add_field("LIKELIHOOD_FIELD", self.tr("Matrix likelihood field ({0}–{1})").format(*MATRIX_RANGE),
                       "likelihood", "INPUT")
        self.add_field("SEVERITY_FIELD", self.tr("Matrix severity field ({0}–{1})").format(*MATRIX_RANGE), "severity",
                       "INPUT")
        self.addParameter(QgsProcessingParameterEnum(
            "PRESET", self.tr("Cut set (empty = the method's first)"), [c.label for c in CUT_SETS], optional=True))
        self.add_source("HAZARD_UNITS", self.tr("Graded hazard units (optional)"), [compat.SOURCE_VECTOR],
                        optional=True, kind="hazard_units")
        self.add_field("HAZARD_ENTERPRISE_FIELD", self.tr("Enterprise id field of the hazard units"), "enterprise_id",
                       "HAZARD_UNITS")
        self.add_sink("OUTPUT", self.tr("Enterprises with risk level"), compat.SOURCE_VECTOR)

    def compute(self, parameters, context, feedback):
        from ..core.enterprise_risk import enterprise_risk
        from ..core.standards.risk_levels import level_counts_text
        from ..layers.sinks import input_and_new_fields, wkb_type_for
        from ..layers.outputs import ENTERPRISE_RISK_FIELDS, as_nullable_int
        from ..layers.styling import apply_four_colour_style

        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        enterprises = self.read_source(parameters, "INPUT", context, feedback, target_crs=source.sourceCrs())
        feedback.setProgress(20)
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        cut_set = (CUT_SETS[self.parameterAsEnum(parameters, "PRESET", context)].name
                   if self.given(parameters, "PRESET") else DEFAULT_CUT_SET[method])

        def field(name):
            return self.field_parameter(parameters, name, context, required=True)

        columns = {"ent_id": field("ID_FIELD")}
        columns.update(zip(("lec_l", "lec_e", "lec_c"), map(field, ("L_FIELD", "E_FIELD", "C_FIELD"))) if method == LEC
                       else zip(("likelihood", "severity"), map(field, ("LIKELIHOOD_FIELD", "SEVERITY_FIELD"))))
        self.check_fields(enterprises, columns, feedback, method=method)
        units = self.read_source(parameters, "HAZARD_UNITS", context, feedback, required=False)
        result = enterprise_risk(
            enterprises.gdf, field("ID_FIELD"), method, cut_set,
            lec_fields=(field("L_FIELD"), field("E_FIELD"), field("C_FIELD")),
            matrix_fields=(field("LIKELIHOOD_FIELD"), field("SEVERITY_FIELD")),
            units=units.gdf if units is not None else None, unit_enterprise_field=field("HAZARD_ENTERPRISE_FIELD"),
            layer=enterprises.name, units_layer=units.name if units is not None else "hazard units")
        from ..core import messages as m

        # values off the LEC table: the layer rules above already named them
        self.push_warnings(feedback, [w for w in result.warnings if getattr(w, "template", None) != m.LEC_OFF_TABLE])
        self.check_cancelled(feedback)
        feedback.setProgress(70)

        table = result.table.assign(hazard_level=as_nullable_int(result.table["hazard_level"]))
        out = enterprises.gdf.drop(columns=[c for c in table.columns if c in enterprises.gdf.columns]).join(table)
        fields, replaced = input_and_new_fields(source.fields(), ENTERPRISE_RISK_FIELDS)
        if replaced:
            feedback.pushWarning(self.tr("{0}: input fields replaced by the results of the same name: {1}").format(
                enterprises.name, ", ".join(replaced)))
        record = self.provenance(parameters, method=method, preset=result.cut_set.name,
                                 preset_rule=result.cut_set.description)
        dest_id = self.write_sink(parameters, "OUTPUT", context, out, fields, wkb_type_for(out, source.wkbType()),
                                  enterprises.crs, feedback, progress=(70, 95), style=apply_four_colour_style,
                                  provenance=record)
        self.push_provenance(feedback, record)
        raised = int((table["level_source"] == "hazard_unit").sum())
        feedback.pushInfo(self.tr("{0} enterprises scored with {1}; {2} raised by a hazard unit").format(
            len(table), result.cut_set.name, raised))
        feedback.pushInfo(level_counts_text(table["risk_level"]))
        feedback.setProgress(100)
        return {"OUTPUT": dest_id}
