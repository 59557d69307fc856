"""Natural-hazard sites and zones as risk sources of ``riskatlas:fourcolourmap``: their parameters
(NATURAL_HAZARDS, NATURAL_HAZARDS_ID_FIELD, HAZARD_LEVEL_PRESET) and their reading (levels by
``core.natural_hazards``). Messages in the algorithm's translation context."""
from qgis.core import QgsProcessingParameterEnum
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards.natural_hazards import LEVEL_PRESETS
from ..support.i18n import is_chinese

translate = QCoreApplication.translate


def add_natural_hazard_parameters(algorithm, types):
    algorithm.add_source("NATURAL_HAZARDS", translate("FourColourMap", "Natural-hazard sites and zones (险情等级)"),
                         types, optional=True, kind="natural_hazards")
    algorithm.add_field("NATURAL_HAZARDS_ID_FIELD", translate("FourColourMap", "Natural-hazard id field"), "hazard_id",
                        "NATURAL_HAZARDS")
    algorithm.addParameter(QgsProcessingParameterEnum(
        "HAZARD_LEVEL_PRESET", translate("FourColourMap", "Natural hazards' risk level"),
        [p.label_zh if is_chinese() else p.label_en for p in LEVEL_PRESETS], defaultValue=0))


def read_natural_hazards(algorithm, parameters, context, feedback, crs, warnings):
    """(Sources, LayerFrame) of NATURAL_HAZARDS, levels by HAZARD_LEVEL_PRESET; None when not given."""
    from ..core.natural_hazards import FIELDS, THREAT_FIELDS, natural_hazard_sources

    frame = algorithm.read_source(parameters, "NATURAL_HAZARDS", context, feedback, target_crs=crs, required=False)
    if frame is None:
        return None
    preset = LEVEL_PRESETS[algorithm.parameterAsEnum(parameters, "HAZARD_LEVEL_PRESET", context)]
    id_field = algorithm.field_parameter(parameters, "NATURAL_HAZARDS_ID_FIELD", context, frame)
    used = {name: name for name in (*FIELDS.values(), *THREAT_FIELDS) if name in frame.gdf.columns}  # the layer rules of the fields read
    algorithm.check_fields(frame, {"hazard_id": id_field, **used}, feedback)
    part, origin = natural_hazard_sources(frame.gdf, frame.name, id_field, preset.name, warnings)
    feedback.pushInfo(translate("FourColourMap", "Natural hazards: {0} sites and zones graded by '{1}' ({2} by their "
                                "险情等级, {3} from the people and property threatened, {4} by their 风险等级).").format(
        len(part.level), preset.name, origin["recorded"], origin["threat"], origin["risk_grade"]))
    return part, frame
