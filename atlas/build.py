"""Making the atlas's layouts: from the figures to filled cover and township layouts (nothing exported).

1. the templates (``atlas.page_templates``) are loaded; the charts are drawn to their picture sizes;
2. the atlas layers' rows (``atlas.tables``) and settings (``atlas.settings``) are written into a
   GeoPackage (``atlas.store``) — a temporary one, or the one the caller keeps;
3. the layers are opened from it, styled (``atlas.symbols``) and the cover (``atlas.cover``) and the
   township sheets (``atlas.township``) filled.

``layouts_from_store`` repeats step 3 for a GeoPackage written earlier: that is how the
assessment's project gets the atlas layouts (``atlas.project``). Exporting: ``atlas.export``.
"""
import os
from dataclasses import dataclass

from qgis.core import QgsProject

from ..support.i18n import plugin_version
from . import text as T
from .chart import write_share_chart
from .cover import fill_cover
from .items import item_size
from .page_templates import load_template, template_path
from .settings import AtlasSettings, atlas_settings, layout_variables, page_numbers
from .store import open_atlas_layers, read_settings, write_atlas
from .symbols import style_atlas_layers
from .tables import atlas_tables, county_outline
from .resource_tables import hazard_table, resource_tables, resource_variables
from .theme_pages import fill_fire_page, fill_resources_page, fill_shelter_page
from .theme_tables import headline_table, reach_tables, shelter_tables
from .township import fill_township, listed_major_rows

KINDS = ("cover", "fire", "shelter", "resources", "township")  # in page order
SINGLE_PAGES = ("cover", "fire", "shelter", "resources")
LAYOUT_NAMES = {"cover": "county_map", "fire": "fire_page", "shelter": "shelter_page",
                "resources": "resources_page", "township": "township_sheet"}  # keys of atlas.text.TEXT
CHART_FONT_PT = {"A3": 8.0, "A4": 6.6}


@dataclass
class AtlasLayouts:
    """The filled layouts and their layers, all in ``project``."""

    project: QgsProject
    singles: list  # the county's pages (QgsPrintLayout), in page order: cover, fire stations, shelters
    township: object  # QgsPrintLayout, its atlas over the townships
    layers: dict  # map layer key (atlas.store.VIEWS) -> QgsVectorLayer
    settings: AtlasSettings
    templates: dict  # kind -> template file used

    @property
    def cover(self):
        return self.singles[0]

    @property
    def layouts(self):
        return self.singles + [self.township]

    @property
    def pages(self):
        return len(self.singles) + self.township.atlas().count()


def qgis_version():
    from qgis.core import Qgis

    return Qgis.QGIS_VERSION.split("-")[0]


def write_charts(figures, language, page_size, folder, cover, township):
    """The share charts: chart_01.png for the cover, chart_02.png … for the sheets, each drawn at the size
    of its layout's picture item. Returns (cover chart, [sheet charts])."""
    os.makedirs(folder, exist_ok=True)
    labels = (T.text("chart_area", language), T.text("chart_residents", language))
    font = CHART_FONT_PT.get(page_size, CHART_FONT_PT["A4"])
    width, height = item_size(township, "chart", (130.0, 30.0))
    sheets = []
    for i, f in enumerate(figures.townships):
        path = os.path.join(folder, f"chart_{i + 2:02d}.png")
        sheets.append(write_share_chart(path, f.area_shares, f.resident_shares, labels, width, height, font_pt=font))
    width, height = item_size(cover, "chart", (80.0, 36.0))
    county = write_share_chart(os.path.join(folder, "chart_01.png"), figures.county.area_shares,
                               figures.county.resident_shares, labels, width, height, font_pt=font)
    return county, sheets


def printed_kinds(fire_page, shelter_page, resources_page=False):
    printed = {"fire": fire_page, "shelter": shelter_page, "resources": resources_page}
    return tuple(kind for kind in KINDS if printed.get(kind, True))


def _load_templates(project, page_size, language, kinds=KINDS):
    templates = {kind: template_path(kind, page_size) for kind in kinds}
    layouts = {kind: load_template(project, templates[kind], T.text(LAYOUT_NAMES[kind], language)) for kind in kinds}
    return templates, layouts


def prepare_atlas(figures, frames, crs, *, language, title, organisation, date_text, page_size, gpkg,
                  chart_folder, log=None, headline=(), run_label=""):
    """Charts, atlas layers (written into ``gpkg``) and the filled layouts, in a private project.

    ``figures``: core.atlas_figures result; ``frames``: GeoDataFrames in ``crs`` — 'risk_map',
    'townships', optionally 'fire_stations', 'shelters', 'reach_areas', 'reach_gaps', 'shelter_load';
    ``headline``: the headline figures (core.headline), also written as table ``headline_figures``;
    ``run_label``: RUN_LABEL, printed with the issuer and at the foot of every page.
    Raises page_templates.TemplateError."""
    project = QgsProject()
    project.setCrs(crs)
    county = figures.county
    fire_page = frames.get("reach_areas") is not None and county.covered_residents is not None
    shelter_page = county.m2_per_capita is not None
    resources_page = bool(figures.resources)
    templates, layouts = _load_templates(project, page_size, language,
                                         printed_kinds(fire_page, shelter_page, resources_page))
    county_chart, sheet_charts = write_charts(figures, language, page_size, chart_folder, layouts["cover"],
                                              layouts["township"])
    pages = page_numbers(fire_page, shelter_page, len(figures.townships), resources_page)
    tables, dissolved = atlas_tables(figures, frames, language, sheet_charts,
                                     listed_major_rows(layouts["township"]), log, first_page=pages["first_sheet"])
    county_geometry = county_outline(frames["townships"])
    tables.update(reach_tables(frames.get("reach_areas"), frames.get("reach_gaps"), county_geometry, language))
    tables.update(shelter_tables(frames.get("shelter_load"), county_geometry, language))
    if resources_page:
        tables.update(resource_tables(frames, county_geometry, language))
    if frames.get("natural_hazards") is not None:
        tables["hazards"] = hazard_table(frames["natural_hazards"], county_geometry, language)
    variables = layout_variables(figures, language, title, organisation, date_text, (plugin_version(), qgis_version()),
                                 headline, pages, run_label)
    variables["ra_crs_note"] = T.crs_note(crs.description(), crs.authid(), language)
    if resources_page:
        variables.update(resource_variables(figures, frames, language))
    settings = atlas_settings(figures, language, page_size, dissolved, county_chart, variables, pages)
    write_atlas(gpkg, tables, settings, crs, headline_table(headline))
    return fill_layouts(project, gpkg, settings, templates, layouts)


def fill_layouts(project, gpkg, settings, templates, layouts):
    """Open the atlas layers of ``gpkg`` into ``project``, style them, fill and register both layouts."""
    layers = open_atlas_layers(gpkg, settings)
    style_atlas_layers(layers, settings)
    for layer in layers.values():
        project.addMapLayer(layer, False)
    crs = layers["coverage"].crs()
    fill_cover(layouts["cover"], layers, settings, crs, templates["cover"])
    if "fire" in layouts:
        fill_fire_page(layouts["fire"], layers, settings, crs, templates["fire"])
    if "shelter" in layouts:
        fill_shelter_page(layouts["shelter"], layers, settings, crs, templates["shelter"])
    if "resources" in layouts:
        fill_resources_page(layouts["resources"], layers, settings, crs, templates["resources"])
    fill_township(layouts["township"], layers, settings, crs, templates["township"])
    manager = project.layoutManager()
    for kind in layouts:
        if manager.layoutByName(layouts[kind].name()) is not None:
            layouts[kind].setName(manager.generateUniqueTitle())
        manager.addLayout(layouts[kind])
    layouts["township"].atlas().updateFeatures()
    singles = [layouts[kind] for kind in SINGLE_PAGES if kind in layouts]
    return AtlasLayouts(project, singles, layouts["township"], layers, settings, templates)


def layouts_from_store(project, gpkg):
    """The atlas layouts, filled again in ``project`` from the atlas layers an export wrote into ``gpkg``."""
    settings = read_settings(gpkg)
    templates, layouts = _load_templates(project, settings.page_size, settings.language,
                                         printed_kinds(settings.fire_page, settings.shelter_page,
                                                       settings.resources_page))
    return fill_layouts(project, gpkg, settings, templates, layouts)
