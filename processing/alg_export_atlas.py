"""riskatlas:exportatlas — the printed risk atlas (cover + one sheet per township) as one PDF."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..support import compat
from ..support.i18n import is_chinese
from .base import RiskAtlasAlgorithm

PAGE_SIZES = ("A3", "A4")
LANGUAGES = ("zh", "en")
# (parameter, allowed source types, required)
SOURCES = (
    ("RISK_MAP", (compat.SOURCE_POLYGON,), True),
    ("ENTERPRISES", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("HAZARD_UNITS", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("SHELTERS", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("FIRE_STATIONS", (compat.SOURCE_POINT,), False),
    ("REACH_AREAS", (compat.SOURCE_POLYGON,), False),
    ("REACH_GAPS", (compat.SOURCE_POLYGON,), False),
    ("SHELTER_UNITS", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("TOWNSHIPS", (compat.SOURCE_POLYGON,), True),
)


class ExportAtlas(RiskAtlasAlgorithm):
    ALGORITHM_ID = "exportatlas"
    GROUP_ID = "atlas"

    def displayName(self):
        return self.tr("Export risk atlas (PDF)")

    def group(self):
        return self.tr("Atlas")

    def flags(self):
        return super().flags() | compat.FLAG_NO_THREADING

    def shortHelpString(self):
        return self.tr(
            "Prints the risk atlas as one PDF: a cover page for the county, then one sheet per township.\n\n"
            "Cover: the four-colour risk map of the county with fire stations, shelters and major hazard units; "
            "a table of map units, area and residents per risk level; the share of residents within 5 minutes "
            "of a fire station; fixed-shelter area per resident against the 1.5 m² target; major hazard units "
            "by grade (GB 18218-2018 一级–四级); a table of the townships; issuing organisation and date.\n\n"
            "Each township sheet (a QGIS atlas on the townships): the four-colour map zoomed to the township "
            "with a location inset, legend (重大风险 red, 较大风险 orange, 一般风险 yellow, 低风险 blue), scale "
            "bar, north arrow and CRS note; the township's figures as on the cover; a chart of the risk-level "
            "shares of area and residents; the list of its major hazard units.\n\n"
            "How the figures are made: residents of the four-colour map units are apportioned to each township "
            "by area; a unit is counted in the township it overlaps most; the 5-minute share is residents in "
            "the union of the reach areas (else outside the reach gaps) ÷ residents; shelter figures are taken "
            "from the per-township shelter result; hazard units and enterprises count in the township holding "
            "them. Risk levels are read from 'risk_level' (1 major … 4 low; a level's lower bound belongs to "
            "that level, as in the analyses that wrote them).\n\n"
            "The pages come from the layout templates in the plugin's 'atlas/templates' folder (A3 or A4 landscape), "
            "which can be edited in the layout designer; a template saved in your profile's "
            "composer_templates folder as riskatlas_cover_a3.qpt, riskatlas_township_a3.qpt (or _a4) is used "
            "instead. Text is written as text (searchable) in the WenQuanYi Zen Hei font. Optionally every "
            "page is also written as a PNG image. Input layers are never modified.")

    def initAlgorithm(self, config=None):
        labels = {
            "RISK_MAP": self.tr("Four-colour risk map (risk_level, residents)"),
            "ENTERPRISES": self.tr("Enterprises with risk levels"),
            "HAZARD_UNITS": self.tr("Graded hazard units"),
            "SHELTERS": self.tr("Emergency shelters"),
            "FIRE_STATIONS": self.tr("Fire stations"),
            "REACH_AREAS": self.tr("Fire-station reach areas (5 minutes)"),
            "REACH_GAPS": self.tr("Reach gaps (land no station reaches in 5 minutes)"),
            "SHELTER_UNITS": self.tr("Shelter area per capita (per-township result)"),
            "TOWNSHIPS": self.tr("Townships (one atlas page each)"),
        }
        for name, types, required in SOURCES:
            self.addParameter(QgsProcessingParameterFeatureSource(name, labels[name], list(types),
                                                                  optional=not required))
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", self.tr("Township name field (not given: name, or name_en for an English atlas)"),
            defaultValue="name", parentLayerParameterName="TOWNSHIPS", type=compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "TITLE", self.tr("Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)"), defaultValue="",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "ORGANISATION", self.tr("Issuing organisation"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "DATE", self.tr("Date printed on the atlas (empty: today; YYYY-MM-DD is written out)"), defaultValue="",
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size (landscape)"), options=list(PAGE_SIZES), defaultValue="A3",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Atlas language (zh: Chinese, en: English)"), options=list(LANGUAGES),
            defaultValue="zh" if is_chinese() else "en", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Risk atlas (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_PNG_FOLDER", self.tr("Folder for one PNG per page"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Number of pages")))

    # ---------------------------------------------------------------- run

    def _choice(self, parameters, name, options, context):
        value = self.parameterAsEnumString(parameters, name, context)
        if value not in options:  # an index given as a number or text (older scripts)
            try:
                value = options[int(parameters.get(name))]
            except (TypeError, ValueError, IndexError):
                raise QgsProcessingException(
                    self.tr("{0} must be one of: {1}").format(name, ", ".join(options))) from None
        return value

    def compute(self, parameters, context, feedback):
        import os
        import tempfile
        import time

        from qgis.core import QgsProcessingMultiStepFeedback

        from ..atlas import layout as atlas_layout

        started = time.perf_counter()
        pdf_path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not pdf_path:
            raise QgsProcessingException(self.tr("Give an output PDF file."))
        png_folder = (self.parameterAsFileOutput(parameters, "OUTPUT_PNG_FOLDER", context)
                      if parameters.get("OUTPUT_PNG_FOLDER") else "")
        steps = QgsProcessingMultiStepFeedback(3 if png_folder else 2, feedback)
        build = self.prepare(parameters, context, steps)
        steps.setCurrentStep(1)

        # export: into a temporary file beside the target, renamed when complete
        folder = os.path.dirname(os.path.abspath(pdf_path))
        os.makedirs(folder, exist_ok=True)
        handle, partial = tempfile.mkstemp(suffix=".pdf", prefix=".partial-", dir=folder)
        os.close(handle)
        try:
            atlas_layout.export_pdf(build, partial, steps)
            self.check_cancelled(feedback)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(partial, 0o666 & ~umask)  # mkstemp made it private; give it the usual permissions
            os.replace(partial, pdf_path)
        except IOError as error:
            self.check_cancelled(feedback)
            raise QgsProcessingException(self.tr("Could not write the atlas PDF: {0}").format(error)) from error
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        results = {"OUTPUT": pdf_path, "PAGES": build.pages}
        if png_folder:
            steps.setCurrentStep(2)
            try:
                pngs = atlas_layout.export_png(build, png_folder, steps)
            except IOError as error:
                self.check_cancelled(feedback)
                raise QgsProcessingException(self.tr("Could not write the PNG pages: {0}").format(error)) from error
            results["OUTPUT_PNG_FOLDER"] = png_folder
            feedback.pushInfo(self.tr("{0} PNG pages in {1}").format(len(pngs), png_folder))
        feedback.pushInfo(self.tr("Risk atlas: {0} pages (cover + {1} townships), {2} paper, language {3}, "
                                  "written in {4:.1f} s: {5}").format(
            build.pages, build.pages - 1, build.page_size, build.language, time.perf_counter() - started, pdf_path))
        feedback.pushInfo(self.tr("Made by: {0}").format(self._provenance_text(parameters)))
        return results

    def prepare(self, parameters, context, feedback, chart_folder=None):
        """Read the layers, compute the figures and fill the layouts — everything but the export.

        Returns a ``atlas.layout.AtlasBuild`` (layouts in a private QgsProject). ``make demo``
        uses it to put the atlas layouts into its project (``atlas_layout.save_to_project``); give a
        lasting ``chart_folder`` then (default: a temporary folder)."""
        import os
        import uuid

        from qgis.core import QgsProcessingUtils

        from ..core.atlas_figures import atlas_figures, meets_target
        from ..core.standards.shelters import TARGET_M2_PER_CAPITA
        from ..atlas import layout as atlas_layout
        from ..atlas import text
        from ..atlas.chart import cjk_font_available

        language = self._choice(parameters, "LANGUAGE", LANGUAGES, context)
        page_size = self._choice(parameters, "PAGE_SIZE", PAGE_SIZES, context)
        title = (self.parameterAsString(parameters, "TITLE", context) or "").strip() or text.text("title", language)
        organisation = (self.parameterAsString(parameters, "ORGANISATION", context) or "").strip()
        date_text = text.format_date(self.parameterAsString(parameters, "DATE", context), language)
        if not cjk_font_available():
            feedback.pushWarning(self.tr("The font 'WenQuanYi Zen Hei' is not installed: Chinese text may not show "
                                         "in the charts. Install fonts-wqy-zenhei (Debian) or the WenQuanYi font."))

        # read
        risk = self.read_source(parameters, "RISK_MAP", context, feedback)
        crs = risk.crs
        frames = {"risk_map": risk.gdf}
        names = {"risk_map": risk.name}
        for name in ("TOWNSHIPS", "ENTERPRISES", "HAZARD_UNITS", "SHELTERS", "FIRE_STATIONS", "REACH_AREAS",
                     "REACH_GAPS", "SHELTER_UNITS"):
            frame = self.read_source(parameters, name, context, feedback, target_crs=crs,
                                     required=name == "TOWNSHIPS")
            if frame is not None:
                frames[name.lower()] = frame.gdf
                names[name.lower()] = frame.name
            self.check_cancelled(feedback)
        towns = frames["townships"]
        name_field = self.parameterAsString(parameters, "NAME_FIELD", context) or "name"
        if language == "en" and not parameters.get("NAME_FIELD") and "name_en" in towns.columns:
            name_field = "name_en"  # no name field chosen: English pages take the English names
            feedback.pushInfo(self.tr("Township names for the English atlas are read from 'name_en'."))
        if name_field not in towns.columns:
            raise QgsProcessingException(self.tr("Layer '{0}' has no field '{1}' (NAME_FIELD).")
                                         .format(names["townships"], name_field))
        town_names = towns[name_field].astype(object).where(towns[name_field].notna(), "").astype(str)
        feedback.setProgress(30)

        # figures
        figures = atlas_figures(frames["risk_map"], towns, town_names.tolist(),
                                hazard_units=frames.get("hazard_units"), enterprises=frames.get("enterprises"),
                                reach_areas=frames.get("reach_areas"), reach_gaps=frames.get("reach_gaps"),
                                shelter_units=frames.get("shelter_units"), layer_names=names,
                                shelter_target=TARGET_M2_PER_CAPITA)
        for warning in figures.warnings:
            feedback.pushWarning(warning)
        self._report(figures, feedback, language, TARGET_M2_PER_CAPITA, meets_target)
        self.check_cancelled(feedback)
        feedback.setProgress(60)

        # layouts
        chart_folder = chart_folder or os.path.join(QgsProcessingUtils.tempFolder(),
                                                    f"riskatlas_charts_{uuid.uuid4().hex[:8]}")
        try:
            build = atlas_layout.build_atlas(
                figures, {**frames, "townships": towns}, crs, language=language, title=title,
                organisation=organisation, date_text=date_text, page_size=page_size, chart_folder=chart_folder,
                target_m2_per_capita=TARGET_M2_PER_CAPITA, log=feedback.pushInfo)
        except atlas_layout.TemplateError as error:
            raise QgsProcessingException(str(error)) from error
        build.figures = figures
        feedback.pushInfo(self.tr("Templates: {0} and {1}").format(build.templates["cover"],
                                                                   build.templates["township"]))
        feedback.setProgress(100)
        return build

    def _provenance_text(self, parameters):
        import json

        return json.dumps(self.provenance(parameters), ensure_ascii=False)

    def _report(self, figures, feedback, language, target, meets_target):
        """Headline figures and cross-checks against the layers' own totals, in the log."""
        from ..atlas import text

        county = figures.county
        levels = ", ".join(f"{text.level_label(i + 1, language)} {text.integer(v)}"
                           for i, v in enumerate(county.residents_by_level))
        feedback.pushInfo(self.tr("County: {0} residents in {1} townships — {2}").format(
            text.integer(county.residents), len(figures.townships), levels))
        feedback.pushInfo(self.tr("5-minute coverage: {0}; fixed-shelter area per resident: {1}; major hazard "
                                  "units: {2}").format(
            text.coverage_text(county, language),
            text.shelter_text(county, language, target, meets_target(county, target)),
            text.major_text(county, language)))
        totals = figures.layer_totals
        outside = totals.get("risk_map_residents", 0.0) - county.residents
        if totals.get("risk_map_residents", 0) > 0 and abs(outside) > 0.005 * totals["risk_map_residents"]:
            feedback.pushWarning(self.tr("{0} residents of the risk map lie outside every township and are not in "
                                         "the atlas figures.").format(text.integer(outside)))
        if "reach_gap_residents" in totals and county.covered_residents is not None:
            own = totals["reach_gap_residents"]
            mine = county.residents - county.covered_residents
            feedback.pushInfo(self.tr("Cross-check: the reach gaps hold {0} residents; the atlas counts {1} "
                                      "residents not covered (from the risk map's residents).").format(
                text.integer(own), text.integer(mine)))


ALGORITHM = ExportAtlas
