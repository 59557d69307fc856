"""GUI shell: the Processing provider, the Risk Atlas menu, and the translator."""
import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .support.dependencies import install_message
from .support.fonts import install_substitutions, resolve_project_fonts
from .support.i18n import PLUGIN_DIR, install_translator, remove_translator


def _icon(name):
    path = os.path.join(PLUGIN_DIR, "icons", f"{name}.svg")
    return QIcon(path if os.path.exists(path) else os.path.join(PLUGIN_DIR, "icon.svg"))


class RiskAtlasPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu_title = None

    def tr(self, text):
        return QCoreApplication.translate("RiskAtlasPlugin", text)

    # -- processing (also the only entry point under qgis_process) --
    def initProcessing(self):  # noqa: N802 (QGIS API)
        install_translator()
        install_substitutions()  # fonts named on another machine's project draw with this machine's CJK font
        if self.provider is None:
            from .processing.provider import RiskAtlasProvider

            self.provider = RiskAtlasProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)
        problems = install_message()
        if problems:
            QgsMessageLog.logMessage(problems, "Risk Atlas", Qgis.Warning)

    # -- GUI --
    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        self.menu_title = self.tr("&Risk Atlas")
        self._add_action(_icon("sample"), self.tr("Load sample county"), self.load_sample_county)
        from .processing.provider import ALGORITHMS  # the menu opens each algorithm's dialog, in the provider's order

        for algorithm_id in (f"{self.provider.id()}:{cls.ALGORITHM_ID}" for cls in ALGORITHMS):
            algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
            if algorithm is not None:
                self._add_action(algorithm.icon(), algorithm.displayName() + "…",
                                 lambda _checked=False, a=algorithm_id: self.open_algorithm(a))
        self._add_action(_icon("manual"), self.tr("User manual"), self.open_manual)
        from qgis.core import QgsProject

        QgsProject.instance().readProject.connect(self._resolve_fonts)
        problems = install_message()
        if problems and self.iface is not None:
            self.iface.messageBar().pushMessage(
                self.tr("Risk Atlas"),
                self.tr("Missing Python packages — algorithms are disabled. See the message log (Risk Atlas) "
                        "for install instructions."), Qgis.Warning, 0)

    def _add_action(self, icon, text, slot):
        action = QAction(icon, text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(self.menu_title, action)
        self.actions.append(action)
        return action

    @staticmethod
    def _resolve_fonts(_document=None):
        """A project just read: its layouts and labels in a CJK family this machine has."""
        from qgis.core import QgsProject

        resolve_project_fonts(QgsProject.instance())

    def unload(self):
        from qgis.core import QgsProject

        try:
            QgsProject.instance().readProject.disconnect(self._resolve_fonts)
        except (TypeError, RuntimeError):  # not connected (initGui not run)
            pass
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_title, action)
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

    # -- actions --
    def open_algorithm(self, algorithm_id):
        """The algorithm's dialog, as the Processing toolbox opens it. (Not processing.execAlgorithmDialog:
        it asks the dialog for its results after it closed, and a closed dialog is already deleted —
        "wrapped C/C++ object of type AlgorithmDialog has been deleted" after every run from this menu.)"""
        from qgis import processing

        dialog = processing.createAlgorithmDialog(algorithm_id, {})
        if dialog is None:
            return
        canvas = self.iface.mapCanvas()
        map_tool = canvas.mapTool()
        dialog.show()
        dialog.exec_()
        if map_tool is not None and canvas.mapTool() != map_tool:  # a parameter's map tool (e.g. a point picked on the map) given back
            canvas.setMapTool(map_tool)

    def open_manual(self):
        from qgis.PyQt.QtCore import QUrl
        from qgis.PyQt.QtGui import QDesktopServices

        from .processing.base import manual_url

        QDesktopServices.openUrl(QUrl(manual_url()))

    def load_sample_county(self):
        """Add the sample county from the planner's own copy (~/RiskAtlas/sample_county.gpkg, made the
        first time): edits are kept there, never in the plugin folder (an update would replace them)."""
        from qgis.core import QgsProject

        from .layers.project import add_sample_county, sample_copy

        problems = install_message()
        if problems:
            self.iface.messageBar().pushMessage(self.tr("Risk Atlas"), problems, Qgis.Critical, 0)
            return
        try:
            path = sample_copy()
        except OSError as error:
            self.iface.messageBar().pushMessage(
                self.tr("Risk Atlas"), self.tr("Could not copy the sample county: {0}").format(error), Qgis.Critical, 0)
            return
        layers = add_sample_county(QgsProject.instance(), path=path)
        if layers:
            self.iface.mapCanvas().setExtent(layers[-1].extent())
            self.iface.mapCanvas().refresh()
        self.iface.messageBar().pushMessage(
            self.tr("Risk Atlas"), self.tr("Sample county loaded: {0} layers from {1}").format(len(layers), path),
            Qgis.Info, 10)
