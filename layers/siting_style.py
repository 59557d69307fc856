"""Styles of riskatlas:firestationsiting's outputs on the map, in the look of its page (atlas/siting_page.py): the
chosen sites as large hollow red stars labelled with their rank (existing stations are filled red stars), the
demand still out of reach translucent red where a candidate could reach it and dark red where none can — so the
map beneath, and the sites, stay visible.

As data (``…_style``, no QGIS: ``styles/siting_*.qml``) and on a layer (``style_siting_…``)."""
from .qml import Labels, RuleBased, SingleSymbol, Style, apply_style, fill, marker, rgba

SITE_COLOUR, SITE_LABEL_COLOUR = "#C00000", "#800000"  # the page's STATION_COLOUR and rank colour
COVERABLE_COLOUR, UNREACHABLE_COLOUR = "#E34A33", "#780000"  # the reach gaps' red; the page's solid dark red

UNCOVERED_WORDS = {"coverable": ("仍未覆盖（候选站可达）", "Still out of reach (a candidate could reach)"),
                   "unreachable": ("无候选站可达", "No candidate reaches")}  # the map's and the page's legend


def _w(key, language):
    return UNCOVERED_WORDS[key][0 if language == "zh" else 1]


def siting_sites_style():
    """The chosen sites: hollow red stars, larger than the existing stations' filled ones, with their rank."""
    star = marker("star", rgba(SITE_COLOUR, 0.0), SITE_COLOUR, 7.0, outline_width=0.8)
    return Style(SingleSymbol(star), Labels('"rank"', 12, SITE_LABEL_COLOUR, around_point=True, distance=1.0,
                                            priority=10))


def siting_uncovered_style(language="zh"):
    """Demand still out of reach by ``coverable``, without outlines (thousands of small regions)."""
    return Style(RuleBased((
        (_w("coverable", language), '"coverable"', fill(rgba(COVERABLE_COLOUR, 0.35), None, outline_style="no")),
        (_w("unreachable", language), 'NOT "coverable"', fill(rgba(UNREACHABLE_COLOUR, 0.6), None, outline_style="no")),
    )))


def style_siting_sites(layer):
    apply_style(layer, siting_sites_style())


def style_siting_uncovered(layer, language="zh"):
    apply_style(layer, siting_uncovered_style(language))
