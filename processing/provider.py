"""The Risk Atlas Processing provider (id ``riskatlas``).

Its algorithms are listed here, explicitly and in menu order (as QGIS's own providers list
theirs): adding an algorithm means importing it and adding it to ALGORITHMS, and a test checks
the exact set of ids. The Processing model of the assessment chain (``models/``, written by
tools/build_model.py from assessment/chain.py) is added too, so planners can open the chain in
the Model Designer.
"""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..support.i18n import PLUGIN_DIR, plugin_version
from .alg_compare_scenarios import CompareScenarios
from .alg_create_template import CreateTemplate
from .alg_enterprise_risk import EnterpriseRisk
from .alg_export_atlas import ExportAtlas
from .alg_fire_station_reach import FireStationReach
from .alg_fire_station_siting import FireStationSiting
from .alg_four_colour_map import FourColourMap
from .alg_full_assessment import FullAssessment
from .alg_grade_hazard_sources import GradeHazardSources
from .alg_resource_coverage import ResourceCoverage
from .alg_import_layer import ImportLayer
from .alg_incident_surroundings import IncidentSurroundings
from .alg_shelter_per_capita import ShelterPerCapita
from .alg_validate_inputs import ValidateInputs

ALGORITHMS = (  # the plugin's menu lists them in this order
    FullAssessment,
    CompareScenarios,
    ValidateInputs,
    GradeHazardSources,
    EnterpriseRisk,
    FourColourMap,
    FireStationReach,
    FireStationSiting,
    ShelterPerCapita,
    ResourceCoverage,
    IncidentSurroundings,
    ExportAtlas,
    ImportLayer,
    CreateTemplate,
)
MODELS = ("risk_atlas_assessment.model3",)  # in models/


def algorithm_classes():
    return ALGORITHMS


def models():
    """The shipped models (processing/model.py: translated name, group and labels; same ids)."""
    from .model import load_model

    loaded = (load_model(os.path.join(PLUGIN_DIR, "models", name)) for name in MODELS)
    return [model for model in loaded if model is not None]


class RiskAtlasProvider(QgsProcessingProvider):
    def id(self):
        return "riskatlas"

    def name(self):
        return QCoreApplication.translate("RiskAtlasProvider", "Risk Atlas")

    def longName(self):
        return QCoreApplication.translate("RiskAtlasProvider", "Risk Atlas {0}").format(plugin_version())

    def icon(self):
        return QIcon(os.path.join(PLUGIN_DIR, "icon.svg"))

    def svgIconPath(self):
        return os.path.join(PLUGIN_DIR, "icon.svg")

    def versionInfo(self):
        return plugin_version()

    def loadAlgorithms(self):
        for cls in ALGORITHMS:
            self.addAlgorithm(cls())
        for model in models():
            self.addAlgorithm(model)
