"""The full assessment in QGIS Desktop: where its files go by default, and its results in the
planner's own project — one styled group, and a message-bar button that opens the atlas PDF.

The results reach the project through Processing's "load on completion" list, which only the
desktop acts on (an algorithm dialog, the toolbox): ``processing.run``, models and
``qgis_process`` leave the project alone.
"""
import datetime
import os

from qgis.core import Qgis, QgsProcessingContext, QgsProcessingLayerPostProcessorInterface, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ..layers.project import user_folder
from ..support.i18n import ui_language

RUN_FOLDER_PREFIX = "risk_atlas_"
_KEEP_ALIVE = []  # post-processors and message-bar buttons live until QGIS has used them

translate = QCoreApplication.translate


def default_output_folder(project=None, now=None):
    """A persistent, dated folder for a run: beside the saved project (its folder), else under
    ~/RiskAtlas — ``risk_atlas_YYYY-MM-DD_HHMM``."""
    project = project or QgsProject.instance()
    stamp = (now or datetime.datetime.now()).strftime("%Y-%m-%d_%H%M")
    home = project.homePath() if project.fileName() else ""
    return os.path.join(home or user_folder(), f"{RUN_FOLDER_PREFIX}{stamp}")


class ResultsGroup(QgsProcessingLayerPostProcessorInterface):
    """Run when the desktop loads the assessment's placeholder output: puts the styled results group
    in its place (top of the project) and offers the PDF on the message bar."""

    def __init__(self, result, target):
        super().__init__()
        self.result, self.target = result, target

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        from .project import add_results_group

        project = context.project() or QgsProject.instance()
        folder = os.path.basename(os.path.normpath(self.result.output_folder))
        add_results_group(project, self.result.files["gpkg"], translate("FullAssessment", "Risk assessment results ({0})").format(folder),
                          ui_language(), self.target)
        project.removeMapLayer(layer.id())  # the placeholder Processing loaded; the group holds the results
        offer_pdf(self.result)


def offer_results(context, result, target):
    """Ask the desktop to add ``result``'s layers to the project when the run completes (a no-op
    for processing.run, models and qgis_process)."""
    uri = f"{result.files['gpkg']}|layername=risk_map"
    details = QgsProcessingContext.LayerDetails(translate("FullAssessment", "Risk assessment results"), context.project(), "OUTPUT_GPKG")
    processor = ResultsGroup(result, target)
    _KEEP_ALIVE.append(processor)
    details.setPostProcessor(processor)
    context.addLayerToLoadOnCompletion(uri, details)


def open_path(path):
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def pdf_message(result):
    """A message-bar item: where the results are, with buttons opening the atlas PDF and the folder."""
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtWidgets import QPushButton

    item = QgsMessageBar.createMessage(translate("FullAssessment", "Risk Atlas"), translate("FullAssessment", "Assessment finished: {0}").format(
        result.output_folder))
    for text, path in ((translate("FullAssessment", "Open the atlas (PDF)"), result.files.get("pdf")),
                       (translate("FullAssessment", "Open the output folder"), result.output_folder)):
        if path:
            button = QPushButton(text, item)
            button.setProperty("riskatlas_path", path)
            button.clicked.connect(lambda _checked=False, p=path: open_path(p))
            item.layout().addWidget(button)
    return item


def offer_pdf(result):
    """Show ``pdf_message`` on QGIS's message bar."""
    from qgis import utils

    iface = getattr(utils, "iface", None)
    if iface is None:
        return None
    item = pdf_message(result)
    iface.messageBar().pushWidget(item, Qgis.Success, 0)
    return item
