"""One atlas export, from the algorithm's inputs to its files: figures, layouts, PDF, PNGs, kept layers.

``riskatlas:exportatlas`` reads its parameters into an ``AtlasRequest`` and its layers, then calls
``make_atlas``. Messages go to the log in the UI language (translation context: the algorithm's).
"""
import os
import time
import uuid
from dataclasses import dataclass

from qgis.core import QgsProcessingException, QgsProcessingMultiStepFeedback, QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication

from ..core.atlas_figures import atlas_figures, headline_figures
from ..processing.reading import say_in_ui
from . import text as T
from .build import prepare_atlas
from .chart import cjk_font_available
from .export import export_pdf, export_png
from .page_templates import TemplateError
from .report import report_figures

_translate = QCoreApplication.translate  # context "ExportAtlas": the algorithm's messages
CHART_FOLDER = "atlas_charts"  # beside a kept atlas GeoPackage


@dataclass
class AtlasRequest:
    language: str  # zh / en
    page_size: str  # A3 / A4
    title: str
    organisation: str
    date: str  # as typed; YYYY-MM-DD is written out
    target: float  # m² of fixed shelter per resident
    name_field: str  # None: 'name' (an English atlas: 'name_en' when the townships have it)
    pdf: str
    png_folder: str = ""  # '': no PNG pages
    gpkg: str = ""  # '': the atlas layers go into a temporary GeoPackage
    run_label: str = ""  # RUN_LABEL: printed with the issuer and at the foot of every page



def township_names(towns, request, layer_name, feedback):
    """The townships' names, from NAME_FIELD ('name'; an English atlas: 'name_en' when there is one)."""
    field = request.name_field or "name"
    if request.language == "en" and not request.name_field and "name_en" in towns.columns:
        field = "name_en"
        feedback.pushInfo(_translate("ExportAtlas", "Township names for the English atlas are read from 'name_en'."))
    if field not in towns.columns:
        raise QgsProcessingException(
            _translate("ExportAtlas", "Layer '{0}' has no field '{1}' (NAME_FIELD).").format(layer_name, field))
    return towns[field].astype(object).where(towns[field].notna(), "").astype(str).tolist()


def _storage(request):
    """(GeoPackage for the atlas layers, chart folder): kept beside ATLAS_LAYERS, else temporary."""
    if request.gpkg:
        return request.gpkg, os.path.join(os.path.dirname(os.path.abspath(request.gpkg)), CHART_FOLDER)
    folder = os.path.join(QgsProcessingUtils.tempFolder(), f"riskatlas_atlas_{uuid.uuid4().hex[:8]}")
    return os.path.join(folder, "atlas_layers.gpkg"), os.path.join(folder, "charts")


def _figures(request, layers, feedback, render=str):
    frames = {key: layer.gdf for key, layer in layers.items() if layer is not None}
    names = {key: layer.name for key, layer in layers.items() if layer is not None}
    town_names = township_names(frames["townships"], request, names["townships"], feedback)
    figures = atlas_figures(frames["risk_map"], frames["townships"], town_names,
                            hazard_units=frames.get("hazard_units"), enterprises=frames.get("enterprises"),
                            reach_areas=frames.get("reach_areas"), reach_gaps=frames.get("reach_gaps"),
                            shelter_units=frames.get("shelter_units"), shelter_load=frames.get("shelter_load"),
                            layer_names=names, shelter_target=request.target,
                            rescue_towns=frames.get("rescue_towns"), depot_towns=frames.get("depot_towns"))
    for warning in figures.warnings:
        feedback.pushWarning(render(warning))
    headline = headline_figures(figures)
    report_figures(figures, headline, feedback)
    return figures, frames, headline


def _prepare(request, figures, frames, crs, feedback, headline):
    gpkg, chart_folder = _storage(request)
    try:
        atlas = prepare_atlas(
            figures, frames, crs, language=request.language,
            title=(request.title or "").strip() or T.text("title", request.language),
            organisation=(request.organisation or "").strip(), date_text=T.format_date(request.date, request.language),
            page_size=request.page_size, gpkg=gpkg, chart_folder=chart_folder,
            log=lambda line: feedback.pushInfo(say_in_ui(line)),
            headline=headline, run_label=request.run_label)
    except TemplateError as error:
        raise QgsProcessingException(str(error)) from error
    except IOError as error:
        message = _translate("ExportAtlas", "Could not write the atlas layers: {0}")
        raise QgsProcessingException(message.format(error)) from error
    feedback.pushInfo(_translate("ExportAtlas", "Templates: {0}").format(", ".join(atlas.templates.values())))
    return atlas


def _export(atlas, request, steps, check_cancelled):
    results = {"OUTPUT": request.pdf, "PAGES": atlas.pages}
    steps.setCurrentStep(1)
    try:
        export_pdf(atlas.singles, atlas.township, request.pdf, steps)
    except IOError as error:
        check_cancelled()
        message = _translate("ExportAtlas", "Could not write the atlas PDF: {0}")
        raise QgsProcessingException(message.format(error)) from error
    check_cancelled()
    if request.png_folder:
        steps.setCurrentStep(2)
        try:
            pngs = export_png(atlas.singles, atlas.township, request.png_folder, steps)
        except IOError as error:
            check_cancelled()
            message = _translate("ExportAtlas", "Could not write the PNG pages: {0}")
            raise QgsProcessingException(message.format(error)) from error
        results["OUTPUT_PNG_FOLDER"] = request.png_folder
        steps.pushInfo(_translate("ExportAtlas", "{0} PNG pages in {1}").format(len(pngs), request.png_folder))
    if request.gpkg:
        results["ATLAS_LAYERS"] = request.gpkg
    return results


def make_atlas(request, layers, crs, feedback, check_cancelled, render=str):
    """The atlas of ``layers`` ({'risk_map', 'townships', …: LayerFrame or None}, all in ``crs``) as
    ``request`` asks. Returns the algorithm's results (OUTPUT, PAGES, OUTPUT_PNG_FOLDER, ATLAS_LAYERS).
    ``render``: a warning (text or core Notice) as the text to show."""
    started = time.perf_counter()
    if not request.pdf:
        raise QgsProcessingException(_translate("ExportAtlas", "Give an output PDF file."))
    if not cjk_font_available():
        feedback.pushWarning(_translate(
            "ExportAtlas", "No Chinese font is installed (WenQuanYi Zen Hei, Microsoft YaHei, SimHei, PingFang SC, "
            "…): Chinese text may not show. Install fonts-wqy-zenhei (Debian) or the WenQuanYi font."))
    steps = QgsProcessingMultiStepFeedback(3 if request.png_folder else 2, feedback)
    figures, frames, headline = _figures(request, layers, steps, render)
    check_cancelled()
    steps.setProgress(60)
    atlas = _prepare(request, figures, frames, crs, steps, headline)
    try:
        results = _export(atlas, request, steps, check_cancelled)
    finally:
        atlas.project.clear()  # lets go of the atlas GeoPackage (the full assessment renames its results)
    feedback.pushInfo(_translate(
        "ExportAtlas", "Risk atlas: {0} pages ({1} county pages + {2} townships), {3} paper, language {4}, written "
        "in {5:.1f} s: {6}").format(results["PAGES"], len(atlas.singles), results["PAGES"] - len(atlas.singles),
                                    request.page_size, request.language, time.perf_counter() - started, request.pdf))
    return results
