"""The population parameters every algorithm with residents shares: POPULATION (polygons or points)
with POPULATION_FIELD, or POPULATION_RASTER (band 1 = residents per cell) — one or the other."""
from qgis.core import QgsProcessingException, QgsProcessingParameterRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..support import compat
from .reading import layer_note


translate = QCoreApplication.translate


def add_population(algorithm, label):
    """POPULATION (points or polygons, optional), POPULATION_FIELD and POPULATION_RASTER."""
    algorithm.add_source("POPULATION", label, [compat.SOURCE_POINT, compat.SOURCE_POLYGON], optional=True,
                         kind="population")
    algorithm.add_field("POPULATION_FIELD", translate("RiskAtlasAlgorithm", "Residents field"), "residents",
                        "POPULATION", compat.FIELD_NUMERIC)
    algorithm.addParameter(QgsProcessingParameterRasterLayer("POPULATION_RASTER", translate(
        "RiskAtlasAlgorithm", "Population grid (raster, band 1 = residents per cell; instead of a population layer)"),
        optional=True))


def read_population(algorithm, parameters, context, feedback, target_crs, required=False, keep_points=False):
    """(LayerFrame, residents field) of the population given, or (None, None). A raster becomes its
    populated cells as squares; points become small squares unless ``keep_points`` (layers.population_inputs)."""
    from ..layers.population_inputs import RESIDENTS, has_points, points_as_squares, raster_cells

    vector, raster = algorithm.given(parameters, "POPULATION"), algorithm.given(parameters, "POPULATION_RASTER")
    if vector and raster:
        raise QgsProcessingException(translate("RiskAtlasAlgorithm",
                                               "Give POPULATION or POPULATION_RASTER, not both."))
    if raster:
        layer = algorithm.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(translate("RiskAtlasAlgorithm",
                                                   "POPULATION_RASTER cannot be read as a raster layer."))
        frame = raster_cells(layer, target_crs, context.transformContext())
        for note in frame.notes:
            feedback.pushInfo(layer_note(frame.name, note))
        algorithm.check_cancelled(feedback)
        return frame, RESIDENTS
    if not vector:
        if required:
            raise QgsProcessingException(translate("RiskAtlasAlgorithm",
                                                   "Give POPULATION (polygons or points) or POPULATION_RASTER."))
        return None, None
    frame = algorithm.read_source(parameters, "POPULATION", context, feedback, target_crs=target_crs)
    field = algorithm.field_parameter(parameters, "POPULATION_FIELD", context, frame, required=True)
    algorithm.check_fields(frame, {"residents": field}, feedback, required=("residents",))  # validateinputs' rules
    if not keep_points and has_points(frame):
        frame = points_as_squares(frame)
        feedback.pushInfo(layer_note(frame.name, frame.notes[-1]))
    return frame, field
