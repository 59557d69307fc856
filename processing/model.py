"""The shipped Processing model of the assessment chain (models/*.model3, written by tools/build_model.py)
as the toolbox shows it: its display name, group, help and parameter labels in the UI language.

The model file is language-neutral data (English); its id stays ``riskatlas:riskatlasassessmentmodel``
(the model's name), only what the planner reads is translated here.
"""
from qgis.core import QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication

from ..layers.schemas import INPUT_BY_PARAMETER, RESULT_BY_NAME
from ..support.i18n import is_chinese
from .base import GROUP_NAMES, icon_path, input_label, manual_url

OPTION_LABELS = {  # model parameters that are options of the full assessment: its labels
    "ORGANISATION": "Issuing organisation",
    "LANGUAGE": "Atlas language (zh: Chinese, en: English)",
}


class AssessmentModel(QgsProcessingModelAlgorithm):
    GROUP_ID = "assessment"

    def __init__(self, variant=None, source_path=""):
        super().__init__()
        if variant is not None:
            self.loadVariant(variant)
            self.setSourceFilePath(source_path)
            self._translate_parameters()

    def _translate_parameters(self):
        for definition in self.parameterDefinitions():
            name = definition.name()
            if name in INPUT_BY_PARAMETER:
                definition.setDescription(input_label(INPUT_BY_PARAMETER[name]))
            elif name in OPTION_LABELS:
                definition.setDescription(QCoreApplication.translate("FullAssessment", OPTION_LABELS[name]))
            elif ":" in name:  # a child's output ("reach:reach_areas"): the result layer's title
                output = name.split(":", 1)[1]
                if output in RESULT_BY_NAME:
                    result = RESULT_BY_NAME[output]
                    definition.setDescription(result.title_zh if is_chinese() else result.title_en)
                elif output == "atlas_pdf":
                    definition.setDescription(QCoreApplication.translate("FullAssessment", "Risk atlas (PDF)"))

    def createInstance(self):  # noqa: N802 (QGIS API): a copy that keeps this class (and its translations)
        return AssessmentModel(self.toVariant(), self.sourceFilePath())

    def displayName(self):  # noqa: N802
        return QCoreApplication.translate("AssessmentModel", "Risk assessment as an editable model")

    def group(self):
        return QCoreApplication.translate("RiskAtlasAlgorithm", GROUP_NAMES[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        from .help import assessment_model

        return assessment_model()

    def helpUrl(self):  # noqa: N802
        return manual_url("model")

    def icon(self):
        from qgis.PyQt.QtGui import QIcon

        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802
        return icon_path("model")


def load_model(path):
    """The model in ``path`` as an AssessmentModel, or None when it cannot be read."""
    plain = QgsProcessingModelAlgorithm()
    if not plain.fromFile(path):
        return None
    return AssessmentModel(plain.toVariant(), path)
