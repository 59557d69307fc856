"""What fills the pages besides the layers: the layout variables (``@ra_…``) and how the atlas was asked for.

Stored beside the atlas layers (``atlas.store``) so the layouts can be rebuilt later, e.g. in the
assessment's project. No QGIS here.
"""
from dataclasses import asdict, dataclass, field, fields

from . import text as T


@dataclass
class AtlasSettings:
    language: str  # zh / en
    page_size: str  # A3 / A4
    dissolved: bool = False  # the risk map is drawn dissolved by level (no cell outlines)
    enterprises_given: bool = False
    coverage_given: bool = False  # a reach layer was given
    shelters_given: bool = False  # a shelter result was given (and matched a township)
    major_given: bool = False  # a hazard-unit layer was given
    fire_page: bool = False  # the county fire-station page is printed (reach areas given)
    shelter_page: bool = False  # the county shelter page is printed (shelter result given)
    resources_page: bool = False  # the county resources page is printed (resource coverage given)
    first_sheet: int = 2  # page number of the first township sheet
    county_chart: str = ""  # the cover's chart (PNG)
    tables: str = ""  # the atlas tables written (comma-separated keys of atlas.tables.atlas_tables)
    variables: dict = field(default_factory=dict)  # layout variables, name -> text

    def rows(self):
        """(kind, name, value) rows: 'setting' for the fields, 'variable' for the layout variables."""
        settings = [("setting", name, str(value)) for name, value in asdict(self).items() if name != "variables"]
        return settings + [("variable", name, str(value)) for name, value in self.variables.items()]

    @classmethod
    def from_rows(cls, rows):
        kinds = {f.name: f.type for f in fields(cls)}
        values, variables = {}, {}
        for kind, name, value in rows:
            if kind == "variable":
                variables[name] = value
            elif name in kinds:
                kind = kinds[name]
                values[name] = (value == "True" if kind in ("bool", bool) else int(value) if kind in ("int", int)
                                else value)
        return cls(**values, variables=variables)


def page_numbers(fire_page, shelter_page, n_sheets, resources_page=False):
    """{page: number} of the single pages ('cover', 'fire', 'shelter', 'resources'), 'first_sheet' and 'total'."""
    pages = {"cover": 1}
    for page, printed in (("fire", fire_page), ("shelter", shelter_page), ("resources", resources_page)):
        if printed:
            pages[page] = len(pages) + 1
    pages["first_sheet"] = len(pages) + 1
    pages["total"] = pages["first_sheet"] + n_sheets - 1
    return pages


def _headline_variables(headline, language):
    """@ra_h_<figure_id>: a headline figure as printed ('—' when its analysis was not given)."""
    return {f"ra_h_{f.figure_id}": f.shown if f.value is not None else T.text("not_given", language)
            for f in headline}


def layout_variables(figures, language, title, organisation, date_text, versions, headline=(), pages=None,
                     run_label=""):
    """Every ``@ra_…`` variable of the templates (atlas/templates/README.md). ``versions``: (plugin, QGIS);
    ``headline``: the headline figures (core.headline); ``pages``: ``page_numbers``; ``run_label``: RUN_LABEL
    (with the issuer on the cover and the sheets, and at the foot of every page)."""
    from ..core.headline import FOOTNOTES

    pages = pages or page_numbers(False, False, len(figures.townships))
    values = {f"ra_lbl_{key}": T.text(key, language) for key in T.TEXT}
    colon = "：" if language == "zh" else ": "
    issued = [f"{T.text('organisation', language)}{colon}{organisation}"] if organisation else []
    issued.append(f"{T.text('date', language)}{colon}{date_text}")
    run_label = (run_label or "").strip()
    if run_label:
        issued.append(f"{T.text('run_label', language)}{colon}{run_label}")
    made_with = T.text("made_with", language, version=versions[0], qgis=versions[1])
    county = figures.county
    values.update({
        "ra_title": title, "ra_organisation": organisation, "ra_date": date_text,
        "ra_issued": ("　　" if language == "zh" else "    ").join(issued), "ra_issued_lines": "\n".join(issued),
        "ra_page_pattern": "第 {n} 页 / 共 {total} 页" if language == "zh" else "Page {n} of {total}",
        "ra_made_with": f"{run_label} · {made_with}" if run_label else made_with, "ra_run_label": run_label,
        "ra_county_cover5": T.coverage_text(county, language),
        "ra_county_shelter": T.shelter_text(county, language, figures.shelter_target, county=True),
        "ra_county_major": T.major_text(county, language),
        "ra_county_m2pc": T.shelter_text(county, language, figures.shelter_target, with_deficit=False),
        "ra_target": T.target_text(figures.shelter_target),
        "ra_language": language,
        "ra_lbl_shelter_subtitle": T.text("shelter_subtitle", language, t=T.target_text(figures.shelter_target)),
        "ra_total_pages": str(pages["total"]), "ra_first_sheet": str(pages["first_sheet"]),
        "ra_note_map_units": FOOTNOTES["map_units"][0 if language == "zh" else 1],
        "ra_note_shelter": " ".join((FOOTNOTES["shelter_deficit"][0 if language == "zh" else 1],
                                     T.text("shelter_note", language))),
    })
    for page in ("cover", "fire", "shelter", "resources"):
        if page in pages:
            values[f"ra_page_{page}"] = T.text("page_of", language, n=pages[page], total=pages["total"])
    if figures.source_kinds:  # the atlas says which kinds of risk source the map combined
        from .resource_tables import source_kinds_text

        values["ra_lbl_cover_subtitle"] = (T.text("cover_subtitle_short", language)
                                           + source_kinds_text(figures.source_kinds, language))
    values.update(_headline_variables(headline, language))
    shown = {f.figure_id: f.shown for f in headline}
    if "shelter_area_m2" in shown:
        values["ra_shelter_basis"] = T.text("shelter_basis", language, a=shown["shelter_area_m2"],
                                            r=shown["shelter_residents"])
    return values


def atlas_settings(figures, language, page_size, dissolved, county_chart, variables, pages=None):
    county = figures.county
    pages = pages or page_numbers(False, False, len(figures.townships))
    return AtlasSettings(language=language, page_size=page_size, dissolved=dissolved,
                         enterprises_given=county.enterprises_by_level is not None,
                         coverage_given=county.covered_residents is not None,
                         shelters_given=county.m2_per_capita is not None,
                         major_given=county.major_by_grade is not None,
                         fire_page="fire" in pages, shelter_page="shelter" in pages,
                         resources_page="resources" in pages,
                         first_sheet=pages["first_sheet"], county_chart=county_chart, variables=variables)
